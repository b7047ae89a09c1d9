"""Access to nature near home (issue 25 item 2; DESIGN.md, "Access").

The share of addresses (or of residents, where the addresses carry a count) with accessible
nature within 300 m and 1 km, straight line, and what each candidate adds: the addresses it
newly brings within reach of nature.

- :class:`AccessIndex` measures today's distances once: one vectorised STRtree query of every
  address against the accessible polygons (``query_nearest`` with the largest distance as
  ``max_distance``); an address farther than that is "beyond" (``inf``), never a distance.
  A candidate's gain (:meth:`AccessIndex.gain`) only touches the addresses near it (an STRtree
  over the addresses, ``dwithin`` the largest distance).
- :class:`AccessLedger` keeps the plan's projected access up to date one edit at a time, as
  :class:`~naturplan.core.plan.ledger.Ledger` does for the area: per address and distance the
  number of candidates within reach; an edit touches only the addresses near the edited
  candidates (live while drawing).

Nothing is cut at the municipal border: every address and every accessible polygon that is
loaded counts, so nature across the border is nature near home. Counts are numbers; the words
come later. With no address the shares are ``None`` (no number from nothing).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.walking import RoadNetwork, Walker
from naturplan.core.errors import NoRoadsError
from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.layer import WindowedLayer
from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import Candidate, CandidateStatus
from naturplan.core.plan.follow import PlanFollower

if TYPE_CHECKING:
    from naturplan.core.plan.plan import Change

#: The distances the strategy names: nature within 300 m and within 1 km (straight line).
ACCESS_DISTANCES_M: tuple[float, ...] = (300.0, 1000.0)
#: Which roles count as accessible nature unless the project says otherwise: protected §3
#: nature, forest (where a forest layer is loaded) and the candidates.
DEFAULT_ACCESS_ROLES: tuple[str, ...] = ("nature_p3", "forest", "candidates")
#: The roles a user may count as accessible nature (the polygon roles of nature, and the
#: candidates), in the order a control lists them.
ACCESS_ROLE_CHOICES: tuple[str, ...] = ("nature_p3", "forest", "natura2000", "candidates")
#: How a distance is measured: a straight line, or walking on the road network (role roads).
STRAIGHT, NETWORK = "straight", "network"
DISTANCE_METHODS: tuple[str, ...] = (STRAIGHT, NETWORK)
#: The settings key of :class:`AccessSettings` in a project's settings.
ACCESS_KEY = "access"
#: The field of residents per address, when the addresses carry one.
RESIDENTS_FIELD = "beboere"


@dataclass(frozen=True)
class AccessSettings:
    """What counts as accessible nature and at which distances (a project setting)."""

    roles: tuple[str, ...] = DEFAULT_ACCESS_ROLES
    distances_m: tuple[float, ...] = ACCESS_DISTANCES_M
    #: :data:`STRAIGHT` or :data:`NETWORK` (walking on the roads layer).
    distance: str = STRAIGHT

    @property
    def candidates_count(self) -> bool:
        """Whether the candidates are accessible nature (their gains are measured)."""
        return "candidates" in self.roles

    def as_dict(self) -> dict[str, Any]:
        return {"roles": list(self.roles), "distances_m": list(self.distances_m),
                "distance": self.distance}

    @classmethod
    def from_mapping(cls, value: Mapping[str, Any] | None) -> AccessSettings:
        """The settings stored as *value* (None or empty: the defaults).

        Raises
        ------
        TypeError, ValueError
            If a value is of the wrong kind or a distance is not a positive finite number.
        """
        if not value:
            return cls()
        roles = value.get("roles", DEFAULT_ACCESS_ROLES)
        distances = value.get("distances_m", ACCESS_DISTANCES_M)
        if not isinstance(roles, list | tuple) or not all(isinstance(r, str) for r in roles):
            raise TypeError("roles")
        if not isinstance(distances, list | tuple) or not distances:
            raise TypeError("distances_m")
        numbers = []
        for d in distances:
            if isinstance(d, bool) or not isinstance(d, int | float):
                raise TypeError("distances_m")
            if not np.isfinite(d) or d <= 0:
                raise ValueError("distances_m")
            numbers.append(float(d))
        distance = value.get("distance", STRAIGHT)
        if distance not in DISTANCE_METHODS:
            raise ValueError("distance")
        return cls(tuple(roles), tuple(sorted(set(numbers))), distance)


@dataclass(frozen=True)
class AccessShares:
    """How many addresses (or residents) have accessible nature within each distance.

    Attributes
    ----------
    distances_m
        The distances, ascending.
    reached
        Per distance, the addresses (or residents) within it.
    total
        All addresses (or all residents).
    addresses
        The number of addresses.
    weighted
        True when counted in residents (a count field), False when in addresses.
    method
        How the distances were measured.
    """

    distances_m: tuple[float, ...]
    reached: tuple[float, ...]
    total: float
    addresses: int
    weighted: bool = False
    #: How the distances were measured: :data:`STRAIGHT` or :data:`NETWORK` (walking).
    method: str = STRAIGHT

    def share(self, k: int) -> float | None:
        """The share within ``distances_m[k]`` (None with nobody to count)."""
        return self.reached[k] / self.total if self.total > 0 else None

    @property
    def shares(self) -> tuple[float | None, ...]:
        return tuple(self.share(k) for k in range(len(self.distances_m)))


@dataclass(frozen=True)
class AccessGain:
    """What one candidate adds to today's access: per distance, the addresses (and the
    weighted count: residents, or addresses again) that have no accessible nature within
    the distance today and would have with the candidate."""

    distances_m: tuple[float, ...]
    addresses: tuple[int, ...]
    weighted: tuple[float, ...]


@dataclass
class AccessIndex:
    """Today's access of every address (see the module docstring).

    Parameters
    ----------
    points
        The address points (EPSG:25832).
    nature
        The accessible polygons of today (not the candidates).
    weights
        Residents per address (None: every address counts 1). A missing count (NaN) counts
        0 and is counted in :attr:`unknown_weights`.
    distances_m
        The distances, ascending.
    """

    points: NDArray[np.object_]
    nature: NDArray[np.object_]
    weights: NDArray[np.float64] | None = None
    distances_m: tuple[float, ...] = ACCESS_DISTANCES_M
    roads: RoadNetwork | None = None
    baseline: NDArray[np.float64] = field(init=False)
    unknown_weights: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.points = np.asarray(self.points, dtype=object)
        self.nature = np.asarray(self.nature, dtype=object)
        self.distances_m = tuple(sorted(float(d) for d in self.distances_m))
        n = len(self.points)
        if self.weights is not None:
            raw = np.asarray(self.weights, dtype=float)
            self.unknown_weights = int(np.count_nonzero(~np.isfinite(raw)))
            self.weights = np.where(np.isfinite(raw) & (raw > 0), raw, 0.0)
        self._w = self.weights if self.weights is not None else np.ones(n)
        self._walker = Walker(self.roads, self.points) if self.roads is not None else None
        self.baseline = self._nearest(self.nature)
        self._tree = shapely.STRtree(self.points)
        self.reached_now = tuple(self.baseline <= d for d in self.distances_m)

    @property
    def method(self) -> str:
        """How the distances are measured: :data:`STRAIGHT`, or :data:`NETWORK` (walking on
        the :attr:`roads`, :mod:`naturplan.core.analysis.walking`)."""
        return STRAIGHT if self.roads is None else NETWORK

    @property
    def reach(self) -> float:
        """The largest distance: farther than this an address is "beyond"."""
        return self.distances_m[-1]

    def _nearest(self, nature: NDArray[np.object_]) -> NDArray[np.float64]:
        """Each address's distance to the nearest of *nature* (``inf`` beyond :attr:`reach`):
        one STRtree query for all addresses."""
        out = np.full(len(self.points), np.inf)
        geoms = nature[~shapely.is_missing(nature)] if len(nature) else nature
        if len(geoms) == 0 or len(self.points) == 0:
            return out
        tree = shapely.STRtree(geoms)
        pairs, dist = tree.query_nearest(self.points, max_distance=self.reach,
                                         return_distance=True, all_matches=False)
        np.minimum.at(out, pairs[0], dist)
        return out if self._walker is None else self._walker.everyone(out, geoms, self.reach)

    def now(self) -> AccessShares:
        """Today's access."""
        reached = tuple(float(self._w[r].sum()) for r in self.reached_now)
        return AccessShares(self.distances_m, reached, float(self._w.sum()), len(self.points),
                            self.weights is not None, self.method)

    def near(self, geom: BaseGeometry) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
        """The addresses within :attr:`reach` of *geom* and their distances to it."""
        if geom is None or geom.is_empty or len(self.points) == 0:
            return np.empty(0, dtype=np.intp), np.empty(0)
        idx = self._tree.query(geom, predicate="dwithin", distance=self.reach)
        idx = np.sort(np.asarray(idx, dtype=np.intp))
        straight = np.asarray(shapely.distance(self.points[idx], geom), dtype=float)
        if self._walker is None:
            return idx, straight
        return self._walker.near(geom, idx, straight, self.reach)

    def gain(self, geom: BaseGeometry) -> AccessGain:
        """What *geom* (a candidate) adds to today's access, per distance."""
        idx, dist = self.near(geom)
        return self._gain(idx, dist)

    def _gain(self, idx: NDArray[np.intp], dist: NDArray[np.float64]) -> AccessGain:
        counts, weighted = [], []
        for k, d in enumerate(self.distances_m):
            new = idx[(dist <= d) & ~self.reached_now[k][idx]]
            counts.append(len(new))
            weighted.append(float(self._w[new].sum()))
        return AccessGain(self.distances_m, tuple(counts), tuple(weighted))


