"""Layers read per map window through the GeoPackage's R-tree (issue 24 §2, bounded memory).

A national parcel layer (2.5 million features) does not fit a planner's laptop whole, and a
map never shows more than a few ten thousand of them at once. :func:`open_windowed` opens
such a layer without reading its features (a :class:`~naturplan.core.layers.layer.
WindowedLayer`: count and extent from the file's tables), and :func:`read_window` reads the
features whose boxes meet a window, through the R-tree, simplified to one screen pixel;
a window that holds more than :data:`MAX_WINDOW_FEATURES` is not read at all (the map then
shows the municipalities, and says to zoom in). Only a GeoPackage with an R-tree is read
this way (:func:`can_window`); everything else is loaded whole, as before.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from contextlib import closing
from typing import Any

import numpy as np
import shapely

from naturplan.core.errors import OperationCancelled
from naturplan.core.layers.fieldmap import FieldMapping, identity_mapping, user_mapping
from naturplan.core.layers.layer import WindowedLayer
from naturplan.core.layers.roles import ROLE_SPECS, GeometryKind, Role
from naturplan.io import geopackage
from naturplan.io.loading import (
    LayerRequest,
    column_reader,
    file_bounds,
    layer_source,
    mapping_for,
    polygon_info,
)
from naturplan.io.vector import VectorInfo, inspect_vector, read_vector

Bounds = tuple[float, float, float, float]

#: Layers with more features than this are opened per window in the app (the Aalborg
#: sample's 99,000 parcels are loaded whole, as before).
WINDOWED_MIN_FEATURES = 200_000
#: A window with more features than this is not read (at that scale the map shows the
#: municipalities); the parcels' own style hides them beyond 1:75,000 anyway.
MAX_WINDOW_FEATURES = 150_000
#: The canonical fields a parcel is found by (:mod:`naturplan.io.parcel_index`).
KEY_FIELDS = ("ejerlavskode", "matrikelnummer")
#: Features with at most this many vertices are never simplified (a parcel: 5-15).
SIMPLE_VERTICES = 16


def rtree_table(info: VectorInfo) -> str | None:
    """The name of the R-tree table of *info*'s GeoPackage layer, None if it has none."""
    if info.driver != "GPKG" or info.layer is None:
        return None
    column = geopackage.describe_layer(info.path, info.layer).geometry_column
    name = f"rtree_{info.layer}_{column}"
    with closing(sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)) as conn:
        found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    return name if found else None


def can_window(request: LayerRequest, min_features: int | None = None) -> bool:
    """True for a GeoPackage polygon or point layer (the national addresses) with an
    R-tree and more than *min_features* (default :data:`WINDOWED_MIN_FEATURES`) features."""
    if (request.path.suffix.lower() != ".gpkg"
            or ROLE_SPECS[request.role].geometry not in (GeometryKind.POLYGON,
                                                         GeometryKind.POINT)):
        return False
    info = inspect_layer(request)
    least = WINDOWED_MIN_FEATURES if min_features is None else min_features
    return info.features > least and rtree_table(info) is not None


def open_windowed(request: LayerRequest) -> WindowedLayer:
    """*request*'s layer with no features read yet: its field mapping checked, its count and
    extent from the file (the R-tree's own boxes).

    Raises
    ------
    LayerLoadError, MissingCRSError, FieldMappingError
        As :func:`~naturplan.io.loading.load_layer` would.
    """

    info = inspect_layer(request)
    first = read_vector(request.path, info.layer, assume_crs=request.assume_crs, info=info,
                        max_features=1)
    mapping = field_mapping(request, info)
    mapping.check(first.frame.columns, info.layer or request.path.name)
    empty = mapped_frame(request, mapping, first.frame).iloc[:0]
    return WindowedLayer(
        role=request.role, frame=empty,
        source=layer_source(request, info, first.source_crs, mapping),
        name=info.layer or request.path.stem, total=info.features,
        extent=rtree_extent(info, first.source_crs), request=request,
    )


