"""Geometry helpers shared by the core, the readers and the sample builder: 2-D, valid,
polygonal."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

GeometryArray = NDArray[np.object_]

#: The geometry types an area may have.
POLYGONAL_TYPES = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)
_COLLECTION = shapely.GeometryType.GEOMETRYCOLLECTION

Bounds = tuple[float, float, float, float]

#: Where coordinates in EPSG:25832 may lie, in its metres (xmin, ymin, xmax, ymax): the CRS's
#: area of use as pyproj gives it (6°E–12°E, 36.53°N–84.01°N) widened by one 6° UTM zone on
#: each side, rounded outwards. Generous on purpose: Danish data keep Bornholm (15°E,
#: x ≈ 890 km) in EPSG:25832, and a plan may reach into Germany or Sweden. A coordinate
#: outside is absurd for a Danish plan (1e300, or degrees read as metres: a wrong CRS);
#: tests/core/test_hostile_geometry.py checks these numbers against pyproj.
WORKING_BOUNDS: Bounds = (-310_000.0, 4_040_000.0, 1_310_000.0, 9_340_000.0)
#: Where a coordinate can lie at all, in metres of any projected CRS: the Earth is about
#: 40,000 km round, so a coordinate beyond 100,000 km is no place (a vertex at 1e300 is
#: finite, and GEOS calls its polygon valid). The check for geometry that was already taken in
#: (a stored candidate), where test plans and other municipalities' plans may lie anywhere.
MEASURABLE_BOUNDS: Bounds = (-1e8, -1e8, 1e8, 1e8)


class CoordinateProblem(StrEnum):
    """Why a geometry's coordinates cannot be measured (the front ends word it)."""

    #: A coordinate is NaN or infinite.
    NON_FINITE = "non_finite"
    #: A coordinate lies outside :data:`WORKING_BOUNDS`.
    OUTSIDE = "outside_area"


def coordinate_problems(
    geoms: GeometryArray, bounds: Bounds | None = WORKING_BOUNDS
) -> NDArray[np.object_]:
    """The coordinate problem of each geometry, vectorised: the one check every path that
    takes geometry from outside (layers, candidate import, fetched services) makes.

    GEOS computes with whatever it is given: a vertex at 1e300 gives an area of 1e302 m²
    (or inf) and a false protected share, a NaN vertex a ``GEOSException`` far from the
    file that held it. Such features are refused before any measurement.

    Parameters
    ----------
    geoms
        Array of shapely geometries (None allowed) in EPSG:25832.
    bounds
        The box the x and y coordinates must lie in (default :data:`WORKING_BOUNDS`);
        None checks only that they are finite. Z is not checked (it is dropped on load).

    Returns
    -------
    numpy.ndarray
        Object array of the same length: a :class:`CoordinateProblem` or None (also None for
        a missing or empty geometry, which other checks report).
    """
    geoms = np.asarray(geoms, dtype=object)
    out = np.full(len(geoms), None, dtype=object)
    if len(geoms) == 0:
        return out
    coords = shapely.get_coordinates(geoms)
    x, y = coords[:, 0], coords[:, 1]
    non_finite = ~(np.isfinite(x) & np.isfinite(y))
    outside = np.zeros(len(coords), dtype=bool)
    if bounds is not None:
        with np.errstate(invalid="ignore"):  # NaN compares False: it is non_finite already
            outside = (x < bounds[0]) | (y < bounds[1]) | (x > bounds[2]) | (y > bounds[3])
        outside &= ~non_finite
    if not (non_finite.any() or outside.any()):  # the usual case: one pass, no index
        return out
    index = shapely.get_coordinates(geoms, return_index=True)[1]
    out[np.unique(index[outside])] = CoordinateProblem.OUTSIDE
    out[np.unique(index[non_finite])] = CoordinateProblem.NON_FINITE
    return out


