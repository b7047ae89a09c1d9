"""Today's network in bounded pieces (issue 24 §2): links queried a block of patches at a
time and detours looked at a run at a time give exactly the links of the whole at once."""

from __future__ import annotations

import itertools
import os
import sys

import numpy as np
import pytest
import shapely
from analysis_fixtures import layers, polygons, write_depth

from naturplan.core.analysis import connectivity_dense as dense_module
from naturplan.core.analysis import flood as flood_module
from naturplan.core.analysis import patches as pm
from naturplan.core.analysis.flood import nature_at_risk
from naturplan.core.analysis.patches import PieceIndex, dissolve_patches, patch_links, prune_links
from naturplan.core.heap import give_back_free_heap

LANDSCAPE = shapely.box(-5000, -5000, 5000, 5000)


def landscape(seed, n=160):
    """Small round patches and a few long ones with many vertices (cut into pieces, so the
    pieces' owners are not in order)."""
    rng = np.random.default_rng(seed)
    centres = rng.uniform(-3000, 3000, size=(n, 2))
    small = shapely.buffer(shapely.points(centres), rng.uniform(20, 90, n), quad_segs=4)
    long = [shapely.buffer(shapely.LineString([(x, -2500), (x + 300, 2500)]), 40, quad_segs=64)
            for x in (-2000, 500, 2200)]
    return dissolve_patches(np.array([*small, *long], dtype=object), LANDSCAPE)


def brute_links(geoms, max_d):
    """Every pair's distance from the whole polygons, by hand."""
    out = []
    for i, j in itertools.combinations(range(len(geoms)), 2):
        d = shapely.distance(geoms[i], geoms[j])
        if d <= max_d:
            out.append((i, j, d))
    return out


def test_links_in_blocks_equal_one_query_and_the_pairwise_distances(monkeypatch):
    patches = landscape(11)
    index = PieceIndex.of(patches.geoms)
    assert len(index.pieces) > len(patches)  # the long patches are cut
    assert np.any(np.diff(index.owner) < 0)
    a, b, d = index.near(index.pieces, 800.0, index.owner, upper=True)  # all at once
    monkeypatch.setattr(pm, "LINK_BLOCK", 7)
    links = patch_links(patches.geoms, 800.0, index)
    np.testing.assert_array_equal(links.i, a)
    np.testing.assert_array_equal(links.j, b)
    np.testing.assert_array_equal(links.d, d)
    expected = brute_links(patches.geoms, 800.0)
    assert [(int(i), int(j)) for i, j in zip(links.i, links.j, strict=True)] == \
        [(i, j) for i, j, _ in expected]
    np.testing.assert_allclose(links.d, [e[2] for e in expected], rtol=0, atol=1e-9)


def redundant_by_hand(n, links):
    """A link is dropped when some patch k has links to both ends no longer than it in sum."""
    dist = {}
    for i, j, d in zip(links.i, links.j, links.d, strict=True):
        dist[int(i), int(j)] = dist[int(j), int(i)] = float(d)
    keep = []
    for i, j, d in zip(links.i, links.j, links.d, strict=True):
        i, j = int(i), int(j)
        drop = any((i, k) in dist and (j, k) in dist and dist[i, k] + dist[j, k] <= d
                   for k in range(n) if k not in (i, j))
        keep.append(not drop)
    return np.array(keep)


def test_pruning_in_runs_drops_the_links_a_detour_makes_redundant(monkeypatch):
    patches = landscape(5)
    n = len(patches)
    links = patch_links(patches.geoms, 1000.0)
    whole = prune_links(n, links)
    keep = redundant_by_hand(n, links)
    assert 0 < keep.sum() < len(links)
    monkeypatch.setattr(pm, "DETOURS_AT_ONCE", 5)
    runs = prune_links(n, links)
    for pruned in (whole, runs):
        np.testing.assert_array_equal(pruned.i, links.i[keep])
        np.testing.assert_array_equal(pruned.j, links.j[keep])
        np.testing.assert_array_equal(pruned.d, links.d[keep])


def test_detour_runs_cover_every_slot_once_and_stay_near_the_budget(monkeypatch):
    monkeypatch.setattr(pm, "DETOURS_AT_ONCE", 10)
    count = np.array([0, 3, 4, 0, 12, 1, 1, 1, 0, 2, 9, 9])
    runs = pm._detour_chunks(count)
    np.testing.assert_array_equal(np.concatenate(runs), np.flatnonzero(count))
    for run in runs:  # a run passes the budget by less than its first slot's pairs
        assert count[run].sum() < 10 + count[run[0]]
    assert len(runs) >= 4


def _rss_mb():
    for line in open("/proc/self/status").read().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux") or not hasattr(os, "confstr")
                    or "glibc" not in os.confstr("CS_GNU_LIBC_VERSION"), reason="glibc only")
