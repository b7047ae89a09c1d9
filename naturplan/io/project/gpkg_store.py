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

The R-tree ``rtree_candidates_geom`` (``gpkg_rtree``: plain-SQL triggers, so the ``sqlite3``
tool can still edit); one QGIS made instead is kept up to date through its GDAL triggers
(``gpkg_format.register_spatial_functions``). Other programs' edits: ``gpkg_outside`` (seen,
audited) and ``rows`` (unusable rows left out with a notice).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, ClassVar

from naturplan.core.notices import Notice
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project import gpkg_outside, gpkg_rtree, gpkg_scenarios
from naturplan.io.project import rows as rows_
from naturplan.io.project.gpkg_format import (
    BUSY_TIMEOUT_S,
    CANDIDATES_SQL,
    OPEN_TIMEOUT_S,
    check_project,
    connect,
    create_project,
    decode_geometry,
    encode_geometry,
    has_old_kind_check,
    sqlite_error,
    widen_kind_check,
)
from naturplan.io.project.sql_store import SQLStore
from naturplan.io.project.store import StoreError, login_name, project_not_found

_COLUMNS = (
    "id", "kind", "name", "status", "note", "counts_toward_target", "created", "modified",
    "author", "modified_by", "version",
)

# --- the store ------------------------------------------------------------------------------


class GeoPackageStore(SQLStore):
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

    _P = "?"
    _JSON = "?"
    _TEXT = ""
    _PREFIX = ""
    _SELECT = f"SELECT geom, {', '.join(_COLUMNS)} FROM candidates"
    _INSERT = (f"INSERT INTO candidates (geom, {', '.join(_COLUMNS)}) "
               f"VALUES ({', '.join('?' * (len(_COLUMNS) + 1))})")
    _UPDATE = (f"UPDATE candidates SET {', '.join(f'{c} = ?' for c in ('geom', *_COLUMNS))}"
               " WHERE id = ?")
    _scenario_ops: ClassVar[Any] = gpkg_scenarios

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
        super().__init__(author or login_name(), readonly)
        self.path = Path(path)
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
            self._query("SELECT count(*) FROM candidates")  # locked: refused at once
            if not readonly:
                self._migrate()
            self._conn.execute(f"PRAGMA busy_timeout = {round(busy_timeout * 1000)}")
        except BaseException:
            self._conn.close()
            raise

    # --- the dialect's hooks (naturplan.io.project.sql_store) -------------------------------

    def _where(self) -> str:
        return self.path.name

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError("Project {name} is open read-only.", name=self.path.name)

    @contextmanager
    def _outermost(self) -> Iterator[None]:
        """``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back if the block raises."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise sqlite_error(exc, self.path, writing=True) from None
        try:
            yield
            self._conn.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                raise sqlite_error(exc, self.path, writing=True) from None
            raise

    def _rollback(self) -> None:
        """Undo the open transaction (a failed COMMIT may leave it open, or SQLite may have
        rolled it back already)."""
        if self._conn.in_transaction:
            try:
                self._conn.execute("ROLLBACK")
            except sqlite3.Error:  # the connection rolls back when it is closed
                pass

    @contextmanager
    def _reading(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise sqlite_error(exc, self.path, writing=False) from None

    def _errors(self, holds: str = "candidate") -> AbstractContextManager[None]:
        return nullcontext()  # the transaction turns SQLite's errors into the store's

    def _read_candidates(self, rows: Sequence[Any]) -> tuple[list[Candidate], list[Notice]]:
        return rows_.split([_candidate(row) for row in rows])

    @staticmethod
    def _candidate_values(candidate: Candidate) -> tuple[Any, ...]:
        c = candidate
        return (
            encode_geometry(c.geometry), c.id, c.kind.value, c.name, c.status.value, c.note,
            int(c.counts_toward_target), c.created, c.modified, c.author, c.modified_by,
            c.version,
        )

    def _insert_row(self, stored: Candidate) -> bool:
        if self._query("SELECT 1 FROM candidates WHERE id = ?", (stored.id,)):
            return False
        self._conn.execute(self._INSERT, self._candidate_values(stored))
        return True

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._conn.executemany(sql, rows)

    def _insert_rows(self, stored: Sequence[Candidate]) -> None:
        """The rows, with the R-tree filled in one pass from the geometries' bounds instead of
        by the insert trigger's plain-SQL header decoding (0.15 ms a row; issue 23)."""
        gpkg_rtree.insert_indexed(
            self._conn, self._INSERT, [self._candidate_values(c) for c in stored],
            [(c.id, *c.geometry.bounds) for c in stored])

    def _replace_scenarios(self, scenarios: Sequence[Scenario]) -> None:
        gpkg_scenarios.replace_all(self._conn, list(scenarios))

    def _touched(self, at: str, action: str) -> None:
        """Keep ``gpkg_contents.last_change`` of the tables a write changed."""
        if action == "replace":
            self._conn.execute("UPDATE gpkg_contents SET last_change = ?", (at,))
            return
        tables = ["candidates", "audit"] + {"settings": ["settings"],
                                            "scenario": ["scenarios"]}.get(action, [])
        self._conn.execute(
            "UPDATE gpkg_contents SET last_change = ? WHERE table_name IN"
            f" ({', '.join('?' * len(tables))})", (at, *tables))

    # --- internals ------------------------------------------------------------------------

    def _migrate(self) -> None:
        """Give a project made before the outside-edit triggers or the R-tree its triggers
        (:mod:`naturplan.io.project.gpkg_outside`) and its index
        (:mod:`naturplan.io.project.gpkg_rtree`), and one made before the "restore" kind the
        wider kind constraint (:func:`~naturplan.io.project.gpkg_format.widen_kind_check`); a
        file that has all is not written."""
        has_triggers = self._query(gpkg_outside.HAS_TRIGGERS_SQL)[0][0]
        has_rtree = self._query(gpkg_rtree.HAS_RTREE_SQL)[0][0]
        old_kinds = any(has_old_kind_check(r[0]) for r in self._query(CANDIDATES_SQL))
        if not (has_triggers and has_rtree) or old_kinds:
            with self.transaction():
                gpkg_outside.install_triggers(self._conn)
                gpkg_rtree.install_rtree(self._conn)
                widen_kind_check(self._conn)


def _candidate(row: tuple[Any, ...]) -> Candidate | Notice:
    """The candidate of a row, or the notice for a row another program wrote that is no
    usable candidate (:func:`naturplan.io.project.rows.read_candidate`)."""
    blob = row[0]
    return rows_.read_candidate(dict(zip(_COLUMNS, row[1:], strict=True)),
                                lambda: decode_geometry(blob))
