"""Why a polygon is invalid, and where: GEOS' reason as data (issue 20 item 4).

``shapely.is_valid_reason`` answers in GEOS' English with the place in brackets
(``"Self-intersection[553387.374151996 6315872.67232629]"``). The user is told in their
language and shown the place on the map, so the reason is parsed here into a kind and a point;
the words are the GUI's and the exporters'.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import StrEnum

import shapely
from shapely.geometry.base import BaseGeometry


class InvalidKind(StrEnum):
    """GEOS' kinds of invalidity (``IsValidOp``), the ones a drawn or edited area can have."""

    SELF_INTERSECTION = "Self-intersection"
    RING_SELF_INTERSECTION = "Ring Self-intersection"
    TOO_FEW_POINTS = "Too few points"
    HOLE_OUTSIDE_SHELL = "Hole lies outside shell"
    NESTED_HOLES = "Holes are nested"
    DISCONNECTED_INTERIOR = "Interior is disconnected"
    NESTED_SHELLS = "Nested shells"
    DUPLICATE_RINGS = "Duplicate Rings"
    INVALID_COORDINATE = "Invalid Coordinate"
    RING_NOT_CLOSED = "Ring is not closed"
    OTHER = "other"


@dataclass(frozen=True)
class InvalidPlace:
    """What is wrong with a geometry and where (metres in its CRS; None if GEOS gave no
    point). ``reason`` is GEOS' text as it came."""

    kind: InvalidKind
    x: float | None
    y: float | None
    reason: str


_REASON = re.compile(r"^\s*(?P<what>[^\[]*?)\s*(\[(?P<x>[^\s\]]+)\s+(?P<y>[^\s\]]+)[^\]]*\])?\s*$")


def parse_reason(reason: str) -> InvalidPlace:
    """*reason* (``shapely.is_valid_reason``'s text) as an :class:`InvalidPlace`."""
    match = _REASON.match(reason)
    what = match.group("what") if match else reason
    try:
        kind = InvalidKind(what)
    except ValueError:
        kind = InvalidKind.OTHER
    x = y = None
    if match and match.group("x") is not None:
        try:
            x, y = float(match.group("x")), float(match.group("y"))
        except ValueError:
            x = y = None
        if x is None or y is None or not (math.isfinite(x) and math.isfinite(y)):
            x = y = None  # no place that can be shown
    return InvalidPlace(kind, x, y, reason)


def why_invalid(geometry: BaseGeometry) -> InvalidPlace | None:
    """None for a valid *geometry*, else what is wrong and where."""
    if shapely.is_valid(geometry):
        return None
    return parse_reason(str(shapely.is_valid_reason(geometry)))
