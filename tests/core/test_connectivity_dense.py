"""Issue 24 §4: the kept pairs as a dense triangle and a candidate's gain summed by blocks
(``connectivity_dense``), against hand-made answers, full recomputations and the sparse
form's sums."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from naturplan.core.analysis import connectivity, connectivity_dense
from naturplan.core.analysis.connectivity import ConnectivityNetwork, ConnectivityParams
from naturplan.core.analysis.connectivity_dense import DensePairs

HA = 10_000.0
LANDSCAPE = shapely.box(-5000, -5000, 5000, 5000)


def hectare(x0, y0=0.0):
    return shapely.box(x0, y0, x0 + 100, y0 + 100)


@pytest.fixture
def dense_sums(monkeypatch):
    """How many candidates the dense block sums answered."""
    calls = []
    real = connectivity_dense.dense_gain

    def spy(*args):
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(connectivity, "dense_gain", spy)
    return calls


def test_a_stepping_stone_in_a_dense_network_by_hand(dense_sums):
    # A and C 1,500 m apart (no link), both 922 m from B: every pair is connected, so the
    # dense form is kept. A stone 750 m from A and 650 m from C shortens A–C only
    # (through B: 1,844 m); it is 600 m from B.
    a, b, c, stone = hectare(0), hectare(800, 700), hectare(1600), hectare(850)
    net = ConnectivityNetwork.of_polygons(np.array([a, b, c], dtype=object), LANDSCAPE,
                                          ConnectivityParams(), iic=False)
    assert isinstance(net.paths, DensePairs)
    d_ab = float(shapely.distance(a, b))  # 921.95 m, as B–C
    p = [0.5 ** (d / 500) for d in (d_ab, d_ab, 750, 650, 600, 1400)]
    before = 3 + 2 * (2 * 0.5 ** (d_ab / 500) + 0.5 ** (2 * d_ab / 500))
    assert net.indices.pc_sum == pytest.approx(before * HA**2, rel=1e-12)
    change = net.candidate(stone)
    # the old p* of A–C (0.078) is kept as float32: 1e-9 of the sum
    assert change.pc_sum_after == pytest.approx((4 + 2 * sum(p)) * HA**2, rel=1e-8)
    assert change.pc_sum_after - net.indices.pc_sum == pytest.approx(
        (1 + 2 * sum(p[2:]) - 2 * 0.5 ** (2 * d_ab / 500)) * HA**2, rel=1e-6)
    assert dense_sums == [1]


def _landscape(seed):
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-1200, 1200, size=(240, 2))
    geoms = shapely.buffer(shapely.points(centres), rng.uniform(10, 40, 240), quad_segs=4)
    candidates = []
    for _ in range(8):
        (x0, y0), (x1, y1) = rng.uniform(-1300, 1300, size=(2, 2))
        candidates.append(shapely.buffer(shapely.LineString([(x0, y0), (x1, y1)]), 10))
        candidates.append(shapely.buffer(shapely.Point(x0, y1), rng.uniform(100, 300)))
        # two parts apart: two new patches at once
        candidates.append(shapely.union(hectare(x0, y0), hectare(x1, y1)))
    return geoms, candidates


@pytest.mark.parametrize("seed", [11, 12])
def test_dense_candidates_equal_a_full_recomputation_and_the_sparse_sums(seed, dense_sums,
                                                                         monkeypatch):
    geoms, candidates = _landscape(seed)
    params = ConnectivityParams()
    dense = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, params, iic=False)
    assert isinstance(dense.paths, DensePairs)
    monkeypatch.setattr(connectivity_dense, "DENSE_FACTOR", 0.0)
    sparse = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, params, iic=False)
    assert not isinstance(sparse.paths, DensePairs)
    # the same p*, every pair, in both forms
    np.testing.assert_array_equal(dense.paths.toarray(), sparse.paths.toarray())
    assert dense.paths.nnz == sparse.paths.nnz
    merging = 0
    for candidate in candidates:
        change = dense.candidate(candidate)
        merging = max(merging, len(change.joins))
        assert change.pc_sum_after == pytest.approx(sparse.candidate(candidate).pc_sum_after,
                                                    rel=1e-12)
        full = ConnectivityNetwork.of_polygons(np.append(geoms, candidate), LANDSCAPE,
                                               params, iic=False, keep_paths=False)
        assert change.pc_sum_after == pytest.approx(full.indices.pc_sum, rel=1e-6)
    assert merging >= 3  # blobs that join several patches into one were among them
    assert len(dense_sums) > 0


def test_the_dense_form_is_kept_only_where_it_is_no_larger():
    # 40 patches in a row, 800 m apart: each reaches the next three (15 % of the pairs).
    geoms = np.array([hectare(900 * i - 60_000) for i in range(40)], dtype=object)
    landscape = shapely.box(-61_000, -1000, 61_000, 1000)
    net = ConnectivityNetwork.of_polygons(geoms, landscape, ConnectivityParams(), iic=False)
    assert not isinstance(net.paths, DensePairs)
    assert 0 < net.paths.nnz < 0.2 * 40 * 39 / 2


def test_dense_values_in_either_order_and_the_symmetric_block():
    geoms, _ = _landscape(13)
    net = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, ConnectivityParams(), iic=False)
    pairs = net.paths
    assert isinstance(pairs, DensePairs)
    upper = pairs.toarray().astype(float)
    full = upper + upper.T
    rng = np.random.default_rng(1)
    r, c = rng.integers(0, pairs.shape[0], (2, 3000))
    r, c = r[r != c], c[r != c]
    np.testing.assert_array_equal(pairs.values(r, c), full[r, c])
    idx = np.array([5, 0, 17, 3])
    np.testing.assert_array_equal(connectivity_dense.symmetric_block(pairs, idx),
                                  full[np.ix_(idx, idx)])
