"""The boundary-penalised problem by a Lagrangian on the area target, each step one minimum
s-t cut (issue 23 §2).

For a price λ ≥ 0 of a new m², ``min_x f(x) − λ (Σ aᵢxᵢ − need)`` has a unary term
(wᵢ + W·outerᵢ − λaᵢ) per unit and W·sᵢⱼ|xᵢ − xⱼ| per shared edge: a submodular function
of binary variables, minimised exactly by a minimum s-t cut (Kolmogorov & Zabih 2004,
"What energy functions can be minimized via graph cuts?"). Its value is a lower bound on
the optimum (weak duality); every cut that reaches the target is a feasible plan. The
chosen area grows with λ, so λ is bisected; locked units are infinite arcs.

scipy's ``maximum_flow`` wants integer capacities: they are scaled and rounded, and the
rounding's worst effect on the cut's value is taken off the bound, so the bound stays proven.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import breadth_first_order, maximum_flow

from naturplan.core.feedback import Feedback
from naturplan.core.optimise.problem import BoolArray, Problem

#: The largest capacity after scaling (int32 capacities; sums stay in int64 inside scipy).
CAPACITY_SCALE = 2**26


@dataclass(frozen=True)
class CutResult:
    """The best feasible cut (None if none reached the target), the best bound."""

    chosen: BoolArray | None
    objective: float
    bound: float
    steps: int
    cancelled: bool = False


def min_cut(problem: Problem, price: float) -> tuple[BoolArray, float]:
    """The choice minimising the Lagrangian at *price*, and a proven lower bound on that
    minimum (its rounding taken off)."""
    n = len(problem)
    w = problem.boundary_w
    unary = problem.weight + w * problem.outer - price * problem.area
    pair = w * problem.edges.length_m
    top = max(float(np.abs(unary).max(initial=0.0)), float(pair.max(initial=0.0)), 1e-12)
    scale = CAPACITY_SCALE / top
    big = int(CAPACITY_SCALE) * 4
    src, snk = n, n + 1
    to_src = np.where(unary < 0, np.rint(-unary * scale), 0).astype(np.int64)
    to_snk = np.where(unary > 0, np.rint(unary * scale), 0).astype(np.int64)
    to_src[problem.locked_in] = big
    to_snk[problem.locked_out] = big
    caps = np.rint(pair * scale).astype(np.int64)
    idx = np.arange(n)
    rows = np.concatenate([np.full(n, src), idx, problem.edges.i, problem.edges.j])
    cols = np.concatenate([idx, np.full(n, snk), problem.edges.j, problem.edges.i])
    data = np.concatenate([to_src, to_snk, caps, caps]).astype(np.int32)
    graph = sp.csr_matrix((data, (rows, cols)), shape=(n + 2, n + 2))
    graph.sum_duplicates()
    flow = maximum_flow(graph, src, snk, method="dinic")
    residual = graph - flow.flow
    residual.data = np.where(residual.data > 0, 1, 0).astype(np.int32)
    residual.eliminate_zeros()
    reach = breadth_first_order(residual, src, directed=True, return_predecessors=False)
    x = np.zeros(n + 2, dtype=bool)
    x[reach] = True
    chosen = x[:n]
    value = float(unary[chosen].sum()) + float(pair[chosen[problem.edges.i]
                                                     != chosen[problem.edges.j]].sum())
    slack = 0.5 / scale * (2 * n + 2 * len(problem.edges))  # rounding of every arc
    return chosen, value - slack


def lagrangian(problem: Problem, feedback: Feedback, deadline: float, *,
               tolerance: float = 1e-4, max_steps: int = 60) -> CutResult:
    """Bisect the price λ of a new m² between 0 and one at which every free unit pays;
    keep the best feasible cut (trimmed) and the best bound ``L(λ) + λ·need``."""
    lo, hi = 0.0, _high_price(problem)
    best: BoolArray | None = None
    best_value, bound = math.inf, -math.inf
    adjacency = _adjacency(problem)
    for step in range(max_steps):
        if step > 1 and time.monotonic() >= deadline:
            break
        if feedback.is_cancelled:
            return CutResult(best, best_value, bound, step, cancelled=True)
        price = (lo, hi)[step] if step < 2 else 0.5 * (lo + hi)
        x, low = min_cut(problem, price)
        bound = max(bound, low + price * problem.need)
        if problem.feasible(x):
            x = trim(problem, x, adjacency)
            value = problem.objective(x)
            if value < best_value:
                best, best_value = x, value
            if step == 0:
                break  # λ = 0 reaches the target: the unconstrained minimum is the optimum
            hi = price
        elif step > 0:
            lo = price
            x = trim(problem, fill(problem, x, adjacency), adjacency)
            value = problem.objective(x)
            if problem.feasible(x) and value < best_value:
                best, best_value = x, value
        feedback.report(min((step + 1) / 40, 0.95))
        if best is not None and best_value - bound <= tolerance * max(abs(best_value), 1e-9):
            break
    return CutResult(best, best_value, bound, step + 1)


def _high_price(problem: Problem) -> float:
    """A price at which choosing every free unit is optimal: each unit's weight and its
    whole perimeter are paid by its area."""
    a = np.maximum(problem.area, 1e-9)
    perimeter = problem.outer + problem.edges.shared_per_unit(len(problem))
    unit = (problem.weight + problem.boundary_w * perimeter) / a
    return float(max(unit.max(initial=0.0), 0.0)) * 1.01 + 1e-6


def _adjacency(problem: Problem) -> sp.csr_matrix:
    """The shared edge lengths as a symmetric sparse matrix."""
    e, n = problem.edges, len(problem)
    return sp.csr_matrix((np.concatenate([e.length_m, e.length_m]),
                          (np.concatenate([e.i, e.j]), np.concatenate([e.j, e.i]))),
                         shape=(n, n))


def fill(problem: Problem, x: BoolArray, adjacency: sp.csr_matrix) -> BoolArray:
    """Add free units to *x* until the target is reached, the lowest added objective per m²
    first (the marginal cost counted against *x* as it is: one pass, no re-ranking)."""
    x = x.copy()
    missing = problem.need - float(problem.area[x].sum())
    if missing <= 0:
        return x
    free = np.flatnonzero(~x & problem.free & (problem.area > 0))
    w = problem.boundary_w
    added = problem.weight[free] + w * problem.outer[free]
    if w > 0:
        inside = np.asarray(adjacency[free] @ x.astype(np.float64)).ravel()
        total = np.asarray(adjacency[free].sum(axis=1)).ravel()
        added = added + w * (total - 2 * inside)
    for i in free[np.argsort(added / problem.area[free], kind="stable")]:
        x[i] = True
        missing -= float(problem.area[i])
        if missing <= 0:
            break
    return x


def trim(problem: Problem, x: BoolArray, adjacency: sp.csr_matrix | None = None) -> BoolArray:
    """Drop chosen units, the highest weight per m² first, while the target stays reached
    and the objective falls (a cut at a price above the exact one overshoots the target)."""
    x = x.copy()
    spare = float(problem.area[x].sum()) - problem.need
    if spare <= 0:
        return x
    adjacency = _adjacency(problem) if adjacency is None else adjacency
    chosen = np.flatnonzero(x & problem.free & (problem.area > 0))
    ratio = problem.weight[chosen] / problem.area[chosen]
    for i in chosen[np.argsort(-ratio, kind="stable")]:
        a = float(problem.area[i])
        if a <= spare and _drop_saves(problem, x, int(i), adjacency) > 0:
            x[i] = False
            spare -= a
    return x


def _drop_saves(problem: Problem, x: BoolArray, i: int, adjacency: sp.csr_matrix) -> float:
    """f(x) − f(x without i)."""
    w = problem.boundary_w
    saving = float(problem.weight[i]) + w * float(problem.outer[i])
    if w > 0:
        start, end = adjacency.indptr[i], adjacency.indptr[i + 1]
        inside = x[adjacency.indices[start:end]]
        lengths = adjacency.data[start:end]
        saving += w * float(lengths[~inside].sum() - lengths[inside].sum())
    return saving
