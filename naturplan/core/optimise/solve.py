"""Solve a :class:`~naturplan.core.optimise.problem.Problem`: which method for which problem,
the bound that proves the gap, the watchdog on the time (issue 23 §2).

- Without a boundary penalty: the greedy (cost per new ha) and the LP bound (Dantzig); when
  the gap is above the tolerance, units whose reduced cost at the LP's price already exceeds
  the gap are fixed (they cannot be in, or out of, any better plan) and HiGHS solves the
  rest, warm-started by the greedy.
- With a penalty and nothing a cut cannot express (no budget): the Lagrangian min-cut
  (:mod:`naturplan.core.optimise.cut`); when its gap stays above the tolerance and time
  is left, HiGHS goes on from the best cut, its bound kept if better.
- With a budget or targets by kind (one covering row per kind): HiGHS, warm-started by the
  greedy (which fills each kind's target first, the cheapest per ha of that kind).

Without ``highspy`` (or after a cancel) the best plan so far is returned with its bound.
The greedy is always computed, so the result is never worse than the greedy's.
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np

from naturplan.core.feedback import Feedback
from naturplan.core.optimise.cut import lagrangian
from naturplan.core.optimise.mip import highs_available, solve_mip
from naturplan.core.optimise.problem import (
    BoolArray,
    Problem,
    Solution,
    greedy,
    kind_bound,
    linear_bound,
)

#: The relative gap at which a plan counts as optimal.
DEFAULT_GAP = 1e-3


def solve(problem: Problem, feedback: Feedback | None = None, *, time_limit: float = 10.0,
          gap: float = DEFAULT_GAP, use_highs: bool = True) -> Solution:
    """The best plan found within *time_limit* seconds, with its proven bound.

    Raises
    ------
    OptimiseError
        If no choice reaches the target (the message says how many ha can be reached).
    """
    problem.check_reachable()
    feedback = feedback or Feedback()
    began = time.monotonic()
    deadline = began + time_limit
    use_highs = use_highs and highs_available()
    start = greedy(problem)
    if problem.kinds:  # one covering row per kind: HiGHS, unless the greedy meets the bound
        found = _by_kind(problem, start, feedback, deadline, gap, use_highs)
    elif not problem.penalised:
        found = _plain(problem, start, feedback, deadline, gap, use_highs)
    elif problem.budget is None:
        found = _penalised(problem, start, feedback, deadline, gap, use_highs)
    else:
        found = _with_mip(problem, start, feedback, deadline, gap, use_highs, -np.inf)
    return replace(found, seconds=time.monotonic() - began)


def baseline(problem: Problem) -> Solution:
    """The plain greedy, its objective with the penalty, and the LP bound where it holds."""
    problem.check_reachable()
    began = time.monotonic()
    x = greedy(problem)
    bound = -np.inf if problem.penalised else (
        kind_bound(problem) if problem.kinds else linear_bound(problem)[0])
    return Solution(x, problem.objective(x), bound, "greedy", "stopped",
                    time.monotonic() - began)


def _done(value: float, bound: float, gap: float) -> bool:
    return value - bound <= gap * max(abs(value), 1e-9) + 1e-9


def _plain(problem: Problem, start: BoolArray, feedback: Feedback, deadline: float,
           gap: float, use_highs: bool) -> Solution:
    value = problem.objective(start)
    bound, price = linear_bound(problem)
    if problem.feasible(start) and _done(value, bound, gap):
        return Solution(start, value, bound, "greedy", "optimal")
    if not use_highs or not problem.feasible(start):
        return _with_mip(problem, start, feedback, deadline, gap, use_highs, bound)
    reduced = problem.weight - price * problem.area
    slack = value - bound
    fixed = replace(problem,
                    locked_in=problem.locked_in | (problem.free & (reduced < -slack)),
                    locked_out=problem.locked_out | (problem.free & (reduced > slack)))
    found = _with_mip(fixed, start, feedback, deadline, gap, use_highs, bound)
    return replace(found, method="greedy+mip")


def _by_kind(problem: Problem, start: BoolArray, feedback: Feedback, deadline: float,
             gap: float, use_highs: bool) -> Solution:
    bound = kind_bound(problem)  # W · boundary ≥ 0: a bound with the penalty too
    value = problem.objective(start)
    if problem.feasible(start) and _done(value, bound, gap):
        return Solution(start, value, bound, "greedy", "optimal")
    return _with_mip(problem, start, feedback, deadline, gap, use_highs, bound)


def _penalised(problem: Problem, start: BoolArray, feedback: Feedback, deadline: float,
               gap: float, use_highs: bool) -> Solution:
    cut = lagrangian(problem, feedback.part(0.0, 0.6), deadline, tolerance=gap,
                     start_price=linear_bound(problem)[1])
    best, value = start, problem.objective(start)
    if cut.chosen is not None and cut.objective < value:
        best, value = cut.chosen, cut.objective
    status = "cancelled" if cut.cancelled else "stopped"
    found = Solution(best, value, min(cut.bound, value), "cut", status)
    if _done(value, cut.bound, gap):
        return replace(found, status="optimal")
    if cut.cancelled or not use_highs or time.monotonic() >= deadline - 0.5:
        return found
    more = _with_mip(problem, best, feedback.part(0.6, 1.0), deadline, gap, use_highs,
                     cut.bound)
    return replace(more, method="cut+mip")


def _with_mip(problem: Problem, start: BoolArray, feedback: Feedback, deadline: float,
              gap: float, use_highs: bool, known_bound: float) -> Solution:
    """HiGHS from *start* for the time left; without it, *start* with *known_bound*."""
    value = problem.objective(start)
    left = deadline - time.monotonic()
    if not use_highs or left <= 0.1 or feedback.is_cancelled:
        status = "cancelled" if feedback.is_cancelled else "stopped"
        return Solution(start, value, min(known_bound, value), "greedy", status)
    found = solve_mip(problem, start, feedback, time_limit=left, gap=gap)
    bound = max(found.bound, known_bound)
    bound = min(bound, found.objective)
    status = "optimal" if _done(found.objective, bound, gap) else found.status
    return replace(found, bound=bound, status=status)
