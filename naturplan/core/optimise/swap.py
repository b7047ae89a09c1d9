"""A local search that smooths a penalised plan's outline (issue 23 §2: the boundary penalty
with the default cost).

A plan grown from a seed or cut by the Lagrangian has notches and spurs along its outline. One
move adds a free unit next to the plan (best a notch: most of its edge already inside), then
drops chosen units while the target stays reached and each drop lowers the objective (spurs:
the most saved per m² first). The move is kept when the objective fell in total, else undone.
Rounds over the units along the outline go on until a round gains nothing or the deadline.

A drop keeps each kind's target; a move that ends above the budget is undone.
"""

from __future__ import annotations

import heapq
import time
from typing import TYPE_CHECKING

import numpy as np

from naturplan.core.optimise.edges import SharedEdges
from naturplan.core.optimise.problem import BoolArray, FloatArray, KindTarget, Problem

if TYPE_CHECKING:
    import scipy.sparse as sp


class _Plan:
    """A plan with, per unit, the shared length with chosen units (kept up to date)."""

    def __init__(self, problem: Problem, x: BoolArray, adjacency: sp.csr_matrix) -> None:
        self.p, self.x = problem, x.copy()
        self.indptr, self.indices, self.data = adjacency.indptr, adjacency.indices, \
            adjacency.data
        self.total: FloatArray = np.asarray(adjacency.sum(axis=1)).ravel()
        self.inside: FloatArray = np.asarray(adjacency @ self.x.astype(np.float64)).ravel()
        self.got = float(problem.area[self.x].sum())
        self.members = (np.array([k.member for k in problem.kinds], dtype=bool)
                        if problem.kinds else np.zeros((0, len(problem)), dtype=bool))
        self.needs = np.array([k.need for k in problem.kinds], dtype=np.float64)
        self.gots = self.members.astype(np.float64) @ np.where(self.x, problem.area, 0.0)

    def can_drop(self, i: int) -> bool:
        """True if the target and each kind's target stay reached without unit *i*."""
        a, tol = float(self.p.area[i]), 1 - 1e-12
        mine = self.members[:, i]
        return self.got - a >= self.p.need * tol and bool(
            (self.gots[mine] - a >= self.needs[mine] * tol).all())

    def within_budget(self) -> bool:
        return self.p.budget is None or self.got <= self.p.budget * (1 + 1e-12)

    def add_delta(self, i: int) -> float:
        """f(x with i) − f(x)."""
        p = self.p
        return float(p.weight[i] + p.boundary_w * (p.outer[i] + self.total[i]
                                                   - 2.0 * self.inside[i]))

    def drop_delta(self, i: int) -> float:
        """f(x without i) − f(x)."""
        p = self.p
        return float(-p.weight[i] + p.boundary_w * (2.0 * self.inside[i] - self.total[i]
                                                    - p.outer[i]))

    def flip(self, i: int) -> None:
        sign = -1.0 if self.x[i] else 1.0
        self.x[i] = not self.x[i]
        self.got += sign * float(self.p.area[i])
        self.gots[self.members[:, i]] += sign * float(self.p.area[i])
        for k in range(self.indptr[i], self.indptr[i + 1]):
            self.inside[self.indices[k]] += sign * self.data[k]

    def neighbours(self, i: int) -> np.ndarray:
        return np.asarray(self.indices[self.indptr[i]:self.indptr[i + 1]])


def smooth(problem: Problem, x: BoolArray, adjacency: sp.csr_matrix, deadline: float,
           rounds: int = 20) -> BoolArray:
    """*x* improved by add-one-then-drop moves along its outline (never worse; a feasible
    *x* stays feasible: each kind's target stays reached, and a move that ends above the
    budget is undone)."""
    p = problem
    if not p.feasible(x):
        return x
    plan = _Plan(p, x, adjacency)
    droppable = p.free & (p.area > 0)
    for _ in range(rounds):
        gained = False
        outline = np.flatnonzero(~plan.x & droppable & (plan.inside > 0))
        keys = p.weight[outline] + p.boundary_w * (p.outer[outline] + plan.total[outline]
                                                   - 2.0 * plan.inside[outline])
        for v in outline[np.argsort(keys / p.area[outline], kind="stable")]:
            if time.monotonic() >= deadline:
                return plan.x
            if not plan.x[v] and plan.inside[v] > 0:
                gained |= _move(plan, int(v), droppable)
        if not gained:
            break
    return plan.x


