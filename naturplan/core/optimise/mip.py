"""The problem as an integer program through HiGHS (``highspy``, MIT licence; issue 23 §2).

Columns: one binary xᵢ per unit (fixed where locked) and, with a boundary penalty, one
continuous yₑ ≥ |xᵢ − xⱼ| per shared edge (two rows each: Marxan's boundary linearised).
Rows: the target (and budget) on Σ aᵢxᵢ, one covering row per kind's target, and
without a penalty one more bounding the objective by the warm start's, which HiGHS's
presolve uses well on a one-row problem. The warm start is handed over as the first
incumbent. HiGHS runs under a watchdog (:func:`solve_mip`): its presolve cannot be
interrupted, so on Linux it runs in a child process that is killed at the time limit plus a
margin or on cancel, the best solution it reported kept.
"""

from __future__ import annotations

import math
import multiprocessing as mp
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

import numpy as np

from naturplan.core.errors import OptimiseError
from naturplan.core.feedback import Feedback
from naturplan.core.optimise.problem import BoolArray, Problem, Solution


def highs_available() -> bool:
    """True if ``highspy`` can be imported."""
    try:
        import highspy  # noqa: F401
    except ImportError:
        return False
    return True


#: Seconds HiGHS may run past its time limit before the watchdog stops it (its presolve does
#: not look at the clock: a one-row problem of 20,000 units took 30 s at a limit of 1 s).
WATCHDOG_MARGIN = 1.0
#: How often the watchdog looks at the clock, the cancel button and the child's messages (s).
POLL_S = 0.1


@dataclass
class _Run:
    """What a HiGHS run gave: its best solution (None if it found none), its bound, and
    whether it was cancelled or stopped by the watchdog."""

    x: BoolArray | None = None
    bound: float = -math.inf
    cancelled: bool = False
    stopped: bool = False


def solve_mip(problem: Problem, start: BoolArray, feedback: Feedback, *,
              time_limit: float, gap: float = 1e-4) -> Solution:
    """Solve *problem* with HiGHS from the feasible *start*, at most *time_limit* seconds
    (plus :data:`WATCHDOG_MARGIN`: on Linux HiGHS runs in a child process that is killed
    then, its best solution so far kept; elsewhere in this process, stopped by its own
    limit and its interrupt callbacks).

    The result is never worse than *start*: HiGHS's incumbent if it is better, else *start*
    with HiGHS's bound (a bound is only claimed when HiGHS proved one).
    """
    began = time.monotonic()
    limit = max(float(time_limit), 0.1)
    run = (_watched(problem, start, feedback, limit, gap) if can_fork()
           else _in_process(problem, start, feedback, limit, gap))
    x = start
    if run.x is not None and problem.feasible(run.x) and (
            not problem.feasible(start) or problem.objective(run.x) < problem.objective(start)):
        x = run.x
    if not problem.feasible(x):
        raise OptimiseError("No plan that reaches the target within the budget was found "
                            "in {seconds} s.", seconds=round(time.monotonic() - began))
    objective = problem.objective(x)
    status = "cancelled" if run.cancelled else (
        "optimal" if objective - run.bound <= gap * max(abs(objective), 1e-9) + 1e-9
        else "time_limit")
    return Solution(x, objective, min(run.bound, objective), "mip", status,
                    time.monotonic() - began)


#: Set once HiGHS ran in this process: its thread pool then exists here, and a forked child
#: (which has none of those threads) would wait for them for ever, so no more forks.
_HIGHS_RAN_HERE = threading.Event()


def can_fork() -> bool:
    """A child process by fork: on Linux (elsewhere fork is missing or unsafe), only while
    HiGHS has not run in this process, and not inside a daemon process (which may not have
    children)."""
    return (sys.platform.startswith("linux") and not _HIGHS_RAN_HERE.is_set()
            and not mp.current_process().daemon)


def _highs(problem: Problem, start: BoolArray, limit: float, gap: float,
           on_event: Callable[[Any], None]) -> _Run:
    """One HiGHS run; *on_event* gets the interrupt and improving-solution callbacks."""
    import highspy

    h = _quiet_highs(highspy)
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", limit)
    h.setOptionValue("mip_rel_gap", float(gap))
    n = _build(h, highspy, problem, start)
    for callback in (h.cbMipInterrupt, h.cbSimplexInterrupt, h.cbIpmInterrupt,
                     h.cbMipImprovingSolution):
        callback.subscribe(on_event)
    h.run()
    info = h.getInfo()
    run = _Run(bound=float(info.mip_dual_bound) if math.isfinite(info.mip_dual_bound)
               else -math.inf)
    values = np.asarray(h.getSolution().col_value, dtype=np.float64)
    if len(values) >= n and info.primal_solution_status == 2:
        run.x = values[:n] > 0.5
    return run


def _in_process(problem: Problem, start: BoolArray, feedback: Feedback, limit: float,
                gap: float) -> _Run:
    """HiGHS in this process: progress from its callbacks, cancel interrupts it."""
    began, cancelled = time.monotonic(), threading.Event()

    def on_event(event: Any) -> None:
        if feedback.is_cancelled:
            cancelled.set()
            event.interrupt()
        else:
            feedback.report(min((time.monotonic() - began) / limit, 0.99))

    _HIGHS_RAN_HERE.set()
    run = _highs(problem, start, limit, gap, on_event)
    run.cancelled = cancelled.is_set()
    return run


