"""The candidate table carries what each candidate does (issues 10 and 11): hand-made layers
whose answers are computed by hand here, exported by ``naturplan candidates export`` and read
back with pyogrio and openpyxl.

The plan: a 50 ha lowland candidate (1000 × 500 m) whose west half lies on >12 % soil under
rotation and whose east half is flooded 1 m deep; an afforestation candidate overlapping a §3
hectare by 50 × 100 m = 0.5 ha. No afforestation-zones layer: that conflict is not measured.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import rasterio
from affine import Affine
from openpyxl import load_workbook
from shapely.geometry import box

from naturplan.cli import main
from naturplan.core.plan.candidates import Candidate
from naturplan.io import paths
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.text.analysis_words import firefighter_label

HA = 10_000.0
#: 25 ha on >12 % soil under rotation: drained CO2 + N2O − rewetted CH4, t CO2e per ha and year
#: (DESIGN.md, SEGES/DCE).
CO2E_T = 25 * (42.17 + 3.87 - 6.8)


@pytest.fixture(scope="module")
def hand_made(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("measures")
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    x, y = round(p.x, -1), round(p.y, -1)
    gpd.GeoDataFrame({"Objekt_id": ["A"], "Natyp_kode": [1], "Natyp_navn": ["Eng"],
                      "Besig_dato": ["2024-01-01"]},
                     geometry=[box(x, y, x + 100, y + 100)], crs=25832
                     ).to_file(folder / "p3.gpkg")
    gpd.GeoDataFrame({"carbon_class": [">12"], "land_use": ["rotation"]},
                     geometry=[box(x - 200, y + 2000, x + 500, y + 3000)], crs=25832
                     ).to_file(folder / "lowland.gpkg")
    gpd.GeoDataFrame({"Site_ident": ["X"], "Objektnavn": ["Fjernt"], "kind": ["habitat"]},
                     geometry=[box(x + 20_000, y + 20_000, x + 20_100, y + 20_100)],
                     crs=25832).to_file(folder / "n2000.gpkg")
    depth = np.zeros((300, 300), dtype="float32")  # 10 m cells from (x - 1000, y + 3500)
    depth[100:150, 150:200] = 1.0  # x + 500 .. x + 1000, y + 2000 .. y + 2500
    with rasterio.open(folder / "flood.tif", "w", driver="GTiff", width=300, height=300,
                       count=1, dtype="float32", crs="EPSG:25832", nodata=-9999,
                       transform=Affine(10, 0, x - 1000, 0, -10, y + 3500)) as dst:
        dst.write(depth, 1)
    project = folder / "plan.gpkg"
    with GeoPackageStore(project, author="test") as store:
        low = store.insert(Candidate.new("lowland", box(x, y + 2000, x + 1000, y + 2500),
                                         "Vådlægning Å"))
        forest = store.insert(Candidate.new("afforestation", box(x - 150, y, x + 50, y + 100),
                                            "Skov ved engen"))
    layers = {"nature_p3": folder / "p3.gpkg", "lowland": folder / "lowland.gpkg",
              "natura2000": folder / "n2000.gpkg", "flood": folder / "flood.tif"}
    return {"project": project, "layers": layers, "low": low.id, "forest": forest.id,
            "folder": folder}


def export(plan, out: Path, *extra: str, without: tuple[str, ...] = ()) -> int:  # type: ignore[no-untyped-def]
    options = [a for role, path in plan["layers"].items() if role not in without
               for a in ("--layer", f"{role}={path}")]
    return main(["candidates", "export", "--project", str(plan["project"]), "--out", str(out),
                 "--no-sample", *options, *extra])


def test_gpkg_carries_typed_measures_equal_to_the_hand_computation(hand_made, tmp_path,  # type: ignore[no-untyped-def]
                                                                    capsys) -> None:
    out = tmp_path / "kandidater.gpkg"
    assert export(hand_made, out) == 0
    stdout = capsys.readouterr().out
    assert "Intet lag med skovrejsningszoner" in stdout  # said where it is written
    frame = pyogrio.read_dataframe(out).set_index("id")
    low, forest = frame.loc[hand_made["low"]], frame.loc[hand_made["forest"]]
    assert low["co2e_t_per_year"] == pytest.approx(CO2E_T, rel=1e-9)
    assert low["co2e_t_per_ha"] == pytest.approx(CO2E_T / 50, rel=1e-9)
    assert low["organic_soil_pct"] == pytest.approx(50.0)
    assert not low["klima_lavbund"]  # 50 % < 60 % on organic soil
    assert low["flood_ha"] == pytest.approx(25.0, rel=1e-6)
    assert low["flood_pct"] == pytest.approx(50.0, rel=1e-6)
    assert low["flood_max_depth_m"] == pytest.approx(1.0)
    assert low["firefighter"] == "restores"
    assert forest["conflict_nature_p3_ha"] == pytest.approx(0.5, rel=1e-9)
    assert forest["conflict_natura2000_ha"] == 0.0  # measured: the site is 20 km away
    assert forest["sequestration_t_per_year"] > 0
    # not measured (no zones layer) or not for the kind: NULL, never 0
    assert np.isnan(forest["conflict_unwanted_forest_ha"])
    assert np.isnan(forest["co2e_t_per_year"]) and np.isnan(low["conflict_nature_p3_ha"])
    info = pyogrio.read_info(out)
    types = dict(zip(info["fields"], info["dtypes"], strict=True))
    assert types["co2e_t_per_year"] == "float64" and types["klima_lavbund"] == "bool"
    assert types["joins_patches"] == "int64" and types["firefighter_order"] == "int64"
    with sqlite3.connect(out) as conn:
        description = conn.execute("SELECT description FROM gpkg_contents").fetchone()[0]
    assert "Intet lag med skovrejsningszoner" in description


def test_xlsx_has_danish_headers_and_numbers(hand_made, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bilag.xlsx"
    assert export(hand_made, out) == 0
    book = load_workbook(out)
    sheet = book["Kandidatområder"]
    header = [c.value for c in sheet[1]]
    rows = {r[header.index("Id")]: dict(zip(header, r, strict=True))
            for r in sheet.iter_rows(min_row=2, max_row=3, values_only=True)}
    low, forest = rows[hand_made["low"]], rows[hand_made["forest"]]
    assert low["CO2e-reduktion (t CO2e/år)"] == pytest.approx(CO2E_T, rel=1e-9)
    assert isinstance(low["CO2e-reduktion (t CO2e/år)"], int | float)  # a number, not text
    assert low["Kan få Klima-Lavbund-tilskud"] == "nej"
    assert low["Oversvømmet (ha)"] == pytest.approx(25.0, rel=1e-6)
    assert low["Brandmandens lov"] == firefighter_label("restores", "da")
    assert low["Brandmandens rækkefølge"] == 1  # restoring comes before creating
    assert forest["Konflikt: §3-natur (ha)"] == pytest.approx(0.5, rel=1e-9)
    assert forest["Konflikt: skovrejsning uønsket (ha)"] is None
    assert forest["CO2e-reduktion (t CO2e/år)"] is None
    col = header.index("CO2e-reduktion (t CO2e/år)") + 1
    assert sheet.cell(row=2, column=col).number_format == "#,##0.0"
    about = [r[1] for r in book["Om tabellen"].iter_rows(values_only=True)]
    assert any("Intet lag med skovrejsningszoner" in str(r) for r in about)
    assert any("mindst 10 ha, mindst 60 %" in str(r) for r in about)


def test_without_a_lowland_layer_the_cells_are_empty_with_a_note(hand_made, tmp_path,  # type: ignore[no-untyped-def]
                                                                 capsys) -> None:
    out = tmp_path / "uden lavbund.csv"
    assert export(hand_made, out, without=("lowland",)) == 0
    assert "Intet lag med lavbundsjord" in capsys.readouterr().out
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    header = rows[0]
    by_name = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    low, forest = by_name["Vådlægning Å"], by_name["Skov ved engen"]
    assert low["CO2e-reduktion (t CO2e/år)"] == ""  # unknown, not 0
    assert low["Kan få Klima-Lavbund-tilskud"] == ""
    assert forest["Konflikt: organisk lavbundsjord (ha)"] == ""
    assert forest["Konflikt: §3-natur (ha)"] == "0,50"  # Danish decimal comma
    assert low["Oversvømmet (ha)"] == "25,00"
    xlsx = tmp_path / "uden lavbund.xlsx"
    assert export(hand_made, xlsx, without=("lowland",)) == 0
    about = [r[1] for r in load_workbook(xlsx)["Om tabellen"].iter_rows(values_only=True)]
    assert any("Intet lag med lavbundsjord" in str(r) for r in about)


def test_no_analysis_leaves_the_columns_out_and_english_headers(hand_made, tmp_path) -> None:  # type: ignore[no-untyped-def]
    plain = tmp_path / "plain.gpkg"
    assert export(hand_made, plain, "--no-analysis") == 0
    assert "co2e_t_per_year" not in pyogrio.read_info(plain)["fields"]
    english = tmp_path / "en.csv"
    assert export(hand_made, english, "--lang", "en") == 0
    head = english.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert "CO2e reduction (t CO2e/yr)" in head and "Conflict: §3 nature (ha)" in head


def test_connectivity_columns_and_a_cancel_that_skips_connectivity(hand_made) -> None:  # type: ignore[no-untyped-def]
    """ΔECA by hand: today one 1 ha patch (ECA = 1 ha). The forest overlaps it: one patch of
    250 × 100 m (ΔECA = 1.5 ha). The lowland area is 1.9 km away, beyond the 1 km links:
    ECA = √(1² + 50²) ha (ΔECA = √2501 − 1 ha)."""
    from naturplan.core.errors import OperationCancelled
    from naturplan.core.feedback import Feedback
    from naturplan.core.layers.roles import Role
    from naturplan.io.datasets import DatasetRequest, open_dataset
    from naturplan.io.loading import LayerRequest
    from naturplan.usecases.measures import measure_plan
    from naturplan.usecases.plan_data import load_plan_data

    request = DatasetRequest(layers=[LayerRequest(Role(r), p)
                                     for r, p in hand_made["layers"].items()], use_sample=False)
    dataset = open_dataset(request)
    data = load_plan_data(dataset, (Role.NATURE_P3,), hand_made["project"])
    measured = measure_plan(data)
    low, forest = data.measures[hand_made["low"]], data.measures[hand_made["forest"]]
    assert forest["delta_eca_m2"] / HA == pytest.approx(1.5, rel=1e-6)
    assert low["delta_eca_m2"] / HA == pytest.approx(np.sqrt(2501) - 1, rel=1e-6)
    assert forest["joins_patches"] == 1 and low["joins_patches"] == 0
    assert "connectivity_cancelled" not in measured.gaps

    def cancel_in_connectivity():  # type: ignore[no-untyped-def]
        state = {"on": False}

        def progress(fraction: float, message: str) -> None:
            state["on"] = state["on"] or message == "connectivity" or fraction > 0.3

        return Feedback(progress, lambda: state["on"])

    measured = measure_plan(data, skip_connectivity_on_cancel=True,
                            feedback=cancel_in_connectivity())
    assert "connectivity_cancelled" in measured.gaps
    low = data.measures[hand_made["low"]]
    assert low["delta_eca_m2"] is None and low["joins_patches"] is None
    assert low["co2e_t_per_year"] == pytest.approx(CO2E_T)  # the rest is measured
    with pytest.raises(OperationCancelled):
        measure_plan(data, feedback=cancel_in_connectivity())


def test_web_map_popups_say_what_each_candidate_does(hand_made, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "kort.html"
    options = [a for role, path in hand_made["layers"].items()
               for a in ("--layer", f"{role}={path}")]
    assert main(["export", "--format", "html", "--out", str(out), "--project",
                 str(hand_made["project"]), "--no-sample", *options]) == 0
    page = out.read_text(encoding="utf-8")
    assert '"co2e_t_per_year":"981,0"' in page  # 25 × 39,24 t, Danish format
    assert '"conflict_nature_p3_ha":"0,50"' in page
    escaped = json.dumps("Konflikt: §3-natur (ha)")[1:-1]  # the page's config is ASCII JSON
    assert escaped in page
    assert "Intet lag med skovrejsningszoner" in page  # the ledger box's notes
