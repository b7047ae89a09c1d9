"""The R-tree spatial index of the project's ``candidates`` table (issue 24 §0).

A GeoPackage reader expects one (QGIS and every windowed read use it; a validator reports
"All geometry tables must have an rtree index" without it): the virtual table
``rtree_candidates_geom``, its ``gpkg_extensions`` row (``gpkg_rtree_index``, write-only) and
the six triggers of the GeoPackage 1.2 annex "Spatial Indexes" by their standard names.

The annex's trigger bodies call ``ST_IsEmpty``/``ST_MinX`` …, functions only GDAL (and
naturplan's own connection) register: with them, every ``UPDATE`` of a candidate by the plain
``sqlite3`` tool fails ("no such function"), also the planner's renames the outside-edit
triggers (:mod:`naturplan.io.project.gpkg_outside`) exist to see. These triggers therefore
read the bounds in plain SQL from the envelope in the GeoPackage binary header (minx, maxx,
miny, maxy as little-endian doubles, decoded from ``hex()`` with integer arithmetic). A
geometry without an envelope, in big-endian order or not GeoPackage binary gets the whole
plane as its box: the index is a filter, so a too-large box is still found by every query,
never missed. The R-tree stores 32-bit floats rounded outwards (SQLite's ``rtree``).

A project made before the index gets it when it is opened for writing (filled from the rows,
:func:`install_rtree`); an index QGIS already made (GDAL's triggers) is left as it is.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

TABLE = "candidates"
COLUMN = "geom"
RTREE = f"rtree_{TABLE}_{COLUMN}"
#: Half the side of the box of a geometry whose bounds cannot be read in SQL (< float32 max).
_PLANE = "1e38"
_HEX = "'0123456789ABCDEF'"

#: One row, 1 if the file has the R-tree table, else 0.
HAS_RTREE_SQL = f"SELECT count(*) FROM sqlite_master WHERE name = '{RTREE}'"

_EXTENSIONS_DDL = (
    "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT,"
    " extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,"
    " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))"
)
_EXTENSION_ROW = (TABLE, COLUMN, "gpkg_rtree_index",
                  "http://www.geopackage.org/spec120/#extension_rtree", "write-only")


def _byte(g: str, offset: int) -> str:
    """SQL of the unsigned value of byte *offset* (1-based) of blob *g*."""
    h = f"hex(substr({g}, {offset}, 1))"
    return (f"((instr({_HEX}, substr({h}, 1, 1)) - 1) * 16"
            f" + instr({_HEX}, substr({h}, 2, 1)) - 1)")


def _flags(g: str) -> str:
    return _byte(g, 4)


def _readable(g: str) -> str:
    """SQL true when the envelope of *g* can be read: GeoPackage binary, little-endian, an
    envelope (indicator 1-4 all begin with minx, maxx, miny, maxy), finite bounds."""
    exps = " AND ".join(f"{_exponent(g, 9 + 8 * k)} < 2047" for k in range(4))
    return (f"(substr({g}, 1, 2) = CAST('GP' AS BLOB) AND ({_flags(g)} & 1) = 1"
            f" AND (({_flags(g)} >> 1) & 7) BETWEEN 1 AND 4 AND {exps})")


def _exponent(g: str, at: int) -> str:
    """SQL of the 11-bit exponent of the little-endian double at byte *at* (1-based)."""
    return f"((({_byte(g, at + 7)} & 127) << 4) | ({_byte(g, at + 6)} >> 4))"


def _double(g: str, at: int) -> str:
    """SQL of the little-endian IEEE 754 double at byte *at* of *g* (zero for subnormals)."""
    exp = _exponent(g, at)
    mantissa = " | ".join(
        [f"(({_byte(g, at + 6)} & 15) << 48)"]
        + [f"({_byte(g, at + k)} << {8 * k})" for k in range(5, -1, -1)])
    sign = f"(CASE WHEN {_byte(g, at + 7)} >= 128 THEN -1.0 ELSE 1.0 END)"
    # (2^52 + mantissa) * 2^(exp - 1075); 2^k through shifts of at most 62 bits.
    k = f"({exp} - 1075)"
    scale = (f"(CASE WHEN {k} >= 0 THEN (1 << min({k}, 62)) * 1.0"
             f" ELSE 1.0 / (1 << min(-{k}, 62)) / (1 << max(-{k} - 62, 0)) END)")
    return (f"(CASE WHEN {exp} = 0 THEN 0.0 ELSE"
            f" {sign} * (4503599627370496 + ({mantissa})) * {scale} END)")


def _bound(g: str, k: int) -> str:
    """SQL of envelope value *k* (0 minx, 1 maxx, 2 miny, 3 maxy) of *g*, or the plane's."""
    plane = f"-{_PLANE}" if k in (0, 2) else _PLANE
    return f"(CASE WHEN {_readable(g)} THEN {_double(g, 9 + 8 * k)} ELSE {plane} END)"


