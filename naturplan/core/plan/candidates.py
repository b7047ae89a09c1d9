"""Candidate areas: what a planner proposes, and the pure geometry edits on them.

A :class:`Candidate` is an immutable value (DESIGN.md, role ``candidates``). Every edit makes a
new one; :mod:`naturplan.core.plan.plan` writes it to the project store. The geometry functions here
are pure (geometry in, geometry out, EPSG:25832, metres) so that an undo command can compute an
edit, and a test can check it, without a store or a display.

Nothing changes a geometry silently: an edit that would leave an invalid, empty or
non-polygonal geometry is refused with :class:`GeometryEditError`, never repaired behind the
user's back.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

# The errors of candidate edits live in core/errors.py; re-exported here for the callers.
from naturplan.core.errors import (
    CandidateError,
    CandidateNotFoundError,
    GeometryEditError,
    InvalidGeometryError,
)
from naturplan.core.geometry import (
    POLYGONAL_TYPES,
    Bounds,
    CoordinateProblem,
    coordinate_problems,
    polygonal_part,
)

__all__ = [
    "DEFAULT_COUNTS_TOWARD_TARGET", "EDITABLE_FIELDS", "Candidate", "CandidateError",
    "CandidateKind", "CandidateNotFoundError", "CandidateStatus", "ClipResult",
    "GeometryCheck", "GeometryEditError", "GeometryProblem", "InvalidGeometryError",
    "VertexRef", "clip_against", "delete_vertex", "insert_vertex", "merge_geometries",
    "move_vertex", "require_valid", "split_geometry", "translate", "utc_now",
    "validate_geometries", "validate_geometry", "vertices",
]


class CandidateKind(StrEnum):
    """What a candidate area is for (Danish labels live in the GUI)."""

    LOWLAND = "lowland"
    AFFORESTATION = "afforestation"
    CONNECTIVITY = "connectivity"
    #: Genopretning (issue 25): lifts the condition of existing §3 nature (the firefighter's
    #: middle step, protect → restore → create); it adds no new protected area, its lifts
    #: are the project's ``restoration`` record (:mod:`naturplan.io.restoration`).
    RESTORE = "restore"


class CandidateStatus(StrEnum):
    """Where a candidate stands: idé / forslag / vedtaget / afvist."""

    IDEA = "idea"
    PROPOSED = "proposed"
    ADOPTED = "adopted"
    REJECTED = "rejected"


#: Whether a new candidate of each kind counts toward the protected-nature target (editable
#: per candidate). Rewetted lowland becomes wetland nature (mose/eng, typically §3 once
#: established) and new forest is counted toward the Grøn trepart 20 % in the agreement, so
#: both count. A connectivity corridor is usually a strip of extensive use or a hedge, not
#: protected nature, so it does not count unless the planner says so. A restoration lies on
#: nature that is protected already: it never adds area (:func:`naturplan.core.plan.ledger.counts`).
DEFAULT_COUNTS_TOWARD_TARGET: Mapping[CandidateKind, bool] = {
    CandidateKind.LOWLAND: True,
    CandidateKind.AFFORESTATION: True,
    CandidateKind.CONNECTIVITY: False,
    CandidateKind.RESTORE: False,
}

#: Fields a user edit may change with :meth:`Candidate.with_changes` (the store stamps the rest).
EDITABLE_FIELDS = frozenset(
    {"kind", "name", "status", "note", "counts_toward_target", "geometry"}
)


def utc_now() -> str:
    """The current time in UTC as ISO 8601 with milliseconds and ``Z`` (GeoPackage DATETIME)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def ids_in_order(n: int) -> list[str]:
    """*n* new candidate ids (UUID4 text) that sort in the order given: one random UUID4
    whose last 32 bits count up.

    Candidates made at once (a suggestion's areas) are stamped with the same created time,
    and the ledger gives an overlap to the earlier one (created, then id): with independent
    random ids the same plan's share moved in its 17th digit from run to run (issue 23).
    """
    base = uuid.uuid4().int & ~0xFFFFFFFF
    return [str(uuid.UUID(int=base | k, version=4)) for k in range(n)]


