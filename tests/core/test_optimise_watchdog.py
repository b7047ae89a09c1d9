"""The watchdog on HiGHS's time (issue 23 §3): HiGHS's presolve does not look at the clock, so
a problem it presolves slowly must still stop at the time limit plus a margin, keeping the
incumbent (the greedy's plan) with its proven gap."""

from __future__ import annotations

import time

import numpy as np
import pytest

from naturplan.core.feedback import Feedback
from naturplan.core.optimise import mip
from naturplan.core.optimise.problem import Problem, greedy
from naturplan.core.optimise.solve import solve

pytest.importorskip("highspy")


def slow_problem() -> Problem:
    """20,000 units of lognormal area, every one the same cost per ha, one covering row:
    HiGHS 1.16's presolve spent 30 s on it with a time limit of 1 s (measured here)."""
    rng = np.random.default_rng(1)
    area = rng.lognormal(np.log(2400.0), 1.2, 20_000)
    return Problem(area, area / 10_000.0, float(area.sum() * 0.035))


@pytest.mark.skipif(not mip.can_fork(), reason="the watchdog's child process needs fork")
def test_a_slow_presolve_is_stopped_and_the_incumbent_kept_with_its_gap():
    problem = slow_problem()
    start = greedy(problem)
    began = time.monotonic()
    found = mip.solve_mip(problem, start, Feedback(), time_limit=1.0, gap=1e-9)
    took = time.monotonic() - began
    assert took <= 1.0 + mip.WATCHDOG_MARGIN + 2.0  # 2 s for a loaded machine's fork/kill
    assert found.status == "time_limit"
    assert list(found.chosen) == list(start)  # the incumbent: HiGHS found nothing better
    # through solve: HiGHS gets the time left less the margin, the whole stays in the limit,
    # and the LP bound (every unit 1 per ha: the need itself) proves the incumbent's gap
    began = time.monotonic()
    found = solve(problem, time_limit=3.0, gap=1e-9)
    assert time.monotonic() - began <= 3.0 + 2.0
    assert problem.feasible(found.chosen)
    assert found.objective <= problem.objective(start) + 1e-9
    lp = problem.need / 10_000.0
    assert found.bound == pytest.approx(lp)
    assert found.gap == pytest.approx((found.objective - lp) / found.objective)
    assert 0 < found.gap < 1e-3


@pytest.mark.skipif(not mip.can_fork(), reason="the watchdog's child process needs fork")
def test_cancel_stops_the_child_at_once():
    problem = slow_problem()
    start = greedy(problem)
    began = time.monotonic()
    feedback = Feedback(cancelled=lambda: time.monotonic() > began + 0.5)  # a click at 0.5 s
    found = mip.solve_mip(problem, start, feedback, time_limit=30.0, gap=1e-9)
    assert time.monotonic() - began < 5.0
    assert found.status == "cancelled"
    assert list(found.chosen) == list(start)


def _in_process_answer(out) -> None:
    mip._HIGHS_RAN_HERE.clear()
    area = np.array([6.0, 5.0, 5.0])
    problem = Problem(area, np.array([5.9, 5.0, 5.0]), need=10.0)
    run = mip._in_process(problem, greedy(problem), Feedback(), 5.0, 1e-9)
    out.put((list(run.x), run.bound, mip.can_fork()))


def test_without_fork_highs_runs_in_this_process():
    # HiGHS in-process (the path where there is no fork) starts its thread pool here; that
    # test runs in a process of its own so this one can still fork. Afterwards that process
    # must not fork a HiGHS child any more (the child would wait for the pool's threads).
    import multiprocessing as mp

    context = mp.get_context("spawn")
    out = context.Queue()
    child = context.Process(target=_in_process_answer, args=(out,))
    child.start()
    x, bound, can_fork = out.get(timeout=60)
    child.join(timeout=60)
    assert x == [False, True, True]  # 10.0, where greedy's plan costs 10.9
    assert bound == pytest.approx(10.0)
    assert can_fork is False
