"""The problem as an integer program through HiGHS (``highspy``, MIT licence; issue 23 §2).

Columns: one binary xᵢ per unit (fixed where locked) and, with a boundary penalty, one
continuous yₑ ≥ |xᵢ − xⱼ| per shared edge (two rows each: Marxan's boundary linearised).
Rows: the target (and budget) on Σ aᵢxᵢ, one covering row per kind's target, and
without a penalty one more bounding the objective by the warm start's, which HiGHS's
presolve uses well on a one-row problem. The warm start is handed over as the first
incumbent; progress is reported from HiGHS's callbacks, cancel interrupts it and keeps
the best solution found so far.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time
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


def solve_mip(problem: Problem, start: BoolArray, feedback: Feedback, *,
              time_limit: float, gap: float = 1e-4) -> Solution:
    """Solve *problem* with HiGHS from the feasible *start*, at most *time_limit* seconds.

    The result is never worse than *start*: HiGHS's incumbent if it is better, else *start*
    with HiGHS's bound (a bound is only claimed when HiGHS proved one).
    """
    import highspy

    began = time.monotonic()
    h = _quiet_highs(highspy)
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", max(float(time_limit), 0.1))
    h.setOptionValue("mip_rel_gap", float(gap))
    n = _build(h, highspy, problem, start)
    watched = _watch(h, feedback, began, time_limit)
    h.run()
    info = h.getInfo()
    bound = float(info.mip_dual_bound) if math.isfinite(info.mip_dual_bound) else -math.inf
    x = start
    values = np.asarray(h.getSolution().col_value, dtype=np.float64)
    if len(values) >= n and info.primal_solution_status == 2:
        found = values[:n] > 0.5
        if problem.feasible(found) and (not problem.feasible(start)
                                        or problem.objective(found) < problem.objective(start)):
            x = found
    if not problem.feasible(x):
        raise OptimiseError("No plan that reaches the target within the budget was found "
                            "in {seconds} s.", seconds=round(time.monotonic() - began))
    objective = problem.objective(x)
    status = "cancelled" if watched["cancelled"] else (
        "optimal" if objective - bound <= gap * max(abs(objective), 1e-9) + 1e-9
        else "time_limit")
    return Solution(x, objective, min(bound, objective), "mip", status,
                    time.monotonic() - began)


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


def _watch(h: Any, feedback: Feedback, began: float, limit: float) -> dict[str, bool]:
    """Progress from HiGHS's callbacks; cancel interrupts it."""
    state = {"cancelled": False}

    def interrupt(event: Any) -> None:
        if feedback.is_cancelled:
            state["cancelled"] = True
            event.interrupt()
        else:
            feedback.report(min((time.monotonic() - began) / max(limit, 1e-3), 0.99))

    for callback in (h.cbMipInterrupt, h.cbSimplexInterrupt, h.cbIpmInterrupt):
        callback.subscribe(interrupt)
    return state
