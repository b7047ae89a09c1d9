"""Solve a :class:`~naturplan.core.optimise.problem.Problem`: which method for which problem,
the bound that proves the gap, the watchdog on the time (issue 23 §2).

- Without a boundary penalty: the greedy (cost per new ha) and the LP bound (Dantzig); when
  the gap is above the tolerance, units whose reduced cost at the LP's price already exceeds
  the gap are fixed (they cannot be in, or out of, any better plan) and HiGHS solves the
  rest, warm-started by the greedy.
- With a penalty and one covering row: regions grown from seeds (:mod:`.grow`; compact plans
  where every unit costs the same per ha) and the Lagrangian min-cut (:mod:`.cut`); the
  bound is the better of the Lagrangian's and the isoperimetric one on a coverage. Where the
  cheapest units tie (the default cost) the cut jumps (no plan near the target, its bound the
  LP's): plans near a disc instead, then rounds of HiGHS on the outline.
- With a penalty and targets by kind or a budget: grown regions and the Lagrangian with one
  price per row (:mod:`.kinds_cut`), each step a min cut, repaired to a plan.
- Without a penalty but targets by kind or a budget: HiGHS, warm-started by the greedy
  (which fills each kind's target first, the cheapest per ha of that kind), unless the
  greedy is within the gap of the bound (per kind, or Dantzig's with the budget).
- A penalised plan not yet within the gap is smoothed by a local search (:mod:`.swap`: add a
  unit along the outline, drop those whose leaving saves, keep the move if it gained).
- Then HiGHS on the units along the plan's outline, the rest fixed (:func:`.swap.band`), for
  the time left; where the cheapest units tie, rounds of it, then windows of the outline
  (sectors of about :data:`WINDOW_UNITS` units) solved one after the other.
- Whatever is not closed within the gap goes on in HiGHS from the best plan for the time
  left, under a watchdog (:func:`.mip.solve_mip`: a child process killed at the limit).

Without ``highspy`` (or after a cancel) the best plan so far is returned with its bound.
The greedy is always computed, so the result is never worse than the greedy's.
"""

from __future__ import annotations

import time
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np

from naturplan.core.feedback import Feedback
from naturplan.core.optimise.cut import adjacency_matrix, fill_kinds, lagrangian, shed, trim
from naturplan.core.optimise.grow import (
    ball_plans,
    grown_plans,
    isoperimetric_bound,
    isoperimetric_term,
)
from naturplan.core.optimise.kinds_cut import lagrangian_kinds, row_masks, start_prices
from naturplan.core.optimise.mip import (
    WATCHDOG_MARGIN,
    better,
    can_fork,
    highs_available,
    solve_mip,
)
from naturplan.core.optimise.problem import (
    BoolArray,
    KindTarget,
    Problem,
    Solution,
    greedy,
    kind_bound,
    linear_bound,
)
from naturplan.core.optimise.swap import band, outline_units, sectors, smooth, window

if TYPE_CHECKING:
    import scipy.sparse as sp

#: The relative gap at which a plan counts as optimal.
DEFAULT_GAP = 1e-3
#: Seeds grown before the Lagrangian (and at most this long), and after it for the time left.
FIRST_SEEDS, MORE_SEEDS, GROW_SECONDS = 8, 64, 2.0
#: Seeds of the plans near a disc, and the seconds kept for smoothing the best of them.
BALL_SEEDS, BALL_SMOOTH_RESERVE, BALL_SECONDS = 160, 1.0, 3.0
#: Seeds tried near the best ball's at each step of the search over the seed.
BALL_MOVES = 16
#: The share of the time for a plan per kind (:meth:`_Best.by_kind`) where the kinds lie
#: apart and their cheapest units tie; the rest: grown plans, the Lagrangian per row (the
#: bound), smoothing.
KINDS_SHARE = 0.6
#: Rings of units along the plan's outline that HiGHS may change.
BAND_RINGS = 3
#: Rounds of HiGHS on the outline where the cheapest units tie (each on the new outline).
TIED_BAND_ROUNDS = 3
#: Windows of the outline solved one by one (:meth:`_Best.windows`): units per window, the
#: seconds one may take at most, and the rounds (each twice: sectors turned by half).
WINDOW_UNITS, WINDOW_SECONDS, WINDOW_ROUNDS = 150, 1.0, 4
#: Seconds kept back for HiGHS after the cut and the grown plans.
MIP_RESERVE = 0.5
#: The Lagrangian's share of the time left after the first grown plans (the rest: more seeds
#: and HiGHS); it closes the gap alone where costs per ha differ, and stops early (a jump of
#: the chosen area at one price) where they tie.
CUT_SHARE = 1.0
#: The Lagrangian searches to this share of the requested gap: once the plan is within the gap,
#: its last cuts are cheap and still find cheaper plans (the cut alone, as the issue's
#: reference runs it, would otherwise end below the plan handed back).
CUT_TIGHTER = 0.1


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
    if problem.kinds or (problem.penalised and problem.budget is not None):
        found = _by_kind(problem, start, feedback, deadline, gap, use_highs)
    elif not problem.penalised:
        found = _plain(problem, start, feedback, deadline, gap, use_highs)
    else:
        found = _penalised(problem, start, feedback, deadline, gap, use_highs)
    return replace(found, seconds=time.monotonic() - began)


