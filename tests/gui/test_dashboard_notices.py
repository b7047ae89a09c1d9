"""Issue 7 §2 on the dashboard: "0 % because nothing was there" is said under the big number
(no §3 layer; a §3 layer whose features all lie outside the municipality), follows the layers
as they are added and removed, and Add layer says it in the status bar too."""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from naturplan.core.layers.roles import Role
from naturplan.io.datasets import DatasetRequest
from naturplan.io.loading import LayerRequest

#: Where to leave the screenshots for a person to look at (unset: only the test's tmp_path).
LOOK = os.environ.get("NATURPLAN_LOOK_DIR")
NO_P3 = ("Intet lag spiller den beskyttede rolle nature_p3 i Aalborg: den lægger intet til "
         "andelen.")


@pytest.fixture
def far_p3(tmp_path) -> Path:
    """Two §3 squares in Copenhagen (EPSG:25832), far outside Aalborg Kommune."""
    path = tmp_path / "far_p3.gpkg"
    gpd.GeoDataFrame(
        {"Objekt_id": ["F-1", "F-2"], "Natyp_kode": [3, 1], "Natyp_navn": ["Mose", "Eng"],
         "Besig_dato": ["2024-05-01"] * 2},
        geometry=[shapely.box(724_000, 6_175_000, 724_300, 6_175_300),
                  shapely.box(725_000, 6_175_000, 725_300, 6_175_300)],
        crs=25832,
    ).to_file(path, layer="p3")
    return path


def _without_p3(fixture_files, *extra: LayerRequest) -> DatasetRequest:
    layers = tuple(LayerRequest(Role(role), path) for role, path in fixture_files.items()
                   if role != "nature_p3")
    return DatasetRequest(use_sample=False, layers=layers + extra)


def _shown_whole(label) -> bool:
    """The label is visible and as tall as its wrapped text needs at its width."""
    return (label.isVisible() and label.width() > 200
            and label.height() >= label.heightForWidth(label.width()))


def _grab(qtbot, win, tmp_path: Path, name: str) -> None:
    """The whole window as a PNG, the map drawn and the dashboard's page refitted."""
    win.canvas.render_now()
    qtbot.wait(50)
    assert _shown_whole(win.dashboard_dock.notices)
    image = win.grab()
    assert image.save(str(tmp_path / name))
    if LOOK:
        image.save(str(Path(LOOK) / name))


def test_no_protected_layer_is_said_under_the_big_number(qtbot, open_window, fixture_files,
                                                         tmp_path):
    win = open_window(_without_p3(fixture_files))
    dock = win.dashboard_dock
    assert dock.headline.text() == "0,00 %"
    qtbot.waitUntil(lambda: _shown_whole(dock.notices), timeout=10_000)
    assert NO_P3 in dock.notices.text().splitlines()[0]
    # Right under the big number and its subtitle, before the bar.
    assert dock.subtitle.geometry().bottom() <= dock.notices.geometry().top()
    assert dock.notices.geometry().bottom() <= dock.bar.geometry().top()
    _grab(qtbot, win, tmp_path, "dashboard_no_p3.png")
    win.close()


def test_a_p3_layer_outside_the_municipality_is_said_and_followed(
        qtbot, open_window, fixture_files, far_p3, tmp_path):
    far = LayerRequest(Role.NATURE_P3, far_p3)
    win = open_window(_without_p3(fixture_files, far))
    dock = win.dashboard_dock
    assert dock.headline.text() == "0,00 %"
    outside = "Ingen af de 2 objekter i far_p3.gpkg"
    qtbot.waitUntil(lambda: _shown_whole(dock.notices), timeout=10_000)
    assert outside in dock.notices.text() and "ligger i Aalborg." in dock.notices.text()
    assert NO_P3 not in dock.notices.text()
    _grab(qtbot, win, tmp_path, "dashboard_p3_outside.png")
    # Removed: the dashboard says that no layer plays the role now.
    win.layers_dock.list.setCurrentItem(win.layers_dock.item_for_role("nature_p3"))
    win.act_remove_layer.trigger()
    qtbot.waitUntil(lambda: NO_P3 in dock.notices.text(), timeout=30_000)
    assert outside not in dock.notices.text()
    # Added again with Add layer: the status bar says it, the dashboard too.
    win.statusBar().clearMessage()
    win.add_layer(far)
    qtbot.waitUntil(lambda: outside in win.statusBar().currentMessage(), timeout=60_000)
    assert outside in dock.notices.text() and NO_P3 not in dock.notices.text()
    _grab(qtbot, win, tmp_path, "dashboard_p3_added_outside.png")
    win.close()


def test_a_layer_inside_says_nothing(window):
    dock = window.dashboard_dock
    assert dock.share.area_m2 > 0
    assert not dock.notices.isVisible() and dock.shown_notices == []
