"""A team project in PostgreSQL + PostGIS, behind the same interface as the GeoPackage store.

Several planners edit one plan at once (issue 13). Every write is one transaction (``BEGIN …
COMMIT`` on the server; a client that dies in the middle leaves nothing: the server rolls the
transaction back when the connection drops). Optimistic locking as in the GeoPackage store
(:mod:`naturplan.io.project.store`): an update or delete names the version the planner saw; the
row is locked (``SELECT … FOR UPDATE``) and compared, and a stale version raises
:class:`~naturplan.io.project.store.ConflictError` with who changed it and when. Two inserts
of the same id: the second is a conflict (``INSERT … ON CONFLICT DO NOTHING``), never an
aborted transaction.

Other planners' committed changes are announced on the LISTEN/NOTIFY channels
:data:`~naturplan.io.project.postgis_schema.CHANNEL` (candidates) and ``SCENARIO_CHANNEL``
(scenarios) by triggers (so a change made by any client is seen);
:meth:`PostGISStore.remote_changes_pending` and :meth:`PostGISStore.remote_scenario_changes_pending`
read them without a round trip, and :meth:`PostGISStore.versions` /
:meth:`PostGISStore.scenario_versions` are the cheap id → version lists a poll compares.
Scenarios (:mod:`naturplan.io.project.postgis_scenarios`) have the candidates' semantics.

Every SQL statement is parameterised; only fixed identifiers are formatted into the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace
from typing import Any

from naturplan.core import jsontext
from naturplan.core.layers.roles import WORKING_EPSG
from naturplan.core.notices import Notice
from naturplan.core.plan.candidates import (
    Candidate,
    require_valid,
    utc_now,
)
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project import postgis_scenarios
from naturplan.io.project import rows as rows_
from naturplan.io.project.dbaddress import redact
from naturplan.io.project.postgis_schema import (
    CANDIDATE_FIELDS,
    CHANNEL,
    SCENARIO_CHANNEL,
    SCHEMA,
    candidate_values,
    candidates_from_rows,
    connect,
    driver_errors,
    prepare,
    read_rows,
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
    scenario_audit_details,
)

_SELECT = f"SELECT ST_AsBinary(geom, 'NDR'), {', '.join(CANDIDATE_FIELDS)} FROM {SCHEMA}.candidates"
_INSERT = (
    f"INSERT INTO {SCHEMA}.candidates ({', '.join(CANDIDATE_FIELDS)}, geom)"
    f" VALUES ({', '.join(['%s'] * len(CANDIDATE_FIELDS))}, ST_GeomFromWKB(%s, {WORKING_EPSG}))"
)


class PostGISStore:
    """The project store in a PostgreSQL + PostGIS database (see the module docstring).

    Parameters
    ----------
    conninfo
        A libpq connection string: ``postgresql://host:port/dbname`` or ``service=naturplan``
        (with the password in ``~/.pgpass``, the service file or ``PGPASSWORD``).
    author
        Written as ``author``/``modified_by`` and in the audit; default: the login name.
    create
        Make a new project in a database that has none (PostGIS, schema, tables).
    readonly
        Open for reading only (writes raise :class:`StoreError`); an older schema is read
        as it is, never upgraded.
    upto
        Apply the schema's migrations only up to this number (tests of upgrading an older
        plan); default: all.

    Raises
    ------
    StoreError
        If the server cannot be reached, the login is refused, or the database was upgraded
        by a newer naturplan.
    NotAProjectError
        If the database holds no naturplan project and *create* is False.
    """

    def __init__(
        self,
        conninfo: str,
        author: str | None = None,
        *,
        create: bool = True,
        readonly: bool = False,
        upto: int | None = None,
    ) -> None:
        self.conninfo = conninfo
        #: Where the project is, without a password: for titles, messages, recent lists.
        self.location = redact(conninfo)
        self.author = author or login_name()
        self.readonly = readonly
        self._depth = 0
        #: Notices of the stored rows the last :meth:`candidates` left out (rows.py).
        self.left_out: tuple[Notice, ...] = ()
        self._news: set[str] = set()  # channels with others' notifications not yet asked for
        self._conn = connect(conninfo, readonly=readonly)
        try:
            with self._errors():
                kwargs = {} if upto is None else {"upto": upto}
                self.schema_step = prepare(
                    self._conn, self.location, create=create, readonly=readonly,
                    author=self.author, **kwargs,
                )
                self._conn.execute(f"LISTEN {CHANNEL}")
                self._conn.execute(f"LISTEN {SCENARIO_CHANNEL}")
        except BaseException:
            self._conn.close()
            raise
        self._backend_pid = self._conn.info.backend_pid

    # --- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (every edit is already committed)."""
        self._conn.close()

    def __enter__(self) -> PostGISStore:
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
        self._depth = 1
        try:
            with self._errors(), self._conn.transaction():
                yield
        finally:
            self._depth = 0

    # --- candidates -----------------------------------------------------------------------

    def candidates(self) -> list[Candidate]:
        """Every stored candidate, oldest first."""
        rows = self._query(_SELECT + " ORDER BY created, fid")
        out, notices = read_rows(rows)  # another client's unusable rows: left out, reported
        self.left_out = tuple(notices)
        rows_.announce(notices)
        return out

    def get(self, candidate_id: str) -> Candidate | None:
        """The stored candidate with *candidate_id*, or None."""
        rows = self._query(_SELECT + " WHERE id = %s", (candidate_id,))
        return candidates_from_rows(rows, self.location)[0] if rows else None

    def get_many(self, ids: Sequence[str]) -> list[Candidate]:
        """The stored candidates among *ids* (missing ones are left out), oldest first."""
        rows = self._query(_SELECT + " WHERE id = ANY(%s) ORDER BY created, fid", (list(ids),))
        return candidates_from_rows(rows, self.location)

    def versions(self) -> dict[str, int]:
        """Every stored candidate's id → version: what a poll for others' changes compares."""
        rows = self._query(f"SELECT id, version FROM {SCHEMA}.candidates")
        return {str(i): int(v) for i, v in rows}

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
            row = self._conn.execute(
                _INSERT + " ON CONFLICT (id) DO NOTHING RETURNING fid", candidate_values(stored)
            ).fetchone()
            if row is None:
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
            current = self._locked(candidate.id, candidate.name, expected_version)
            now = utc_now()
            stored = replace(
                candidate,
                created=current.created,
                author=current.author,
                modified=now,
                modified_by=self.author,
                version=current.version + 1,
            )
            sets = ", ".join(f"{f} = %s" for f in CANDIDATE_FIELDS)
            self._conn.execute(
                f"UPDATE {SCHEMA}.candidates SET {sets},"
                f" geom = ST_GeomFromWKB(%s, {WORKING_EPSG}) WHERE id = %s",
                (*candidate_values(stored), stored.id),
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
            current = self._locked(candidate_id, "", expected_version)
            self._conn.execute(
                f"DELETE FROM {SCHEMA}.candidates WHERE id = %s", (candidate_id,)
            )
            info = {"op": "delete", "version": current.version, "name": current.name}
            self._log(utc_now(), action, candidate_id, {**info, **(details or {})})

    # --- settings and audit ---------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        """The project settings (key → JSON value), including ``schema_version``."""
        rows = self._query(f"SELECT key, value::text FROM {SCHEMA}.settings ORDER BY key")
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
            raise StoreError(
                "Project setting(s) {keys} are reserved.", keys=", ".join(sorted(reserved))
            )
        with self.transaction(), self._errors("settings"):
            for key, value in values.items():
                self._conn.execute(
                    f"INSERT INTO {SCHEMA}.settings (key, value) VALUES (%s, %s::json)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    (key, jsontext.dumps(value)),
                )
            self._log(utc_now(), "settings", "", {"op": "settings", "keys": sorted(values)})

    def audit(self, candidate_id: str | None = None) -> list[AuditRow]:
        """The audit rows, oldest first; only *candidate_id*'s if given."""
        sql = f"SELECT at, who, action, candidate_id, details::text FROM {SCHEMA}.audit"
        args: tuple[Any, ...] = ()
        if candidate_id is not None:
            sql, args = sql + " WHERE candidate_id = %s", (candidate_id,)
        rows = self._query(sql + " ORDER BY fid", args)
        return [AuditRow(r[0], r[1], r[2], r[3] or "", json.loads(r[4] or "{}")) for r in rows]

    # --- others' changes ------------------------------------------------------------------

    def remote_changes_pending(self) -> bool:
        """True if another connection committed a candidate change since the last call.

        Reads the notifications that have arrived on the connection; no round trip to the
        server when there are none. Changes made through this store are not counted.
        """
        return self._remote_news(CHANNEL)

    def remote_scenario_changes_pending(self) -> bool:
        """True if another connection committed a scenario change since the last call (as
        :meth:`remote_changes_pending`, for scenarios)."""
        return self._remote_news(SCENARIO_CHANNEL)

    def _remote_news(self, channel: str) -> bool:
        with self._errors():
            if not self._depth:  # never read from the socket inside a transaction
                for note in self._conn.notifies(timeout=0):
                    if note.pid != self._backend_pid:
                        self._news.add(note.channel)
        if channel in self._news:
            self._news.discard(channel)
            return True
        return False

    # --- scenarios (the interface's docstrings in naturplan.io.project.store) -------------

    def scenarios(self) -> list[Scenario]:
        """Every stored scenario, oldest first ([] in a plan from before scenarios)."""
        if self.schema_step < postgis_scenarios.SCENARIOS_STEP:
            return []  # read-only, never upgraded
        with self._errors():
            return postgis_scenarios.read_all(self._conn)

    def scenario_versions(self) -> dict[str, int]:
        """Every stored scenario's id → version (what a follower compares)."""
        if self.schema_step < postgis_scenarios.SCENARIOS_STEP:
            return {}
        with self._errors():
            return postgis_scenarios.versions(self._conn)

    def insert_scenario(self, scenario: Scenario) -> Scenario:
        """Store a new scenario (see ``CandidateStore.insert_scenario``)."""
        check_scenario_name(scenario)
        with self.transaction(), self._errors("scenario"):
            stored = postgis_scenarios.insert(self._conn, scenario, self.author)
            self._log(stored.modified, "scenario", "",
                      scenario_audit_details("scenario_insert", stored))
        return stored

    def update_scenario(self, scenario: Scenario, expected_version: int) -> Scenario:
        """Change a scenario (see ``CandidateStore.update_scenario``)."""
        check_scenario_name(scenario)
        with self.transaction(), self._errors("scenario"):
            stored = postgis_scenarios.update(self._conn, scenario, expected_version,
                                              self.author)
            self._log(stored.modified, "scenario", "",
                      scenario_audit_details("scenario_update", stored))
        return stored

    def delete_scenario(self, scenario_id: str, expected_version: int) -> None:
        """Delete a scenario (see ``CandidateStore.delete_scenario``)."""
        with self.transaction(), self._errors("scenario"):
            gone = postgis_scenarios.delete(self._conn, scenario_id, expected_version)
            self._log(utc_now(), "scenario", "", scenario_audit_details("scenario_delete", gone))

    # --- whole-project copy (used by naturplan.io.project.copy) ---------------------------

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
        with self.transaction():
            self._conn.execute(f"DELETE FROM {SCHEMA}.candidates")
            self._conn.execute(f"DELETE FROM {SCHEMA}.audit")
            self._conn.execute(
                f"DELETE FROM {SCHEMA}.settings"
                " WHERE key NOT IN ('application', 'schema_version')"
            )
            with self._conn.cursor() as cur:
                cur.executemany(_INSERT, [candidate_values(c) for c in candidates])
                cur.executemany(
                    f"INSERT INTO {SCHEMA}.audit (at, who, action, candidate_id, details)"
                    " VALUES (%s, %s, %s, %s, %s::json)",
                    [(r.at, r.who, r.action, r.candidate_id,
                      jsontext.dumps(r.details)) for r in audit],
                )
                cur.executemany(
                    f"INSERT INTO {SCHEMA}.settings (key, value) VALUES (%s, %s::json)",
                    [(k, jsontext.dumps(v)) for k, v in settings.items()
                     if k not in ("application", "schema_version")],
                )
                postgis_scenarios.replace_all(cur, scenarios)

    # --- internals ------------------------------------------------------------------------

    def _query(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._errors():
            return self._conn.execute(sql, args).fetchall()

    def _errors(self, holds: str = "candidate") -> AbstractContextManager[None]:
        """The driver's errors as the store's (a one-line message, no traceback); a lock
        timeout names what was held (*holds*: candidate, scenario, settings)."""
        return driver_errors(self.location, holds)

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError("Project {where} is open read-only.", where=self.location)

    def _locked(self, candidate_id: str, name: str, expected_version: int) -> Candidate:
        """The stored candidate, locked until the transaction ends, if it is *expected_version*.

        Raises
        ------
        ConflictError
            If it is gone or at another version.
        """
        rows = self._conn.execute(
            _SELECT + " WHERE id = %s FOR UPDATE", (candidate_id,)
        ).fetchall()
        if not rows:
            by, at = self._deleted_by(candidate_id)
            label = name or candidate_id
            raise ConflictError(conflict_template(deleted=True, by=by),
                                candidate_id=candidate_id, name=label, by=by, at=at)
        current = candidates_from_rows(rows, self.location)[0]
        if current.version != expected_version:
            raise ConflictError(
                conflict_template(deleted=False, by=current.modified_by),
                candidate_id=candidate_id, name=current.name or current.id,
                by=current.modified_by, at=current.modified,
            )
        return current

    def _deleted_by(self, candidate_id: str) -> tuple[str, str]:
        row = self._conn.execute(
            f"SELECT who, at FROM {SCHEMA}.audit WHERE candidate_id = %s"
            " ORDER BY fid DESC LIMIT 1",
            (candidate_id,),
        ).fetchone()
        return (str(row[0]), str(row[1])) if row else ("", "")

    def _log(self, at: str, action: str, candidate_id: str, details: Mapping[str, Any]) -> None:
        self._conn.execute(
            f"INSERT INTO {SCHEMA}.audit (at, who, action, candidate_id, details)"
            " VALUES (%s, %s, %s, %s, %s::json)",
            (at, self.author, action, candidate_id, jsontext.dumps(details)),
        )