def baseline(problem: Problem) -> Solution:
    """The plain greedy, its objective with the penalty, and the LP bound (with a penalty:
    plus the isoperimetric term on a coverage; W · boundary ≥ 0 otherwise)."""
    problem.check_reachable()
    began = time.monotonic()
    x = greedy(problem)
    bound = (kind_bound(problem) if problem.kinds else linear_bound(problem)[0]) \
        + isoperimetric_term(problem)
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
    bound = (kind_bound(problem) if problem.kinds else linear_bound(problem)[0]) \
        + isoperimetric_term(problem)  # W · boundary ≥ that
    value = problem.objective(start)
    if problem.feasible(start) and _done(value, bound, gap):
        return Solution(start, value, bound, "greedy", "optimal")
    if not (problem.penalised and problem.feasible(start)):
        return _with_mip(problem, start, feedback, deadline, gap, use_highs, bound)
    best = _Best(problem, start, bound)
    adjacency = adjacency_matrix(problem)
    if _separable(problem):
        now = time.monotonic()
        best.by_kind(adjacency, feedback, now + KINDS_SHARE * (deadline - now), use_highs)
        if feedback.is_cancelled:
            return best.solution(best.method, "cancelled")
    best.grow(adjacency, min(deadline, time.monotonic() + GROW_SECONDS), FIRST_SEEDS)
    if not best.done(gap):
        now = time.monotonic()
        cut = lagrangian_kinds(problem, best.x, feedback.part(0.0, 0.6),
                               min(deadline - MIP_RESERVE, now + CUT_SHARE * (deadline - now)),
                               tolerance=gap)
        best.bound = max(best.bound, cut.bound)
        best.offer(cut.chosen, "cut")
        if cut.cancelled:
            return best.solution(best.method, "cancelled")
    return _finish(best, adjacency, feedback, deadline, gap, use_highs)


def _penalised(problem: Problem, start: BoolArray, feedback: Feedback, deadline: float,
               gap: float, use_highs: bool) -> Solution:
    best = _Best(problem, start, isoperimetric_bound(problem))
    adjacency = adjacency_matrix(problem)
    best.grow(adjacency, min(deadline, time.monotonic() + GROW_SECONDS), FIRST_SEEDS)
    best.tied = ties = _ties(problem)
    if not best.done(gap) and ties:
        best.balls(adjacency, min(deadline - MIP_RESERVE, time.monotonic() + BALL_SECONDS))
    if best.done(gap):
        return best.solution(best.method, "optimal")
    if ties:  # the cut jumps: its bound is the LP's, below the isoperimetric one
        return _finish(best, adjacency, feedback, deadline, gap, use_highs)
    now = time.monotonic()
    until = min(deadline - MIP_RESERVE, now + CUT_SHARE * (deadline - now))
    cut = lagrangian(problem, feedback.part(0.0, 0.6), until, tolerance=gap * CUT_TIGHTER,
                     start_price=linear_bound(problem)[1])
    best.bound = max(best.bound, cut.bound)
    if cut.chosen is not None:
        best.offer(cut.chosen, "cut")
    if cut.cancelled:
        return best.solution(best.method, "cancelled")
    return _finish(best, adjacency, feedback, deadline, gap, use_highs)


def _separable(problem: Problem) -> bool:
    """True if a plan per kind is worth a try: a penalised problem whose kinds share no unit,
    whose total target asks no more than the kinds' together (their union meets it) and whose
    cheapest units tie in every kind (the default cost: the plan near a disc per kind)."""
    if not (problem.penalised and problem.kinds) or problem.need > sum(
            k.need for k in problem.kinds):
        return False
    if int(np.sum([k.member for k in problem.kinds], axis=0).max(initial=0)) > 1:
        return False
    return all(_ties(_kind_part(problem, k)) for k in problem.kinds)


def _kind_part(problem: Problem, kind: KindTarget) -> Problem:
    """The problem of one kind alone: its target as the only row, the other units out."""
    return replace(problem, need=kind.need, kinds=(), budget=None,
                   locked_in=problem.locked_in & kind.member,
                   locked_out=problem.locked_out | ~kind.member)


