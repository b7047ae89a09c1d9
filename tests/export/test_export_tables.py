"""The candidate table exported and read back: xlsx (openpyxl), csv, gpkg, shp, geojson
(pyogrio) equal the plan: geometry, names with æøå, numbers (against plain shapely)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pyogrio
import pytest
import shapely
from export_helpers import Plan, expected_gain
from openpyxl import load_workbook

from naturplan.core.errors import ExportError
from naturplan.core.layers.roles import Role
from naturplan.export.tables import CANDIDATE_COLUMNS, TableNotes, export_candidates
from naturplan.usecases.plan_data import load_plan_data


@pytest.fixture()
def records(plan: Plan):  # type: ignore[no-untyped-def]
    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    return data.records()


def test_gain_column_matches_plain_shapely(plan: Plan, records) -> None:  # type: ignore[no-untyped-def]
    by_id = {r.candidate.id: r for r in records}
    assert len(records) == len(plan.candidates)
    for c in plan.candidates:
        assert by_id[c.id].gain_m2 == pytest.approx(expected_gain(plan, c), rel=1e-9, abs=1e-6)
    first = by_id[plan.candidates[0].id]
    # it half covers a §3 polygon: the gain is clearly less than the area, and positive
    assert 0.2 * first.candidate.area_m2 < first.gain_m2 < 0.9 * first.candidate.area_m2


@pytest.mark.parametrize("suffix", [".gpkg", ".shp", ".geojson"])
def test_vector_files_read_back_equal_the_plan(plan: Plan, records, tmp_path: Path,  # type: ignore[no-untyped-def]
                                               suffix: str) -> None:
    out = tmp_path / f"kandidater æøå{suffix}"
    export_candidates(out, records)
    frame = pyogrio.read_dataframe(out)
    name_field = "navn" if suffix == ".shp" else "name"
    gain_field = "ny_nat_ha" if suffix == ".shp" else "new_nature_ha"
    area_field = "areal_ha" if suffix == ".shp" else "area_ha"
    if suffix == ".geojson":
        assert frame.crs.to_epsg() == 4326
        frame = frame.to_crs(25832)
        tolerance = 0.05  # 7 decimals of a degree, reprojected twice
    else:
        assert frame.crs.to_epsg() == 25832
        tolerance = 1e-6
    assert list(frame["id"]) == [r.candidate.id for r in records]
    for row, record in zip(frame.itertuples(), records, strict=True):
        c = record.candidate
        assert getattr(row, name_field) == c.name  # æøå and the hostile text, unchanged
        assert shapely.hausdorff_distance(row.geometry, c.geometry) < tolerance
        rel = 1e-4 if suffix == ".geojson" else 1e-9
        assert shapely.area(row.geometry) == pytest.approx(c.area_m2, rel=rel)
        assert getattr(row, area_field) == pytest.approx(shapely.area(c.geometry) / 1e4,
                                                         rel=1e-9)
        assert getattr(row, gain_field) == pytest.approx(expected_gain(plan, c) / 1e4,
                                                         rel=1e-9, abs=1e-9)
        kind = row.type if suffix == ".shp" else row.kind
        assert kind == c.kind.value and row.status == c.status.value


def test_gpkg_is_version_1_2_for_old_qgis(records, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    out = tmp_path / "k.gpkg"
    export_candidates(out, records)
    with sqlite3.connect(out) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 10200


def test_xlsx_has_danish_headers_formats_and_the_plan_numbers(plan: Plan, records,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    out = tmp_path / "bilag.xlsx"
    export_candidates(out, records, "da", TableNotes(project="plan.gpkg", synthetic=("§3",)))
    book = load_workbook(out)
    sheet = book["Kandidatområder"]
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["Navn", "Type", "Status", "Areal (ha)", "Ny natur (ha)",
                          "Tæller med i målet"]
    rows = list(sheet.iter_rows(min_row=2, max_row=len(records) + 1, values_only=True))
    for row, record in zip(rows, records, strict=True):
        c = record.candidate
        assert row[0] == c.name
        assert row[3] == pytest.approx(c.area_m2 / 1e4, rel=1e-12)
        assert row[4] == pytest.approx(expected_gain(plan, c) / 1e4, rel=1e-9, abs=1e-9)
    assert rows[0][1] == "Udtagning af lavbundsjord"
    assert rows[1][2] == "Forslag"
    assert rows[2][5] == "nej"  # connectivity does not count by default
    assert sheet.cell(row=2, column=4).number_format == "#,##0.00"
    total = sheet.cell(row=len(records) + 3, column=4).value
    assert total == pytest.approx(sum(r.candidate.area_m2 for r in records) / 1e4)
    about = [tuple(r) for r in book["Om tabellen"].iter_rows(values_only=True)]
    assert any("syntetiske" in str(r[1]) for r in about)


def test_csv_danish_semicolons_and_decimal_comma(plan: Plan, records, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "bilag.csv"
    export_candidates(out, records, "da")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel opens æøå right
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0][0] == "Navn" and len(rows) == len(records) + 1
    for row, record in zip(rows[1:], records, strict=True):
        assert row[0] == record.candidate.name
        assert float(row[3].replace(",", ".")) == pytest.approx(
            record.candidate.area_m2 / 1e4, abs=0.005)
        assert float(row[4].replace(",", ".")) == pytest.approx(
            expected_gain(plan, record.candidate) / 1e4, abs=0.005)
    english = tmp_path / "en.csv"
    export_candidates(english, records, "en")
    head = english.read_text(encoding="utf-8-sig").splitlines()[0]
    assert head.startswith("Name,Kind,Status,Area (ha),New nature (ha)")


def test_unknown_format_is_a_clear_error(records, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExportError, match="use .xlsx, .csv"):
        export_candidates(tmp_path / "x.docx", records)


def test_columns_come_from_one_place() -> None:
    keys = [c.key for c in CANDIDATE_COLUMNS]
    assert len(set(keys)) == len(keys)
    assert all(len(c.shp) <= 10 for c in CANDIDATE_COLUMNS)


def test_cli_candidates_export(plan: Plan, tmp_path: Path, sample_env: dict[str, str]) -> None:
    out = tmp_path / "ud.xlsx"
    result = subprocess.run(
        [sys.executable, "-m", "naturplan", "candidates", "export", "--project", str(plan.path),
         "--out", str(out)], capture_output=True, text=True, timeout=300,
        env={**os.environ, **sample_env},
    )
    assert result.returncode == 0, result.stderr
    assert "5 kandidatområder" in result.stdout
    assert load_workbook(out)["Kandidatområder"].max_row >= 6
    bad = subprocess.run(
        [sys.executable, "-m", "naturplan", "candidates", "export", "--project",
         str(tmp_path / "none.gpkg"), "--out", str(out)], capture_output=True, text=True,
        timeout=300, env={**os.environ, **sample_env},
    )
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "none.gpkg" in bad.stderr
