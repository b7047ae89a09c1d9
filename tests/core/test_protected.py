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


# --- union only where polygons overlap (issue 7) ------------------------------------------


def _plain_components(n: int, left: np.ndarray, right: np.ndarray) -> list[set[int]]:
    """Connected components by a plain breadth-first search (the independent reference)."""
    neighbours: dict[int, set[int]] = {i: set() for i in range(n)}
    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        neighbours[a].add(b)
        neighbours[b].add(a)
    seen: set[int] = set()
    out = []
    for start in range(n):
        if start in seen:
            continue
        group, todo = {start}, [start]
        while todo:
            for other in neighbours[todo.pop()] - group:
                group.add(other)
                todo.append(other)
        seen |= group
        out.append(group)
    return out


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_connected_groups_match_a_plain_search(seed: int) -> None:
    from naturplan.core.share.overlap import connected_groups

    rng = np.random.default_rng(seed)
    n = 500
    edges = rng.integers(0, n, size=(400, 2))
    chain = np.stack([np.arange(100, 199), np.arange(101, 200)], axis=1)  # a long path
    edges = np.concatenate([edges, chain[::-1]])
    labels = connected_groups(n, edges[:, 0], edges[:, 1])
    got = {frozenset(np.flatnonzero(labels == k).tolist()) for k in np.unique(labels)}
    want = {frozenset(g) for g in _plain_components(n, edges[:, 0], edges[:, 1])}
    assert got == want
    assert sorted(np.unique(labels).tolist()) == list(range(len(want)))


def test_typed_and_whole_unions_against_plain_shapely() -> None:
    from naturplan.core.share.overlap import dissolve_by

    rng = np.random.default_rng(11)
    centres = rng.uniform(0, 5000, size=(400, 2))
    polys = shapely.buffer(shapely.points(centres), rng.uniform(20, 250, size=400), quad_segs=6)
    kinds = rng.choice(np.array(["Eng", "Mose", "Sø"], dtype=object), size=400)
    by_kind, whole = dissolve_by(polys, kinds)
    for kind in ("Eng", "Mose", "Sø"):
        expected = shapely.union_all(polys[kinds == kind]).area
        assert shapely.area(by_kind[kind]).sum() == pytest.approx(expected, rel=1e-9)
        # the pieces of one kind are disjoint: their union has the same area as their sum
        assert shapely.union_all(by_kind[kind]).area == pytest.approx(expected, rel=1e-9)
    assert shapely.area(whole).sum() == pytest.approx(shapely.union_all(polys).area, rel=1e-9)
    assert len(whole) < len(polys)  # overlapping ones were merged, the others kept


def test_touching_nested_identical_and_alone() -> None:
    alone = box(100, 100, 200, 200)
    left, right = box(1000, 1000, 2000, 2000), box(2000, 1000, 3000, 2000)  # share an edge
    outer, inner = box(4000, 4000, 6000, 6000), box(4500, 4500, 5000, 5000)  # nested
    twin = box(7000, 7000, 8000, 8000)
    share, index = compute_protected(MUNI, [_source(alone, left, right, outer, inner, twin, twin)])
    expected = 0.01e6 + 2e6 + 4e6 + 1e6
    assert share.area_m2 == pytest.approx(expected, rel=1e-12)
    assert index.area_m2 == pytest.approx(expected, rel=1e-12)
    assert shapely.area(index.pieces).sum() == pytest.approx(expected, rel=1e-12)


def test_index_cuts_huge_pieces_but_keeps_area_and_answers() -> None:
    from naturplan.core.share.protected import MAX_PIECE_VERTICES

    # A wiggly band across the municipality: one polygon of ~8,000 vertices.
    x = np.linspace(0, 10_000, 4000)
    top = np.column_stack([x, 5000 + 300 * np.sin(x / 37.0)])
    band = shapely.Polygon(np.concatenate([top, (top + [0, -800])[::-1]]))
    assert shapely.get_num_coordinates(band) > 2 * MAX_PIECE_VERTICES
    share, index = compute_protected(MUNI, [_source(band)])
    assert share.area_m2 == pytest.approx(band.area, rel=1e-9)
    assert len(index.pieces) > 5
    assert shapely.area(index.pieces).sum() == pytest.approx(band.area, rel=1e-9)
    parcels = shapely.buffer(shapely.points(np.random.default_rng(3).uniform(
        0, 10_000, size=(200, 2))), 150.0)
    assert index.overlap_areas(parcels) == pytest.approx(
        shapely.area(shapely.intersection(parcels, band)), rel=1e-9, abs=1e-6)
    cand = box(2000, 4000, 4000, 6000)
    assert index.difference(cand).area == pytest.approx(cand.difference(band).area, rel=1e-9)


def test_each_layer_says_how_many_features_lie_inside() -> None:
    inside = box(100, 100, 200, 200)
    across = box(-50, 500, 50, 600)
    outside = box(20_000, 0, 20_100, 100)
    p3 = ProtectedSource("nature_p3", np.array([inside, across, outside], object), name="a.gpkg")
    far = ProtectedSource("natura2000", np.array([outside], object), name="b.gpkg")
    share, _ = compute_protected(MUNI, [p3, far])
    counts = {s.name: (s.role, s.features, s.inside) for s in share.sources}
    assert counts == {"a.gpkg": ("nature_p3", 3, 2), "b.gpkg": ("natura2000", 1, 0)}
    assert share.by_role["natura2000"] == 0.0


def test_missing_types_count_as_unknown() -> None:
    pd = pytest.importorskip("pandas")
    geoms = [box(0, 0, 100, 100), box(200, 0, 300, 100), box(400, 0, 500, 100),
             box(600, 0, 700, 100)]
    share, _ = compute_protected(MUNI, [_source(*geoms, types=["Eng", None, float("nan"),
                                                                pd.NA])])
    assert share.by_type == pytest.approx({"unknown": 30_000.0, "Eng": 10_000.0})
