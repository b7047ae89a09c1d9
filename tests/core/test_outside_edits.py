"""Edits of a project GeoPackage by other programs (issue 18, serious #5): the sqlite3 command
line tool and GDAL (ogrinfo -sql, as QGIS and ogr2ogr write through it) change a candidate;
naturplan sees a new version and an audit row by "anden klient" and raises a conflict instead
of silently putting its old values back."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pyogrio
import pytest
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan
from naturplan.io.project.gpkg_outside import OUTSIDE_AUTHOR, TRIGGERS
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.store import ConflictError

X0, Y0 = 550_000.0, 6_320_000.0

needs_sqlite3 = pytest.mark.skipif(shutil.which("sqlite3") is None,
                                   reason="the sqlite3 command-line tool is not installed")
needs_gdal = pytest.mark.skipif(shutil.which("ogrinfo") is None,
                                reason="GDAL's ogrinfo (gdal-bin) is not installed")


def _sqlite3_cli(path: Path, sql: str) -> str:
    done = subprocess.run(["sqlite3", str(path), sql], capture_output=True, text=True,
                          timeout=30, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _ogrinfo_sql(path: Path, sql: str) -> None:
    done = subprocess.run(["ogrinfo", "-q", str(path), "-sql", sql], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0 and "ERROR" not in done.stderr, done.stderr


def _project(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "plan.gpkg"
    with GeoPackageStore(path, author="anna") as store:
        plan = CandidatePlan(store)
        cid = plan.add(Candidate.new("lowland", box(X0, Y0, X0 + 100, Y0 + 100), "Mose",
                                     note="gammel")).after[0].id
    return path, cid


@needs_sqlite3
def test_outside_update_bumps_version_and_app_edit_is_a_conflict(tmp_path: Path) -> None:
    path, cid = _project(tmp_path)
    with GeoPackageStore(path, author="anna") as store:
        plan = CandidatePlan(store)
        seen = plan.get(cid).version
        # QGIS beside the app: a planner renames the area and writes a note.
        _sqlite3_cli(path, f"UPDATE candidates SET name = 'Ny mose', note = 'fra QGIS' "
                           f"WHERE id = '{cid}'")
        with pytest.raises(ConflictError) as caught:
            plan.update(cid, status="proposed")
        assert caught.value.params["by"] == OUTSIDE_AUTHOR
    conn = sqlite3.connect(path)
    name, note, status, version, by = conn.execute(
        "SELECT name, note, status, version, modified_by FROM candidates WHERE id = ?", (cid,)
    ).fetchone()
    assert (name, note, status) == ("Ny mose", "fra QGIS", "idea")  # not reverted
    assert version == seen + 1 and by == OUTSIDE_AUTHOR
    who, action, details = conn.execute(
        "SELECT who, action, details FROM audit WHERE candidate_id = ? ORDER BY fid DESC",
        (cid,)).fetchone()
    assert (who, action) == (OUTSIDE_AUTHOR, "update")
    assert json.loads(details) == {"op": "update", "version": seen + 1,
                                   "changed": ["name", "note"], "outside": True}


@needs_sqlite3
def test_after_reload_the_app_edits_the_outside_version(tmp_path: Path) -> None:
    path, cid = _project(tmp_path)
    _sqlite3_cli(path, f"UPDATE candidates SET name = 'Ny mose' WHERE id = '{cid}'")
    with GeoPackageStore(path, author="anna") as store:
        plan = CandidatePlan(store)
        plan.update(cid, status="proposed")
        stored = store.get(cid)
        assert stored is not None
        assert (stored.name, stored.status.value, stored.version) == ("Ny mose", "proposed", 3)
        rows = [(r.who, r.details.get("changed")) for r in store.audit(cid)]
    # The app's own write is its user's, naming only what it changed; no "anden klient" row.
    assert rows[-2:] == [(OUTSIDE_AUTHOR, ["name"]), ("anna", ["status"])]


@needs_sqlite3
def test_outside_insert_and_delete_are_audited(tmp_path: Path) -> None:
    path, cid = _project(tmp_path)
    blob = sqlite3.connect(path).execute(
        "SELECT hex(geom) FROM candidates WHERE id = ?", (cid,)).fetchone()[0]
    _sqlite3_cli(path, "INSERT INTO candidates (geom, id, kind, name, status, note,"
                       " counts_toward_target, created, modified, author, modified_by, version)"
                       f" VALUES (x'{blob}', 'ude-1', 'lowland', 'Udefra', 'idea', '', 1,"
                       " '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '', '', 1)")
    _sqlite3_cli(path, f"DELETE FROM candidates WHERE id = '{cid}'")
    with GeoPackageStore(path, author="anna") as store:
        assert [(r.who, r.action) for r in store.audit("ude-1")] == [(OUTSIDE_AUTHOR, "insert")]
        assert [(r.who, r.action) for r in store.audit(cid)][-1] == (OUTSIDE_AUTHOR, "delete")
        outside = store.get("ude-1")
        assert outside is not None and outside.modified_by == OUTSIDE_AUTHOR


@needs_gdal
def test_gdal_update_is_seen_as_outside(tmp_path: Path) -> None:
    """GDAL (QGIS and ogr2ogr write through it) opens the file as a GeoPackage and updates."""
    path, cid = _project(tmp_path)
    with GeoPackageStore(path, author="anna") as store:
        plan = CandidatePlan(store)
        _ogrinfo_sql(path, f"UPDATE candidates SET note = 'fra GDAL' WHERE id = '{cid}'")
        with pytest.raises(ConflictError):
            plan.update(cid, name="App-navn")
    frame = pyogrio.read_dataframe(path, layer="candidates")
    assert list(frame["note"]) == ["fra GDAL"] and list(frame["version"]) == [2]


def test_project_without_triggers_gets_them_on_open(tmp_path: Path) -> None:
    path, cid = _project(tmp_path)
    conn = sqlite3.connect(path)
    for name, _ in TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")  # a project made before the triggers
    conn.commit()
    conn.close()
    GeoPackageStore(path, author="anna").close()
    conn = sqlite3.connect(path)  # plain sqlite3 from Python is "another program" too
    conn.execute("UPDATE candidates SET name = 'Ude' WHERE id = ?", (cid,))
    conn.commit()
    assert conn.execute("SELECT version, modified_by FROM candidates").fetchone() == (
        2, OUTSIDE_AUTHOR)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    # Still a GeoPackage QGIS 3.22 reads: GDAL lists the layer and its fields.
    assert dict(pyogrio.list_layers(path))["candidates"] == "MultiPolygon"


def test_readonly_open_leaves_an_old_project_untouched(tmp_path: Path) -> None:
    path, _ = _project(tmp_path)
    conn = sqlite3.connect(path)
    for name, _ in TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    GeoPackageStore(path, readonly=True).close()
    assert path.read_bytes() == before


@needs_gdal
def test_a_spatial_index_qgis_made_follows_the_apps_writes(tmp_path: Path) -> None:
    """QGIS's "Create spatial index" adds GDAL's R-tree triggers, which call ST_MinX …; the
    app's writes failed with "no such function: ST_IsEmpty". Now they pass and the index
    holds the new bounds (checked against the box itself and by GDAL's own -spat query)."""
    path, cid = _project(tmp_path)
    # A project made before naturplan had its own index (issue 24), then indexed by QGIS.
    _ogrinfo_sql(path, "SELECT DisableSpatialIndex('candidates', 'geom')")
    _ogrinfo_sql(path, "SELECT CreateSpatialIndex('candidates', 'geom')")
    moved = box(X0 + 5000, Y0 + 5000, X0 + 5300, Y0 + 5100)
    with GeoPackageStore(path, author="anna") as store:
        plan = CandidatePlan(store)
        plan.update(cid, geometry=moved, name="Flyttet")
        added = plan.add(Candidate.new("lowland", box(X0, Y0, X0 + 10, Y0 + 10))).after[0]
        plan.delete(added.id)
    conn = sqlite3.connect(path)
    rows = conn.execute("SELECT minx, maxx, miny, maxy FROM rtree_candidates_geom").fetchall()
    conn.close()
    minx, miny, maxx, maxy = moved.bounds
    assert len(rows) == 1
    assert rows[0] == pytest.approx((minx, maxx, miny, maxy), abs=0.01)
    done = subprocess.run(["ogrinfo", "-q", str(path), "candidates", "-spat",
                           str(minx + 1), str(miny + 1), str(maxx - 1), str(maxy - 1)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert "Flyttet" in done.stdout


_SYSTEM_PYTHON = "/usr/bin/python3"
_QGIS_EDIT = """
import sys
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
path, cid, name = sys.argv[1:4]
layer = QgsVectorLayer(f"{path}|layername=candidates", "c", "ogr")
assert layer.isValid()
layer.startEditing()
for f in layer.getFeatures():
    if f["id"] == cid:
        layer.changeAttributeValue(f.id(), layer.fields().indexOf("name"), name)
ok = layer.commitChanges()
del layer
app.exitQgis()
sys.exit(0 if ok else 1)
"""


def _system_python_has(module: str) -> bool:
    if not Path(_SYSTEM_PYTHON).exists():
        return False
    done = subprocess.run([_SYSTEM_PYTHON, "-c", f"import {module}"], capture_output=True,
                          timeout=60, check=False, env={"PATH": "/usr/bin:/bin"})
    return done.returncode == 0


def test_qgis_edit_is_a_conflict_and_the_file_stays_a_valid_geopackage(tmp_path: Path) -> None:
    """QGIS 3.22 itself (python3-qgis, a separate Qt5 process) renames a candidate while the
    app has it open; GDAL's GeoPackage validator accepts the file with the triggers."""
    if not _system_python_has("qgis.core"):
        pytest.skip("QGIS (python3-qgis) is not installed")
    path, cid = _project(tmp_path)
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    with GeoPackageStore(path, author="anna") as store:
        plan = CandidatePlan(store)
        done = subprocess.run([_SYSTEM_PYTHON, "-c", _QGIS_EDIT, str(path), cid, "Fra QGIS"],
                              capture_output=True, text=True, timeout=120, check=False,
                              env=env)
        assert done.returncode == 0, done.stderr
        with pytest.raises(ConflictError):
            plan.update(cid, note="fra appen")
        stored = store.get(cid)
        assert stored is not None and (stored.name, stored.note) == ("Fra QGIS", "gammel")
    validator = Path("/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py")
    if validator.exists():
        done = subprocess.run([_SYSTEM_PYTHON, str(validator), str(path)], capture_output=True,
                              text=True, timeout=120, check=False, env=env)
        assert done.returncode == 0 and done.stdout.strip() == "", done.stdout + done.stderr


@needs_gdal
def test_ogr2ogr_append_is_audited_as_an_outside_insert(tmp_path: Path) -> None:
    import geopandas as gpd

    path, _ = _project(tmp_path)
    source = tmp_path / "konsulent.gpkg"
    stamp = "2026-01-01T00:00:00.000Z"
    gpd.GeoDataFrame(
        {"id": ["ogr-1"], "kind": ["lowland"], "name": ["Fra ogr2ogr"], "status": ["idea"],
         "note": [""], "counts_toward_target": [1], "created": [stamp], "modified": [stamp],
         "author": [""], "modified_by": [""], "version": [1]},
        geometry=[box(X0 + 3000, Y0, X0 + 3200, Y0 + 200)], crs=25832,
    ).to_file(source, layer="candidates")
    done = subprocess.run(["ogr2ogr", "-append", "-update", str(path), str(source),
                           "candidates", "-nln", "candidates", "-nlt", "MULTIPOLYGON"],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    with GeoPackageStore(path, author="anna") as store:
        added = store.get("ogr-1")
        assert added is not None and added.name == "Fra ogr2ogr"
        assert added.area_m2 == pytest.approx(200 * 200)
        assert [(r.who, r.action) for r in store.audit("ogr-1")] == [(OUTSIDE_AUTHOR, "insert")]
