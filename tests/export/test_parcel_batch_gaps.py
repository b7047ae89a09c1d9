"""`parcels --out` never writes 0 for what it did not measure (issue 19 item 2): a theme with
no layer gives empty cells (CSV) and NULL (GeoPackage), and the CLI, the GeoPackage layer's
description and a sidecar beside the CSV say which themes were not evaluated."""

from __future__ import annotations

import csv
import sqlite3
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from naturplan.core.layers.layer import LayerSource, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.core.parcels.batch import parcel_table
from naturplan.core.parcels.context import ParcelContext
from naturplan.core.parcels.themes import SourceInfo, Theme, theme_layer
from naturplan.export.parcel_table import sidecar_path, write_parcel_table

NOT_MEASURED = ["natura2000_m2", "natura2000_share", "lowland_gt12_m2", "lowland_6_12_m2",
                "lowland_lt6_m2", "flood_share", "flood_mean_depth_m", "forest_wanted_m2",
                "forest_unwanted_m2"]


@pytest.fixture()
def only_p3() -> ParcelContext:
    """Two 100 x 100 m parcels and one §3 meadow over x 0-25: 25 % of the first parcel,
    nothing of the second. No Natura 2000, lowland, flood, forest-zone or candidate layer."""
    parcels = gpd.GeoDataFrame(
        {"ejerlavskode": [1, 1], "ejerlavsnavn": ["Test By", "Test By"],
         "matrikelnummer": ["1a", "1b"], "registreretAreal": [10000, 10000]},
        geometry=[shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)], crs=25832)
    p3 = VectorLayer(Role.NATURE_P3, gpd.GeoDataFrame(
        {"Natyp_navn": ["Eng"], "Objekt_id": ["e-1"]}, geometry=[shapely.box(0, 0, 25, 100)],
        crs=25832), LayerSource(path=Path("p3.gpkg")))
    themes = [theme_layer(Theme.NATURE_P3, p3, SourceInfo("p3", "p3.gpkg"))]
    return ParcelContext(parcels, SourceInfo("parcels", "parcels.gpkg"), themes)


def test_themes_without_a_layer_are_empty_not_zero(only_p3: ParcelContext) -> None:
    table = parcel_table(only_p3)
    assert table["p3_share"].tolist() == pytest.approx([0.25, 0.0])  # measured: 0 is 0
    assert table["p3_m2"].tolist() == pytest.approx([2500.0, 0.0])
    for column in NOT_MEASURED:
        assert table[column].isna().all(), column
    assert table["forest_zone"].isna().all() and table["candidate_ids"].isna().all()
    assert set(table.attrs["not_evaluated"]) == {"natura2000", "lowland", "flood",
                                                 "forest_zones", "candidates"}


def test_csv_cells_are_empty_and_the_sidecar_names_the_themes(only_p3: ParcelContext,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "status.csv"
    write_parcel_table(parcel_table(only_p3), only_p3, out, "da")
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["p3_share"] for r in rows] == ["0.2500", "0.0000"]
    for column in NOT_MEASURED:
        assert [r[column] for r in rows] == ["", ""], column
    notes = sidecar_path(out).read_text(encoding="utf-8")
    assert "Ikke vurderet" in notes
    for word in ("Natura 2000", "Lavbund", "Oversvømmelse", "Skovrejsning", "Kandidat"):
        assert word.lower() in notes.lower(), word
    assert "§3" not in notes


def test_geopackage_cells_are_null_and_the_layer_description_says_why(
        only_p3: ParcelContext, tmp_path: Path) -> None:
    out = tmp_path / "status.gpkg"
    write_parcel_table(parcel_table(only_p3), only_p3, out, "en")
    with sqlite3.connect(out) as db:
        nulls = db.execute("SELECT count(*) FROM parcel_status WHERE flood_share IS NULL AND "
                           "lowland_gt12_m2 IS NULL AND forest_wanted_m2 IS NULL").fetchone()
        measured = db.execute("SELECT p3_share FROM parcel_status ORDER BY fid").fetchall()
        (description,) = db.execute("SELECT description FROM gpkg_contents WHERE "
                                    "table_name = 'parcel_status'").fetchone()
    assert nulls == (2,)
    assert [v for (v,) in measured] == pytest.approx([0.25, 0.0])
    assert "Not evaluated" in description and "Flooding" in description


def test_cli_batch_without_flood_says_so_on_stderr(real_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "lejre.csv"
    result = subprocess.run(
        [sys.executable, "-m", "naturplan", "parcels", "--kommune", "0350", "--layer",
         f"parcels={real_data / 'lejre_borup_osted_matrikel_60851.gml'}", "--out", str(out)],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Ikke vurderet" in result.stderr and "Oversvømmelse" in result.stderr
    table = pd.read_csv(out)
    assert len(table) == 47
    assert table["flood_share"].isna().all() and table["lowland_gt12_m2"].isna().all()
    assert np.isfinite(table["area_m2"]).all()