def test_the_free_heap_of_many_small_geometries_goes_back_to_the_system():
    keep = []
    for _ in range(3):
        made = list(shapely.buffer(shapely.points(np.arange(100_000.0), 0.0), 1.0, quad_segs=2))
        keep.extend(made[::1000])  # a few live objects pin the pages around them
        del made
    before = _rss_mb()
    assert give_back_free_heap()
    assert _rss_mb() < before - 20  # 300,000 polygons of ~300 bytes, all but 300 freed
    assert len(keep) == 300


def test_the_nature_at_risk_is_measured_and_then_the_heap_given_back(tmp_path, monkeypatch):
    # The west half (x < 100) of the raster is flooded 2 m deep; one Eng polygon lies across
    # the edge (200 of its 300 m² wet), one Mose polygon all in the dry half.
    depth = np.zeros((10, 20))
    depth[:, :10] = 2.0
    flood = write_depth(tmp_path / "d.tif", depth, origin=(0.0, 100.0))
    nature = polygons([shapely.box(90, 10, 105, 30), shapely.box(150, 0, 160, 10)],
                      type=["Eng", "Mose"], id=["1", "2"])
    calls = []
    monkeypatch.setattr(flood_module, "give_back_free_heap", lambda: calls.append(1))
    result = nature_at_risk(layers(municipality=shapely.box(0, 0, 200, 100), nature=nature,
                                   flood=flood))
    by = {t.nature_type: t for t in result.types}
    assert (by["Eng"].area_m2, by["Eng"].wet_m2, by["Eng"].mean_depth) == \
        pytest.approx((300.0, 200.0, 2.0))
    assert (by["Mose"].area_m2, by["Mose"].wet_m2) == pytest.approx((100.0, 0.0))
    assert calls == [1]
    assert nature_at_risk(layers(nature=nature)) is None and calls == [1]  # no flood layer


def blocks_of(p_star, block_sources):
    """The search blocks' kept pairs of the upper triangle *p_star*, as _path_blocks keeps
    them (sources sorted, each row's columns in order)."""
    kept = []
    for sources in block_sources:
        sources = np.sort(sources)
        r, c = np.nonzero(p_star[sources] > 0)
        kept.append((sources, c.astype(np.int32), p_star[sources[r], c].astype(np.float32)))
    return kept, np.count_nonzero(p_star > 0, axis=1).astype(np.int64)


@pytest.mark.parametrize("dense_factor", [0.0, 1e9])
def test_kept_pairs_let_go_block_by_block_give_the_same_matrix(monkeypatch, dense_factor):
    rng = np.random.default_rng(3)
    n = 60
    p_star = np.triu(rng.uniform(0.1, 1.0, (n, n)), 1).astype(np.float32)
    p_star[rng.uniform(size=(n, n)) < 0.6] = 0.0
    blocks = np.array_split(rng.permutation(n), 12)  # spatial order: not patch order
    kept, counts = blocks_of(p_star, blocks)
    calls = []
    monkeypatch.setattr(dense_module, "RELEASE_BYTES", 100)
    monkeypatch.setattr(dense_module, "DENSE_FACTOR", dense_factor)
    monkeypatch.setattr(dense_module, "give_back_free_heap", lambda: calls.append(1))
    pairs = dense_module.kept_pairs(kept, counts, n, np.concatenate(blocks))
    assert isinstance(pairs, dense_module.DensePairs) == (dense_factor > 1)
    np.testing.assert_array_equal(pairs.toarray(), p_star)
    assert pairs.nnz == np.count_nonzero(p_star)
    assert kept == [] and 8 <= len(calls) <= 12  # every block of ~100+ bytes let go


def test_the_nature_at_risk_in_small_windows_is_the_same_to_the_last_bit(tmp_path,
                                                                        monkeypatch):
    rng = np.random.default_rng(8)
    depth = rng.uniform(0.0, 2.0, (100, 120))
    depth[depth < 0.9] = 0.0
    flood = write_depth(tmp_path / "d.tif", depth, origin=(0.0, 1000.0), res=10.0)
    centres = rng.uniform([20, 20], [1180, 980], (80, 2))
    geoms = shapely.buffer(shapely.points(centres), rng.uniform(5, 70, 80), quad_segs=4)
    nature = polygons(list(geoms), type=[("Eng", "Mose", "Strandeng")[k % 3] for k in range(80)],
                      id=[str(k) for k in range(80)])
    lay = layers(municipality=shapely.box(0, 0, 1200, 1000), nature=nature, flood=flood)
    monkeypatch.setattr(flood_module, "WINDOW_CELLS", 10**9)  # one read of all
    whole = nature_at_risk(lay)
    monkeypatch.setattr(flood_module, "WINDOW_CELLS", 400)  # blocks of 10 × 10 cells
    assert nature_at_risk(lay) == whole
    # and the areas are the union of each type's polygons in the municipality, by shapely
    for t in whole.types:
        own = [g for g, name in zip(geoms, nature.column("type"), strict=True)
               if name == t.nature_type]
        inside = shapely.intersection(shapely.union_all(own), shapely.box(0, 0, 1200, 1000))
        assert t.area_m2 == pytest.approx(inside.area, rel=1e-12)
    assert sum(t.wet_m2 > 0 for t in whole.types) == 3