def quiet_numbers() -> contextlib.AbstractContextManager[Any]:
    """numpy's floating-point warnings off, for reading geometry that may hold NaN or
    1e300: shapely warns "invalid value encountered in from_wkb" on stderr, but such a
    feature is refused by :func:`coordinate_problems`, with its count, not a warning."""
    return np.errstate(invalid="ignore", over="ignore")


def prepared_copy(geom: BaseGeometry) -> BaseGeometry:
    """A prepared copy of *geom* that belongs to the caller alone.

    GEOS builds a prepared geometry's indexes lazily, on its first predicates, without a
    lock: two threads that prepare and query one shared geometry (the municipality, read by
    the dashboard's measurement and the analysis panel at once) crash the process. Each
    function that prepares a geometry it was given therefore prepares a copy (a WKB round
    trip: the same coordinates; well under a millisecond for a municipality) and leaves the
    caller's geometry as it was.

    Parameters
    ----------
    geom
        Any geometry.

    Returns
    -------
    BaseGeometry
        An equal geometry, prepared, shared with no one.
    """
    copy = shapely.from_wkb(shapely.to_wkb(geom, include_srid=True))
    shapely.prepare(copy)
    return copy


def polygonal_parts(geoms: GeometryArray) -> GeometryArray:
    """The polygonal part of each geometry, vectorised (what an overlay or ``make_valid``
    leaves: polygons mixed with stray lines and points).

    Polygons and multipolygons are returned as they are; a geometry collection becomes the
    MultiPolygon of its polygons with an area (also those inside multipolygons in it), or an
    empty Polygon if it has none; points and lines become an empty Polygon; None stays None.

    Parameters
    ----------
    geoms
        Array of shapely geometries (None allowed), any CRS.

    Returns
    -------
    numpy.ndarray
        A new object array of the same length.
    """
    geoms = np.asarray(geoms, dtype=object)
    out = geoms.copy()
    types = shapely.get_type_id(geoms)
    other = (types >= 0) & ~np.isin(types, [int(t) for t in POLYGONAL_TYPES])
    if not other.any():
        return out
    out[other] = shapely.Polygon()
    mixed = np.flatnonzero(types == _COLLECTION)
    if len(mixed) == 0:
        return out
    parts, index = shapely.get_parts(geoms[mixed], return_index=True)
    # A multipolygon inside a collection contributes its polygons.
    parts, sub = shapely.get_parts(parts, return_index=True)
    index = index[sub]
    keep = (shapely.get_type_id(parts) == shapely.GeometryType.POLYGON) & (
        shapely.area(parts) > 0
    )
    if keep.any():
        present = np.unique(index[keep])
        merged = shapely.multipolygons(parts[keep], indices=index[keep])
        bad = ~shapely.is_valid(merged)
        if bad.any():  # touching polygons from different members: dissolve them instead
            for j in np.flatnonzero(bad):
                merged[j] = shapely.union_all(parts[keep][index[keep] == present[j]])
        out[mixed[present]] = merged
    return out


def polygonal_part(geom: BaseGeometry | None) -> BaseGeometry | None:
    """The polygonal part of one geometry with an area, or None if nothing is left.

    Like :func:`polygonal_parts`, but parts without area are dropped and a MultiPolygon of one
    part comes back as that Polygon.
    """
    if geom is None:
        return None
    part = polygonal_parts(np.asarray([geom], dtype=object))[0]
    polys = [p for p in shapely.get_parts(part) if p.area > 0]
    if not polys:
        return None
    if len(polys) == 1:
        return polys[0]
    if len(polys) == len(shapely.get_parts(part)):
        return part
    return shapely.multipolygons(polys)


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
    #: Geometry type ("Point", "LineString" ...) → how many features of it were dropped.
    dropped_types: dict[str, int] = field(default_factory=dict)
    #: Features dropped for a coordinate that is NaN or infinite.
    dropped_non_finite: int = 0
    #: Features dropped for a coordinate outside the bounds (absurd, or a wrong CRS).
    dropped_outside: int = 0


