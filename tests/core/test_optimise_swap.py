"""The outline-smoothing local search (issue 23 §2, the boundary penalty with the default
cost): against brute force over every subset of a grid of 1 ha squares whose outlines
shapely measures."""

from __future__ import annotations

import itertools
import time

import numpy as np
import pytest
import shapely

from naturplan.core.optimise.cut import adjacency_matrix
from naturplan.core.optimise.edges import shared_edges
from naturplan.core.optimise.problem import KindTarget, Problem
from naturplan.core.optimise.swap import band, smooth

HA = 10_000.0


def grid(rows, cols, size=100.0):
    return np.array([shapely.box(c * size, r * size, (c + 1) * size, (r + 1) * size)
                     for r in range(rows) for c in range(cols)], dtype=object)


def problem_of(squares, weight, need, w, locked_out=None):
    edges = shared_edges(squares)
    outer = shapely.length(squares) - edges.shared_per_unit(len(squares))
    n = len(squares)
    return Problem(shapely.area(squares), weight, need, boundary_w=w, outer=outer,
                   edges=edges, planar=True,
                   locked_out=np.zeros(n, bool) if locked_out is None else locked_out)


def cost(squares, weight, w, x):
    """weight + w · the outline of the union, measured by shapely."""
    return weight[x].sum() + w * shapely.union_all(squares[x]).length


def brute_force(squares, weight, need, w, locked_out):
    area = shapely.area(squares)
    best = np.inf
    for bits in itertools.product((False, True), repeat=len(squares)):
        x = np.array(bits)
        if area[x].sum() >= need and not (x & locked_out).any():
            best = min(best, cost(squares, weight, w, x))
    return best


def test_an_l_shaped_plan_becomes_the_square_block():
    # 3 × 4 squares of 1 ha at 1.0 each, 4 ha needed, 1 per km of outline. The L (cells 0, 1,
    # 2 and 4; outline 1,000 m) is 5.0; adding cell 5 and dropping the spur cell 2 gives the
    # 2 × 2 block, 4 + 0.8, the optimum by brute force.
    squares, weight, w = grid(3, 4), np.ones(12), 0.001
    problem = problem_of(squares, weight, 4 * HA, w)
    start = np.zeros(12, bool)
    start[[0, 1, 2, 4]] = True
    assert cost(squares, weight, w, start) == pytest.approx(5.0)
    x = smooth(problem, start, adjacency_matrix(problem), time.monotonic() + 5)
    best = brute_force(squares, weight, 4 * HA, w, np.zeros(12, bool))
    assert best == pytest.approx(4.8)
    assert cost(squares, weight, w, x) == pytest.approx(best)
    assert problem.objective(x) == pytest.approx(best)
    assert start.sum() == 4  # the caller's plan is not changed


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("w", [0.0005, 0.002, 0.01])
def test_smoothing_never_worsens_and_stays_feasible(seed, w):
    rng = np.random.default_rng(seed)
    squares = grid(3, 4)
    weight = rng.uniform(0.5, 1.5, 12)
    locked_out = rng.random(12) < 0.15
    need = 5 * HA
    allowed = np.flatnonzero(~locked_out)
    start = np.zeros(12, bool)
    start[rng.choice(allowed, size=min(7, len(allowed)), replace=False)] = True
    problem = problem_of(squares, weight, need, w, locked_out)
    x = smooth(problem, start, adjacency_matrix(problem), time.monotonic() + 5)
    assert problem.feasible(x)
    assert not (x & locked_out).any()
    before, after = cost(squares, weight, w, start), cost(squares, weight, w, x)
    assert problem.objective(x) == pytest.approx(after)
    assert after <= before + 1e-9
    assert after >= brute_force(squares, weight, need, w, locked_out) - 1e-9


def brute_force_rows(squares, weight, need, w, member, kind_need, budget):
    area = shapely.area(squares)
    best = np.inf
    for bits in itertools.product((False, True), repeat=len(squares)):
        x = np.array(bits)
        if need <= area[x].sum() <= budget and area[x & member].sum() >= kind_need:
            best = min(best, cost(squares, weight, w, x))
    return best


def test_the_spur_of_the_only_kind_unit_is_kept():
    # An L (cells 0, 1, 2 and 6) where cell 2 is the only lowland unit and 1 ha of lowland
    # is needed: adding cell 5 and dropping cell 0 gives the block 1, 2, 5, 6 (4.8, the
    # optimum by brute force with the kind).
    squares, weight, w = grid(3, 4), np.ones(12), 0.001
    member = np.zeros(12, bool)
    member[2] = True
    base = problem_of(squares, weight, 4 * HA, w)
    problem = Problem(base.area, weight, 4 * HA, boundary_w=w, outer=base.outer,
                      edges=base.edges, kinds=(KindTarget("lowland", member, 1 * HA),))
    start = np.zeros(12, bool)
    start[[0, 1, 2, 6]] = True
    x = smooth(problem, start, adjacency_matrix(problem), time.monotonic() + 5)
    assert x[2] and problem.feasible(x)
    best = brute_force_rows(squares, weight, 4 * HA, w, member, 1 * HA, np.inf)
    assert cost(squares, weight, w, x) == pytest.approx(best) == pytest.approx(4.8)


@pytest.mark.parametrize("seed", range(5))
def test_kinds_and_a_budget_hold_while_smoothing(seed):
    rng = np.random.default_rng(100 + seed)
    squares, w = grid(3, 4), 0.002
    weight = rng.uniform(0.5, 1.5, 12)
    member = rng.random(12) < 0.5
    need, kind_need, budget = 4 * HA, 2 * HA, 5 * HA
    base = problem_of(squares, weight, need, w)
    problem = Problem(base.area, weight, need, budget=budget, boundary_w=w, outer=base.outer,
                      edges=base.edges, kinds=(KindTarget("lowland", member, kind_need),))
    start = np.zeros(12, bool)
    start[rng.choice(np.flatnonzero(member), 2, replace=False)] = True
    start[rng.choice(np.flatnonzero(~member), 3, replace=False)] = True
    assert problem.feasible(start)
    x = smooth(problem, start, adjacency_matrix(problem), time.monotonic() + 5)
    assert problem.feasible(x)
    before, after = cost(squares, weight, w, start), cost(squares, weight, w, x)
    assert problem.objective(x) == pytest.approx(after)
    assert after <= before + 1e-9
    assert after >= brute_force_rows(squares, weight, need, w, member, kind_need, budget) - 1e-9


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("rings", [1, 2])
def test_the_band_problem_is_the_whole_problem_with_the_rest_fixed(seed, rings):
    # Every choice y of the band's units: f(x with y) measured by shapely on the whole grid
    # equals the band problem's f(y) plus one constant, and both agree on the target.
    rng = np.random.default_rng(200 + seed)
    squares, w = grid(4, 5), 0.002
    weight = rng.uniform(0.5, 1.5, 20)
    locked_out = rng.random(20) < 0.1
    problem = problem_of(squares, weight, 6 * HA, w, locked_out)
    x = np.zeros(20, bool)
    x[rng.choice(np.flatnonzero(~locked_out), 8, replace=False)] = True
    sub, index = band(problem, x, adjacency_matrix(problem), rings)
    assert len(index) and not (locked_out[index]).any()
    constants = set()
    for bits in itertools.product((False, True), repeat=min(len(index), 12)):
        y = x.copy()
        y[index[:len(bits)]] = bits
        whole = cost(squares, weight, w, y)
        constants.add(round(whole - sub.objective(y[index]), 9))
        assert sub.feasible(y[index]) == problem.feasible(y)
    assert len(constants) == 1
