"""What the GeoPackage and the PostGIS project stores share: one SQL store with dialect hooks.

:class:`SQLStore` owns the rules of the store interface (:mod:`naturplan.io.project.store`):
versions and optimistic locking (a write names the version the planner saw; a stale or missing
one raises :class:`~naturplan.core.errors.ConflictError` with who and when), one audit row per
write in the write's transaction, nested transactions that join the outer one, the settings and
scenario bookkeeping and the whole-project copy. A store says only how its database speaks:

- the SQL of a candidate row (:attr:`SQLStore._SELECT`, ``_INSERT``, ``_UPDATE``, the bound
  placeholder ``_P`` and JSON parameter ``_JSON``, ``_TEXT`` to read JSON as text, the table
  prefix ``_PREFIX``, ``_FOR_UPDATE`` to lock a row that is about to be written),
- how a transaction begins and ends (:meth:`SQLStore._outermost`) and how the driver's errors
  become the store's (:meth:`SQLStore._reading`, :meth:`SQLStore._errors`),
- how a row becomes a candidate (:meth:`SQLStore._read_candidates`) and a candidate a row
  (:meth:`SQLStore._candidate_values`), and how a new row is inserted
  (:meth:`SQLStore._insert_row`: a duplicate id is a conflict, never an aborted transaction),
- the scenarios' module (``gpkg_scenarios`` or ``postgis_scenarios``), and what else a write
  touches (:meth:`SQLStore._touched`: the GeoPackage's ``gpkg_contents.last_change``).
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from typing import Any, ClassVar, Self

from naturplan.core import jsontext
from naturplan.core.notices import Notice
from naturplan.core.plan.candidates import Candidate, require_valid, utc_now
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project import rows as rows_
from naturplan.io.project.store import (
    AuditRow,
    ConflictError,
    StoreError,
    changed_fields,
    check_candidate_name,
    check_scenario_name,
    conflict_template,
    scenario_audit_details,
    unreadable_error,
)

#: Settings every project keeps for itself: written when it is made, never by a caller.
RESERVED_SETTINGS = ("application", "schema_version")


class SQLStore(ABC):
    """The project store over one SQL connection (see the module docstring).

    A subclass sets the dialect's class attributes, opens ``self._conn`` and implements the
    abstract hooks; the interface's docstrings are in :mod:`naturplan.io.project.store`.
    """

    # --- the dialect ----------------------------------------------------------------------
    _P: ClassVar[str]  # a bound parameter
    _JSON: ClassVar[str]  # a bound JSON text
    _TEXT: ClassVar[str]  # appended to a JSON column read as text
    _PREFIX: ClassVar[str]  # before a table's name
    _SELECT: ClassVar[str]  # SELECT <geometry as WKB>, <fields> FROM <candidates>
    _INSERT: ClassVar[str]  # INSERT one candidate row (_candidate_values)
    _UPDATE: ClassVar[str]  # UPDATE … SET <every column> WHERE id = <_P>
    _FOR_UPDATE: ClassVar[str] = ""  # appended to a SELECT of a row about to be written
    _scenario_ops: ClassVar[Any]  # read_all, insert, update, delete on (conn, …)

    author: str
    readonly: bool
    _conn: Any

    def __init__(self, author: str, readonly: bool) -> None:
        self.author = author
        self.readonly = readonly
        self._depth = 0
        #: Notices of the stored rows the last :meth:`candidates` left out (rows.py).
        self.left_out: tuple[Notice, ...] = ()

    # --- hooks ----------------------------------------------------------------------------

    @abstractmethod
    def _where(self) -> str:
        """The project as messages name it (a file name, a connection string without its
        password)."""

    @abstractmethod
    def _writable(self) -> None:
        """Raise :class:`StoreError` if the store is open read-only."""

    @abstractmethod
    def _outermost(self) -> AbstractContextManager[None]:
        """Begin the outermost write transaction; commit it when the block ends, roll it back
        if it raises, with the driver's errors as the store's."""

    @abstractmethod
    def _reading(self) -> AbstractContextManager[None]:
        """The driver's errors of a read as the store's."""

    @abstractmethod
    def _errors(self, holds: str = "candidate") -> AbstractContextManager[None]:
        """The driver's errors of statements inside a transaction as the store's (a lock
        timeout names what was held: candidate, scenario, settings)."""

    @abstractmethod
    def _read_candidates(self, rows: Sequence[Any]) -> tuple[list[Candidate], list[Notice]]:
        """The candidates of rows of :attr:`_SELECT`; unusable rows as notices."""

    @staticmethod
    @abstractmethod
    def _candidate_values(candidate: Candidate) -> tuple[Any, ...]:
        """The bound values of :attr:`_INSERT` (and of :attr:`_UPDATE` before the id)."""

    @abstractmethod
    def _insert_row(self, stored: Candidate) -> bool:
        """Insert a new candidate row; False (nothing written) if its id is stored already."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        """Run *sql* once for each of *rows* (inside a transaction)."""

    def _insert_rows(self, stored: Sequence[Candidate]) -> None:
        """Insert new candidate rows whose ids are known to be free (inside a transaction)."""
        self._executemany(self._INSERT, [self._candidate_values(c) for c in stored])

    @abstractmethod
    def _replace_scenarios(self, scenarios: Sequence[Scenario]) -> None:
        """Replace every stored scenario, verbatim (inside a transaction)."""

    def _touched(self, at: str, action: str) -> None:
        """After an audited write of *action* at *at*: what else the format keeps up to date."""
        return None  # nothing, unless the format says otherwise

    def _has_scenarios(self) -> bool:
        """False if the stored schema predates scenarios (and is not upgraded)."""
        return True

    # --- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (every edit is already committed)."""
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested calls join the outer one.

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
        with self._outermost():
            self._depth = 1
            try:
                yield
            finally:
                self._depth = 0

    def _t(self, table: str) -> str:
        return self._PREFIX + table

    def _query(self, sql: str, args: Sequence[Any] = ()) -> list[Any]:
        """Rows of a query; a database failure becomes a :class:`StoreError`."""
        with self._reading():
            return list(self._conn.execute(sql, args).fetchall())

    # --- candidates -----------------------------------------------------------------------

    def candidates(self) -> list[Candidate]:
        """Every stored candidate, oldest first."""
        rows = self._query(self._SELECT + " ORDER BY created, fid")
        # Another program's unusable rows are left out and reported (rows.py).
        out, notices = self._read_candidates(rows)
        self.left_out = tuple(notices)
        rows_.announce(notices)
        return out

    def get(self, candidate_id: str) -> Candidate | None:
        """The stored candidate with *candidate_id*, or None."""
        rows = self._query(self._SELECT + f" WHERE id = {self._P}", (candidate_id,))
        return self._usable(rows, candidate_id) if rows else None

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
            now = utc_now()
            stored = replace(
                candidate,
                created=candidate.created or now,
                author=candidate.author or self.author,
                modified=now,
                modified_by=self.author,
                version=candidate.version + 1,
            )
            if not self._insert_row(stored):
                current = self.get(candidate.id)
                by, at = (current.modified_by, current.modified) if current else ("", "")
                name = current.name if current else candidate.name
                raise ConflictError(
                    "Candidate area '{name}' is already in the project.",
                    candidate_id=candidate.id, name=name or candidate.id, by=by, at=at,
                )
            info = {"op": "insert", "version": stored.version, "name": stored.name,
                    "kind": stored.kind.value, "area_m2": round(stored.area_m2, 2)}
            self._log(now, action, stored.id, {**info, **(details or {})})
        return stored

    def insert_many(
        self,
        candidates: Sequence[Candidate],
        *,
        action: str = "insert",
        details: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> list[Candidate]:
        """Store new candidates in one transaction, as :meth:`insert` stores each (the same
        checks, rows and audit rows), batched: one look-up of the ids, one ``executemany`` of
        the rows and one of their audit rows (issue 23: 3,772 suggested areas one by one took
        9.7 s). *details* holds extra audit details by candidate id. All or none.

        Raises
        ------
        ConflictError
            If a candidate's id is already stored (or given twice).
        InvalidGeometryError
            If a geometry is not valid.
        """
        for candidate in candidates:
            require_valid(candidate.geometry)
            check_candidate_name(candidate)
        extra = details or {}
        with self.transaction():
            now = utc_now()
            stored = [replace(c, created=c.created or now, author=c.author or self.author,
                              modified=now, modified_by=self.author, version=c.version + 1)
                      for c in candidates]
            self._refuse_stored_ids(stored, now)
            self._insert_rows(stored)
            p = self._P
            self._executemany(
                f"INSERT INTO {self._t('audit')} (at, who, action, candidate_id, details)"
                f" VALUES ({p}, {p}, {p}, {p}, {self._JSON})",
                [(now, self.author, action, c.id, jsontext.dumps(
                    {"op": "insert", "version": c.version, "name": c.name,
                     "kind": c.kind.value, "area_m2": round(c.area_m2, 2),
                     **extra.get(c.id, {})})) for c in stored])
            if stored:
                self._touched(now, action)
        return stored

    def _refuse_stored_ids(self, stored: Sequence[Candidate], now: str) -> None:
        """Raise :meth:`insert`'s :class:`ConflictError` for the first of *stored* whose id
        is in the project already or earlier in *stored*."""
        ids = [c.id for c in stored]
        taken: set[str] = set()
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            taken.update(r[0] for r in self._query(
                f"SELECT id FROM {self._t('candidates')} WHERE id IN"
                f" ({', '.join([self._P] * len(chunk))})", chunk))
        seen: set[str] = set()
        for c in stored:
            if c.id in taken or c.id in seen:
                current = self.get(c.id) if c.id in taken else None
                by, at = (current.modified_by, current.modified) if current else (
                    self.author, now)
                raise ConflictError(
                    "Candidate area '{name}' is already in the project.", candidate_id=c.id,
                    name=(current.name if current else c.name) or c.id, by=by, at=at)
            seen.add(c.id)

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
            self._conn.execute(self._UPDATE, (*self._candidate_values(stored), stored.id))
            info = {"op": "update", "version": stored.version,
                    "changed": changed_fields(current, stored),
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
            self._conn.execute(f"DELETE FROM {self._t('candidates')} WHERE id = {self._P}",
                               (candidate_id,))
            info = {"op": "delete", "version": current.version, "name": current.name}
            self._log(utc_now(), action, candidate_id, {**info, **(details or {})})

    # --- settings and audit ---------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        """The project settings (key → JSON value), including ``schema_version``."""
        rows = self._query(
            f"SELECT key, value{self._TEXT} FROM {self._t('settings')} ORDER BY key")
        return {key: json.loads(value) for key, value in rows}

    def set_settings(self, values: Mapping[str, Any]) -> None:
        """Set project settings (JSON-serialisable values), audited, in one transaction.

        Raises
        ------
        StoreError
            For the reserved keys ``application`` and ``schema_version``.
        """
        reserved = set(RESERVED_SETTINGS) & set(values)
        if reserved:
            raise StoreError("Project setting(s) {keys} are reserved.",
                             keys=", ".join(sorted(reserved)))
        with self.transaction(), self._errors("settings"):
            self._executemany(
                f"INSERT INTO {self._t('settings')} (key, value) VALUES ({self._P}, {self._JSON})"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [(k, jsontext.dumps(v)) for k, v in values.items()],
            )
            self._log(utc_now(), "settings", "", {"op": "settings", "keys": sorted(values)})

    def audit(self, candidate_id: str | None = None) -> list[AuditRow]:
        """The audit rows, oldest first; only *candidate_id*'s if given."""
        sql = f"SELECT at, who, action, candidate_id, details{self._TEXT} FROM {self._t('audit')}"
        args: tuple[Any, ...] = ()
        if candidate_id is not None:
            sql, args = sql + f" WHERE candidate_id = {self._P}", (candidate_id,)
        rows = self._query(sql + " ORDER BY fid", args)
        return [AuditRow(r[0], r[1], r[2], r[3] or "", json.loads(r[4] or "{}")) for r in rows]

    # --- scenarios (the interface's docstrings in naturplan.io.project.store) -------------

    def scenarios(self) -> list[Scenario]:
        """Every stored scenario, oldest first ([] in a project from before scenarios)."""
        if not self._has_scenarios():
            return []  # read-only, never upgraded
        with self._reading():
            return list(self._scenario_ops.read_all(self._conn))

    def insert_scenario(self, scenario: Scenario) -> Scenario:
        """Store a new scenario (see ``CandidateStore.insert_scenario``)."""
        check_scenario_name(scenario)
        with self.transaction(), self._errors("scenario"):
            stored: Scenario = self._scenario_ops.insert(self._conn, scenario, self.author)
            self._log(stored.modified, "scenario", "",
                      scenario_audit_details("scenario_insert", stored))
        return stored

    def update_scenario(self, scenario: Scenario, expected_version: int) -> Scenario:
        """Change a scenario (see ``CandidateStore.update_scenario``)."""
        check_scenario_name(scenario)
        with self.transaction(), self._errors("scenario"):
            stored: Scenario = self._scenario_ops.update(self._conn, scenario,
                                                         expected_version, self.author)
            self._log(stored.modified, "scenario", "",
                      scenario_audit_details("scenario_update", stored))
        return stored

    def delete_scenario(self, scenario_id: str, expected_version: int) -> None:
        """Delete a scenario (see ``CandidateStore.delete_scenario``)."""
        with self.transaction(), self._errors("scenario"):
            gone = self._scenario_ops.delete(self._conn, scenario_id, expected_version)
            self._log(utc_now(), "scenario", "", scenario_audit_details("scenario_delete", gone))

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
        written, the settings (``application``/``schema_version`` stay this store's), the
        scenarios with their versions and stamps."""
        for candidate in candidates:  # before anything is written: one clear line
            check_candidate_name(candidate)
        for scenario in scenarios:
            check_scenario_name(scenario)
        p, json_ = self._P, self._JSON
        with self.transaction():
            self._conn.execute(f"DELETE FROM {self._t('candidates')}")
            self._conn.execute(f"DELETE FROM {self._t('audit')}")
            self._conn.execute(f"DELETE FROM {self._t('settings')}"
                               f" WHERE key NOT IN ({p}, {p})", RESERVED_SETTINGS)
            self._executemany(self._INSERT, [self._candidate_values(c) for c in candidates])
            self._executemany(
                f"INSERT INTO {self._t('audit')} (at, who, action, candidate_id, details)"
                f" VALUES ({p}, {p}, {p}, {p}, {json_})",
                [(r.at, r.who, r.action, r.candidate_id, jsontext.dumps(r.details))
                 for r in audit],
            )
            self._executemany(
                f"INSERT INTO {self._t('settings')} (key, value) VALUES ({p}, {json_})",
                [(k, jsontext.dumps(v)) for k, v in settings.items()
                 if k not in RESERVED_SETTINGS],
            )
            self._replace_scenarios(scenarios)
            self._touched(utc_now(), "replace")

    # --- internals ------------------------------------------------------------------------

    def _usable(self, rows: Sequence[Any], candidate_id: str) -> Candidate:
        """The candidate of the first of *rows*, which an edit needs: unreadable is an error."""
        out, notices = self._read_candidates(rows[:1])
        if notices:
            raise unreadable_error(candidate_id, self._where())
        return out[0]

    def _current(self, candidate_id: str, name: str, expected_version: int) -> Candidate:
        """The stored candidate, locked until the transaction ends where the dialect locks
        rows, if it is *expected_version*.

        Raises
        ------
        ConflictError
            If it is gone or at another version (who and when in it).
        """
        rows = self._query(self._SELECT + f" WHERE id = {self._P}" + self._FOR_UPDATE,
                           (candidate_id,))
        if not rows:
            by, at = self._deleted_by(candidate_id)
            raise ConflictError(conflict_template(deleted=True, by=by),
                                candidate_id=candidate_id, name=name or candidate_id,
                                by=by, at=at)
        current = self._usable(rows, candidate_id)
        if current.version != expected_version:
            raise ConflictError(
                conflict_template(deleted=False, by=current.modified_by),
                candidate_id=candidate_id, name=current.name or current.id,
                by=current.modified_by, at=current.modified,
            )
        return current

    def _deleted_by(self, candidate_id: str) -> tuple[str, str]:
        rows = self._query(
            f"SELECT who, at FROM {self._t('audit')} WHERE candidate_id = {self._P}"
            " ORDER BY fid DESC LIMIT 1", (candidate_id,))
        if not rows:
            return "", ""
        who, at = rows[0]
        return ("" if who is None else str(who)), ("" if at is None else str(at))

    def _log(self, at: str, action: str, candidate_id: str, details: Mapping[str, Any]) -> None:
        p = self._P
        self._conn.execute(
            f"INSERT INTO {self._t('audit')} (at, who, action, candidate_id, details)"
            f" VALUES ({p}, {p}, {p}, {p}, {self._JSON})",
            (at, self.author, action, candidate_id, jsontext.dumps(details)),
        )
        self._touched(at, action)
