"""Targets by kind with a boundary penalty by the Lagrangian with one price per row, each step
one minimum cut (issue 23 §2), against brute force over every subset of a 3 × 4 grid of 1 ha
squares whose outlines shapely measures."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import shapely

from naturplan.core.feedback import Feedback
from naturplan.core.optimise.edges import shared_edges
from naturplan.core.optimise.kinds_cut import lagrangian_kinds
from naturplan.core.optimise.problem import KindTarget, Problem, greedy
from naturplan.core.optimise.solve import solve

HA = 10_000.0


def squares():
    return np.array([shapely.box(c * 100.0, r * 100.0, (c + 1) * 100.0, (r + 1) * 100.0)
                     for r in range(3) for c in range(4)], dtype=object)


def problem_of(weight, need, kinds, w):
    geoms = squares()
    edges = shared_edges(geoms)
    outer = shapely.length(geoms) - edges.shared_per_unit(len(geoms))
    return Problem(shapely.area(geoms), weight, need, boundary_w=w, outer=outer, edges=edges,
                   kinds=kinds, planar=True)


def brute_force(weight, need, kinds, w):
    geoms = squares()
    area = shapely.area(geoms)
    best = np.inf
    for bits in itertools.product((False, True), repeat=len(geoms)):
        x = np.array(bits)
        if area[x].sum() < need or any(area[x & k.member].sum() < k.need for k in kinds):
            continue
        best = min(best, weight[x].sum() + w * shapely.union_all(geoms[x]).length)
    return best


@pytest.mark.parametrize("seed, w", [(1, 0.001), (2, 0.005), (3, 0.02), (4, 0.05)])
def test_kind_targets_with_the_penalty_by_cuts_equal_brute_force(seed, w):
    rng = np.random.default_rng(seed)
    weight = rng.uniform(0.5, 2.0, 12).round(3)
    lowland = np.zeros(12, dtype=bool)
    lowland[[0, 1, 4, 5, 8, 9]] = True  # the left half of the grid is lowland
    kinds = (KindTarget("lowland", lowland, 2 * HA - 1), KindTarget("afforestation", ~lowland,
                                                                    2 * HA - 1))
    need = float(rng.integers(4, 7)) * HA - 1
    best = brute_force(weight, need, kinds, w)
    problem = problem_of(weight, need, kinds, w)
    found = solve(problem, gap=1e-9)
    assert problem.feasible(found.chosen)
    assert found.objective == pytest.approx(best, rel=1e-9)
    assert found.bound <= best + 1e-9
    # the cuts alone: a proven bound and a plan no worse than the greedy's
    start = greedy(problem)
    cut = lagrangian_kinds(problem, start, Feedback(), float("inf"), tolerance=1e-9)
    assert cut.bound <= best + 1e-9
    assert best - 1e-9 <= cut.objective <= problem.objective(start) + 1e-9


def test_without_highs_a_grown_plan_beats_the_per_kind_greedy():
    # Equal cost per ha except one cheap afforestation square (11) in the far corner: the
    # per-kind greedy takes it and scatters; a 2 × 2 block across the kinds' border (4 + 0.01
    # × 800 m) is the optimum, found by growing regions (HiGHS not used).
    weight = np.ones(12)
    weight[11] = 0.9
    lowland = np.zeros(12, dtype=bool)
    lowland[[0, 1, 4, 5, 8, 9]] = True
    kinds = (KindTarget("lowland", lowland, 2 * HA - 1),
             KindTarget("afforestation", ~lowland, 2 * HA - 1))
    w = 0.01
    best = brute_force(weight, 0.0, kinds, w)
    assert best == pytest.approx(12.0)
    problem = problem_of(weight, 0.0, kinds, w)
    start = greedy(problem)
    assert problem.objective(start) > best + 0.5  # the greedy's plan is far worse
    found = solve(problem, gap=1e-9, use_highs=False)
    assert found.objective == pytest.approx(best, rel=1e-9)
    assert problem.feasible(found.chosen)
    # the bound: each kind's 2 ha at 1.0 per ha, less the cheap square's 0.1, plus W times
    # the outline of a region of both kinds' targets (no square is of both), 2·√(π·4 ha)
    assert found.bound == pytest.approx(3.9 + w * 2 * np.sqrt(np.pi * (4 * HA - 2)), abs=1e-3)
    assert found.bound <= best + 1e-9
