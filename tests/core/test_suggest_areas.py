"""The suggested plan's areas: every area holds units (issue 23; GEOS may give one unit's
piece back as several parts of the union)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from naturplan.usecases import suggest_areas


def _split_union(parts: np.ndarray) -> np.ndarray:
    """The union as GEOS can give it after snapping: the first unit's square in two parts,
    the larger one holding the square's point on surface."""
    a, b = parts
    assert shapely.point_on_surface(a).within(box(0, 0, 90, 100))
    return np.array([box(0, 0, 90, 100), box(90, 0, 100, 100), b], dtype=object)


def test_a_part_of_the_union_without_a_units_point_joins_that_units_area(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parts = np.array([box(0, 0, 100, 100), box(500, 0, 600, 50)], dtype=object)
    monkeypatch.setattr(suggest_areas, "union_parts", _split_union)
    areas = suggest_areas.areas_of(parts)
    assert len(areas) == 2  # the old code made a third area, of no unit
    by_unit = {tuple(units.tolist()): geom for geom, units in areas}
    assert set(by_unit) == {(0,), (1,)}
    for k, part in enumerate(parts):  # each area is its unit's part (plain shapely)
        assert shapely.symmetric_difference(by_unit[(k,)], part).area == pytest.approx(0, abs=1e-6)


def test_the_areas_are_the_unions_connected_parts_each_with_its_units() -> None:
    # three touching squares (one area), a square in two pieces far apart (one area, its
    # unit is whole), and a lone square
    parts = np.array([box(0, 0, 10, 10), box(10, 0, 20, 10), box(20, 0, 30, 10),
                      shapely.union(box(100, 0, 110, 10), box(200, 0, 210, 10)),
                      box(400, 400, 410, 420)], dtype=object)
    areas = suggest_areas.areas_of(parts)
    got = sorted((tuple(units.tolist()), round(geom.area, 6)) for geom, units in areas)
    assert got == [((0, 1, 2), 300.0), ((3,), 200.0), ((4,), 200.0)]
    union = shapely.union_all(parts)
    assert shapely.union_all([g for g, _ in areas]).symmetric_difference(union).area < 1e-6


def _exploded_union(parts: list[shapely.Geometry]) -> list[shapely.Geometry]:
    """The polygons of the units' union, as plain shapely gives them."""
    found = shapely.get_parts(shapely.union_all(np.array(parts, dtype=object)))
    return list(found[shapely.area(found) > 0])


def _same_polygons(got: list[shapely.Geometry], want: list[shapely.Geometry]) -> bool:
    """The same polygons, each equal to one of the other's (shapely.equals), none left over."""
    left = list(want)
    for g in got:
        match = next((k for k, w in enumerate(left) if shapely.equals(g, w)), None)
        if match is None:
            return False
        left.pop(match)
    return not left


@pytest.mark.parametrize(("parts", "areas"), [
    # two squares along one edge: one area
    ([box(0, 0, 10, 10), box(10, 0, 20, 10)], 1),
    # two squares touching at one corner only: two polygons in the union, two areas
    ([box(0, 0, 10, 10), box(10, 10, 20, 20)], 2),
    # a ring (a square with a hole) and a lone square: the hole stays
    ([box(0, 0, 30, 30).difference(box(10, 10, 20, 20)), box(50, 0, 60, 10)], 2),
    # a unit that fills another's hole: one area, no hole left
    ([box(0, 0, 30, 30).difference(box(10, 10, 20, 20)), box(10, 10, 20, 20)], 1),
    # a unit inside another's hole without filling it: two areas, a ring of hole between
    ([box(0, 0, 30, 30).difference(box(10, 10, 20, 20)), box(12, 12, 18, 18)], 2),
])
def test_the_areas_are_the_polygons_of_the_units_union(parts, areas) -> None:
    found = suggest_areas.areas_of(np.array(parts, dtype=object))
    assert len(found) == areas
    assert _same_polygons([g for g, _ in found], _exploded_union(parts))
    units = sorted(u for _, at in found for u in at.tolist())
    assert units == list(range(len(parts)))  # every unit in exactly one area
    for geom, at in found:  # and each area holds its units' parts
        for u in at:
            assert shapely.covers(geom.buffer(1e-9), parts[u])


def test_a_units_point_finds_the_part_that_holds_it_else_the_nearest() -> None:
    # two squares sharing one corner (10, 10), and a third far away
    merged = np.array([box(0, 0, 10, 10), box(10, 10, 20, 20), box(100, 0, 110, 10)],
                      dtype=object)
    points = np.array([shapely.Point(5, 5),        # inside the first
                       shapely.Point(15, 15),      # inside the second
                       shapely.Point(10, 10),      # on the corner of both
                       shapely.Point(60, 5),       # in none: nearest is the third (40 m)
                       shapely.Point(105, 5)], dtype=object)
    got = suggest_areas._holding(merged, points)
    # plain shapely: the nearest part of each point
    at, part = shapely.STRtree(merged).query_nearest(points, all_matches=False)
    want = np.empty(len(points), dtype=np.intp)
    want[at] = part
    assert got.tolist() == want.tolist()
    assert got[[0, 1, 3, 4]].tolist() == [0, 1, 2, 2]
    assert got[2] in (0, 1)
    assert not any(shapely.is_prepared(merged))  # the caller's parts are left as they were