def counts_for_access(candidate: Candidate) -> bool:
    """Whether *candidate* is nature near home in the plan (every candidate not rejected, as
    in the projected connectivity network)."""
    return candidate.status is not CandidateStatus.REJECTED


class AccessLedger(PlanFollower):
    """The plan's projected access, kept up to date per edit (see the module docstring).

    A candidate's own gain is against today's nature alone (what it brings, as its ΔECA is
    against today's network); the projected total counts every address once, however many
    candidates reach it.
    """

    def __init__(self, index: AccessIndex,
                 counts: Callable[[Candidate], bool] = counts_for_access) -> None:
        self.index = index
        self._counts = counts
        n, m = len(index.points), len(index.distances_m)
        self._cover = np.zeros((m, n), dtype=np.int32)  # candidates within each distance
        self._extra = np.zeros(m)  # weight reached only through candidates
        self._near: dict[str, tuple[NDArray[np.intp], NDArray[np.float64]]] = {}
        self._gains: dict[str, AccessGain] = {}

    def _add(self, candidate_id: str, geom: BaseGeometry) -> None:
        idx, dist = self.index.near(geom)
        self._near[candidate_id] = (idx, dist)
        self._gains[candidate_id] = self.index._gain(idx, dist)
        self._shift(idx, dist, +1)

    def _drop(self, candidate_id: str) -> None:
        self._gains.pop(candidate_id, None)
        found = self._near.pop(candidate_id, None)
        if found is not None:
            self._shift(*found, -1)

    def _shift(self, idx: NDArray[np.intp], dist: NDArray[np.float64], step: int) -> None:
        w = self.index._w
        for k, d in enumerate(self.index.distances_m):
            hit = idx[dist <= d]
            before = self._cover[k, hit] > 0
            self._cover[k, hit] += step
            after = self._cover[k, hit] > 0
            flipped = hit[(before != after) & ~self.index.reached_now[k][hit]]
            self._extra[k] += step * float(w[flipped].sum())

    def apply_edit(self, removed: Iterable[str], current: Iterable[Candidate]) -> None:
        """Forget the *removed* ids, then take the *current* versions of the edited ones."""
        for cid in removed:
            self._drop(cid)
        for c in current:
            self._drop(c.id)
            if self._counts(c):
                self._add(c.id, c.geometry)

    def apply(self, change: Change) -> None:
        """Follow one committed edit of the plan."""
        self.apply_edit([c.id for c in change.removed], change.after)

    def reset(self, candidates: Iterable[Candidate]) -> None:
        """Start again from *candidates*."""
        self._cover[:] = 0
        self._extra[:] = 0.0
        self._near.clear()
        self._gains.clear()
        self.apply_edit((), candidates)


    def gain(self, candidate_id: str) -> AccessGain | None:
        """The gain of a counting candidate (None for one that does not count)."""
        return self._gains.get(candidate_id)

    @property
    def gains(self) -> Mapping[str, AccessGain]:
        return dict(self._gains)

    def result(self) -> AccessShares:
        """The projected access: today's plus every address reached only by candidates."""
        now = self.index.now()
        reached = tuple(r + float(e) for r, e in zip(now.reached, self._extra, strict=True))
        return AccessShares(now.distances_m, reached, now.total, now.addresses, now.weighted,
                            now.method)


