"""The protected share: area(union(protected layers) ∩ municipality) / area(municipality).

A union, never a sum: §3 polygons overlap each other, Natura 2000 and candidates, and nothing
is counted twice. The union is dissolved tile by tile (:mod:`naturplan.core.share.tiles`) and kept
as a :class:`ProtectedIndex`, which the ledger and the parcel tables query with an STRtree.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.geometry import GeometryArray
from naturplan.core.share.targets import DEFAULT_TARGETS, Target, TargetGap, gap_to
from naturplan.core.share.tiles import TileGrid, union_by_group


@dataclass(frozen=True)
class ProtectedSource:
    """Polygons of one role that count as protected, with an optional type per polygon."""

    role: str
    geometries: GeometryArray
    types: NDArray[np.object_] | None = None


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
    """

    municipality_area_m2: float
    roles: tuple[str, ...]
    area_m2: float
    by_type: Mapping[str, float] = field(default_factory=dict)
    by_role: Mapping[str, float] = field(default_factory=dict)
    targets: tuple[TargetGap, ...] = ()

    @property
    def share(self) -> float:
        if self.municipality_area_m2 <= 0:
            return 0.0
        return self.area_m2 / self.municipality_area_m2


class ProtectedIndex:
    """The dissolved protected area as disjoint pieces with a spatial index.

    Parameters
    ----------
    pieces
        Disjoint polygons (they may share edges) whose union is the protected area.
    """

    def __init__(self, pieces: GeometryArray) -> None:
        self.pieces = np.asarray(pieces, dtype=object)
        self.areas = shapely.area(self.pieces) if len(self.pieces) else np.empty(0)
        self.tree = shapely.STRtree(self.pieces)

    @property
    def area_m2(self) -> float:
        return float(self.areas.sum())

    def overlap_areas(self, geoms: GeometryArray) -> NDArray[np.float64]:
        """Area in m² of each of *geoms* that lies in the protected area."""
        geoms = np.asarray(geoms, dtype=object)
        out = np.zeros(len(geoms))
        if len(geoms) == 0 or len(self.pieces) == 0:
            return out
        src, piece = self.tree.query(geoms, predicate="intersects")
        if len(src):
            areas = shapely.area(shapely.intersection(geoms[src], self.pieces[piece]))
            np.add.at(out, src, areas)
        return out

    def difference(self, geom: shapely.Geometry) -> shapely.Geometry:
        """The part of *geom* outside the protected area."""
        near = self.tree.query(geom, predicate="intersects")
        if len(near) == 0:
            return geom
        return shapely.difference(geom, shapely.union_all(self.pieces[near]))


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
        The protected roles' polygons (already clean and in EPSG:25832).
    targets
        Targets to report the gap to.
    grid
        A tile grid over the municipality, to reuse one across calls.
    roles
        The roles that count (reported even where no layer plays them); by default the
        roles of *sources*.

    Returns
    -------
    share, index
        The numbers, and the dissolved protected area for later queries.
    """
    grid = grid or TileGrid(municipality)
    m_area = float(shapely.area(municipality))
    role_pieces: list[GeometryArray] = []
    role_tiles: list[NDArray[np.intp]] = []
    by_role: dict[str, float] = {}
    by_type: dict[str, float] = {}
    for source in sources:
        pieces, src, tiles = grid.cut(source.geometries)
        if source.types is not None:
            # Union each type per tile, then the role from those few merged pieces: far
            # fewer geometries per tile than a second union of the raw pieces.
            types = np.asarray(source.types, dtype=object)[src]
            typed = _union_by_type(pieces, tiles, types)
            for name, (merged_t, _) in typed.items():
                by_type[name] = by_type.get(name, 0.0) + float(shapely.area(merged_t).sum())
            pieces = np.concatenate([m for m, _ in typed.values()] or [pieces[:0]])
            tiles = np.concatenate([t for _, t in typed.values()] or [tiles[:0]])
        merged, merged_tiles = union_by_group(pieces, tiles)
        by_role[source.role] = by_role.get(source.role, 0.0) + float(shapely.area(merged).sum())
        role_pieces.append(merged)
        role_tiles.append(merged_tiles)
    if len(role_pieces) == 1:
        total = role_pieces[0]
    elif role_pieces:
        total, _ = union_by_group(np.concatenate(role_pieces), np.concatenate(role_tiles))
    else:
        total = np.empty(0, dtype=object)
    index = ProtectedIndex(total)
    area = index.area_m2
    share = ProtectedShare(
        municipality_area_m2=m_area,
        roles=tuple(roles) if roles is not None else tuple(dict.fromkeys(s.role for s in sources)),
        area_m2=area,
        by_type=dict(sorted(by_type.items(), key=lambda kv: -kv[1])),
        by_role=by_role,
        targets=tuple(gap_to(t, area, m_area) for t in targets),
    )
    return share, index


def _union_by_type(
    pieces: GeometryArray, tiles: NDArray[np.intp], types: NDArray[np.object_]
) -> dict[str, tuple[GeometryArray, NDArray[np.intp]]]:
    names = np.array([str(t) if t is not None and t == t else "unknown" for t in types], object)
    out: dict[str, tuple[GeometryArray, NDArray[np.intp]]] = {}
    for name in sorted(set(names)):
        mask = names == name
        out[name] = union_by_group(pieces[mask], tiles[mask])
    return out
