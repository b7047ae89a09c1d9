"""Connectivity indices against hand-made answers, and the per-candidate change against a
full recomputation."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from naturplan.core.analysis.connectivity import ConnectivityNetwork, ConnectivityParams
from naturplan.core.analysis.patches import dissolve_patches, patch_links, prune_links

HA = 10_000.0
LANDSCAPE = shapely.box(-5000, -5000, 5000, 5000)  # A = 100 km²
A = 1e8


def hectare(x0, y0=0.0):
    """A 100 m x 100 m square (1 ha) with its south-west corner at (x0, y0)."""
    return shapely.box(x0, y0, x0 + 100, y0 + 100)


def network(geoms, **params):
    return ConnectivityNetwork.of_polygons(np.array(geoms, dtype=object), LANDSCAPE,
                                           ConnectivityParams(**params))


def test_two_hectares_500_m_apart():
    # p = 0.5 at 500 m: ECA² = 1·1 + 1·1 + 2·(1·1·0.5) = 3 ha².
    net = network([hectare(0), hectare(600)])
    eca = net.indices.eca_m2
    assert eca == pytest.approx(math.sqrt(3.0) * HA)
    assert net.indices.pc == pytest.approx(3.0 * HA**2 / A**2)
    assert net.indices.meff_m2 == pytest.approx(2 * HA**2 / A)
    # IIC: linked at <= 500 m: one link, nl = 1, so ΣΣ = 1 + 1 + 2·(1·1/2) = 3 ha².
    assert net.indices.iic == pytest.approx(3.0 * HA**2 / A**2)


def test_the_same_joined_by_a_corridor():
    # A corridor 500 m x 20 m touching both: one patch of 2 ha + 1 ha.
    corridor = shapely.box(100, 40, 600, 60)
    net = network([hectare(0), hectare(600), corridor])
    assert net.indices.patches == 1
    assert net.indices.eca_m2 == pytest.approx(2 * HA + 500 * 20)
    # As a candidate on the two-patch network: it joins both patches.
    before = network([hectare(0), hectare(600)])
    change = before.candidate(corridor)
    assert change.eca_after_m2 == pytest.approx(2 * HA + 500 * 20)
    assert change.delta_eca_m2 == pytest.approx(2 * HA + 500 * 20 - math.sqrt(3) * HA)
    assert sorted(j.patch for j in change.joins) == [0, 1]
    assert change.delta_pc_percent == pytest.approx(100 * ((2 * HA + 10_000) ** 2 - 3 * HA**2)
                                                    / (3 * HA**2))


def test_a_stepping_stone_beats_the_direct_link():
    # Three hectares in a row, gaps of 300 m: p* between the ends is the product over the
    # stone, exp(-k·600) = 0.5^(600/500), since the direct gap is 700 m (0.5^(700/500)).
    net = network([hectare(0), hectare(400), hectare(800)], max_link_m=1000)
    p300, p600 = 0.5 ** (300 / 500), 0.5 ** (600 / 500)
    expected = 3 + 2 * (p300 + p300 + p600)
    assert net.indices.eca_m2 == pytest.approx(math.sqrt(expected) * HA)
    # IIC with a 500 m threshold: ends are 2 links apart.
    assert net.indices.iic_sum == pytest.approx((3 + 2 * (0.5 + 0.5 + 1 / 3)) * HA**2)


def test_pairs_below_p_min_are_not_connected():
    # 2,000 m apart: p = 1/16 > 1 %, but a link is drawn only up to 1,000 m: not connected.
    net = network([hectare(0), hectare(2100)])
    assert net.indices.eca_m2 == pytest.approx(math.sqrt(2) * HA)
    # With links up to 3 km and p_min = 10 %, p = 0.0625 is still cut off.
    net = network([hectare(0), hectare(2100)], max_link_m=3000, p_min=0.1)
    assert net.indices.eca_m2 == pytest.approx(math.sqrt(2) * HA)
    net = network([hectare(0), hectare(2100)], max_link_m=3000, p_min=0.01)
    assert net.indices.eca_m2 == pytest.approx(math.sqrt(2 + 2 / 16) * HA)


def test_touching_polygons_are_one_patch_and_the_landscape_clips():
    patches = dissolve_patches(np.array([hectare(0), hectare(100), hectare(4950, 4950)],
                                        dtype=object), LANDSCAPE)
    assert len(patches) == 2
    assert sorted(patches.areas) == pytest.approx([50 * 50, 2 * HA])
    assert list(patches.part_patch[:2]) == [patches.part_patch[0]] * 2
    assert patches.part_patch[2] != patches.part_patch[0]
    assert list(patches.sources(int(patches.part_patch[0]))) == [0, 1]


def test_pruning_keeps_shortest_paths():
    rng = np.random.default_rng(7)
    centres = rng.uniform(-3000, 3000, size=(150, 2))
    geoms = shapely.buffer(shapely.points(centres), rng.uniform(20, 90, 150))
    patches = dissolve_patches(geoms, LANDSCAPE)
    links = patch_links(patches.geoms, 1000.0)
    pruned = prune_links(len(patches), links)
    assert len(pruned) < len(links)
    from scipy.sparse.csgraph import dijkstra

    full = dijkstra(links.graph(len(patches)), directed=False)
    less = dijkstra(pruned.graph(len(patches)), directed=False)
    np.testing.assert_allclose(less, full)


def random_landscape(seed, n=120):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-2500, 2500, size=(n, 2))
    return shapely.buffer(shapely.points(centres), rng.uniform(15, 80, n), quad_segs=4)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_candidate_changes_eca_as_a_full_recomputation(seed):
    geoms = random_landscape(seed)
    params = ConnectivityParams(p_min=0.001)
    now = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, params, iic=False)
    rng = np.random.default_rng(seed + 100)
    x, y = rng.uniform(-2000, 2000, 2)
    candidates = [
        shapely.box(x, y, x + 800, y + 40),                                 # a corridor
        shapely.buffer(shapely.Point(x, -y), 150),                          # a blob
        shapely.MultiPolygon([shapely.box(x, y, x + 100, y + 100),          # two parts
                              shapely.box(-x, -y, -x + 100, -y + 100)]),
        shapely.box(-6000, -6000, -5500, -5500),                            # outside
        shapely.box(4800, 4800, 5200, 5200),                                # on the edge
        shapely.union_all(geoms[:3]),                                       # inside patches
    ]
    for candidate in candidates:
        change = now.candidate(candidate)
        full = ConnectivityNetwork.of_polygons(np.append(geoms, candidate), LANDSCAPE,
                                               params, iic=False, keep_paths=False)
        assert change.pc_sum_after == pytest.approx(full.indices.pc_sum, rel=1e-6)
        assert change.eca_after_m2 == pytest.approx(full.indices.eca_m2, rel=1e-6)


def test_the_distance_block_is_bounded_and_changes_no_number(monkeypatch):
    """Issue 24 §2: the national world's 130,000 patches must not take a dense block of
    CHUNK × n distances (0.7 GB); fewer rows per Dijkstra call give the same sums and the
    same candidate answers."""
    from naturplan.core.analysis import connectivity

    geoms = random_landscape(4)
    params = ConnectivityParams(p_min=0.001)
    whole = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, params, iic=False)
    calls = []
    real = connectivity.__dict__.get("dijkstra")
    from scipy.sparse.csgraph import dijkstra as real_dijkstra

    def counting(*args, **kwargs):
        if not kwargs.get("min_only"):  # the distance blocks, not the region's one search
            calls.append(len(kwargs["indices"]))
        return real_dijkstra(*args, **kwargs)

    monkeypatch.setattr("scipy.sparse.csgraph.dijkstra", counting)
    monkeypatch.setattr(connectivity, "PATH_BLOCK_CELLS", 3 * len(geoms))
    small = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, params, iic=False)
    # A few rows per call (not the CHUNK of 512 that fits all of them in one).
    assert real is None and len(calls) > 10 and max(calls) <= 6
    assert small.indices.pc_sum == pytest.approx(whole.indices.pc_sum, rel=1e-12)
    assert small.indices.eca_m2 == pytest.approx(whole.indices.eca_m2, rel=1e-12)
    candidate = shapely.box(-300, -300, 500, -260)
    assert small.candidate(candidate).eca_after_m2 == pytest.approx(
        whole.candidate(candidate).eca_after_m2, rel=1e-12)


@pytest.mark.parametrize("seed", [4, 5])
def test_candidates_in_a_double_density_landscape_as_a_full_recomputation(seed):
    """Twice as many patches on a quarter of the area: nearly every pair is connected, so
    every candidate's shortcuts reach most kept pairs (the case the faster single-patch
    path and the shortcut filter of ``behind_shortcuts`` were written for)."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-1200, 1200, size=(240, 2))
    geoms = shapely.buffer(shapely.points(centres), rng.uniform(10, 40, 240), quad_segs=4)
    params = ConnectivityParams()
    now = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, params, iic=False)
    assert now.paths.nnz > 0.8 * len(now.patches) * (len(now.patches) - 1) / 2
    candidates = []
    for _ in range(12):
        (x0, y0), (x1, y1) = rng.uniform(-1300, 1300, size=(2, 2))
        candidates.append(shapely.buffer(shapely.LineString([(x0, y0), (x1, y1)]), 10))
        candidates.append(shapely.buffer(shapely.Point(x0, y1), rng.uniform(20, 200)))
    candidates.append(shapely.box(3000, 3000, 3100, 3100))  # far away: no shortcut at all
    for candidate in candidates:
        change = now.candidate(candidate)
        full = ConnectivityNetwork.of_polygons(np.append(geoms, candidate), LANDSCAPE,
                                               params, iic=False, keep_paths=False)
        assert change.pc_sum_after == pytest.approx(full.indices.pc_sum, rel=1e-6)


