"""The window on a plan area of two municipalities (issue 22 item 3): the borders between
them are a layer of the layer panel, the dashboard's totals give the plan's kg N per year
(area × rate by hand) and, once the N-retention layer is removed through its menu, an empty
cell with the reason; the Plandata dialog's *Kommune* box exports the chosen municipality's
part only (checked against shapely's cut of the DAGI border)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from shapely.geometry import box

from naturplan.core.layers.dataset import BORDERS_LAYER
from naturplan.core.layers.roles import Role
from naturplan.io.datasets import DatasetRequest
from naturplan.io.loading import LayerRequest, load_municipality

SPLIT_X = 551_700.0
ACROSS = box(549_700, 6_304_800, 553_700, 6_308_800)  # across Aalborg|Rebild and both rates


@pytest.fixture()
def area_window(open_window, tmp_path: Path):  # type: ignore[no-untyped-def]
    p3, ret = tmp_path / "p3.gpkg", tmp_path / "ret.gpkg"
    gpd.GeoDataFrame({"Natyp_navn": ["Mose"]},
                     geometry=[box(560_000, 6_305_000, 565_000, 6_311_000)],
                     crs=25832).to_file(p3)
    gpd.GeoDataFrame({"rate_kg_n_ha": [12.0, 30.0]},
                     geometry=[box(500_000, 6_250_000, SPLIT_X, 6_340_000),
                               box(SPLIT_X, 6_250_000, 600_000, 6_340_000)],
                     crs=25832).to_file(ret)
    win = open_window(DatasetRequest(
        kommune="0851,0840", use_sample=False,
        layers=(LayerRequest(Role.NATURE_P3, p3), LayerRequest(Role.N_RETENTION, ret))))
    yield win
    win.close()


def _right_click(window, role: str):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    panel = window.layers_dock.list
    item = window.layers_dock.item_for_role(role)
    at = panel.visualItemRect(item).center()
    QTest.mouseClick(panel.viewport(), Qt.MouseButton.RightButton, pos=at)
    QApplication.sendEvent(panel.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, at, panel.viewport().mapToGlobal(at)))
    return window.layers_dock.context_menu


def test_borders_and_the_kg_n_on_the_dashboard(area_window, qtbot, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    window = area_window
    borders = [e for e in window.layers if e.layer.name == BORDERS_LAYER]
    assert len(borders) == 1 and borders[0].visible
    assert borders[0].style.title.get("da") == "Kommunegrænser i planområdet"
    assert list(borders[0].layer.frame["KOMNAVN"]) == ["Aalborg", "Rebild"]
    assert window.dashboard_dock.subtitle.text() == (
        "af Aalborg og Rebild Kommuner er beskyttet natur")
    # an import reaching outside says which area (the words of the import's summary)
    words = window.editing.importer._outside_words(window.dataset.municipality, 2)
    assert words == "2 rækker ud over Aalborg og Rebild Kommuner; kun delen indenfor tæller med."
    window.session.add(ACROSS, "Lavbund over grænsen")
    totals = window.analysis.totals
    qtbot.waitUntil(lambda: totals.result is not None and totals.result.candidates == 1,
                    timeout=30_000)
    rows = window.analysis.totals_widget.rows
    # by hand: 800 ha west of the split at 12 kg N/ha/yr, 800 ha east at 30
    west = (SPLIT_X - 549_700) * 4_000 / 1e4
    east = (553_700 - SPLIT_X) * 4_000 / 1e4
    assert rows["nitrogen"] == (f"{west * 12 + east * 30:,.0f}".replace(",", ".") + " kg N/år",
                                "")
    menu = _right_click(window, "n_retention")
    next(a for a in menu.actions() if a.text() == "Fjern lag").trigger()
    menu.close()
    qtbot.waitUntil(lambda: rows["nitrogen"][1] != "", timeout=30_000)
    assert rows["nitrogen"] == ("", "intet kvælstofretentionslag indlæst")


def test_the_plandata_dialogs_kommune_box(area_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from naturplan.core.national.marks import NationalRecord, PlanFacts
    from naturplan.io.national import write_national

    window = area_window
    window.session.add(ACROSS, "Eng over grænsen")
    plan = window.workspace.plan
    (candidate,) = plan.candidates()
    plan.update(candidate.id, status="adopted")
    write_national(window.workspace.store, NationalRecord(PlanFacts(
        plan_id=4711, plan_name="Naturplan 2026", date_proposed="2026-03-01",
        date_adopted="2026-09-15")))
    dialog = window.exports.export_plandata()
    qtbot.waitUntil(dialog.isVisible)
    box_ = dialog.kommune
    assert box_.isVisibleTo(dialog)
    assert [box_.itemText(i) for i in range(box_.count())] == ["Aalborg (0851)", "Rebild (0840)"]
    dialog.folder.setText(str(tmp_path))
    for code in ("0840", "0851"):
        out = tmp_path / code
        out.mkdir()
        dialog.folder.setText(str(out))
        box_.setCurrentIndex(box_.findData(code))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        frame = pyogrio.read_dataframe(out / "retningslinje_1113_lavbund.shp")
        part = load_municipality(code).geometry
        assert 0 < frame.geometry.iloc[0].area < ACROSS.area
        assert frame.geometry.iloc[0].area == pytest.approx(
            shapely.intersection(ACROSS, part).area, rel=1e-6)
        assert list(frame.komnr) == [int(code)]
        assert "Skrev 1 område i tema 1113" in dialog.text.toPlainText()


def test_the_sample_over_three_municipalities_on_the_dashboard(  # type: ignore[no-untyped-def]
        open_window, sample_env) -> None:
    """The shipped sample over Aalborg, Rebild and Vesthimmerland: every municipality's
    line under "Pr. kommune" is its share of the union of the sample's §3 layers (Aalborg's
    and the neighbours', read plainly with geopandas) inside its DAGI border; none is 0."""
    import pandas as pd

    from naturplan.io.paths import NATIONAL_MUNICIPALITIES, layers_dir

    window = open_window(DatasetRequest(kommune="0851,0840,0820",
                                        sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"])))
    assert window.dataset.sample == "used"
    p3 = window.dataset.vector(Role.NATURE_P3)
    assert len(p3) == 2 and all(layer.source.synthetic for layer in p3)
    frames = [gpd.read_file(layer.source.path, layer=layer.source.label.split(":")[1])
              for layer in p3]
    union = shapely.union_all(pd.concat(frames).geometry.to_numpy())
    dagi = gpd.read_file(layers_dir() / NATIONAL_MUNICIPALITIES).to_crs(25832)
    dagi["KOMKODE"] = dagi["KOMKODE"].astype(str).str.zfill(4)
    dagi = dagi.dissolve("KOMKODE")
    text = window.dashboard_dock.municipalities.text()
    assert window.dashboard_dock.municipalities.isVisible()
    for code, name in (("0851", "Aalborg"), ("0840", "Rebild"), ("0820", "Vesthimmerlands")):
        shape = dagi.loc[code].geometry
        share = union.intersection(shape).area / shape.area
        assert share > 0.05
        assert f"{name} ({code}): {share * 100:.2f} %".replace(".", ",") in text
    window.close()
