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

Incremental: an edit recomputes the edited candidate's fresh part, then the gain of that
candidate and of the later candidates whose fresh parts intersect its old or new fresh part
(found with an STRtree over the fresh parts). Nothing else is recomputed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.plan.candidates import Candidate, CandidateKind, CandidateStatus
from naturplan.core.share.protected import ProtectedIndex, ProtectedShare
from naturplan.core.share.targets import Target, TargetGap, gap_to


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
        m = self.municipality_area_m2
        return self.area_m2 / m if m > 0 else 0.0

    @property
    def current_share(self) -> float:
        m = self.municipality_area_m2
        return self.current_area_m2 / m if m > 0 else 0.0


@dataclass
class _Entry:
    key: tuple[str, str]
    kind: CandidateKind
    fresh: BaseGeometry
    gain: float = 0.0


def counts(candidate: Candidate) -> bool:
    """Whether *candidate* adds to the projected share (counts and is not rejected)."""
    return candidate.counts_toward_target and candidate.status is not CandidateStatus.REJECTED


class Ledger:
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
        self._muni = municipality_geometry
        shapely.prepare(self._muni)
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
        if not counts(candidate):
            self.remove(candidate.id)
            return
        old = self._entries.get(candidate.id)
        entry = _Entry((candidate.created, candidate.id), candidate.kind,
                       self._fresh(candidate.geometry))
        self._entries[candidate.id] = entry
        self._tree = None
        touched = [entry.fresh] if old is None else [old.fresh, entry.fresh]
        first = entry.key if old is None else min(entry.key, old.key)
        self._regain(touched, first, also=candidate.id)

    def remove(self, candidate_id: str) -> None:
        """Forget a candidate (deleted, or no longer counting); unknown ids are ignored."""
        old = self._entries.pop(candidate_id, None)
        if old is None:
            return
        self._tree = None
        self._regain([old.fresh], old.key)

    def reset(self, candidates: Iterable[Candidate]) -> None:
        """Replace every candidate (after opening or reloading a project)."""
        self._entries.clear()
        self._tree = None
        for c in sorted(candidates, key=lambda c: (c.created, c.id)):
            self.update(c)

    def follow(self, plan: object) -> None:
        """Subscribe to a :class:`~naturplan.core.plan.plan.CandidatePlan`'s events and load it."""
        plan.added.connect(self.update)  # type: ignore[attr-defined]
        plan.changed.connect(lambda old, new: self._changed(old, new))  # type: ignore[attr-defined]
        plan.removed.connect(lambda c: self.remove(c.id))  # type: ignore[attr-defined]
        plan.reloaded.connect(lambda: self.reset(plan.candidates()))  # type: ignore[attr-defined]
        self.reset(plan.candidates())  # type: ignore[attr-defined]

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

    def _changed(self, old: Candidate, new: Candidate) -> None:
        self.update(new)

    def _fresh(self, geom: BaseGeometry) -> BaseGeometry:
        if not shapely.contains_properly(self._muni, geom):
            geom = shapely.intersection(geom, self._muni)
        return self._index.difference(geom)

    def _near(self, geoms: Sequence[BaseGeometry]) -> set[str]:
        if self._tree is None:
            self._tree_ids = list(self._entries)
            fresh = [self._entries[i].fresh for i in self._tree_ids]
            self._tree = shapely.STRtree(np.asarray(fresh, dtype=object))
        hits = self._tree.query(np.asarray(geoms, dtype=object), predicate="intersects")[1]
        return {self._tree_ids[i] for i in np.unique(hits)}

    def _regain(self, touched: Sequence[BaseGeometry], first: tuple[str, str],
                also: str | None = None) -> None:
        """Recompute the gain of *also* and of every candidate from *first* on that touches
        one of the *touched* geometries."""
        ids = {i for i in self._near(touched) if self._entries[i].key >= first}
        if also is not None:
            ids.add(also)
        for i in ids:
            self._entries[i].gain = self._gain_of(i)

    def _gain_of(self, candidate_id: str) -> float:
        entry = self._entries[candidate_id]
        if entry.fresh.is_empty:
            return 0.0
        earlier = [
            self._entries[j].fresh
            for j in self._near([entry.fresh])
            if self._entries[j].key < entry.key
        ]
        if not earlier:
            return float(entry.fresh.area)
        return float(shapely.difference(entry.fresh, shapely.union_all(earlier)).area)
