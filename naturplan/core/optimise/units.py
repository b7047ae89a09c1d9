"""Planning units for a suggested plan (issue 23 §1): the parcels, measured once, vectorised.

A unit is one parcel. Per unit (areas in m², EPSG:25832):

- ``new_m2``: the part inside the municipality and outside what is already counted (the
  protected polygons and the plan's counting candidates): the new nature the unit would add;
- ``co2e_t``: the lowland withdrawal's reduction (t CO2e/yr) on that new part, per soil
  polygon its carbon class and use through the factor table (the same factors as
  :mod:`naturplan.core.analysis.climate`);
- ``kind``: ``lowland`` where at least half the new part lies on lowland soil (rewetting),
  else ``afforestation``;
- ``excluded``: the hard exclusions: an afforestation unit touching Natura 2000 or an
  unwanted-forest zone with a positive area (new forest on §3 cannot happen: the §3 part is
  not new), and units the planner locked out;
- ``cost``: by default the farmland taken in ha (the new part: without a land-cover layer
  every hectare outside protected nature counts as farmland), or a value per parcel;
- ``connectivity``: a linear proxy, new ha × exp(−k d) with d the distance to the nearest
  habitat patch and k the connectivity kernel's decay (so the integer program stays linear;
  the result is measured exactly with ΔECA afterwards);
- ``perimeter_m`` and the shared edges (:mod:`naturplan.core.optimise.edges`) for the
  boundary penalty.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.analysis.factors import FactorTable
from naturplan.core.analysis.layers import AnalysisLayers, PolygonSet
from naturplan.core.analysis.overlay import intersect_pairs, sum_per_group
from naturplan.core.geometry import GeometryArray
from naturplan.core.geometry_kernels import polygonal, threaded, union_by_group
from naturplan.core.optimise.edges import SharedEdges, shared_edges

M2_PER_HA = 10_000.0
LOWLAND = "lowland"
AFFORESTATION = "afforestation"
#: Units whose new part is smaller than this (m²) are left out (slivers of covered parcels).
MIN_NEW_M2 = 1.0

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class PlanningUnits:
    """The units (see the module docstring); every array has one entry per unit.

    ``source`` is the unit's row in the parcel layer; ``covered`` is, per unit, the union of
    what already counts inside it (None where nothing does), so that :meth:`new_part` can cut
    the new part out for the few units chosen.
    """

    source: NDArray[np.intp]
    geoms: GeometryArray
    covered: GeometryArray
    new_m2: FloatArray
    lowland_m2: FloatArray
    co2e_t: FloatArray
    kind: NDArray[np.object_]
    excluded: BoolArray
    cost: FloatArray
    connectivity: FloatArray
    perimeter_m: FloatArray
    edges: SharedEdges

    def __len__(self) -> int:
        return len(self.source)

    def new_part(self, index: NDArray[np.intp]) -> GeometryArray:
        """The new part (parcel − what already counts) of the units *index*."""
        geoms = self.geoms[index]
        cov = self.covered[index]
        out = geoms.copy()
        has = np.array([c is not None for c in cov], dtype=bool)
        if has.any():
            out[has] = polygonal(shapely.difference(geoms[has], cov[has]))
        return out


def planning_units(
    parcels: GeometryArray,
    layers: AnalysisLayers,
    table: FactorTable,
    *,
    counted: GeometryArray | None = None,
    cost: Sequence[float] | FloatArray | None = None,
    locked_out: BoolArray | None = None,
    decay_per_m: float = 0.0,
) -> PlanningUnits:
    """The planning units of *parcels* (polygons, EPSG:25832) against *layers*.

    Parameters
    ----------
    counted
        More polygons that already count toward the target (the plan's counting candidates);
        the protected polygons of *layers* always do.
    cost
        One value per parcel (NaN: the parcel cannot be costed and is excluded); None: the
        farmland taken in ha.
    locked_out
        One flag per parcel: the planner's "never here".
    decay_per_m
        The connectivity kernel's decay k (p = exp(−k d)).
    """
    parcels = np.asarray(parcels, dtype=object)
    inside = _inside(parcels, layers.municipality)
    extra = np.asarray(counted, dtype=object) if counted is not None else np.empty(0, object)
    covering = np.concatenate([np.asarray(layers.protected, dtype=object), extra])
    covered = _covered(inside, covering)
    new_m2 = _new_area(inside, covered)
    keep = np.flatnonzero(new_m2 >= MIN_NEW_M2)
    geoms, cov, new_m2 = inside[keep], covered[keep], new_m2[keep]
    lowland_m2, co2e = _lowland(geoms, cov, layers.lowland, table)
    kind = np.where(lowland_m2 >= 0.5 * new_m2, LOWLAND, AFFORESTATION).astype(object)
    excluded = (kind == AFFORESTATION) & _forbids_forest(geoms, layers)
    if locked_out is not None:
        excluded |= np.asarray(locked_out, dtype=bool)[keep]
    costs = _costs(cost, keep, new_m2)
    excluded |= ~np.isfinite(costs)
    return PlanningUnits(
        source=keep.astype(np.intp), geoms=geoms, covered=cov, new_m2=new_m2,
        lowland_m2=lowland_m2, co2e_t=co2e, kind=kind, excluded=excluded,
        cost=np.where(np.isfinite(costs), costs, 0.0),
        connectivity=_connectivity(geoms, layers.protected, new_m2, decay_per_m),
        perimeter_m=np.asarray(shapely.length(shapely.boundary(geoms)), dtype=np.float64),
        edges=shared_edges(geoms),
    )


def _inside(parcels: GeometryArray, municipality: shapely.Geometry) -> GeometryArray:
    """The parcels cut to the municipality (only those that cross its edge are cut)."""
    shapely.prepare(municipality)
    within = shapely.contains_properly(municipality, parcels)
    out = parcels.copy()
    cut = ~within
    if cut.any():
        out[cut] = polygonal(threaded(shapely.intersection, parcels[cut], municipality))
    return out


def _covered(geoms: GeometryArray, covering: GeometryArray) -> GeometryArray:
    """Per geometry, the union of its overlaps with *covering* (None where there are none)."""
    out = np.full(len(geoms), None, dtype=object)
    pairs = intersect_pairs(geoms, covering)
    if len(pairs):
        unions, keys = union_by_group(pairs.geometries, pairs.left)
        out[keys] = unions
    return out


def _new_area(geoms: GeometryArray, covered: GeometryArray) -> FloatArray:
    area = np.asarray(shapely.area(geoms), dtype=np.float64)
    has = np.array([c is not None for c in covered], dtype=bool)
    if has.any():
        area[has] -= shapely.area(covered[has])
    return np.maximum(area, 0.0)


def _lowland(geoms: GeometryArray, covered: GeometryArray, soils: PolygonSet,
             table: FactorTable) -> tuple[FloatArray, FloatArray]:
    """Per unit, the lowland m² of its new part and their reduction (t CO2e/yr)."""
    n = len(geoms)
    if len(soils) == 0 or n == 0:
        return np.zeros(n), np.zeros(n)
    pairs = intersect_pairs(geoms, soils.geoms, soils.tree)
    areas = pairs.areas.copy()
    cov = covered[pairs.left]
    has = np.array([c is not None for c in cov], dtype=bool)
    if has.any():
        areas[has] = shapely.area(shapely.difference(pairs.geometries[has], cov[has]))
    classes, uses = soils.column("carbon_class"), soils.column("land_use")
    factor = np.array([
        table.reduction_t_per_ha(str(c) if c is not None else "unknown", table.use_of(u))
        for c, u in zip(classes, uses, strict=True)], dtype=np.float64)
    lowland = sum_per_group(areas, pairs.left, n)
    co2e = sum_per_group(areas * factor[pairs.right] / M2_PER_HA, pairs.left, n)
    return lowland, co2e


def _forbids_forest(geoms: GeometryArray, layers: AnalysisLayers) -> BoolArray:
    """Units that touch Natura 2000 or an unwanted-forest zone with a positive area."""
    out = np.zeros(len(geoms), dtype=bool)
    for polygons, keep in ((layers.natura2000, None), (layers.forest_zones, "unwanted")):
        if len(polygons) == 0:
            continue
        pairs = intersect_pairs(geoms, polygons.geoms, polygons.tree)
        if keep is not None:
            pairs = pairs.take(polygons.column("zone")[pairs.right] == keep)
        out[pairs.left] = True
    return out


def _costs(cost: Sequence[float] | FloatArray | None, keep: NDArray[np.intp],
           new_m2: FloatArray) -> FloatArray:
    if cost is None:
        return new_m2 / M2_PER_HA
    values = np.asarray(cost, dtype=np.float64)[keep]
    return np.where(values >= 0, values, np.nan)


def _connectivity(geoms: GeometryArray, patches: GeometryArray, new_m2: FloatArray,
                  decay_per_m: float) -> FloatArray:
    """new ha × exp(−k d), d = the distance to the nearest habitat patch."""
    if len(patches) == 0 or len(geoms) == 0:
        return np.zeros(len(geoms))
    tree = shapely.STRtree(np.asarray(patches, dtype=object))
    (left, _), dist = tree.query_nearest(geoms, return_distance=True, all_matches=False)
    d = np.full(len(geoms), np.inf)
    d[left] = dist
    return np.asarray(new_m2 / M2_PER_HA * np.exp(-decay_per_m * d), dtype=np.float64)
