"""HiGHS on windows of a plan's outline and plans near a disc from seeds spread over the map
and moved while they gain (issue 23 §2: the default cost with a boundary penalty). Checked
against shapely-measured outlines and brute force over every choice of the window, or over
every subset of a small grid."""

from __future__ import annotations

import itertools
import math
import time

import numpy as np
import pytest
import shapely

from naturplan.core.optimise import solve as solve_module
from naturplan.core.optimise.cut import adjacency_matrix
from naturplan.core.optimise.edges import shared_edges
from naturplan.core.optimise.grow import ball_plans, seeds, spread_seeds
from naturplan.core.optimise.mip import highs_available
from naturplan.core.optimise.problem import KindTarget, Problem
from naturplan.core.optimise.swap import sectors, window

HA = 10_000.0


def grid(rows, cols, size=100.0):
    return np.array([shapely.box(c * size, r * size, (c + 1) * size, (r + 1) * size)
                     for r in range(rows) for c in range(cols)], dtype=object)


def problem_of(squares, need, w, kinds=(), locked_out=None, weight=None):
    edges = shared_edges(squares)
    outer = shapely.length(squares) - edges.shared_per_unit(len(squares))
    n = len(squares)
    return Problem(shapely.area(squares), np.ones(n) if weight is None else weight, need,
                   boundary_w=w, outer=outer, edges=edges, planar=True, kinds=kinds,
                   locked_out=np.zeros(n, bool) if locked_out is None else locked_out,
                   centre=shapely.get_coordinates(shapely.centroid(squares)))


def cost(squares, weight, w, x):
    """weight + w · the outline of the union, measured by shapely."""
    return float(weight[x].sum()) + w * (shapely.union_all(squares[x]).length if x.any() else 0)


@pytest.mark.parametrize("seed", range(3))
def test_a_window_is_the_whole_problem_plus_a_constant_for_every_choice_in_it(seed):
    # 4 × 5 squares, random weights, a plan x, a window of 8 units (one locked out) around
    # its middle; two kinds. For all 2^8 choices y of the window: f(x with y) - f_window(y)
    # is one constant (outlines by shapely), and x with y meets the target and each kind's
    # target exactly when y meets the window's.
    rng = np.random.default_rng(seed)
    squares = grid(4, 5)
    n = len(squares)
    weight = rng.uniform(0.5, 1.5, n)
    kind = rng.random(n) < 0.5
    kinds = (KindTarget("a", kind, 2 * HA), KindTarget("b", ~kind, 3 * HA))
    locked_out = np.zeros(n, bool)
    locked_out[rng.integers(n)] = True
    problem = problem_of(squares, 7 * HA, 0.002, kinds, locked_out, weight)
    x = rng.random(n) < 0.5
    x &= ~locked_out
    near = np.zeros(n, bool)
    near[rng.choice(n, 8, replace=False)] = True
    sub, index = window(problem, x, near)
    assert set(index) == set(np.flatnonzero(near & ~locked_out))
    constants = set()
    for bits in itertools.product((False, True), repeat=len(index)):
        y = np.array(bits, dtype=bool)
        whole = x.copy()
        whole[index] = y
        constants.add(round(cost(squares, weight, 0.002, whole) - sub.objective(y), 9))
        area = shapely.area(squares)
        meets = area[whole].sum() >= 7 * HA and all(
            area[whole & k.member].sum() >= k.need for k in kinds)
        assert sub.feasible(y) == meets
    assert len(constants) == 1


def test_sectors_part_the_units_into_windows_of_about_the_size_asked():
    centre = np.array([[math.cos(t), math.sin(t)] for t in np.linspace(0, 6.2, 40)]) * 500
    units = np.arange(40)
    for turn in (0.0, 0.5):
        parts = sectors(centre, units, 10, turn)
        assert sorted(np.concatenate(parts)) == list(units)
        assert len(parts) == 4 and all(8 <= len(part) <= 12 for part in parts)


def brute_force_grid(rows, cols, need_squares, w):
    """The least cost over all subsets of rows × cols squares of 1 ha (cost 1 each) with at
    least *need_squares*: the outline of a set of squares counted from the grid itself
    (4 sides each, less 2 per pair of neighbours in a row or a column), 100 m a side."""
    n = rows * cols
    codes = np.arange(2 ** n, dtype=np.int64)
    bits = ((codes[:, None] >> np.arange(n)) & 1).astype(np.int64).reshape(-1, rows, cols)
    count = bits.sum(axis=(1, 2))
    pairs = (bits[:, :, 1:] & bits[:, :, :-1]).sum(axis=(1, 2)) \
        + (bits[:, 1:, :] & bits[:, :-1, :]).sum(axis=(1, 2))
    outline_m = 100.0 * (4 * count - 2 * pairs)
    value = count + w * outline_m
    return float(value[count >= need_squares].min())


