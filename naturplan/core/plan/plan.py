"""The editable plan: candidate areas over a project store, one transaction per user edit.

Every user edit is one method call here, and every call returns a :class:`Change` — the
candidates as they were before and as they are after. An undo command keeps that Change:
its ``undo()`` calls :meth:`CandidatePlan.revert` with it and keeps the Change that returns
for ``redo()`` (which reverts that one). Undo and redo are edits too: they are written to the
store and the audit table like any other edit, with optimistic locking, so an undo never
silently overwrites a colleague's later change (it raises the store's conflict error).

The plan emits one plain event per committed transaction, never before and never one per
candidate (STYLE.md, "One change event per transaction"):

``committed(change)`` with the :class:`Change` (what was added, changed and removed), and
``reloaded()`` after :meth:`CandidatePlan.reload`.

Importing or deleting a thousand candidates is one transaction and one event, so the views
and the ledger re-sort, re-index and redraw once. A Qt item model, the edit session and the
live :class:`~naturplan.core.plan.ledger.Ledger` (:meth:`Ledger.follow`) subscribe to them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from shapely.geometry.base import BaseGeometry

from naturplan.core.errors import CandidateError, CandidateNotFoundError, ConflictError
from naturplan.core.events import Event
from naturplan.core.plan.candidates import (
    Candidate,
    ClipResult,
    clip_against,
    merge_geometries,
    split_geometry,
)


class PlanStore(Protocol):
    """What the plan needs of a store (``naturplan.io.project.store.CandidateStore`` is the full
    interface; the GeoPackage store and a later PostGIS store implement it)."""

    def candidates(self) -> list[Candidate]: ...

    def get(self, candidate_id: str) -> Candidate | None: ...

    def insert(
        self, candidate: Candidate, *, action: str = ..., details: Mapping[str, Any] | None = ...
    ) -> Candidate: ...

    def update(
        self,
        candidate: Candidate,
        expected_version: int,
        *,
        action: str = ...,
        details: Mapping[str, Any] | None = ...,
    ) -> Candidate: ...

    def delete(
        self,
        candidate_id: str,
        expected_version: int,
        *,
        action: str = ...,
        details: Mapping[str, Any] | None = ...,
    ) -> None: ...

    def transaction(self) -> AbstractContextManager[Any]: ...


@dataclass(frozen=True)
class Change:
    """What one edit did: the touched candidates before and after (as stored).

    A candidate only in ``before`` was deleted, one only in ``after`` was added, one in both
    was changed. ``clip`` is set when an add with avoid-overlap removed area (m² per other
    candidate): the GUI tells the user.
    """

    action: str
    before: tuple[Candidate, ...] = ()
    after: tuple[Candidate, ...] = ()
    clip: ClipResult | None = None

    @property
    def added(self) -> tuple[Candidate, ...]:
        ids = {c.id for c in self.before}
        return tuple(c for c in self.after if c.id not in ids)

    @property
    def removed(self) -> tuple[Candidate, ...]:
        ids = {c.id for c in self.after}
        return tuple(c for c in self.before if c.id not in ids)

    @property
    def changed(self) -> tuple[tuple[Candidate, Candidate], ...]:
        """(before, after) of each candidate that was there before and after."""
        old = {c.id: c for c in self.before}
        return tuple((old[c.id], c) for c in self.after if c.id in old)


class CandidatePlan:
    """The candidate areas of a project, editable, kept in memory and in *store*.

    Parameters
    ----------
    store
        The project store; its candidates are loaded once here (call :meth:`reload` to pick up
        other users' edits).
    """

    def __init__(self, store: PlanStore) -> None:
        self.store = store
        #: ``committed(change)``: once per committed transaction, after memory is updated.
        self.committed = Event()
        #: ``reloaded()``: every candidate was re-read from the store.
        self.reloaded = Event()
        self._items: dict[str, Candidate] = {c.id: c for c in store.candidates()}

    # --- reading ------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Candidate]:
        return iter(self.candidates())

    def __contains__(self, candidate_id: object) -> bool:
        return candidate_id in self._items

    def candidates(self) -> list[Candidate]:
        """All candidates, oldest first (created, then id)."""
        return sorted(self._items.values(), key=lambda c: (c.created, c.id))

    def get(self, candidate_id: str) -> Candidate:
        """The candidate with *candidate_id*.

        Raises
        ------
        CandidateNotFoundError
            If there is none.
        """
        try:
            return self._items[candidate_id]
        except KeyError:
            raise CandidateNotFoundError("No candidate area with id {id}.",
                                         id=candidate_id) from None

    def find(self, id_or_prefix: str) -> Candidate:
        """The candidate whose id is *id_or_prefix*, or the only one whose id starts with it
        (at least 4 characters, as ``naturplan candidates list`` shows the first 8).

        Raises
        ------
        CandidateNotFoundError
            If no candidate fits.
        CandidateError
            If the prefix is shorter than 4 characters or fits several candidates.
        """
        text = id_or_prefix.strip().lower()
        if text in self._items:
            return self._items[text]
        if len(text) < 4:
            raise CandidateError("Give at least 4 characters of the id, not '{id}'.",
                                 id=id_or_prefix)
        hits = [c for i, c in self._items.items() if i.startswith(text)]
        if not hits:
            raise CandidateNotFoundError("No candidate area with id {id}.", id=id_or_prefix)
        if len(hits) > 1:
            raise CandidateError("The id {id} fits {n} candidate areas; give more of it.",
                                 id=id_or_prefix, n=len(hits))
        return hits[0]

    def reload(self) -> None:
        """Re-read every candidate from the store and emit ``reloaded()``."""
        self._items = {c.id: c for c in self.store.candidates()}
        self.reloaded.emit()

    # --- edits (each one store transaction, each returns a Change) ----------------------

    def add(
        self, candidate: Candidate, *, avoid_overlap: bool = False, action: str = "add"
    ) -> Change:
        """Store a new candidate (from :meth:`Candidate.new`).

        With *avoid_overlap*, the geometry is first clipped against every other candidate and
        ``Change.clip`` says what was removed from which.

        Raises
        ------
        CandidateError
            If the id is taken, or nothing is left after clipping.
        """
        if candidate.id in self._items:
            raise CandidateError("Candidate area '{name}' is already in the plan.",
                                 name=candidate.name)
        clip = None
        if avoid_overlap:
            others = {c.id: c.geometry for c in self._items.values()}
            clip = clip_against(candidate.geometry, others)
            if clip.geometry is None:
                raise CandidateError("Nothing is left of the new area outside the others.")
            candidate = candidate.with_changes(geometry=clip.geometry)
        clipped = clip if clip and clip.removed_m2 else None
        return self._write(action, [], [candidate], None, clip=clipped)

    def add_many(
        self,
        candidates: Sequence[Candidate],
        *,
        action: str = "import",
        details: Sequence[Mapping[str, Any]] | None = None,
    ) -> Change:
        """Store several new candidates in one transaction: all or none, one event.

        Parameters
        ----------
        candidates
            New candidates (from :meth:`Candidate.new`).
        action
            The audit action (``import``).
        details
            Per candidate, extra JSON-ready audit details (the source file and feature id of
            an import); the same length as *candidates*.

        Raises
        ------
        CandidateError
            If an id is already in the plan, or *details* has another length.
        """
        if details is not None and len(details) != len(candidates):
            raise CandidateError("Each imported candidate area needs its own audit details.")
        for c in candidates:
            if c.id in self._items:
                raise CandidateError("Candidate area '{name}' is already in the plan.",
                                     name=c.name)
        extra = None if details is None else {
            c.id: d for c, d in zip(candidates, details, strict=True)
        }
        return self._write(action, [], list(candidates), None, details=extra)

    def update(
        self, candidate_id: str, *, expected_version: int | None = None, **changes: Any
    ) -> Change:
        """Change fields of a candidate (any of ``kind, name, status, note,
        counts_toward_target, geometry``).

        Parameters
        ----------
        expected_version
            The version the user saw; None means the version this plan holds.

        Raises
        ------
        CandidateError, InvalidGeometryError
            For an unknown candidate, field or invalid value.
        NaturplanError
            The store's conflict error if someone else changed it meanwhile.
        """
        old = self.get(candidate_id)
        new = old.with_changes(**changes)
        action = "edit_geometry" if set(changes) == {"geometry"} else "edit"
        return self._write(action, [old], [new], expected_version)

    def replace_geometry(
        self, candidate_id: str, geometry: BaseGeometry, *, expected_version: int | None = None
    ) -> Change:
        """Give a candidate a new geometry (after a vertex edit, a move, a reshape).

        Raises
        ------
        InvalidGeometryError
            If *geometry* is not a valid polygon/multipolygon.
        NaturplanError
            The store's conflict error on a stale version.
        """
        return self.update(candidate_id, expected_version=expected_version, geometry=geometry)

    def delete(self, candidate_id: str, *, expected_version: int | None = None) -> Change:
        """Delete a candidate. Undo with :meth:`revert` (or :meth:`restore` of
        ``change.before[0]``)."""
        old = self.get(candidate_id)
        return self._write("delete", [old], [], expected_version)

    def restore(self, candidate: Candidate, *, action: str = "restore") -> Change:
        """Put a deleted candidate back with its id, content and creation time.

        Its version continues from the deleted one (the store counts it up).
        """
        if candidate.id in self._items:
            raise CandidateError("Candidate area '{name}' is already in the plan.",
                                 name=candidate.name)
        return self._write(action, [], [candidate], None)

    def merge(self, keep_id: str, other_id: str) -> Change:
        """Merge *other_id* into *keep_id*: *keep_id* gets the union, *other_id* is deleted.

        Raises
        ------
        CandidateError
            If both ids are the same or unknown.
        """
        if keep_id == other_id:
            raise CandidateError("Cannot merge a candidate area with itself.")
        keep, other = self.get(keep_id), self.get(other_id)
        merged = keep.with_changes(geometry=merge_geometries(keep.geometry, other.geometry))
        return self._write("merge", [keep, other], [merged], None)

    def split(self, candidate_id: str, line: BaseGeometry) -> Change:
        """Split a candidate by *line*: the largest piece keeps the candidate's id, each other
        piece becomes a new candidate with the same attributes.

        Raises
        ------
        GeometryEditError
            If the line does not cross the area.
        """
        old = self.get(candidate_id)
        pieces = split_geometry(old.geometry, line)
        first = old.with_changes(geometry=pieces[0])
        rest = [
            Candidate.new(
                old.kind, piece, f"{old.name} ({i})".strip(), status=old.status, note=old.note,
                counts_toward_target=old.counts_toward_target,
            )
            for i, piece in enumerate(pieces[1:], start=2)
        ]
        return self._write("split", [old], [first, *rest], None)

    def revert(self, change: Change, *, action: str | None = None) -> Change:
        """Undo *change*: bring its candidates back to ``change.before``, as a new edit.

        The candidates must still have the content ``change.after`` left them with, else the
        store's conflict error is raised and nothing is written. Their *versions* may have
        moved on: undoing a later edit writes the same content again under a new version
        (versions only count up), so a candidate whose content is unchanged is reverted from
        the version the plan holds now. Returns the Change to revert for redo.
        """
        return self.apply_states(
            self._rebased(change.after), change.before, action or f"undo {change.action}"
        )

    def _rebased(self, states: Sequence[Candidate]) -> list[Candidate]:
        out = []
        for c in states:
            held = self._items.get(c.id)
            out.append(held if held is not None and held.same_content(c) else c)
        return out

    def apply_states(
        self,
        current: Sequence[Candidate],
        wanted: Sequence[Candidate],
        action: str,
    ) -> Change:
        """Move candidates from the *current* states to the *wanted* states in one transaction.

        Ids only in *current* are deleted, ids only in *wanted* are (re)inserted, ids in both
        are updated with ``expected_version`` taken from *current*.
        """
        for c in current:
            held = self._items.get(c.id)
            if held is None:
                raise CandidateError("Candidate area '{name}' is no longer in the plan.",
                                     name=c.name)
        return self._write(action, list(current), list(wanted), "from_current")

    def apply_remote(self, stored: Sequence[Candidate], gone: Sequence[str]) -> Change:
        """Take in edits other planners committed: *stored* are candidates as the store holds
        them now (new, or at another version than this plan holds), *gone* the ids deleted.

        Nothing is written; memory is updated and ``committed`` is emitted once with a Change
        of action ``"remote"`` (the ledger, the map and the table follow). Returns it.
        """
        after = [c for c in stored
                 if c.id not in self._items or self._items[c.id].version != c.version]
        before = [self._items[c.id] for c in after if c.id in self._items]
        before += [self._items[i] for i in gone if i in self._items]
        change = Change("remote", tuple(before), tuple(after))
        if before or after:
            self._commit(change)
        return change

    # --- internals ----------------------------------------------------------------------

    def _write(
        self,
        action: str,
        before: list[Candidate],
        after: list[Candidate],
        expected: int | None | str,
        *,
        clip: ClipResult | None = None,
        details: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> Change:
        """Write one transaction; on commit update memory and emit ``committed`` once."""
        stored_after: list[Candidate] = []
        stored_before = [self._items.get(c.id, c) for c in before]
        extra = details or {}
        many = getattr(self.store, "insert_many", None)
        try:
            if many is not None and not before and len(after) > 1:
                # new candidates only: one batched insert (the same checks, rows and audit)
                stored_after = list(many(after, action=action, details=extra))
            else:
                with self.store.transaction():
                    self._write_each(action, before, after, expected, extra, stored_after)
        except ConflictError as exc:
            exc.wanted = tuple(after)  # for "keep mine as a copy" (gui/team/conflict.py)
            raise
        change = Change(action, tuple(stored_before), tuple(stored_after), clip)
        self._commit(change)
        return change

    def _write_each(self, action: str, before: list[Candidate], after: list[Candidate],
                    expected: int | None | str, extra: Mapping[str, Mapping[str, Any]],
                    stored_after: list[Candidate]) -> None:
        """The statements of :meth:`_write`, one candidate at a time (in its transaction)."""
        old_by_id = {c.id: c for c in before}
        new_by_id = {c.id: c for c in after}
        for old in before:
            if old.id not in new_by_id:
                version = self._expected(old, expected)
                self.store.delete(old.id, version, action=action)
        for new in after:
            if new.id in old_by_id:
                version = self._expected(old_by_id[new.id], expected)
                stored = self.store.update(new, version, action=action)
            else:
                stored = self.store.insert(new, action=action, details=extra.get(new.id))
            stored_after.append(stored)

    def _expected(self, old: Candidate, expected: int | None | str) -> int:
        if expected == "from_current":
            return old.version
        if isinstance(expected, int):
            return expected
        return self._items[old.id].version

    def _commit(self, change: Change) -> None:
        """The transaction is committed: update memory, then tell the subscribers once."""
        for c in change.removed:
            self._items.pop(c.id, None)
        for c in change.after:
            self._items[c.id] = c
        self.committed.emit(change)
