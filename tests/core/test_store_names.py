"""Names longer than a name (issue 18, defects): a 1 MB scenario name copied to PostGIS failed
as "lost the connection" (PostgreSQL's index row limit on the scenarios' name index). Both
stores and the copy now refuse a candidate or scenario name over NAME_MAX_CHARS with one
Danish line that says what it is, and write nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from shapely.geometry import box

from naturplan.core.errors import CandidateError, ScenarioError
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project.copy import copy_project
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.store import NAME_MAX_CHARS, CandidateStore
from naturplan.text.i18n import error_text

X0, Y0 = 550_000.0, 6_320_000.0
HUGE = "Æ" * 1_000_000


def _area(name: str) -> Candidate:
    return Candidate.new("lowland", box(X0, Y0, X0 + 100, Y0 + 100), name)


def test_both_stores_refuse_a_huge_name_and_keep_the_longest_allowed(
        open_project: Callable[..., CandidateStore]) -> None:
    with open_project(author="anna") as store:
        longest = "x" * NAME_MAX_CHARS
        stored = store.insert(_area(longest))
        assert store.get(stored.id).name == longest  # type: ignore[union-attr]
        with pytest.raises(CandidateError) as caught:
            store.insert(_area(HUGE))
        text = error_text(caught.value, "da")
        assert "højst have 200 tegn" in text and "1000000" in text and len(text) < 200
        with pytest.raises(CandidateError):
            store.update(replace(stored, name=longest + "y"), stored.version)
        scenario = store.insert_scenario(Scenario.new("Forslag A", [stored.id]))
        with pytest.raises(ScenarioError) as caught_s:
            store.insert_scenario(Scenario.new(HUGE))
        assert "Et scenaries navn må højst have 200 tegn" in error_text(caught_s.value, "da")
        with pytest.raises(ScenarioError):
            store.update_scenario(scenario.with_changes(name="y" * 201), scenario.version)
        assert [c.name for c in store.candidates()] == [longest]
        assert [s.name for s in store.scenarios()] == ["Forslag A"]


def test_copying_a_huge_scenario_name_to_postgis_says_what_it_is(
        tmp_path: Path, pg_project: str) -> None:
    path = tmp_path / "plan.gpkg"
    with GeoPackageStore(path, author="anna") as store:
        store.insert_scenario(Scenario.new("Forslag A"))
    conn = sqlite3.connect(path)  # written by another program: no limit in SQLite
    conn.execute("UPDATE scenarios SET name = ?", (HUGE,))
    conn.commit()
    conn.close()
    with pytest.raises(ScenarioError) as caught:
        copy_project(path, pg_project)
    text = error_text(caught.value, "da")
    assert "højst have 200 tegn" in text and "forbindelsen" not in text
    from naturplan.io.project.postgis_store import PostGISStore

    with PostGISStore(pg_project, create=False, readonly=True) as db:
        assert db.scenarios() == []  # nothing written

