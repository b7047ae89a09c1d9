"""The array kernels every many-polygon operation of the core shares: one thread-pool rule,
one group union, one grid cutter.

- **Threads** (:func:`pool_for`, :func:`threaded`): shapely 2 releases the GIL inside GEOS,
  so independent overlays run on several cores. One rule for all of them: at most
  :data:`WORKERS` threads (the machine's cores, at most 4), and only for work of at least
  :data:`PARALLEL_MIN_ITEMS` independent items (fewer cost more in hand-over than they save).
- **Group union** (:func:`union_by_group`): the union of the geometries that share a group
  key - overlapping §3 polygons, the overlaps of one parcel, the pieces of one type in one
  tile. ``shapely.union_all(axis=1)`` over arrays padded per size class, rows dealt over the
  threads: measured fastest of the four kernels the code had (benchmarks/bench_kernel.py).
- **Grid cutter** (:func:`grid_cut`): polygons with many vertices cut along a square grid
  anchored at multiples of its size, so that a later intersection with a small polygon
  touches only the few hundred vertices near it (the overlay trap, DESIGN.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any, TypeVar

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.geometry import GeometryArray

_T = TypeVar("_T")
_R = TypeVar("_R")

#: Threads for independent GEOS work: the machine's cores, at most 4 (more buys nothing:
#: the overlays are memory-bound beyond that).
WORKERS = max(1, min(4, os.cpu_count() or 1))

#: Fewest independent items (pairs to intersect, rows to union) worth handing to threads.
PARALLEL_MIN_ITEMS = 2000

#: Tasks per thread: enough that threads finish together, few enough to cost nothing.
_TASKS_PER_WORKER = 4


def worth_threads(items: int) -> bool:
    """Whether *items* independent GEOS operations are worth spreading over threads."""
    return WORKERS > 1 and items >= PARALLEL_MIN_ITEMS


def pool_for(items: int) -> ThreadPoolExecutor | None:
    """A thread pool of :data:`WORKERS` threads when *items* make one worth it, else None.

    The caller shuts it down (``with pool_for(n) or nullcontext():``, or ``try/finally``).
    """
    if not worth_threads(items):
        return None
    return ThreadPoolExecutor(WORKERS, thread_name_prefix="naturplan-geos")


def map_over(fn: Callable[[_T], _R], items: Iterable[_T], executor: Executor | None) -> list[_R]:
    """``[fn(item) for item in items]``, on *executor*'s threads when one is given."""
    if executor is None:
        return [fn(item) for item in items]
    return list(executor.map(fn, items))


def chunks_of(n: int, executor: Executor | None) -> list[NDArray[np.intp]]:
    """Positions 0..n-1 split into contiguous chunks: one without an *executor*, else a few
    per thread."""
    if executor is None or n == 0:
        return [np.arange(n, dtype=np.intp)]
    return [c for c in np.array_split(np.arange(n, dtype=np.intp),
                                      min(n, _TASKS_PER_WORKER * WORKERS)) if len(c)]


def threaded(
    function: Callable[..., Any], *arrays: Any, executor: Executor | None = None
) -> NDArray[Any]:
    """``function(*arrays)`` for a vectorised shapely *function*, split over threads.

    A scalar argument (one clip geometry) may stand in for an array. Threads are used when
    the arrays are long enough (:func:`worth_threads`), in *executor* if one is given, else
    in a pool made for this call. The result is the same as one call's, element for element.
    """
    n = max((len(a) for a in arrays if isinstance(a, np.ndarray)), default=0)
    if not worth_threads(n) and executor is None:
        return np.asarray(function(*arrays))

    def part(chunk: NDArray[np.intp]) -> NDArray[Any]:
        return np.asarray(function(*(a[chunk] if isinstance(a, np.ndarray) else a
                                     for a in arrays)))

    if executor is not None:
        return np.concatenate(map_over(part, chunks_of(n, executor), executor))
    with ThreadPoolExecutor(WORKERS, thread_name_prefix="naturplan-geos") as pool:
        return np.concatenate(map_over(part, chunks_of(n, pool), pool))


def union_by_group(
    geoms: GeometryArray,
    groups: NDArray[np.integer[Any]],
    executor: Executor | None = None,
) -> tuple[GeometryArray, NDArray[np.intp]]:
    """The union of the geometries of each group, vectorised.

    A group of one keeps its geometry as it is (not even re-noded). Larger groups are unioned
    by ``shapely.union_all(axis=1)`` over arrays padded with None, one per size class (2,
    3-4, 5-8, ...: a group of 300 does not pad every group of two to 300); each class's rows
    are dealt over *executor*'s threads, or over a pool of this call's own when the class
    has many groups (:func:`worth_threads`). The unions do not depend on the threads: each
    row is one ``union_all`` of its geometries in their given order.

    Parameters
    ----------
    geoms
        Geometries (None is ignored by the unions).
    groups
        One integer key per geometry.

    Returns
    -------
    unions, keys
        One geometry per distinct key, keys sorted ascending.
    """
    geoms = np.asarray(geoms, dtype=object)
    groups = np.asarray(groups)
    if len(geoms) == 0:
        return np.empty(0, dtype=object), np.empty(0, np.intp)
    order = np.argsort(groups, kind="stable")
    geoms, groups = geoms[order], groups[order]
    keys, starts, counts = np.unique(groups, return_index=True, return_counts=True)
    out: GeometryArray = geoms[starts].copy()
    for members, padded in _size_classes(geoms, starts, counts, np.flatnonzero(counts > 1)):
        out[members] = threaded(_union_rows, padded, executor=executor)
    return out, keys.astype(np.intp)


