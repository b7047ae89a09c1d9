"""A national parcel layer read tile by tile through its GeoPackage R-tree (issue 24 §2).

``parcels --out`` for the 2.5 million parcels of the country cannot hold them at once in a
planner's memory. :func:`parcel_tiles` cuts the layer into tiles of at most
:data:`TILE_FEATURES` parcels (a quadtree over the R-tree's boxes, empty tiles left out);
every parcel belongs to exactly one tile, the one that holds the centre of its R-tree box,
so the tiles together read each parcel once. :func:`read_tile` reads one tile's parcels (with
their feature ids, for the layer's own order), :func:`read_around` another layer's features
whose boxes meet a window (the §3, Natura 2000, lowland … around a tile's parcels), each in
canonical fields exactly as a whole load gives them.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass

import numpy as np

from naturplan.core.layers.fieldmap import FieldMapping
from naturplan.core.layers.layer import VectorLayer
from naturplan.io.loading import LayerRequest, file_bounds, layer_source
from naturplan.io.vector import VectorInfo, read_vector
from naturplan.io.windowed import (
    field_mapping,
    inspect_layer,
    mapped_frame,
    rtree_extent,
    rtree_table,
)

Bounds = tuple[float, float, float, float]

#: The most parcels a tile holds (unless it is already smaller than :data:`MIN_TILE_M`).
TILE_FEATURES = 40_000
#: Tiles are not split below this size (m, or the file's units).
MIN_TILE_M = 200.0


@dataclass(frozen=True)
class Tile:
    """A box in the parcel file's CRS, ``[minx, maxx) × [miny, maxy)``, and how many parcels'
    R-tree box centres lie in it."""

    box: Bounds
    count: int


def _centre_sql(table: str) -> str:
    """The R-tree rows whose box centre lies in ``[?, ?) × [?, ?)`` (x0, x1, y0, y1, given
    twice: the first pair of conditions lets SQLite use the R-tree)."""
    return (f'SELECT id FROM "{table}" WHERE maxx >= ? AND minx < ? AND maxy >= ? AND '
            "miny < ? AND (minx + maxx) / 2 >= ? AND (minx + maxx) / 2 < ? AND "
            "(miny + maxy) / 2 >= ? AND (miny + maxy) / 2 < ?")


def _args(box: Bounds) -> tuple[float, ...]:
    x0, y0, x1, y1 = box
    return (x0, x1, y0, y1) * 2


def parcel_tiles(request: LayerRequest, most: int = TILE_FEATURES) -> list[Tile]:
    """The tiles of *request*'s layer (a GeoPackage with an R-tree), none empty, none with
    more than *most* parcels unless it is :data:`MIN_TILE_M` across; in a stable order
    (north-west to south-east, recursively).

    Raises
    ------
    LayerLoadError
        If the layer cannot be read or has no R-tree.
    """
    info = inspect_layer(request)
    table = _rtree(info)
    with closing(sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)) as conn:
        row = conn.execute(f'SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "{table}"'
                           ).fetchone()
        if row is None or row[0] is None:
            return []
        minx, miny, maxx, maxy = (float(v) for v in row)
        # Half-open boxes: the root reaches just past the largest centre.
        root = (minx, miny, float(np.nextafter(maxx, np.inf)), float(np.nextafter(maxy, np.inf)))
        count_sql = _centre_sql(table).replace("SELECT id", "SELECT count(*)", 1)

        def count(box: Bounds) -> int:
            return int(conn.execute(count_sql, _args(box)).fetchone()[0])

        out: list[Tile] = []
        stack = [(root, count(root))]
        while stack:
            box, n = stack.pop()
            if n == 0:
                continue
            x0, y0, x1, y1 = box
            if n <= most or max(x1 - x0, y1 - y0) <= MIN_TILE_M:
                out.append(Tile(box, n))
                continue
            xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
            quarters = [(x0, ym, xm, y1), (xm, ym, x1, y1), (x0, y0, xm, ym), (xm, y0, x1, ym)]
            stack += [(q, count(q)) for q in reversed(quarters)]
    return out


def read_tile(request: LayerRequest, tile: Tile) -> tuple[VectorLayer, np.ndarray]:
    """The parcels of *tile* as a parcels layer (canonical fields, EPSG:25832, cleaned as a
    whole load cleans them) and their feature ids, in the layer's order.

    Raises
    ------
    LayerLoadError, MissingCRSError, FieldMappingError
        As :func:`~naturplan.io.loading.load_layer` would.
    """
    info = inspect_layer(request)
    table = _rtree(info)
    x0, y0, x1, y1 = tile.box
    where = (f"fid IN ({_centre_sql(table)})".replace("?", "{}")
             .format(*(repr(float(v)) for v in _args(tile.box))))
    read = read_vector(request.path, info.layer, assume_crs=request.assume_crs, info=info,
                       where=where, fids=True)
    frame = read.frame.sort_values("fid", kind="stable")
    fids = frame["fid"].to_numpy(dtype=np.int64)
    frame = frame.drop(columns="fid").reset_index(drop=True)
    return _layer(request, info, frame, read.source_crs, read.report), fids


def read_around(request: LayerRequest, bounds: Bounds) -> VectorLayer:
    """The features of *request*'s layer whose boxes meet *bounds* (EPSG:25832), through
    the file's spatial index where it has one.

    Raises
    ------
    LayerLoadError, MissingCRSError, FieldMappingError
        As :func:`~naturplan.io.loading.load_layer` would.
    """
    info = inspect_layer(request)
    box = tuple(float(v) for v in bounds)
    read = read_vector(request.path, info.layer, assume_crs=request.assume_crs, info=info,
                       bbox=file_bounds(info, (box[0], box[1], box[2], box[3]),
                                        request.assume_crs))
    return _layer(request, info, read.frame, read.source_crs, read.report)


def layer_extent(request: LayerRequest) -> Bounds:
    """*request*'s layer's bounds from its R-tree, in EPSG:25832."""
    info = inspect_layer(request)
    read = read_vector(request.path, info.layer, assume_crs=request.assume_crs, info=info,
                       max_features=1)
    return rtree_extent(info, read.source_crs)


#: Field mappings already chosen in this process, by layer (a tile is read many times).
_MAPPINGS: dict[tuple[object, ...], FieldMapping] = {}


def _layer(request: LayerRequest, info: VectorInfo, frame: object, source_crs: str,
           report: object) -> VectorLayer:
    key = (request.role, str(request.path), request.layer, request.assume_crs,
           tuple(sorted((request.fields or {}).items())))
    mapping = _MAPPINGS.get(key)
    if mapping is None:  # chosen as a whole load chooses it (may read a column once)
        mapping = _MAPPINGS[key] = field_mapping(request, info)
    mapped = mapped_frame(request, mapping, frame)
    return VectorLayer(role=request.role, frame=mapped,
                       source=layer_source(request, info, source_crs, mapping),
                       report=report,  # type: ignore[arg-type]
                       name=info.layer or request.path.stem)


def _rtree(info: VectorInfo) -> str:
    from naturplan.core.errors import LayerLoadError

    table = rtree_table(info)
    if table is None:
        raise LayerLoadError("'{name}' has no spatial index (R-tree) to read it by tile.",
                             name=info.path.name)
    return table
