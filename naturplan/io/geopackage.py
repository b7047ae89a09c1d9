"""Reading GeoPackage feature tables with :mod:`sqlite3`: no GDAL, nothing heavy to import.

A GeoPackage is an SQLite database with a few standard tables (OGC 12-128r18): layers are
listed in ``gpkg_contents`` and ``gpkg_geometry_columns``, coordinate systems in
``gpkg_spatial_ref_sys``, and each geometry is a small header followed by plain WKB
(spec § 2.1.3). GDAL adds ``gpkg_ogr_contents`` (feature counts) and keeps layer metadata as
XML in ``gpkg_metadata``.

This is the fast path for what ``naturplan stats`` needs: a layer's schema, feature count and
metadata without reading its features, and the geometries plus a few columns of the layers
that are measured. Reading 10,000 §3 polygons takes ~0.05 s; importing pyogrio alone (which
imports pandas and geopandas) takes longer than that. Everything else (other formats, whole
attribute tables for the map) goes through pyogrio.
"""

from __future__ import annotations

import sqlite3
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely

from naturplan.core.errors import LayerLoadError
from naturplan.core.geometry import GeometryArray, quiet_numbers

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Envelope size in bytes by the envelope indicator (flags bits 1-3).
_ENVELOPE = (0, 32, 48, 48, 64)


@dataclass(frozen=True)
class GpkgLayer:
    """One feature table as the GeoPackage describes it (no features read).

    Attributes
    ----------
    name
        The table name.
    geometry_column
        The name of its geometry column.
    geometry_type
        The declared type in OGR's spelling (``"MultiPolygon"``, ``"Point"``; ``"Unknown"``
        for the generic ``GEOMETRY``).
    crs
        ``"EPSG:nnnn"``, the WKT definition for other organisations, or None if undefined.
    fields
        Attribute columns (without the feature id and geometry).
    features
        Number of rows.
    metadata
        GDAL's layer metadata items and ``DESCRIPTION`` (from ``gpkg_contents``).
    """

    name: str
    geometry_column: str
    geometry_type: str
    crs: str | None
    fields: tuple[str, ...]
    features: int
    metadata: dict[str, str] = field(default_factory=dict)


def is_geopackage(path: Path) -> bool:
    """True for a ``.gpkg`` file that starts like an SQLite database."""
    path = Path(path)
    if path.suffix.lower() != ".gpkg" or not path.is_file():
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(16) == _SQLITE_MAGIC
    except OSError:
        return False


def list_layers(path: Path) -> list[tuple[str, str | None]]:
    """(name, geometry type) of every feature and attribute table, in file order.

    Raises
    ------
    LayerLoadError
        If the file is not a readable GeoPackage.
    """
    with _connect(path) as conn:
        rows = _query(path, conn, (
            "SELECT c.table_name, g.geometry_type_name FROM gpkg_contents c "
            "LEFT JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
            "WHERE c.data_type IN ('features', 'attributes') ORDER BY c.rowid"
        ))
    return [(str(name), None if kind is None else _ogr_type(str(kind))) for name, kind in rows]


def describe_layer(path: Path, layer: str) -> GpkgLayer:
    """The schema, CRS, feature count and metadata of one feature table.

    Raises
    ------
    LayerLoadError
        If the file cannot be read or has no such feature table.
    """
    with _connect(path) as conn:
        geometry = _query(path, conn, (
            "SELECT g.column_name, g.geometry_type_name, g.z, g.srs_id FROM "
            "gpkg_geometry_columns g WHERE g.table_name = ?"
        ), (layer,))
        if not geometry:
            raise LayerLoadError(
                "'{name}' has no feature table '{layer}'.", name=Path(path).name, layer=layer
            )
        column, kind, has_z, srs_id = geometry[0]
        table = _query(path, conn, f"PRAGMA table_info({_quote(layer)})")
        names = [str(r[1]) for r in table]
        fid = [str(r[1]) for r in table if r[5]]
        fields = tuple(n for n in names if n != column and n not in fid)
        return GpkgLayer(
            name=layer,
            geometry_column=str(column),
            geometry_type=_ogr_type(str(kind), bool(has_z)),
            crs=_crs(path, conn, int(srs_id)),
            fields=fields,
            features=_count(path, conn, layer),
            metadata=_metadata(path, conn, layer),
        )