def test_a_long_landscape_searched_by_region_equals_one_search_over_all_pairs():
    """Over a long strip (80 km) each block of sources reaches only its own stretch, so the
    searches run on that region of the graph (``_path_sums``); the row sums, PC and the
    kept p* must equal one search over all pairs of the unpruned links."""
    from scipy.sparse.csgraph import shortest_path

    rng = np.random.default_rng(24)
    n = 1500
    centres = np.column_stack([rng.uniform(0, 80_000, n), rng.uniform(0, 2_000, n)])
    geoms = shapely.buffer(shapely.points(centres), rng.uniform(10, 60, n), quad_segs=4)
    landscape = shapely.box(-1000, -1000, 81_000, 3_000)
    params = ConnectivityParams()
    net = ConnectivityNetwork.of_polygons(geoms, landscape, params, iic=False)
    patches = net.patches
    links = patch_links(patches.geoms, params.link_m)
    dist = shortest_path(links.graph(len(patches)), directed=False)
    p = np.where(dist <= params.limit_m, np.exp(-params.k * dist), 0.0)
    np.testing.assert_allclose(net.row_sums, p @ patches.areas, rtol=1e-9)
    assert net.indices.pc_sum == pytest.approx(patches.areas @ p @ patches.areas, rel=1e-9)
    kept = net.paths.toarray()
    upper = np.triu(p, 1)
    assert np.array_equal(kept > 0, upper > 0)
    np.testing.assert_allclose(kept, upper, rtol=1e-6)
    # the regions were used: one block's reach is a small part of the strip
    assert len(patches) > 1024