def _empty(g: str) -> str:
    """SQL true for the empty-geometry flag of GeoPackage binary *g*."""
    return f"(substr({g}, 1, 2) = CAST('GP' AS BLOB) AND ({_flags(g)} & 16) = 16)"


def _values(row: str) -> str:
    g = f'{row}."{COLUMN}"'
    return (f'INSERT OR REPLACE INTO "{RTREE}" VALUES ({row}."fid", '
            + ", ".join(_bound(g, k) for k in range(4)) + ");")


_NEW = f'NEW."{COLUMN}"'
_FILLED = f"({_NEW} NOTNULL AND NOT {_empty(_NEW)})"
_NONE = f"({_NEW} ISNULL OR {_empty(_NEW)})"
_ON = f'ON "{TABLE}"'

#: The annex's six triggers (names and conditions), with plain-SQL bounds.
TRIGGERS: tuple[tuple[str, str], ...] = tuple(
    (name, f'CREATE TRIGGER "{name}" {body}') for name, body in (
        (f"{RTREE}_insert",
         f"AFTER INSERT {_ON} WHEN {_FILLED} BEGIN {_values('NEW')} END"),
        (f"{RTREE}_update1",
         f'AFTER UPDATE OF "{COLUMN}" {_ON} WHEN OLD."fid" = NEW."fid" AND {_FILLED}'
         f" BEGIN {_values('NEW')} END"),
        (f"{RTREE}_update2",
         f'AFTER UPDATE OF "{COLUMN}" {_ON} WHEN OLD."fid" = NEW."fid" AND {_NONE}'
         f' BEGIN DELETE FROM "{RTREE}" WHERE id = OLD."fid"; END'),
        (f"{RTREE}_update3",
         f'AFTER UPDATE {_ON} WHEN OLD."fid" != NEW."fid" AND {_FILLED}'
         f' BEGIN DELETE FROM "{RTREE}" WHERE id = OLD."fid"; {_values("NEW")} END'),
        (f"{RTREE}_update4",
         f'AFTER UPDATE {_ON} WHEN OLD."fid" != NEW."fid" AND {_NONE}'
         f' BEGIN DELETE FROM "{RTREE}" WHERE id IN (OLD."fid", NEW."fid"); END'),
        (f"{RTREE}_delete",
         f'AFTER DELETE {_ON} WHEN OLD."{COLUMN}" NOT NULL'
         f' BEGIN DELETE FROM "{RTREE}" WHERE id = OLD."fid"; END'),
    )
)


#: Fewest rows for which :func:`insert_indexed` sets the insert trigger aside.
BATCH_MIN_ROWS = 50


def insert_indexed(conn: sqlite3.Connection, sql: str, rows: Sequence[Sequence[Any]],
                   bounds: Sequence[tuple[str, float, float, float, float]]) -> None:
    """Run the candidate insert *sql* for *rows* and index them: with our own insert
    trigger (not one GDAL made) and many rows, the trigger is dropped, the rows inserted, their
    boxes (*bounds*: id, minx, miny, maxx, maxy, as the rows' envelopes) inserted into the
    R-tree in one pass and the trigger made again - inside the caller's transaction, so a
    failure takes all of it back. Otherwise the trigger indexes each row."""
    name, ddl = TRIGGERS[0]
    found = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                         (name,)).fetchone()
    if len(rows) < BATCH_MIN_ROWS or found is None or found[0] != ddl:
        conn.executemany(sql, rows)
        return
    conn.execute(f'DROP TRIGGER "{name}"')
    conn.executemany(sql, rows)
    conn.executemany(
        f'INSERT OR REPLACE INTO "{RTREE}" (id, minx, maxx, miny, maxy)'
        f' SELECT fid, ?, ?, ?, ? FROM "{TABLE}" WHERE id = ?',
        [(minx, maxx, miny, maxy, cid) for cid, minx, miny, maxx, maxy in bounds])
    conn.execute(ddl)


def install_rtree(conn: sqlite3.Connection) -> bool:
    """Give the file the candidates' R-tree if it has none: the virtual table filled from
    the rows, the extension row and the triggers. Runs inside the caller's write transaction.

    Returns True if the index was created; a file with an R-tree (also one QGIS made) is
    left as it is.
    """
    if conn.execute(HAS_RTREE_SQL).fetchone()[0]:
        return False
    conn.execute(f'CREATE VIRTUAL TABLE "{RTREE}" USING rtree(id, minx, maxx, miny, maxy)')
    g = f'"{COLUMN}"'
    conn.execute(
        f'INSERT INTO "{RTREE}" SELECT "fid", '
        + ", ".join(_bound(g, k) for k in range(4))
        + f' FROM "{TABLE}" WHERE {g} NOTNULL AND NOT {_empty(g)}')
    conn.execute(_EXTENSIONS_DDL)
    conn.execute("INSERT OR IGNORE INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)",
                 _EXTENSION_ROW)
    for _name, ddl in TRIGGERS:
        conn.execute(ddl)  # fixed DDL text, no values from outside
    return True