def read_layer(
    path: Path, layer: GpkgLayer, columns: Sequence[str] = (), geometry: bool = True,
    near: tuple[float, float, float, float] | None = None,
) -> tuple[GeometryArray, dict[str, np.ndarray]]:
    """The geometries (as stored, shapely) and *columns* (object arrays) of every feature.

    A NULL geometry comes back as None. With *near* (minx, miny, maxx, maxy in the file's
    CRS) and an R-tree in the file that holds every geometry, only the features whose boxes
    in the R-tree meet it, in the table's order; otherwise every feature.

    Raises
    ------
    LayerLoadError
        If the file cannot be read, a column does not exist or a geometry is not
        GeoPackage binary.
    """
    missing = [c for c in columns if c not in layer.fields]
    if missing:
        raise LayerLoadError(
            "'{name}' layer '{layer}' has no field {missing}.",
            name=Path(path).name, layer=layer.name, missing=", ".join(missing),
        )
    selected = ([_quote(layer.geometry_column)] if geometry else []) + [_quote(c) for c in columns]
    if not selected:
        selected = ["1"]
    sql = f"SELECT {', '.join(selected)} FROM {_quote(layer.name)}"
    args: tuple[float, ...] = ()
    with _connect(path) as conn:
        rtree = f"rtree_{layer.name}_{layer.geometry_column}"
        if near is not None and _rtree_whole(path, conn, layer, rtree):
            # the R-tree's id is the feature id, the table's INTEGER PRIMARY KEY (its rowid)
            sql += (f" WHERE rowid IN (SELECT id FROM {_quote(rtree)} WHERE minx <= ? AND "
                    "maxx >= ? AND miny <= ? AND maxy >= ?) ORDER BY rowid")
            args = (near[2], near[0], near[3], near[1])
        rows = _query(path, conn, sql, args)
    offset = 1 if geometry else 0
    values = {
        name: np.array([row[offset + i] for row in rows] + [None], dtype=object)[:-1]
        for i, name in enumerate(columns)
    }
    if not geometry:
        return np.empty(0, dtype=object), values
    return decode_blobs([row[0] for row in rows], Path(path).name), values


def decode_blobs(blobs: Sequence[bytes | None], label: str = "") -> GeometryArray:
    """Shapely geometries from GeoPackage binary blobs (None stays None).

    Raises
    ------
    LayerLoadError
        If a blob is not GeoPackage binary.
    """
    wkb: list[bytes | None] = []
    for blob in blobs:
        if blob is None:
            wkb.append(None)
            continue
        if len(blob) < 8 or blob[:2] != b"GP" or (blob[3] >> 1) & 7 > 4:
            raise LayerLoadError("'{name}' holds a geometry that is not GeoPackage binary.",
                                 name=label)
        wkb.append(bytes(blob[8 + _ENVELOPE[(blob[3] >> 1) & 7] :]))
    try:
        with quiet_numbers():  # NaN coordinates are refused per feature later
            return np.asarray(shapely.from_wkb(wkb), dtype=object)
    except shapely.errors.GEOSException as exc:
        raise LayerLoadError("'{name}' holds a broken geometry: {reason}", name=label,
                             reason=str(exc).splitlines()[0]) from None


def _connect(path: Path) -> closing[sqlite3.Connection]:
    try:
        uri = f"file:{Path(path).resolve().as_posix()}?mode=ro"
        return closing(sqlite3.connect(uri, uri=True))
    except sqlite3.Error as exc:
        raise LayerLoadError("Cannot read '{name}': {reason}", name=Path(path).name,
                             reason=str(exc)) from None


def _query(
    path: Path, conn: sqlite3.Connection, sql: str, args: Sequence[object] = ()
) -> list[tuple[object, ...]]:
    try:
        return conn.execute(sql, tuple(args)).fetchall()
    except sqlite3.Error as exc:
        raise LayerLoadError("Cannot read '{name}': {reason}", name=Path(path).name,
                             reason=str(exc)) from None


