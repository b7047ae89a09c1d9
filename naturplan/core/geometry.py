"""Geometry clean-up shared by every reader: 2-D, valid, polygonal."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray

GeometryArray = NDArray[np.object_]

_POLYGONAL = {shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON}


@dataclass(frozen=True)
class CleanResult:
    """Polygonal geometries after clean-up and what was done to get them.

    ``keep`` is a boolean mask over the input: False for features that were dropped.
    """

    geometries: GeometryArray
    keep: NDArray[np.bool_]
    repaired: int
    dropped_empty: int
    dropped_non_polygon: int
    z_dropped: bool


def clean_polygons(geoms: GeometryArray) -> CleanResult:
    """Make *geoms* 2-D, valid and polygonal, vectorised.

    Z is dropped; invalid geometries are repaired with ``make_valid`` and only their
    polygonal parts kept (a bow-tie becomes two triangles, a collapsed ring disappears);
    geometry collections keep their polygons; empties, points and lines are dropped.

    Parameters
    ----------
    geoms
        Array of shapely geometries (None allowed).

    Returns
    -------
    CleanResult
    """
    geoms = np.asarray(geoms, dtype=object)
    missing = shapely.is_missing(geoms)
    has_z = bool(np.any(shapely.has_z(geoms[~missing]))) if (~missing).any() else False
    if has_z:
        geoms = shapely.force_2d(geoms)
    empty = missing | shapely.is_empty(geoms)
    invalid = ~empty & ~shapely.is_valid(geoms)
    repaired = int(invalid.sum())
    if repaired:
        geoms = geoms.copy()
        geoms[invalid] = shapely.make_valid(geoms[invalid])
    types = shapely.get_type_id(geoms)
    collection = types == shapely.GeometryType.GEOMETRYCOLLECTION
    if collection.any():
        geoms = geoms.copy()
        geoms[collection] = [_polygonal_part(g) for g in geoms[collection]]
        types = shapely.get_type_id(geoms)
    polygonal = np.isin(types, [int(t) for t in _POLYGONAL])
    nonempty = ~shapely.is_empty(geoms) & ~shapely.is_missing(geoms)
    dropped_empty = int((empty | (polygonal & ~nonempty)).sum())
    non_polygon = ~empty & ~polygonal
    keep = polygonal & nonempty
    return CleanResult(
        geometries=geoms,
        keep=keep,
        repaired=repaired,
        dropped_empty=dropped_empty,
        dropped_non_polygon=int((non_polygon & ~(empty)).sum()),
        z_dropped=has_z,
    )


def _polygonal_part(geom: shapely.Geometry) -> shapely.Geometry:
    parts = shapely.get_parts(geom)
    polys = [p for p in parts if shapely.get_type_id(p) in (3, 6)]
    if not polys:
        return shapely.Polygon()
    return shapely.union_all(polys)
