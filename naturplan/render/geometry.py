"""Shapely geometry → Qt polygons in bulk, and a per-layer index with level-of-detail caches.

Vertices go from numpy straight into a QPolygonF's memory (no QPointF per vertex): a
polygon ring of n vertices is one ``QPolygonF.resize(n)`` and one numpy copy.
Polygons keep map coordinates (EPSG:25832); the painter's transform maps them to pixels,
so a cached polygon serves every pan at its zoom level.

Levels of detail: a feature with few vertices (a parcel: 5–15) is drawn as it is at every
zoom level, so its Qt shape is built once. Only features with many vertices (§3 polygons,
Natura 2000 sites, the boundary) get a simplified shape per zoom level (a factor √2 of
resolution apart). A frame at a level that is not built yet borrows the shapes of a finer
level (up to three steps: more vertices than needed, drawn a little slower) or of the next
coarser one (0.85 px instead of 0.6 px tolerance: nobody sees it), and
:meth:`GeometryIndex.prepare` builds levels ahead of the user in a background thread.

The shapes kept per layer are capped (:data:`CACHE_BYTES`, counted as their vertices' bytes
plus a fixed cost per shape): past the cap the least recently drawn go first, down to three
quarters of it, so that panning across the country with a layer held whole (§3, Natura 2000,
lowland) does not make the cache grow without bound. An evicted shape is built again when
it is drawn again (the same shape: building is deterministic).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

import numpy as np
import shapely
import shiboken6
from numpy.typing import NDArray
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainterPath, QPolygonF

#: Simplification tolerance in pixels (Douglas–Peucker); below half a pixel nobody sees it.
SIMPLIFY_PX = 0.6
#: Features with at most this many vertices are never simplified: one shape for every level.
SIMPLE_VERTICES = 16
#: Zoom levels whose simplified shapes are kept per layer (for the many-vertex features).
CACHED_LEVELS = 10
#: A frame may borrow the shapes of a level this many steps coarser (1: 0.85 px tolerance)
#: or finer (3: at most about three times the vertices it needs; drawn a little slower).
BORROW_COARSER = 1
BORROW_FINER = 3
#: Bytes of Qt shapes kept per layer (all levels together) before the least recently drawn
#: are dropped; a shape costs 16 bytes per vertex plus :data:`SHAPE_BYTES`.
CACHE_BYTES = 96 << 20
SHAPE_BYTES = 120

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

    The rings are found with vectorised shapely calls (``get_exterior_ring`` for the common
    one-ring polygon, else ``get_parts``, ``get_rings``); only the creation of the Qt objects
    loops, once per ring. Empty or missing geometries give None.
    """
    out: list[Shape | None] = [None] * len(geoms)
    if len(geoms) == 0:
        return out
    geoms = np.asarray(geoms, dtype=object)
    single = (shapely.get_type_id(geoms) == 3) & (shapely.get_num_interior_rings(geoms) == 0)
    single &= ~shapely.is_empty(geoms)
    where = np.flatnonzero(single)
    if len(where):
        coords, ring = shapely.get_coordinates(shapely.get_exterior_ring(geoms[where]),
                                               return_index=True)
        ends = np.cumsum(np.bincount(ring, minlength=len(where)))
        starts = np.concatenate(([0], ends[:-1]))
        for k, feature in enumerate(where.tolist()):
            out[feature] = polygon_from_xy(coords[starts[k]:ends[k]])
    rest = np.flatnonzero(~single)
    if len(rest):
        for k, shape in zip(rest.tolist(), _ring_shapes(geoms[rest]), strict=True):
            out[k] = shape
    return out


def _ring_shapes(geoms: NDArray[np.object_]) -> list[Shape | None]:
    """Shapes of polygons with holes and multipolygons (every ring, odd-even filled)."""
    out: list[Shape | None] = [None] * len(geoms)
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


def point_xy(points: NDArray[np.object_]) -> NDArray[np.float64]:
    """(n, 2) coordinates of *points*; NaN for an empty or missing point."""
    out = np.full((len(points), 2), np.nan)
    coords, which = shapely.get_coordinates(points, return_index=True)
    out[which] = coords
    return out


class _Store:
    """Built Qt shapes of one level (or of the full geometries) with their cost in bytes and
    the tick they were last drawn at."""

    __slots__ = ("built", "shapes", "used", "cost", "bytes")

    def __init__(self, n: int) -> None:
        self.built = np.zeros(n, dtype=bool)
        self.shapes = np.empty(n, dtype=object)
        self.used = np.zeros(n, dtype=np.int64)
        self.cost = np.zeros(n, dtype=np.int64)
        self.bytes = 0

    def put(self, rows: NDArray, shapes: NDArray, cost: NDArray, tick: int) -> int:
        """Publish *shapes* at *rows* (not built yet); returns the bytes added."""
        self.shapes[rows] = shapes
        self.built[rows] = True
        self.used[rows] = tick
        self.cost[rows] = cost
        added = int(cost.sum())
        self.bytes += added
        return added

    def take(self, rows: NDArray, old: _Store, old_rows: NDArray) -> None:
        """Take over *old*'s shapes at *old_rows* as rows *rows* (an edited layer)."""
        have = old.built[old_rows]
        rows, old_rows = rows[have], old_rows[have]
        self.built[rows] = True
        for name in ("shapes", "used", "cost"):
            getattr(self, name)[rows] = getattr(old, name)[old_rows]
        self.bytes += int(self.cost[rows].sum())

    def drop(self, rows: NDArray) -> None:
        self.bytes -= int(self.cost[rows].sum())
        self.built[rows] = False
        self.shapes[rows] = None
        self.cost[rows] = 0


