"""Protected share: union not sum, clipped to the municipality, checked by hand."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from naturplan.core.share.protected import ProtectedSource, compute_protected
from naturplan.core.share.targets import AALBORG_17, NATIONAL_20
from naturplan.core.share.tiles import TileGrid

# A 10 km × 10 km municipality: 100 km² = 10,000 ha.
MUNI = box(0, 0, 10_000, 10_000)


def _source(*geoms: shapely.Geometry, types: list[str] | None = None) -> ProtectedSource:
    arr = np.array(list(geoms), dtype=object)
    return ProtectedSource("nature_p3", arr, None if types is None else np.array(types, object))


def test_overlapping_polygons_are_counted_once() -> None:
    # Two 1 km² squares overlapping by 0.25 km²: union is 1.75 km², the sum would be 2.
    a = box(1000, 1000, 2000, 2000)
    b = box(1500, 1500, 2500, 2500)
    share, _ = compute_protected(MUNI, [_source(a, b)])
    assert share.area_m2 == pytest.approx(1_750_000.0, rel=1e-9)
    assert share.share == pytest.approx(0.0175, rel=1e-9)


def test_polygon_half_outside_counts_half() -> None:
    half_out = box(-500, 4000, 500, 5000)  # 1 km², half west of x = 0
    share, _ = compute_protected(MUNI, [_source(half_out)])
    assert share.area_m2 == pytest.approx(500_000.0, rel=1e-9)


def test_polygon_crossing_many_tiles_and_a_hole() -> None:
    # A ring-shaped polygon spanning many 1 km tiles: area = 36 − 4 km².
    ring = box(2000, 2000, 8000, 8000).difference(box(4000, 4000, 6000, 6000))
    inner = box(4500, 4500, 5500, 5500)  # sits in the hole: adds 1 km²
    share, index = compute_protected(MUNI, [_source(ring, inner)])
    assert share.area_m2 == pytest.approx(33_000_000.0, rel=1e-9)
    assert index.area_m2 == pytest.approx(share.area_m2, rel=1e-12)
    # The pieces never overlap: their pairwise intersections have no area.
    left, right = index.tree.query(index.pieces, predicate="intersects")
    pairs = left < right
    assert np.allclose(
        shapely.area(shapely.intersection(index.pieces[left[pairs]], index.pieces[right[pairs]])),
        0.0,
    )


def test_irregular_municipality_against_plain_shapely() -> None:
    rng = np.random.default_rng(7)
    muni = shapely.Polygon(
        [(0, 0), (9000, 500), (10_000, 7000), (6000, 10_500), (1500, 8000)]
    ).difference(box(3000, 3000, 4000, 6000))  # a lake hole in the municipality
    centres = rng.uniform(-500, 10_500, size=(300, 2))
    radii = rng.uniform(20, 600, size=300)
    polys = shapely.buffer(shapely.points(centres), radii, quad_segs=8)
    share, _ = compute_protected(muni, [_source(*polys)])
    expected = shapely.intersection(shapely.union_all(polys), muni).area
    assert share.area_m2 == pytest.approx(expected, rel=1e-9)
    assert share.municipality_area_m2 == pytest.approx(muni.area, rel=1e-12)


def test_by_type_is_the_union_of_each_type() -> None:
    eng1 = box(0, 0, 1000, 1000)
    eng2 = box(500, 0, 1500, 1000)  # overlaps eng1 by 0.5 km²
    mose = box(1000, 0, 2000, 1000)  # overlaps eng2 by 0.5 km²
    share, _ = compute_protected(
        MUNI, [_source(eng1, eng2, mose, types=["Eng", "Eng", "Mose"])]
    )
    assert share.by_type["Eng"] == pytest.approx(1_500_000.0)
    assert share.by_type["Mose"] == pytest.approx(1_000_000.0)
    assert share.area_m2 == pytest.approx(2_000_000.0)


def test_several_roles_union_and_by_role() -> None:
    p3 = ProtectedSource("nature_p3", np.array([box(0, 0, 2000, 1000)], object))
    n2k = ProtectedSource("natura2000", np.array([box(1000, 0, 3000, 1000)], object))
    share, _ = compute_protected(MUNI, [p3, n2k])
    assert share.area_m2 == pytest.approx(3_000_000.0)
    assert share.by_role == pytest.approx({"nature_p3": 2_000_000.0, "natura2000": 2_000_000.0})
    assert share.roles == ("nature_p3", "natura2000")


def test_gap_to_targets_in_m2() -> None:
    share, _ = compute_protected(MUNI, [_source(box(0, 0, 10_000, 1400))])  # 14 %
    gaps = {g.target.key: g for g in share.targets}
    assert gaps[AALBORG_17.key].gap_m2 == pytest.approx(0.03 * 100e6)
    assert gaps[NATIONAL_20.key].gap_m2 == pytest.approx(0.06 * 100e6)
    over, _ = compute_protected(MUNI, [_source(box(0, 0, 10_000, 2500))])  # 25 %
    assert all(g.reached for g in over.targets)
    assert over.targets[0].surplus_m2 == pytest.approx(0.08 * 100e6)


def test_no_sources_reports_configured_roles() -> None:
    share, index = compute_protected(MUNI, [], roles=["nature_p3"])
    assert share.area_m2 == 0.0 and share.roles == ("nature_p3",)
    assert index.overlap_areas(np.array([MUNI], object))[0] == 0.0


def test_overlap_areas_per_parcel() -> None:
    share, index = compute_protected(MUNI, [_source(box(0, 0, 1000, 1000), box(500, 0, 1500, 500))])
    parcels = np.array([box(0, 0, 2000, 2000), box(900, 0, 1100, 100), box(5000, 5000, 6000, 6000)])
    got = index.overlap_areas(parcels)
    expected = [shapely.intersection(p, shapely.union_all(index.pieces)).area for p in parcels]
    assert got == pytest.approx(expected)
    assert got[2] == 0.0


def test_tile_grid_tiles_cover_the_clip_exactly() -> None:
    muni = shapely.Polygon([(0, 0), (4321, 123), (3000, 3777)])
    grid = TileGrid(muni, size=500)
    assert shapely.area(grid.tiles).sum() == pytest.approx(muni.area, rel=1e-9)


def test_parcel_overlaps_lists_only_touching_parcels() -> None:
    import geopandas as gpd

    from naturplan.core.layers.dataset import parcel_overlaps
    from naturplan.core.layers.layer import LayerSource, VectorLayer
    from naturplan.core.layers.roles import Role

    _, index = compute_protected(MUNI, [_source(box(0, 0, 1000, 1000))])
    frame = gpd.GeoDataFrame(
        geometry=[box(5000, 5000, 6000, 6000), box(900, 900, 1100, 1100)], crs=25832
    )
    parcels = VectorLayer(Role.PARCELS, frame, LayerSource(path=Path("x")))
    positions, areas = parcel_overlaps(parcels, index)
    assert positions.tolist() == [1] and areas == pytest.approx([100.0 * 100.0])