def count_in(layer: WindowedLayer, bounds: Bounds) -> int:
    """Features of *layer* whose boxes meet *bounds* (EPSG:25832), from the R-tree alone."""
    info, table = _info_and_table(layer)
    box = file_bounds(info, bounds, layer.request.assume_crs if layer.request else None)
    with closing(sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)) as conn:
        row = conn.execute(
            f'SELECT count(*) FROM "{table}" WHERE minx <= ? AND maxx >= ? AND miny <= ? '
            "AND maxy >= ?", (box[2], box[0], box[3], box[1])).fetchone()
    return int(row[0])


def read_window(layer: WindowedLayer, bounds: Bounds, resolution: float,
                cancelled: Callable[[], bool] | None = None) -> WindowedLayer:
    """A copy of *layer* holding the features whose boxes meet *bounds* (EPSG:25832), those
    with many vertices simplified to *resolution* metres (one screen pixel); an empty,
    ``capped`` one if more than :data:`MAX_WINDOW_FEATURES` meet it.

    Raises
    ------
    OperationCancelled
        If *cancelled* returns True between the steps (a newer window was asked for).
    """
    import geopandas as gpd

    stop = cancelled or (lambda: False)
    request = layer.request
    assert request is not None, "a windowed layer knows its request"
    if count_in(layer, bounds) > MAX_WINDOW_FEATURES:
        return dataclasses.replace(layer, frame=layer.frame.iloc[:0], window=bounds,
                                   resolution=resolution, capped=True)
    _check(stop)
    info = inspect_layer(request)
    read = read_vector(request.path, info.layer, assume_crs=request.assume_crs, info=info,
                       bbox=file_bounds(info, bounds, request.assume_crs))
    _check(stop)
    mapping = field_mapping(request, info)
    frame = mapped_frame(request, mapping, read.frame)
    geoms = np.asarray(frame.geometry.to_numpy(), dtype=object)
    many = np.flatnonzero(shapely.get_num_coordinates(geoms) > SIMPLE_VERTICES)
    if len(many) and resolution > 0:
        simple = shapely.simplify(geoms[many], resolution, preserve_topology=True)
        keep = ~shapely.is_empty(simple)
        geoms[many[keep]] = simple[keep]
        frame = frame.set_geometry(gpd.GeoSeries(geoms, index=frame.index, crs=frame.crs))
    _check(stop)
    return dataclasses.replace(layer, frame=frame, window=bounds, resolution=resolution,
                               capped=False)


def create_parcel_index(request: LayerRequest) -> None:
    """Index the parcel layer of *request* (a GeoPackage) by (ejerlav code, matrikelnummer)
    and by ejerlav name, its own field names found through the field mapping; done when a
    dataset is prepared (the national world), never behind a user's back.

    Raises
    ------
    LayerLoadError, FieldMappingError
        As loading the layer would.
    """

    def indexes(info: VectorInfo, mapping: FieldMapping) -> list[tuple[str, str]]:
        fields = [mapping.source_field(c) for c in (*KEY_FIELDS, "ejerlavsnavn")
                  if c not in mapping.constants]
        fields = [f for f in fields if f in info.fields]
        out = []
        if len(fields) >= 2:
            out.append(("ejerlav_matrikel", f'"{fields[0]}", "{fields[1]}"'))
        if len(fields) == 3:
            out.append(("ejerlavsnavn", f'"{fields[2]}" COLLATE NOCASE'))
        return out

    create_indexes(request, indexes)


