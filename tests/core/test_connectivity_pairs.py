"""Issue 24 §4: a candidate's gain summed over the pairs behind its shortcuts only
(``shortcuts.pair_gain``), against hand-made answers and full recomputations."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from scipy.sparse import random as sparse_random

from naturplan.core.analysis import connectivity, connectivity_dense, shortcuts
from naturplan.core.analysis.connectivity import ConnectivityNetwork, ConnectivityParams

HA = 10_000.0
LANDSCAPE = shapely.box(-5000, -5000, 5000, 5000)


def hectare(x0, y0=0.0):
    return shapely.box(x0, y0, x0 + 100, y0 + 100)


@pytest.fixture
def paths_taken(monkeypatch):
    """How often the pair sum answered (True) or left the candidate to the scan (False).
    The kept pairs stay sparse (the dense form has its own sums: test_connectivity_dense)."""
    monkeypatch.setattr(connectivity_dense, "DENSE_FACTOR", 0.0)
    taken = []
    real = shortcuts.pair_gain

    def spy(*args):
        gain = real(*args)
        taken.append(gain is not None)
        return gain

    monkeypatch.setattr(connectivity, "pair_gain", spy)
    return taken


def test_a_stepping_stone_between_two_unlinked_patches(paths_taken):
    # 1,500 m apart: no link (links up to 1,000 m). A hectare between them, 750 m and 650 m
    # from each: p* = 0.5^(1400/500) through it. ΣΣ after = 3 ha² + 2·(p750 + p650 + p1400).
    net = ConnectivityNetwork.of_polygons(np.array([hectare(0), hectare(1600)], dtype=object),
                                          LANDSCAPE, ConnectivityParams(), iic=False)
    change = net.candidate(hectare(850))
    p = [0.5 ** (d / 500) for d in (750, 650, 1400)]
    assert change.pc_sum_after == pytest.approx((3 + 2 * sum(p)) * HA**2, rel=1e-12)
    assert paths_taken == [True]


def test_a_stone_that_shortens_nothing_adds_only_its_own_terms(paths_taken):
    # Two patches 300 m apart; a hectare 600 m south of both is no shortcut.
    net = ConnectivityNetwork.of_polygons(np.array([hectare(0), hectare(400)], dtype=object),
                                          LANDSCAPE, ConnectivityParams(), iic=False)
    change = net.candidate(hectare(200, -700))
    d = float(shapely.distance(hectare(0), hectare(200, -700)))
    p_stone = 0.5 ** (d / 500)
    expected = 3 + 2 * (0.5 ** (300 / 500) + 2 * p_stone)
    assert change.pc_sum_after == pytest.approx(expected * HA**2, rel=1e-12)
    assert paths_taken == [True]


def test_kept_values_equal_the_dense_matrix(monkeypatch):
    m = sparse_random(300, 300, density=0.2, format="csr", random_state=3, dtype=np.float32)
    rng = np.random.default_rng(3)
    r, c = rng.integers(0, 300, 5000), rng.integers(0, 300, 5000)
    np.testing.assert_array_equal(shortcuts.kept_values(m, r, c), m.toarray()[r, c])
    monkeypatch.setattr(shortcuts, "ROW_BLOCK_CELLS", 7 * 300)  # 43 blocks of 7 rows
    np.testing.assert_array_equal(shortcuts.kept_values_by_rows(m, r, c), m.toarray()[r, c])


@pytest.mark.parametrize(("seed", "bisect_cost", "max_pairs"),
                         [(6, 0, 10**9), (7, 10**9, 10**9), (8, 0, -1)])
def test_dense_landscape_candidates_by_pairs_equal_a_full_recomputation(
        seed, bisect_cost, max_pairs, paths_taken, monkeypatch):
    # Each way of looking up the old p*: by bisection (cost 0) or by blocks of rows; and
    # the row scan where the pairs are too many (max_pairs -1: always). The scan is made
    # dear, so the pairs are used even where it would be cheaper on this small landscape.
    monkeypatch.setattr(shortcuts, "SCAN_NS", 10**9)
    monkeypatch.setattr(shortcuts, "BISECT_NS", bisect_cost)
    monkeypatch.setattr(shortcuts, "MAX_PAIRS", max_pairs)
    monkeypatch.setattr(shortcuts, "ROW_BLOCK_CELLS", 20 * 240)
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-1200, 1200, size=(240, 2))
    geoms = shapely.buffer(shapely.points(centres), rng.uniform(10, 40, 240), quad_segs=4)
    params = ConnectivityParams()
    now = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, params, iic=False)
    for _ in range(8):
        x0, y0 = rng.uniform(-1300, 1300, 2)
        candidate = shapely.buffer(shapely.Point(x0, y0), rng.uniform(20, 120))
        full = ConnectivityNetwork.of_polygons(np.append(geoms, candidate), LANDSCAPE,
                                               params, iic=False, keep_paths=False)
        assert now.candidate(candidate).pc_sum_after == pytest.approx(
            full.indices.pc_sum, rel=1e-6)
    if max_pairs > 0:
        assert paths_taken == [True] * 8  # by the pairs
    else:  # by the scan, but where no two neighbours make a shortcut (the gain is 0)
        assert paths_taken.count(False) >= 4