@dataclass(frozen=True)
class Candidate:
    """One candidate area.

    Attributes
    ----------
    id
        A UUID (text); stable across edits, undo and reopen.
    kind, name, status, note
        What the planner says about it.
    counts_toward_target
        Whether it adds to the projected protected share.
    geometry
        Polygon or MultiPolygon in EPSG:25832, valid and non-empty.
    created, modified
        UTC ISO 8601 timestamps (``2026-11-26T10:15:00.000Z``); stamped by the store.
    author
        Who created it; ``modified_by`` is who wrote the current version.
    version
        0 before it is stored; the store counts it up on every write (optimistic locking).
    """

    id: str
    kind: CandidateKind
    name: str
    geometry: BaseGeometry
    status: CandidateStatus = CandidateStatus.IDEA
    note: str = ""
    counts_toward_target: bool = True
    created: str = ""
    modified: str = ""
    author: str = ""
    modified_by: str = ""
    version: int = 0

    @classmethod
    def new(
        cls,
        kind: CandidateKind | str,
        geometry: BaseGeometry,
        name: str = "",
        *,
        status: CandidateStatus | str = CandidateStatus.IDEA,
        note: str = "",
        counts_toward_target: bool | None = None,
    ) -> Candidate:
        """A new, not yet stored candidate with a fresh id.

        ``counts_toward_target`` defaults by kind (:data:`DEFAULT_COUNTS_TOWARD_TARGET`).

        Raises
        ------
        InvalidGeometryError
            If *geometry* is not a valid, non-empty polygon or multipolygon.
        ValueError
            If *kind* or *status* is not one of the enums' values.
        """
        kind = CandidateKind(kind)
        if counts_toward_target is None:
            counts_toward_target = DEFAULT_COUNTS_TOWARD_TARGET[kind]
        return cls(
            id=str(uuid.uuid4()),
            kind=kind,
            name=name,
            geometry=require_valid(geometry),
            status=CandidateStatus(status),
            note=note,
            counts_toward_target=bool(counts_toward_target),
        )

    @property
    def area_m2(self) -> float:
        """Planar area in m² (EPSG:25832)."""
        return float(shapely.area(self.geometry))

    def with_changes(self, **changes: Any) -> Candidate:
        """A copy with user-editable fields changed (see :data:`EDITABLE_FIELDS`).

        Raises
        ------
        CandidateError
            If a field is not editable.
        InvalidGeometryError
            If a new geometry is not valid.
        ValueError
            If a kind or status is not one of the enums' values.
        """
        unknown = set(changes) - EDITABLE_FIELDS
        if unknown:
            raise CandidateError("Cannot edit field(s): {fields}.",
                                 fields=", ".join(sorted(unknown)))
        if "kind" in changes:
            changes["kind"] = CandidateKind(changes["kind"])
        if "status" in changes:
            changes["status"] = CandidateStatus(changes["status"])
        if "geometry" in changes:
            changes["geometry"] = require_valid(changes["geometry"])
        if "counts_toward_target" in changes:
            changes["counts_toward_target"] = bool(changes["counts_toward_target"])
        return replace(self, **changes)

    def same_content(self, other: Candidate) -> bool:
        """True if the user-visible content (fields and geometry) is the same."""
        return all(
            getattr(self, f) == getattr(other, f) for f in EDITABLE_FIELDS - {"geometry"}
        ) and bool(shapely.equals_exact(self.geometry, other.geometry, 0.0))


class GeometryProblem(StrEnum):
    """Why a geometry cannot be a candidate as it is (the GUI/CLI words the message)."""

    MISSING = "missing"
    EMPTY = "empty"
    NOT_POLYGON = "not_polygon"
    INVALID = "invalid"
    COLLAPSED = "collapsed"
    #: A coordinate is NaN or infinite (``core.geometry.coordinate_problems``).
    NON_FINITE = "non_finite"
    #: A coordinate lies far outside the area EPSG:25832 is made for (absurd or a wrong CRS).
    OUTSIDE_AREA = "outside_area"


@dataclass(frozen=True)
class GeometryCheck:
    """The result of :func:`validate_geometry`.

    ``geometry`` is the clean 2-D polygonal geometry, or None when nothing usable is left.
    ``problem`` is None for a geometry that was fine as it was; for an invalid one that could be
    repaired it is ``INVALID`` with ``geometry`` the repaired version (callers decide whether
    to accept a repair). ``detail`` is shapely's reason or the geometry type.
    """

    geometry: BaseGeometry | None
    problem: GeometryProblem | None = None
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None and self.geometry is not None

    @property
    def repaired(self) -> bool:
        return self.problem is GeometryProblem.INVALID and self.geometry is not None


