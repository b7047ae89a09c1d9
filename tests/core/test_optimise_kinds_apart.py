"""Targets by kind that lie apart, with a boundary penalty and every unit costing the same
per ha (issue 23 §2: the default cost, kinds at W 1/km): each kind's compact part is found.

The optimum is known without the solver: on a grid of 1 ha squares a set of n squares has an
outline of at least 2⌈2√n⌉ sides (Harary & Harborth 1976, "Extremal animals"), 10 for 6
squares (a 2 × 3 block fits the 2 columns of the first kind) and 16 for 16 (a 4 × 4 block);
joining the kinds would take at least 16 more squares of neither kind (the 16 columns between
them), costing more than every outline here. So the optimum is 22 ha + W · those two outlines.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import shapely

from naturplan.core.optimise.edges import shared_edges
from naturplan.core.optimise.problem import KindTarget, Problem
from naturplan.core.optimise.solve import _separable, baseline, solve

HA = 10_000.0
ROWS, COLS = 10, 24
W_PER_M = 0.005  # 5 per km


def kinds_apart(seed: int) -> tuple[Problem, np.ndarray]:
    """The grid in a shuffled order (so that no unit order happens to give a block); the
    first kind in columns 0–1 needs 6 ha, the second in columns 18–23 needs 16 ha."""
    squares = np.array([shapely.box(c * 100.0, r * 100.0, (c + 1) * 100.0, (r + 1) * 100.0)
                        for r in range(ROWS) for c in range(COLS)], dtype=object)
    order = np.random.default_rng(seed).permutation(len(squares))
    squares = squares[order]
    column = order % COLS
    edges = shared_edges(squares)
    outer = shapely.length(squares) - edges.shared_per_unit(len(squares))
    kinds = (KindTarget("lowland", column <= 1, 6 * HA),
             KindTarget("afforestation", column >= 18, 16 * HA))
    problem = Problem(shapely.area(squares), np.ones(len(squares)), 0.0, None, W_PER_M, outer,
                      edges, kinds=kinds, planar=True)
    return problem, squares


@pytest.mark.parametrize("seed", [1, 3])
def test_kinds_apart_each_get_their_compact_block(seed):
    problem, squares = kinds_apart(seed)
    blocks = (shapely.box(0, 0, 200, 300), shapely.box(1800, 0, 2200, 400))
    optimum = 22.0 + W_PER_M * sum(block.length for block in blocks)
    found = solve(problem, time_limit=5.0, use_highs=False)
    assert problem.feasible(found.chosen)
    outline = shapely.union_all(squares[found.chosen])
    assert found.objective == pytest.approx(found.chosen.sum() + W_PER_M * outline.length)
    assert found.objective == pytest.approx(optimum)
    assert found.bound <= optimum + 1e-9


def test_a_kind_plan_is_not_tried_where_a_unit_is_of_two_kinds():
    problem, _ = kinds_apart(1)
    both = problem.kinds[0].member | problem.kinds[1].member
    shared = (KindTarget("lowland", both, 6 * HA), problem.kinds[1])
    assert _separable(problem)
    assert not _separable(replace(problem, kinds=shared))


def brute_force(problem: Problem) -> float:
    """The least objective over every subset of the (at most 20) units."""
    n = len(problem)
    x = ((np.arange(2**n)[:, None] >> np.arange(n)) & 1).astype(bool)
    ok = x @ problem.area >= problem.need * (1 - 1e-12)
    for kind in problem.kinds:
        ok &= (x & kind.member) @ problem.area >= kind.need * (1 - 1e-12)
    x = x[ok & ~(x & problem.locked_out).any(axis=1)]
    cut = x[:, problem.edges.i] != x[:, problem.edges.j]
    return float((x @ problem.weight + problem.boundary_w * (
        x @ problem.outer + cut @ problem.edges.length_m)).min())


@pytest.mark.parametrize("w_per_m", [0.001, 0.01])
def test_the_bound_counts_the_area_of_every_kind_and_stays_below_the_optimum(w_per_m):
    # 4 × 5 squares of 1 ha at 1.0 each; the first kind in column 0 needs 3 ha, the second in
    # columns 3-4 needs 4 ha: every plan holds at least 7 ha, so its outline is at least a
    # disc's of 7 ha (not of the larger kind's 4 ha alone).
    squares = np.array([shapely.box(c * 100.0, r * 100.0, (c + 1) * 100.0, (r + 1) * 100.0)
                        for r in range(4) for c in range(5)], dtype=object)
    column = np.arange(20) % 5
    edges = shared_edges(squares)
    outer = shapely.length(squares) - edges.shared_per_unit(20)
    kinds = (KindTarget("lowland", column == 0, 3 * HA),
             KindTarget("afforestation", column >= 3, 4 * HA))
    problem = Problem(shapely.area(squares), np.ones(20), 0.0, None, w_per_m, outer, edges,
                      kinds=kinds, planar=True)
    disc = w_per_m * 2 * np.sqrt(np.pi * 7 * HA)
    assert baseline(problem).bound == pytest.approx(7.0 + disc)
    optimum = brute_force(problem)
    assert baseline(problem).bound <= optimum + 1e-9
    found = solve(problem, time_limit=5.0, gap=1e-6)
    assert found.bound <= optimum + 1e-9
    assert found.objective == pytest.approx(optimum)
