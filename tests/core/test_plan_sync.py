"""Other planners' edits reach this planner's plan (issue 13), through any store that lists
versions: here two GeoPackage stores on one file; the PostGIS ones in tests/e2e."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import box

from naturplan.core.errors import ConflictError
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan
from naturplan.core.plan.sync import stale_ids, sync_plan


class _Lister:
    """The two calls sync needs, over a store without them (counts what is read)."""

    def __init__(self, store: object) -> None:
        self.store = store
        self.read: list[str] = []

    def versions(self) -> dict[str, int]:
        return {c.id: c.version for c in self.store.candidates()}  # type: ignore[attr-defined]

    def get_many(self, ids: list[str]) -> list[Candidate]:
        self.read += ids
        return [c for c in self.store.candidates() if c.id in ids]  # type: ignore[attr-defined]


def test_stale_ids() -> None:
    assert stale_ids({"a": 1, "b": 2, "c": 1}, {"a": 1, "b": 3, "d": 1}) == (["b", "d"], ["c"])
    assert stale_ids({}, {}) == ([], [])


def test_sync_brings_others_edits_with_events(tmp_path: Path) -> None:
    from naturplan.io.project.gpkg_store import GeoPackageStore

    path = tmp_path / "p.gpkg"
    with GeoPackageStore(path, author="anna") as anna_store, \
            GeoPackageStore(path, author="bo") as bo_store:
        anna, bo = CandidatePlan(anna_store), CandidatePlan(bo_store)
        a = anna.add(Candidate.new("lowland", box(0, 0, 10, 10), "A")).after[0]
        b = anna.add(Candidate.new("lowland", box(20, 0, 30, 10), "B")).after[0]
        lister = _Lister(bo_store)
        assert {c.name for c in sync_plan(bo, lister).after} == {"A", "B"}  # type: ignore[union-attr]
        assert sync_plan(bo, lister) is None  # up to date: nothing read, no event
        events: list[tuple[str, str]] = []
        changes = []
        bo.committed.connect(changes.append)
        bo.committed.connect(lambda ch: events.extend(
            [("added", c.name) for c in ch.added] + [("removed", c.name) for c in ch.removed]
            + [("changed", new.name) for _, new in ch.changed]))
        anna.update(a.id, name="A2")
        anna.delete(b.id)
        anna.add(Candidate.new("lowland", box(40, 0, 50, 10), "C"))
        lister.read.clear()
        change = sync_plan(bo, lister)
        assert change is not None and change.action == "remote"
        assert sorted(events) == [("added", "C"), ("changed", "A2"), ("removed", "B")]
        assert changes == [change]  # one event for everything taken in
        assert sorted(c.name for c in bo) == ["A2", "C"]
        assert a.id in lister.read and b.id not in lister.read  # only what differs is read
        assert bo.get(a.id).modified_by == "anna" and bo.get(a.id).version == 2
        # Bo can edit what he now sees; and nothing was written by the sync itself.
        bo.update(a.id, note="set")
        assert [r.who for r in bo_store.audit(a.id)] == ["anna", "anna", "bo"]


def test_a_conflict_carries_what_the_edit_tried_to_write(tmp_path: Path) -> None:
    from naturplan.io.project.gpkg_store import GeoPackageStore

    path = tmp_path / "p.gpkg"
    with GeoPackageStore(path, author="anna") as anna_store, \
            GeoPackageStore(path, author="bo") as bo_store:
        anna = CandidatePlan(anna_store)
        a = anna.add(Candidate.new("lowland", box(0, 0, 10, 10), "A")).after[0]
        bo = CandidatePlan(bo_store)
        anna.update(a.id, name="Anna's")
        with pytest.raises(ConflictError) as info:
            bo.replace_geometry(a.id, box(0, 0, 20, 10))
        (mine,) = info.value.wanted
        assert mine.id == a.id and mine.area_m2 == pytest.approx(200.0) and mine.name == "A"
        assert info.value.by == "anna"
        assert bo.get(a.id).name == "A"  # unchanged until Bo chooses
