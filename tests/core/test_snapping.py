"""Snapping and tracing, checked against hand-made geometry."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from naturplan.core.plan.snapping import SnapIndex, SnapKind, trace_between


def _index() -> SnapIndex:
    parcels = np.array([box(0, 0, 100, 100), box(100, 0, 200, 100)], dtype=object)
    nature = np.array([shapely.Polygon([(50, 150), (80, 150), (80, 180)])], dtype=object)
    return SnapIndex({"parcels": parcels, "nature_p3": nature})


def test_snaps_to_the_nearest_corner_within_tolerance() -> None:
    hit = _index().snap(102.0, 98.5, tolerance=3.0)
    assert hit is not None and hit.kind is SnapKind.VERTEX
    assert (hit.x, hit.y) == (100.0, 100.0)
    assert hit.distance == pytest.approx(np.hypot(2.0, 1.5))


def test_vertex_wins_over_a_closer_edge() -> None:
    # 2.0 m from the corner (100, 100) but only 1.0 m from the edge y = 100.
    hit = _index().snap(101.7, 101.0, tolerance=2.5)
    assert hit is not None and hit.kind is SnapKind.VERTEX and (hit.x, hit.y) == (100, 100)


def test_snaps_to_an_edge_when_no_vertex_is_near() -> None:
    hit = _index().snap(50.0, 101.0, tolerance=2.0)
    assert hit is not None and hit.kind is SnapKind.EDGE
    assert (hit.x, hit.y) == pytest.approx((50.0, 100.0))
    assert hit.source == "parcels"


def test_diagonal_edge_projection() -> None:
    hit = _index().snap(64.0, 166.0, tolerance=3.0, sources=["nature_p3"])
    # edge from (50,150) to (80,180): the line y = x + 100; the foot of (64,166) is (65,165)
    assert hit is not None and hit.kind is SnapKind.EDGE
    assert (hit.x, hit.y) == pytest.approx((65.0, 165.0))


def test_nothing_within_tolerance() -> None:
    assert _index().snap(150.0, 50.0, tolerance=5.0) is None


def test_exclude_the_feature_being_edited() -> None:
    index = _index()
    hit = index.snap(199.0, 50.0, tolerance=3.0, exclude={"parcels": 1})
    assert hit is None


def test_replace_a_source() -> None:
    index = _index()
    index.set_source("candidates", np.array([box(300, 300, 310, 310)], dtype=object))
    hit = index.snap(309.0, 309.5, tolerance=2.0)
    assert hit is not None and hit.source == "candidates" and (hit.x, hit.y) == (310, 310)


def test_trace_takes_the_shorter_way_round() -> None:
    ring = box(0, 0, 100, 100).boundary
    path = trace_between(ring, (100, 20), (20, 100))  # via the corner (100, 100)
    assert path[0] == pytest.approx((100, 20)) and path[-1] == pytest.approx((20, 100))
    assert (100.0, 100.0) in path and (0.0, 0.0) not in path
    line = shapely.LineString(path)
    assert line.length == pytest.approx(160.0)
    back = trace_between(ring, (20, 100), (100, 20))
    assert shapely.LineString(back).length == pytest.approx(160.0)


def test_trace_across_the_ring_start() -> None:
    ring = box(0, 0, 100, 100).boundary  # starts at (100, 0) going anti-clockwise? any
    path = trace_between(ring, (10, 0), (0, 10))
    assert shapely.LineString(path).length == pytest.approx(20.0)
    assert (0.0, 0.0) in path


def test_features_near_finds_both_sides_of_a_shared_edge():
    left, right = shapely.box(0, 0, 10, 10), shapely.box(10, 0, 20, 10)
    index = SnapIndex({"parcels": np.array([left, right], dtype=object)})
    assert index.features_near("parcels", 10.0, 5.0, 0.01) == {0, 1}
    assert index.features_near("parcels", 15.0, 0.0, 0.01) == {1}
    assert index.features_near("parcels", 15.0, 5.0, 0.01) == set()
    assert index.features_near("other", 10.0, 5.0, 1.0) == set()
