"""The suggested plan's solver (issue 23 §2) against brute force on hand-made cases of at
most 16 units: every subset is tried, its boundary measured by shapely on the union of the
chosen squares (not by the solver's edge arithmetic)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import shapely

from naturplan.core.errors import OptimiseError
from naturplan.core.feedback import Feedback
from naturplan.core.optimise.cut import lagrangian
from naturplan.core.optimise.edges import shared_edges
from naturplan.core.optimise.problem import Problem, greedy, linear_bound
from naturplan.core.optimise.solve import baseline, solve


def brute_force(area, weight, need, budget=None, locked_out=(), boundary=None):
    """The least objective over every subset that reaches *need* (and fits *budget*)."""
    best, best_x = np.inf, None
    n = len(area)
    for bits in itertools.product((False, True), repeat=n):
        x = np.array(bits)
        got = area[x].sum()
        if got < need or (budget is not None and got > budget) or x[list(locked_out)].any():
            continue
        value = weight[x].sum() + (boundary(x) if boundary is not None else 0.0)
        if value < best - 1e-9:
            best, best_x = value, x
    return best, best_x


def test_greedy_is_provably_worse_and_the_solver_finds_the_optimum():
    # Greedy takes unit 0 (5.9 per 6 ha, the best ratio) and then needs a 5 ha unit: 10.9;
    # units 1 and 2 together reach the 10 ha at 10.0.
    area, weight = np.array([6.0, 5.0, 5.0]), np.array([5.9, 5.0, 5.0])
    problem = Problem(area, weight, need=10.0)
    assert list(greedy(problem)) == [True, True, False]
    assert baseline(problem).objective == pytest.approx(10.9)
    best, x = brute_force(area, weight, 10.0)
    found = solve(problem)
    assert best == pytest.approx(10.0) and list(x) == [False, True, True]
    assert found.objective == pytest.approx(best)
    assert list(found.chosen) == list(x)
    assert found.bound <= best + 1e-9 and found.gap <= 1e-3


@pytest.mark.parametrize("seed", range(6))
def test_random_covering_problems_equal_brute_force(seed):
    rng = np.random.default_rng(seed)
    n = 14
    area = rng.uniform(1, 10, n).round(1)
    weight = (area * rng.uniform(0.5, 2.0, n)).round(2)
    need = float(area.sum() * rng.uniform(0.3, 0.6))
    best, _ = brute_force(area, weight, need)
    found = solve(Problem(area, weight, need), gap=1e-6)
    assert found.objective == pytest.approx(best, rel=1e-9)
    assert found.bound <= best + 1e-9
    assert area[found.chosen].sum() >= need


def test_a_budget_and_a_locked_out_unit_are_kept():
    rng = np.random.default_rng(11)
    n = 12
    area = rng.uniform(1, 10, n).round(1)
    weight = -(area * rng.uniform(0.5, 2.0, n)).round(2)  # a benefit: the more the better
    need, budget = float(area.sum() * 0.3), float(area.sum() * 0.45)
    cheapest = int(np.argmin(weight / area))
    out = np.zeros(n, dtype=bool)
    out[cheapest] = True
    best, _ = brute_force(area, weight, need, budget, locked_out=[cheapest])
    found = solve(Problem(area, weight, need, budget=budget, locked_out=out), gap=1e-6)
    assert not found.chosen[cheapest]
    assert found.objective == pytest.approx(best, rel=1e-9)
    assert need <= area[found.chosen].sum() <= budget


def grid(rows, cols, size=100.0):
    return np.array([shapely.box(c * size, r * size, (c + 1) * size, (r + 1) * size)
                     for r in range(rows) for c in range(cols)], dtype=object)


def penalised(squares, weight, need, w, locked_out=None):
    edges = shared_edges(squares)
    perimeter = shapely.length(shapely.boundary(squares))
    outer = perimeter - edges.shared_per_unit(len(squares))
    area = shapely.area(squares)
    return Problem(area, weight, need, boundary_w=w, outer=outer, edges=edges,
                   locked_out=locked_out if locked_out is not None
                   else np.zeros(len(squares), dtype=bool))


def test_shared_edges_of_a_grid_by_segment_matching():
    squares = grid(3, 4)
    edges = shared_edges(squares)
    # 3 rows × 3 neighbours side by side + 2 × 4 above each other, 100 m each.
    assert len(edges) == 17
    assert np.allclose(edges.length_m, 100.0)
    pairs = {(int(i), int(j)) for i, j in zip(edges.i, edges.j, strict=True)}
    assert (0, 1) in pairs and (0, 4) in pairs and (0, 5) not in pairs


@pytest.mark.parametrize("seed, w", [(1, 0.002), (2, 0.01), (3, 0.05), (4, 0.2)])
def test_the_boundary_penalty_equals_brute_force(seed, w):
    rng = np.random.default_rng(seed)
    squares = grid(3, 4)
    weight = rng.uniform(0.5, 2.0, len(squares)).round(3)
    need = 5 * 10_000.0 - 1.0  # five of the twelve 1 ha squares

    def measured(x):
        return w * shapely.length(shapely.boundary(shapely.union_all(squares[x]))) \
            if x.any() else 0.0

    problem = penalised(squares, weight, need, w)
    best, _ = brute_force(problem.area, weight, need, boundary=measured)
    x = problem.area > 0
    assert problem.objective(x) == pytest.approx(weight.sum() + measured(x))
    found = solve(problem, gap=1e-6)
    assert found.objective == pytest.approx(best, rel=1e-9)
    cut = lagrangian(problem, Feedback(), deadline=float("inf"))
    assert cut.bound <= best + 1e-6  # the Lagrangian bound is a proven lower bound
    assert cut.objective >= best - 1e-9


@pytest.mark.parametrize("seed", [1, 2, 6, 10])
def test_the_solver_is_never_worse_than_the_references_cut_alone(seed):
    """The issue's reference runs the Lagrangian min-cut alone to its own tolerance; solve()
    stopped its cut at the requested gap (0.1 %) and handed back a dearer plan than that
    search finds in these four cases (by 0.01-0.04 %)."""
    rng = np.random.default_rng(seed)
    squares = grid(30, 30)
    weight = rng.lognormal(0.0, 0.5, len(squares))
    problem = penalised(squares, weight, 0.3 * 900 * 10_000.0, 0.002)
    alone = lagrangian(problem, Feedback(), deadline=float("inf"),
                       start_price=linear_bound(problem)[1])
    found = solve(problem, time_limit=10.0)
    assert found.gap <= 1e-3
    assert found.objective <= alone.objective + 1e-9
    assert found.bound >= alone.bound - 1e-9


def test_a_locked_out_unit_is_never_chosen_with_the_penalty():
    squares = grid(4, 4)
    weight = np.full(16, 1.0)
    weight[5] = 0.01  # by far the cheapest, in the middle of the block a compact plan takes
    out = np.zeros(16, dtype=bool)
    out[5] = True
    problem = penalised(squares, weight, 4 * 10_000.0 - 1, 0.01, locked_out=out)
    for use_highs in (True, False):
        found = solve(problem, use_highs=use_highs)
        assert not found.chosen[5]
        assert problem.area[found.chosen].sum() >= 4 * 10_000.0 - 1


def test_an_unreachable_target_says_how_many_hectares_can_be_reached():
    area = np.array([30_000.0, 20_000.0, 50_000.0])
    out = np.array([False, False, True])
    with pytest.raises(OptimiseError) as caught:
        solve(Problem(area, area / 10_000, need=60_000.0, locked_out=out))
    assert caught.value.params["reachable"] == 5  # whole ha: 3 + 2, the 5 ha unit is out
    assert caught.value.params["need"] == 6


def test_cancel_keeps_the_best_plan_so_far():
    squares = grid(4, 5)
    rng = np.random.default_rng(5)
    problem = penalised(squares, rng.uniform(0.5, 2, 20), 7 * 10_000.0 - 1, 0.02)
    feedback = Feedback()
    feedback.cancel()
    found = solve(problem, feedback)
    assert found.status == "cancelled"
    assert problem.feasible(found.chosen)
    assert found.objective == pytest.approx(problem.objective(found.chosen))