def scenario_access(index: AccessIndex, candidates: Iterable[Candidate]) -> AccessShares:
    """The access with *candidates* (a scenario's) added to today's nature."""
    ledger = AccessLedger(index)
    ledger.reset(candidates)
    return ledger.result()


def dataset_access(dataset: Dataset, settings: AccessSettings | None = None
                   ) -> AccessIndex | None:
    """Today's access of *dataset*'s addresses to the polygons of the accessible roles (None
    without an addresses layer, or with one read per map window: no number from a part).
    Residents are counted when every addresses layer has a count in the
    :data:`RESIDENTS_FIELD` (a field mapping maps another name to it); role names the
    program does not know are left out."""
    s = settings or AccessSettings()
    layers = dataset.vector(Role.ADDRESSES)
    if not layers or any(isinstance(layer, WindowedLayer) for layer in layers):
        return None  # a layer read per map window (issue 24 §2) holds no whole count
    points = np.concatenate([layer.frame.geometry.to_numpy() for layer in layers])
    weights = _residents(layers)
    known = {r.value for r in Role} - {Role.CANDIDATES.value}
    roles = [Role(r) for r in s.roles if r in known]
    parts = [layer.frame.geometry.to_numpy() for r in roles for layer in dataset.vector(r)]
    nature = np.concatenate(parts) if parts else np.empty(0, dtype=object)
    if s.distance == NETWORK:
        roads = [layer.frame.geometry.to_numpy() for layer in dataset.vector(Role.ROADS)]
        if not roads:
            raise NoRoadsError("Walking distance needs a layer of roads (role roads); none "
                               "is loaded.")
        return network_access(points, nature, np.concatenate(roads), weights, s.distances_m)
    return AccessIndex(points, nature, weights, s.distances_m)


