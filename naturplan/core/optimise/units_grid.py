"""Planning units as a regular grid (issue 23 §1): 1-ha squares for a municipality without a
parcel layer.

The squares are anchored at multiples of the cell size in EPSG:25832 (100 m: 1 ha) and cut
to the municipality; :func:`~naturplan.core.optimise.units.planning_units` then measures them
like parcels (the new part outside what already counts, CO2e, kind, exclusions, cost,
connectivity). Their shared edges come from the grid itself (:func:`grid_edges`): two cells
side by side share the side between them, cut where the municipality's edge cuts it.
"""

from __future__ import annotations

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.geometry import GeometryArray
from naturplan.core.geometry_kernels import polygonal, threaded
from naturplan.core.optimise.edges import SharedEdges, no_edges

#: One hectare: a square of 100 m.
CELL_M = 100.0


def grid_cells(area: shapely.Geometry, size: float = CELL_M) -> GeometryArray:
    """The squares of a grid of *size* (m, anchored at multiples of it) that meet *area*,
    each cut to it; squares that share only a line or a point with *area* are left out.
    Row by row from the south-west."""
    if area is None or shapely.is_empty(area):
        return np.empty(0, dtype=object)
    minx, miny, maxx, maxy = shapely.bounds(area)
    xs = np.arange(np.floor(minx / size), np.ceil(maxx / size)) * size
    ys = np.arange(np.floor(miny / size), np.ceil(maxy / size)) * size
    gx, gy = np.meshgrid(xs, ys)
    boxes = shapely.box(gx.ravel(), gy.ravel(), gx.ravel() + size, gy.ravel() + size)
    shapely.prepare(area)
    near = shapely.intersects(area, boxes)
    boxes = boxes[near]
    inside = shapely.contains_properly(area, boxes)
    out = boxes.copy()
    cut = ~inside
    if cut.any():
        out[cut] = polygonal(threaded(shapely.intersection, boxes[cut], area))
    keep = np.asarray(shapely.area(out), dtype=np.float64) > 0
    return np.asarray(out[keep], dtype=object)


def grid_edges(cells: GeometryArray, size: float = CELL_M) -> SharedEdges:
    """The side each pair of neighbouring *cells* (from :func:`grid_cells`, any subset, in
    any order) shares: the whole side between two whole squares, else the length of their
    common boundary."""
    cells = np.asarray(cells, dtype=object)
    if len(cells) < 2:
        return no_edges()
    bounds = shapely.bounds(cells)
    ix = np.floor((bounds[:, 0] + bounds[:, 2]) / 2 / size).astype(np.int64)
    iy = np.floor((bounds[:, 1] + bounds[:, 3]) / 2 / size).astype(np.int64)
    span = int(iy.max() - iy.min()) + 3
    key = (ix - ix.min()) * span + (iy - iy.min())
    order = np.argsort(key, kind="stable")
    sorted_keys = key[order]
    whole = np.abs(np.asarray(shapely.area(cells), dtype=np.float64) - size * size) < 1e-6
    found_i: list[NDArray[np.intp]] = []
    found_j: list[NDArray[np.intp]] = []
    for step in (span, 1):  # the neighbour to the east, to the north
        at = np.searchsorted(sorted_keys, key + step)
        hit = (at < len(key)) & (sorted_keys[np.minimum(at, len(key) - 1)] == key + step)
        found_i.append(np.flatnonzero(hit).astype(np.intp))
        found_j.append(order[at[hit]].astype(np.intp))
    a, b = np.concatenate(found_i), np.concatenate(found_j)
    length = np.full(len(a), size, dtype=np.float64)
    partial = ~(whole[a] & whole[b])
    if partial.any():
        length[partial] = shapely.length(
            shapely.intersection(shapely.boundary(cells[a[partial]]),
                                 shapely.boundary(cells[b[partial]])))
    keep = length > 0
    i, j = np.minimum(a, b)[keep], np.maximum(a, b)[keep]
    return SharedEdges(i.astype(np.intp), j.astype(np.intp), length[keep])
