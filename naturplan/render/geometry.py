"""Shapely geometry → Qt polygons in bulk, and a per-layer index with level-of-detail caches.

Vertices go from numpy straight into a QPolygonF's memory (no QPointF per vertex): a
polygon ring of n vertices is one ``QPolygonF.resize(n)`` and one numpy copy.
Polygons keep map coordinates (EPSG:25832); the painter's transform maps them to pixels,
so a cached polygon serves every pan at its zoom level.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
import shapely
import shiboken6
from numpy.typing import NDArray
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath, QPolygonF

#: Simplification tolerance in pixels (Douglas–Peucker); below half a pixel nobody sees it.
SIMPLIFY_PX = 0.6
#: Zoom levels whose simplified polygons are kept per layer.
CACHED_LEVELS = 4

Shape = QPolygonF | QPainterPath


def polygon_from_xy(xy: NDArray[np.float64]) -> QPolygonF:
    """A QPolygonF holding the (n, 2) array *xy*, filled through its buffer."""
    polygon = QPolygonF()
    n = len(xy)
    polygon.resize(n)
    if n:
        buffer = shiboken6.VoidPtr(polygon.data(), n * 16, True)
        np.frombuffer(buffer, np.float64).reshape(n, 2)[:] = xy
    return polygon


def shapes_from_geometries(geoms: NDArray[np.object_]) -> list[Shape | None]:
    """One Qt shape per (multi)polygon: a QPolygonF for a single ring, else a QPainterPath.

    The rings are found with vectorised shapely calls (``get_parts``, ``get_rings``,
    ``get_coordinates``); only the creation of the Qt objects loops, once per ring.
    """
    out: list[Shape | None] = [None] * len(geoms)
    if len(geoms) == 0:
        return out
    parts, part_feature = shapely.get_parts(geoms, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords = shapely.get_coordinates(rings)
    counts = shapely.get_num_coordinates(rings)
    ring_feature = part_feature[ring_part]
    ends = np.cumsum(counts)
    starts = ends - counts
    rings_per_feature = np.bincount(ring_feature, minlength=len(geoms))
    for r in range(len(rings)):
        feature = int(ring_feature[r])
        polygon = polygon_from_xy(coords[starts[r]:ends[r]])
        if rings_per_feature[feature] == 1:
            out[feature] = polygon
            continue
        path = out[feature]
        if path is None:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            out[feature] = path
        path.addPolygon(polygon)  # type: ignore[union-attr]
    return out


class GeometryIndex:
    """The features of one vector layer ready for drawing and point queries.

    Built once per layer: an STRtree, the bounds of every feature and, per zoom level, the
    simplified Qt shapes of the features drawn so far (filled lazily, only what is visible).
    Safe to use from the render thread and the GUI thread at once.
    """

    def __init__(self, geometries: NDArray[np.object_]) -> None:
        self.geometries = np.asarray(geometries, dtype=object)
        self.tree = shapely.STRtree(self.geometries)
        bounds = shapely.bounds(self.geometries)
        self.sizes = np.nan_to_num(
            np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1]), nan=0.0
        )
        #: zoom level → (built mask, object array of shapes)
        self._levels: OrderedDict[int, tuple[NDArray[np.bool_], NDArray[np.object_]]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.geometries)

    def visible(self, bounds: tuple[float, float, float, float], min_size: float) -> NDArray:
        """Positions of the features that touch *bounds* and are at least *min_size* across."""
        hits = self.tree.query(shapely.box(*bounds))
        hits = hits[self.sizes[hits] >= min_size]
        hits.sort()  # draw in the layer's own order
        return hits

    def at_point(self, x: float, y: float, tolerance: float = 0.0) -> NDArray:
        """Positions of the features that contain (x, y) or lie within *tolerance* of it."""
        point = shapely.Point(x, y)
        if tolerance > 0:
            hits = self.tree.query(point, predicate="dwithin", distance=tolerance)
        else:
            hits = self.tree.query(point, predicate="intersects")
        hits.sort()
        return hits

    def shapes(self, positions: NDArray, level: int, resolution: float) -> NDArray:
        """The Qt shapes (object array) of *positions*, simplified for *resolution* m/px."""
        with self._lock:
            entry = self._levels.get(level)
            if entry is None:
                n = len(self.geometries)
                entry = (np.zeros(n, dtype=bool), np.empty(n, dtype=object))
                self._levels[level] = entry
                while len(self._levels) > CACHED_LEVELS:
                    self._levels.popitem(last=False)
            else:
                self._levels.move_to_end(level)
            built, shapes = entry
            missing = positions[~built[positions]]
            if len(missing):
                simple = shapely.simplify(
                    self.geometries[missing], SIMPLIFY_PX * resolution, preserve_topology=True
                )
                made = np.empty(len(missing), dtype=object)
                made[:] = shapes_from_geometries(simple)
                shapes[missing] = made
                built[missing] = True
            return shapes[positions]
