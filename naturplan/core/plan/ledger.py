"""The live ledger: what the candidate areas do to the protected share, updated per edit.

Projected share = area(union(protected ∪ counting candidates) ∩ municipality) / area(municipality)
(DESIGN.md, "The numbers"): a union, not a sum. A candidate counts when its
``counts_toward_target`` is set and it is not rejected (``afvist``).

Each counting candidate keeps its **fresh part**: (candidate ∩ municipality) − protected, from
the prepared :class:`~naturplan.core.share.protected.ProtectedIndex` (only the protected pieces near
it are touched). Overlaps between candidates are attributed to the **earlier-created** one
(created time, then id): a candidate's gain is its fresh part minus the fresh parts of earlier
candidates. The gains are therefore disjoint, so per-kind gains add up to the total gain and

    projected area = protected area + Σ gains = area(protected ∪ counting candidates).

Incremental: an edit recomputes the edited candidates' fresh parts, then the gain of those
candidates and of the later candidates whose fresh parts intersect their old or new fresh parts
(found with an STRtree over the fresh parts, built once per edit). Nothing else is recomputed.
An edit of many candidates (an import, a multi-delete) is one batch (:meth:`Ledger.apply`):
the tree is rebuilt once, not once per candidate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.geometry import prepared_copy
from naturplan.core.plan.candidates import Candidate, CandidateKind, CandidateStatus
from naturplan.core.plan.follow import PlanFollower
from naturplan.core.share.protected import ProtectedIndex, ProtectedShare
from naturplan.core.share.targets import Target, TargetGap, gap_to

if TYPE_CHECKING:  # plan.py does not import this module: no circle
    from naturplan.core.plan.plan import Change


@dataclass(frozen=True)
class ProjectedGap:
    """The gap to one target now and with the counting candidates (m², never below zero)."""

    target: Target
    current: TargetGap
    projected: TargetGap


@dataclass(frozen=True)
class LedgerResult:
    """The ledger's numbers (areas in m², shares as fractions 0..1).

    Attributes
    ----------
    municipality_area_m2
        Area of the municipality.
    current_area_m2, current_share
        Protected area and share without candidates.
    area_m2, share
        Projected protected area and share: union of protected and counting candidates.
    gain_m2
        ``area_m2 - current_area_m2``: new nature from the candidates, counted once.
    gain_m2_by_kind
        Kind value (``lowland`` …) → gain; every kind is present; the values add up to
        ``gain_m2`` (overlaps go to the earlier-created candidate).
    gain_m2_by_candidate
        Candidate id → its gain (only counting candidates).
    gaps
        Per target, the gap now and projected.
    count
        Number of counting candidates.
    """

    municipality_area_m2: float
    current_area_m2: float
    area_m2: float
    gain_m2: float
    gain_m2_by_kind: Mapping[str, float]
    gain_m2_by_candidate: Mapping[str, float]
    gaps: tuple[ProjectedGap, ...]
    count: int

    @property
    def share(self) -> float:
        return _fraction(self.area_m2, self.municipality_area_m2)

    @property
    def current_share(self) -> float:
        return _fraction(self.current_area_m2, self.municipality_area_m2)


def _fraction(area_m2: float, municipality_m2: float) -> float:
    """*area_m2* of the municipality as a fraction, at most 1: a candidate that covers the
    whole municipality sums its pieces to a hair more than its area (1.0000000000000004 was
    found by tests/e2e/test_hostile_corpus.py), and a share is never above 100 %."""
    return min(area_m2 / municipality_m2, 1.0) if municipality_m2 > 0 else 0.0


@dataclass
class _Entry:
    key: tuple[str, str]
    kind: CandidateKind
    fresh: BaseGeometry
    gain: float = 0.0


#: The kinds that can add new nature (a restoration lifts the nature that is there and adds
#: none), in the order the ledger's "new nature by kind" lists them.
AREA_KINDS: tuple[CandidateKind, ...] = tuple(k for k in CandidateKind
                                              if k is not CandidateKind.RESTORE)


def counts(candidate: Candidate) -> bool:
    """Whether *candidate* adds to the projected share (counts and is not rejected; a
    restoration lies on protected nature and adds no area, whatever its flag says)."""
    return (candidate.counts_toward_target and candidate.status is not CandidateStatus.REJECTED
            and candidate.kind is not CandidateKind.RESTORE)


class Ledger(PlanFollower):
    """Projected protected share, kept up to date one candidate at a time.

    Parameters
    ----------
    municipality_geometry
        The municipality (EPSG:25832).
    protected_index
        The dissolved protected area (inside the municipality) from ``Dataset.protected``.
    current
        The protected share without candidates.
    targets
        Targets to report; default: those of *current*.
    """

    def __init__(
        self,
        municipality_geometry: BaseGeometry,
        protected_index: ProtectedIndex,
        current: ProtectedShare,
        targets: Sequence[Target] | None = None,
    ) -> None:
        self._muni = prepared_copy(municipality_geometry)  # shared with other threads
        self._index = protected_index
        self._current = current
        self._targets = tuple(targets) if targets is not None else tuple(
            g.target for g in current.targets
        )
        self._entries: dict[str, _Entry] = {}
        self._tree: shapely.STRtree | None = None
        self._tree_ids: list[str] = []

    # --- edits ----------------------------------------------------------------------------

    def update(self, candidate: Candidate) -> None:
        """Add or re-measure *candidate* (a candidate that no longer counts is removed)."""
        self.apply_edit(removed=(), current=(candidate,))

    def remove(self, candidate_id: str) -> None:
        """Forget a candidate (deleted, or no longer counting); unknown ids are ignored."""
        self.apply_edit(removed=(candidate_id,), current=())

    def apply(self, change: Change) -> None:
        """Bring the ledger up to date with one committed plan edit (any number of
        candidates), as one batch."""
        self.apply_edit(removed=[c.id for c in change.removed], current=change.after)

    def apply_edit(self, removed: Iterable[str], current: Iterable[Candidate],
                   fresh: Sequence[BaseGeometry] | None = None) -> None:
        """Forget the *removed* ids and add or re-measure the *current* candidates, then
        recompute the gains that can have changed, once for the whole batch. *fresh* (the
        counting *current* candidates' :meth:`fresh_parts`, measured before, perhaps in
        another process) saves measuring them here."""
        touched: list[BaseGeometry] = []
        keys: list[tuple[str, str]] = []
        also: list[str] = []

        def forget(candidate_id: str) -> None:
            old = self._entries.pop(candidate_id, None)
            if old is not None:
                touched.append(old.fresh)
                keys.append(old.key)

        for candidate_id in removed:
            forget(candidate_id)
        counting = []
        for c in current:
            if counts(c):
                counting.append(c)
            else:
                forget(c.id)
        if fresh is None:
            fresh = self._fresh_many([c.geometry for c in counting])
        for c, part in zip(counting, fresh, strict=True):
            forget(c.id)
            entry = _Entry((c.created, c.id), c.kind, part)
            self._entries[c.id] = entry
            touched.append(entry.fresh)
            keys.append(entry.key)
            also.append(c.id)
        if not keys:
            return
        self._tree = None
        self._regain(touched, min(keys), also=also)

    def reset(self, candidates: Iterable[Candidate],
              fresh: Sequence[BaseGeometry] | None = None) -> None:
        """Replace every candidate (after opening or reloading a project); *fresh* as in
        :meth:`apply_edit`."""
        self._entries.clear()
        self._tree = None
        self.apply_edit(removed=(), current=candidates, fresh=fresh)

    def fresh_parts(self, candidates: Sequence[Candidate]) -> list[BaseGeometry]:
        """The part of each counting candidate of *candidates* that is new nature
        ((geometry ∩ municipality) − protected), in their order. Each part is its
        candidate's own, so the candidates may be measured in groups (issue 23: the
        suggested plan's share on two cores) and the parts handed to :meth:`reset`."""
        return self._fresh_many([c.geometry for c in candidates if counts(c)])

    # --- numbers --------------------------------------------------------------------------

    def gain_m2(self, candidate_id: str) -> float:
        """The gain of one candidate in m² (0 if it does not count)."""
        entry = self._entries.get(candidate_id)
        return entry.gain if entry else 0.0

    def result(self) -> LedgerResult:
        """The current numbers."""
        by_kind = {k.value: 0.0 for k in CandidateKind}
        for entry in self._entries.values():
            by_kind[entry.kind.value] += entry.gain
        gain = float(sum(by_kind.values()))
        m_area = self._current.municipality_area_m2
        now_area = self._current.area_m2
        area = now_area + gain
        gaps = tuple(
            ProjectedGap(t, gap_to(t, now_area, m_area), gap_to(t, area, m_area))
            for t in self._targets
        )
        return LedgerResult(
            municipality_area_m2=m_area,
            current_area_m2=now_area,
            area_m2=area,
            gain_m2=gain,
            gain_m2_by_kind=by_kind,
            gain_m2_by_candidate={i: e.gain for i, e in self._entries.items()},
            gaps=gaps,
            count=len(self._entries),
        )

    # --- internals ------------------------------------------------------------------------

    def _fresh_many(self, geoms: Sequence[BaseGeometry]) -> list[BaseGeometry]:
        """(geometry ∩ municipality) − protected, for each geometry (vectorised clip)."""
        if not geoms:
            return []
        arr = np.asarray(geoms, dtype=object)
        outside = ~shapely.contains_properly(self._muni, arr)
        if outside.any():
            arr = arr.copy()
            arr[outside] = shapely.intersection(arr[outside], self._muni)
        return [self._index.difference(g) for g in arr]

    def _near(self, geoms: Sequence[BaseGeometry]) -> set[str]:
        if self._tree is None:
            self._tree_ids = list(self._entries)
            fresh = [self._entries[i].fresh for i in self._tree_ids]
            self._tree = shapely.STRtree(np.asarray(fresh, dtype=object))
        hits = self._tree.query(np.asarray(geoms, dtype=object), predicate="intersects")[1]
        return {self._tree_ids[i] for i in np.unique(hits)}

    def _regain(self, touched: Sequence[BaseGeometry], first: tuple[str, str],
                also: Iterable[str] = ()) -> None:
        """Recompute the gain of the *also* ids and of every candidate from *first* on that
        touches one of the *touched* geometries."""
        ids = set(also)
        if touched and self._entries:
            ids.update(i for i in self._near(touched) if self._entries[i].key >= first)
        for i in ids:
            self._entries[i].gain = self._gain_of(i)

    def _gain_of(self, candidate_id: str) -> float:
        entry = self._entries[candidate_id]
        if entry.fresh.is_empty:
            return 0.0
        # by entry key: GEOS's union follows the order of its input where envelopes tie,
        # and a set's order follows PYTHONHASHSEED (share_after moved in its 17th digit)
        earlier = [
            self._entries[j].fresh
            for j in sorted(self._near([entry.fresh]), key=lambda j: self._entries[j].key)
            if self._entries[j].key < entry.key
        ]
        if not earlier:
            return float(entry.fresh.area)
        return float(shapely.difference(entry.fresh, shapely.union_all(earlier)).area)
