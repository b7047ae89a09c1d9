"""Scenarios in the PostGIS store against a real server (issues 11 and 13): the migration of an
older plan, names that try to break the SQL, two planners racing for one name, and others'
scenario changes announced and followed.

The interface's tests (locking with who/when, audit, names ignoring case) run against both
stores in tests/core/test_scenarios_store.py.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg
import pytest
from shapely.geometry import box

from naturplan.core.errors import ScenarioError
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan
from naturplan.core.plan.scenarios import Scenario
from naturplan.core.plan.sync import TICK_S, Follower
from naturplan.io.project.postgis_schema import LATEST, SCHEMA
from naturplan.io.project.postgis_store import PostGISStore
from naturplan.io.project.store import CandidateStore

X0, Y0 = 550_000.0, 6_320_000.0
HOSTILE = "'); DROP TABLE scenarios; --"
DANISH = "Æbleø å"
# Text that a hand-built array literal would get wrong: braces, quotes, commas, backslashes.
ODD_ID = '{"a,b"}\\ NULL'


def _sql(conninfo: str, sql: str, args: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    with psycopg.connect(conninfo, autocommit=True) as conn:
        cur = conn.execute(sql, args)
        return cur.fetchall() if cur.description else []


def test_an_older_plan_gets_the_scenarios_table(pg_project: str) -> None:
    with PostGISStore(pg_project, author="anna", upto=2) as old:
        assert old.schema_step == 2
        c = old.insert(Candidate.new("lowland", box(X0, Y0, X0 + 100, Y0 + 100), "Fra før"))
    with PostGISStore(pg_project, readonly=True) as reader:  # read-only never upgrades
        assert reader.schema_step == 2
        assert reader.scenarios() == [] and reader.scenario_versions() == {}
    assert _sql(pg_project, "SELECT to_regclass(%s)", (f"{SCHEMA}.scenarios",)) == [(None,)]
    with PostGISStore(pg_project, author="bo") as new:
        assert new.schema_step == LATEST >= 3 and isinstance(new, CandidateStore)
        s = new.insert_scenario(Scenario.new("Forslag A", [c.id]))
        assert new.scenarios() == [s] and new.get(c.id) == c
    indexes = {name: text for name, text in _sql(
        pg_project, "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = %s"
        " AND tablename = 'scenarios'", (SCHEMA,))}
    assert "UNIQUE" in indexes["scenarios_name"] and "lower(name)" in indexes["scenarios_name"]
    assert _sql(pg_project, "SELECT count(*) FROM pg_trigger WHERE tgname = %s",
                ("scenarios_announce",)) == [(1,)]
    steps = _sql(pg_project, f"SELECT version FROM {SCHEMA}.schema_migrations ORDER BY 1")
    assert [v for (v,) in steps] == list(range(1, LATEST + 1))


def test_hostile_and_danish_scenario_names_round_trip(pg_project: str) -> None:
    ids = [HOSTILE, DANISH, ODD_ID]
    with PostGISStore(pg_project, author=HOSTILE) as store:
        a = store.insert_scenario(Scenario.new(HOSTILE, ids, description=DANISH))
        b = store.insert_scenario(Scenario.new(DANISH, [ODD_ID], description=HOSTILE))
        a = store.update_scenario(a.with_changes(name=HOSTILE + " " + DANISH), 1)
        with pytest.raises(ScenarioError):
            store.insert_scenario(Scenario.new(DANISH.upper()))
    with PostGISStore(pg_project, author="checker", readonly=True) as store:
        assert store.scenarios() == [a, b]
        audit = [r for r in store.audit() if r.action == "scenario"]
    assert a.candidate_ids == tuple(ids) and a.description == DANISH and a.author == HOSTILE
    assert [r.details["name"] for r in audit] == [HOSTILE, DANISH, HOSTILE + " " + DANISH]
    assert audit[0].who == HOSTILE and audit[0].details["candidates"] == ids
    # As the database holds them: plain text and a text array, element for element.
    rows = _sql(pg_project, f"SELECT name, candidate_ids FROM {SCHEMA}.scenarios ORDER BY fid")
    assert rows == [(HOSTILE + " " + DANISH, ids), (DANISH, [ODD_ID])]
    tables = _sql(pg_project, "SELECT tablename FROM pg_tables WHERE schemaname = %s", (SCHEMA,))
    assert {"candidates", "audit", "settings", "scenarios"} <= {t for (t,) in tables}


def _race(first: PostGISStore, write_first: Callable[[], object],
          write_second: Callable[[], object]) -> tuple[BaseException | None, float]:
    """*write_first* in an open transaction of *first*; *write_second* in a thread, which
    must wait for that transaction; then commit. Returns the second's error and its wait."""
    outcome: dict[str, Any] = {}

    def second() -> None:
        start = time.monotonic()
        try:
            write_second()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc
        outcome["waited"] = time.monotonic() - start

    with first.transaction():
        write_first()
        thread = threading.Thread(target=second)
        thread.start()
        thread.join(0.5)
        assert thread.is_alive(), "the second write did not wait for the first"
    thread.join(15)
    assert not thread.is_alive()
    return outcome.get("error"), outcome["waited"]


