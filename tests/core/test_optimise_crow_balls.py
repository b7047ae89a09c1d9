"""Plans near a disc from the units' centres (issue 23 §2: the default cost with a boundary
penalty). On a grid of squares, the units nearest a seed by paths over shared edges form a
diamond; as the crow flies, a disc, whose outline is near the least any set of that many
squares can have: 2⌈2√n⌉ sides (Harary & Harborth 1976, "Extremal animals")."""

from __future__ import annotations

import math
import time
from dataclasses import replace

import numpy as np
import pytest
import shapely

from naturplan.core.optimise.edges import shared_edges
from naturplan.core.optimise.grow import ball_plans
from naturplan.core.optimise.problem import Problem

HA = 10_000.0
SIDE = 17


def grid_problem(need_ha: float) -> tuple[Problem, np.ndarray]:
    squares = np.array([shapely.box(c * 100.0, r * 100.0, (c + 1) * 100.0, (r + 1) * 100.0)
                        for r in range(SIDE) for c in range(SIDE)], dtype=object)
    edges = shared_edges(squares)
    outer = shapely.length(squares) - edges.shared_per_unit(len(squares))
    problem = Problem(shapely.area(squares), np.ones(len(squares)), need_ha * HA, None, 0.01,
                      outer, edges, planar=True)
    return problem, squares


def best_outline_sides(problem: Problem, squares: np.ndarray) -> float:
    plans = ball_plans(problem, np.ones(len(problem), dtype=bool), time.monotonic() + 30,
                       count=len(problem), keep=1)
    x = plans[0]
    assert problem.area[x].sum() >= problem.need
    return float(shapely.union_all(squares[x]).length / 100.0)


@pytest.mark.parametrize("need_ha", [45, 60])
def test_plans_near_a_disc_from_the_centres_have_the_least_outline(need_ha):
    problem, squares = grid_problem(need_ha)
    least = 2 * math.ceil(2 * math.sqrt(need_ha))  # 28 and 32 sides
    centre = shapely.get_coordinates(shapely.centroid(squares))
    assert best_outline_sides(replace(problem, centre=centre), squares) == least
    # without the centres the nearest squares by paths make a diamond, 4-6 sides more
    assert best_outline_sides(problem, squares) >= least + 4


@pytest.mark.parametrize("seed", range(4))
def test_the_nearest_units_are_the_whole_sorts_prefix_ties_by_index(seed):
    from naturplan.core.optimise.grow import _nearest

    rng = np.random.default_rng(seed)
    n = 5000
    distance = rng.integers(0, 300, n).astype(np.float64)  # many ties
    area = rng.uniform(0.5, 2.0, n)
    near = np.flatnonzero(rng.random(n) < 0.9)
    for missing in (10.0, 400.0, float(area[near].sum()) * 0.99, float(area[near].sum()) + 1):
        order = sorted(near, key=lambda i: (distance[i], i))
        got, expected = 0.0, []
        for i in order:
            if got >= missing * (1 - 1e-12):
                break
            expected.append(i)
            got += area[i]
        found = _nearest(near, distance, area, missing)
        if got < missing * (1 - 1e-12):
            assert found is None
        else:
            assert list(found) == expected
