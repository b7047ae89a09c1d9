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
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from naturplan.core.feedback import Feedback
from naturplan.core.optimise.problem import BoolArray, Problem

if TYPE_CHECKING:
    import scipy.sparse as sp

#: A cut within this share of the target is repaired into a plan (trimmed or filled); one
#: farther off is not worth the time (the search has not come near the target yet).
REPAIR_WINDOW = 0.05
#: Up to this many units every cut is repaired (it costs little there).
REPAIR_ALWAYS = 5000
#: The tie-breaking jitter, relative to the median unit weight.
JITTER = 1e-7
#: A bracket of prices this narrow (relative) around a jump of the chosen area ends the search.
JUMP_WIDTH = 0.05
#: How much longer the next step of the search may take than the last (for the deadline).
GROWTH = 2.0
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


def min_cut(problem: Problem, price: float | NDArray[np.float64],
            jitter: NDArray[np.float64] | None = None) -> tuple[BoolArray, float]:
    """The choice minimising the Lagrangian at *price* (one for every unit, or one per unit),
    and a proven lower bound on that minimum (its rounding and the *jitter* added to the unit
    weights taken off)."""
    import scipy.sparse as sp  # here, not at the top: a plan without a penalty needs no scipy
    from scipy.sparse.csgraph import breadth_first_order, maximum_flow

    n = len(problem)
    w = problem.boundary_w
    unary = problem.weight + w * problem.outer - price * problem.area
    shift = 0.0
    if jitter is not None:
        unary = unary + jitter
        shift = float(np.abs(jitter).sum())
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
    return chosen, value - slack - shift


def lagrangian(problem: Problem, feedback: Feedback, deadline: float, *,
               tolerance: float = 1e-4, max_steps: int = 60,
               start_price: float | None = None) -> CutResult:
    """Search the price λ of a new m²: first λ = 0 (if that cut reaches the target it is
    the optimum), then from *start_price* (the LP's price without the penalty) doubling or
    halving until the target is bracketed, then bisecting. Keeps the best feasible plan
    (cuts near the target repaired: trimmed, or filled then trimmed) and the best bound
    ``L(λ) + λ·need``. A max-flow cannot be stopped, and near the price where the chosen
    area jumps each one takes about twice the last: no step starts that would end, so
    counted, after *deadline*."""
    adjacency = adjacency_matrix(problem)
    state = _Search(problem, adjacency)
    price = 0.0
    lo, hi = 0.0, math.inf
    last = 0.0
    for step in range(max_steps):
        if step > 0 and time.monotonic() + GROWTH * last >= deadline:
            break
        if feedback.is_cancelled:
            return state.result(step, cancelled=True)
        began = time.monotonic()
        reached = state.try_price(price)
        last = time.monotonic() - began
        if step == 0:
            if reached:
                break  # λ = 0 reaches the target: the unconstrained minimum is the optimum
            price = start_price if start_price and start_price > 0 else _high_price(problem)
            continue
        if reached:
            hi = price
        else:
            lo = price
        price = 0.5 * (lo + hi) if math.isfinite(hi) and lo > 0 else (
            2 * price if not math.isfinite(hi) else 0.5 * price)
        feedback.report(min((step + 1) / 40, 0.95))
        if state.closed(tolerance) or (math.isfinite(hi) and hi - lo <= JUMP_WIDTH * hi
                                       and state.jumps()):
            break
    if not state.closed(tolerance) and time.monotonic() < deadline:
        state.repair_ends()
    return state.result(step + 1)


class _Search:
    """The best plan and bound of a :func:`lagrangian` search."""

    def __init__(self, problem: Problem, adjacency: sp.csr_matrix) -> None:
        self.problem, self.adjacency = problem, adjacency
        self.best: BoolArray | None = None
        self.value, self.bound = math.inf, -math.inf
        self.below: tuple[float, BoolArray] | None = None  # the last cuts short of / over
        self.above: tuple[float, BoolArray] | None = None  # the target, by their areas
        # Units of equal weight per m² (the default cost) tie at one price, and the chosen
        # area jumps there from nothing to nearly everything: a jitter far below any
        # difference in the objective breaks the ties (and is taken off the bound).
        rng = np.random.default_rng(23)
        typical = float(np.median(np.abs(problem.weight))) if len(problem) else 0.0
        self.jitter = rng.uniform(-1.0, 1.0, len(problem)) * JITTER * max(typical, 1e-12)

    def repair_ends(self) -> None:
        """Repair the cuts nearest the target from both sides (filled, trimmed); not a cut
        of more than twice the target (trimming most of the map unit by unit is slow and
        leaves a scattered plan)."""
        p = self.problem
        if self.below is not None:
            self.offer(trim(p, fill(p, self.below[1], self.adjacency), self.adjacency))
        if self.above is not None and self.above[0] <= 2 * p.need:
            self.offer(trim(p, self.above[1], self.adjacency))

    def try_price(self, price: float) -> bool:
        """One cut at *price*: the bound, a repaired plan; True if the cut reached the
        target."""
        p = self.problem
        x, low = min_cut(p, price, self.jitter)
        self.bound = max(self.bound, low + price * p.need)
        got = float(p.area[x].sum())
        if got < p.need and (self.below is None or got > self.below[0]):
            self.below = (got, x)
        if got >= p.need and (self.above is None or got < self.above[0]):
            self.above = (got, x)
        if len(p) <= REPAIR_ALWAYS or abs(got - p.need) <= REPAIR_WINDOW * p.need:
            plan = x if got >= p.need else fill(p, x, self.adjacency)
            self.offer(trim(p, plan, self.adjacency))
        elif got >= p.need:
            self.offer(x)
        return got >= p.need

    def jumps(self) -> bool:
        """True if the cuts either side of the price jump from under half the target to
        over twice it (units that tie per m²: no price gives a cut near the target)."""
        below = 0.0 if self.below is None else self.below[0]
        return (self.above is not None and below < 0.5 * self.problem.need
                and self.above[0] > 2 * self.problem.need)

    def offer(self, x: BoolArray) -> None:
        if self.problem.feasible(x):
            value = self.problem.objective(x)
            if value < self.value:
                self.best, self.value = x, value

    def closed(self, tolerance: float) -> bool:
        return self.best is not None and (
            self.value - self.bound <= tolerance * max(abs(self.value), 1e-9))

    def result(self, steps: int, cancelled: bool = False) -> CutResult:
        return CutResult(self.best, self.value, self.bound, steps, cancelled)


