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

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, ClassVar

from naturplan.core.layers.roles import WORKING_EPSG
from naturplan.core.notices import Notice
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project import postgis_scenarios
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
from naturplan.io.project.sql_store import SQLStore
from naturplan.io.project.store import StoreError, login_name


class PostGISStore(SQLStore):
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

    _P = "%s"
    _JSON = "%s::json"
    _TEXT = "::text"
    _PREFIX = f"{SCHEMA}."
    _SELECT = (f"SELECT ST_AsBinary(geom, 'NDR'), {', '.join(CANDIDATE_FIELDS)}"
               f" FROM {SCHEMA}.candidates")
    _INSERT = (f"INSERT INTO {SCHEMA}.candidates ({', '.join(CANDIDATE_FIELDS)}, geom)"
               f" VALUES ({', '.join(['%s'] * len(CANDIDATE_FIELDS))},"
               f" ST_GeomFromWKB(%s, {WORKING_EPSG}))")
    _UPDATE = (f"UPDATE {SCHEMA}.candidates SET {', '.join(f'{f} = %s' for f in CANDIDATE_FIELDS)},"
               f" geom = ST_GeomFromWKB(%s, {WORKING_EPSG}) WHERE id = %s")
    _FOR_UPDATE = " FOR UPDATE"
    _scenario_ops: ClassVar[Any] = postgis_scenarios

    def __init__(
        self,
        conninfo: str,
        author: str | None = None,
        *,
        create: bool = True,
        readonly: bool = False,
        upto: int | None = None,
    ) -> None:
        super().__init__(author or login_name(), readonly)
        self.conninfo = conninfo
        #: Where the project is, without a password: for titles, messages, recent lists.
        self.location = redact(conninfo)
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

    # --- team reads ---------------------------------------------------------------------

    def get_many(self, ids: Sequence[str]) -> list[Candidate]:
        """The stored candidates among *ids* (missing ones are left out), oldest first."""
        rows = self._query(self._SELECT + " WHERE id = ANY(%s) ORDER BY created, fid", (list(ids),))
        return candidates_from_rows(rows, self.location)

    def versions(self) -> dict[str, int]:
        """Every stored candidate's id → version: what a poll for others' changes compares."""
        rows = self._query(f"SELECT id, version FROM {SCHEMA}.candidates")
        return {str(i): int(v) for i, v in rows}

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

    def scenario_versions(self) -> dict[str, int]:
        """Every stored scenario's id → version (what a follower compares)."""
        if self.schema_step < postgis_scenarios.SCENARIOS_STEP:
            return {}
        with self._errors():
            return postgis_scenarios.versions(self._conn)

    # --- the dialect's hooks (naturplan.io.project.sql_store) -------------------------------

    def _where(self) -> str:
        return self.location

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError("Project {where} is open read-only.", where=self.location)

    @contextmanager
    def _outermost(self) -> Iterator[None]:
        """``BEGIN`` … ``COMMIT`` on the server; rolled back if the block raises."""
        with self._errors(), self._conn.transaction():
            yield

    def _reading(self) -> AbstractContextManager[None]:
        return self._errors()

    def _errors(self, holds: str = "candidate") -> AbstractContextManager[None]:
        """The driver's errors as the store's (a one-line message, no traceback); a lock
        timeout names what was held (*holds*: candidate, scenario, settings)."""
        return driver_errors(self.location, holds)

    def _read_candidates(self, rows: Sequence[Any]) -> tuple[list[Candidate], list[Notice]]:
        return read_rows(rows)  # another client's unusable rows: left out, reported

    @staticmethod
    def _candidate_values(candidate: Candidate) -> tuple[Any, ...]:
        return candidate_values(candidate)

    def _insert_row(self, stored: Candidate) -> bool:
        return self._conn.execute(  # a duplicate id: a conflict, not an aborted transaction
            self._INSERT + " ON CONFLICT (id) DO NOTHING RETURNING fid", candidate_values(stored)
        ).fetchone() is not None

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._conn.cursor() as cur:
            cur.executemany(sql, rows)

    def _replace_scenarios(self, scenarios: Sequence[Scenario]) -> None:
        with self._conn.cursor() as cur:
            postgis_scenarios.replace_all(cur, scenarios)

    def _has_scenarios(self) -> bool:
        return self.schema_step >= postgis_scenarios.SCENARIOS_STEP