def _ties(problem: Problem) -> bool:
    """True if the units at the LP's price hold at least twice the target: the cheapest
    units tie (the default cost, farmland ha), and the Lagrangian's cut jumps."""
    price = linear_bound(problem)[1]
    tied = problem.free & (problem.weight <= price * problem.area * (1 + 1e-9) + 1e-12)
    return float(problem.area[tied].sum()) >= 2.0 * problem.need


def _finish(best: _Best, adjacency: sp.csr_matrix, feedback: Feedback, deadline: float,
            gap: float, use_highs: bool) -> Solution:
    """The plans near a disc, smoothed; HiGHS on the best plan's outline; more grown
    plans; then HiGHS on the whole problem from the best plan for the time left."""
    if not best.done(gap):
        best.balls(adjacency, deadline - MIP_RESERVE)
    if not best.done(gap):
        best.smooth(adjacency, deadline - MIP_RESERVE)
    rounds = TIED_BAND_ROUNDS if best.tied else 1
    for left in range(rounds, 0, -1):
        if not use_highs or best.done(gap) or time.monotonic() >= deadline - MIP_RESERVE:
            break
        if not best.band(adjacency, feedback, deadline, 1.0 / left):
            break
    if not best.done(gap) and use_highs and best.tied:
        best.windows(adjacency, feedback, deadline)
    if not best.done(gap) and not (best.tied and use_highs):
        best.grow(adjacency, deadline - MIP_RESERVE, MORE_SEEDS)
    if not best.done(gap):
        best.smooth(adjacency, deadline - MIP_RESERVE)
    if best.done(gap):
        return best.solution(best.method, "optimal")
    if not use_highs or time.monotonic() >= deadline - MIP_RESERVE:
        return best.solution(best.method, "stopped")
    more = _with_mip(best.problem, best.x, feedback.part(0.6, 1.0), deadline, gap, use_highs,
                     best.bound)
    return replace(more, method=f"{best.method}+mip")


