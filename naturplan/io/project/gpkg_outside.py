"""Edits to a project GeoPackage by other programs (QGIS, ogr2ogr, sqlite3): seen, not reverted.

A project file is a GeoPackage that planners also open in QGIS. An outside ``UPDATE`` that left
``version`` as it was would let naturplan's next write of that candidate pass the optimistic
lock and silently put back the old name and note. SQLite triggers in the file close that gap:
for every writer that is not naturplan, an update of a candidate's content bumps its
``version`` and stamps ``modified``/``modified_by``, and an insert, update or delete writes an
audit row, all by :data:`OUTSIDE_AUTHOR`. naturplan's next write of that candidate then meets
the new version and raises a conflict that names the other client.

How a trigger tells naturplan from the others: its ``WHEN`` clause evaluates
``char(110, 112, 99)``, which SQLite's built-in ``char()`` turns into ``'npc'`` in every
program. naturplan's own connection overloads ``char()`` with exactly three arguments
(:func:`mark_naturplan`; an exact argument count wins over the built-in's variable one) to
return NULL, so the triggers stay quiet for naturplan. A trigger that called a function only
naturplan registers would make every outside write fail ("no such function"), and a marker
table in ``temp`` cannot be seen from a trigger in the file; the built-in works in every
SQLite (also with ``trusted_schema`` off) and needs no extension.

The triggers use plain SQL only (no ``json_*``, no spatial functions) and never touch a
geometry column's R-tree triggers (an update fires only for content columns, and the
trigger's own update of ``version``/``modified``/``modified_by`` does not fire it again).
"""

from __future__ import annotations

import sqlite3

#: The author the triggers write for a change made by any program that is not naturplan.
OUTSIDE_AUTHOR = "anden klient"

#: What the built-in ``char(110, 112, 99)`` is everywhere but on naturplan's connection.
_MARK = "char(110, 112, 99) IS 'npc'"
_NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
#: Content columns: an update of any of these by another program is a change of the
#: candidate. ``version``, ``modified`` and ``modified_by`` are the stamps.
_CONTENT = ("geom", "id", "kind", "name", "status", "note", "counts_toward_target",
            "created")
#: Audit field name of each content column (as ``store.changed_fields`` names them).
_AUDIT_NAMES = {"geom": "geometry", "kind": "kind", "name": "name", "status": "status",
                "note": "note", "counts_toward_target": "counts_toward_target"}
_NEW_VERSION = "(max(CAST(NEW.version AS INTEGER), CAST(OLD.version AS INTEGER)) + 1)"


def _changed_json() -> str:
    """SQL text of the JSON array of changed field names, sorted as the store's audit."""
    parts = [f"CASE WHEN OLD.{col} IS NOT NEW.{col} THEN ',\"{name}\"' ELSE '' END"
             for col, name in sorted(_AUDIT_NAMES.items(), key=lambda kv: kv[1])]
    return f"'[' || substr({' || '.join(parts)}, 2) || ']'"


def _touch() -> str:
    return (f"UPDATE gpkg_contents SET last_change = {_NOW}"
            " WHERE table_name IN ('candidates', 'audit');")


TRIGGERS: tuple[tuple[str, str], ...] = (
    ("naturplan_outside_insert",
     "CREATE TRIGGER naturplan_outside_insert AFTER INSERT ON candidates"
     f" WHEN {_MARK} BEGIN"
     f" UPDATE candidates SET modified = {_NOW}, modified_by = '{OUTSIDE_AUTHOR}'"
     " WHERE fid = NEW.fid;"
     " INSERT INTO audit (at, who, action, candidate_id, details) VALUES"
     f" ({_NOW}, '{OUTSIDE_AUTHOR}', 'insert', NEW.id,"
     " '{\"op\": \"insert\", \"version\": ' || CAST(NEW.version AS INTEGER)"
     " || ', \"outside\": true}');"
     f" {_touch()} END"),
    ("naturplan_outside_update",
     f"CREATE TRIGGER naturplan_outside_update AFTER UPDATE OF {', '.join(_CONTENT)}"
     f" ON candidates WHEN {_MARK} BEGIN"
     f" UPDATE candidates SET version = {_NEW_VERSION}, modified = {_NOW},"
     f" modified_by = '{OUTSIDE_AUTHOR}' WHERE fid = NEW.fid;"
     " INSERT INTO audit (at, who, action, candidate_id, details) VALUES"
     f" ({_NOW}, '{OUTSIDE_AUTHOR}', 'update', NEW.id,"
     f" '{{\"op\": \"update\", \"version\": ' || {_NEW_VERSION}"
     f" || ', \"changed\": ' || {_changed_json()} || ', \"outside\": true}}');"
     f" {_touch()} END"),
    ("naturplan_outside_delete",
     "CREATE TRIGGER naturplan_outside_delete AFTER DELETE ON candidates"
     f" WHEN {_MARK} BEGIN"
     " INSERT INTO audit (at, who, action, candidate_id, details) VALUES"
     f" ({_NOW}, '{OUTSIDE_AUTHOR}', 'delete', OLD.id,"
     " '{\"op\": \"delete\", \"version\": ' || CAST(OLD.version AS INTEGER)"
     " || ', \"outside\": true}');"
     f" {_touch()} END"),
)


def mark_naturplan(conn: sqlite3.Connection) -> None:
    """Mark *conn* as naturplan's own: the outside-edit triggers stay quiet for its writes.

    Call it on every connection that writes candidates before it writes.
    """
    conn.create_function("char", 3, _not_outside, deterministic=True)


def _not_outside(*_args: object) -> None:
    return None


def install_triggers(conn: sqlite3.Connection) -> bool:
    """Create the outside-edit triggers that the file lacks (a project made before them).

    Runs inside the caller's write transaction. Returns True if any trigger was created.
    """
    have = {r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'candidates'"
    )}
    missing = [ddl for name, ddl in TRIGGERS if name not in have]
    for ddl in missing:
        conn.execute(ddl)  # fixed DDL text, no values from outside
    return bool(missing)


#: One row, 1 if the file holds every outside-edit trigger, else 0.
HAS_TRIGGERS_SQL = (
    "SELECT count(*) = " + str(len(TRIGGERS)) + " FROM sqlite_master WHERE type = 'trigger'"
    " AND name IN (" + ", ".join(f"'{name}'" for name, _ in TRIGGERS) + ")"
)
