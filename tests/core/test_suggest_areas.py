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
    monkeypatch.setattr(suggest_areas, "_union_parts", _split_union)
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
