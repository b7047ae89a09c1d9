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
- ``sequestration_t``: the afforestation's sequestration (t CO2/yr) on the new part: the
  factor table's default forest rate × new ha where afforestation is allowed (not touching
  Natura 2000 or an unwanted-forest zone), 0 where it is not;
- ``flood_wet_m2``: the flooded m² of the unit (the parcel inside the municipality, the
  flood layer's zones or raster cells with depth > 0), None without a flood layer (never 0
  for "not measured"); with ``area_m2`` it gives the flood share. Measured on demand
  (:meth:`PlanningUnits.flood_wet`) for the few units chosen, not for every unit;
- ``nitrogen_kg``: the N effect (kg N/yr) of the unit's new part over the N-retention layer
  (:mod:`naturplan.core.analysis.nitrogen`), None without the layer; on demand as well;
- ``perimeter_m`` and the shared edges (:mod:`naturplan.core.optimise.edges`) for the
  boundary penalty.

``connectivity`` and ``edges`` are measured on first use (a plan at the least cost without a
boundary penalty needs neither: 0.8 s of the full sample's 3 s, issue 23).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.analysis.factors import FactorTable
from naturplan.core.analysis.flood import exposures
from naturplan.core.analysis.layers import AnalysisLayers, FloodSource, PolygonSet
from naturplan.core.analysis.nitrogen import nitrogen_effect
from naturplan.core.analysis.overlay import Pairs, empty_pairs, intersect_pairs, sum_per_group
from naturplan.core.forked import start
from naturplan.core.geometry import GeometryArray
from naturplan.core.geometry_kernels import polygonal, threaded, union_by_group
from naturplan.core.optimise.edges import SharedEdges, shared_edges
from naturplan.core.optimise.units_grid import grid_edges

M2_PER_HA = 10_000.0
LOWLAND = "lowland"
AFFORESTATION = "afforestation"
#: Units whose new part is smaller than this (m²) are left out (slivers of covered parcels).
MIN_NEW_M2 = 1.0
#: Fewest parcels for which some are measured in a forked child (:func:`_measured`), and
#: of every :data:`FORK_STRIDE` parcels in a row, how many this process keeps (the child
#: takes the others, and pickles its numbers back). The parcels are dealt in turn, not cut
#: in two: the full sample's last 40 % cost 1.7× more per parcel than its first 60 % in one
#: process (more §3 and lowland to overlay: 20.6-21.6 against 12.0-13.2 µs), so the cut at
#: 60 % left this process waiting ~0.1 s for the child (issue 23). Dealt in turn, both
#: halves cost the same per parcel, and together as much as the two cut halves (one
#: process, three runs: 1.63-1.82 s against 1.63-1.80 s).
FORK_MIN_UNITS = 20_000
FORK_STRIDE, FORK_KEEP = 2, 1
#: The patches' outlines are sampled at this spacing for the connectivity proxy (m).
OUTLINE_STEP_M = 25.0

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class LaterInputs:
    """What the units' numbers measured on first use need: which units overlap what
    already counts (*touched*), the habitat *patches*, the kernel's decay and the grid's
    cell size (None for parcels)."""

    touched: BoolArray
    patches: GeometryArray
    decay_per_m: float
    grid_m: float | None


@dataclass(frozen=True)
class PlanningUnits:
    """The units (see the module docstring); every array has one entry per unit.

    ``source`` is the unit's row in the parcel layer; ``pieces`` are the disjoint polygons of
    what already counts, so that :meth:`new_part` can cut the new part out for the few
    units chosen.
    """

    source: NDArray[np.intp]
    geoms: GeometryArray
    pieces: GeometryArray
    new_m2: FloatArray
    lowland_m2: FloatArray
    co2e_t: FloatArray
    kind: NDArray[np.object_]
    excluded: BoolArray
    cost: FloatArray
    perimeter_m: FloatArray
    sequestration_t: FloatArray | None = None
    flood: FloodSource | None = field(default=None, repr=False)
    n_retention: PolygonSet | None = field(default=None, repr=False)
    #: What :attr:`connectivity` and :attr:`edges` are measured from, on first use.
    later: LaterInputs | None = field(default=None, repr=False)

    @cached_property
    def connectivity(self) -> FloatArray:
        """Per unit, the connectivity proxy (see the module docstring)."""
        later = self.later
        if later is None:
            return np.zeros(len(self))
        return _connectivity(self.geoms, later.touched, later.patches, self.new_m2,
                             later.decay_per_m)

    @cached_property
    def edges(self) -> SharedEdges:
        """The units' shared edges (from the grid for grid cells)."""
        later = self.later
        if later is not None and later.grid_m is not None:
            return grid_edges(self.geoms, later.grid_m)
        return shared_edges(self.geoms)

    @property
    def area_m2(self) -> FloatArray:
        """The unit's area (the parcel inside the municipality)."""
        return np.asarray(shapely.area(self.geoms), dtype=np.float64)

    @property
    def flood_wet_m2(self) -> FloatArray | None:
        """The flooded m² of every unit; None without a flood layer."""
        return self.flood_wet(np.arange(len(self), dtype=np.intp))

    def flood_wet(self, index: NDArray[np.intp]) -> FloatArray | None:
        """The flooded m² of the units *index* (zones or raster cells with depth > 0);
        None without a flood layer."""
        found = exposures(self.geoms[np.asarray(index, dtype=np.intp)], self.flood)
        return None if found is None else np.asarray(found.wet_m2, dtype=np.float64)

    def flood_share(self, index: NDArray[np.intp],
                    wet_m2: FloatArray | None = None) -> float | None:
        """The flooded share of the units *index* together; None without a flood layer.
        *wet_m2* (their :meth:`flood_wet`, one per index) saves measuring again."""
        index = np.asarray(index, dtype=np.intp)
        wet = self.flood_wet(index) if wet_m2 is None else wet_m2
        if wet is None:
            return None
        area = float(shapely.area(self.geoms[index]).sum())
        return float(np.sum(wet)) / area if area > 0 else None

    def nitrogen_kg(self, index: NDArray[np.intp],
                    parts: GeometryArray | None = None) -> FloatArray | None:
        """The N effect (kg N/yr) of the new part of each of the units *index*: overlap (ha)
        × the retention layer's rate, summed; None without an N-retention layer. *parts*
        (their :meth:`new_part`, one per index) saves cutting them again."""
        found = self.n_retention
        if found is None:
            return None
        index = np.asarray(index, dtype=np.intp)
        rates = np.asarray([np.nan if r is None else float(r) for r in found.column("rate")])
        keep = np.isfinite(rates)
        if len(index) == 0 or not keep.any():
            return np.zeros(len(index))
        parts = self.new_part(index) if parts is None else parts
        return np.asarray(nitrogen_effect(list(parts), found.geoms[keep],
                                          list(rates[keep])), dtype=np.float64)

    def __len__(self) -> int:
        return len(self.source)

    def new_part(self, index: NDArray[np.intp]) -> GeometryArray:
        """The new part (parcel − what already counts) of the units *index*: only a unit
        that overlaps what already counts (``later.touched``, measured with the new area)
        has a part to cut off; the others are their whole parcel (full sample: 1,212 of the
        3,421 units chosen are not looked up again)."""
        index = np.asarray(index, dtype=np.intp)
        geoms = np.asarray(self.geoms[index], dtype=object)
        out = geoms.copy()
        if len(self.pieces) == 0 or len(geoms) == 0:
            return out
        near = (np.arange(len(index), dtype=np.intp) if self.later is None
                else np.flatnonzero(self.later.touched[index]))
        pairs = intersect_pairs(geoms[near], self.pieces)
        if len(pairs):
            covered, keys = union_by_group(pairs.geometries, pairs.left)
            at = near[keys]
            out[at] = polygonal(shapely.difference(geoms[at], covered))
        return out


def planning_units(
    parcels: GeometryArray,
    layers: AnalysisLayers,
    table: FactorTable,
    *,
    pieces: GeometryArray | None = None,
    counted: GeometryArray | None = None,
    cost: Sequence[float] | FloatArray | None = None,
    locked_out: BoolArray | None = None,
    decay_per_m: float = 0.0,
    grid_m: float | None = None,
) -> PlanningUnits:
    """The planning units of *parcels* (polygons, EPSG:25832) against *layers*.

    Parameters
    ----------
    pieces
        The protected area as disjoint polygons (``ProtectedIndex.pieces``); None: the
        union of ``layers.protected``.
    counted
        More polygons that already count toward the target (the plan's counting candidates).
    cost
        One value per parcel (NaN or negative: the parcel cannot be costed and is
        excluded); None: the farmland taken in ha.
    locked_out
        One flag per parcel: the planner's "never here".
    decay_per_m
        The connectivity kernel's decay k (p = exp(−k d)).
    grid_m
        The cell size when *parcels* are grid cells
        (:func:`naturplan.core.optimise.units_grid.grid_cells`): their shared edges come
        from the grid, not from matching vertices (a cell cut by the municipality's edge
        has none in common with its neighbour).
    """
    parcels = np.asarray(parcels, dtype=object)
    covering = _disjoint_cover(layers.protected, pieces, counted)
    inside, m = _measured(parcels, covering, layers, table)
    keep, new_m2, touched = m.keep, m.new_m2, m.touched
    geoms, lowland_m2, co2e, no_forest = inside[keep], m.lowland_m2, m.co2e_t, m.no_forest
    kind = np.where(lowland_m2 >= 0.5 * new_m2, LOWLAND, AFFORESTATION).astype(object)
    excluded = no_forest & (kind == AFFORESTATION)
    if locked_out is not None:
        excluded |= np.asarray(locked_out, dtype=bool)[keep]
    costs = _costs(cost, keep, new_m2)
    excluded |= ~np.isfinite(costs)
    return PlanningUnits(
        source=keep.astype(np.intp), geoms=geoms, pieces=covering, new_m2=new_m2,
        lowland_m2=lowland_m2, co2e_t=co2e, kind=kind, excluded=excluded,
        cost=np.where(np.isfinite(costs), costs, 0.0),
        perimeter_m=np.asarray(shapely.length(geoms), dtype=np.float64),
        sequestration_t=_sequestration(new_m2, ~no_forest, table),
        flood=layers.flood, n_retention=layers.n_retention,
        later=LaterInputs(touched, layers.protected, decay_per_m, grid_m),
    )


@dataclass(frozen=True)
class _Measured:
    """The units' numbers that need the overlays, for the parcels at ``keep`` (their
    position among the parcels measured) whose new part is at least :data:`MIN_NEW_M2`;
    and the parcels at ``cut`` cut to the municipality (``cut_geoms``)."""

    keep: NDArray[np.intp]
    new_m2: FloatArray
    touched: BoolArray
    lowland_m2: FloatArray
    co2e_t: FloatArray
    no_forest: BoolArray
    cut: NDArray[np.intp]
    cut_geoms: GeometryArray

    def inside(self, parcels: GeometryArray, at: NDArray[np.intp] | None = None,
               into: GeometryArray | None = None) -> GeometryArray:
        """*parcels* cut to the municipality (*into*, filled at positions *at*)."""
        out = parcels.copy() if into is None else into
        out[self.cut if at is None else at[self.cut]] = self.cut_geoms
        return out


def _measured(parcels: GeometryArray, covering: GeometryArray, layers: AnalysisLayers,
              table: FactorTable) -> tuple[GeometryArray, _Measured]:
    """The *parcels* cut to the municipality and :func:`_measure` of them; from
    :data:`FORK_MIN_UNITS` on, of every :data:`FORK_STRIDE` parcels in a row the last ones
    after :data:`FORK_KEEP` are cut and measured in a forked child (:mod:`naturplan.core.forked`)
    while this process does the others. Each parcel's cut and numbers come from its own
    overlays, summed in the same order either way, so the two parts give the very numbers
    (bit for bit) that one call gives, put back in order."""
    n = len(parcels)
    if n < max(FORK_MIN_UNITS, 2):
        one = _measure(parcels, covering, layers, table)
        return one.inside(parcels), one
    here = np.arange(n, dtype=np.intp) % FORK_STRIDE < FORK_KEEP
    at_mine, at_theirs = np.flatnonzero(here), np.flatnonzero(~here)
    shapely.prepare(layers.municipality)  # once, before the fork: the child inherits it
    theirs = start(_measure, parcels[at_theirs], covering, layers, table)
    if not theirs.forked:
        one = _measure(parcels, covering, layers, table)
        return one.inside(parcels), one
    mine = _measure(parcels[at_mine], covering, layers, table)
    other = theirs.result()
    inside = other.inside(parcels, at_theirs, mine.inside(parcels, at_mine))
    keep = np.concatenate([at_mine[mine.keep], at_theirs[other.keep]])
    order = np.argsort(keep, kind="stable")

    def joined(name: str) -> NDArray[Any]:
        return np.concatenate([getattr(mine, name), getattr(other, name)])[order]

    return inside, _Measured(
        keep[order].astype(np.intp), joined("new_m2"), joined("touched"),
        joined("lowland_m2"), joined("co2e_t"), joined("no_forest"),
        np.concatenate([at_mine[mine.cut], at_theirs[other.cut]]).astype(np.intp),
        np.concatenate([mine.cut_geoms, other.cut_geoms]).astype(object))


def _measure(parcels: GeometryArray, covering: GeometryArray, layers: AnalysisLayers,
             table: FactorTable) -> _Measured:
    """The *parcels* cut to the municipality, and the new area, lowland, CO2e and forest
    exclusion of them."""
    inside, cut = _inside(parcels, layers.municipality)
    tree = shapely.STRtree(inside)  # one tree for the covered area and the forest zones
    covered_m2 = _covered_area(inside, covering, tree)
    new_m2 = np.maximum(np.asarray(shapely.area(inside), dtype=np.float64) - covered_m2, 0.0)
    keep = np.flatnonzero(new_m2 >= MIN_NEW_M2).astype(np.intp)
    geoms, touched = inside[keep], covered_m2[keep] > 0
    lowland_m2, co2e = _lowland(geoms, covering, touched, layers.lowland, table)
    return _Measured(keep, new_m2[keep], touched, lowland_m2, co2e,
                     _forbids_forest(inside, layers, tree, keep)[keep], cut, inside[cut])


def _sequestration(new_m2: FloatArray, allowed: BoolArray, table: FactorTable) -> FloatArray:
    """The default forest rate × new ha where afforestation is allowed, else 0."""
    rate = table.afforestation.rate()
    return np.where(allowed, rate * new_m2 / M2_PER_HA, 0.0).astype(np.float64)


def _inside(parcels: GeometryArray,
            municipality: shapely.Geometry) -> tuple[GeometryArray, NDArray[np.intp]]:
    """The parcels cut to the municipality, and the positions of those cut (the ones that
    cross its edge; the others are kept as they are)."""
    shapely.prepare(municipality)
    cut = np.flatnonzero(~shapely.contains_properly(municipality, parcels)).astype(np.intp)
    out = parcels.copy()
    if len(cut):
        out[cut] = polygonal(threaded(shapely.intersection, parcels[cut], municipality))
    return out, cut


def _disjoint_cover(protected: GeometryArray, pieces: GeometryArray | None,
                    counted: GeometryArray | None) -> GeometryArray:
    """Disjoint polygons whose union is the protected area and the counted candidates."""
    if pieces is None:
        merged = shapely.union_all(np.asarray(protected, dtype=object))
        found = shapely.get_parts(merged) if not shapely.is_empty(merged) else np.empty(0)
    else:
        found = pieces
    pieces = np.asarray(found, dtype=object)
    if counted is None or len(counted) == 0:
        return pieces
    extra = shapely.union_all(np.asarray(counted, dtype=object))
    if len(pieces):
        near = shapely.STRtree(pieces).query(extra, predicate="intersects")
        if len(near):
            extra = shapely.difference(extra, shapely.union_all(pieces[near]))
    parts = polygonal(shapely.get_parts(extra))
    parts = parts[shapely.area(parts) > 0]
    return np.concatenate([pieces, parts]).astype(object)


def _covered_area(geoms: GeometryArray, pieces: GeometryArray,
                  tree: shapely.STRtree | None = None) -> FloatArray:
    """Per geometry, its area inside the disjoint *pieces* (*tree*: an STRtree of *geoms*)."""
    pairs = _overlaps(geoms, pieces, tree)
    return sum_per_group(pairs.areas, pairs.left, len(geoms))


def _overlaps(geoms: GeometryArray, polygons: GeometryArray,
              tree: shapely.STRtree | None = None) -> Pairs:
    """Every pair of a unit (*geoms*, ``left``) and one of *polygons* (``right``) that
    overlaps with a positive area, as :func:`~naturplan.core.analysis.overlay.intersect_pairs`
    gives it, found the other way round: the polygons (a few, large, prepared once, before
    the tree's query uses them) query a tree of the many small units (*tree*, if one is
    given), and a unit inside a polygon is its own intersection."""
    geoms = np.asarray(geoms, dtype=object)
    polygons = np.asarray(polygons, dtype=object)
    if len(geoms) == 0 or len(polygons) == 0:
        return empty_pairs()
    shapely.prepare(polygons)
    tree = tree if tree is not None else shapely.STRtree(geoms)
    poly, unit = tree.query(polygons, predicate="intersects")
    inside = shapely.contains_properly(polygons[poly], geoms[unit])
    out = geoms[unit].copy()
    cut = ~inside
    if cut.any():
        out[cut] = polygonal(threaded(shapely.intersection, geoms[unit[cut]],
                                      polygons[poly[cut]]))
    areas = np.asarray(shapely.area(out), dtype=np.float64)
    keep = areas > 0
    return Pairs(unit[keep].astype(np.intp), poly[keep].astype(np.intp), out[keep], areas[keep])


def _lowland(geoms: GeometryArray, pieces: GeometryArray, touched: BoolArray,
             soils: PolygonSet, table: FactorTable) -> tuple[FloatArray, FloatArray]:
    """Per unit, the lowland m² of its new part and their reduction (t CO2e/yr); only the
    units *touched* by what already counts have a part to take off."""
    n = len(geoms)
    if len(soils) == 0 or n == 0:
        return np.zeros(n), np.zeros(n)
    pairs = _overlaps(geoms, soils.geoms)
    areas = pairs.areas.copy()
    cut = np.flatnonzero(touched[pairs.left])
    if len(pieces) and len(cut):
        inner = _overlaps(pairs.geometries[cut], pieces)
        areas[cut] -= sum_per_group(inner.areas, inner.left, len(cut))
    classes, uses = soils.column("carbon_class"), soils.column("land_use")
    factor = np.array([
        table.reduction_t_per_ha(str(c) if c is not None else "unknown", table.use_of(u))
        for c, u in zip(classes, uses, strict=True)], dtype=np.float64)
    lowland = sum_per_group(areas, pairs.left, n)
    co2e = sum_per_group(areas * factor[pairs.right] / M2_PER_HA, pairs.left, n)
    return lowland, co2e


def _forbids_forest(geoms: GeometryArray, layers: AnalysisLayers,
                    tree: shapely.STRtree | None = None,
                    only: NDArray[np.intp] | None = None) -> BoolArray:
    """Units whose interior meets Natura 2000 or an unwanted-forest zone (where new forest
    is not allowed), of the units at *only* (None: all; the others are False). The zones
    are looked up in a tree of the units (*tree*, if one is given; a few large zones
    prepared once each, not every unit tested against the zones' tree); a unit inside a
    zone (the prepared zone's test) needs no test of touching."""
    out = np.zeros(len(geoms), dtype=bool)
    if len(geoms) == 0:
        return out
    closed = np.zeros(len(geoms), dtype=bool)  # known, or not asked: no more tests
    if only is not None:
        closed[:] = True
        closed[only] = False
    for polygons, keep in ((layers.natura2000, None), (layers.forest_zones, "unwanted")):
        zones = polygons.geoms
        if keep is not None and len(zones):
            zones = zones[polygons.column("zone") == keep]
        if len(zones) == 0:
            continue
        pieces = np.asarray(zones, dtype=object)
        shapely.prepare(pieces)
        tree = tree if tree is not None else shapely.STRtree(geoms)
        piece, unit = tree.query(pieces, predicate="intersects")
        open_ = ~closed[unit]
        piece, unit = piece[open_], unit[open_]
        inner = shapely.contains_properly(pieces[piece], geoms[unit])
        rest = np.flatnonzero(~inner)
        inner[rest] = ~shapely.touches(geoms[unit[rest]], pieces[piece[rest]])
        out[unit[inner]] = True
        closed[unit[inner]] = True
    return out


def _costs(cost: Sequence[float] | FloatArray | None, keep: NDArray[np.intp],
           new_m2: FloatArray) -> FloatArray:
    if cost is None:
        return new_m2 / M2_PER_HA
    values = np.asarray(cost, dtype=np.float64)[keep]
    return np.where(values >= 0, values, np.nan)


def _connectivity(geoms: GeometryArray, touching: BoolArray, patches: GeometryArray,
                  new_m2: FloatArray, decay_per_m: float) -> FloatArray:
    """new ha × exp(−k d), d = the distance to the nearest habitat patch: 0 for a unit that
    overlaps one, else from its centroid to the patches' outlines (sampled every
    :data:`OUTLINE_STEP_M`) less the radius of a circle of the unit's area, at least 0."""
    n = len(geoms)
    if len(patches) == 0 or n == 0:
        return np.zeros(n)
    from scipy.spatial import cKDTree

    outline = shapely.segmentize(shapely.boundary(np.asarray(patches, dtype=object)),
                                 OUTLINE_STEP_M)
    tree = cKDTree(shapely.get_coordinates(outline))
    far = np.log(1e6) / decay_per_m if decay_per_m > 0 else np.inf
    d, _ = tree.query(shapely.get_coordinates(shapely.centroid(geoms)),
                      distance_upper_bound=far)
    radius = np.sqrt(np.asarray(shapely.area(geoms), dtype=np.float64) / np.pi)
    d = np.where(touching, 0.0, np.maximum(d - radius, 0.0))
    return np.asarray(new_m2 / M2_PER_HA * np.exp(-decay_per_m * d), dtype=np.float64)