def validate_geometry(geom: BaseGeometry | None) -> GeometryCheck:
    """Check that *geom* can be a candidate: non-empty, polygonal, valid, 2-D (Z is dropped).

    Returns
    -------
    GeometryCheck
        ``ok`` for a usable geometry; otherwise the problem and, for a repairable invalid
        geometry, its ``make_valid`` polygonal part.
    """
    if _usable_as_it_is(geom):  # the common case, without the arrays (0.3 ms a call)
        return GeometryCheck(geom)
    return validate_geometries(np.asarray([geom], dtype=object))[0]


def _usable_as_it_is(geom: BaseGeometry | None) -> bool:
    """Whether *geom* is a non-empty, 2-D, valid polygon or multipolygon with finite
    coordinates: what :func:`validate_geometries` passes unchanged. Every candidate is
    checked when it is made and again when it is stored (a suggested plan stores hundreds)."""
    return (isinstance(geom, shapely.Polygon | shapely.MultiPolygon) and not geom.is_empty
            and not geom.has_z and bool(np.isfinite(shapely.get_coordinates(geom)).all())
            and bool(shapely.is_valid(geom)))


def validate_geometries(geoms: Any, bounds: Bounds | None = None) -> list[GeometryCheck]:
    """:func:`validate_geometry` for many geometries at once (vectorised; an import checks
    every feature of a file with it).

    A geometry with a coordinate that is not finite is never usable (``NON_FINITE``); with
    *bounds*, one with a coordinate outside them is not either (``OUTSIDE_AREA``). Neither is
    repaired.

    Parameters
    ----------
    geoms
        Array-like of shapely geometries or None, EPSG:25832.
    bounds
        Where coordinates must lie (``core.geometry.WORKING_BOUNDS`` for a file from outside);
        None checks only that they are finite.
    """
    arr = np.asarray(geoms, dtype=object)
    coordinates = coordinate_problems(arr, bounds)
    absurd = coordinates != None  # noqa: E711 - elementwise on an object array
    if absurd.any():
        arr = arr.copy()
        arr[absurd] = shapely.Polygon()  # kept out of is_valid and make_valid below
    missing = shapely.is_missing(arr)
    empty = ~missing & shapely.is_empty(arr)
    types = shapely.get_type_id(arr)
    polygonal = np.isin(types, [int(t) for t in POLYGONAL_TYPES])
    usable = ~missing & ~empty & polygonal
    flat = arr.copy()
    has_z = np.zeros(len(arr), dtype=bool)
    has_z[usable] = shapely.has_z(arr[usable])
    flat[has_z] = shapely.force_2d(arr[has_z])
    valid = np.zeros(len(arr), dtype=bool)
    valid[usable] = shapely.is_valid(flat[usable])
    invalid = np.flatnonzero(usable & ~valid)
    reasons = dict(zip(invalid, shapely.is_valid_reason(flat[invalid]), strict=True))
    fixed = dict(zip(invalid, shapely.make_valid(flat[invalid]), strict=True))
    out = []
    for i in range(len(arr)):
        if absurd[i]:
            problem = (GeometryProblem.NON_FINITE
                       if coordinates[i] is CoordinateProblem.NON_FINITE
                       else GeometryProblem.OUTSIDE_AREA)
            out.append(GeometryCheck(None, problem))
        elif missing[i]:
            out.append(GeometryCheck(None, GeometryProblem.MISSING))
        elif empty[i]:
            out.append(GeometryCheck(None, GeometryProblem.EMPTY))
        elif not polygonal[i]:
            out.append(GeometryCheck(None, GeometryProblem.NOT_POLYGON, arr[i].geom_type))
        elif valid[i]:
            out.append(GeometryCheck(flat[i]))
        else:
            part = polygonal_part(fixed[i])
            problem = GeometryProblem.INVALID if part is not None else GeometryProblem.COLLAPSED
            out.append(GeometryCheck(part, problem, str(reasons[i])))
    return out


def require_valid(geom: BaseGeometry | None) -> BaseGeometry:
    """*geom* if it is a valid non-empty polygon/multipolygon (2-D), else raise.

    Raises
    ------
    InvalidGeometryError
        With the problem in the message; invalid geometries are not repaired here.
    """
    check = validate_geometry(geom)
    if not check.ok:
        raise geometry_error(check)
    assert check.geometry is not None
    return check.geometry