@pytest.mark.skipif(not highs_available(), reason="needs highspy")
def test_windows_of_the_outline_make_a_plan_the_optimum_and_never_worse(monkeypatch):
    # 4 × 5 squares of 1 ha, 6 ha needed, 1 per 100 m of outline (every square the same cost
    # per ha: the cheapest units tie). Start from a scattered plan; windows of 4 units solved
    # by HiGHS one after the other reach the optimum found by brute force over all 2^20
    # subsets (outlines by shapely): a 2 × 3 block, 6 + 10 · 1.0 km = 16.
    monkeypatch.setattr(solve_module, "WINDOW_UNITS", 4)
    squares = grid(4, 5)
    w = 0.01
    problem = problem_of(squares, 6 * HA, w)
    weight = np.ones(20)
    best = brute_force_grid(4, 5, 6, w)
    assert best == pytest.approx(16.0)
    start = np.zeros(20, bool)
    start[[0, 2, 4, 10, 15, 19]] = True  # six apart: 6 + 10 · 2.4
    found = solve_module._Best(problem, start, -math.inf)
    found.windows(adjacency_matrix(problem), solve_module.Feedback(), time.monotonic() + 60)
    assert problem.feasible(found.x)
    assert found.value == pytest.approx(cost(squares, weight, w, found.x))
    assert found.value == pytest.approx(best)
    assert found.method.endswith("+windows")


def test_seeds_spread_over_the_map_not_where_the_units_are_small():
    # 900 small squares (10 m) in one corner and 100 large ones (100 m) over the rest of a
    # 1 km² map: random seeds fall among the small units; spread seeds cover the map, one per
    # cell of a grid holding the area |count| times over.
    small = [shapely.box(x * 10.0, y * 10.0, x * 10.0 + 10, y * 10.0 + 10)
             for y in range(30) for x in range(30)]
    large = [shapely.box(x * 100.0, y * 100.0, x * 100.0 + 100, y * 100.0 + 100)
             for y in range(10) for x in range(10) if x >= 3 or y >= 3]
    squares = np.array(small + large, dtype=object)
    problem = problem_of(squares, 10 * HA, 0.01)
    everyone = np.ones(len(squares), dtype=bool)
    in_corner = problem.centre.max(axis=1) < 300

    def corner_share(found):
        return float(in_corner[found].mean())

    assert corner_share(seeds(problem, everyone, 16)) > 0.6
    spread = spread_seeds(problem, everyone, 16)
    assert corner_share(spread) <= 0.2
    cells = {tuple(np.floor(c / 250.0)) for c in problem.centre[spread]}
    assert len(cells) == len(spread) >= 16


def test_a_poor_seed_is_moved_to_the_disc_of_least_outline():
    # 17 × 17 squares of 1 ha, 45 ha needed: the only seed offered is the corner square,
    # whose nearest squares make a quarter disc against the map's edge (its outline counts).
    # Moved while they gain (to any unit, not only the seeds offered), the seeds reach a
    # disc of 28 sides, the least any 45 squares can have (2⌈2√45⌉, Harary & Harborth 1976).
    squares = grid(17, 17)
    problem = problem_of(squares, 45 * HA, 0.01)
    corner = np.zeros(len(squares), dtype=bool)
    corner[0] = True
    still = ball_plans(problem, corner, time.monotonic() + 30, count=1, keep=1)[0]
    moved = ball_plans(problem, corner, time.monotonic() + 30, count=1, keep=1, moves=24)[0]
    weight = np.ones(len(squares))
    assert shapely.union_all(squares[still]).length / 100 > 28
    assert problem.area[moved].sum() >= problem.need
    assert shapely.union_all(squares[moved]).length / 100 == 28
    assert problem.objective(moved) == pytest.approx(cost(squares, weight, 0.01, moved))


@pytest.mark.parametrize("seed", range(3))
def test_the_k_d_tree_gives_the_units_of_the_whole_sort(seed):
    # Random centres (no ties) and areas; for targets from a few units to all but the last
    # ones, the tree's nearest units are the prefix of the whole map sorted by distance
    # (_nearest), or it leaves the answer to it (None); never an error at the end of its k.
    from naturplan.core.optimise.grow import _CrowTree, _nearest

    rng = np.random.default_rng(seed)
    n = 115
    area = rng.uniform(0.2, 3.0, n) * HA
    usable = rng.random(n) < 0.9
    problem = Problem(area, np.ones(n), 1.0, centre=rng.uniform(0, 1000, (n, 2)))
    units = np.flatnonzero(usable)
    for share in (0.01, 0.3, 0.6, 0.9, 0.99, 1.0, 1.01):
        missing = share * float(area[units].sum())
        tree = _CrowTree(problem, usable, missing)
        for s in rng.choice(units, 10, replace=False):
            found = tree.nearest(int(s))
            whole = _nearest(units, np.hypot(*(problem.centre - problem.centre[s]).T), area,
                             missing)
            if found is not None:
                assert whole is not None and sorted(found) == sorted(whole)


def test_the_k_d_tree_when_the_target_is_reached_by_exactly_its_k_nearest():
    # 150 squares of 1 m² around the seed, 50 of 1,000 m² far off: the tree asks for 64
    # units (1.5 × the target over the mean area, plus 64), and the 64 nearest hold the
    # 64 m² needed exactly: the 64 small ones nearest the seed, as the whole sort says.
    from naturplan.core.optimise.grow import _CrowTree, _nearest

    rng = np.random.default_rng(5)
    area = np.r_[np.ones(150), np.full(50, 1000.0)]
    centre = np.r_[rng.uniform(0, 10, (150, 2)), rng.uniform(500, 600, (50, 2))]
    problem = Problem(area, np.ones(200), 1.0, centre=centre)
    usable = np.ones(200, dtype=bool)
    tree = _CrowTree(problem, usable, 64.0)
    assert tree.k == 64
    found = tree.nearest(0)
    whole = _nearest(np.arange(200), np.hypot(*(centre - centre[0]).T), area, 64.0)
    assert whole is not None and len(whole) == 64
    assert found is None or sorted(found) == sorted(whole)
