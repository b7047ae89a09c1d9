"""Many new candidates stored in one batch (issue 23: 3,772 suggested areas one by one took
9.7 s): the same rows, audit rows and R-tree entries as one insert each, the same checks, all
or none."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from shapely.geometry import Polygon, box

from naturplan.core.errors import InvalidGeometryError
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan
from naturplan.io.project.gpkg_rtree import BATCH_MIN_ROWS, RTREE, TRIGGERS
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.store import CandidateStore, ConflictError

X0, Y0 = 550_000.0, 6_320_000.0
OpenProject = Callable[..., CandidateStore]


def _squares(n: int) -> list[Candidate]:
    return [Candidate.new("lowland" if i % 2 else "afforestation",
                          box(X0 + 150 * i, Y0, X0 + 150 * i + 100 + i, Y0 + 100), f"Forslag {i}")
            for i in range(n)]


def _audit(store: CandidateStore) -> list[dict[str, object]]:
    return [{"action": r.action, "who": r.who, "candidate_id": r.candidate_id, **r.details}
            for r in store.audit()]


def test_a_batch_stores_what_inserting_one_by_one_stores(open_project: OpenProject) -> None:
    made = _squares(40)
    with open_project(author="anna") as store:
        plan = CandidatePlan(store)
        change = plan.add_many(made, action="suggest",
                               details=[{"source": "s", "fid": i} for i in range(40)])
        stored = store.candidates()
        audit = _audit(store)
    assert [c.id for c in change.after] == [c.id for c in made]
    assert {c.id for c in stored} == {c.id for c in made}
    by_id = {c.id: c for c in stored}
    for i, c in enumerate(made):
        s = by_id[c.id]
        assert (s.name, s.kind, s.version, s.author, s.modified_by) == (
            f"Forslag {i}", c.kind, 1, "anna", "anna")
        assert s.geometry.equals(c.geometry) and s.area_m2 == pytest.approx(100 * (100 + i))
    inserts = [a for a in audit if a["op"] == "insert"]
    assert len(inserts) == 40
    for i, a in enumerate(sorted(inserts, key=lambda a: int(a["fid"]))):  # type: ignore[arg-type]
        assert a == {"action": "suggest", "who": "anna", "candidate_id": made[i].id,
                     "op": "insert", "version": 1, "name": f"Forslag {i}",
                     "kind": made[i].kind.value, "area_m2": 100.0 * (100 + i),
                     "source": "s", "fid": i}


def test_a_batch_with_a_stored_id_is_a_conflict_and_writes_nothing(
        open_project: OpenProject) -> None:
    made = _squares(5)
    with open_project(author="anna") as store:
        plan = CandidatePlan(store)
        store.insert(made[3])  # a colleague stored it meanwhile
        others = [c for c in made if c.id != made[3].id]
        with pytest.raises(ConflictError) as caught:
            plan.add_many([*others, made[3]])
        assert caught.value.params["name"] == "Forslag 3"
        assert [c.id for c in store.candidates()] == [made[3].id]
        assert len([a for a in _audit(store) if a["op"] == "insert"]) == 1


def test_a_batch_with_an_invalid_geometry_writes_nothing(open_project: OpenProject) -> None:
    bow_tie = Polygon([(X0, Y0), (X0 + 10, Y0 + 10), (X0 + 10, Y0), (X0, Y0 + 10)])
    made = _squares(3) + [Candidate.new("lowland", box(X0, Y0, X0 + 1, Y0 + 1), "x")]
    made[-1] = replace(made[-1], geometry=bow_tie)
    with open_project(author="anna") as store:
        with pytest.raises(InvalidGeometryError):
            CandidatePlan(store).add_many(made)
        assert store.candidates() == []


def _rtree(path: Path) -> dict[str, tuple[float, ...]]:
    with sqlite3.connect(path) as conn:  # plain sqlite3
        return {r[0]: tuple(r[1:]) for r in conn.execute(
            f"SELECT c.id, r.minx, r.maxx, r.miny, r.maxy FROM {RTREE} r"
            " JOIN candidates c ON c.fid = r.id")}


def test_a_batch_indexes_as_the_trigger_does(tmp_path: Path) -> None:
    """The batch sets the R-tree's insert trigger aside and fills the index in one pass: the
    boxes are the ones the trigger gives each row inserted alone, the trigger is back, and
    a later insert is indexed by it."""
    made = _squares(BATCH_MIN_ROWS + 10)
    one, many = tmp_path / "one.gpkg", tmp_path / "many.gpkg"
    with GeoPackageStore(one, author="anna") as store:
        for c in made:
            store.insert(c)
    later = Candidate.new("lowland", box(X0, Y0 + 500, X0 + 70, Y0 + 580), "senere")
    with GeoPackageStore(many, author="anna") as store:
        CandidatePlan(store).add_many(made)
        assert _rtree(many) == _rtree(one)
        store.insert(later)
    rows = _rtree(many)
    assert set(rows) == {c.id for c in made} | {later.id}
    for c in [*made, later]:  # every box holds its geometry (float32, rounded outwards)
        minx, miny, maxx, maxy = c.geometry.bounds
        got = rows[c.id]
        assert got[0] <= minx and got[1] >= maxx and got[2] <= miny and got[3] >= maxy
        assert got == pytest.approx((minx, maxx, miny, maxy), abs=1.0)
    with sqlite3.connect(many) as conn:
        ddl = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?",
                           (TRIGGERS[0][0],)).fetchone()
    assert ddl == (TRIGGERS[0][1],)


def test_a_batch_is_one_lookup_and_one_insert_pass(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """What makes it fast: no row-by-row insert (each with its own id look-up, audit row and
    gpkg_contents update) - the old path called ``_insert_row`` and ``_touched`` per area."""
    calls = {"row": 0, "touched": 0}
    made = _squares(200)
    with GeoPackageStore(tmp_path / "plan.gpkg", author="anna") as store:
        plan = CandidatePlan(store)
        for name, key in (("_insert_row", "row"), ("_touched", "touched")):
            real = getattr(store, name)

            def counted(*args: object, _real: Callable[..., object] = real,
                        _key: str = key) -> object:
                calls[_key] += 1
                return _real(*args)

            monkeypatch.setattr(store, name, counted)
        plan.add_many(made)
        assert len(store.candidates()) == 200
    assert calls == {"row": 0, "touched": 1}
