"""Targets by kind (issue 23 §2: "a number of ha by kind"): one covering row per kind,
checked against brute force over every subset of at most 14 units."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import shapely

from naturplan.core.errors import OptimiseError
from naturplan.core.optimise.problem import KindTarget, Problem, greedy, kind_bound
from naturplan.core.optimise.solve import baseline, solve


def brute_force(area, weight, need, kinds, budget=None):
    """The least cost over every subset reaching *need* and each (mask, need) in *kinds*."""
    best = np.inf
    for bits in itertools.product((False, True), repeat=len(area)):
        x = np.array(bits)
        got = area[x].sum()
        if got < need or (budget is not None and got > budget):
            continue
        if any(area[x & mask].sum() < kneed for mask, kneed in kinds):
            continue
        best = min(best, weight[x].sum())
    return best


def test_the_per_kind_greedy_is_worse_and_the_solver_finds_the_optimum():
    # lowland units 0-2, afforestation 3-5. Lowland needs 10: greedy takes unit 0 (5.9 for 6,
    # the best ratio) then a 5: 10.9; units 1 + 2 cost 10.0. Afforestation needs 4: greedy
    # takes unit 3 (ratio 0.5 for 4) = 2.0; the optimum is the same.
    area = np.array([6.0, 5.0, 5.0, 4.0, 3.0, 3.0])
    weight = np.array([5.9, 5.0, 5.0, 2.0, 1.8, 1.8])
    lowland = np.array([True, True, True, False, False, False])
    kinds = (KindTarget("lowland", lowland, 10.0), KindTarget("afforestation", ~lowland, 4.0))
    problem = Problem(area, weight, need=0.0, kinds=kinds)
    g = greedy(problem)
    assert problem.feasible(g)
    assert baseline(problem).objective == pytest.approx(12.9)
    best = brute_force(area, weight, 0.0, [(lowland, 10.0), (~lowland, 4.0)])
    assert best == pytest.approx(12.0)
    found = solve(problem, gap=1e-6)
    assert found.objective == pytest.approx(best)
    assert list(found.chosen) == [False, True, True, True, False, False]
    assert found.bound <= best + 1e-9
    # the per-kind relaxation: lowland 5.9 + 4 ha at 1.0, afforestation 4 ha at 0.5
    assert kind_bound(problem) == pytest.approx(9.9 + 2.0)


@pytest.mark.parametrize("seed", range(5))
def test_random_kind_targets_with_a_share_equal_brute_force(seed):
    rng = np.random.default_rng(100 + seed)
    n = 14
    area = rng.uniform(1, 10, n).round(1)
    weight = (area * rng.uniform(0.5, 2.0, n)).round(2)
    weight[rng.integers(n)] *= -1  # a unit worth taking whatever the target
    lowland = rng.random(n) < 0.5
    lowland[:2], lowland[2:4] = True, False
    kneeds = (float(area[lowland].sum() * 0.4), float(area[~lowland].sum() * 0.3))
    need = float(area.sum() * 0.5)
    best = brute_force(area, weight, need, [(lowland, kneeds[0]), (~lowland, kneeds[1])])
    kinds = (KindTarget("lowland", lowland, kneeds[0]),
             KindTarget("afforestation", ~lowland, kneeds[1]))
    problem = Problem(area, weight, need, kinds=kinds)
    found = solve(problem, gap=1e-6)
    assert problem.feasible(found.chosen)
    assert area[found.chosen & lowland].sum() >= kneeds[0]
    assert found.objective == pytest.approx(best, rel=1e-9)
    assert baseline(problem).objective >= best - 1e-9
    assert kind_bound(problem) <= best + 1e-9
    assert found.bound <= best + 1e-9


def test_kind_targets_with_a_boundary_penalty_equal_brute_force():
    # a row of 8 squares of 100 m, alternating kinds; brute force measures the outline of
    # the chosen squares' union with shapely.
    from naturplan.core.optimise.edges import SharedEdges

    n = 8
    area = np.full(n, 1.0)
    weight = np.array([1.0, 3.0, 1.2, 2.5, 1.1, 2.8, 1.3, 2.0])
    lowland = np.arange(n) % 2 == 0
    pairs = [(i, i + 1, 100.0) for i in range(n - 1)]
    outer = np.array([300.0] + [200.0] * (n - 2) + [300.0])
    edges = SharedEdges(np.array([p[0] for p in pairs]), np.array([p[1] for p in pairs]),
                        np.array([p[2] for p in pairs]))
    w = 0.01
    kinds = (KindTarget("lowland", lowland, 2.0), KindTarget("afforestation", ~lowland, 1.0))
    problem = Problem(area, weight, 0.0, boundary_w=w, outer=outer, edges=edges, kinds=kinds)

    squares = [shapely.box(100 * i, 0, 100 * (i + 1), 100) for i in range(n)]
    best = np.inf
    for bits in itertools.product((False, True), repeat=n):
        x = np.array(bits)
        if area[x & lowland].sum() >= 2.0 and area[x & ~lowland].sum() >= 1.0:
            outline = shapely.union_all([squares[i] for i in np.flatnonzero(x)]).length
            best = min(best, weight[x].sum() + w * outline)
    found = solve(problem, gap=1e-6)
    assert found.objective == pytest.approx(best, rel=1e-9)


def test_an_unreachable_kind_says_per_kind_how_many_hectares_can_be_reached():
    ha = 10_000.0
    area = np.array([120.0, 80.0, 50.0]) * ha
    lowland = np.array([True, False, False])
    kinds = (KindTarget("lowland", lowland, 300 * ha),
             KindTarget("afforestation", ~lowland, 200 * ha))
    problem = Problem(area, area / ha, 0.0, kinds=kinds,
                      locked_out=np.array([False, False, True]))
    with pytest.raises(OptimiseError) as caught:
        solve(problem)
    kinds_text = caught.value.params["kinds"]
    assert "lowland: 300 > 120" in kinds_text and "afforestation: 200 > 80" in kinds_text
