"""Targets by kind (or a budget) with a boundary penalty: a Lagrangian with one price per
row, each step one minimum s-t cut (issue 23 §2).

The rows are the total target (every unit) and each kind's (its units). With prices
μ ≥ 0, ``L(μ) = min_x f(x) − Σ_r μ_r (Σ_{i∈r} aᵢxᵢ − need_r)`` is again a unary term per
unit (its price the sum of the prices of the rows it is in; the budget's row, Σ aᵢxᵢ ≤ budget,
counts with the other sign) plus the boundary: one cut, as in
:mod:`naturplan.core.optimise.cut`, and ``L(μ)`` is a lower bound on the optimum. The prices
follow the subgradient (each row's shortfall) with Polyak's step towards the best plan's
value; every cut is repaired into a plan (each kind filled, then the total, trimmed, and
units shed down to the budget).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

from naturplan.core.feedback import Feedback
from naturplan.core.optimise.cut import (
    GROWTH,
    JITTER,
    adjacency_matrix,
    fill_kinds,
    min_cut,
    shed,
    trim,
)
from naturplan.core.optimise.problem import BoolArray, FloatArray, Problem, linear_bound

#: Steps without a better bound before the step length is halved.
PATIENCE = 3


@dataclass(frozen=True)
class KindsCutResult:
    """The best plan (never worse than the start), the best bound and the steps taken."""

    chosen: BoolArray
    objective: float
    bound: float
    steps: int
    cancelled: bool = False


def lagrangian_kinds(problem: Problem, start: BoolArray, feedback: Feedback, deadline: float,
                     *, tolerance: float = 1e-3, max_steps: int = 80) -> KindsCutResult:
    """The subgradient search on the rows' prices from the rows' own LP prices; *start* is a
    feasible plan (the greedy's)."""
    rows = row_masks(problem)
    price = start_prices(problem, rows)
    signs = np.ones(len(rows))
    if problem.budget is not None:  # Σ aᵢxᵢ ≤ budget: a row of the other sign
        rows.append((np.ones(len(problem), dtype=bool), problem.budget))
        signs = np.append(signs, -1.0)
        price = np.append(price, max(-linear_bound(problem)[1], 0.0))
    needs = np.array([need for _, need in rows]) * signs
    members = np.array([member for member, _ in rows], dtype=np.float64) * signs[:, None]
    adjacency = adjacency_matrix(problem)
    rng = np.random.default_rng(23)
    typical = float(np.median(np.abs(problem.weight))) if len(problem) else 0.0
    jitter = rng.uniform(-1.0, 1.0, len(problem)) * JITTER * max(typical, 1e-12)
    best, value = start, problem.objective(start)
    bound, step_size, stale = -math.inf, 1.0, 0
    steps, last = 0, 0.0
    for steps in range(1, max_steps + 1):
        if feedback.is_cancelled:
            return KindsCutResult(best, value, bound, steps, cancelled=True)
        if steps > 1 and time.monotonic() + GROWTH * last >= deadline:
            break  # the next step would end after the deadline
        began = time.monotonic()
        x, low = min_cut(problem, members.T @ price, jitter)
        here = low + float(price @ needs)
        if not math.isfinite(bound) or here > bound + 1e-12 * max(abs(bound), 1.0):
            bound, stale = here, 0
        else:
            stale += 1
        plan = shed(problem, trim(problem, fill_kinds(problem, x, adjacency), adjacency),
                    adjacency)
        last = time.monotonic() - began
        if problem.feasible(plan) and problem.objective(plan) < value:
            best, value = plan, problem.objective(plan)
        if value - bound <= tolerance * max(abs(value), 1e-9):
            break
        if stale >= PATIENCE:
            step_size, stale = step_size / 2, 0
        shortfall = needs - members @ (problem.area * x)
        norm = float(shortfall @ shortfall)
        if norm <= 0:
            break  # the cut meets every row exactly: no direction left
        price = np.maximum(price + step_size * (value - here) / norm * shortfall, 0.0)
        feedback.report(min(steps / max_steps, 0.95))
    return KindsCutResult(best, value, bound, steps)


def row_masks(problem: Problem) -> list[tuple[BoolArray, float]]:
    """The covering rows: the total target (when it asks for anything) and each kind's."""
    rows = [(np.ones(len(problem), dtype=bool), problem.need)] if problem.need > 0 else []
    return rows + [(k.member, k.need) for k in problem.kinds]


def start_prices(problem: Problem, rows: list[tuple[BoolArray, float]]) -> FloatArray:
    """Each row's own LP price (Dantzig's, without the boundary): what a new m² of that row
    costs at the margin when the row is alone."""
    prices: NDArray[np.float64] = np.zeros(len(rows))
    for r, (member, need) in enumerate(rows):
        part = replace(problem, need=need, kinds=(), budget=None,
                       locked_in=problem.locked_in & member,
                       locked_out=problem.locked_out | ~member)
        prices[r] = max(linear_bound(part)[1], 0.0)
    if problem.need > 0 and len(rows) > 1:
        prices[1:] = np.maximum(prices[1:] - prices[0], 0.0)  # the total's price is shared
    return prices