def geometry_error(check: GeometryCheck) -> InvalidGeometryError:
    """The error that says why *check*'s geometry cannot be a candidate (one sentence per
    problem, so that each has its translation)."""
    if check.problem is GeometryProblem.MISSING:
        return InvalidGeometryError("A candidate area needs a geometry.")
    if check.problem is GeometryProblem.EMPTY:
        return InvalidGeometryError("A candidate area cannot be empty.")
    if check.problem is GeometryProblem.NON_FINITE:
        return InvalidGeometryError("A candidate area needs finite coordinates.")
    if check.problem is GeometryProblem.OUTSIDE_AREA:
        return InvalidGeometryError("A candidate area must lie where EPSG:25832 applies.")
    if check.problem is GeometryProblem.NOT_POLYGON:
        return InvalidGeometryError("A candidate area must be a polygon, not a {type}.",
                                    type=check.detail)
    return InvalidGeometryError("A candidate area must be a valid polygon ({reason}).",
                                reason=check.detail)


# --- overlap, merge, split ------------------------------------------------------------------


@dataclass(frozen=True)
class ClipResult:
    """A geometry clipped against other candidates.

    Attributes
    ----------
    geometry
        What is left (valid polygonal), or None if nothing is left.
    removed_m2
        Candidate id → area in m² removed because it overlapped that candidate (only ids
        with a positive overlap). Overlaps of several candidates count for each of them.
    """

    geometry: BaseGeometry | None
    removed_m2: Mapping[str, float]

    @property
    def total_removed_m2(self) -> float:
        return float(sum(self.removed_m2.values()))


def clip_against(geom: BaseGeometry, others: Mapping[str, BaseGeometry]) -> ClipResult:
    """Remove from *geom* every part that overlaps one of *others* ("avoid overlap").

    Parameters
    ----------
    geom
        The new or edited geometry (EPSG:25832).
    others
        Id → geometry of the other candidates.

    Returns
    -------
    ClipResult
        The remaining geometry and the m² removed per overlapped candidate.
    """
    geom = require_valid(geom)
    ids = list(others)
    arr = np.asarray([others[i] for i in ids], dtype=object)
    if len(arr) == 0:
        return ClipResult(geom, {})
    shapely.prepare(geom)
    hit = np.flatnonzero(shapely.intersects(geom, arr))
    removed = {}
    if len(hit):
        areas = shapely.area(shapely.intersection(geom, arr[hit]))
        removed = {ids[i]: float(a) for i, a in zip(hit, areas, strict=True) if a > 0}
    if not removed:
        return ClipResult(geom, {})
    rest = shapely.difference(geom, shapely.union_all(arr[hit]))
    return ClipResult(polygonal_part(rest), removed)


def merge_geometries(a: BaseGeometry, b: BaseGeometry) -> BaseGeometry:
    """The union of two candidate geometries (a MultiPolygon if they do not touch)."""
    merged = polygonal_part(shapely.union(require_valid(a), require_valid(b)))
    if merged is None:  # pragma: no cover - union of two valid areas is never empty
        raise GeometryEditError("Merging left no area.")
    return merged


def split_geometry(geom: BaseGeometry, line: BaseGeometry) -> tuple[BaseGeometry, ...]:
    """Split *geom* by *line* into its pieces, largest first.

    The line's parts that cross the area cut it (polygonize of the boundary plus the line).
    The parts of a multipolygon that the line does not cut stay with the first (largest) piece:
    a split only ever separates what the line cut.

    Raises
    ------
    GeometryEditError
        If the line is not a line or cuts nothing (it misses the area, ends inside it, or only
        touches it; the separate parts of a multipolygon are not a cut).
    """
    geom = require_valid(geom)
    if line is None or line.is_empty or line.geom_type not in ("LineString", "MultiLineString"):
        raise GeometryEditError("A split needs a line.")
    parts = shapely.get_parts(geom)
    edges = shapely.union(shapely.boundary(geom), line)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(edges)))
    faces = faces[shapely.area(faces) > 0]
    # Which part of geom each face lies in (-1: a hole or outside).
    where = shapely.point_on_surface(faces)
    part_of = np.full(len(faces), -1)
    for i, part in enumerate(parts):
        part_of[shapely.contains(part, where)] = i
    inside = part_of >= 0
    counts = np.bincount(part_of[inside], minlength=len(parts))
    cut = inside & (counts[np.maximum(part_of, 0)] > 1)
    if not cut.any():
        raise GeometryEditError("The line does not cut the area.")
    pieces = sorted(faces[cut], key=lambda g: -g.area)
    untouched = parts[counts == 1]
    first = pieces[0]
    if len(untouched):
        first = shapely.multipolygons(shapely.get_parts([first, *untouched]))
    return (first, *pieces[1:])


