"""Parcels against a theme layer: which feature overlaps which parcel, by how much, and
which overlaps are only slivers.

One computation serves the status card (one parcel) and the batch (every parcel), so the
two always agree: an STRtree bulk query of the parcels against the layer's pieces (big
polygons cut into 1 km pieces once, :func:`~naturplan.core.geometry_kernels.grid_cut`),
one vectorised intersection, the pieces of one feature in one parcel unioned again, and the
result classified as overlap or sliver.

**Slivers.** The cadastre's boundaries are accurate to about a metre in the country (worse
in old surveys), and the nature layers are digitised at a coarser scale. An overlap that is
smaller than :attr:`SliverRule.min_area_m2`, or nowhere wider than
:attr:`SliverRule.min_width_m` (a strip along the boundary: it vanishes when shrunk by half
that width), is reported as a sliver, not as protection. The test for "nowhere wider" is
``buffer(overlap, -width/2)`` is empty; it only runs where ``2·area/perimeter ≤ width``,
because area ≤ perimeter × inradius for any polygon, so a wider shape cannot vanish.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.analysis.overlay import intersect_pairs
from naturplan.core.geometry import GeometryArray
from naturplan.core.geometry_kernels import grid_cut, union_by_group
from naturplan.core.parcels.themes import ThemeLayer

#: Edge of the squares big polygons are cut into (m).
PIECE_M = 1000.0


@dataclass(frozen=True)
class SliverRule:
    """When an overlap is too small or too thin to be more than the cadastre's inaccuracy.

    Attributes
    ----------
    min_area_m2
        Overlaps smaller than this (m²) are slivers.
    min_width_m
        Overlaps nowhere wider than this (m) are slivers (a strip along the boundary).
    """

    min_area_m2: float = 5.0
    min_width_m: float = 1.0


def sliver_mask(geoms: GeometryArray, areas: NDArray[np.float64], rule: SliverRule
                ) -> NDArray[np.bool_]:
    """True for the overlaps that *rule* calls slivers (see the module notes)."""
    geoms = np.asarray(geoms, dtype=object)
    small = areas < rule.min_area_m2
    if rule.min_width_m <= 0 or len(geoms) == 0:
        return small
    perimeter = shapely.length(geoms)
    maybe = ~small & (2.0 * areas <= rule.min_width_m * perimeter)
    thin = np.zeros(len(geoms), dtype=bool)
    if maybe.any():
        shrunk = shapely.buffer(geoms[maybe], -rule.min_width_m / 2.0, quad_segs=2)
        thin[maybe] = shapely.is_empty(shrunk) | (shapely.area(shrunk) <= 0)
    out: NDArray[np.bool_] = small | thin
    return out


class PreparedTheme:
    """A theme layer ready for many queries: big polygons cut, an STRtree over the pieces.

    Built once per loaded layer and kept while the layer lives; every card and the batch
    query it. *extent* (the parcels' bounds) leaves out what lies elsewhere, so a national
    layer costs only its part near the parcels.
    """

    def __init__(self, layer: ThemeLayer,
                 extent: tuple[float, float, float, float] | None = None) -> None:
        self.layer = layer
        self.pieces, self.owner = grid_cut(layer.geometries, PIECE_M, extent=extent)
        shapely.prepare(self.pieces)
        self.tree = shapely.STRtree(self.pieces)


@dataclass(frozen=True)
class FeatureOverlaps:
    """Overlaps of parcels with the features of one theme layer, one row per (parcel,
    feature) pair with a positive area.

    Attributes
    ----------
    parcel
        Position in the parcel array that was queried.
    feature
        Position of the feature in the theme layer.
    geometries
        The overlap ``parcel ∩ feature``.
    areas
        Its area in m².
    sliver
        True where the overlap is a sliver.
    """

    parcel: NDArray[np.intp]
    feature: NDArray[np.intp]
    geometries: GeometryArray
    areas: NDArray[np.float64]
    sliver: NDArray[np.bool_]

    def __len__(self) -> int:
        return len(self.parcel)

    def take(self, mask: NDArray[np.bool_]) -> FeatureOverlaps:
        return FeatureOverlaps(self.parcel[mask], self.feature[mask], self.geometries[mask],
                               self.areas[mask], self.sliver[mask])


def feature_overlaps(parcels: GeometryArray, prepared: PreparedTheme, rule: SliverRule
                     ) -> FeatureOverlaps:
    """Every (parcel, feature) overlap of *parcels* with *prepared*'s layer, vectorised."""
    parcels = np.asarray(parcels, dtype=object)
    pairs = intersect_pairs(parcels, prepared.pieces, prepared.tree)
    n_features = max(len(prepared.layer), 1)
    feature = prepared.owner[pairs.right]
    key = pairs.left.astype(np.int64) * n_features + feature
    geoms, keys = union_by_group(pairs.geometries, key)
    areas = shapely.area(geoms) if len(geoms) else np.empty(0)
    parcel = (keys // n_features).astype(np.intp)
    feat = (keys % n_features).astype(np.intp)
    return FeatureOverlaps(parcel, feat, geoms, areas, sliver_mask(geoms, areas, rule))


def union_area_per(overlaps: FeatureOverlaps, groups: NDArray[np.int64]
                   ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
    """Area of the union of the overlaps that share a group key (a parcel, or a parcel
    and a class): overlapping features are counted once.

    Returns
    -------
    keys, areas
        Sorted distinct group keys and their union areas (m²).
    """
    if len(overlaps) == 0:
        return np.empty(0, np.int64), np.empty(0)
    order = np.argsort(groups, kind="stable")
    sorted_groups = groups[order]
    keys, starts, counts = np.unique(sorted_groups, return_index=True, return_counts=True)
    areas = overlaps.areas[order][starts].astype(float)
    multi = counts > 1
    if multi.any():
        in_multi = np.isin(groups, keys[multi])
        unions, union_keys = union_by_group(overlaps.geometries[in_multi], groups[in_multi])
        areas[np.searchsorted(keys, union_keys)] = shapely.area(unions)
    return keys.astype(np.int64), areas
