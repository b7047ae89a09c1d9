"""The co2e / connectivity objectives within a budget of ha (issue 23 §2, §4): maximise a
benefit (negative weights) with need ≤ Σ area ≤ budget. The bound is the LP relaxation of the
one-row knapsack, checked against scipy's LP solver, and the plan against brute force."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest
from scipy.optimize import linprog

from naturplan.core.optimise.problem import Problem, linear_bound
from naturplan.core.optimise.solve import baseline, solve


def lp_optimum(problem: Problem) -> float:
    """min Σ wx, need ≤ Σ ax ≤ budget, 0 ≤ x ≤ 1 (locked ones fixed) by scipy's linprog."""
    bounds = [(1.0 if i else 0.0, 0.0 if o else 1.0)
              for i, o in zip(problem.locked_in, problem.locked_out, strict=True)]
    a = problem.area[None, :]
    rows, rhs = [-a], [-problem.need]
    if problem.budget is not None:
        rows.append(a)
        rhs.append(problem.budget)
    result = linprog(problem.weight, A_ub=np.vstack(rows), b_ub=rhs, bounds=bounds,
                     method="highs")
    assert result.status == 0
    return float(result.fun)


def brute_force(problem: Problem) -> float:
    best = np.inf
    for bits in itertools.product((False, True), repeat=len(problem)):
        x = np.array(bits)
        if problem.feasible(x):
            best = min(best, float(problem.weight[x].sum()))
    return best


@pytest.mark.parametrize("seed", range(6))
def test_the_budget_bound_is_the_lp_relaxation(seed):
    rng = np.random.default_rng(40 + seed)
    n = 14
    area = rng.uniform(1, 10, n).round(1)
    weight = -(area * rng.uniform(0.2, 3.0, n)).round(2)  # CO2e saved: the more the better
    weight[rng.integers(n)] = 0.8  # one unit that costs
    need = float(area.sum() * rng.uniform(0.1, 0.3))
    budget = need * rng.uniform(1.05, 1.6)
    out = np.zeros(n, dtype=bool)
    out[int(np.argmin(weight / area))] = True
    inside = np.zeros(n, dtype=bool)
    inside[int(np.argmax(weight / area))] = True  # the costly unit, locked in
    problem = Problem(area, weight, need, budget=budget, locked_in=inside, locked_out=out)
    lp = lp_optimum(problem)
    assert linear_bound(problem)[0] == pytest.approx(lp, rel=1e-9, abs=1e-9)
    best = brute_force(problem)
    found = solve(problem, gap=1e-9)
    assert found.objective == pytest.approx(best, rel=1e-9)
    assert lp <= best + 1e-9 and found.bound <= best + 1e-9
    assert baseline(problem).bound == pytest.approx(lp, rel=1e-9, abs=1e-9)


def test_the_budget_binds_and_the_bound_is_not_the_sum_of_every_benefit():
    # four units of 1 ha worth 4, 3, 2 and 1; a budget of 2.5 ha: the LP takes 4 + 3 + half
    # of 2 = 8, not all 10; the best plan in whole units is 4 + 3 = 7.
    area = np.full(4, 1.0)
    problem = Problem(area, -np.array([4.0, 3.0, 2.0, 1.0]), need=1.0, budget=2.5)
    value, price = linear_bound(problem)
    assert value == pytest.approx(-8.0)
    assert price == pytest.approx(-2.0)
    found = solve(problem, gap=1e-9)
    assert found.objective == pytest.approx(-7.0)
    assert list(found.chosen) == [True, True, False, False]


@pytest.mark.parametrize("seed, w", [(1, 0.002), (2, 0.01), (3, 0.05)])
def test_a_benefit_within_a_budget_with_the_penalty_equals_brute_force(seed, w):
    # a 3 × 4 grid of 1 ha squares, CO2e saved per square, 3 ha needed, at most 5 ha; the
    # outline measured by shapely on the union of the chosen squares
    import shapely

    from naturplan.core.optimise.edges import shared_edges

    geoms = np.array([shapely.box(c * 100.0, r * 100.0, (c + 1) * 100.0, (r + 1) * 100.0)
                      for r in range(3) for c in range(4)], dtype=object)
    rng = np.random.default_rng(seed)
    weight = -rng.uniform(0.5, 3.0, 12).round(3)
    edges = shared_edges(geoms)
    outer = shapely.length(geoms) - edges.shared_per_unit(12)
    area = shapely.area(geoms)
    problem = Problem(area, weight, 3 * 10_000.0, budget=5 * 10_000.0, boundary_w=w,
                      outer=outer, edges=edges, planar=True)
    best = np.inf
    for bits in itertools.product((False, True), repeat=12):
        x = np.array(bits)
        if 3 * 10_000.0 <= area[x].sum() <= 5 * 10_000.0:
            best = min(best, weight[x].sum() + w * shapely.union_all(geoms[x]).length)
    found = solve(problem, gap=1e-9)
    assert found.objective == pytest.approx(best, rel=1e-9)
    assert found.bound <= best + 1e-9
    alone = solve(problem, gap=1e-9, use_highs=False)  # the cuts and grown plans alone
    assert problem.feasible(alone.chosen)
    assert best - 1e-9 <= alone.objective <= baseline(problem).objective + 1e-9
    assert math.isfinite(alone.bound) and alone.bound <= best + 1e-9
