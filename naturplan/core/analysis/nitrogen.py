"""Nitrogen: what a candidate's conversion takes out of the water (issue 22, item 5).

The optional role ``n_retention`` gives, per polygon (an ID15 catchment in the national
N-retention maps), the reduction in kg N per hectare and year that taking land out of rotation
gives there. A candidate's N effect is the sum over the polygons it overlaps of
overlap area (ha) × rate (kg N/ha/yr). Without the layer there is no number: the caller shows
an empty cell with the reason, never 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

__all__ = ["nitrogen_effect", "nitrogen_total", "overlap_by_value"]


def nitrogen_effect(geoms: Sequence[BaseGeometry], polygons: NDArray[np.object_],
                    rates: Sequence[float]) -> list[float]:
    """kg N per year for each of *geoms* (EPSG:25832): Σ overlap (ha) × rate (kg N/ha/yr)
    over the retention *polygons* (taken not to overlap each other) and their *rates*."""
    index = list(range(len(rates)))
    by_polygon = overlap_by_value(geoms, polygons, index)
    return [sum(m2 / 10_000 * float(rates[j]) for j, m2 in found.items())
            for found in by_polygon]


def nitrogen_total(geoms: Sequence[BaseGeometry], polygons: NDArray[np.object_],
                   rates: Sequence[float]) -> float:
    """kg N per year of the union of *geoms*: a plan's total, where two candidates that
    overlap count their shared land once (as the ledger's hectares do); 0 for no *geoms*."""
    if len(geoms) == 0:
        return 0.0
    union = shapely.union_all(np.asarray(geoms, dtype=object))
    return nitrogen_effect([union], polygons, rates)[0]


def overlap_by_value(geoms: Sequence[BaseGeometry], polygons: NDArray[np.object_],
                     values: Sequence[Any]) -> list[dict[Any, float]]:
    """For each of *geoms*, the area (m²) it shares with *polygons*, summed by the polygon's
    value (``{">12": 31000.0, "6-12": 500.0}``). The polygons are taken not to overlap each
    other (a map of classes or catchments); found through an STRtree, intersected in one
    vectorised call.
    """
    out: list[dict[Any, float]] = [{} for _ in geoms]
    if len(geoms) == 0 or len(polygons) == 0:
        return out
    tree = shapely.STRtree(polygons)
    left, right = tree.query(np.asarray(geoms, dtype=object), predicate="intersects")
    if len(left) == 0:
        return out
    areas = shapely.area(shapely.intersection(np.asarray(geoms, dtype=object)[left],
                                              polygons[right]))
    for i, j, area in zip(left, right, areas, strict=True):
        if area > 0:
            key = values[int(j)]
            out[int(i)][key] = out[int(i)].get(key, 0.0) + float(area)
    return out
