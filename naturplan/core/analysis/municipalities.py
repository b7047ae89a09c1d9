"""A plan area of several municipalities (issue 22 item 3, the local tripartite): the
protected share, the gap to 17 % and 20 % and the candidates' new area of each municipality.

The protected area is one union over the whole plan area (a patch across a border is one
patch); it and the candidates' new area are then cut at the borders, so each municipality
gets the part inside it and the parts add up to the whole. Areas in m² (EPSG:25832).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.layers.dataset import MunicipalityPart

#: The gaps every municipality of a plan area is given (the national 20 % and Aalborg's 17 %).
GAP_SHARES: tuple[float, float] = (0.17, 0.20)


@dataclass(frozen=True)
class MunicipalityShare:
    """The numbers of one municipality of a plan area (m², share a fraction)."""

    code: str
    name: str
    area_m2: float
    protected_m2: float
    share: float
    gap_17_m2: float
    gap_20_m2: float
    candidates_new_m2: float


def split_by_municipality(
    parts: Sequence[MunicipalityPart],
    protected: NDArray[np.object_],
    candidates: NDArray[np.object_] | None = None,
    *,
    disjoint: bool = False,
) -> list[MunicipalityShare]:
    """Each municipality's share of the protected area and of the candidates' new area.

    *protected* are polygons whose union is the protected area (overlaps allowed, unless
    *disjoint* says they have none: then no union is needed);
    *candidates* the polygons of the candidates that count (their union less the protected
    area is new). A candidate across a border is split by it.
    """
    geoms = np.asarray([p.geometry for p in parts], dtype=object)
    protected_m2 = _protected_in(np.asarray(protected, dtype=object), geoms, disjoint)
    new_m2 = np.zeros(len(parts))
    if candidates is not None and len(candidates):
        joined = shapely.union_all(np.asarray(candidates, dtype=object))
        new_m2 = _areas_in(shapely.difference(joined, _union_near(protected, joined)), geoms)
    out = []
    for k, part in enumerate(parts):
        area = float(shapely.area(part.geometry))
        got = float(protected_m2[k])
        low, high = (max(s * area - got, 0.0) for s in GAP_SHARES)
        out.append(MunicipalityShare(part.code, part.name, area, got,
                                     got / area if area > 0 else 0.0, low, high,
                                     float(new_m2[k])))
    return out


def _union_near(polygons: NDArray[np.object_], where: shapely.Geometry) -> shapely.Geometry:
    """The union of the *polygons* that touch *where*'s bounding box."""
    polygons = np.asarray(polygons, dtype=object)
    if not len(polygons):
        return shapely.Polygon()
    near = shapely.STRtree(polygons).query(where)
    return shapely.union_all(polygons[near])


def _protected_in(polygons: NDArray[np.object_], parts: NDArray[np.object_],
                  disjoint: bool = False) -> NDArray[np.float64]:
    """The area of the union of *polygons* inside each of *parts*: one local union per part,
    none for *disjoint* polygons (a protected index's pieces), whose areas inside add up:
    pieces inside a part count whole, only those across its border are cut. For the
    country's 99 municipalities this takes seconds and a municipality's memory, where one
    union of the whole country took four minutes and half a gigabyte (issue 24 §2)."""
    out = np.zeros(len(parts), dtype=np.float64)
    if not len(polygons):
        return out
    tree = shapely.STRtree(polygons)
    for k, part in enumerate(parts):
        near = polygons[tree.query(part, predicate="intersects")]
        if not len(near):
            continue
        if not disjoint:
            out[k] = shapely.area(shapely.intersection(shapely.union_all(near), part))
            continue
        shapely.prepare(part)
        inside = shapely.contains(part, near)
        out[k] = float(shapely.area(near[inside]).sum()) + float(
            shapely.area(shapely.intersection(near[~inside], part)).sum())
    return out


def _areas_in(geometry: shapely.Geometry, parts: NDArray[np.object_]) -> NDArray[np.float64]:
    """The area of *geometry* inside each of *parts* (one vectorised intersection)."""
    return np.asarray(shapely.area(shapely.intersection(geometry, parts)), dtype=np.float64)
