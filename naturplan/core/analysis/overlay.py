"""Many polygons against a layer: pairwise intersections and unions per group, vectorised.

Every function works on whole arrays of shapely geometries: one STRtree bulk query finds the
pairs, one ``shapely.intersection`` call cuts them, and groups that need a union (a parcel
touched by two overlapping polygons) are unioned with ``shapely.union_all(..., axis=1)`` over
a padded 2-D array, so no Python loop runs per feature.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.geometry import GeometryArray


@dataclass(frozen=True)
class Pairs:
    """Intersections of polygons ``left[i]`` with polygons ``right[j]``, one row per pair.

    Attributes
    ----------
    left, right
        Positions in the two input arrays.
    geometries
        ``left[i] ∩ right[j]`` (polygonal parts only).
    areas
        Their areas in m².
    """

    left: NDArray[np.intp]
    right: NDArray[np.intp]
    geometries: GeometryArray
    areas: NDArray[np.float64]

    def __len__(self) -> int:
        return len(self.left)

    def take(self, mask: NDArray[np.bool_] | NDArray[np.intp]) -> Pairs:
        """The pairs selected by a boolean mask or positions."""
        return Pairs(self.left[mask], self.right[mask], self.geometries[mask], self.areas[mask])


def empty_pairs() -> Pairs:
    """Pairs with no rows."""
    return Pairs(np.empty(0, np.intp), np.empty(0, np.intp), np.empty(0, object), np.empty(0))


def intersect_pairs(
    left: GeometryArray,
    right: GeometryArray,
    tree: shapely.STRtree | None = None,
) -> Pairs:
    """Every pair of *left* and *right* polygons that overlaps with a positive area.

    Parameters
    ----------
    left, right
        Polygon arrays in the same CRS (metres).
    tree
        An STRtree over *right*, to reuse one across calls.

    Returns
    -------
    Pairs
        Only pairs whose intersection has a positive area.
    """
    left = np.asarray(left, dtype=object)
    right = np.asarray(right, dtype=object)
    if len(left) == 0 or len(right) == 0:
        return empty_pairs()
    tree = tree if tree is not None else shapely.STRtree(right)
    li, ri = tree.query(left, predicate="intersects")
    if len(li) == 0:
        return empty_pairs()
    a, b = left[li], right[ri]
    # Where one lies inside the other the intersection is that one: two cheap predicate
    # tests (the right side is usually prepared) instead of an overlay.
    a_inside = shapely.contains_properly(b, a)
    b_inside = ~a_inside & shapely.contains_properly(a, b)
    cut = ~a_inside & ~b_inside
    geoms = np.where(a_inside, a, b)
    if cut.any():
        geoms[cut] = polygonal(threaded(shapely.intersection, a[cut], b[cut]))
    areas = shapely.area(geoms)
    keep = areas > 0
    return Pairs(li[keep].astype(np.intp), ri[keep].astype(np.intp), geoms[keep], areas[keep])


#: Below this many pairs, one thread does the overlay.
THREAD_MIN = 4000


def threaded(
    function: Callable[[GeometryArray, GeometryArray], GeometryArray],
    a: GeometryArray,
    b: GeometryArray,
) -> GeometryArray:
    """``function(a, b)`` for a vectorised shapely *function*, split over the CPU cores.

    shapely releases the GIL inside GEOS, so two threads on two cores do an overlay of many
    pairs in about half the time; results are the same as one call.
    """
    workers = min(os.cpu_count() or 1, 4)
    if workers < 2 or len(a) < THREAD_MIN:
        return np.asarray(function(a, b), dtype=object)
    bounds = np.linspace(0, len(a), workers + 1).astype(int)
    chunks = [slice(int(lo), int(hi)) for lo, hi in zip(bounds[:-1], bounds[1:], strict=True)]
    with ThreadPoolExecutor(workers) as pool:
        parts = list(pool.map(lambda s: function(a[s], b[s]), chunks))
    return np.concatenate(parts).astype(object)


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
        unions, keys = union_per_group(parts[keep], owner[keep])
        merged[keys] = unions
    merged[shapely.is_missing(merged)] = shapely.Polygon()
    out[mixed] = merged
    return out


def union_per_group(
    geoms: GeometryArray, groups: NDArray[np.integer[Any]]
) -> tuple[GeometryArray, NDArray[np.intp]]:
    """The union of the geometries of each group, vectorised.

    Groups of one keep their geometry as it is; larger groups are unioned in a few calls of
    ``shapely.union_all(axis=1)`` over arrays padded with None (one call per size class, so a
    group of 300 does not pad every group of two to 300).

    Returns
    -------
    unions, keys
        One geometry per distinct group key, keys sorted ascending.
    """
    geoms = np.asarray(geoms, dtype=object)
    groups = np.asarray(groups)
    if len(geoms) == 0:
        return np.empty(0, dtype=object), np.empty(0, np.intp)
    order = np.argsort(groups, kind="stable")
    geoms, groups = geoms[order], groups[order]
    keys, starts, counts = np.unique(groups, return_index=True, return_counts=True)
    out = geoms[starts].copy()
    multi = np.flatnonzero(counts > 1)
    if len(multi):
        # Size classes 2, 3-4, 5-8, ...: pad each class to its largest group.
        size_class = np.ceil(np.log2(counts[multi])).astype(int)
        for cls in np.unique(size_class):
            members = multi[size_class == cls]
            width = int(counts[members].max())
            padded = np.full((len(members), width), None, dtype=object)
            rows = np.repeat(np.arange(len(members)), counts[members])
            offsets = np.arange(int(counts[members].sum())) - np.repeat(
                np.cumsum(counts[members]) - counts[members], counts[members]
            )
            source = np.repeat(starts[members], counts[members]) + offsets
            padded[rows, offsets] = geoms[source]
            out[members] = shapely.union_all(padded, axis=1)
    return out, keys.astype(np.intp)


def sum_per_group(
    values: NDArray[np.float64], groups: NDArray[np.integer[Any]], n: int
) -> NDArray[np.float64]:
    """``out[k]`` = the sum of *values* whose group is k, for k in 0..n-1."""
    sums = np.bincount(np.asarray(groups, dtype=np.intp), weights=values, minlength=n)
    return np.asarray(sums[:n], dtype=np.float64)


def cut_large(
    geoms: GeometryArray,
    size: float = 1000.0,
    min_vertices: int = 256,
    extent: tuple[float, float, float, float] | None = None,
) -> tuple[GeometryArray, NDArray[np.intp]]:
    """Cut polygons with many vertices along a square grid, so that an intersection with a
    small polygon (a parcel) only touches the few hundred vertices near it.

    A polygon with fewer than *min_vertices* vertices, or inside one grid square, is kept
    whole: this is the overlay trap's cure (DESIGN.md: intersecting parcels with one huge
    dissolved polygon took 380 s, with 1 km pieces 3.7 s), paid only where it helps.

    With *extent* (minx, miny, maxx, maxy), only what lies in it is kept: polygons outside are
    dropped and big ones are cut only where they meet it (a national layer measured against
    one municipality's parcels).

    Returns
    -------
    pieces, owner
        The pieces and, for each, the position of the polygon it came from.
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
    pieces = polygonal(shapely.intersection(geoms[src], boxes))
    keep = shapely.area(pieces) > 0
    return (np.concatenate([geoms[~big], pieces[keep]]),
            np.concatenate([owner[~big], owner[src[keep]]]).astype(np.intp))
