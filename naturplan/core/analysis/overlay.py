"""Many polygons against a layer: pairwise intersections and unions per group, vectorised.

Every function works on whole arrays of shapely geometries: one STRtree bulk query finds the
pairs, one ``shapely.intersection`` call cuts them (on several threads for many pairs), and
groups that need a union (a parcel touched by two overlapping polygons) go through the core's
one group union, :func:`naturplan.core.geometry_kernels.union_by_group`, so no Python loop
runs per feature.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.geometry import GeometryArray
from naturplan.core.geometry_kernels import polygonal, threaded


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


def sum_per_group(
    values: NDArray[np.float64], groups: NDArray[np.integer[Any]], n: int
) -> NDArray[np.float64]:
    """``out[k]`` = the sum of *values* whose group is k, for k in 0..n-1."""
    sums = np.bincount(np.asarray(groups, dtype=np.intp), weights=values, minlength=n)
    return np.asarray(sums[:n], dtype=np.float64)
