"""The GeoPackage 1.2 file format of a project, written with plain :mod:`sqlite3`.

Geometry encoding (GeoPackage binary), the table definitions, creating a new file atomically
and checking that a file is a naturplan project. :mod:`naturplan.io.project.gpkg_store` builds the
store on top of this.
"""

from __future__ import annotations

import json
import os
import sqlite3
import struct
from pathlib import Path

import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core import jsontext
from naturplan.core.layers.roles import WORKING_EPSG
from naturplan.core.plan.candidates import CandidateKind, utc_now
from naturplan.io.project import gpkg_outside, gpkg_rtree, gpkg_scenarios
from naturplan.io.project.store import (
    SCHEMA_VERSION,
    NotAProjectError,
    StoreBusyError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
)

GPKG_APPLICATION_ID = 0x47504B47  # 'GPKG'
GPKG_USER_VERSION = 10200  # GeoPackage 1.2 (QGIS 3.22 warns about 1.4, DESIGN.md)
APPLICATION = "naturplan"
_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Seconds a write waits for another program's lock on the file before giving up.
BUSY_TIMEOUT_S = 10.0
#: Seconds opening a project waits for another program's lock before it is refused: opening
#: runs on the window's thread, which must not freeze for the write's ten seconds (issue 18).
OPEN_TIMEOUT_S = 1.0
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


