"""The candidate table's nitrogen column (issue 22, item 5): with an ``n_retention`` layer a
candidate's kg N per year equals area × rate; without it the cell is empty and the notes say
why, never 0."""

from __future__ import annotations

import csv
from pathlib import Path

import geopandas as gpd
from cli_runner import run_cli
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate
from naturplan.io.project.gpkg_store import GeoPackageStore

X0, Y0 = 550_000.0, 6_320_000.0


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def test_the_table_gives_area_times_rate_or_an_empty_cell(tmp_path: Path) -> None:
    muni = tmp_path / "kommune.gpkg"
    gpd.GeoDataFrame({"KOMKODE": ["0999"], "KOMNAVN": ["Testrup"]},
                     geometry=[box(X0, Y0, X0 + 5000, Y0 + 5000)], crs=25832).to_file(muni)
    retention = tmp_path / "retention.gpkg"
    gpd.GeoDataFrame({"rate_kg_n_ha": [12.0, 30.0]},
                     geometry=[box(X0, Y0, X0 + 1000, Y0 + 5000),
                               box(X0 + 1000, Y0, X0 + 5000, Y0 + 5000)],
                     crs=25832).to_file(retention)
    project = tmp_path / "plan.gpkg"
    with GeoPackageStore(project) as store:  # 1 ha at 12 kg, 3 ha at 30 kg: 102 kg N/yr
        store.insert(Candidate.new("lowland", box(X0 + 900, Y0, X0 + 1300, Y0 + 100), "Eng"))
    base = ["candidates", "export", "--project", str(project), "--no-sample",
            "--layer", f"municipality={muni}"]
    with_layer = run_cli([*base, "--layer", f"n_retention={retention}",
                          "--out", str(tmp_path / "med.csv")])
    assert with_layer.returncode == 0, with_layer.stderr
    (row,) = _rows(tmp_path / "med.csv")
    expected = 1 * 12.0 + 3 * 30.0
    assert row["Kvælstofreduktion (kg N/år)"] == f"{expected:.0f}"
    without = run_cli([*base, "--out", str(tmp_path / "uden.csv")])
    assert without.returncode == 0, without.stderr
    (row,) = _rows(tmp_path / "uden.csv")
    assert row["Kvælstofreduktion (kg N/år)"] == ""
    assert "Intet kvælstofretentionslag (rollen n_retention)" in without.stdout