class _Best:
    """The best plan so far of a penalised search and the best bound."""

    def __init__(self, problem: Problem, start: BoolArray, bound: float) -> None:
        self.problem, self.x, self.value = problem, start, problem.objective(start)
        self.bound, self.method = bound, "greedy"
        self.balls_tried = False
        #: The cheapest units tie (:func:`_ties`): plans near a disc and HiGHS on their
        #: outline, round after round, gain there; the cut and grown plans do not.
        self.tied = False

    def offer(self, x: BoolArray, method: str) -> None:
        """Keep *x* if it is feasible and better beyond rounding noise (:func:`.mip.better`:
        a plan of the same objective, e.g. HiGHS's other pick among equal plans, does not
        replace the one in hand)."""
        if self.problem.feasible(x) and better(self.problem.objective(x), self.value):
            self.x, self.value, self.method = x, self.problem.objective(x), method

    def grow(self, adjacency: sp.csr_matrix, until: float, count: int) -> None:
        """Regions grown from seeds among the units the unpenalised LP would take, filled
        and trimmed."""
        p = self.problem
        rows = row_masks(p)
        members = np.array([member for member, _ in rows], dtype=np.float64)
        price = members.T @ start_prices(p, rows) if rows else np.zeros(len(p))
        cheap = p.weight <= price * p.area * (1 + 1e-9) + 1e-12
        for x in grown_plans(p, adjacency, cheap, until, count):
            self.offer(shed(p, trim(p, fill_kinds(p, x, adjacency), adjacency), adjacency),
                       "grown")

    def by_kind(self, adjacency: sp.csr_matrix, feedback: Feedback, until: float,
                use_highs: bool) -> None:
        """Each kind's target solved alone (:func:`_kind_part`, one covering row: plans near
        a disc, the cut, smoothing, HiGHS on the outline), their time shared by need; the
        union (with the locked-in units) meets every kind's target and the total's, and its
        objective is at most the sum of theirs (the outline of a union is at most the sum of
        the outlines); then trimmed and shed to the budget. Where the kinds lie apart (the
        lowland along the streams, afforestation anywhere) this finds the compact part of
        each kind that one region grown for all kinds does not."""
        p = self.problem
        x = p.locked_in.copy()
        total = sum(k.need for k in p.kinds)
        for kind in sorted(p.kinds, key=lambda k: -k.need):
            left = until - time.monotonic()
            if left <= 0 or feedback.is_cancelled:
                return
            share = kind.need / total if total > 0 else 1.0 / len(p.kinds)
            found = solve(_kind_part(p, kind), feedback.part(0.0, 0.6), time_limit=share * left,
                          use_highs=use_highs)
            total -= kind.need
            x |= found.chosen
        x = fill_kinds(p, x, adjacency)
        self.offer(shed(p, trim(p, x, adjacency), adjacency), "per-kind")

    def balls(self, adjacency: sp.csr_matrix, until: float) -> None:
        """Plans near a disc (:func:`.grow.ball_plans`, seeds among the units the LP would
        take), each smoothed (one covering row only); once."""
        p = self.problem
        if self.balls_tried:
            return
        self.balls_tried = True
        cheap = p.weight <= linear_bound(p)[1] * p.area * (1 + 1e-9) + 1e-12
        for x in ball_plans(p, cheap, until - BALL_SMOOTH_RESERVE, BALL_SEEDS, keep=6,
                            moves=BALL_MOVES):
            self.offer(smooth(p, x, adjacency, until), "ball+swap")

    def band(self, adjacency: sp.csr_matrix, feedback: Feedback, deadline: float,
             share: float = 1.0) -> bool:
        """HiGHS on the units along the best plan's outline, the rest fixed
        (:func:`.swap.band`; one covering row only), for *share* of the time left; True if
        the plan improved (a next round has a new outline)."""
        p = self.problem
        if p.kinds or p.budget is not None:
            return False
        sub, index = band(p, self.x, adjacency, BAND_RINGS)
        left = deadline - time.monotonic() - MIP_RESERVE \
            - (WATCHDOG_MARGIN if can_fork() else 0.0)
        if not len(index) or left <= 0.1 or not sub.feasible(self.x[index]):
            return False
        found = solve_mip(sub, self.x[index], feedback.part(0.6, 0.8),
                          time_limit=share * left, gap=1e-4)
        x = self.x.copy()
        x[index] = found.chosen
        before = self.value
        self.offer(x, self.method if self.method.endswith("+band") else f"{self.method}+band")
        return self.value < before

    def windows(self, adjacency: sp.csr_matrix, feedback: Feedback, deadline: float) -> None:
        """HiGHS on windows of the best plan's outline (:func:`.swap.sectors` of the units
        within :data:`BAND_RINGS` rings, about :data:`WINDOW_UNITS` each), one after the
        other, the rest fixed: each small enough to be solved to optimality in a fraction of
        a second, so that together they do what HiGHS on the whole band cannot finish.
        Rounds (the sectors turned by half a sector each time) go on while one gains, until
        the deadline (one covering row only)."""
        p = self.problem
        if p.kinds or p.budget is not None or not len(p.centre):
            return
        margin = MIP_RESERVE + (WATCHDOG_MARGIN if can_fork() else 0.0)
        for turn in (0.0, 0.5) * WINDOW_ROUNDS:
            before = self.value
            near = np.flatnonzero(outline_units(self.x, adjacency, BAND_RINGS) & p.free)
            for part in sectors(p.centre, near, WINDOW_UNITS, turn):
                left = deadline - time.monotonic() - margin
                if left <= 0.1 or feedback.is_cancelled:
                    return
                inside = np.zeros(len(p), dtype=bool)
                inside[part] = True
                sub, index = window(p, self.x, inside)
                if not len(index) or not sub.feasible(self.x[index]):
                    continue
                found = solve_mip(sub, self.x[index], Feedback(),
                                  time_limit=min(WINDOW_SECONDS, left), gap=1e-6)
                x = self.x.copy()
                x[index] = found.chosen
                self.offer(x, self.method if self.method.endswith("+windows")
                           else f"{self.method}+windows")
            if self.value >= before and turn > 0:
                return

    def smooth(self, adjacency: sp.csr_matrix, until: float) -> None:
        """The best plan's outline smoothed by swaps (:func:`.swap.smooth`)."""
        self.offer(smooth(self.problem, self.x, adjacency, until), f"{self.method}+swap")

    def done(self, gap: float) -> bool:
        return _done(self.value, self.bound, gap)

    def solution(self, method: str, status: str) -> Solution:
        return Solution(self.x, self.value, min(self.bound, self.value), method, status)


def _with_mip(problem: Problem, start: BoolArray, feedback: Feedback, deadline: float,
              gap: float, use_highs: bool, known_bound: float) -> Solution:
    """HiGHS from *start* for the time left; without it, *start* with *known_bound*."""
    value = problem.objective(start)
    left = deadline - time.monotonic() - (WATCHDOG_MARGIN if can_fork() else 0.0)
    if not use_highs or left <= 0.1 or feedback.is_cancelled:
        status = "cancelled" if feedback.is_cancelled else "stopped"
        return Solution(start, value, min(known_bound, value), "greedy", status)
    found = solve_mip(problem, start, feedback, time_limit=left, gap=gap)
    bound = max(found.bound, known_bound)
    bound = min(bound, found.objective)
    status = "optimal" if _done(found.objective, bound, gap) else found.status
    return replace(found, bound=bound, status=status)
