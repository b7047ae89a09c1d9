"""The problem a planner states, its objective, and the plain greedy baseline (issue 23 §2).

Choose units x ∈ {0, 1}ⁿ to minimise

    f(x) = Σ wᵢ xᵢ + W · boundary(x),   boundary(x) = Σ outerᵢ xᵢ + Σ₍ᵢⱼ₎ sᵢⱼ |xᵢ − xⱼ|

subject to Σ aᵢ xᵢ ≥ need (the target), optionally Σ aᵢ xᵢ ≤ budget, the locked-in units
chosen and the locked-out ones never. ``w`` is the cost (or a benefit with its sign turned),
``a`` the new area, ``outer`` the part of a unit's perimeter not shared with another unit and
``s`` the shared edges: boundary(x) is the perimeter of the chosen area (Marxan's boundary
length: Σ pᵢxᵢ − 2 Σ sᵢⱼxᵢxⱼ, written as a cut).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

import numpy as np
from numpy.typing import NDArray

from naturplan.core.errors import KindsOutOfReachError, OptimiseError
from naturplan.core.optimise.edges import SharedEdges, no_edges

M2_PER_HA = 10_000.0
FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
#: Weights per m² are ordered by this many significant bits (:func:`ratio_order`): units
#: within ~2⁻⁴⁰ of each other (rounding bits, not a difference) tie and go by position.
RATIO_BITS = 40


@dataclass(frozen=True)
class KindTarget:
    """A covering row: the units of one kind (``member``) must hold at least ``need`` m²."""

    kind: str
    member: BoolArray
    need: float


@dataclass(frozen=True)
class Problem:
    """See the module docstring; arrays have one entry per unit."""

    area: FloatArray
    weight: FloatArray
    need: float
    budget: float | None = None
    boundary_w: float = 0.0
    outer: FloatArray = field(default_factory=lambda: np.zeros(0))
    edges: SharedEdges = field(default_factory=no_edges)
    locked_in: BoolArray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    locked_out: BoolArray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    kinds: tuple[KindTarget, ...] = ()
    #: The units are interior-disjoint polygons (a coverage, in metres) whose areas are at
    #: least ``area`` and whose perimeters are ``outer`` plus their shared edges: then the
    #: isoperimetric inequality bounds the boundary of any plan from below.
    planar: bool = False
    #: Each unit's centre (n × 2, metres; empty: not known): plans near a disc are then the
    #: units nearest a seed as the crow flies (:func:`naturplan.core.optimise.grow.ball_plans`).
    centre: FloatArray = field(default_factory=lambda: np.zeros((0, 2)))

    def __post_init__(self) -> None:
        n = len(self.area)
        for name in ("outer", "locked_in", "locked_out"):
            if len(getattr(self, name)) == 0 and n:
                kind = bool if name.startswith("locked") else np.float64
                object.__setattr__(self, name, np.zeros(n, dtype=kind))

    def __len__(self) -> int:
        return len(self.area)

    @property
    def free(self) -> BoolArray:
        """Units the solver may choose or leave."""
        return np.asarray(~self.locked_in & ~self.locked_out, dtype=bool)

    @property
    def penalised(self) -> bool:
        return self.boundary_w > 0 and (len(self.edges) > 0 or bool(self.outer.any()))

    def objective(self, x: BoolArray) -> float:
        """f(x)."""
        x = np.asarray(x, dtype=bool)
        value = float(self.weight[x].sum())
        if self.boundary_w > 0:
            value += self.boundary_w * self.boundary(x)
        return value

    def boundary(self, x: BoolArray) -> float:
        """The boundary length of the chosen units (m)."""
        x = np.asarray(x, dtype=bool)
        cut = x[self.edges.i] != x[self.edges.j]
        return float(self.outer[x].sum() + self.edges.length_m[cut].sum())

    def feasible(self, x: BoolArray) -> bool:
        x = np.asarray(x, dtype=bool)
        got = float(self.area[x].sum())
        if any(float(self.area[x & k.member].sum()) < k.need * (1 - 1e-12) for k in self.kinds):
            return False
        return (got >= self.need * (1 - 1e-12) and not (x & self.locked_out).any()
                and bool(x[self.locked_in].all())
                and (self.budget is None or got <= self.budget * (1 + 1e-12)))

    def check_reachable(self) -> None:
        """Refuse a target no choice reaches, saying how many hectares are reachable (whole
        hectares: the need rounded up, the reachable area down).

        Raises
        ------
        OptimiseError
            If the target needs more than every unit not locked out holds, or the budget is
            smaller than the target or than the locked-in units.
        """
        reachable = float(self.area[~self.locked_out].sum())
        if reachable < self.need:
            raise OptimiseError(
                "The target needs {need} ha of new nature, but only {reachable} ha can be "
                "reached on the units that are not excluded.",
                need=math.ceil(self.need / M2_PER_HA), reachable=int(reachable // M2_PER_HA))
        self._check_kinds()
        locked = max(float(self.area[self.locked_in].sum()), sum(k.need for k in self.kinds))
        if self.budget is not None and self.budget < max(self.need, locked):
            raise OptimiseError(
                "The budget of {budget} ha is less than the target's {need} ha.",
                budget=int(self.budget // M2_PER_HA),
                need=math.ceil(max(self.need, locked) / M2_PER_HA))

    def _check_kinds(self) -> None:
        """Refuse a kind's target that its units cannot hold; the message names every kind
        out of reach with its need and reachable ha (``kind=need/reachable`` pairs)."""
        short: list[tuple[str, int, int]] = []
        for k in self.kinds:
            reachable = float(self.area[k.member & ~self.locked_out].sum())
            if reachable < k.need:
                short.append((k.kind, math.ceil(k.need / M2_PER_HA),
                              int(reachable // M2_PER_HA)))
        if short:
            raise KindsOutOfReachError(tuple(short))


@dataclass(frozen=True)
class Solution:
    """A choice of units, its objective and a lower bound on the optimum.

    ``status``: ``optimal`` (gap ≤ the tolerance), ``time_limit``, ``cancelled`` or
    ``stopped`` (the method ran out of moves). ``bound`` is −inf when none was proven.
    """

    chosen: BoolArray
    objective: float
    bound: float
    method: str
    status: str
    seconds: float = 0.0

    @property
    def gap(self) -> float:
        """(objective − bound) / |objective|; inf without a bound."""
        if not math.isfinite(self.bound):
            return math.inf
        if self.objective == self.bound:
            return 0.0
        return max(0.0, (self.objective - self.bound) / max(abs(self.objective), 1e-9))


def ratio_order(problem: Problem) -> NDArray[np.intp]:
    """The free units from the lowest weight per new m² up (ties: the smaller index).

    The weights per m² are compared rounded to :data:`RATIO_BITS` significant bits: a weight
    that is a class value of fewer bits times the area (e.g. ``class × area / 2¹³``, which
    the product rounds by an ulp) ties exactly with every other unit of its class, and the
    position decides, not the rounding bits.
    """
    free = np.flatnonzero(problem.free & (problem.area > 0))
    ratio = significant(problem.weight[free] / problem.area[free], RATIO_BITS)
    return free[np.lexsort((free, ratio))]


def significant(values: FloatArray, bits: int) -> FloatArray:
    """*values* rounded to *bits* significant bits (to nearest, ties to even); 0, ±inf and
    NaN unchanged."""
    mantissa, exponent = np.frexp(values)
    scale = float(2 ** bits)
    return np.asarray(np.ldexp(np.round(mantissa * scale) / scale, exponent), dtype=np.float64)


def greedy(problem: Problem) -> BoolArray:
    """The plain greedy: units by weight per new ha, each taken while the target is not
    reached (or it lowers the objective) and it fits the budget; then units no longer
    needed are dropped, the heaviest first. Ignores the boundary penalty.
    """
    x = problem.locked_in.copy()
    cap = math.inf if problem.budget is None else problem.budget
    order = ratio_order(problem)
    for k in problem.kinds:
        have = float(problem.area[x & k.member].sum())
        for i in order[k.member[order]]:
            if have >= k.need:
                break
            if not x[i]:
                x[i] = True
                have += float(problem.area[i])
    got = float(problem.area[x].sum())
    for i in order:
        if x[i]:
            continue
        a, w = float(problem.area[i]), float(problem.weight[i])
        if (got < problem.need or w < 0) and got + a <= cap:
            x[i] = True
            got += a
    for i in np.flatnonzero(x & problem.free)[np.argsort(-problem.weight[x & problem.free],
                                                          kind="stable")]:
        a = float(problem.area[i])
        if problem.weight[i] > 0 and got - a >= problem.need and all(
                not k.member[i] or float(problem.area[x & k.member].sum()) - a >= k.need
                for k in problem.kinds):
            x[i] = False
            got -= a
    return x


def linear_bound(problem: Problem) -> tuple[float, float]:
    """The LP relaxation's optimum without the boundary (Dantzig's fractional knapsack on
    the one row need ≤ Σ aᵢxᵢ ≤ budget) and its dual price λ of a new m²: a lower bound on f
    (W · boundary ≥ 0).

    Sorted by weight per m², the LP takes a prefix of area t: every unit of negative weight
    (t₀ m²), clamped into the row's range; λ is the ratio of the unit it cuts (> 0 where the
    target binds, < 0 where the budget does, else 0). Free units of no area are taken when
    their weight is negative.
    """
    base = float(problem.weight[problem.locked_in].sum())
    have = float(problem.area[problem.locked_in].sum())
    base += float(np.minimum(problem.weight[problem.free & (problem.area <= 0)], 0.0).sum())
    order = ratio_order(problem)
    a, w = problem.area[order], problem.weight[order]
    if not len(order):
        return base, 0.0
    cum = np.cumsum(a)
    low = max(problem.need - have, 0.0)
    high = math.inf if problem.budget is None else problem.budget - have
    free_neg = float(a[w < 0].sum())
    t = min(max(free_neg, low), high, float(cum[-1]))
    if t <= 0:
        return base, 0.0
    k = min(int(np.searchsorted(cum, t * (1 - 1e-15))), len(order) - 1)
    before = float(cum[k - 1]) if k else 0.0
    ratio = float(w[k] / a[k])
    value = base + float(w[:k].sum()) + (t - before) * ratio
    binds = (t == low and low > free_neg) or (t == high and high < free_neg)
    return value, ratio if binds else 0.0


def kind_bound(problem: Problem) -> float:
    """A lower bound on f for W = 0 with targets by kind: the larger of Dantzig's bound on
    the total target alone and, when the kinds do not share units, the sum of each kind's
    own Dantzig bound plus what the units of no kind add at least (their negative weights
    and the locked-in ones); both drop rows, so both are relaxations."""
    total = linear_bound(replace(problem, kinds=()))[0]
    member = np.zeros(len(problem), dtype=np.int64)
    for k in problem.kinds:
        member += k.member
    if member.max(initial=0) > 1:
        return total
    alone = member == 0
    value = float(problem.weight[alone & problem.locked_in].sum())
    value += float(np.minimum(problem.weight[alone & problem.free], 0.0).sum())
    for k in problem.kinds:
        part = replace(problem, need=k.need, kinds=(), locked_in=problem.locked_in & k.member,
                       locked_out=problem.locked_out | ~k.member)
        value += linear_bound(part)[0]
    return max(total, value)
