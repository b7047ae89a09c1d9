"""The project GeoPackage's candidates have an R-tree (issue 24 §0): new and old projects, kept
in step with the app's edits, inserts and deletes and with other programs' edits (the sqlite3
tool, GDAL), and found by a bounding-box query through the index."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pyogrio
import pytest
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan
from naturplan.io.project.gpkg_rtree import RTREE, TRIGGERS
from naturplan.io.project.gpkg_store import GeoPackageStore

X0, Y0 = 550_000.0, 6_320_000.0
needs_sqlite3 = pytest.mark.skipif(shutil.which("sqlite3") is None,
                                   reason="the sqlite3 command-line tool is not installed")
needs_gdal = pytest.mark.skipif(shutil.which("ogrinfo") is None,
                                reason="GDAL's ogrinfo (gdal-bin) is not installed")


def _ids_in(path: Path, minx: float, miny: float, maxx: float, maxy: float) -> set[str]:
    """Candidates whose R-tree box meets the window: the query a windowed reader makes."""
    with sqlite3.connect(path) as conn:  # plain sqlite3, not naturplan's connection
        return {r[0] for r in conn.execute(
            f"SELECT c.id FROM candidates c JOIN {RTREE} r ON r.id = c.fid"
            " WHERE r.minx <= ? AND r.maxx >= ? AND r.miny <= ? AND r.maxy >= ?",
            (maxx, minx, maxy, miny))}


def _rtree_rows(path: Path) -> dict[str, tuple[float, float, float, float]]:
    with sqlite3.connect(path) as conn:
        return {r[0]: tuple(r[1:]) for r in conn.execute(
            f"SELECT c.id, r.minx, r.maxx, r.miny, r.maxy FROM {RTREE} r"
            " JOIN candidates c ON c.fid = r.id")}


def _project(tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / "plan.gpkg"
    with GeoPackageStore(path, author="anna") as store:
        plan = CandidatePlan(store)
        ids = [plan.add(Candidate.new("lowland", box(X0 + 1000 * i, Y0, X0 + 1000 * i + 250.5,
                                                     Y0 + 120.25), f"K{i}")).after[0].id
               for i in range(3)]
    return path, ids


def test_new_project_has_the_rtree_its_extension_row_and_triggers(tmp_path: Path) -> None:
    path, ids = _project(tmp_path)
    with sqlite3.connect(path) as conn:
        ext = conn.execute("SELECT table_name, column_name, scope FROM gpkg_extensions"
                           " WHERE extension_name = 'gpkg_rtree_index'").fetchall()
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert ext == [("candidates", "geom", "write-only")]
    assert RTREE in names and {name for name, _ in TRIGGERS} <= names
    rows = _rtree_rows(path)
    assert set(rows) == set(ids)
    for i, cid in enumerate(ids):  # as shapely gives them, to float32 (1 m here)
        minx, miny, maxx, maxy = box(X0 + 1000 * i, Y0, X0 + 1000 * i + 250.5,
                                     Y0 + 120.25).bounds
        assert rows[cid] == pytest.approx((minx, maxx, miny, maxy), abs=1.0)
        got = rows[cid]  # rounded outwards: the box always holds the geometry
        assert got[0] <= minx and got[1] >= maxx and got[2] <= miny and got[3] >= maxy
    # GDAL sees the index as the layer's spatial index.
    info = pyogrio.read_info(path, layer="candidates")
    assert info["capabilities"]["fast_spatial_filter"]


def test_the_index_follows_the_apps_edit_insert_and_delete(tmp_path: Path) -> None:
    path, ids = _project(tmp_path)
    moved = box(X0 + 20_000, Y0 + 30_000, X0 + 20_400, Y0 + 30_100)
    with GeoPackageStore(path, author="anna") as store:
        plan = CandidatePlan(store)
        plan.update(ids[0], geometry=moved)
        added = plan.add(Candidate.new("afforestation", box(X0 - 9000, Y0, X0 - 8000, Y0 + 50)))
        plan.delete(ids[1])
    new_id = added.after[0].id
    assert _ids_in(path, *moved.bounds) == {ids[0]}
    assert ids[0] not in _ids_in(path, X0, Y0, X0 + 250, Y0 + 120)  # not at its old place
    assert _ids_in(path, X0 - 9000, Y0, X0 - 8000, Y0 + 50) == {new_id}
    assert set(_rtree_rows(path)) == {ids[0], ids[2], new_id}


@needs_sqlite3
def test_the_sqlite3_tool_can_still_edit_and_the_index_follows(tmp_path: Path) -> None:
    """GDAL's triggers call ST_IsEmpty, which the sqlite3 tool lacks: every UPDATE of a
    candidate failed. These are plain SQL: a rename works, a moved geometry is found at its
    new place, and the outside-edit trigger still bumps the version."""
    path, ids = _project(tmp_path)
    moved = box(X0 + 50_000, Y0 - 7_000, X0 + 50_300, Y0 - 6_800)
    from naturplan.io.project.gpkg_format import encode_geometry

    blob = encode_geometry(moved).hex()
    sql = (f"UPDATE candidates SET name = 'Omdøbt' WHERE id = '{ids[2]}';"
           f" UPDATE candidates SET geom = x'{blob}' WHERE id = '{ids[1]}';"
           f" DELETE FROM candidates WHERE id = '{ids[0]}';")
    done = subprocess.run(["sqlite3", str(path), sql], capture_output=True, text=True,
                          timeout=30, check=False)
    assert done.returncode == 0, done.stderr
    assert _ids_in(path, *moved.bounds) == {ids[1]}
    assert set(_rtree_rows(path)) == {ids[1], ids[2]}
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM candidates WHERE id = ?",
                            (ids[1],)).fetchone() == (2,)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@needs_gdal
def test_a_gdal_edit_keeps_the_index_and_gdal_filters_through_it(tmp_path: Path) -> None:
    path, ids = _project(tmp_path)
    sql = ("UPDATE candidates SET geom = ST_GeomFromText("
           f"'MULTIPOLYGON((({X0 + 70000} {Y0}, {X0 + 70500} {Y0}, {X0 + 70500} {Y0 + 500},"
           f" {X0 + 70000} {Y0 + 500}, {X0 + 70000} {Y0})))', 25832) WHERE id = '{ids[0]}'")
    done = subprocess.run(["ogrinfo", "-q", str(path), "-dialect", "SQLITE", "-sql", sql],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and "ERROR" not in done.stderr, done.stderr
    assert _ids_in(path, X0 + 70_100, Y0 + 100, X0 + 70_200, Y0 + 200) == {ids[0]}
    frame = pyogrio.read_dataframe(path, layer="candidates",
                                   bbox=(X0 + 70_100, Y0 + 100, X0 + 70_200, Y0 + 200))
    assert list(frame["id"]) == [ids[0]]


def test_an_old_project_gets_the_index_filled_on_open(tmp_path: Path) -> None:
    path, ids = _project(tmp_path)
    with sqlite3.connect(path) as conn:  # a project made before the index
        for name, _ in TRIGGERS:
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute(f"DROP TABLE {RTREE}")
        conn.execute("DELETE FROM gpkg_extensions")
    before = path.read_bytes()
    GeoPackageStore(path, readonly=True).close()
    assert path.read_bytes() == before  # reading writes nothing
    GeoPackageStore(path, author="anna").close()
    assert set(_rtree_rows(path)) == set(ids)
    assert _ids_in(path, X0 + 2000, Y0, X0 + 2100, Y0 + 100) == {ids[2]}
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM gpkg_extensions WHERE extension_name ="
                            " 'gpkg_rtree_index'").fetchone() == (1,)