def _union_rows(padded: NDArray[np.object_]) -> GeometryArray:
    return np.asarray(shapely.union_all(padded, axis=1), dtype=object)


def _size_classes(
    geoms: GeometryArray, starts: NDArray[np.intp], counts: NDArray[np.intp],
    multi: NDArray[np.intp],
) -> Iterable[tuple[NDArray[np.intp], NDArray[np.object_]]]:
    """Per size class of the groups *multi*: (their positions, their geometries padded to a
    rectangle with None)."""
    if len(multi) == 0:
        return
    size_class = np.ceil(np.log2(counts[multi])).astype(int)
    for cls in np.unique(size_class):
        members = multi[size_class == cls]
        n = counts[members]
        padded = np.full((len(members), int(n.max())), None, dtype=object)
        rows = np.repeat(np.arange(len(members)), n)
        offsets = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
        padded[rows, offsets] = geoms[np.repeat(starts[members], n) + offsets]
        yield members, padded


def polygonal(geoms: GeometryArray) -> GeometryArray:
    """Drop the points and lines an intersection leaves where polygons only touch."""
    geoms = np.asarray(geoms, dtype=object)
    types = shapely.get_type_id(geoms)
    mixed = types == shapely.GeometryType.GEOMETRYCOLLECTION
    if not mixed.any():
        return geoms
    out = geoms.copy()
    parts, owner = shapely.get_parts(geoms[mixed], return_index=True)
    keep = np.isin(shapely.get_type_id(parts), (3, 6))
    merged = np.full(int(mixed.sum()), None, dtype=object)
    if keep.any():
        unions, keys = union_by_group(parts[keep], owner[keep])
        merged[keys] = unions
    merged[shapely.is_missing(merged)] = shapely.Polygon()
    out[mixed] = merged
    return out


def grid_cut(
    geoms: GeometryArray,
    size: float = 1000.0,
    min_vertices: int = 256,
    extent: tuple[float, float, float, float] | None = None,
) -> tuple[GeometryArray, NDArray[np.intp]]:
    """Cut polygons with many vertices along a square grid anchored at multiples of *size*,
    so that an intersection with a small polygon (a parcel) only touches the vertices near it.

    A polygon with fewer than *min_vertices* vertices, or inside one grid square, is kept
    whole: this is the overlay trap's cure (DESIGN.md: intersecting parcels with one huge
    dissolved polygon took 380 s, with 1 km pieces 3.7 s), paid only where it helps. Every
    cutter in the core uses this grid, so neighbouring pieces are cut along the same lines.

    With *extent* (minx, miny, maxx, maxy), only what lies in it is kept: polygons outside are
    dropped and big ones are cut only where they meet it (a national layer measured against
    one municipality's parcels).

    Returns
    -------
    pieces, owner
        The polygonal pieces with a positive area (the whole polygons first, in their order,
        then the cut ones) and, for each, the position of the polygon it came from. The
        pieces of one polygon cover it exactly.
    """
    geoms = np.asarray(geoms, dtype=object)
    owner = np.arange(len(geoms), dtype=np.intp)
    if len(geoms) == 0:
        return geoms, owner
    if extent is not None:
        inside = shapely.STRtree(geoms).query(shapely.box(*extent), predicate="intersects")
        inside.sort()
        geoms, owner = geoms[inside], owner[inside]
        if len(geoms) == 0:
            return geoms, owner
    bounds = shapely.bounds(geoms)
    if extent is not None:
        bounds[:, :2] = np.maximum(bounds[:, :2], extent[:2])
        bounds[:, 2:] = np.minimum(bounds[:, 2:], extent[2:])
    cells_x = np.floor(bounds[:, 2] / size) - np.floor(bounds[:, 0] / size)
    cells_y = np.floor(bounds[:, 3] / size) - np.floor(bounds[:, 1] / size)
    big = (shapely.get_num_coordinates(geoms) >= min_vertices) & ((cells_x > 0) | (cells_y > 0))
    if not big.any():
        return geoms, owner
    which = np.flatnonzero(big)
    lo = np.floor(bounds[which, :2] / size).astype(np.int64)
    hi = np.floor(bounds[which, 2:] / size).astype(np.int64)
    counts = (hi[:, 0] - lo[:, 0] + 1) * (hi[:, 1] - lo[:, 1] + 1)
    src = np.repeat(which, counts)
    offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    width = np.repeat(hi[:, 0] - lo[:, 0] + 1, counts)
    gx = np.repeat(lo[:, 0], counts) + offsets % width
    gy = np.repeat(lo[:, 1], counts) + offsets // width
    boxes = shapely.box(gx * size, gy * size, (gx + 1) * size, (gy + 1) * size)
    pieces = polygonal(threaded(shapely.intersection, geoms[src], boxes))
    keep = shapely.area(pieces) > 0
    return (np.concatenate([geoms[~big], pieces[keep]]),
            np.concatenate([owner[~big], owner[src[keep]]]).astype(np.intp))