def _shape_bytes(geometries: NDArray[np.object_]) -> NDArray[np.int64]:
    return shapely.get_num_coordinates(geometries).astype(np.int64) * 16 + SHAPE_BYTES


class GeometryIndex:
    """The features of one vector layer ready for drawing, labelling and point queries.

    Built once per layer: an STRtree, the bounds of every feature, its vertex count and,
    lazily, its Qt shapes (see the module docstring for the levels of detail) and label
    points. Safe to use from the render thread, a preparing worker and the GUI thread at
    once: the caches are filled outside the lock and published under it.
    """

    def __init__(self, geometries: NDArray[np.object_]) -> None:
        self.geometries = np.asarray(geometries, dtype=object)
        self.tree = shapely.STRtree(self.geometries)
        bounds = np.nan_to_num(shapely.bounds(self.geometries), nan=0.0)
        self.widths = bounds[:, 2] - bounds[:, 0]
        self.heights = bounds[:, 3] - bounds[:, 1]
        self.sizes = np.maximum(self.widths, self.heights)
        #: True for features drawn as they are at every level (few vertices).
        self.simple = shapely.get_num_coordinates(self.geometries) <= SIMPLE_VERTICES
        self._cost = _shape_bytes(self.geometries)
        n = len(self.geometries)
        self._full = _Store(n)
        #: zoom level → the simplified shapes of the many-vertex features
        self._levels: OrderedDict[int, _Store] = OrderedDict()
        #: the cap on the bytes of all shapes kept (see the module docstring)
        self.cache_bytes = CACHE_BYTES
        self._bytes = 0
        self._tick = 0
        self._columns: dict[str, NDArray[np.object_]] = {}
        self._points_built = np.zeros(n, dtype=bool)
        self._points = np.zeros((n, 2), dtype=float)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.geometries)

    def carried(self, geometries: NDArray[np.object_], kept: NDArray[np.intp]) -> GeometryIndex:
        """An index of *geometries* that takes over what this one built for the unchanged
        features: ``kept[k]`` is the position feature k had here, or -1 for a new or changed
        one (only those are drawn anew: an edit of one candidate builds one shape)."""
        new = GeometryIndex(geometries)
        kept = np.asarray(kept, dtype=np.intp)
        rows = np.flatnonzero(kept >= 0)
        old = kept[rows]
        with self._lock:
            new._full.take(rows, self._full, old)
            for level, store in self._levels.items():
                new._levels[level] = _Store(len(new))
                new._levels[level].take(rows, store, old)
            new._tick = self._tick
            new._bytes = new._full.bytes + sum(s.bytes for s in new._levels.values())
            new._points_built[rows] = self._points_built[old]
            new._points[rows] = self._points[old]
        return new

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

    def shapes(self, positions: NDArray, level: int, resolution: float,
               borrow: bool = True) -> NDArray:
        """The Qt shapes (object array) of *positions* for zoom *level* (*resolution* m/px).

        Shapes not built yet are built now; with *borrow*, a many-vertex feature first takes
        its shape from a finer level or from the next coarser one if one is built.
        """
        out = np.empty(len(positions), dtype=object)
        simple = self.simple[positions]
        out[simple] = self._full_shapes(positions[simple])
        detailed = ~simple
        if detailed.any():
            out[detailed] = self._level_shapes(positions[detailed], level, resolution, borrow)
        return out

    def prepare(self, positions: NDArray, levels: list[int],
                cancelled: Callable[[], bool] | None = None) -> int:
        """Build the shapes of *positions* at each of *levels* ahead of need (a worker
        thread); returns how many shapes were built. Stops early when *cancelled*."""
        stop = cancelled or (lambda: False)
        built = 0
        simple = positions[self.simple[positions]]
        with self._lock:
            missing = simple[~self._full.built[simple]]
        built += len(missing)
        for chunk in np.array_split(missing, max(1, len(missing) // 5000)):
            if stop():
                return built
            self._full_shapes(chunk)
        detailed = positions[~self.simple[positions]]
        for level in levels:
            if stop() or not len(detailed):
                break
            with self._lock:
                entry = self._levels.get(level)
                todo = detailed if entry is None else detailed[~entry.built[detailed]]
            if len(todo):
                built += len(todo)
                self._level_shapes(todo, level, np.sqrt(2) ** level, borrow=False)
        return built

    def built_levels(self) -> list[int]:
        """The zoom levels that hold simplified shapes (tests, benchmarks)."""
        with self._lock:
            return list(self._levels)

    def cached_bytes(self) -> int:
        """The bytes of the shapes kept, as counted against :attr:`cache_bytes`."""
        with self._lock:
            return self._bytes

    def _touch(self, store: _Store, rows: NDArray) -> int:
        """Mark *rows* of *store* as drawn now (call with the lock held); returns the tick."""
        self._tick += 1
        store.used[rows] = self._tick
        return self._tick

    def _evict(self) -> None:
        """Past the cap, drop the least recently drawn shapes down to 3/4 of it (call with
        the lock held)."""
        if self._bytes <= self.cache_bytes:
            return
        stores = [self._full, *self._levels.values()]
        rows = [np.flatnonzero(store.built) for store in stores]
        which = np.repeat(np.arange(len(stores)), [len(r) for r in rows])
        rows_all = np.concatenate(rows)
        used = np.concatenate([store.used[r] for store, r in zip(stores, rows, strict=True)])
        cost = np.concatenate([store.cost[r] for store, r in zip(stores, rows, strict=True)])
        order = np.argsort(used, kind="stable")
        excess = self._bytes - self.cache_bytes * 3 // 4
        count = int(np.searchsorted(np.cumsum(cost[order]), excess)) + 1
        gone = order[:count]
        for k, store in enumerate(stores):
            store.drop(rows_all[gone[which[gone] == k]])
        self._bytes = sum(store.bytes for store in stores)

    def _full_shapes(self, positions: NDArray) -> NDArray:
        with self._lock:
            have = self._full.built[positions]
            out = self._full.shapes[positions]  # a copy: safe from a later eviction
            self._touch(self._full, positions[have])
        missing = positions[~have]
        if len(missing):
            made = np.empty(len(missing), dtype=object)
            made[:] = shapes_from_geometries(self.geometries[missing])
            out[~have] = made
            with self._lock:
                fresh = ~self._full.built[missing]  # another thread may have built some
                self._tick += 1
                self._bytes += self._full.put(missing[fresh], made[fresh],
                                              self._cost[missing[fresh]], self._tick)
                self._evict()
        return out

    def _level_shapes(self, positions: NDArray, level: int, resolution: float,
                      borrow: bool) -> NDArray:
        out = np.empty(len(positions), dtype=object)
        todo = np.ones(len(positions), dtype=bool)
        with self._lock:
            order = [level]
            if borrow:
                nearby = [k for k in self._levels if k != level
                          and level - BORROW_FINER <= k <= level + BORROW_COARSER]
                order += sorted(nearby, key=lambda k: (k > level, abs(k - level)))
            for k in order:
                entry = self._levels.get(k)
                if entry is None:
                    continue
                have = todo & entry.built[positions]
                out[have] = entry.shapes[positions[have]]
                self._touch(entry, positions[have])
                todo &= ~have
                if not todo.any():
                    break
            if level in self._levels:
                self._levels.move_to_end(level)
        missing = positions[todo]
        if len(missing):
            simple = shapely.simplify(self.geometries[missing], SIMPLIFY_PX * resolution,
                                      preserve_topology=False)
            collapsed = shapely.is_empty(simple)  # too small for the tolerance: keep it whole
            simple[collapsed] = self.geometries[missing][collapsed]
            made = np.empty(len(missing), dtype=object)
            made[:] = shapes_from_geometries(simple)
            out[todo] = made
            cost = _shape_bytes(simple)
            with self._lock:
                entry = self._levels.get(level)
                if entry is None:
                    entry = _Store(len(self.geometries))
                    self._levels[level] = entry
                    while len(self._levels) > CACHED_LEVELS:
                        self._bytes -= self._levels.popitem(last=False)[1].bytes
                fresh = ~entry.built[missing]  # another thread may have built some
                self._tick += 1
                self._bytes += entry.put(missing[fresh], made[fresh], cost[fresh], self._tick)
                self._evict()
        return out

    def column(self, frame: Any, name: str) -> NDArray[np.object_]:
        """The values of column *name* of the layer's *frame* as a numpy object array, None
        where missing (converted once: an Arrow string column takes milliseconds)."""
        with self._lock:
            values = self._columns.get(name)
        if values is None or len(values) != len(frame):
            values = frame[name].to_numpy(dtype=object)
            values[frame[name].isna().to_numpy()] = None  # NaN, None and pd.NA alike
            with self._lock:
                self._columns[name] = values
        return values

    def label_points(self, positions: NDArray) -> NDArray[np.float64]:
        """(n, 2) points inside each feature of *positions* where its label goes
        (``point_on_surface``, built on first use and kept)."""
        with self._lock:
            missing = positions[~self._points_built[positions]]
        if len(missing):
            points = point_xy(shapely.point_on_surface(self.geometries[missing]))
            with self._lock:
                self._points[missing] = points
                self._points_built[missing] = True
        return self._points[positions]
