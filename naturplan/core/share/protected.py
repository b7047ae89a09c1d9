"""The protected share: area(union(protected layers) ∩ municipality) / area(municipality).

A union, never a sum: §3 polygons overlap each other, Natura 2000 and candidates, and nothing
is counted twice. The polygons are cut to the municipality first, then unioned only where
they overlap (:mod:`naturplan.core.share.overlap`: connected groups of intersecting polygons,
on several threads by the core's one rule, :mod:`naturplan.core.geometry_kernels`). The
result is kept as a :class:`ProtectedIndex`, which the ledger and the parcel tables query
with an STRtree; its few very large pieces are cut into tiles there, so that no later
intersection has to walk a polygon with tens of thousands of vertices (the overlay trap,
DESIGN.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.geometry import GeometryArray, prepared_copy
from naturplan.core.geometry_kernels import grid_cut, pool_for, threaded
from naturplan.core.share.overlap import dissolve, dissolve_by
from naturplan.core.share.targets import DEFAULT_TARGETS, Target, TargetGap, gap_to
from naturplan.core.share.tiles import DEFAULT_TILE_M, TileGrid

#: Index pieces with more vertices than this are cut into tiles (see :class:`ProtectedIndex`).
MAX_PIECE_VERTICES = 2000

#: The §3 type of polygons without one.
UNKNOWN_TYPE = "unknown"


@dataclass(frozen=True)
class ProtectedSource:
    """Polygons of one layer that counts as protected, with an optional type per polygon.

    Attributes
    ----------
    role
        The role the layer plays (``"nature_p3"``).
    geometries
        Clean polygons in EPSG:25832.
    types
        The §3 type of each polygon, or None.
    name
        The layer's label (``file.gpkg:layer``), used to say which layer a number came from.
    """

    role: str
    geometries: GeometryArray
    types: NDArray[np.object_] | None = None
    name: str = ""


@dataclass(frozen=True)
class SourceCount:
    """How many polygons of one protected layer lie (partly) inside the municipality.

    ``inside`` counts polygons with a positive area inside; ``features - inside`` lie wholly
    outside (or touch it only along the border).
    """

    role: str
    name: str
    features: int
    inside: int


@dataclass(frozen=True)
class ProtectedShare:
    """The protected share of a municipality and its parts (areas in m², shares 0..1).

    Attributes
    ----------
    municipality_area_m2
        Planar area of the municipality in EPSG:25832.
    roles
        The roles that count as protected.
    area_m2
        Area of the union of the protected roles inside the municipality.
    by_type
        §3 type → area of the union of that type inside the municipality. Polygons of two
        types that overlap count in both types, so these may add up to more than the total.
    by_role
        Role → area of that role's union inside the municipality.
    targets
        The gap to each target.
    sources
        Per protected layer: its polygons, and how many of them lie inside the municipality.
    """

    municipality_area_m2: float
    roles: tuple[str, ...]
    area_m2: float
    by_type: Mapping[str, float] = field(default_factory=dict)
    by_role: Mapping[str, float] = field(default_factory=dict)
    targets: tuple[TargetGap, ...] = ()
    sources: tuple[SourceCount, ...] = ()

    @property
    def share(self) -> float:
        if self.municipality_area_m2 <= 0:
            return 0.0
        # At most 1: pieces that cover the whole municipality sum to a hair more than it.
        return min(self.area_m2 / self.municipality_area_m2, 1.0)


class ProtectedIndex:
    """The dissolved protected area as disjoint pieces with a spatial index.

    Parameters
    ----------
    pieces
        Disjoint polygons (they may share edges) whose union is the protected area.
    tile_m
        Pieces with more than :data:`MAX_PIECE_VERTICES` vertices are cut into square tiles
        of this edge (metres) before they are indexed; the area does not change.

    The cutting and the STRtree are built on first use (``pieces``, ``tree``,
    ``overlap_areas``, ``difference``), so a caller that needs only the area pays for neither.
    """

    def __init__(self, pieces: GeometryArray, tile_m: float = DEFAULT_TILE_M) -> None:
        self._given = np.asarray(pieces, dtype=object)
        self._tile_m = float(tile_m)
        self._pieces: GeometryArray | None = None
        self._areas: NDArray[np.float64] | None = None
        self._tree: shapely.STRtree | None = None
        self._area = float(shapely.area(self._given).sum()) if len(self._given) else 0.0

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled (from a forked child, :mod:`naturplan.core.forked`) as one WKB array:
        the same coordinates as pickling each polygon, in a third of the time both ways
        (5,157 pieces of the full sample: ~0.05 s less on the suggested plan's path)."""
        return (_index_of_wkb, (shapely.to_wkb(self._given, include_srid=True), self._tile_m))

    @property
    def pieces(self) -> GeometryArray:
        """The indexed pieces (large ones cut into tiles)."""
        if self._pieces is None:
            self._pieces = cut_large(self._given, self._tile_m)
        return self._pieces

    @property
    def areas(self) -> NDArray[np.float64]:
        """Area of each of :attr:`pieces` in m²."""
        if self._areas is None:
            self._areas = shapely.area(self.pieces) if len(self.pieces) else np.empty(0)
        return self._areas

    @property
    def tree(self) -> shapely.STRtree:
        """An STRtree over :attr:`pieces`."""
        if self._tree is None:
            self._tree = shapely.STRtree(self.pieces)
        return self._tree

    @property
    def area_m2(self) -> float:
        return self._area

    def overlap_areas(self, geoms: GeometryArray) -> NDArray[np.float64]:
        """Area in m² of each of *geoms* that lies in the protected area."""
        geoms = np.asarray(geoms, dtype=object)
        out = np.zeros(len(geoms))
        if len(geoms) == 0 or len(self._given) == 0:
            return out
        src, piece = self.tree.query(geoms, predicate="intersects")
        if len(src):
            areas = shapely.area(shapely.intersection(geoms[src], self.pieces[piece]))
            np.add.at(out, src, areas)
        return out

    def difference(self, geom: shapely.Geometry) -> shapely.Geometry:
        """The part of *geom* outside the protected area."""
        if len(self._given) == 0:
            return geom
        near = self.tree.query(geom, predicate="intersects")
        if len(near) == 0:
            return geom
        return shapely.difference(geom, shapely.union_all(self.pieces[near]))


