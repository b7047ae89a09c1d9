"""The problem as an integer program through HiGHS (``highspy``, MIT licence; issue 23 §2).

Columns: one binary xᵢ per unit (fixed where locked) and, with a boundary penalty, one
continuous yₑ ≥ |xᵢ − xⱼ| per shared edge (two rows each: Marxan's boundary linearised).
Rows: the target (and budget) on Σ aᵢxᵢ, one covering row per kind's target, and
without a penalty one more bounding the objective by the warm start's, which HiGHS's
presolve uses well on a one-row problem. The warm start is handed over as the first
incumbent. HiGHS runs under a watchdog (:func:`solve_mip`): its presolve cannot be
interrupted, so on Linux it runs in a child process that is killed at the time limit plus a
margin or on cancel, the best solution it reported kept.

The same question gives the same answer (issue 23). HiGHS is deterministic on identical input
(its MIP runs alike for a given ``random_seed``; HiGHS's docs, "Parallelism", and discussion
ERGO-Code/HiGHS#1462), but which of several equal plans it returns follows the last bits of its
input. So it is given the problem on a grid (:func:`quantised`): every family of numbers (the
units' costs, the edges' penalties, the areas with the targets) rounded to the nearest step of
2⁻²⁸ (costs) or 2⁻³⁶ (areas) of its largest value's power of two, so that inputs a few ulps
apart give HiGHS bit-identical input. Each is then moved one step so that HiGHS's problem is a
relaxation of the exact one (costs down, areas up in the covering rows and down in the
budget's, the needs down and the budget up): its bound stays a bound on the exact optimum. Its
plan is judged by the exact objective, and it replaces the warm start only when that is lower
by more than :data:`TIE_REL`: an equal plan keeps the start (the greedy's or the search's,
themselves ordered by a stated key). A run stopped by the time limit still depends on the
clock.
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
from naturplan.core.optimise.problem import BoolArray, FloatArray, Problem, Solution


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
#: HiGHS's input is on a grid of 2^-bits of each family's largest power of two
#: (:func:`quantised`): jitter of 8 ulps moves a value to another step only within 2⁻⁴⁹ of
#: its own size of a midpoint between steps (a chance of 2^(bits − 49) for a value of the
#: family's size and no special form; never for a round number, which lies on a step). The
#: costs and penalties only move the objective (by at most 1.5 steps a unit or edge, ~10⁻⁸
#: of the largest) and take the coarser grid: on the full sample (91,738 units, 268,437 edges,
#: W 10/km) no number of 360,000 moved under 16 seeds of ±8-ulp jitter, where 2⁻³⁶ moved 1-5
#: per seed. The areas decide feasibility (a plan HiGHS takes may fall short of the exact
#: target by up to 1.5 steps a chosen unit, and is then not taken) and keep the finer one:
#: none moved either.
COST_BITS, AREA_BITS = 28, 36
#: The objective row (without a penalty) is rounded up on a coarser grid: its right-hand side
#: is a sum of many jittered values.
ROW_BITS = 24
#: Plans whose exact objectives differ by less than this part of it tie (rounding noise): the
#: plan in hand is kept.
TIE_REL = 2.0 ** -36


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
            not problem.feasible(start)
            or better(problem.objective(run.x), problem.objective(start))):
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


def better(value: float, than: float) -> bool:
    """True if *value* is lower than *than* by more than rounding noise (:data:`TIE_REL`)."""
    return value < than - TIE_REL * max(abs(than), 1e-9)


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
    # deterministic: the MIP's seed stated, the simplex serial (the MIP's own parallel parts,
    # symmetry and clique queries, give the same result on any number of threads; the
    # thread count is left alone: concurrent Highs objects must share it)
    h.setOptionValue("random_seed", 0)
    h.setOptionValue("parallel", "off")
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


@dataclass(frozen=True)
class Quantised:
    """What HiGHS is given (:func:`quantised`): per unit its cost (weight + W · outer, at
    most the exact one) and its area at least (``cover``: the target's and kinds' rows) and
    at most the exact one (``fill``: the budget's row); per edge W · length, at most the
    exact one and not below 0; the needs at most and the budget at least the exact ones.
    Every plan's cost here is at most its exact one and every plan that meets the exact
    rows meets these: a relaxation, so a bound on it is one on the exact problem."""

    cost: FloatArray
    edge: FloatArray
    cover: FloatArray
    fill: FloatArray
    need: float
    budget: float | None
    kind_needs: tuple[float, ...]


def quantised(problem: Problem) -> Quantised:
    """*problem*'s numbers on their grids (see the module docstring and :class:`Quantised`):
    each rounded to the nearest step (a round number, which lies on every step, stays put
    under jitter either side of it), then moved one step the relaxing way."""
    w = problem.boundary_w
    cost = np.asarray(problem.weight + w * problem.outer, dtype=np.float64)
    edge = np.asarray(w * problem.edges.length_m, dtype=np.float64)
    area = np.asarray(problem.area, dtype=np.float64)
    c, e, a = _grid(cost, COST_BITS), _grid(edge, COST_BITS), _grid(area, AREA_BITS)

    def near(value: float) -> float:
        return float(np.round(value / a) * a)

    return Quantised(
        cost=np.round(cost / c) * c - c, edge=np.maximum(np.round(edge / e) * e - e, 0.0),
        cover=np.round(area / a) * a + a, fill=np.round(area / a) * a - a,
        need=near(problem.need) - a,
        budget=None if problem.budget is None else near(problem.budget) + a,
        kind_needs=tuple(near(k.need) - a for k in problem.kinds))


def _grid(values: FloatArray, bits: int) -> float:
    """The step 2^(e − *bits*), 2^e the power of two above the largest |value| (1 if none)."""
    finite = np.abs(values[np.isfinite(values)])
    top = float(finite.max(initial=0.0))
    return math.ldexp(1.0, math.frexp(top)[1] - bits) if top > 0 else 1.0


def _build(h: Any, highspy: Any, problem: Problem, start: BoolArray) -> int:
    """Columns, rows (on the grid of :func:`quantised`) and the warm start; returns the
    number of x columns."""
    n, q = len(problem), quantised(problem)
    lower = np.where(problem.locked_in, 1.0, 0.0)
    upper = np.where(problem.locked_out, 0.0, 1.0)
    h.addVars(n, lower, upper)
    cols = np.arange(n, dtype=np.int32)
    h.changeColsCost(n, cols, q.cost)
    h.changeColsIntegrality(n, cols, np.full(n, highspy.HighsVarType.kInteger))
    h.addRow(q.need, highspy.kHighsInf, n, cols, q.cover)
    if q.budget is not None:
        h.addRow(-highspy.kHighsInf, q.budget, n, cols, q.fill)
    for kind, need in zip(problem.kinds, q.kind_needs, strict=True):
        members = np.flatnonzero(kind.member).astype(np.int32)
        h.addRow(need, highspy.kHighsInf, len(members), members, q.cover[members])
    values = start.astype(np.float64)
    if problem.penalised and len(problem.edges):
        values = _edge_rows(h, problem, q.edge, values)
    elif not problem.penalised and problem.feasible(start):
        # every plan at most as costly as the start (exactly) meets this row on the grid
        value = problem.objective(start)
        step = _grid(np.array([value]), ROW_BITS)
        h.addRow(-highspy.kHighsInf, math.ceil(value / step) * step + 1e-6, n, cols, q.cost)
    if problem.feasible(start):
        solution = highspy.HighsSolution()
        solution.col_value = values.tolist()
        h.setSolution(solution)
    return n


def _edge_rows(h: Any, problem: Problem, penalty: FloatArray, x: np.ndarray) -> np.ndarray:
    """yₑ − xᵢ + xⱼ ≥ 0 and yₑ + xᵢ − xⱼ ≥ 0 per edge, yₑ costing *penalty*; the warm
    start's yₑ = |xᵢ − xⱼ|."""
    import highspy

    e, n = problem.edges, len(problem)
    m = len(e)
    h.addVars(m, np.zeros(m), np.ones(m))
    ycols = np.arange(n, n + m, dtype=np.int32)
    h.changeColsCost(m, ycols, penalty)
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
