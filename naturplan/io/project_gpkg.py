"""A project as one GeoPackage file, written with :mod:`sqlite3` (no GDAL at run time).

Tables (a valid GeoPackage 1.2: ``application_id`` 'GPKG', ``user_version`` 10200):

- ``candidates``: features, MULTIPOLYGON in EPSG:25832 (a single polygon is written as a
  one-part multipolygon and read back as a Polygon), fields ``id`` (UUID text, unique),
  ``kind``, ``name``, ``status``, ``note``, ``counts_toward_target``, ``created``,
  ``modified``, ``author``, ``modified_by``, ``version``.
- ``audit``: attributes table (``at``, ``who``, ``action``, ``candidate_id``, ``details`` JSON).
- ``settings``: attributes table of ``key`` → JSON ``value``, with ``application`` =
  ``"naturplan"`` and ``schema_version``.

Durability: every edit is one ``BEGIN IMMEDIATE … COMMIT`` with ``journal_mode=DELETE`` and
``synchronous=FULL``; when a write method returns, the edit is in the main file, so a killed
process (SIGKILL) or a power cut loses nothing the user saw done, and an interrupted
transaction is rolled back from its journal on the next open. DELETE rather than WAL keeps the
project one self-contained file that can be copied or mailed (and WAL does not work on
network shares). A new file is built under a temporary name and renamed into place.

No R-tree spatial index: the standard GeoPackage R-tree triggers call GDAL's SQL functions
(``ST_MinX`` …), which plain sqlite3 does not have, and a plan holds hundreds of candidates,
which the ledger and the GUI index in memory (STRtree) after reading them all.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import struct
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.candidates import (
    EDITABLE_FIELDS,
    Candidate,
    CandidateKind,
    CandidateStatus,
    require_valid,
    utc_now,
)
from naturplan.core.roles import WORKING_EPSG
from naturplan.io.store import (
    SCHEMA_VERSION,
    AuditRow,
    ConflictError,
    NotAProjectError,
    StoreError,
    conflict_message,
)

GPKG_APPLICATION_ID = 0x47504B47  # 'GPKG'
GPKG_USER_VERSION = 10200  # GeoPackage 1.2 (QGIS 3.22 warns about 1.4, DESIGN.md)
APPLICATION = "naturplan"
_SQLITE_MAGIC = b"SQLite format 3\x00"
_BUSY_TIMEOUT_S = 10.0
_COLUMNS = (
    "id", "kind", "name", "status", "note", "counts_toward_target", "created", "modified",
    "author", "modified_by", "version",
)
_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


# --- GeoPackage binary geometry -------------------------------------------------------------


def encode_geometry(geom: BaseGeometry, srs_id: int = WORKING_EPSG) -> bytes:
    """GeoPackage binary: 'GP', version 0, flags (little-endian, XY envelope), srs_id,
    envelope (minx, maxx, miny, maxy), then ISO WKB of the geometry as a MultiPolygon."""
    if geom.geom_type == "Polygon":
        geom = shapely.MultiPolygon([geom])
    minx, miny, maxx, maxy = geom.bounds
    header = struct.pack("<2sBBi4d", b"GP", 0, 0b0000_0011, srs_id, minx, maxx, miny, maxy)
    return header + shapely.to_wkb(geom, output_dimension=2, byte_order=1, flavor="iso")


def decode_geometry(blob: bytes) -> BaseGeometry:
    """Shapely geometry from GeoPackage binary (a one-part multipolygon comes back as a Polygon).

    Raises
    ------
    StoreError
        If the blob is not GeoPackage binary.
    """
    if len(blob) < 8 or blob[:2] != b"GP":
        raise StoreError("A candidate geometry in the project is not GeoPackage binary.")
    flags = blob[3]
    envelope = _ENVELOPE_BYTES.get((flags >> 1) & 0b111)
    if envelope is None:
        raise StoreError("A candidate geometry in the project has an unknown envelope.")
    geom = shapely.from_wkb(blob[8 + envelope :])
    if geom.geom_type == "MultiPolygon" and len(geom.geoms) == 1:
        return geom.geoms[0]
    return geom


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
    ) -> None:
        self.path = Path(path)
        self.author = author or _login_name()
        self.readonly = readonly
        self._depth = 0
        if not self.path.exists():
            if readonly or not create:
                raise StoreError(f"Project file not found: {self.path}")
            _create_project(self.path, self.author)
        _check_project(self.path)
        mode = "ro" if readonly else "rw"
        self._conn = _connect(self.path, mode)

    # --- lifecycle ------------------------------------------------------------------------

    def close(self) -> None:
        """Close the file (every edit is already committed)."""
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
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")
        finally:
            self._depth = 0

    # --- candidates -----------------------------------------------------------------------

    def candidates(self) -> list[Candidate]:
        """Every stored candidate, oldest first."""
        rows = self._conn.execute(
            f"SELECT geom, {', '.join(_COLUMNS)} FROM candidates ORDER BY created, id"
        ).fetchall()
        return [_candidate(row) for row in rows]

    def get(self, candidate_id: str) -> Candidate | None:
        """The stored candidate with *candidate_id*, or None."""
        row = self._conn.execute(
            f"SELECT geom, {', '.join(_COLUMNS)} FROM candidates WHERE id = ?", (candidate_id,)
        ).fetchone()
        return None if row is None else _candidate(row)

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
        with self.transaction():
            current = self.get(candidate.id)
            if current is not None:
                raise ConflictError(
                    f"Candidate area '{_label(current)}' is already in the project.",
                    current.id, current.name, current.modified_by, current.modified,
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
            changed = sorted(f for f in EDITABLE_FIELDS if _differs(current, stored, f))
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
        rows = self._conn.execute("SELECT key, value FROM settings ORDER BY key").fetchall()
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
            raise StoreError(f"Project setting(s) {', '.join(sorted(reserved))} are reserved.")
        with self.transaction():
            self._conn.executemany(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [(k, json.dumps(v, ensure_ascii=False)) for k, v in values.items()],
            )
            self._log(utc_now(), "settings", "", {"op": "settings", "keys": sorted(values)})

    def audit(self, candidate_id: str | None = None) -> list[AuditRow]:
        """The audit rows, oldest first; only *candidate_id*'s if given."""
        sql = "SELECT at, who, action, candidate_id, details FROM audit"
        args: tuple[Any, ...] = ()
        if candidate_id is not None:
            sql, args = sql + " WHERE candidate_id = ?", (candidate_id,)
        rows = self._conn.execute(sql + " ORDER BY fid", args).fetchall()
        return [AuditRow(r[0], r[1], r[2], r[3] or "", json.loads(r[4] or "{}")) for r in rows]

    # --- internals ------------------------------------------------------------------------

    def _writable(self) -> None:
        if self.readonly:
            raise StoreError(f"Project {self.path.name} is open read-only.")

    def _current(self, candidate_id: str, name: str, expected_version: int) -> Candidate:
        current = self.get(candidate_id)
        if current is None:
            by, at = self._deleted_by(candidate_id)
            label = name or candidate_id
            raise ConflictError(
                conflict_message(label, by, at, deleted=True), candidate_id, label, by, at
            )
        if current.version != expected_version:
            raise ConflictError(
                conflict_message(_label(current), current.modified_by, current.modified),
                candidate_id, current.name, current.modified_by, current.modified,
            )
        return current

    def _deleted_by(self, candidate_id: str) -> tuple[str, str]:
        row = self._conn.execute(
            "SELECT who, at FROM audit WHERE candidate_id = ? ORDER BY fid DESC LIMIT 1",
            (candidate_id,),
        ).fetchone()
        return (row[0], row[1]) if row else ("", "")

    def _log(self, at: str, action: str, candidate_id: str, details: Mapping[str, Any]) -> None:
        self._conn.execute(
            "INSERT INTO audit (at, who, action, candidate_id, details) VALUES (?, ?, ?, ?, ?)",
            (at, self.author, action, candidate_id, json.dumps(details, ensure_ascii=False)),
        )
        self._conn.execute(
            "UPDATE gpkg_contents SET last_change = ? WHERE table_name IN ('candidates', 'audit')"
            + (" OR table_name = 'settings'" if action == "settings" else ""),
            (at,),
        )