def _child(conn: Connection, problem: Problem, start: BoolArray, limit: float,
           gap: float) -> None:
    """The child's side: each improving solution and the end sent as (x bits, bound)."""
    n = len(problem)

    def on_event(event: Any) -> None:
        if event.callback_type == _improving():
            x = np.asarray(event.data_out.mip_solution, dtype=np.float64)[:n] > 0.5
            conn.send(("incumbent", np.packbits(x), float(event.data_out.mip_dual_bound)))

    run = _highs(problem, start, limit, gap, on_event)
    conn.send(("done", None if run.x is None else np.packbits(run.x), run.bound))
    conn.close()


def _improving() -> Any:
    import highspy

    return highspy.cb.HighsCallbackType.kCallbackMipImprovingSolution


def _watched(problem: Problem, start: BoolArray, feedback: Feedback, limit: float,
             gap: float) -> _Run:
    """HiGHS in a child process, killed at *limit* + :data:`WATCHDOG_MARGIN` or on cancel;
    its last improving solution and bound are kept."""
    context = mp.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(theirs, problem, start, limit, gap),
                            daemon=True)
    began = time.monotonic()
    child.start()
    theirs.close()
    run, n = _Run(), len(problem)
    try:
        while True:
            if ours.poll(POLL_S):
                try:
                    what, bits, bound = ours.recv()
                except EOFError:  # the child died without a word: keep what it sent
                    break
                run.bound = max(run.bound, bound) if math.isfinite(bound) else run.bound
                if bits is not None:
                    run.x = np.unpackbits(bits, count=n).astype(bool)
                if what == "done":
                    break
            elapsed = time.monotonic() - began
            if feedback.is_cancelled or elapsed > limit + WATCHDOG_MARGIN:
                run.cancelled, run.stopped = feedback.is_cancelled, True
                break
            feedback.report(min(elapsed / limit, 0.99))
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        ours.close()
    return run


_BANNER_SHOWN = threading.Event()


def _quiet_highs(highspy: Any) -> Any:
    """A ``Highs`` object; HiGHS prints its banner on the process's stdout (from C++, once
    per process) when the first one is made, which would spoil ``--json`` on stdout: that
    first time, file descriptor 1 points at the null device."""
    if _BANNER_SHOWN.is_set():
        return highspy.Highs()
    sys.stdout.flush()
    saved, null = os.dup(1), os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, 1)
        h = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(null)
        _BANNER_SHOWN.set()
    return h


def _build(h: Any, highspy: Any, problem: Problem, start: BoolArray) -> int:
    """Columns, rows and the warm start; returns the number of x columns."""
    n, w = len(problem), problem.boundary_w
    lower = np.where(problem.locked_in, 1.0, 0.0)
    upper = np.where(problem.locked_out, 0.0, 1.0)
    h.addVars(n, lower, upper)
    cols = np.arange(n, dtype=np.int32)
    h.changeColsCost(n, cols, problem.weight + w * problem.outer)
    h.changeColsIntegrality(n, cols, np.full(n, highspy.HighsVarType.kInteger))
    budget = highspy.kHighsInf if problem.budget is None else float(problem.budget)
    h.addRow(float(problem.need), budget, n, cols, problem.area.astype(np.float64))
    for kind in problem.kinds:
        members = np.flatnonzero(kind.member).astype(np.int32)
        h.addRow(float(kind.need), highspy.kHighsInf, len(members), members,
                 problem.area[members].astype(np.float64))
    values = start.astype(np.float64)
    if problem.penalised and len(problem.edges):
        values = _edge_rows(h, problem, values)
    elif not problem.penalised and problem.feasible(start):
        h.addRow(-highspy.kHighsInf, problem.objective(start) + 1e-6, n, cols,
                 problem.weight.astype(np.float64))
    if problem.feasible(start):
        solution = highspy.HighsSolution()
        solution.col_value = values.tolist()
        h.setSolution(solution)
    return n


def _edge_rows(h: Any, problem: Problem, x: np.ndarray) -> np.ndarray:
    """yₑ − xᵢ + xⱼ ≥ 0 and yₑ + xᵢ − xⱼ ≥ 0 per edge; the warm start's yₑ = |xᵢ − xⱼ|."""
    import highspy

    e, n = problem.edges, len(problem)
    m = len(e)
    h.addVars(m, np.zeros(m), np.ones(m))
    ycols = np.arange(n, n + m, dtype=np.int32)
    h.changeColsCost(m, ycols, problem.boundary_w * e.length_m)
    starts = np.arange(0, 6 * m, 3, dtype=np.int32)
    index = np.empty(6 * m, dtype=np.int32)
    value = np.empty(6 * m, dtype=np.float64)
    for k, sign in enumerate((1.0, -1.0)):
        sl = slice(3 * k * m, 3 * (k + 1) * m)
        index[sl] = np.column_stack([ycols, e.i, e.j]).ravel()
        value[sl] = np.tile([1.0, -sign, sign], m)
    h.addRows(2 * m, np.zeros(2 * m), np.full(2 * m, highspy.kHighsInf), 6 * m, starts,
              index, value)
    return np.concatenate([x, np.abs(x[e.i] - x[e.j])])
