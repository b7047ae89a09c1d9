"""Shared edges between polygons by segment matching (issue 23: the boundary penalty).

Neighbouring parcels of a cadastre share their boundary vertex for vertex. Every ring is cut
into its segments, each segment is keyed by its two end points (rounded to a millimetre, the
lower point first), and a key held by two different polygons is an edge they share; its
length adds to that pair. Vectorised with numpy: no overlay, no pairwise intersection.
A boundary that two polygons share without common vertices (one polygon's edge is cut by a
neighbour's vertex) is not found; the boundary penalty then counts that stretch as outer
boundary, the way a coverage with mismatched vertices is read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.geometry import GeometryArray

#: Coordinates are matched on this grid (m).
KEY_GRID_M = 0.001


@dataclass(frozen=True)
class SharedEdges:
    """Pairs ``(i, j)`` with ``i < j`` that share boundary, and its length in m."""

    i: NDArray[np.intp]
    j: NDArray[np.intp]
    length_m: NDArray[np.float64]

    def __len__(self) -> int:
        return len(self.i)

    def shared_per_unit(self, n: int) -> NDArray[np.float64]:
        """Per polygon, the length of its boundary shared with any other of the *n*."""
        out = np.bincount(self.i, weights=self.length_m, minlength=n)
        out += np.bincount(self.j, weights=self.length_m, minlength=n)
        return np.asarray(out[:n], dtype=np.float64)


def no_edges() -> SharedEdges:
    return SharedEdges(np.empty(0, np.intp), np.empty(0, np.intp), np.empty(0))


def shared_edges(geoms: GeometryArray) -> SharedEdges:
    """The boundary each pair of *geoms* (polygons) shares, found by segment matching."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) < 2:
        return no_edges()
    parts, owner = shapely.get_parts(geoms, return_index=True)
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    coords, ring = shapely.get_coordinates(rings, return_index=True)
    same = ring[1:] == ring[:-1]
    a, b = coords[:-1][same], coords[1:][same]
    who = owner[ring_part[ring[:-1][same]]]
    ka = np.round(a / KEY_GRID_M).astype(np.int64)
    kb = np.round(b / KEY_GRID_M).astype(np.int64)
    # each point as one integer (x then y, from the lowest corner: no overflow for any
    # extent up to thousands of km), each segment as its lower and its higher point
    low = np.minimum(ka.min(axis=0), kb.min(axis=0))
    span = int(max(ka[:, 1].max(), kb[:, 1].max()) - low[1]) + 1
    pa = (ka[:, 0] - low[0]) * span + (ka[:, 1] - low[1])
    pb = (kb[:, 0] - low[0]) * span + (kb[:, 1] - low[1])
    lo, hi = np.minimum(pa, pb), np.maximum(pa, pb)
    order = np.lexsort((hi, lo))
    lo, hi, who = lo[order], hi[order], who[order]
    length = np.hypot(*(a[order] - b[order]).T)
    dup = (lo[1:] == lo[:-1]) & (hi[1:] == hi[:-1]) & (who[1:] != who[:-1])
    if not dup.any():
        return no_edges()
    u, v = who[:-1][dup], who[1:][dup]
    i, j = np.minimum(u, v), np.maximum(u, v)
    pair = i.astype(np.int64) * len(geoms) + j
    uniq, inv = np.unique(pair, return_inverse=True)
    total = np.bincount(inv, weights=length[1:][dup])
    return SharedEdges((uniq // len(geoms)).astype(np.intp), (uniq % len(geoms)).astype(np.intp),
                       np.asarray(total, dtype=np.float64))