def _label(c: Candidate) -> str:
    return c.name or c.id


def _differs(a: Candidate, b: Candidate, field: str) -> bool:
    if field == "geometry":
        return not bool(shapely.equals_exact(a.geometry, b.geometry, 0.0))
    return bool(getattr(a, field) != getattr(b, field))


def _values(c: Candidate) -> tuple[Any, ...]:
    return (
        encode_geometry(c.geometry), c.id, c.kind.value, c.name, c.status.value, c.note,
        int(c.counts_toward_target), c.created, c.modified, c.author, c.modified_by, c.version,
    )


def _candidate(row: tuple[Any, ...]) -> Candidate:
    f = dict(zip(_COLUMNS, row[1:], strict=True))
    return Candidate(
        id=f["id"],
        kind=CandidateKind(f["kind"]),
        name=f["name"] or "",
        geometry=decode_geometry(row[0]),
        status=CandidateStatus(f["status"]),
        note=f["note"] or "",
        counts_toward_target=bool(f["counts_toward_target"]),
        created=f["created"] or "",
        modified=f["modified"] or "",
        author=f["author"] or "",
        modified_by=f["modified_by"] or "",
        version=int(f["version"]),
    )


def _login_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers and services
        return "unknown"


# --- creating and checking the file ---------------------------------------------------------


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    uri = f"file:{path.resolve().as_posix()}?mode={mode}"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=_BUSY_TIMEOUT_S)
    if mode != "ro":
        conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def _check_project(path: Path) -> None:
    """Raise :class:`NotAProjectError` unless *path* is a readable naturplan GeoPackage."""
    name = path.name
    try:
        with open(path, "rb") as fh:
            magic = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"Cannot read project {name}: {exc.strerror}") from None
    if magic != _SQLITE_MAGIC:
        raise NotAProjectError(f"{name} is not a GeoPackage (not an SQLite database).")
    # Read-write when allowed: a transaction cut short by a crash leaves a hot journal, and
    # only a writable connection can roll it back (a read-only one cannot even read the file).
    mode = "rw" if os.access(path, os.W_OK) else "ro"
    try:
        conn = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode={mode}", uri=True)
        try:
            _check_contents(conn, name)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotAProjectError(f"{name} cannot be read as a GeoPackage ({exc}).") from None


