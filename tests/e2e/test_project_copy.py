"""``naturplan project copy`` between GeoPackage and PostGIS (candidates, audit, settings and
scenarios), and ``--project`` naming a database on every command (issue 13)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import psycopg
import pyogrio
import pytest
import shapely
from shapely.geometry import LineString, box

from naturplan.cli import main
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project.copy import copy_project
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.postgis_schema import SCHEMA
from naturplan.io.project.postgis_store import PostGISStore
from naturplan.io.project.store import NotAProjectError, StoreError

X0, Y0 = 550_000.0, 6_320_000.0
HOSTILE = "'); DROP TABLE candidates; --"
DANISH = "Æbleø å"


def _plan_file(path: Path) -> None:
    """A GeoPackage plan with some history: edits, a delete, an undo, a split, settings,
    scenarios (renamed, deleted, empty, naming a candidate that is gone)."""
    with GeoPackageStore(path, author="anna") as store:
        plan = CandidatePlan(store)
        holed = box(X0, Y0, X0 + 300, Y0 + 300).difference(box(X0 + 100, Y0 + 100, X0 + 200,
                                                                Y0 + 200))
        a = plan.add(Candidate.new("lowland", holed, HOSTILE, note=DANISH)).after[0]
        b = plan.add(Candidate.new("afforestation", shapely.MultiPolygon(
            [box(X0 + 500, Y0, X0 + 600, Y0 + 100), box(X0 + 700, Y0, X0 + 800, Y0 + 100)]),
            DANISH)).after[0]
        c = plan.add(Candidate.new("connectivity", box(X0 + 0.1, Y0 + 400, X0 + 1000.3,
                                                       Y0 + 420.7), "Korridor")).after[0]
        plan.update(a.id, status="proposed", counts_toward_target=False)
        plan.revert(plan.delete(b.id))
        plan.split(c.id, LineString([(X0 + 500, Y0 + 390), (X0 + 500, Y0 + 430)]))
        store.set_settings({"plan": {"layers": [], "kommune": "0851"}, "factors": 1.0 / 3.0,
                            HOSTILE: [DANISH, None, True]})
        first = store.insert_scenario(Scenario.new("Forslag A", [c.id, a.id, b.id], DANISH))
        store.update_scenario(first.with_changes(name=HOSTILE), 1)
        store.insert_scenario(Scenario.new(DANISH))
        gone = store.insert_scenario(Scenario.new("Slettet", [b.id]))
        store.delete_scenario(gone.id, 1)
        store.insert_scenario(Scenario.new("Forslag C", [b.id, "a-candidate-deleted-since"]))


def _gpkg_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        cols = ("geom, id, kind, name, status, note, counts_toward_target, created, modified,"
                " author, modified_by, version")
        return {
            "candidates": conn.execute(f"SELECT {cols} FROM candidates ORDER BY id").fetchall(),
            "audit": conn.execute("SELECT at, who, action, candidate_id, details FROM audit"
                                  " ORDER BY fid").fetchall(),
            "settings": conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall(),
            "scenarios": conn.execute(
                "SELECT id, name, description, candidate_ids, created, modified, author,"
                " modified_by, version FROM scenarios ORDER BY id").fetchall(),
        }
    finally:
        conn.close()


def test_geopackage_to_postgis_to_geopackage_is_identical(pg_project: str,
                                                          tmp_path: Path) -> None:
    first, back = tmp_path / "first.gpkg", tmp_path / "back.gpkg"
    _plan_file(first)
    assert main(["project", "copy", str(first), pg_project]) == 0
    assert main(["project", "copy", pg_project, str(back)]) == 0
    original, returned = _gpkg_rows(first), _gpkg_rows(back)
    assert len(original["candidates"]) == 4 and len(original["audit"]) >= 14
    assert len(original["scenarios"]) == 3
    assert returned == original  # geometry blobs to the byte, every field, audit, settings,
    # scenarios (their candidate lists as the same JSON text, in the planner's order)
    # In the database the geometry is the same WKB that the GeoPackage blob carries.
    with psycopg.connect(pg_project) as conn:
        rows = dict(conn.execute(f"SELECT id, ST_AsBinary(geom, 'NDR') FROM {SCHEMA}.candidates"
                                 ).fetchall())
        valid = conn.execute(f"SELECT bool_and(ST_IsValid(geom)) FROM {SCHEMA}.candidates"
                             ).fetchone()
    for blob, cid, *_ in original["candidates"]:
        assert isinstance(blob, bytes) and bytes(rows[cid]) == blob[40:]  # header + envelope
    assert valid == (True,)
    frame = pyogrio.read_dataframe(back, layer="candidates")
    assert len(frame) == 4 and frame.crs.to_epsg() == 25832


def test_postgis_to_geopackage_keeps_a_team_plan(pg_project: str, tmp_path: Path) -> None:
    with PostGISStore(pg_project, author="anna") as anna, \
            PostGISStore(pg_project, author="bo") as bo:
        c = anna.insert(Candidate.new("lowland", box(X0, Y0, X0 + 50, Y0 + 50), "A"))
        bo.update(c.with_changes(name="B"), expected_version=1)
        expected = (anna.candidates(), anna.audit(), anna.settings())
    out = tmp_path / "team.gpkg"
    report = copy_project(pg_project, out)
    assert (report.candidates, report.audit_rows) == (1, 3)
    with GeoPackageStore(out, readonly=True) as store:
        assert (store.candidates(), store.audit(), store.settings()) == expected
    assert [r.who for r in expected[1]] == ["anna", "anna", "bo"]


def test_a_destination_with_a_plan_is_refused_unless_replaced(pg_project: str, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]
                                                              ) -> None:
    one, two = tmp_path / "one.gpkg", tmp_path / "two.gpkg"
    _plan_file(one)
    with GeoPackageStore(two, author="bo") as store:
        store.insert(Candidate.new("lowland", box(X0, Y0, X0 + 10, Y0 + 10), "Bo's"))
    before = two.read_bytes()
    assert main(["project", "copy", str(one), str(two)]) == 1
    err = capsys.readouterr().err
    assert "indeholder allerede en plan (1 kandidatområde)" in err and "--replace" in err
    assert main(["project", "copy", str(one), str(two), "--lang", "en"]) == 1
    assert "already holds a plan (1 candidate area)" in capsys.readouterr().err
    assert two.read_bytes() == before
    assert main(["project", "copy", str(one), str(two), "--replace"]) == 0
    assert _gpkg_rows(two) == _gpkg_rows(one)
    # The same for a database.
    assert main(["project", "copy", str(two), pg_project]) == 0
    with PostGISStore(pg_project, author="bo") as store:
        store.insert(Candidate.new("lowland", box(X0, Y0, X0 + 10, Y0 + 10), "later"))
        n = len(store.candidates())
    with pytest.raises(StoreError, match="already holds a plan"):
        copy_project(one, pg_project)
    with PostGISStore(pg_project, readonly=True) as store:
        assert len(store.candidates()) == n
    copy_project(one, pg_project, overwrite=True)
    with PostGISStore(pg_project, readonly=True) as store:
        assert len(store.candidates()) == n - 1
    # A file that is not a project is never replaced, not even when told.
    notes = tmp_path / "notes.gpkg"
    notes.write_text("my notes")
    with pytest.raises(NotAProjectError):
        copy_project(one, notes, overwrite=True)
    assert notes.read_text() == "my notes"
    with pytest.raises(StoreError, match="the same project"):
        copy_project(one, tmp_path / "." / "one.gpkg")
    assert not [p for p in tmp_path.iterdir() if ".copy-" in p.name]


def test_the_commands_take_a_database_as_project(pg_project: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "cands.geojson"
    import geopandas as gpd

    gpd.GeoDataFrame({"navn": [DANISH, HOSTILE]},
                     geometry=[box(X0, Y0, X0 + 100, Y0 + 100),
                               box(X0 + 300, Y0, X0 + 400, Y0 + 100)],
                     crs=25832).to_file(source)
    assert main(["candidates", "import", "--project", pg_project, "--from", str(source),
                 "--kind", "lowland", "--author", "anna", "--lang", "en"]) == 0
    capsys.readouterr()
    assert main(["candidates", "list", "--project", pg_project, "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert sorted(r["name"] for r in doc["candidates"]) == sorted([DANISH, HOSTILE])
    assert sum(r["area_m2"] for r in doc["candidates"]) == pytest.approx(20_000.0)
    assert main(["project", "info", pg_project, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["candidates"] == 2 and info["store"] == "PostGISStore"
    assert info["settings"] == ["plan"]  # the import recorded its data options


def test_scenarios_travel_with_the_plan_and_are_checked(pg_project: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from naturplan.core.errors import ProjectNotEmptyError
    from naturplan.io.project import postgis_scenarios
    from naturplan.io.project.copy import read_contents

    with PostGISStore(pg_project, author="anna") as anna, \
            PostGISStore(pg_project, author="bo") as bo:
        c = anna.insert(Candidate.new("lowland", box(X0, Y0, X0 + 50, Y0 + 50), "A"))
        s = anna.insert_scenario(Scenario.new("Forslag A", [c.id], DANISH))
        bo.update_scenario(s.with_changes(name="Forslag A (Bo)"), 1)
        anna.insert_scenario(Scenario.new(HOSTILE))
        expected = read_contents(anna)
    assert main(["project", "info", pg_project]) == 0
    assert "2 scenarier" in capsys.readouterr().out
    assert main(["project", "info", pg_project, "--json", "--lang", "en"]) == 0
    assert json.loads(capsys.readouterr().out)["scenarios"] == 2
    out = tmp_path / "team.gpkg"
    assert main(["project", "copy", pg_project, str(out), "--lang", "en"]) == 0
    assert "2 scenarios copied." in capsys.readouterr().out
    with GeoPackageStore(out, readonly=True) as store:
        assert read_contents(store) == expected
        assert [x.modified_by for x in store.scenarios()] == ["bo", "anna"]
    # A plan that holds only a scenario is a plan: not replaced unless told.
    only = tmp_path / "only.gpkg"
    with GeoPackageStore(only, author="bo") as store:
        store.insert_scenario(Scenario.new("Bos forslag"))
    with pytest.raises(ProjectNotEmptyError):
        copy_project(out, only)
    # The copy reads its scenarios back: one written wrongly, and nothing is kept.
    real = postgis_scenarios.replace_all

    def renaming(cursor: object, scenarios: list[Scenario]) -> None:
        real(cursor, [x.with_changes(name=x.name + "!") for x in scenarios])  # type: ignore[arg-type]

    monkeypatch.setattr(postgis_scenarios, "replace_all", renaming)
    with pytest.raises(StoreError, match="differs from its source"):
        copy_project(only, pg_project, overwrite=True)
    with PostGISStore(pg_project, readonly=True) as store:
        assert read_contents(store) == expected
