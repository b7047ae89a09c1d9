"""What an afforestation candidate conflicts with, each conflict with its area and shape.

The kinds (DESIGN.md, "Afforestation"), most serious first:

- §3 nature: new forest is not allowed on protected nature;
- Natura 2000: planting needs an impact assessment (konsekvensvurdering);
- organic lowland soil (> 6 % organic carbon): forest on drained peat counteracts the climate
  gain, the soil should be rewetted instead;
- unwanted-forest zones of the kommuneplan (skovrejsning uønsket);
- flood zones.

Each :class:`Conflict` carries the overlapping geometry (to draw on the map) and its area in
m², the union of the overlaps with that kind's polygons, so overlapping source polygons are
counted once.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.factors import FactorTable
from naturplan.core.analysis.flood import exposure_of_parts, flood_geometry
from naturplan.core.analysis.layers import AnalysisLayers, PolygonSet


class ConflictKind(StrEnum):
    """Kinds of conflict, in the order of :data:`CONFLICT_ORDER`."""

    NATURE_P3 = "nature_p3"
    NATURA2000 = "natura2000"
    ORGANIC_SOIL = "organic_soil"
    UNWANTED_FOREST = "unwanted_forest"
    FLOOD = "flood"


CONFLICT_ORDER: tuple[ConflictKind, ...] = tuple(ConflictKind)


@dataclass(frozen=True)
class Conflict:
    """One conflict: its kind, the overlapping area (m²) and shape, and what it overlaps.

    ``details`` names the polygons involved where they have names (§3 types, Natura 2000
    sites, carbon classes), sorted.
    """

    kind: ConflictKind
    area_m2: float
    geometry: BaseGeometry
    details: tuple[str, ...] = ()


def afforestation_conflicts(
    geom: BaseGeometry, layers: AnalysisLayers, table: FactorTable, *, shapes: bool = True
) -> tuple[Conflict, ...]:
    """Every conflict of the area *geom* if planted with forest, most serious first.

    Only kinds with a positive overlapping area are returned. With *shapes* False the flood
    conflict's area comes from the zonal statistics (the same exact flooded area) and its
    geometry is empty: what a plan's totals need, without building the flooded cells of a
    union that spans the municipality as one polygon.
    """
    found = [
        _overlap(ConflictKind.NATURE_P3, geom, layers.nature, "type"),
        _overlap(ConflictKind.NATURA2000, geom, layers.natura2000, "name"),
        _overlap(ConflictKind.ORGANIC_SOIL, geom, layers.lowland, "carbon_class",
                 keep=lambda v: table.is_organic(v)),
        _overlap(ConflictKind.UNWANTED_FOREST, geom, layers.forest_zones, "zone",
                 keep=lambda v: v == "unwanted"),
        _flood(geom, layers) if shapes else _flood_area(geom, layers),
    ]
    return tuple(c for c in found if c is not None and c.area_m2 > 0)


def _overlap(kind: ConflictKind, geom: BaseGeometry, polygons: PolygonSet, column: str,
             keep: object = None) -> Conflict | None:
    pairs = polygons.overlaps(geom)
    if len(pairs) == 0:
        return None
    values = polygons.column(column)[pairs.right]
    if callable(keep):
        mask = np.array([bool(keep(v)) for v in values], dtype=bool)
        if not mask.any():
            return None
        pairs, values = pairs.take(mask), values[mask]
    shape = pairs.geometries[0] if len(pairs) == 1 else shapely.union_all(pairs.geometries)
    names = tuple(sorted({str(v) for v in values if v is not None}))
    return Conflict(kind, float(shapely.area(shape)), shape, names)


def _flood(geom: BaseGeometry, layers: AnalysisLayers) -> Conflict | None:
    shape = flood_geometry(geom, layers.flood)
    if shapely.is_empty(shape):
        return None
    return Conflict(ConflictKind.FLOOD, float(shapely.area(shape)), shape)


def _flood_area(geom: BaseGeometry, layers: AnalysisLayers) -> Conflict | None:
    result = exposure_of_parts(geom, layers.flood)
    if result is None:
        return None
    return Conflict(ConflictKind.FLOOD, float(result.wet_m2[0]), shapely.Polygon())