def cut_large(
    pieces: GeometryArray, tile_m: float = DEFAULT_TILE_M, limit: int = MAX_PIECE_VERTICES
) -> GeometryArray:
    """*pieces* with every piece of more than *limit* vertices cut along a square grid
    (:func:`naturplan.core.geometry_kernels.grid_cut`).

    The grid is anchored at multiples of *tile_m*, so neighbouring pieces are cut along the
    same lines. Parts without area are dropped; the total area is unchanged.
    """
    return grid_cut(np.asarray(pieces, dtype=object), tile_m, limit + 1)[0]


def _index_of_wkb(wkb: NDArray[np.object_], tile_m: float) -> ProtectedIndex:
    """A :class:`ProtectedIndex` from its pickled state (:meth:`ProtectedIndex.__reduce__`)."""
    return ProtectedIndex(np.asarray(shapely.from_wkb(wkb), dtype=object), tile_m)


def compute_protected(
    municipality: shapely.Geometry,
    sources: Sequence[ProtectedSource],
    targets: Sequence[Target] = DEFAULT_TARGETS,
    grid: TileGrid | None = None,
    roles: Sequence[str] | None = None,
) -> tuple[ProtectedShare, ProtectedIndex]:
    """Protected share of *municipality* from the union of *sources*.

    Parameters
    ----------
    municipality
        The municipality's (multi)polygon in EPSG:25832.
    sources
        The protected layers' polygons (already clean and in EPSG:25832).
    targets
        Targets to report the gap to.
    grid
        A tile grid over the municipality; only its tile size is used, to cut the index's
        largest pieces.
    roles
        The roles that count (reported even where no layer plays them); by default the
        roles of *sources*.

    Returns
    -------
    share, index
        The numbers, and the dissolved protected area for later queries.
    """
    m_area = float(shapely.area(municipality))
    total_features = sum(len(s.geometries) for s in sources)
    executor = pool_for(total_features)
    try:
        parts = [_measure_source(s, municipality, executor) for s in sources]
        by_role: dict[str, float] = {}
        by_type: dict[str, float] = {}
        for source, (pieces, typed, _) in zip(sources, parts, strict=True):
            by_role[source.role] = by_role.get(source.role, 0.0) + _area(pieces)
            for name, area in typed.items():
                by_type[name] = by_type.get(name, 0.0) + area
        role_pieces = [pieces for pieces, _, _ in parts]
        if len(role_pieces) == 1:
            total = role_pieces[0]
        elif role_pieces:
            total = dissolve(np.concatenate(role_pieces), executor)
        else:
            total = np.empty(0, dtype=object)
    finally:
        if executor is not None:
            executor.shutdown()
    index = ProtectedIndex(total, grid.size if grid is not None else DEFAULT_TILE_M)
    area = index.area_m2
    share = ProtectedShare(
        municipality_area_m2=m_area,
        roles=tuple(roles) if roles is not None else tuple(dict.fromkeys(s.role for s in sources)),
        area_m2=area,
        by_type=dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
        by_role=by_role,
        targets=tuple(gap_to(t, area, m_area) for t in targets),
        sources=tuple(
            SourceCount(s.role, s.name, len(s.geometries), inside)
            for s, (_, _, inside) in zip(sources, parts, strict=True)
        ),
    )
    return share, index