def create_indexes(request: LayerRequest,
                   indexes: Callable[[VectorInfo, FieldMapping], list[tuple[str, str]]]
                   ) -> None:
    """Attribute indexes on *request*'s GeoPackage layer, made if missing: *indexes* gives
    each one's name (``idx_<layer>_<name>``) and its columns in SQL from the layer's facts
    and field mapping (:func:`inspect_layer`, :func:`field_mapping`).

    Raises
    ------
    LayerLoadError, FieldMappingError
        As loading the layer would.
    """
    info = inspect_layer(request)
    mapping = field_mapping(request, info)
    table = str(info.layer)
    with closing(sqlite3.connect(info.path)) as conn, conn:
        for name, columns in indexes(info, mapping):
            conn.execute(f'CREATE INDEX IF NOT EXISTS "idx_{table}_{name}" '
                         f'ON "{table}" ({columns})')


def window_around(view: Bounds, margin: float = 0.5) -> Bounds:
    """*view* grown by *margin* of its size on every side: a short pan needs no new read."""
    minx, miny, maxx, maxy = view
    dx, dy = (maxx - minx) * margin, (maxy - miny) * margin
    return (minx - dx, miny - dy, maxx + dx, maxy + dy)


def inspect_layer(request: LayerRequest) -> VectorInfo:
    """The facts of *request*'s file and layer, as a whole load reads them; a point role
    (the addresses) is not refused as a non-polygon.

    Raises
    ------
    LayerLoadError
        A missing or unreadable file, an unknown layer, a polygon role's layer of other
        geometries.
    """
    if ROLE_SPECS[request.role].geometry is GeometryKind.POINT:
        return inspect_vector(request.path, request.layer, role_hint=request.role.value)
    return polygon_info(request)


def field_mapping(request: LayerRequest, info: VectorInfo) -> FieldMapping:
    """The field mapping a whole load of *request*'s layer (facts *info*) would use; the
    addresses': the user's or the canonical one.

    Raises
    ------
    FieldMappingError
        As :func:`~naturplan.io.loading.load_layer` would.
    """
    if request.role is Role.ADDRESSES:
        return (user_mapping(Role.ADDRESSES, request.fields) if request.fields
                else identity_mapping(Role.ADDRESSES))
    return mapping_for(request, info, column_reader(info))


def mapped_frame(request: LayerRequest, mapping: FieldMapping, frame: Any) -> Any:
    """*frame* (as read from *request*'s file) in canonical fields through *mapping*, as a
    whole load gives them (a GeoDataFrame)."""
    import geopandas as gpd

    out = gpd.GeoDataFrame(mapping.apply(frame), geometry="geometry", crs=frame.crs)
    if request.role is Role.ADDRESSES:
        from naturplan.io.addresses import _normalise

        _normalise(out)
    return out


def _check(stop: Callable[[], bool]) -> None:
    if stop():
        raise OperationCancelled("A newer window of the map was asked for.")


def _info_and_table(layer: WindowedLayer) -> tuple[VectorInfo, str]:
    assert layer.request is not None, "a windowed layer knows its request"
    info = inspect_layer(layer.request)
    table = rtree_table(info)
    assert table is not None, "a windowed layer has an R-tree"
    return info, table


def rtree_extent(info: VectorInfo, source_crs: str) -> Bounds:
    """The bounds of *info*'s layer (in *source_crs*) from its R-tree, in EPSG:25832;
    zeros for an empty layer."""
    table = rtree_table(info)
    assert table is not None
    with closing(sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)) as conn:
        row = conn.execute(f'SELECT min(minx), min(miny), max(maxx), max(maxy) FROM "{table}"'
                           ).fetchone()
    if row is None or row[0] is None:
        return (0.0, 0.0, 0.0, 0.0)
    box = (float(row[0]), float(row[1]), float(row[2]), float(row[3]))
    if source_crs.upper() == "EPSG:25832":
        return box
    from pyproj import Transformer

    from naturplan.io.vector import parse_crs

    to_working = Transformer.from_crs(parse_crs(source_crs), 25832, always_xy=True)
    minx, miny, maxx, maxy = to_working.transform_bounds(*box, densify_pts=21)
    return (minx, miny, maxx, maxy)