def _move(plan: _Plan, v: int, droppable: BoolArray) -> bool:
    """Add *v*, drop what saves; keep it if the objective fell, else undo. True if kept."""
    p = plan.p
    change = plan.add_delta(v)
    plan.flip(v)
    dropped: list[int] = []
    heap = [(plan.drop_delta(int(u)) / p.area[u], int(u)) for u in _around(plan, v, droppable)]
    heapq.heapify(heap)
    while heap:
        key, u = heapq.heappop(heap)
        if not plan.x[u] or u == v:
            continue
        now = plan.drop_delta(u)
        if abs(now / p.area[u] - key) > 1e-12:
            heapq.heappush(heap, (now / p.area[u], u))  # stale: queue its current value
            continue
        if now >= 0:
            break
        if not plan.can_drop(u):
            continue
        change += now
        plan.flip(u)
        dropped.append(u)
        for j in plan.neighbours(u):
            if plan.x[j] and droppable[j]:
                heapq.heappush(heap, (plan.drop_delta(int(j)) / p.area[j], int(j)))
    if change < -1e-9 and plan.within_budget():
        return True
    for u in reversed(dropped):
        plan.flip(u)
    plan.flip(v)
    return False


def _around(plan: _Plan, v: int, droppable: BoolArray) -> np.ndarray:
    """The chosen droppable units on the plan's outline (a drop anywhere on it may pay for
    the added unit)."""
    edge = plan.x & droppable & (plan.inside < plan.total + plan.p.outer - 1e-9)
    edge[v] = False
    return np.flatnonzero(edge)


def band(problem: Problem, x: BoolArray, adjacency: sp.csr_matrix,
         rings: int = 1) -> tuple[Problem, np.ndarray]:
    """The units along *x*'s outline (chosen or not, with *rings* − 1 more rings of
    neighbours) as a problem of their own, the rest fixed as in *x*: an edge to a fixed
    unit left out is outline when the band unit is chosen (``outer``), an edge to a fixed
    chosen unit when it is not (its weight lowered by ``W·length``, a constant added back).
    For every choice y of the band, f(x with y) = the band's f(y) + a constant. Returns the
    band's problem and its units' indices (one covering row; kinds and budget ignored)."""
    return window(problem, x, outline_units(x, adjacency, rings))


def outline_units(x: BoolArray, adjacency: sp.csr_matrix, rings: int) -> BoolArray:
    """The units along *x*'s outline, chosen or not, with *rings* − 1 more rings."""
    link = (adjacency > 0).astype(np.int8)
    xi = x.astype(np.int8)
    near = (x & (np.asarray(link @ (1 - xi)).ravel() > 0)) \
        | (~x & (np.asarray(link @ xi).ravel() > 0))
    for _ in range(rings - 1):
        near |= np.asarray(link @ near.astype(np.int8)).ravel() > 0
    return np.asarray(near, dtype=bool)


def sectors(centre: FloatArray, units: np.ndarray, size: int, turn: float) -> list[np.ndarray]:
    """*units* cut into windows of about *size* units each: sectors of the angle around
    their mean centre, the first starting *turn* (0-1) of a sector on; ties by index."""
    if not len(units):
        return []
    count = max(1, round(len(units) / size))
    d = centre[units] - centre[units].mean(axis=0)
    angle = (np.arctan2(d[:, 1], d[:, 0]) + np.pi) / (2 * np.pi)  # 0-1
    part = np.floor((angle * count + turn) % count).astype(np.intp)
    return [units[part == k] for k in range(count) if (part == k).any()]


def window(problem: Problem, x: BoolArray, near: BoolArray) -> tuple[Problem, np.ndarray]:
    """The free units of *near* as a problem of their own, the rest fixed as in *x* (see
    :func:`band`): for every choice y of them, f(x with y) = the window's f(y) + a constant,
    and x with y meets the target if and only if y meets the window's. Returns the window's
    problem and its units' indices (one covering row; kinds and budget ignored)."""
    p, w = problem, problem.boundary_w
    inside = near & p.free & (p.area > 0)
    index = np.flatnonzero(inside)
    pos = np.full(len(p), -1, dtype=np.intp)
    pos[index] = np.arange(len(index))
    e = p.edges
    both = inside[e.i] & inside[e.j]
    one = inside[e.i] ^ inside[e.j]
    unit = np.where(inside[e.i], e.i, e.j)[one]
    other, length = np.where(inside[e.i], e.j, e.i)[one], e.length_m[one]
    out = ~x[other]
    m = len(index)
    outer = p.outer[index] + np.bincount(pos[unit[out]], weights=length[out], minlength=m)
    weight = p.weight[index] - w * np.bincount(pos[unit[~out]], weights=length[~out],
                                               minlength=m)
    fixed_in = x & ~inside
    kinds = tuple(KindTarget(k.kind, k.member[index],
                             k.need - float(p.area[fixed_in & k.member].sum()))
                  for k in p.kinds)
    sub = Problem(p.area[index], weight, p.need - float(p.area[fixed_in].sum()),
                  boundary_w=w, outer=outer,
                  edges=SharedEdges(pos[e.i[both]], pos[e.j[both]], e.length_m[both]),
                  kinds=kinds)
    return sub, index