def clean_polygons(
    geoms: GeometryArray, bounds: Bounds | None = WORKING_BOUNDS
) -> CleanResult:
    """Make *geoms* 2-D, valid and polygonal, vectorised.

    Z is dropped; invalid geometries are repaired with ``make_valid`` and only their
    polygonal parts kept (a bow-tie becomes two triangles, a collapsed ring disappears);
    geometry collections keep their polygons; empties, points and lines are dropped, and so
    are geometries with a coordinate that is not finite or lies outside *bounds*
    (:func:`coordinate_problems`: they cannot be measured, nor repaired).

    Parameters
    ----------
    geoms
        Array of shapely geometries (None allowed), EPSG:25832.
    bounds
        Where coordinates may lie (default :data:`WORKING_BOUNDS`); None: anywhere finite.

    Returns
    -------
    CleanResult
    """
    geoms = np.asarray(geoms, dtype=object)
    problems = coordinate_problems(geoms, bounds)
    non_finite = problems == CoordinateProblem.NON_FINITE
    outside = problems == CoordinateProblem.OUTSIDE
    absurd = non_finite | outside
    if absurd.any():  # out of every later step (make_valid on NaN raises)
        geoms = geoms.copy()
        geoms[absurd] = None
    missing = shapely.is_missing(geoms)
    has_z = bool(shapely.has_z(geoms).any())  # False for a missing one
    if has_z:
        geoms = shapely.force_2d(geoms)
    empty = missing | shapely.is_empty(geoms)
    given_types = shapely.get_type_id(geoms)
    invalid = ~empty & ~shapely.is_valid(geoms)
    repaired = int(invalid.sum())
    if repaired:
        geoms = geoms.copy()
        geoms[invalid] = shapely.make_valid(geoms[invalid])
    types = shapely.get_type_id(geoms) if repaired else given_types
    collection = types == _COLLECTION
    if collection.any():
        geoms = geoms.copy()
        geoms[collection] = polygonal_parts(geoms[collection])
        types = shapely.get_type_id(geoms)
    polygonal = np.isin(types, [int(t) for t in POLYGONAL_TYPES])
    # unchanged geometries (the usual case: nothing repaired, no collection) are as empty
    # as they were
    changed = repaired or collection.any()
    nonempty = ~shapely.is_empty(geoms) & ~shapely.is_missing(geoms) if changed else ~empty
    dropped_empty = int(((empty | (polygonal & ~nonempty)) & ~absurd).sum())
    non_polygon = ~empty & ~polygonal
    keep = polygonal & nonempty
    return CleanResult(
        geometries=geoms,
        keep=keep,
        repaired=repaired,
        dropped_empty=dropped_empty,
        dropped_non_polygon=int((non_polygon & ~(empty)).sum()),
        z_dropped=has_z,
        dropped_types=_type_counts(given_types[~keep & ~empty & ~polygonal_id(given_types)]),
        dropped_non_finite=int(non_finite.sum()),
        dropped_outside=int(outside.sum()),
    )


_TYPE_NAMES = {
    0: "Point", 1: "LineString", 2: "LinearRing", 3: "Polygon", 4: "MultiPoint",
    5: "MultiLineString", 6: "MultiPolygon", 7: "GeometryCollection",
}


def polygonal_id(type_ids: NDArray[np.int_]) -> NDArray[np.bool_]:
    """True where a shapely geometry type id is Polygon or MultiPolygon."""
    return np.isin(type_ids, [int(t) for t in POLYGONAL_TYPES])


def _type_counts(type_ids: NDArray[np.int_]) -> dict[str, int]:
    ids, counts = np.unique(type_ids, return_counts=True)
    return {_TYPE_NAMES.get(int(i), str(int(i))): int(c) for i, c in zip(ids, counts, strict=True)}