def translate(geom: BaseGeometry, dx: float, dy: float) -> BaseGeometry:
    """*geom* moved by (*dx*, *dy*) metres."""
    return shapely.transform(require_valid(geom), lambda xy: xy + np.array([dx, dy]))


# --- vertices -------------------------------------------------------------------------------


@dataclass(frozen=True)
class VertexRef:
    """Where a vertex is: polygon *part* (0 for a Polygon), *ring* (0 = exterior, 1.. holes),
    and *index* in the ring without the closing repeat of the first vertex."""

    part: int
    ring: int
    index: int


def vertices(geom: BaseGeometry) -> list[tuple[VertexRef, float, float]]:
    """Every vertex of a polygon/multipolygon with its :class:`VertexRef` and x, y (m)."""
    out = []
    for p, poly in enumerate(_polygons(geom)):
        for r, ring in enumerate(_rings(poly)):
            for i, (x, y) in enumerate(ring):
                out.append((VertexRef(p, r, i), float(x), float(y)))
    return out


def move_vertex(geom: BaseGeometry, ref: VertexRef, xy: tuple[float, float]) -> BaseGeometry:
    """*geom* with the vertex at *ref* moved to *xy*.

    Raises
    ------
    GeometryEditError
        If *ref* does not exist or the result would be invalid.
    """

    def edit(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
        _check_index(ring, ref.index)
        ring[ref.index] = (float(xy[0]), float(xy[1]))
        return ring

    return _edit_ring(geom, ref, edit)


def insert_vertex(geom: BaseGeometry, ref: VertexRef, xy: tuple[float, float]) -> BaseGeometry:
    """*geom* with a new vertex at *xy* on the edge from vertex *ref* to the next one.

    Raises
    ------
    GeometryEditError
        If *ref* does not exist or the result would be invalid.
    """

    def edit(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
        _check_index(ring, ref.index)
        ring.insert(ref.index + 1, (float(xy[0]), float(xy[1])))
        return ring

    return _edit_ring(geom, ref, edit)


def delete_vertex(geom: BaseGeometry, ref: VertexRef) -> BaseGeometry:
    """*geom* without the vertex at *ref*.

    Raises
    ------
    GeometryEditError
        If *ref* does not exist, the ring would have fewer than 3 vertices, or the result
        would be invalid.
    """

    def edit(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
        _check_index(ring, ref.index)
        if len(ring) <= 3:
            raise GeometryEditError("A ring needs at least 3 vertices.")
        del ring[ref.index]
        return ring

    return _edit_ring(geom, ref, edit)


def _polygons(geom: BaseGeometry) -> list[shapely.Polygon]:
    return list(shapely.get_parts(require_valid(geom)))


def _rings(poly: shapely.Polygon) -> list[list[tuple[float, float]]]:
    rings = [poly.exterior, *poly.interiors]
    return [[(float(x), float(y)) for x, y in ring.coords[:-1]] for ring in rings]


def _check_index(ring: list[tuple[float, float]], index: int) -> None:
    if not 0 <= index < len(ring):
        raise GeometryEditError("No vertex {index} in this ring.", index=index)


def _edit_ring(geom: BaseGeometry, ref: VertexRef, edit: Any) -> BaseGeometry:
    polys = _polygons(geom)
    if not 0 <= ref.part < len(polys):
        raise GeometryEditError("No part {part} in this area.", part=ref.part)
    rings = _rings(polys[ref.part])
    if not 0 <= ref.ring < len(rings):
        raise GeometryEditError("No ring {ring} in this part.", ring=ref.ring)
    rings[ref.ring] = edit(list(rings[ref.ring]))
    polys[ref.part] = shapely.Polygon(rings[0], rings[1:])
    result = polys[0] if geom.geom_type == "Polygon" else shapely.MultiPolygon(polys)
    if not shapely.is_valid(result) or result.is_empty or result.area <= 0:
        reason = shapely.is_valid_reason(result)
        raise GeometryEditError("That edit would make the area invalid ({reason}).",
                                reason=str(reason))
    return result