def test_two_planners_racing_for_one_name(pg_project: str) -> None:
    with PostGISStore(pg_project, author="anna") as anna, \
            PostGISStore(pg_project, author="bo") as bo:
        # Two inserts of one name at once: the second is told, its transaction is not broken.
        error, waited = _race(anna, lambda: anna.insert_scenario(Scenario.new("Forslag X")),
                              lambda: bo.insert_scenario(Scenario.new("forslag x")))
        assert isinstance(error, ScenarioError) and waited >= 0.4
        assert error.params["name"] == "Forslag X"
        # Two renames to one name at once: the second's UPDATE meets the unique index.
        p = anna.insert_scenario(Scenario.new("P"))
        q = bo.insert_scenario(Scenario.new("Q"))
        error, _ = _race(anna, lambda: anna.update_scenario(p.with_changes(name="Forslag Y"), 1),
                         lambda: bo.update_scenario(q.with_changes(name="FORSLAG Y"), 1))
        assert isinstance(error, ScenarioError) and error.params["name"] == "Forslag Y"
        # Bo's store goes on working; nothing of his refused writes is stored or audited.
        assert bo.update_scenario(q.with_changes(name="Forslag Z"), 1).version == 2
        names = sorted(s.name for s in bo.scenarios())
        bo_rows = [r.details["op"] for r in bo.audit() if r.who == "bo"]
    assert names == ["Forslag X", "Forslag Y", "Forslag Z"]
    assert bo_rows == ["scenario_insert", "scenario_update"]


def _wait_for(check: Callable[[], bool], seconds: float) -> float:
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < seconds, "not seen in time"
        time.sleep(0.01)
    return time.monotonic() - start


def test_scenario_changes_are_announced_and_followed(pg_project: str) -> None:
    with PostGISStore(pg_project, author="anna") as anna, \
            PostGISStore(pg_project, author="bo") as bo_store:
        bo = CandidatePlan(bo_store)
        follower = Follower(bo, bo_store, full_poll_s=3600)  # notifications only
        told: list[bool] = []
        follower.scenarios_changed.connect(lambda by_others: told.append(by_others))
        s = anna.insert_scenario(Scenario.new("Forslag A"))
        assert not anna.remote_scenario_changes_pending()  # one's own change is not news
        _wait_for(lambda: follower.tick() is None and told == [True], 2 * TICK_S + 0.5)
        assert bo_store.scenario_versions() == {s.id: 1} and len(bo) == 0
        # A scenario change does not look like a candidate change, nor the other way round.
        anna.update_scenario(s.with_changes(description="mere"), 1)
        _wait_for(bo_store.remote_scenario_changes_pending, 1.0)
        assert not bo_store.remote_changes_pending()
        anna.insert(Candidate.new("lowland", box(X0, Y0, X0 + 100, Y0 + 100), "A"))
        _wait_for(bo_store.remote_changes_pending, 1.0)
        assert not bo_store.remote_scenario_changes_pending()
        # Without notifications (a lost connection's) the full poll still finds a change,
        # and says it did not come from a notification.
        quiet = Follower(bo, bo_store, full_poll_s=0.0)
        quiet.scenarios_changed.connect(lambda by_others: told.append(by_others))
        _sql(pg_project, f"ALTER TABLE {SCHEMA}.scenarios DISABLE TRIGGER scenarios_announce")
        anna.delete_scenario(s.id, 2)
        assert not bo_store.remote_scenario_changes_pending()
        assert quiet.tick() is not None  # the candidate, found by the same full poll
        assert told == [True, False] and bo_store.scenarios() == []
        assert quiet.tick() is None and told == [True, False]  # nothing new, nothing said


def test_a_lock_timeout_names_what_was_held(pg_project: str) -> None:
    """The busy message said "holds the candidate area" also when a scenario (or the
    settings) was what the write waited for."""
    from naturplan.core.errors import StoreBusyError
    from naturplan.text.i18n import error_text

    with PostGISStore(pg_project, author="anna") as anna, \
            PostGISStore(pg_project, author="bo") as bo:
        s = anna.insert_scenario(Scenario.new("Forslag A"))
        c = anna.insert(Candidate.new("lowland", box(0, 0, 100, 100), "Mosen"))
        bo._conn.execute("SET lock_timeout = 300")  # the store waits 10 s; the test need not
        texts = {}
        for held, write_first, write_second in [
            ("scenario", lambda: anna.update_scenario(s.with_changes(name="Forslag B"), 1),
             lambda: bo.update_scenario(s.with_changes(name="Forslag C"), 1)),
            ("candidate", lambda: anna.update(c.with_changes(name="Mosen 2"), 1),
             lambda: bo.update(c.with_changes(name="Mosen 3"), 1)),
            ("settings", lambda: anna.set_settings({"note": "a"}),
             lambda: bo.set_settings({"note": "b"})),
        ]:
            with anna.transaction():
                write_first()
                with pytest.raises(StoreBusyError) as caught:
                    write_second()
            texts[held] = (error_text(caught.value, "da"), error_text(caught.value, "en"))
        assert [x.name for x in bo.scenarios()] == ["Forslag B"]  # anna's, committed after
    assert "holder scenariet i" in texts["scenario"][0]
    assert "holds the scenario in" in texts["scenario"][1]
    assert "holder kandidatområdet i" in texts["candidate"][0]
    assert "holder projektets indstillinger i" in texts["settings"][0]
    assert all("intet blev skrevet" in da for da, _ in texts.values())
