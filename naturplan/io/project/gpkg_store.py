"""A project as one GeoPackage file, written with :mod:`sqlite3` (no GDAL at run time).

Tables (a valid GeoPackage 1.2: ``application_id`` 'GPKG', ``user_version`` 10200):

- ``candidates``: features, MULTIPOLYGON in EPSG:25832 (a single polygon is written as a
  one-part multipolygon and read back as a Polygon), fields ``id`` (UUID text, unique),
  ``kind``, ``name``, ``status``, ``note``, ``counts_toward_target``, ``created``,
  ``modified``, ``author``, ``modified_by``, ``version``.
- ``audit``: attributes table (``at``, ``who``, ``action``, ``candidate_id``, ``details`` JSON).
- ``settings``: attributes table of ``key`` → JSON ``value``, with ``application`` =
  ``"naturplan"`` and ``schema_version``.
- ``scenarios``: attributes table of named sets of candidates
  (:mod:`naturplan.io.project.gpkg_scenarios`).

Durability: every edit is one ``BEGIN IMMEDIATE … COMMIT`` with ``journal_mode=DELETE`` and
``synchronous=FULL``; when a write method returns, the edit is in the main file, so a killed
process (SIGKILL) or a power cut loses nothing the user saw done, and an interrupted
transaction is rolled back from its journal on the next open. DELETE rather than WAL keeps the
project one self-contained file that can be copied or mailed (and WAL does not work on
network shares). A new file is built under a temporary name and renamed into place.

No R-tree of its own (the GUI indexes candidates in memory); one QGIS adds is kept up to date
(``gpkg_format.register_spatial_functions``). Other programs' edits: ``gpkg_outside`` (seen,
audited) and ``rows`` (unusable rows left out with a notice).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from naturplan.core import jsontext
from naturplan.core.notices import Notice
from naturplan.core.plan.candidates import (
    Candidate,
    require_valid,
    utc_now,
)
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project import gpkg_outside, gpkg_scenarios
from naturplan.io.project import rows as rows_
from naturplan.io.project.gpkg_format import (
    BUSY_TIMEOUT_S,
    OPEN_TIMEOUT_S,
    check_project,
    connect,
    create_project,
    decode_geometry,
    encode_geometry,
    sqlite_error,
)
from naturplan.io.project.store import (
    AuditRow,
    ConflictError,
    StoreError,
    changed_fields,
    check_candidate_name,
    check_scenario_name,
    conflict_template,
    login_name,
    project_not_found,
    scenario_audit_details,
    unreadable_error,
)

_COLUMNS = (
    "id", "kind", "name", "status", "note", "counts_toward_target", "created", "modified",
    "author", "modified_by", "version",
)

# --- the store ------------------------------------------------------------------------------


class GeoPackageStore:
    """The project store in one GeoPackage file (see the module docstring).

    Parameters
    ----------
    path
        The project file; created if it does not exist (unless *create* is False).
    author
        Written as ``author``/``modified_by`` and in the audit; default: the login name.
    create
        Create a new project when *path* does not exist.
    readonly
        Open for reading only (writes raise :class:`StoreError`).
    busy_timeout
        Seconds a write waits for another program's lock on the file before it gives up.
    open_timeout
        Seconds opening waits for another program's lock before it is refused
        (:class:`StoreBusyError`): short, since the window opens projects on its own thread.

    Every failure of the database (locked by another program, read-only file or folder, disk
    full, I/O error) is raised as a :class:`StoreError` subclass
    (``StoreBusyError``, ``StoreReadOnlyError``, ``StoreFullError``) with the transaction rolled
    back: nothing of the edit is written and the store stays usable.

    Raises
    ------
    NotAProjectError
        If *path* exists but is not a GeoPackage, not a naturplan project, or is corrupt;
        the file is not touched.
    StoreError
        If *path* does not exist and may not be created, or was made by a newer naturplan.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        author: str | None = None,
        *,
        create: bool = True,
        readonly: bool = False,
        busy_timeout: float = BUSY_TIMEOUT_S,
        open_timeout: float = OPEN_TIMEOUT_S,
    ) -> None:
        self.path = Path(path)
        self.author = author or login_name()
        self.readonly = readonly
        self._depth = 0
        #: Notices of the stored rows the last :meth:`candidates` left out (rows.py).
        self.left_out: tuple[Notice, ...] = ()
        if not self.path.exists():
            if readonly or not create:
                raise project_not_found(str(self.path), database=False)
            create_project(self.path, self.author)
        check_project(self.path, open_timeout)
        mode = "ro" if readonly else "rw"
        # Opening waits only open_timeout for another program's lock (it runs on the window's
        # thread); the writes afterwards wait busy_timeout.
        self._conn = connect(self.path, mode, open_timeout)
        try:
            self._select("SELECT count(*) FROM candidates")  # locked: refused at once
            if not readonly:
                self._migrate()
            self._conn.execute(f"PRAGMA busy_timeout = {round(busy_timeout * 1000)}")
        except BaseException:
            self._conn.close()
            raise

    # --- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the file (every edit is already committed); closing twice does nothing."""
        self._conn.close()

    def __enter__(self) -> GeoPackageStore:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (``BEGIN IMMEDIATE``); nested calls join the outer one.

        Committed when the outermost block ends, rolled back if it raises.
        """
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._writable()
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise sqlite_error(exc, self.path, writing=True) from None
        self._depth = 1
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                raise sqlite_error(exc, self.path, writing=True) from None
            raise
        finally:
            self._depth = 0

    def _rollback(self) -> None:
        """Undo the open transaction (a failed COMMIT may leave it open, or SQLite may have
        rolled it back already)."""
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:  # the connection rolls back when it is closed
                pass

    def _select(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        """Rows of a query; a database failure becomes a :class:`StoreError`."""
        try:
            return self._conn.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise sqlite_error(exc, self.path, writing=False) from None

    # --- candidates -----------------------------------------------------------------------

    def candidates(self) -> list[Candidate]:
        """Every stored candidate, oldest first."""
        rows = self._select(
            f"SELECT geom, {', '.join(_COLUMNS)} FROM candidates ORDER BY created, fid"
        )
        # Another program's unusable rows are left out and reported (rows.py).
        out, notices = rows_.split([_candidate(row) for row in rows])
        self.left_out = tuple(notices)
        rows_.announce(notices)
        return out

    def get(self, candidate_id: str) -> Candidate | None:
        """The stored candidate with *candidate_id*, or None."""
        rows = self._select(
            f"SELECT geom, {', '.join(_COLUMNS)} FROM candidates WHERE id = ?", (candidate_id,)
        )
        if not rows:
            return None
        read = _candidate(rows[0])
        if not isinstance(read, Candidate):
            raise unreadable_error(candidate_id, self.path.name)
        return read

    def insert(
        self,
        candidate: Candidate,
        *,
        action: str = "insert",
        details: Mapping[str, Any] | None = None,
    ) -> Candidate:
        """Store a new candidate; returns it as stored (version = ``candidate.version + 1``).

        Raises
        ------
        ConflictError
            If a candidate with that id is already stored.
        InvalidGeometryError
            If its geometry is not valid.
        """
        require_valid(candidate.geometry)
        check_candidate_name(candidate)
        with self.transaction():
            current = self.get(candidate.id)
            if current is not None:
                raise ConflictError(
                    "Candidate area '{name}' is already in the project.",
                    candidate_id=current.id, name=_label(current), by=current.modified_by,
                    at=current.modified,
                )
            now = utc_now()
            stored = replace(
                candidate,
                created=candidate.created or now,
                author=candidate.author or self.author,
                modified=now,
                modified_by=self.author,
                version=candidate.version + 1,
            )
            values = _values(stored)
            self._conn.execute(
                f"INSERT INTO candidates (geom, {', '.join(_COLUMNS)}) "
                f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})",
                values,
            )
            info = {"op": "insert", "version": stored.version, "name": stored.name,
                    "kind": stored.kind.value, "area_m2": round(stored.area_m2, 2)}
            self._log(now, action, stored.id, {**info, **(details or {})})
        return stored

    def update(
        self,
        candidate: Candidate,
        expected_version: int,
        *,
        action: str = "update",
        details: Mapping[str, Any] | None = None,
    ) -> Candidate:
        """Write *candidate*'s content over the stored version *expected_version*.

        Returns the candidate as stored, with version ``expected_version + 1``.

        Raises
        ------
        ConflictError
            If the stored version is not *expected_version* or the candidate is gone.
        """
        require_valid(candidate.geometry)
        check_candidate_name(candidate)
        with self.transaction():
            current = self._current(candidate.id, candidate.name, expected_version)
            now = utc_now()
            stored = replace(
                candidate,
                created=current.created,
                author=current.author,
                modified=now,
                modified_by=self.author,
                version=current.version + 1,
            )
            values = _values(stored)
            sets = ", ".join(f"{c} = ?" for c in ("geom", *_COLUMNS))
            self._conn.execute(
                f"UPDATE candidates SET {sets} WHERE id = ?", (*values, stored.id)
            )
            changed = changed_fields(current, stored)
            info = {"op": "update", "version": stored.version, "changed": changed,
                    "area_m2": round(stored.area_m2, 2)}
            self._log(now, action, stored.id, {**info, **(details or {})})
        return stored

    def delete(
        self,
        candidate_id: str,
        expected_version: int,
        *,
        action: str = "delete",
        details: Mapping[str, Any] | None = None,
    ) -> None:
        """Delete the candidate stored as version *expected_version*.

        Raises
        ------
        ConflictError
            If the stored version is not *expected_version* or the candidate is gone.
        """
        with self.transaction():
            current = self._current(candidate_id, "", expected_version)
            self._conn.execute("DELETE FROM candidates WHERE id = ?", (candidate_id,))
            info = {"op": "delete", "version": current.version, "name": current.name}
            self._log(utc_now(), action, candidate_id, {**info, **(details or {})})

    # --- settings and audit ---------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        """The project settings (key → JSON value), including ``schema_version``."""
        rows = self._select("SELECT key, value FROM settings ORDER BY key")
        return {key: json.loads(value) for key, value in rows}

    def set_settings(self, values: Mapping[str, Any]) -> None:
        """Set project settings (JSON-serialisable values), audited, in one transaction.

        Raises
        ------
        StoreError
            For the reserved keys ``application`` and ``schema_version``.
        """
        reserved = {"application", "schema_version"} & set(values)
        if reserved:
            raise StoreError("Project setting(s) {keys} are reserved.",
                             keys=", ".join(sorted(reserved)))
        with self.transaction():
            self._conn.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(k, jsontext.dumps(v)) for k, v in values.items()],
            )
            self._log(utc_now(), "settings", "", {"op": "settings", "keys": sorted(values)})

    def audit(self, candidate_id: str | None = None) -> list[AuditRow]:
        """The audit rows, oldest first; only *candidate_id*'s if given."""
        sql = "SELECT at, who, action, candidate_id, details FROM audit"
        args: tuple[Any, ...] = ()
        if candidate_id is not None:
            sql, args = sql + " WHERE candidate_id = ?", (candidate_id,)
        rows = self._select(sql + " ORDER BY fid", args)
        return [AuditRow(r[0], r[1], r[2], r[3] or "", json.loads(r[4] or "{}")) for r in rows]

    # --- scenarios (the interface's docstrings in naturplan.io.project.store) -------------

    def scenarios(self) -> list[Scenario]:
        """Every stored scenario, oldest first."""
        try:
            return gpkg_scenarios.read_all(self._conn)
        except sqlite3.Error as exc:
            raise sqlite_error(exc, self.path, writing=False) from None

    def insert_scenario(self, scenario: Scenario) -> Scenario:
        """Store a new scenario (see ``CandidateStore.insert_scenario``)."""
        check_scenario_name(scenario)
        with self.transaction():
            stored = gpkg_scenarios.insert(self._conn, scenario, self.author)
            self._log_scenario("scenario_insert", stored)
        return stored

    def update_scenario(self, scenario: Scenario, expected_version: int) -> Scenario:
        """Change a scenario (see ``CandidateStore.update_scenario``)."""
        check_scenario_name(scenario)
        with self.transaction():
            stored = gpkg_scenarios.update(self._conn, scenario, expected_version, self.author)
            self._log_scenario("scenario_update", stored)
        return stored

    def delete_scenario(self, scenario_id: str, expected_version: int) -> None:
        """Delete a scenario (see ``CandidateStore.delete_scenario``)."""
        with self.transaction():
            gone = gpkg_scenarios.delete(self._conn, scenario_id, expected_version)
            self._log_scenario("scenario_delete", gone)

    def _log_scenario(self, op: str, scenario: Scenario) -> None:
        self._log(utc_now(), "scenario", "", scenario_audit_details(op, scenario))
        self._conn.execute("UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?",
                           (utc_now(), "scenarios"))

    # --- whole-project copy (naturplan.io.project.copy) ------------------------------------

    def replace_contents(
        self,
        candidates: Sequence[Candidate],
        audit: Sequence[AuditRow],
        settings: Mapping[str, Any],
        scenarios: Sequence[Scenario] = (),
    ) -> None:
        """Replace everything in the project with the given rows, verbatim, in one
        transaction: candidates with their versions and stamps, the audit trail as it was
        written, the settings (``application``/``schema_version`` stay this file's), the
        scenarios with their versions and stamps."""
        reserved = ("application", "schema_version")
        for candidate in candidates:  # before anything is written: one clear line
            check_candidate_name(candidate)
        for scenario in scenarios:
            check_scenario_name(scenario)
        with self.transaction():
            self._conn.execute("DELETE FROM candidates")
            self._conn.execute("DELETE FROM audit")
            self._conn.execute("DELETE FROM settings WHERE key NOT IN (?, ?)", reserved)
            self._conn.executemany(
                f"INSERT INTO candidates (geom, {', '.join(_COLUMNS)}) "
                f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})",
                [_values(c) for c in candidates],
            )
            self._conn.executemany(
                "INSERT INTO audit (at, who, action, candidate_id, details)"
                " VALUES (?, ?, ?, ?, ?)",
                [(r.at, r.who, r.action, r.candidate_id,
                  jsontext.dumps(r.details)) for r in audit],
            )
            self._conn.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?)",
                [(k, jsontext.dumps(v)) for k, v in settings.items()
                 if k not in reserved],
            )
            gpkg_scenarios.replace_all(self._conn, list(scenarios))
            self._conn.execute("UPDATE gpkg_contents SET last_change = ?", (utc_now(),))

    # --- internals ------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Give a project made before the outside-edit triggers its triggers
        (:mod:`naturplan.io.project.gpkg_outside`); a file that has them is not written."""
        if not self._select(gpkg_outside.HAS_TRIGGERS_SQL)[0][0]:
            with self.transaction():
                gpkg_outside.install_triggers(self._conn)

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError("Project {name} is open read-only.", name=self.path.name)

    def _current(self, candidate_id: str, name: str, expected_version: int) -> Candidate:
        current = self.get(candidate_id)
        if current is None:
            by, at = self._deleted_by(candidate_id)
            label = name or candidate_id
            raise ConflictError(
                conflict_template(deleted=True, by=by),
                candidate_id=candidate_id, name=label, by=by, at=at,
            )
        if current.version != expected_version:
            raise ConflictError(
                conflict_template(deleted=False, by=current.modified_by),
                candidate_id=candidate_id, name=_label(current), by=current.modified_by,
                at=current.modified,
            )
        return current

    def _deleted_by(self, candidate_id: str) -> tuple[str, str]:
        rows = self._select(
            "SELECT who, at FROM audit WHERE candidate_id = ? ORDER BY fid DESC LIMIT 1",
            (candidate_id,),
        )
        return (rows[0][0], rows[0][1]) if rows else ("", "")

    def _log(self, at: str, action: str, candidate_id: str, details: Mapping[str, Any]) -> None:
        self._conn.execute(
            "INSERT INTO audit (at, who, action, candidate_id, details) VALUES (?, ?, ?, ?, ?)",
            (at, self.author, action, candidate_id, jsontext.dumps(details)),
        )
        self._conn.execute(
            "UPDATE gpkg_contents SET last_change = ? WHERE table_name IN ('candidates', 'audit')"
            + (" OR table_name = 'settings'" if action == "settings" else ""),
            (at,),
        )


def _label(c: Candidate) -> str:
    return c.name or c.id


def _values(c: Candidate) -> tuple[Any, ...]:
    return (
        encode_geometry(c.geometry), c.id, c.kind.value, c.name, c.status.value, c.note,
        int(c.counts_toward_target), c.created, c.modified, c.author, c.modified_by, c.version,
    )


def _candidate(row: tuple[Any, ...]) -> Candidate | Notice:
    """The candidate of a row, or the notice for a row another program wrote that is no
    usable candidate (:func:`naturplan.io.project.rows.read_candidate`)."""
    blob = row[0]
    return rows_.read_candidate(dict(zip(_COLUMNS, row[1:], strict=True)),
                                lambda: decode_geometry(blob))
