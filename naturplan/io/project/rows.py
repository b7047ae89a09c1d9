"""Stored candidate rows as candidates, or as a notice when another program wrote nonsense.

A project's tables can be written by QGIS, ogr2ogr or psql beside naturplan. Such a row may
hold a self-crossing polygon (a bowtie), a ``created`` stamp that is a number, a status the
program does not know. Both stores read every row through :func:`read_candidate`: a row that
is not a usable candidate becomes a :class:`~naturplan.core.notices.Notice` naming its id and
what is wrong, and is left out of the plan, so that the measurements (``stats``, ``export``,
``candidates export``, the dashboard) go on with the others and say what they left out,
instead of ending in ``TopologyException`` or ``TypeError``.

Front ends hear of left-out rows through :data:`left_out` (one :class:`Notice` per row, each
time a store reads its candidates); the command line prints them on stderr, the window shows
them in its status bar.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import numpy as np
from shapely.geometry.base import BaseGeometry

from naturplan.core.events import Event
from naturplan.core.geometry import MEASURABLE_BOUNDS, coordinate_problems
from naturplan.core.notices import Notice
from naturplan.core.plan.candidates import (
    Candidate,
    CandidateKind,
    CandidateStatus,
    validate_geometry,
)

#: A stored candidate was left out because its geometry is not a valid polygon.
CANDIDATE_GEOMETRY_LEFT_OUT = "candidate_geometry_left_out"
#: A stored candidate was left out because a field holds a value of the wrong kind.
CANDIDATE_VALUE_LEFT_OUT = "candidate_value_left_out"

GEOMETRY_TEMPLATE = ("Candidate area {id} in the project was left out of the measurements: its"
                     " geometry is not a valid polygon ({reason}). Correct it in the program"
                     " that wrote it.")
VALUE_TEMPLATE = ("Candidate area {id} in the project was left out of the measurements: the"
                  " field {field} holds a value of the wrong kind ({value}). Correct it in the"
                  " program that wrote it.")

#: Emitted with a :class:`Notice` for every stored candidate a store leaves out on reading.
left_out = Event()

_TEXT = (str,)
_TEXT_OR_NULL = (str, type(None))


def _value_notice(row_id: str, field: str, value: Any) -> Notice:
    shown = repr(value)
    if len(shown) > 40:
        shown = shown[:39] + "…"
    return Notice(CANDIDATE_VALUE_LEFT_OUT, VALUE_TEMPLATE,
                  {"id": row_id, "field": field, "value": shown})


def _type_problem(row_id: str, f: Mapping[str, Any]) -> Notice | None:
    """The notice for the first field of the wrong kind, or None if every field fits."""
    expected: dict[str, tuple[type, ...]] = {
        "id": _TEXT, "kind": _TEXT, "status": _TEXT, "created": _TEXT, "modified": _TEXT,
        "name": _TEXT_OR_NULL, "note": _TEXT_OR_NULL, "author": _TEXT_OR_NULL,
        "modified_by": _TEXT_OR_NULL,
    }
    for field, types in expected.items():
        if not isinstance(f[field], types):
            return _value_notice(row_id, field, f[field])
    if f["kind"] not in {k.value for k in CandidateKind}:
        return _value_notice(row_id, "kind", f["kind"])
    if f["status"] not in {s.value for s in CandidateStatus}:
        return _value_notice(row_id, "status", f["status"])
    counts = f["counts_toward_target"]
    if isinstance(counts, float) or counts not in (0, 1):
        return _value_notice(row_id, "counts_toward_target", counts)
    version = f["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return _value_notice(row_id, "version", version)
    return None


def read_candidate(fields: Mapping[str, Any],
                   geometry: Callable[[], BaseGeometry | None]) -> Candidate | Notice:
    """The candidate of one stored row, or the notice that says why it cannot be one.

    Parameters
    ----------
    fields
        The row's fields by name (``id``, ``kind``, ``name``, ``status``, ``note``,
        ``counts_toward_target``, ``created``, ``modified``, ``author``, ``modified_by``,
        ``version``) as the database gave them.
    geometry
        Decodes the row's geometry (called once; an exception from it means an unreadable
        geometry).

    Returns
    -------
    Candidate or Notice
        A :class:`Notice` (code :data:`CANDIDATE_VALUE_LEFT_OUT` or
        :data:`CANDIDATE_GEOMETRY_LEFT_OUT`, params ``id`` …) if a field holds a value of the
        wrong kind or the geometry is not a valid polygon.
    """
    row_id = str(fields.get("id"))
    problem = _type_problem(row_id, fields)
    if problem is not None:
        return problem
    try:
        geom = geometry()
    except Exception as exc:  # any decoding failure of a foreign blob is the same problem
        return Notice(CANDIDATE_GEOMETRY_LEFT_OUT, GEOMETRY_TEMPLATE,
                      {"id": row_id, "reason": type(exc).__name__})
    check = validate_geometry(geom)
    if not check.ok:
        reason = _short(check.detail) or (check.problem.value if check.problem else "")
        return Notice(CANDIDATE_GEOMETRY_LEFT_OUT, GEOMETRY_TEMPLATE,
                      {"id": row_id, "reason": reason})
    # GEOS calls a polygon with a vertex at 1e300 valid, and it would count as 1e302 m² (a
    # project imported before the check, or written by another program): the same
    # coordinate check as every layer and import.
    coordinates = coordinate_problems(np.array([geom], dtype=object), MEASURABLE_BOUNDS)[0]
    if coordinates is not None:
        return Notice(CANDIDATE_GEOMETRY_LEFT_OUT, GEOMETRY_TEMPLATE,
                      {"id": row_id, "reason": str(coordinates.value)})
    f = fields
    return Candidate(
        id=f["id"], kind=CandidateKind(f["kind"]), name=f["name"] or "", geometry=geom,
        status=CandidateStatus(f["status"]), note=f["note"] or "",
        counts_toward_target=bool(f["counts_toward_target"]), created=f["created"],
        modified=f["modified"], author=f["author"] or "", modified_by=f["modified_by"] or "",
        version=int(f["version"]),
    )


def _short(detail: str) -> str:
    """GEOS's reason with its coordinates to the metre: ``Self-intersection[561752.768
    6313963.897]`` → ``Self-intersection: 561753, 6313964``."""
    match = re.fullmatch(r"\s*([^\[]+)\[\s*(-?[\d.eE+-]+)\s+(-?[\d.eE+-]+)\s*\]\s*", detail)
    if not match:
        return detail
    try:
        x, y = float(match.group(2)), float(match.group(3))
    except ValueError:
        return detail
    return f"{match.group(1).strip()}: {x:.0f}, {y:.0f}"


def split(read: list[Candidate | Notice]) -> tuple[list[Candidate], list[Notice]]:
    """The candidates and the notices of rows read with :func:`read_candidate`."""
    return ([r for r in read if isinstance(r, Candidate)],
            [r for r in read if isinstance(r, Notice)])


def announce(notices: list[Notice]) -> None:
    """Tell the front ends (:data:`left_out`) about each row a store left out."""
    for notice in notices:
        left_out.emit(notice)


@contextmanager
def listening(callback: Callable[[Notice], None]) -> Iterator[None]:
    """Call *callback* with every left-out row's notice while the block runs."""
    left_out.connect(callback)
    try:
        yield
    finally:
        left_out.disconnect(callback)
