"""The greedy baseline beside the suggested plan (issue 23): where the solver kept the
greedy's plan (no penalty, no kinds), the report's baseline is that plan, not computed
again; elsewhere it is computed. Checked against the plain greedy of the same problem."""

from __future__ import annotations

import numpy as np
import pytest

import naturplan.usecases.suggest as suggest
from naturplan.core.optimise.problem import KindTarget, Problem, greedy, linear_bound
from naturplan.core.optimise.solve import solve


def _problem(**extra) -> Problem:
    area = np.array([4.0, 3.0, 2.0, 5.0, 1.0]) * 1e4
    weight = np.array([4.0, 3.3, 2.0, 6.0, 1.5])
    return Problem(area, weight, 6e4, **extra)


def test_a_plain_plan_kept_by_the_solver_is_its_own_baseline(monkeypatch) -> None:
    problem = _problem()
    solved = solve(problem, time_limit=5.0)
    assert solved.method == "greedy"
    expected = greedy(problem)  # the plain greedy, computed here
    calls: list[Problem] = []
    monkeypatch.setattr(suggest, "baseline", lambda p: calls.append(p))
    found = suggest.greedy_baseline(problem, solved)
    assert calls == []
    assert list(found.chosen) == list(expected)
    assert found.objective == problem.objective(expected)
    assert found.bound == linear_bound(problem)[0]
    assert found.method == "greedy" and found.status == "stopped"


def test_with_kinds_the_baseline_is_computed() -> None:
    problem = _problem(kinds=(KindTarget("lowland", np.array([0, 1, 0, 1, 0], bool), 3e4),))
    solved = solve(problem, time_limit=5.0)
    found = suggest.greedy_baseline(problem, solved)
    expected = greedy(problem)
    assert list(found.chosen) == list(expected)
    assert found.objective == pytest.approx(problem.objective(expected))
