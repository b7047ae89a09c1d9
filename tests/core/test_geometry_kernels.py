"""Issue 21 §4: one group union, one grid cutter, one thread-pool rule for the whole core.

Each kernel is checked against plain shapely on hand-made or random polygons, with threads
forced on and off; and the core is searched for a second kernel or thread rule."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import shapely

import naturplan
from naturplan.core import geometry_kernels as K


def _polygons(n: int, seed: int = 5) -> np.ndarray:
    rng = np.random.default_rng(seed)
    pts = shapely.points(rng.uniform(0, 3000, (n, 2)))
    return np.asarray(shapely.buffer(pts, rng.uniform(20, 150, n), quad_segs=6), dtype=object)


@pytest.mark.parametrize("threads", [False, True])
def test_union_by_group_is_the_union_of_each_group(threads, monkeypatch):
    if threads:  # every size class on the pool, however small
        monkeypatch.setattr(K, "PARALLEL_MIN_ITEMS", 1)
        monkeypatch.setattr(K, "WORKERS", 2)
    geoms = _polygons(400)
    groups = np.random.default_rng(1).integers(0, 90, len(geoms)) * 7  # sparse keys
    unions, keys = K.union_by_group(geoms, groups)
    assert list(keys) == sorted(set(groups.tolist()))
    for key, union in zip(keys, unions, strict=True):
        plain = shapely.union_all(geoms[groups == key])
        assert shapely.equals(union, plain)
        assert union.area == pytest.approx(plain.area, rel=1e-12)


def test_union_by_group_with_an_executor_and_alone_agree():
    geoms = _polygons(300, seed=9)
    groups = np.random.default_rng(2).integers(0, 40, len(geoms))
    alone, keys = K.union_by_group(geoms, groups)
    with ThreadPoolExecutor(2) as pool:
        pooled, keys2 = K.union_by_group(geoms, groups, pool)
    assert list(keys) == list(keys2)
    assert all(shapely.equals_exact(alone, pooled, 0.0))  # the same unions, bit for bit


def test_a_group_of_one_is_kept_as_it_is():
    geoms = _polygons(5)
    unions, keys = K.union_by_group(geoms, np.arange(5))
    assert all(u is g for u, g in zip(unions, geoms, strict=True))


def test_grid_cut_pieces_cover_each_polygon_inside_one_cell():
    big = shapely.buffer(shapely.Point(1500, 1500), 1400, quad_segs=128)  # 512 vertices
    small = shapely.box(10, 10, 60, 60)
    pieces, owner = K.grid_cut(np.array([small, big], dtype=object), 500.0, 256)
    assert pieces[0] is small and owner[0] == 0  # few vertices: whole
    mine = pieces[owner == 1]
    assert len(mine) > 1
    assert shapely.area(mine).sum() == pytest.approx(big.area, rel=1e-12)
    assert shapely.union_all(mine).symmetric_difference(big).area < 1e-6
    b = shapely.bounds(mine)  # each piece in one 500 m cell of a grid anchored at 0
    assert (np.floor(b[:, 0] / 500) == np.floor((b[:, 2] - 1e-6) / 500)).all()
    assert (np.floor(b[:, 1] / 500) == np.floor((b[:, 3] - 1e-6) / 500)).all()
    assert set(shapely.get_type_id(mine)) <= {3, 6}  # polygonal only


def test_grid_cut_with_an_extent_keeps_only_what_lies_in_it():
    big = shapely.buffer(shapely.Point(1500, 1500), 1400, quad_segs=128)
    far = shapely.box(9000, 9000, 9100, 9100)
    pieces, owner = K.grid_cut(np.array([far, big], dtype=object), 500.0, 256,
                               extent=(0, 0, 1000, 1000))
    assert set(owner.tolist()) == {1}
    assert shapely.union_all(pieces).covers(shapely.box(0, 0, 1000, 1000).intersection(big))


def test_threaded_gives_one_call_s_result(monkeypatch):
    monkeypatch.setattr(K, "PARALLEL_MIN_ITEMS", 1)
    monkeypatch.setattr(K, "WORKERS", 2)
    a, b = _polygons(200, 3), _polygons(200, 4)
    one = shapely.intersection(a, b)
    assert all(shapely.equals_exact(K.threaded(shapely.intersection, a, b), one, 0.0))
    clip = shapely.box(0, 0, 1500, 1500)
    assert all(shapely.equals_exact(K.threaded(shapely.intersection, a, clip),
                                    shapely.intersection(a, clip), 0.0))
    d = K.threaded(shapely.distance, a, b)
    assert d.dtype == float and np.array_equal(d, shapely.distance(a, b))


def test_the_core_has_one_union_kernel_one_cutter_one_thread_rule():
    """No module of the core but geometry_kernels makes a thread pool, reads the core count,
    or defines its own group union or grid cutter (issue 21 §4 found three of each)."""
    core = Path(naturplan.__file__).parent / "core"
    own = core / "geometry_kernels.py"
    found = []
    rule = re.compile(r"ThreadPoolExecutor\(|cpu_count\(|def (union_per_group|union_by_group|"
                      r"union_groups_loop|cut_large|_pieces|threaded|intersection_each)\(")
    for path in core.rglob("*.py"):
        if path == own:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if rule.search(line) and not line.lstrip().startswith("#"):
                found.append(f"{path.relative_to(core)}: {line.strip()}")
    # protected.cut_large is the index's cutting rule, a call of grid_cut with its limit
    found = [f for f in found if not f.startswith("share/protected.py: def cut_large(")]
    assert found == []