def _residents(layers: Sequence[Any]) -> NDArray[np.float64] | None:
    """Residents per address when every addresses layer carries a count (at least one number
    in its :data:`RESIDENTS_FIELD`); None: count the addresses."""
    import pandas as pd

    counts = []
    for layer in layers:
        if RESIDENTS_FIELD not in layer.frame.columns:
            return None
        values = pd.to_numeric(layer.frame[RESIDENTS_FIELD], errors="coerce").to_numpy(float)
        if not np.isfinite(values).any():
            return None
        counts.append(values)
    return np.concatenate(counts)


def access_for(points: Sequence[BaseGeometry] | NDArray[np.object_],
               nature: Sequence[BaseGeometry] | NDArray[np.object_],
               candidates: Iterable[Candidate] = (),
               weights: NDArray[np.float64] | None = None,
               settings: AccessSettings | None = None) -> tuple[AccessIndex, AccessLedger]:
    """Today's index and the plan's ledger in one call (the headless front ends)."""
    s = settings or AccessSettings()
    index = AccessIndex(np.asarray(points, dtype=object), np.asarray(nature, dtype=object),
                        weights, s.distances_m)
    ledger = AccessLedger(index)
    ledger.reset(candidates if s.candidates_count else ())
    return index, ledger


def network_access(points: Sequence[BaseGeometry] | NDArray[np.object_],
                   nature: Sequence[BaseGeometry] | NDArray[np.object_],
                   roads: Sequence[BaseGeometry] | NDArray[np.object_],
                   weights: NDArray[np.float64] | None = None,
                   distances_m: tuple[float, ...] = ACCESS_DISTANCES_M) -> AccessIndex:
    """Today's access of *points* to *nature* walking on the lines *roads*
    (:mod:`naturplan.core.analysis.walking`)."""
    return AccessIndex(np.asarray(points, dtype=object), np.asarray(nature, dtype=object),
                       weights, distances_m, RoadNetwork(np.asarray(roads, dtype=object)))