def register_spatial_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions GDAL's R-tree triggers call (``ST_IsEmpty``, ``ST_MinX`` …): a
    project in which QGIS made a spatial index stays writable by naturplan, and the index
    follows its writes (GeoPackage 1.2, annex "Spatial Indexes")."""
    conn.create_function("ST_IsEmpty", 1, _is_empty, deterministic=True)
    for name, k in (("ST_MinX", 0), ("ST_MaxX", 2), ("ST_MinY", 1), ("ST_MaxY", 3)):
        conn.create_function(name, 1, lambda blob, k=k: _bound(blob, k), deterministic=True)


def _is_empty(blob: bytes | None) -> int | None:
    if blob is None:
        return None
    if len(blob) >= 8 and blob[:2] == b"GP" and blob[3] & 0b1_0000:
        return 1
    try:
        return int(decode_geometry(blob).is_empty)
    except Exception:  # not a geometry: GDAL's functions answer NULL too
        return None


def _bound(blob: bytes | None, k: int) -> float | None:
    """Bound *k* of (minx, miny, maxx, maxy) of a GeoPackage geometry, NULL if none."""
    if blob is None:
        return None
    try:
        geom = decode_geometry(blob)
    except Exception:
        return None
    return None if geom.is_empty else float(geom.bounds[k])


# --- creating and checking the file ---------------------------------------------------------


def connect(path: Path, mode: str, timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """An autocommit connection (transactions are explicit) with the durability pragmas.

    Raises
    ------
    StoreError
        If SQLite cannot open the file (a subclass for a locked, read-only or full file).
    """
    uri = f"file:{path.resolve().as_posix()}?mode={mode}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=timeout)
    except sqlite3.Error as exc:
        raise sqlite_error(exc, path, writing=False) from None
    gpkg_outside.mark_naturplan(conn)
    register_spatial_functions(conn)
    try:
        if mode != "ro":
            conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as exc:
        conn.close()
        raise sqlite_error(exc, path, writing=False) from None
    return conn


def sqlite_error(exc: sqlite3.Error, path: Path, *, writing: bool) -> StoreError:
    """The store's error for an SQLite failure on *path* (never a raw ``sqlite3`` error).

    A locked file gives :class:`StoreBusyError`, a read-only file or folder
    :class:`StoreReadOnlyError`, a full disk :class:`StoreFullError`; anything else a
    :class:`StoreError` with SQLite's reason. The caller has rolled back: nothing was written.
    """
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    project = Path(path).name
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text:
        if writing:
            return StoreBusyError(
                "The project {name} is locked by another program; nothing was saved. "
                "Try again when the other program has finished.", name=project)
        return StoreBusyError(
            "The project {name} is locked by another program; try again in a moment.",
            name=project)
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return StoreReadOnlyError(
            "The project {name} cannot be written (the file or its folder is read-only); "
            "nothing was saved.", name=project)
    if name.startswith("SQLITE_FULL") or "full" in text:
        return StoreFullError(
            "The disk with the project {name} is full; nothing was saved. Free some space "
            "and try again.", name=project)
    if writing:
        return StoreError("The project {name} could not be written ({reason}); nothing was "
                          "saved.", name=project, reason=text)
    return StoreError("The project {name} could not be read ({reason}).", name=project,
                      reason=text)


def check_project(path: Path, timeout: float = OPEN_TIMEOUT_S) -> None:
    """Raise :class:`NotAProjectError` unless *path* is a readable naturplan GeoPackage.

    A file another program holds locked for longer than *timeout* seconds raises
    :class:`StoreBusyError`.
    """
    name = path.name
    try:
        with open(path, "rb") as fh:
            magic = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError("Cannot read project {name}: {reason}", name=name,
                         reason=exc.strerror or str(exc)) from None
    if magic != _SQLITE_MAGIC:
        raise NotAProjectError("{name} is not a GeoPackage (not an SQLite database).",
                               name=name)
    # Read-write when allowed: a transaction cut short by a crash leaves a hot journal, and
    # only a writable connection can roll it back (a read-only one cannot even read the file).
    mode = "rw" if os.access(path, os.W_OK) else "ro"
    try:
        conn = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode={mode}", uri=True,
                               timeout=timeout)
        try:
            _check_contents(conn, name)
        finally:
            conn.close()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise sqlite_error(exc, path, writing=False) from None
        raise NotAProjectError("{name} cannot be read as a GeoPackage ({reason}).", name=name,
                               reason=str(exc)) from None
    except sqlite3.DatabaseError as exc:
        raise NotAProjectError("{name} cannot be read as a GeoPackage ({reason}).", name=name,
                               reason=str(exc)) from None


def _check_contents(conn: sqlite3.Connection, name: str) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != GPKG_APPLICATION_ID:
        raise NotAProjectError("{name} is an SQLite database but not a GeoPackage.", name=name)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not {"candidates", "audit", "settings", "gpkg_contents"} <= tables:
        raise NotAProjectError("{name} is a GeoPackage but not a naturplan project.", name=name)
    settings = dict(conn.execute("SELECT key, value FROM settings").fetchall())
    if json.loads(settings.get("application", "null")) != APPLICATION:
        raise NotAProjectError("{name} is a GeoPackage but not a naturplan project.", name=name)
    version = json.loads(settings.get("schema_version", "0"))
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise StoreError(
            "{name} was made by a newer naturplan (project schema {version}); update naturplan.",
            name=name, version=str(version),
        )
    check = conn.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise NotAProjectError("{name} is damaged ({reason}).", name=name, reason=str(check))


def create_project(path: Path, author: str) -> None:
    """Build a new project under a temporary name in the same folder, then rename it."""
    if not path.parent.exists():
        raise StoreError("Folder not found for the project: {folder}", folder=str(path.parent))
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
        raise StoreError("Cannot create project {path}: {reason}", path=str(path),
                         reason=exc.strerror or str(exc)) from None
    except sqlite3.Error as exc:
        raise sqlite_error(exc, path, writing=True) from None
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
    gpkg_outside.install_triggers(conn)
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
            (*gpkg_scenarios.CONTENTS_ROW, now, None),
        ],
    )
    conn.execute(
        "INSERT INTO gpkg_geometry_columns VALUES ('candidates', 'geom', 'MULTIPOLYGON', ?, 0, 0)",
        (WORKING_EPSG,),
    )
    conn.executemany(
        "INSERT INTO settings (key, value) VALUES (?, ?)",
        [("application", jsontext.dumps(APPLICATION)), ("schema_version", str(SCHEMA_VERSION))],
    )
    conn.execute(
        "INSERT INTO audit (at, who, action, candidate_id, details) VALUES (?, ?, ?, '', ?)",
        (now, author, "create", jsontext.dumps({"op": "create", "schema_version": SCHEMA_VERSION})),
    )
    gpkg_rtree.install_rtree(conn)


#: The candidates' kind constraint: every kind naturplan knows.
KIND_CHECK = "(kind IN (" + ", ".join(f"'{k.value}'" for k in CandidateKind) + "))"
#: The constraint of a project made before the "restore" kind (issue 25).
_OLD_KIND_CHECK = "(kind IN ('lowland', 'afforestation', 'connectivity'))"


def widen_kind_check(conn: sqlite3.Connection) -> bool:
    """Let a project made before the "restore" kind hold one: its CHECK constraint is
    rewritten in the schema, SQLite's documented way to change a constraint without copying
    the table (every stored row meets the wider one). Runs inside the caller's write
    transaction; True if the schema was changed."""
    row = conn.execute(CANDIDATES_SQL).fetchone()
    if row is None or not has_old_kind_check(row[0]):
        return False
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table'"
                     " AND name = 'candidates'", (_OLD_KIND_CHECK, KIND_CHECK))
        conn.execute(f"PRAGMA schema_version = {int(version) + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    return True


#: One row: the candidates table's SQL (:func:`widen_kind_check` reads whether it is old).
CANDIDATES_SQL = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'candidates'"


def has_old_kind_check(sql: str | None) -> bool:
    """Whether the candidates table's *sql* has the constraint from before "restore"."""
    return sql is not None and _OLD_KIND_CHECK in sql


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
    f" CHECK {KIND_CHECK}, name TEXT,"
    " status TEXT NOT NULL CHECK (status IN ('idea', 'proposed', 'adopted', 'rejected')),"
    " note TEXT, counts_toward_target BOOLEAN NOT NULL, created DATETIME NOT NULL,"
    " modified DATETIME NOT NULL, author TEXT, modified_by TEXT,"
    " version INTEGER NOT NULL CHECK (version > 0))",
    "CREATE TABLE audit (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, at DATETIME NOT NULL,"
    " who TEXT, action TEXT NOT NULL, candidate_id TEXT, details TEXT)",
    "CREATE INDEX audit_candidate ON audit (candidate_id)",
    "CREATE TABLE settings (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
    " key TEXT NOT NULL UNIQUE, value TEXT)",
    gpkg_scenarios.TABLE_DDL,
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
