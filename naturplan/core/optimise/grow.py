"""Compact plans for the boundary penalty by growing regions, and the isoperimetric bound
(issue 23 §2: the default cost with a boundary penalty).

When every unit costs the same per hectare (the default cost, farmland ha), the Lagrangian's
cut jumps at one price from nothing to most of the map: it finds neither a plan near the
target nor a bound above the unpenalised one. Two things help there:

- :func:`isoperimetric_bound`: the chosen units of a coverage are a planar region of at
  least the target's area, and a planar region of area A has a perimeter of at least
  2·√(π·A) (the isoperimetric inequality; for several parts the square roots add, which is
  more). So ``f ≥ LP(W = 0) + W·2·√(π·need)``.
- :func:`grow`: a region grown from a seed unit, each step the neighbour that adds the least
  objective per m² (its weight plus W times the boundary it adds), until the target is
  reached: a compact plan in one pass (a priority queue with stale entries skipped).
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from naturplan.core.optimise.problem import BoolArray, FloatArray, Problem, linear_bound

if TYPE_CHECKING:
    import scipy.sparse as sp


def isoperimetric_term(problem: Problem) -> float:
    """``W·2·√(π·need')``, need' the least area of a plan (:func:`least_area`): a lower
    bound on the penalty, 0 unless the problem says its units are a planar coverage
    (:attr:`Problem.planar`)."""
    if not problem.planar or problem.boundary_w <= 0:
        return 0.0
    return problem.boundary_w * 2.0 * math.sqrt(math.pi * max(least_area(problem), 0.0))


def least_area(problem: Problem) -> float:
    """A lower bound on the new area of every feasible plan: the largest of the target, the
    locked-in units' area and the kinds' targets: their sum where no unit is of two kinds
    (each kind's target is met by units of that kind alone, so the plan holds them all),
    else the largest."""
    kinds = [k.need for k in problem.kinds]
    if kinds:
        members = np.sum([k.member for k in problem.kinds], axis=0)
        kinds = [sum(kinds)] if int(members.max(initial=0)) <= 1 else kinds
    return max([problem.need, float(problem.area[problem.locked_in].sum())] + kinds)


def isoperimetric_bound(problem: Problem) -> float:
    """``LP(W = 0) + W·2·√(π·need)`` (−inf unless the problem says its units are a planar
    coverage, :attr:`Problem.planar`)."""
    if not problem.planar:
        return -math.inf
    return linear_bound(problem)[0] + isoperimetric_term(problem)


def added_cost(problem: Problem, adjacency: sp.csr_matrix, x: BoolArray) -> FloatArray:
    """Per unit, f(x with it) − f(x without it) (its weight and the boundary it adds)."""
    inside = np.asarray(adjacency @ x.astype(np.float64)).ravel()
    total = np.asarray(adjacency.sum(axis=1)).ravel()
    return np.asarray(problem.weight + problem.boundary_w * (problem.outer + total
                                                             - 2.0 * inside), dtype=np.float64)


def grow(problem: Problem, seed: int, adjacency: sp.csr_matrix,
         total: FloatArray | None = None) -> BoolArray:
    """A region grown from *seed* (and the locked-in units) until the target and each kind's
    target are reached: each step the free neighbour with the least added objective per m²
    among those that help a target not yet reached. Returns the region, short of a target if
    its neighbours ran out (the caller fills it)."""
    p, w = problem, problem.boundary_w
    total = np.asarray(adjacency.sum(axis=1)).ravel() if total is None else total
    inside = np.zeros(len(p), dtype=np.float64)
    x = p.locked_in.copy()
    ok = p.free & (p.area > 0)
    indptr, indices, data = adjacency.indptr, adjacency.indices, adjacency.data
    base = p.weight + w * (p.outer + total)
    heap: list[tuple[float, int]] = []
    rows = _Rows(p, x)

    def add(i: int) -> None:
        x[i] = True
        rows.add(i)
        for k in range(indptr[i], indptr[i + 1]):
            j = int(indices[k])
            inside[j] += data[k]
            if ok[j] and not x[j]:
                heapq.heappush(heap, ((base[j] - 2 * w * inside[j]) / p.area[j], j))

    for i in np.flatnonzero(x):
        add(int(i))
    if ok[seed] and not x[seed] and rows.helps(seed):
        add(seed)
    while not rows.met() and heap:
        key, j = heapq.heappop(heap)
        if x[j] or key > (base[j] - 2 * w * inside[j]) / p.area[j] + 1e-12:
            continue  # chosen already, or a stale entry (a newer, lower one is queued)
        if rows.helps(j):
            add(j)
    return x


class _Rows:
    """The target's and the kinds' areas reached so far by a growing region."""

    def __init__(self, problem: Problem, x: BoolArray) -> None:
        self.area, self.need = problem.area, problem.need
        self.got = 0.0
        self.members = [k.member for k in problem.kinds]
        self.needs = np.array([k.need for k in problem.kinds])
        self.gots = np.zeros(len(self.members))

    def add(self, i: int) -> None:
        a = float(self.area[i])
        self.got += a
        for r, member in enumerate(self.members):
            if member[i]:
                self.gots[r] += a

    def met(self) -> bool:
        return self.got >= self.need and bool((self.gots >= self.needs).all())

    def helps(self, i: int) -> bool:
        """True if unit *i* adds to a target not yet reached."""
        return self.got < self.need or any(
            member[i] and self.gots[r] < self.needs[r] for r, member in enumerate(self.members))


def seeds(problem: Problem, candidates: BoolArray, count: int) -> NDArray[np.intp]:
    """Up to *count* seed units among *candidates*, spread at random (fixed seed)."""
    pool = np.flatnonzero(candidates & problem.free & (problem.area > 0))
    if len(pool) <= count:
        return pool
    rng = np.random.default_rng(23)
    return np.asarray(rng.choice(pool, size=count, replace=False), dtype=np.intp)


def spread_seeds(problem: Problem, candidates: BoolArray, count: int) -> NDArray[np.intp]:
    """About *count* seed units among *candidates* spread evenly over the map: a square grid
    whose cells hold the candidates' area *count* times over, in each cell the candidate
    nearest its middle (ties: the lower index), in a random order (fixed seed). Random
    seeds gather where the units are small (towns); a plan near a disc is as good as its
    place, so each part of the map gets its seed."""
    pool = np.flatnonzero(candidates & problem.free & (problem.area > 0))
    if len(pool) <= count:
        return pool
    spacing = math.sqrt(float(problem.area[pool].sum()) / count)
    xy = problem.centre[pool]
    cell = np.floor(xy / spacing)
    off = np.hypot(*(xy - (cell + 0.5) * spacing).T)
    key = cell[:, 0] * 4_294_967_296.0 + cell[:, 1]
    order = np.lexsort((pool, off, key))
    first = order[np.r_[True, key[order][1:] != key[order][:-1]]]
    rng = np.random.default_rng(23)
    return np.asarray(pool[first][rng.permutation(len(first))], dtype=np.intp)


def grown_plans(problem: Problem, adjacency: sp.csr_matrix, candidates: BoolArray,
                deadline: float, count: int = 24) -> Iterator[BoolArray]:
    """Regions grown from seeds among *candidates*, one at a time until *deadline* (the
    first always; the caller's work on each plan counts against the deadline too)."""
    total = np.asarray(adjacency.sum(axis=1)).ravel()
    for seed in seeds(problem, candidates, count):
        yield grow(problem, int(seed), adjacency, total)
        if time.monotonic() >= deadline:
            return


#: The share of the time of :func:`ball_plans` for the first seeds when seeds are moved after.
SEED_SHARE = 0.6


def ball_plans(problem: Problem, candidates: BoolArray, deadline: float, count: int = 48,
               keep: int = 4, moves: int = 0) -> list[BoolArray]:
    """The *keep* best of up to *count* "balls": from a seed among *candidates*, the units
    nearest to it (with the locked-in units) until the target is reached. Near is the
    straight-line distance between the units' centres where the problem knows them
    (:attr:`Problem.centre`), else the shortest path over shared edges, each step the mean of
    the two units' √area (about the distance of their centres), locked-out units not passed
    through: a plan close to a disc where the cheapest units tie (the default cost), which
    growing by the least added boundary does not find. Only for one covering row (no kinds,
    no budget); best first.

    With the centres and *moves* > 0, the best seed is then moved (:func:`_moved_seeds`) to
    usable units near it, candidates or not, nearer and nearer, while a ball gains."""
    if problem.kinds or problem.budget is not None or not len(problem.edges):
        return []
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    p, e = problem, problem.edges
    step = np.sqrt(np.maximum(p.area, 1.0))
    keep_edge = ~p.locked_out[e.i] & ~p.locked_out[e.j]
    graph = csr_matrix(((step[e.i] + step[e.j])[keep_edge] / 2.0,
                        (e.i[keep_edge], e.j[keep_edge])), shape=(len(p), len(p)))
    usable = p.free & (p.area > 0)
    missing = p.need - float(p.area[p.locked_in].sum())
    found: dict[int, tuple[float, BoolArray]] = {}
    crow = len(p.centre) == len(p) > 0

    tree = _CrowTree(p, usable, missing) if crow else None
    length = csr_matrix((np.concatenate([e.length_m, e.length_m]),
                         (np.concatenate([e.i, e.j]), np.concatenate([e.j, e.i]))),
                        shape=(len(p), len(p)))
    rim = p.outer + np.asarray(length.sum(axis=1)).ravel()

    def value(x: BoolArray) -> float:
        """f(x), from the rows of the chosen units only (a ball is a few % of the map)."""
        chosen = np.flatnonzero(x)
        inside = float((length[chosen] @ x.astype(np.float64)).sum())
        return float(p.weight[chosen].sum()) + p.boundary_w * (float(rim[chosen].sum())
                                                               - inside)

    def ball(seed: int) -> None:
        if seed in found:
            return
        near = tree.nearest(seed) if tree is not None else None
        if near is None:
            if crow:  # as the crow flies: paths over shared edges zigzag (a grid's: diamonds)
                distance = np.hypot(*(p.centre - p.centre[seed]).T)
            else:
                distance = dijkstra(graph, directed=False, indices=seed)
            near = _nearest(np.flatnonzero(usable & np.isfinite(distance)), distance, p.area,
                            missing)
        if near is not None:
            x = p.locked_in.copy()
            x[near] = True
            found[seed] = (value(x), x)

    first = deadline if moves <= 0 else time.monotonic() + SEED_SHARE * (
        deadline - time.monotonic())
    for seed in (spread_seeds(p, candidates, count) if crow else seeds(p, candidates, count)):
        ball(int(seed))
        if time.monotonic() >= first:
            break
    if crow and moves > 0:
        radius = math.sqrt(max(missing, 0.0) / math.pi)
        _moved_seeds(p, found, ball, usable, radius, deadline, moves)
    ranked = sorted(found.items(), key=lambda item: (item[1][0], item[0]))
    if crow and moves > 0:  # the moved seeds crowd one place: keep balls of other places too
        ranked = _apart(p.centre, ranked, math.sqrt(max(missing, 0.0) / math.pi) / 2.0)
    return [x for _, (_, x) in ranked[:keep]]


def _apart(centre: FloatArray, ranked: list[tuple[int, tuple[float, BoolArray]]],
           distance: float) -> list[tuple[int, tuple[float, BoolArray]]]:
    """*ranked* (best first) with each seed nearer than *distance* to a better one's put
    after all those that are not, in their order."""
    kept: list[int] = []
    later = []
    for item in ranked:
        if any(math.dist(centre[item[0]], centre[k]) < distance for k in kept):
            later.append(item)
        else:
            kept.append(item[0])
    first = [item for item in ranked if item[0] in set(kept)]
    return first + later


class _CrowTree:
    """The usable units nearest a seed as the crow flies through a k-d tree of their centres:
    the same units as :func:`_nearest` on the whole map, or None where a tie at the end of
    the prefix (or too few units) leaves the answer to it."""

    def __init__(self, problem: Problem, usable: BoolArray, missing: float) -> None:
        from scipy.spatial import cKDTree

        self.p, self.missing = problem, missing
        self.units = np.flatnonzero(usable)
        self.tree = cKDTree(problem.centre[self.units]) if len(self.units) else None
        mean = float(problem.area[self.units].mean()) if len(self.units) else 1.0
        self.k = int(1.5 * missing / max(mean, 1e-9)) + 64

    def nearest(self, seed: int) -> NDArray[np.intp] | None:
        k = self.k
        while self.tree is not None and k < len(self.units):
            distance, at = self.tree.query(self.p.centre[seed], k=k)
            reached = np.cumsum(self.p.area[self.units[at]])
            end = int(np.searchsorted(reached, self.missing * (1 - 1e-12)))
            if end + 1 < k:  # reached before the last of the k
                if distance[end] < distance[end + 1]:  # no tie at the cut: the same set
                    return np.asarray(self.units[at[:end + 1]], dtype=np.intp)
                return None
            k *= 2
        return None


def _moved_seeds(problem: Problem, found: dict[int, tuple[float, BoolArray]],
                 ball: Callable[[int], None], usable: BoolArray, radius: float,
                 deadline: float, moves: int) -> None:
    """A local search over the seed: *moves* units at random (fixed seed) within a distance
    of the best seed so far (half the ball's radius first), each a ball; the search moves to
    the best of them while it gains, else the distance halves (four times at most)."""
    rng = np.random.default_rng(23)
    reach = radius / 2.0
    while found and reach > radius / 32.0 and time.monotonic() < deadline:
        best = min(found, key=lambda s: (found[s][0], s))
        near = np.flatnonzero(usable & (np.hypot(*(problem.centre
                                                    - problem.centre[best]).T) <= reach))
        if len(near) > moves:
            near = rng.choice(near, size=moves, replace=False)
        for seed in near:
            ball(int(seed))
            if time.monotonic() >= deadline:
                return
        if min(found, key=lambda s: (found[s][0], s)) == best:
            reach /= 2.0


def _nearest(near: NDArray[np.intp], distance: FloatArray, area: FloatArray,
             missing: float) -> NDArray[np.intp] | None:
    """The units of *near* nearest first (ties: the lower index) until they hold *missing*
    m², None if all of them do not. Sorts only the units nearer than a cut-off when those
    suffice (twice the units the target needs at the mean area): the same prefix as the
    whole stable sort, without sorting the whole map for every seed."""
    if not len(near):
        return None
    guess = 2 * int(missing / max(float(area[near].mean()), 1e-9)) + 64
    if guess < len(near):
        cutoff = np.partition(distance[near], guess)[guess]
        inner = near[distance[near] < cutoff]
        inner = inner[np.argsort(distance[inner], kind="stable")]
        reached = np.cumsum(area[inner])
        if len(inner) and reached[-1] >= missing:
            return np.asarray(inner[:int(np.searchsorted(reached, missing * (1 - 1e-12))) + 1],
                              dtype=np.intp)
    near = near[np.argsort(distance[near], kind="stable")]
    reached = np.cumsum(area[near])
    if reached[-1] < missing:
        return None
    return np.asarray(near[:int(np.searchsorted(reached, missing * (1 - 1e-12))) + 1],
                      dtype=np.intp)
