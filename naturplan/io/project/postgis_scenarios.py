"""The scenarios of a PostGIS project (issue 11's named sets of candidates, issue 13's store).

The table ``naturplan.scenarios`` comes with migration 3
(:mod:`naturplan.io.project.postgis_schema`); an older plan gets it when a newer naturplan opens
it for writing, and a plan opened read-only before that simply has no scenarios. The semantics
are the interface's (:mod:`naturplan.io.project.store`) and the GeoPackage store's: optimistic
locking on ``version`` (the row is locked with ``SELECT … FOR UPDATE`` and compared, a stale
write raises :class:`~naturplan.core.errors.ConflictError` with who and when), a name unique
ignoring case (:class:`~naturplan.core.errors.ScenarioError`).

Two planners writing at once are safe without a lost update or an aborted transaction: the
unique index on ``lower(name)`` decides a race between two inserts (``INSERT … ON CONFLICT DO
NOTHING``, the second sees the first's row) or two renames (the second ``UPDATE`` waits for
the first's commit, fails in its own savepoint and becomes a :class:`ScenarioError`). Case is
folded by the database's ``lower()``: every letter (Æ/æ, Ø/ø, Å/å) in a UTF-8 database with a
UTF-8 ctype (``C.UTF-8``, ``da_DK.UTF-8``), ASCII only in a database made with ctype ``C``.

These functions run on the store's connection inside its write transaction; the store writes
the audit row in the same transaction. Every value is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import psycopg

from naturplan.core.plan.candidates import utc_now
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project.postgis_schema import SCHEMA
from naturplan.io.project.store import (
    checked_scenario,
    scenario_exists_error,
    scenario_name_taken_error,
)

#: The schema migration that adds the scenarios table.
SCENARIOS_STEP = 3

_FIELDS = ("id", "name", "description", "candidate_ids", "created", "modified", "author",
           "modified_by", "version")
_TABLE = f"{SCHEMA}.scenarios"
_SELECT = f"SELECT {', '.join(_FIELDS)} FROM {_TABLE}"
_INSERT = (f"INSERT INTO {_TABLE} ({', '.join(_FIELDS)})"
           " VALUES (%s, %s, %s, %s::text[], %s, %s, %s, %s, %s)")
# Oldest first, in the GeoPackage's (byte) order whatever the database's collation.
_ORDER = ' ORDER BY created COLLATE "C", id COLLATE "C"'

Connection = psycopg.Connection[Any]


def read_all(conn: Connection) -> list[Scenario]:
    """Every stored scenario, oldest first (created, then id)."""
    return [_scenario(row) for row in conn.execute(_SELECT + _ORDER).fetchall()]


def versions(conn: Connection) -> dict[str, int]:
    """Every stored scenario's id → version (what a follower compares)."""
    rows = conn.execute(f"SELECT id, version FROM {_TABLE}").fetchall()
    return {str(i): int(v) for i, v in rows}


def insert(conn: Connection, scenario: Scenario, author: str) -> Scenario:
    """Insert *scenario*; returns it stamped (see ``CandidateStore.insert_scenario``).

    Raises
    ------
    ConflictError
        If its id is stored already.
    ScenarioError
        If another scenario has its name, ignoring case (also one committed meanwhile).
    """
    now = utc_now()
    stored = replace(scenario, created=scenario.created or now,
                     author=scenario.author or author, modified=now, modified_by=author,
                     version=scenario.version + 1)
    row = conn.execute(_INSERT + " ON CONFLICT DO NOTHING RETURNING fid",
                       _values(stored)).fetchone()
    if row is None:  # the id or the name (lower(name) index) is taken
        current = _read_one(conn, scenario.id)
        if current is not None:
            raise scenario_exists_error(current)
        raise scenario_name_taken_error(_holder(conn, stored) or stored.name)
    return stored