def _high_price(problem: Problem) -> float:
    """A price at which choosing every free unit is optimal: each unit's weight and its
    whole perimeter are paid by its area."""
    a = np.maximum(problem.area, 1e-9)
    perimeter = problem.outer + problem.edges.shared_per_unit(len(problem))
    unit = (problem.weight + problem.boundary_w * perimeter) / a
    return float(max(unit.max(initial=0.0), 0.0)) * 1.01 + 1e-6


def adjacency_matrix(problem: Problem) -> sp.csr_matrix:
    """The shared edge lengths as a symmetric sparse matrix."""
    import scipy.sparse as sp

    e, n = problem.edges, len(problem)
    return sp.csr_matrix((np.concatenate([e.length_m, e.length_m]),
                          (np.concatenate([e.i, e.j]), np.concatenate([e.j, e.i]))),
                         shape=(n, n))


def fill(problem: Problem, x: BoolArray, adjacency: sp.csr_matrix,
         member: BoolArray | None = None, need: float | None = None) -> BoolArray:
    """Add free units to *x* until the target is reached, the lowest added objective per m²
    first (the marginal cost counted against *x* as it is: one pass, no re-ranking). With
    *member* and *need*: only those units, until they hold *need* (a kind's target)."""
    x = x.copy()
    inside_kind = np.ones(len(problem), dtype=bool) if member is None else member
    need = problem.need if need is None else need
    missing = need - float(problem.area[x & inside_kind].sum())
    if missing <= 0:
        return x
    free = np.flatnonzero(~x & problem.free & (problem.area > 0) & inside_kind)
    w = problem.boundary_w
    added = problem.weight[free] + w * problem.outer[free]
    if w > 0:
        inside = np.asarray(adjacency[free] @ x.astype(np.float64)).ravel()
        total = np.asarray(adjacency[free].sum(axis=1)).ravel()
        added = added + w * (total - 2 * inside)
    order = free[np.argsort(added / problem.area[free], kind="stable")]
    upto = int(np.searchsorted(np.cumsum(problem.area[order]), missing)) + 1
    x[order[:upto]] = True
    return x


def fill_kinds(problem: Problem, x: BoolArray, adjacency: sp.csr_matrix) -> BoolArray:
    """:func:`fill` for each kind's target, then for the total."""
    for kind in problem.kinds:
        x = fill(problem, x, adjacency, kind.member, kind.need)
    return fill(problem, x, adjacency)


def trim(problem: Problem, x: BoolArray, adjacency: sp.csr_matrix | None = None) -> BoolArray:
    """Drop chosen units, the highest weight per m² first, while the target (and each kind's)
    stays reached and the objective falls (a cut at a price above the exact one overshoots
    the target)."""
    x = x.copy()
    spare = float(problem.area[x].sum()) - problem.need
    spares = np.array([float(problem.area[x & k.member].sum()) - k.need
                       for k in problem.kinds])
    members = (np.array([k.member for k in problem.kinds]) if problem.kinds
               else np.zeros((0, len(problem)), dtype=bool))
    if spare <= 0:
        return x
    adjacency = adjacency_matrix(problem) if adjacency is None else adjacency
    chosen = np.flatnonzero(x & problem.free & (problem.area > 0) & (problem.area <= spare))
    ratio = problem.weight[chosen] / problem.area[chosen]
    for i in chosen[np.argsort(-ratio, kind="stable")]:
        a = float(problem.area[i])
        mine = members[:, i]
        if a <= spare and bool((spares[mine] >= a).all()) \
                and _drop_saves(problem, x, int(i), adjacency) > 0:
            x[i] = False
            spare -= a
            spares[mine] -= a
    return x


def shed(problem: Problem, x: BoolArray, adjacency: sp.csr_matrix) -> BoolArray:
    """Drop chosen units until the budget holds, the ones whose leaving saves the most per m²
    first (one pass, counted against *x* as it is), keeping the target and each kind's."""
    if problem.budget is None:
        return x
    over = float(problem.area[x].sum()) - problem.budget
    if over <= 0:
        return x
    x = x.copy()
    chosen = np.flatnonzero(x & problem.free & (problem.area > 0))
    inside = np.asarray(adjacency[chosen] @ x.astype(np.float64)).ravel()
    total = np.asarray(adjacency[chosen].sum(axis=1)).ravel()
    saves = problem.weight[chosen] + problem.boundary_w * (problem.outer[chosen] + total
                                                           - 2 * inside)
    spare = float(problem.area[x].sum()) - problem.need
    spares = np.array([float(problem.area[x & k.member].sum()) - k.need
                       for k in problem.kinds])
    for i in chosen[np.argsort(-saves / problem.area[chosen], kind="stable")]:
        a = float(problem.area[i])
        mine = np.array([k.member[i] for k in problem.kinds], dtype=bool)
        if a <= spare and bool((spares[mine] >= a).all()):
            x[i] = False
            spare, over = spare - a, over - a
            spares[mine] -= a
            if over <= 0:
                break
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