def _measure_source(
    source: ProtectedSource, municipality: shapely.Geometry, executor: Executor | None
) -> tuple[GeometryArray, dict[str, float], int]:
    """(dissolved pieces inside the municipality, area by type, polygons inside)."""
    geoms = np.asarray(source.geometries, dtype=object)
    inside = _clip_each(geoms, municipality, executor)
    keep = ~shapely.is_missing(inside) & ~shapely.is_empty(inside)
    keep[keep] = shapely.area(inside[keep]) > 0
    geoms = inside[keep]
    typed: dict[str, float] = {}
    if source.types is not None:
        names = type_names(np.asarray(source.types, dtype=object)[keep])
        by_type, whole = dissolve_by(geoms, names, executor)
        typed = {name: _area(pieces) for name, pieces in by_type.items()}
        return whole, typed, int(keep.sum())
    return dissolve(geoms, executor), typed, int(keep.sum())


def _clip_each(
    geoms: GeometryArray, clip: shapely.Geometry, executor: Executor | None
) -> GeometryArray:
    """Each of *geoms* cut to *clip*, position for position (empty where outside)."""
    if len(geoms) == 0:
        return geoms
    clip = prepared_copy(clip)  # the municipality is shared with other threads
    out = geoms.copy()
    # Inside, or inside touching the border (the sample's polygons are cut to it): no cut.
    crossing = np.flatnonzero(~shapely.covers(clip, geoms))
    if len(crossing):
        near = crossing[shapely.intersects(clip, geoms[crossing])]
        out[crossing] = shapely.Polygon()
        out[near] = threaded(shapely.intersection, geoms[near], clip, executor=executor)
    return out


def type_names(types: NDArray[np.object_]) -> NDArray[np.object_]:
    """Each §3 type as text; missing or blank types become :data:`UNKNOWN_TYPE`."""
    return np.array([_type_name(t) for t in types], dtype=object)


def _type_name(value: object) -> str:
    if value is None:
        return UNKNOWN_TYPE
    try:
        if value != value:  # NaN
            return UNKNOWN_TYPE
    except TypeError:  # pandas.NA refuses to be a bool
        return UNKNOWN_TYPE
    text = str(value).strip()
    return text or UNKNOWN_TYPE


def _area(pieces: GeometryArray) -> float:
    return float(shapely.area(pieces).sum()) if len(pieces) else 0.0
