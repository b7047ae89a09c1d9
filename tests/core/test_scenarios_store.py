"""Scenarios in the project store: stored, locked, audited, and found in old projects.

The interface's tests run against both stores, the GeoPackage file and the PostGIS database
(issue 13); the PostGIS-only ones (migration, races, notifications) are in
tests/e2e/test_postgis_store.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import shapely

from naturplan.core.errors import ConflictError, ScenarioError
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.store import CandidateStore

OpenProject = Callable[..., CandidateStore]


@pytest.fixture
def store(open_project: OpenProject) -> Iterator[CandidateStore]:
    with open_project(author="anna") as s:
        yield s


def test_scenario_round_trip_and_audit(open_project: OpenProject) -> None:
    with open_project(author="anna") as store:
        a = store.insert(Candidate.new("lowland", shapely.box(0, 0, 10, 10), "A"))
        b = store.insert(Candidate.new("afforestation", shapely.box(20, 0, 30, 10), "B"))
        stored = store.insert_scenario(Scenario.new("Forslag A", [a.id, b.id, a.id], "først"))
        assert stored.version == 1 and stored.author == "anna" and stored.created
        assert stored.candidate_ids == (a.id, b.id)
        renamed = store.update_scenario(stored.with_changes(name=" Forslag  A2 ",
                                                            candidate_ids=[b.id, a.id]), 1)
        assert renamed.name == "Forslag A2" and renamed.version == 2
        assert renamed.created == stored.created and renamed.modified >= stored.modified
    with open_project(author="bo", readonly=True) as again:
        [read] = again.scenarios()
        assert read == renamed and read.candidate_ids == (b.id, a.id)  # the planner's order
        rows = [r for r in again.audit() if r.action == "scenario"]
    assert [r.details["op"] for r in rows] == ["scenario_insert", "scenario_update"]
    assert rows[0].details["candidates"] == [a.id, b.id]
    assert rows[1].details["candidates"] == [b.id, a.id] and rows[1].who == "anna"
    assert {r.candidate_id for r in rows} == {""} and rows[1].details["version"] == 2


def test_scenarios_are_listed_oldest_first(store: CandidateStore) -> None:
    made = [("Forslag C", "2026-03-01T10:00:00.000Z", "id-2"),
            ("Forslag A", "2026-03-02T10:00:00.000Z", "id-a"),
            ("Forslag B", "2026-03-02T10:00:00.000Z", "id-Z"),  # a tie: by id, byte order
            ("Forslag D", "2026-03-03T10:00:00.000Z", "id-1")]
    for name, created, sid in reversed(made):
        store.insert_scenario(replace(Scenario.new(name), id=sid, created=created))
    assert [s.name for s in store.scenarios()] == ["Forslag C", "Forslag B", "Forslag A",
                                                   "Forslag D"]
    # An empty candidate list and an empty description stay empty, not None.
    first = store.scenarios()[0]
    assert first.candidate_ids == () and first.description == ""


def test_stale_versions_and_taken_names_are_refused(store: CandidateStore) -> None:
    first = store.insert_scenario(Scenario.new("Forslag A"))
    store.update_scenario(first.with_changes(description="x"), 1)
    with pytest.raises(ConflictError, match="Scenario 'Forslag A' was changed by anna"):
        store.update_scenario(first.with_changes(description="y"), 1)
    with pytest.raises(ScenarioError, match="already in the project"):
        store.insert_scenario(Scenario.new("forslag a"))
    second = store.insert_scenario(Scenario.new("Forslag B"))
    with pytest.raises(ScenarioError):
        store.update_scenario(second.with_changes(name="FORSLAG A"), 1)
    # Renaming a scenario to another case of its own name is allowed.
    second = store.update_scenario(second.with_changes(name="forslag b"), 1)
    store.delete_scenario(second.id, 2)
    with pytest.raises(ConflictError, match="deleted by anna"):
        store.delete_scenario(second.id, 2)
    assert [s.name for s in store.scenarios()] == ["Forslag A"]


def test_danish_letters_are_one_name_ignoring_case(store: CandidateStore) -> None:
    store.insert_scenario(Scenario.new("Ådalen ved Ørsø – Æbleø"))
    with pytest.raises(ScenarioError) as info:
        store.insert_scenario(Scenario.new("ÅDALEN VED ØRSØ – æBLEØ"))
    assert info.value.params["name"] == "Ådalen ved Ørsø – Æbleø"  # the one that has it
    store.insert_scenario(Scenario.new("Ådalen ved Ørsø – Æbleø 2"))
    assert len(store.scenarios()) == 2


def test_two_planners_edit_the_same_scenario(open_project: OpenProject) -> None:
    with open_project(author="anna") as anna, open_project(author="bo") as bo:
        s = anna.insert_scenario(Scenario.new("Forslag A", description="Annas"))
        (seen_by_bo,) = bo.scenarios()
        newer = anna.update_scenario(s.with_changes(name="Forslag A1"), 1)
        with pytest.raises(ConflictError) as info:
            bo.update_scenario(seen_by_bo.with_changes(description="Bos"), 1)
        assert info.value.by == "anna" and info.value.at == newer.modified
        assert "Forslag A1" in str(info.value) and newer.modified in str(info.value)
        with pytest.raises(ConflictError, match="changed by anna"):
            bo.delete_scenario(s.id, 1)
        assert bo.scenarios() == [newer]  # nothing of Bo's was written
        anna.delete_scenario(s.id, 2)
        with pytest.raises(ConflictError) as info:
            bo.update_scenario(newer.with_changes(description="Bos"), 2)
        assert info.value.by == "anna" and "deleted by anna" in str(info.value)
        ops = [(r.who, r.details["op"]) for r in bo.audit() if r.action == "scenario"]
    assert ops == [("anna", "scenario_insert"), ("anna", "scenario_update"),
                   ("anna", "scenario_delete")]


def test_a_scenario_needs_a_name() -> None:
    with pytest.raises(ScenarioError, match="needs a name"):
        Scenario.new("   ")


def test_a_project_from_before_scenarios_gets_its_table(tmp_path: Path) -> None:
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


def test_a_failed_scenario_write_leaves_nothing(store: CandidateStore) -> None:
    a = store.insert_scenario(Scenario.new("Forslag A"))
    before = len(store.audit())
    with pytest.raises(ScenarioError):
        store.insert_scenario(Scenario.new("FORSLAG A"))
    with pytest.raises(ConflictError):
        with store.transaction():  # the first write is undone with the second's failure
            store.update_scenario(a.with_changes(description="new"), 1)
            store.update_scenario(a.with_changes(description="again"), 1)
    assert len(store.audit()) == before and store.scenarios() == [a]
