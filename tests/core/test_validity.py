"""GEOS' invalidity reason parsed into a kind and a place (issue 20 item 4)."""

from __future__ import annotations

import pytest
import shapely

from naturplan.core.plan.validity import InvalidKind, parse_reason, why_invalid


def test_a_bow_tie_crosses_where_its_edges_meet() -> None:
    bow = shapely.Polygon([(0, 0), (10, 8), (10, 0), (0, 8)])
    place = why_invalid(bow)
    assert place is not None and place.kind is InvalidKind.SELF_INTERSECTION
    meet = shapely.LineString([(0, 0), (10, 8)]).intersection(
        shapely.LineString([(10, 0), (0, 8)]))
    assert (place.x, place.y) == pytest.approx((meet.x, meet.y))


@pytest.mark.parametrize(("reason", "kind", "xy"), [
    ("Self-intersection[553387.374151996 6315872.67232629]", InvalidKind.SELF_INTERSECTION,
     (553387.374151996, 6315872.67232629)),
    ("Ring Self-intersection[1 0]", InvalidKind.RING_SELF_INTERSECTION, (1.0, 0.0)),
    ("Hole lies outside shell[3 3]", InvalidKind.HOLE_OUTSIDE_SHELL, (3.0, 3.0)),
    ("Too few points[1e+01 -2.5]", InvalidKind.TOO_FEW_POINTS, (10.0, -2.5)),
    ("Something new", InvalidKind.OTHER, (None, None)),
    ("Self-intersection[nan nan]", InvalidKind.SELF_INTERSECTION, (None, None)),
])
def test_reasons_are_parsed(reason: str, kind: InvalidKind, xy: tuple) -> None:
    place = parse_reason(reason)
    assert place.kind is kind and place.reason == reason
    if xy[0] is None:
        assert place.x is None and place.y is None  # nan is no place to show
    else:
        assert (place.x, place.y) == pytest.approx(xy)


def test_a_valid_polygon_has_no_reason() -> None:
    assert why_invalid(shapely.box(0, 0, 1, 1)) is None
