"""The ``scenarios`` table of a GeoPackage project (see the store interface in
:mod:`naturplan.io.project.store`).

An attributes table (``id`` UUID text unique, ``name``, ``description``, ``candidate_ids`` as a
JSON array, ``created``, ``modified``, ``author``, ``modified_by``, ``version``), registered in
``gpkg_contents``. New projects get it at creation; a project made before scenarios existed
gets it inside the transaction of its first scenario write.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from typing import Any

from naturplan.core import jsontext
from naturplan.core.plan.candidates import utc_now
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project.store import (
    checked_scenario,
    scenario_exists_error,
    scenario_name_taken_error,
)

TABLE_DDL = (
    "CREATE TABLE IF NOT EXISTS scenarios (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
    " id TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT,"
    " candidate_ids TEXT NOT NULL, created DATETIME NOT NULL, modified DATETIME NOT NULL,"
    " author TEXT, modified_by TEXT, version INTEGER NOT NULL CHECK (version > 0))"
)
CONTENTS_ROW = ("scenarios", "attributes", "scenarios",
                "named sets of candidate areas (JSON list of candidate ids)")
_COLUMNS = ("id", "name", "description", "candidate_ids", "created", "modified", "author",
            "modified_by", "version")


def ensure_table(conn: sqlite3.Connection) -> None:
    """Create the table and its ``gpkg_contents`` row if missing (inside a transaction)."""
    conn.execute(TABLE_DDL)
    conn.execute(
        "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description,"
        " last_change) VALUES (?, ?, ?, ?, ?)", (*CONTENTS_ROW, utc_now()))


def has_table(conn: sqlite3.Connection) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'scenarios'").fetchone()
    return row is not None


def read_all(conn: sqlite3.Connection) -> list[Scenario]:
    """Every scenario, oldest first; [] for a project without the table."""
    if not has_table(conn):
        return []
    rows = conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM scenarios ORDER BY created, id").fetchall()
    return [_scenario(row) for row in rows]


def read_one(conn: sqlite3.Connection, scenario_id: str) -> Scenario | None:
    if not has_table(conn):
        return None
    row = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM scenarios WHERE id = ?",
                       (scenario_id,)).fetchone()
    return None if row is None else _scenario(row)


def insert(conn: sqlite3.Connection, scenario: Scenario, author: str) -> Scenario:
    """Insert *scenario* (call inside a write transaction); returns it stamped."""
    ensure_table(conn)
    current = read_one(conn, scenario.id)
    if current is not None:
        raise scenario_exists_error(current)
    _check_name(conn, scenario)
    now = utc_now()
    stored = replace(scenario, created=scenario.created or now,
                     author=scenario.author or author, modified=now, modified_by=author,
                     version=scenario.version + 1)
    conn.execute(f"INSERT INTO scenarios ({', '.join(_COLUMNS)}) "
                 f"VALUES ({', '.join('?' * len(_COLUMNS))})", _values(stored))
    return stored


def update(conn: sqlite3.Connection, scenario: Scenario, expected_version: int,
           author: str) -> Scenario:
    """Write *scenario* over the stored *expected_version* (inside a write transaction)."""
    ensure_table(conn)
    current = _current(conn, scenario.id, scenario.name, expected_version)
    _check_name(conn, scenario)
    stored = replace(scenario, created=current.created, author=current.author,
                     modified=utc_now(), modified_by=author, version=current.version + 1)
    sets = ", ".join(f"{c} = ?" for c in _COLUMNS)
    conn.execute(f"UPDATE scenarios SET {sets} WHERE id = ?", (*_values(stored), stored.id))
    return stored


def delete(conn: sqlite3.Connection, scenario_id: str, expected_version: int) -> Scenario:
    """Delete the stored *expected_version*; returns what was deleted."""
    ensure_table(conn)
    current = _current(conn, scenario_id, "", expected_version)
    conn.execute("DELETE FROM scenarios WHERE id = ?", (scenario_id,))
    return current


def replace_all(conn: sqlite3.Connection, scenarios: list[Scenario]) -> None:
    """Replace every stored scenario with *scenarios*, verbatim (a whole-project copy; call
    inside a write transaction)."""
    ensure_table(conn)
    conn.execute("DELETE FROM scenarios")
    conn.executemany(f"INSERT INTO scenarios ({', '.join(_COLUMNS)}) "
                     f"VALUES ({', '.join('?' * len(_COLUMNS))})",
                     [_values(s) for s in scenarios])


def _check_name(conn: sqlite3.Connection, scenario: Scenario) -> None:
    # Compared in Python: SQLite's lower() folds ASCII only ('Å' ≠ 'å'), PostgreSQL's (and
    # the PostGIS store's unique index on lower(name)) every letter of a UTF-8 database.
    key = scenario.name.lower()
    rows = conn.execute("SELECT name FROM scenarios WHERE id != ?", (scenario.id,))
    for (name,) in rows:
        if str(name).lower() == key:
            raise scenario_name_taken_error(name)


def _current(conn: sqlite3.Connection, scenario_id: str, name: str,
             expected_version: int) -> Scenario:
    def deleted_by() -> tuple[str, str]:
        row = conn.execute(
            "SELECT who, at FROM audit WHERE details LIKE ? ORDER BY fid DESC LIMIT 1",
            (f'%"scenario": "{scenario_id}"%',)).fetchone()
        return (row[0], row[1]) if row else ("", "")

    return checked_scenario(read_one(conn, scenario_id), scenario_id, name, expected_version,
                            deleted_by)


def _values(s: Scenario) -> tuple[Any, ...]:
    return (s.id, s.name, s.description, jsontext.dumps(list(s.candidate_ids)), s.created,
            s.modified, s.author, s.modified_by, s.version)


def _scenario(row: tuple[Any, ...]) -> Scenario:
    f = dict(zip(_COLUMNS, row, strict=True))
    return Scenario(
        id=f["id"], name=f["name"], candidate_ids=tuple(json.loads(f["candidate_ids"] or "[]")),
        description=f["description"] or "", created=f["created"] or "",
        modified=f["modified"] or "", author=f["author"] or "",
        modified_by=f["modified_by"] or "", version=int(f["version"]),
    )
