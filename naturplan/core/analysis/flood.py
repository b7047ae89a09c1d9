"""Flood exposure of candidates and of §3 nature (DESIGN.md, "Flood exposure").

Zonal statistics come from :mod:`naturplan.core.analysis.zonal` (exact cell-coverage
fractions over the depth raster, or flood-zone polygons). This module adds what the planner
sees on top of them:

- :func:`flood_geometry`: the flooded part of an area as a polygon, to draw a flood conflict
  on the map. Over a raster it is the union of the flooded cells cut by the area, so its area
  equals the exact coverage-weighted flooded area.
- :func:`exposures`: flood share, mean and max depth of several areas;
  :func:`exposure_of_parts`: the same for one area measured part by part (a plan's union of
  candidates spread over the municipality costs its parts' windows, not the whole raster).
- :func:`nature_at_risk`: §3 area in the flood zone by nature type, strandeng first. The §3
  polygons of each type are dissolved per 1 km tile first, so overlapping polygons are counted
  once and every piece stays small.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.layers import AnalysisLayers, FloodSource
from naturplan.core.analysis.zonal import (
    FloodExposure,
    RasterGrid,
    flood_exposure,
    zone_exposure,
)
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.geometry import GeometryArray
from naturplan.core.geometry_kernels import union_by_group
from naturplan.core.heap import give_back_free_heap
from naturplan.core.share.tiles import TileGrid

#: The nature type shown first in "nature at risk": salt marsh lies where the sea comes.
FIRST_TYPE = "Strandeng"


def wet_cells(grid: RasterGrid, min_depth: float = 0.0) -> BaseGeometry:
    """The flooded cells of *grid* (depth > *min_depth*) as one polygon (empty if none).

    Runs of flooded cells along a row become one rectangle, runs with the same ends in
    consecutive rows one taller rectangle, and the few rectangles are unioned.
    """
    values = np.asarray(grid.values)
    if values.size == 0:
        return shapely.Polygon()
    wet = np.isfinite(values) & (values > min_depth)
    if not wet.any():
        return shapely.Polygon()
    padded = np.zeros((wet.shape[0], wet.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = wet
    step = np.diff(padded, axis=1)
    rows, starts = np.nonzero(step == 1)
    _, stops = np.nonzero(step == -1)
    # Stack runs with equal ends in consecutive rows: a new block starts where the ends
    # change or a row is skipped.
    order = np.lexsort((rows, stops, starts))
    rows, starts, stops = rows[order], starts[order], stops[order]
    new_block = np.ones(len(rows), dtype=bool)
    new_block[1:] = (starts[1:] != starts[:-1]) | (stops[1:] != stops[:-1]) | (
        rows[1:] != rows[:-1] + 1)
    first = np.flatnonzero(new_block)
    last = np.append(first[1:], len(rows)) - 1
    x0, _, _, y1 = grid.bounds
    boxes = shapely.box(x0 + starts[first] * grid.res_x, y1 - (rows[last] + 1) * grid.res_y,
                        x0 + stops[first] * grid.res_x, y1 - rows[first] * grid.res_y)
    return shapely.union_all(boxes)


def flood_geometry(geom: BaseGeometry, flood: FloodSource | None,
                   min_depth: float = 0.0) -> BaseGeometry:
    """The part of *geom* in the flood zone (empty if there is no flood layer)."""
    if flood is None or shapely.is_empty(geom):
        return shapely.Polygon()
    if flood.zones is not None:
        pairs = flood.zones.overlaps(geom)
        return shapely.union_all(pairs.geometries) if len(pairs) else shapely.Polygon()
    minx, miny, maxx, maxy = (float(b) for b in geom.bounds)
    grid = flood.grid((minx, miny, maxx, maxy))
    if grid is None:
        return shapely.Polygon()
    zone = wet_cells(grid, min_depth)
    if zone.is_empty:
        return zone
    return shapely.intersection(geom, zone)


def exposures(geoms: GeometryArray, flood: FloodSource | None,
              feedback: Feedback | None = None) -> FloodExposure | None:
    """Flood exposure of each area in *geoms*; None without a flood layer.

    Over a raster, the cells under the areas' common bounding box are read once.
    """
    geoms = np.asarray(geoms, dtype=object)
    if flood is None:
        return None
    if flood.zones is not None:
        depth = flood.zones.column("depth")
        has_depth = all(v is not None for v in depth) and len(depth) > 0
        depths = np.asarray(depth, dtype=float) if has_depth else None
        return zone_exposure(geoms, flood.zones.geoms, depths, tree=flood.zones.tree)
    if len(geoms) == 0:
        return flood_exposure(geoms, RasterGrid(np.zeros((0, 0)), (0, 0, 0, 0)))
    minx, miny, maxx, maxy = (float(b) for b in shapely.total_bounds(geoms))
    res = flood.resolution or 1.0
    if flood.cached is None and (maxx - minx) * (maxy - miny) > WINDOW_CELLS * res * res:
        return _exposures_in_blocks(geoms, flood, res, feedback)
    grid = flood.grid((minx, miny, maxx, maxy))
    if grid is None:
        return None
    return flood_exposure(geoms, grid, feedback=feedback)


#: Raster cells read at once for areas spread wide (16 MB as float32): areas spread over more
#: (the §3 nature of the whole country) are measured block by block. With 16 M cells the
#: national world's nature at risk peaked 30-45 MB higher, with the same numbers to the last
#: bit (issue 24 §2); 2 M cells saved little more and cost 2 s more CPU.
WINDOW_CELLS = 4_000_000


def _exposures_in_blocks(geoms: GeometryArray, flood: FloodSource, res: float,
                         feedback: Feedback | None) -> FloodExposure | None:
    """:func:`exposures` over blocks of areas (by the centre of each one's box), each block
    over the cells under its own areas: the same numbers, a window at a time."""
    fb = as_feedback(feedback)
    boxes = shapely.bounds(geoms)
    side = float(np.sqrt(WINDOW_CELLS)) / 2 * res
    cx = np.floor((boxes[:, 0] + boxes[:, 2]) / 2 / side).astype(np.int64)
    cy = np.floor((boxes[:, 1] + boxes[:, 3]) / 2 / side).astype(np.int64)
    block = (cx - cx.min()) * (int(cy.max() - cy.min()) + 1) + (cy - cy.min())
    n = len(geoms)
    out = {name: np.zeros(n) for name in ("area_m2", "wet_m2", "data_m2")}
    out["mean_depth"] = np.full(n, np.nan)
    out["max_depth"] = np.full(n, np.nan)
    keys = np.unique(block)
    for k, key in enumerate(keys):
        fb.check()
        fb.report(k / len(keys), "")
        rows = np.flatnonzero(block == key)
        x0, y0, x1, y1 = (float(v) for v in shapely.total_bounds(geoms[rows]))
        grid = flood.grid((x0, y0, x1, y1))
        if grid is None:
            return None
        part = flood_exposure(geoms[rows], grid)
        for name, values in out.items():
            values[rows] = getattr(part, name)
    return FloodExposure(**out)


def exposure_of_parts(geom: BaseGeometry, flood: FloodSource | None) -> FloodExposure | None:
    """Flood exposure of the one area *geom*, measured over each of its polygons apart and
    summed (one row); None without a flood layer.

    The parts of a valid (multi)polygon do not overlap, so the areas add up exactly; the mean
    depth is weighted by each part's flooded area, the max is the largest (NaN where no part
    has data).
    """
    parts = shapely.get_parts(np.array([geom], dtype=object))
    result = exposures(parts, flood)
    if result is None or len(parts) <= 1:
        return result
    wet = float(result.wet_m2.sum())
    flooded = result.wet_m2 > 0
    mean = (float(np.sum(result.mean_depth[flooded] * result.wet_m2[flooded])) / wet
            if wet > 0 else float("nan"))
    has = ~np.isnan(result.max_depth)
    top = float(result.max_depth[has].max()) if has.any() else float("nan")

    def one(value: float) -> NDArray[np.float64]:
        return np.array([value], dtype=float)

    return FloodExposure(one(float(result.area_m2.sum())), one(wet),
                         one(float(result.data_m2.sum())), one(mean), one(top))


@dataclass(frozen=True)
class TypeAtRisk:
    """§3 nature of one type: its area and the part in the flood zone (m², depth in m)."""

    nature_type: str
    area_m2: float
    wet_m2: float
    mean_depth: float

    @property
    def wet_share(self) -> float:
        return self.wet_m2 / self.area_m2 if self.area_m2 > 0 else 0.0


@dataclass(frozen=True)
class NatureAtRisk:
    """§3 nature in the flood zone by type, :data:`FIRST_TYPE` first, then by flooded area."""

    types: tuple[TypeAtRisk, ...]

    @property
    def wet_m2(self) -> float:
        """Flooded §3 area of all types (a spot of two types counts in both)."""
        return float(sum(t.wet_m2 for t in self.types))


def nature_at_risk(layers: AnalysisLayers, grid: TileGrid | None = None,
                   feedback: Feedback | None = None) -> NatureAtRisk | None:
    """§3 area in the flood zone by nature type; None without a flood layer.

    The pieces and unions it makes are freed before it returns, and the heap's free pages given
    back to the system (:func:`~naturplan.core.heap.give_back_free_heap`: on the national
    world they were 147 MB kept for nothing).

    Raises
    ------
    OperationCancelled
        If *feedback* was cancelled.
    """
    if layers.flood is None:
        return None
    try:
        return _nature_at_risk(layers, grid, as_feedback(feedback))
    finally:
        give_back_free_heap()


def _nature_at_risk(layers: AnalysisLayers, grid: TileGrid | None,
                    feedback: Feedback) -> NatureAtRisk | None:
    assert layers.flood is not None
    nature = layers.nature
    tiles = grid or TileGrid(layers.municipality)
    pieces, src, tile = tiles.cut(nature.geoms)
    names = np.array([str(t) if t is not None else "unknown"
                      for t in nature.column("type")[src]], dtype=object)
    type_names = sorted(set(names))
    code = np.searchsorted(type_names, names)
    del names, src
    feedback.check()
    merged, keys = union_by_group(pieces, code * (len(tiles) + 1) + tile)
    piece_type = keys // (len(tiles) + 1)
    del pieces, code, tile, tiles, keys
    feedback.report(0.3, "")
    result = exposures(merged, layers.flood, feedback.part(0.3, 1.0))
    del merged
    if result is None:
        return None
    out = []
    for k, name in enumerate(type_names):
        sel = piece_type == k
        wet = float(result.wet_m2[sel].sum())
        depth_sum = float(np.nansum(result.mean_depth[sel] * result.wet_m2[sel]))
        out.append(TypeAtRisk(name, float(result.area_m2[sel].sum()), wet,
                              depth_sum / wet if wet > 0 else float("nan")))
    out.sort(key=lambda t: (t.nature_type != FIRST_TYPE, -t.wet_m2, t.nature_type))
    return NatureAtRisk(tuple(out))
