"""The one polygonal-parts helper (issue 8: it existed three times)."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import GeometryCollection, LineString, MultiPolygon, Point, box

from naturplan.core.geometry import polygonal_part, polygonal_parts


def test_polygonal_parts_keeps_only_areas() -> None:
    a, b, c = box(0, 0, 1, 1), box(2, 0, 3, 1), box(5, 5, 7, 7)
    geoms = np.array([
        a,  # a polygon stays as it is
        MultiPolygon([a, b]),  # so does a multipolygon
        GeometryCollection([a, LineString([(0, 0), (9, 9)]), Point(4, 4)]),
        GeometryCollection([MultiPolygon([a, b]), c, LineString([(0, 0), (1, 0)])]),
        GeometryCollection([LineString([(0, 0), (1, 1)])]),  # nothing polygonal left
        LineString([(0, 0), (1, 1)]),
        None,
    ], dtype=object)
    out = polygonal_parts(geoms)
    assert out[0] is geoms[0] and out[1] is geoms[1]
    assert out[2].equals(a) and out[2].geom_type == "MultiPolygon"
    assert out[3].geom_type == "MultiPolygon" and len(out[3].geoms) == 3
    assert out[3].area == pytest.approx(a.area + b.area + c.area)
    assert out[4].is_empty and out[5].is_empty and out[6] is None
    assert all(g is None or g.geom_type in ("Polygon", "MultiPolygon") for g in out)
    assert bool(shapely.is_valid(out[:6]).all())


def test_touching_parts_from_different_members_are_dissolved() -> None:
    left, right = box(0, 0, 1, 1), box(1, 0, 2, 1)  # share an edge: not a valid multipolygon
    out = polygonal_parts(np.array([GeometryCollection([left, right])], dtype=object))[0]
    assert out.is_valid and out.area == pytest.approx(2.0)


def test_polygonal_part_of_one_geometry() -> None:
    bowtie = shapely.make_valid(shapely.Polygon([(0, 0), (2, 2), (2, 0), (0, 2)]))
    part = polygonal_part(bowtie)
    assert part is not None and part.area == pytest.approx(2.0)
    single = polygonal_part(GeometryCollection([box(0, 0, 1, 1), Point(5, 5)]))
    assert single is not None and single.geom_type == "Polygon"
    assert polygonal_part(LineString([(0, 0), (1, 1)])) is None
    assert polygonal_part(None) is None