def _rtree_whole(path: Path, conn: sqlite3.Connection, layer: GpkgLayer, rtree: str) -> bool:
    """Whether *layer* has the R-tree *rtree* with a box for each of its geometries (one
    that lost its triggers, or was never filled, could leave features out: not used then;
    a layer with empty geometries, which have no box, is read whole too)."""
    if not _table_exists(path, conn, rtree):
        return False
    boxes = _query(path, conn, f"SELECT count(*) FROM {_quote(rtree)}")[0][0]
    rows = _query(path, conn, f"SELECT count(*) FROM {_quote(layer.name)} WHERE "
                  f"{_quote(layer.geometry_column)} IS NOT NULL")[0][0]
    return bool(boxes == rows)


def _table_exists(path: Path, conn: sqlite3.Connection, name: str) -> bool:
    return bool(_query(path, conn, "SELECT 1 FROM sqlite_master WHERE name = ?", (name,)))


def _count(path: Path, conn: sqlite3.Connection, layer: str) -> int:
    if _table_exists(path, conn, "gpkg_ogr_contents"):
        row = _query(path, conn, "SELECT feature_count FROM gpkg_ogr_contents "
                     "WHERE lower(table_name) = lower(?)", (layer,))
        if row and row[0][0] is not None and int(str(row[0][0])) >= 0:
            return int(str(row[0][0]))
    return int(str(_query(path, conn, f"SELECT count(*) FROM {_quote(layer)}")[0][0]))


def _crs(path: Path, conn: sqlite3.Connection, srs_id: int) -> str | None:
    row = _query(path, conn, "SELECT organization, organization_coordsys_id, definition "
                 "FROM gpkg_spatial_ref_sys WHERE srs_id = ?", (srs_id,))
    if not row or srs_id in (0, -1):
        return None
    organization, code, definition = row[0]
    if str(organization).upper() == "EPSG" and code is not None and int(str(code)) > 0:
        return f"EPSG:{int(str(code))}"
    text = str(definition or "").strip()
    # GDAL writes a layer without a CRS as its own srs "Undefined SRS" (a LOCAL_CS).
    if str(organization).upper() == "NONE" or text.startswith('LOCAL_CS["Undefined'):
        return None
    return None if text in ("", "undefined") else text


def _metadata(path: Path, conn: sqlite3.Connection, layer: str) -> dict[str, str]:
    out: dict[str, str] = {}
    description = _query(path, conn, "SELECT description FROM gpkg_contents "
                         "WHERE table_name = ?", (layer,))
    if description and description[0][0]:
        out["DESCRIPTION"] = str(description[0][0])
    if not _table_exists(path, conn, "gpkg_metadata_reference"):
        return out
    rows = _query(path, conn, (
        "SELECT m.metadata FROM gpkg_metadata m JOIN gpkg_metadata_reference r "
        "ON r.md_file_id = m.id WHERE r.reference_scope = 'table' "
        "AND lower(r.table_name) = lower(?) AND m.md_standard_uri = 'http://gdal.org'"
    ), (layer,))
    for (text,) in rows:
        out.update(_gdal_items(str(text)))
    return out


def _gdal_items(text: str) -> dict[str, str]:
    """``<MDI key="K">V</MDI>`` items of GDAL's default metadata domain."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError:
        return {}
    items: dict[str, str] = {}
    for block in root.iter("Metadata"):
        if block.get("domain") not in (None, ""):
            continue
        for item in block.iter("MDI"):
            key = item.get("key")
            if key:
                items[key] = item.text or ""
    return items


_OGR_NAMES = {
    "GEOMETRY": "Unknown", "POINT": "Point", "LINESTRING": "LineString", "POLYGON": "Polygon",
    "MULTIPOINT": "MultiPoint", "MULTILINESTRING": "MultiLineString",
    "MULTIPOLYGON": "MultiPolygon", "GEOMETRYCOLLECTION": "GeometryCollection",
    "CURVEPOLYGON": "CurvePolygon", "MULTISURFACE": "MultiSurface",
}


def _ogr_type(name: str, has_z: bool = False) -> str:
    base = _OGR_NAMES.get(name.upper(), name)
    return f"{base} Z" if has_z and base != "Unknown" else base


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
