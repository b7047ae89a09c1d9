"""Scenarios in the GeoPackage project: stored, locked, audited, and found in old projects."""

from __future__ import annotations

import sqlite3

import pytest
import shapely

from naturplan.core.errors import ConflictError, ScenarioError
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project.gpkg_store import GeoPackageStore


@pytest.fixture
def store(tmp_path):
    with GeoPackageStore(tmp_path / "plan.gpkg", author="anna") as s:
        yield s


def test_scenario_round_trip_and_audit(store, tmp_path):
    a = store.insert(Candidate.new("lowland", shapely.box(0, 0, 10, 10), "A"))
    b = store.insert(Candidate.new("afforestation", shapely.box(20, 0, 30, 10), "B"))
    stored = store.insert_scenario(Scenario.new("Forslag A", [a.id, b.id, a.id], "først"))
    assert stored.version == 1 and stored.author == "anna" and stored.created
    assert stored.candidate_ids == (a.id, b.id)
    renamed = store.update_scenario(stored.with_changes(name=" Forslag  A2 ",
                                                        candidate_ids=[b.id]), 1)
    assert renamed.name == "Forslag A2" and renamed.version == 2
    store.close()
    with GeoPackageStore(tmp_path / "plan.gpkg", author="bo", readonly=True) as again:
        [read] = again.scenarios()
        assert read == renamed
        rows = [r for r in again.audit() if r.action == "scenario"]
    assert [r.details["op"] for r in rows] == ["scenario_insert", "scenario_update"]
    assert rows[0].details["candidates"] == [a.id, b.id]
    assert rows[1].details["candidates"] == [b.id] and rows[1].who == "anna"


def test_stale_versions_and_taken_names_are_refused(store):
    first = store.insert_scenario(Scenario.new("Forslag A"))
    store.update_scenario(first.with_changes(description="x"), 1)
    with pytest.raises(ConflictError, match="Scenario 'Forslag A' was changed by anna"):
        store.update_scenario(first.with_changes(description="y"), 1)
    with pytest.raises(ScenarioError, match="already in the project"):
        store.insert_scenario(Scenario.new("forslag a"))
    second = store.insert_scenario(Scenario.new("Forslag B"))
    with pytest.raises(ScenarioError):
        store.update_scenario(second.with_changes(name="FORSLAG A"), 1)
    store.delete_scenario(second.id, 1)
    with pytest.raises(ConflictError, match="deleted by anna"):
        store.delete_scenario(second.id, 1)
    assert [s.name for s in store.scenarios()] == ["Forslag A"]


def test_a_scenario_needs_a_name():
    with pytest.raises(ScenarioError, match="needs a name"):
        Scenario.new("   ")


def test_a_project_from_before_scenarios_gets_its_table(tmp_path):
    path = tmp_path / "old.gpkg"
    GeoPackageStore(path, author="anna").close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE scenarios")
    conn.execute("DELETE FROM gpkg_contents WHERE table_name = 'scenarios'")
    conn.commit()
    conn.close()
    with GeoPackageStore(path, readonly=True) as old:
        assert old.scenarios() == []
    with GeoPackageStore(path, author="anna") as old:
        old.insert_scenario(Scenario.new("Forslag A"))
        assert [s.name for s in old.scenarios()] == ["Forslag A"]
    conn = sqlite3.connect(path)
    kinds = dict(conn.execute("SELECT table_name, data_type FROM gpkg_contents"))
    conn.close()
    assert kinds["scenarios"] == "attributes"


def test_a_failed_scenario_write_leaves_nothing(store):
    store.insert_scenario(Scenario.new("Forslag A"))
    before = len(store.audit())
    with pytest.raises(ScenarioError):
        store.insert_scenario(Scenario.new("FORSLAG A"))
    assert len(store.audit()) == before and len(store.scenarios()) == 1