def update(conn: Connection, scenario: Scenario, expected_version: int,
           author: str) -> Scenario:
    """Write *scenario* over the stored *expected_version*; returns it with the next version.

    Raises
    ------
    ConflictError
        If the stored version differs or the scenario is gone (who and when in it).
    ScenarioError
        If another scenario has the new name, ignoring case.
    """
    current = _locked(conn, scenario.id, scenario.name, expected_version)
    taken = _holder(conn, scenario)
    if taken is not None:
        raise scenario_name_taken_error(taken)
    stored = replace(scenario, created=current.created, author=current.author,
                     modified=utc_now(), modified_by=author, version=current.version + 1)
    sets = ", ".join(f"{f} = %s" for f in _FIELDS).replace(
        "candidate_ids = %s", "candidate_ids = %s::text[]")
    try:
        with conn.transaction():  # a savepoint: the transaction stays usable after a race
            conn.execute(f"UPDATE {_TABLE} SET {sets} WHERE id = %s",
                         (*_values(stored), stored.id))
    except psycopg.errors.UniqueViolation:  # a colleague took the name and committed first
        raise scenario_name_taken_error(_holder(conn, stored) or stored.name) from None
    return stored


def delete(conn: Connection, scenario_id: str, expected_version: int) -> Scenario:
    """Delete the scenario stored as *expected_version*; returns what was deleted.

    Raises
    ------
    ConflictError
        If the stored version differs or the scenario is gone.
    """
    current = _locked(conn, scenario_id, "", expected_version)
    conn.execute(f"DELETE FROM {_TABLE} WHERE id = %s", (scenario_id,))
    return current


def replace_all(cursor: psycopg.Cursor[Any], scenarios: Sequence[Scenario]) -> None:
    """Replace every stored scenario with *scenarios*, verbatim (a whole-project copy)."""
    cursor.execute(f"DELETE FROM {_TABLE}")
    cursor.executemany(_INSERT, [_values(s) for s in scenarios])


def _read_one(conn: Connection, scenario_id: str) -> Scenario | None:
    row = conn.execute(_SELECT + " WHERE id = %s", (scenario_id,)).fetchone()
    return None if row is None else _scenario(row)


def _holder(conn: Connection, scenario: Scenario) -> str | None:
    """The name of another scenario whose name equals *scenario*'s ignoring case."""
    row = conn.execute(f"SELECT name FROM {_TABLE} WHERE lower(name) = lower(%s) AND id <> %s",
                       (scenario.name, scenario.id)).fetchone()
    return None if row is None else str(row[0])


def _locked(conn: Connection, scenario_id: str, name: str, expected_version: int) -> Scenario:
    """The stored scenario, locked until the transaction ends, if it is *expected_version*."""
    row = conn.execute(_SELECT + " WHERE id = %s FOR UPDATE", (scenario_id,)).fetchone()

    def deleted_by() -> tuple[str, str]:
        gone = conn.execute(
            f"SELECT who, at FROM {SCHEMA}.audit WHERE action = 'scenario'"
            " AND details->>'scenario' = %s ORDER BY fid DESC LIMIT 1", (scenario_id,),
        ).fetchone()
        return (str(gone[0]), str(gone[1])) if gone else ("", "")

    current = None if row is None else _scenario(row)
    return checked_scenario(current, scenario_id, name, expected_version, deleted_by)


def _values(s: Scenario) -> tuple[Any, ...]:
    return (s.id, s.name, s.description, list(s.candidate_ids), s.created, s.modified,
            s.author, s.modified_by, s.version)


def _scenario(row: Sequence[Any]) -> Scenario:
    f = dict(zip(_FIELDS, row, strict=True))
    return Scenario(
        id=f["id"], name=f["name"], candidate_ids=tuple(f["candidate_ids"] or ()),
        description=f["description"], created=f["created"], modified=f["modified"],
        author=f["author"], modified_by=f["modified_by"], version=int(f["version"]),
    )