def _check_contents(conn: sqlite3.Connection, name: str) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != GPKG_APPLICATION_ID:
        raise NotAProjectError(f"{name} is an SQLite database but not a GeoPackage.")
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"candidates", "audit", "settings", "gpkg_contents"} <= tables:
        raise NotAProjectError(f"{name} is a GeoPackage but not a naturplan project.")
    settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    if json.loads(settings.get("application", "null")) != APPLICATION:
        raise NotAProjectError(f"{name} is a GeoPackage but not a naturplan project.")
    version = json.loads(settings.get("schema_version", "0"))
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise StoreError(
            f"{name} was made by a newer naturplan (project schema {version}); update naturplan."
        )
    check = conn.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise NotAProjectError(f"{name} is damaged ({check}).")


def _create_project(path: Path, author: str) -> None:
    """Build a new project under a temporary name in the same folder, then rename it."""
    if not path.parent.exists():
        raise StoreError(f"Folder not found for the project: {path.parent}")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=DELETE")
            conn.execute("BEGIN")
            _create_schema(conn, author)
            conn.execute("COMMIT")
        finally:
            conn.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        _publish(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        raise StoreError(f"Cannot create project {path}: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)


def _publish(tmp: Path, path: Path) -> None:
    """Move the finished file into place without replacing one another process made."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        return  # created meanwhile by someone else: open theirs
    except OSError:  # no hard links on this file system (FAT, some network shares)
        os.replace(tmp, path)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # not possible on every platform (Windows)
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _create_schema(conn: sqlite3.Connection, author: str) -> None:
    conn.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
    for statement in _DDL:
        conn.execute(statement)
    conn.executemany(
        "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", _srs_rows()
    )
    now = utc_now()
    conn.executemany(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change,"
        " srs_id) VALUES (?, ?, ?, ?, ?, ?)",
        [
            ("candidates", "features", "candidates", "naturplan candidate areas", now,
             WORKING_EPSG),
            ("audit", "attributes", "audit", "who changed what, when (UTC)", now, None),
            ("settings", "attributes", "settings", "project settings (JSON values)", now, None),
        ],
    )
    conn.execute(
        "INSERT INTO gpkg_geometry_columns VALUES ('candidates', 'geom', 'MULTIPOLYGON', ?, 0, 0)",
        (WORKING_EPSG,),
    )
    conn.executemany(
        "INSERT INTO settings (key, value) VALUES (?, ?)",
        [("application", json.dumps(APPLICATION)), ("schema_version", str(SCHEMA_VERSION))],
    )
    conn.execute(
        "INSERT INTO audit (at, who, action, candidate_id, details) VALUES (?, ?, ?, '', ?)",
        (now, author, "create", json.dumps({"op": "create", "schema_version": SCHEMA_VERSION})),
    )


_DDL = (
    "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL"
    " PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
    " definition TEXT NOT NULL, description TEXT)",
    "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,"
    " identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL"
    " DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE,"
    " max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
    " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))",
    "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,"
    " geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL,"
    " m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),"
    " CONSTRAINT uk_gc_table_name UNIQUE (table_name),"
    " CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),"
    " CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))",
    "CREATE TABLE candidates (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
    " geom MULTIPOLYGON NOT NULL, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL"
    " CHECK (kind IN ('lowland', 'afforestation', 'connectivity')), name TEXT,"
    " status TEXT NOT NULL CHECK (status IN ('idea', 'proposed', 'adopted', 'rejected')),"
    " note TEXT, counts_toward_target BOOLEAN NOT NULL, created DATETIME NOT NULL,"
    " modified DATETIME NOT NULL, author TEXT, modified_by TEXT,"
    " version INTEGER NOT NULL CHECK (version > 0))",
    "CREATE TABLE audit (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, at DATETIME NOT NULL,"
    " who TEXT, action TEXT NOT NULL, candidate_id TEXT, details TEXT)",
    "CREATE INDEX audit_candidate ON audit (candidate_id)",
    "CREATE TABLE settings (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
    " key TEXT NOT NULL UNIQUE, value TEXT)",
)


def _srs_rows() -> list[tuple[str, int, str, int, str, str]]:
    from pyproj import CRS
    from pyproj.enums import WktVersion

    wkt = CRS.from_epsg(WORKING_EPSG).to_wkt(WktVersion.WKT1_GDAL)
    wgs84 = CRS.from_epsg(4326).to_wkt(WktVersion.WKT1_GDAL)
    return [
        ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian"),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic"),
        ("WGS 84 geodetic", 4326, "EPSG", 4326, wgs84, "longitude/latitude WGS 84"),
        ("ETRS89 / UTM zone 32N", WORKING_EPSG, "EPSG", WORKING_EPSG, wkt,
         "ETRS89 / UTM zone 32N (Denmark)"),
    ]
