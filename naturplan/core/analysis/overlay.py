"""Many polygons against a layer: pairwise intersections and unions per group, vectorised.

Every function works on whole arrays of shapely geometries: one STRtree bulk query finds the
pairs, one ``shapely.intersection`` call cuts them, and groups that need a union (a parcel
touched by two overlapping polygons) are unioned with ``shapely.union_all(..., axis=1)`` over
a padded 2-D array, so no Python loop runs per feature.
"""

from __future__ import annotations

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
    geoms = polygonal(shapely.intersection(left[li], right[ri]))
    areas = shapely.area(geoms)
    keep = areas > 0
    return Pairs(li[keep].astype(np.intp), ri[keep].astype(np.intp), geoms[keep], areas[keep])


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
