"""The GeoPackage project store: a valid GeoPackage, optimistic locking, audit, crash safety."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pyogrio
import pytest
import shapely
from shapely.geometry import LineString, box

from naturplan.core.plan.candidates import Candidate, CandidateStatus
from naturplan.core.plan.plan import CandidatePlan
from naturplan.io.project.gpkg_format import decode_geometry, encode_geometry
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.store import CandidateStore, ConflictError, NotAProjectError, StoreError

X0, Y0 = 550_000.0, 6_320_000.0  # near Aalborg, EPSG:25832


def _box(x: float, y: float, w: float = 100.0, h: float = 100.0) -> shapely.Polygon:
    return box(X0 + x, Y0 + y, X0 + x + w, Y0 + y + h)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return tmp_path / "plan.gpkg"


OpenProject = Callable[..., CandidateStore]


def test_new_project_is_a_valid_geopackage(project: Path) -> None:
    with GeoPackageStore(project, author="anna") as store:
        assert isinstance(store, CandidateStore)
        store.insert(Candidate.new("lowland", _box(0, 0), "Mose"))
        store.insert(Candidate.new("afforestation", _box(500, 0).union(_box(800, 0))))
    conn = sqlite3.connect(project)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 10200
    kinds = dict(conn.execute("SELECT table_name, data_type FROM gpkg_contents"))
    assert kinds == {"candidates": "features", "audit": "attributes", "settings": "attributes",
                     "scenarios": "attributes"}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    layers = dict(pyogrio.list_layers(project))
    assert layers["candidates"] == "MultiPolygon"
    assert {"audit", "settings", "scenarios"} <= set(layers)
    frame = pyogrio.read_dataframe(project, layer="candidates")
    assert frame.crs.to_epsg() == 25832
    assert sorted(frame["name"]) == ["", "Mose"]
    assert frame.geometry.area.sum() == pytest.approx(30_000.0)
    assert set(frame.columns) >= {"id", "kind", "name", "status", "note", "counts_toward_target",
                                  "created", "modified", "author", "version"}
    audit = pyogrio.read_dataframe(project, layer="audit")
    assert list(audit["action"]) == ["create", "insert", "insert"]


def test_geometry_blob_round_trip() -> None:
    poly = _box(0, 0).difference(_box(20, 20, 10, 10))
    blob = encode_geometry(poly)
    assert blob[:2] == b"GP" and blob[3] == 0b11
    assert decode_geometry(blob).equals(poly)
    multi = shapely.MultiPolygon([_box(0, 0), _box(500, 0)])
    assert decode_geometry(encode_geometry(multi)).equals(multi)


def test_reopen_restores_everything(open_project: OpenProject) -> None:
    with open_project(author="anna") as store:
        plan = CandidatePlan(store)
        a = plan.add(Candidate.new("lowland", _box(0, 0), "Å-mose", note="ønsket")).after[0]
        plan.update(a.id, status="proposed", counts_toward_target=False)
        store.set_settings({"protected_roles": ["nature_p3"], "factors": "DCE 2024"})
        before = plan.candidates()
    with open_project(author="bo") as store:
        after = CandidatePlan(store).candidates()
        settings = store.settings()
    assert len(after) == 1
    (b,), (c,) = before, after
    assert c == b or (c.same_content(b) and c.version == b.version)
    assert c.name == "Å-mose" and c.note == "ønsket" and c.status is CandidateStatus.PROPOSED
    assert c.version == 2 and c.author == "anna" and c.modified_by == "anna"
    assert settings["schema_version"] == 1 and settings["application"] == "naturplan"
    assert settings["protected_roles"] == ["nature_p3"] and settings["factors"] == "DCE 2024"


def test_stale_version_is_a_conflict_naming_who_and_when(open_project: OpenProject) -> None:
    anna = open_project(author="anna")
    bo = open_project(author="bo")
    try:
        c = anna.insert(Candidate.new("lowland", _box(0, 0), "Lille Vildmose"))
        seen_by_bo = bo.get(c.id)
        assert seen_by_bo is not None and seen_by_bo.version == 1
        newer = anna.update(c.with_changes(name="Store Vildmose"), expected_version=1)
        assert newer.version == 2
        with pytest.raises(ConflictError) as info:
            bo.update(seen_by_bo.with_changes(note="mine"), expected_version=1)
        message = str(info.value)
        assert "Store Vildmose" in message and "anna" in message and newer.modified in message
        assert info.value.by == "anna" and info.value.at == newer.modified
        with pytest.raises(ConflictError):
            bo.delete(c.id, expected_version=1)
        current = bo.get(c.id)
        assert current is not None and current.name == "Store Vildmose" and current.note == ""
        anna.delete(c.id, expected_version=2)
        with pytest.raises(ConflictError, match="deleted by anna"):
            bo.update(current, expected_version=2)
    finally:
        anna.close()
        bo.close()


def test_audit_rows_for_every_edit(open_project: OpenProject) -> None:
    with open_project(author="anna") as store:
        plan = CandidatePlan(store)
        c = plan.add(Candidate.new("lowland", _box(0, 0), "A")).after[0]
        plan.replace_geometry(c.id, _box(0, 0, 200, 100))
        change = plan.delete(c.id)
        plan.revert(change)
        rows = store.audit(c.id)
    assert [r.action for r in rows] == ["add", "edit_geometry", "delete", "undo delete"]
    assert [r.details["op"] for r in rows] == ["insert", "update", "delete", "insert"]
    assert rows[1].details["changed"] == ["geometry"]
    assert rows[1].details["area_m2"] == pytest.approx(20_000.0)
    assert all(r.who == "anna" and r.at.endswith("Z") for r in rows)
    assert [r.details["version"] for r in rows] == [1, 2, 2, 3]


def test_plan_edits_undo_and_events(open_project: OpenProject) -> None:
    with open_project(author="anna") as store:
        plan = CandidatePlan(store)
        seen: list[tuple[str, ...]] = []
        plan.committed.connect(lambda ch: seen.append(
            (ch.action, *(f"+{c.name}" for c in ch.added), *(f"-{c.name}" for c in ch.removed),
             *(f"~{new.name}" for _, new in ch.changed))))
        a = plan.add(Candidate.new("lowland", _box(0, 0), "A")).after[0]
        b = plan.add(Candidate.new("lowland", _box(100, 0), "B")).after[0]
        merged = plan.merge(a.id, b.id)
        assert len(plan) == 1 and plan.get(a.id).area_m2 == pytest.approx(20_000)
        undo = plan.revert(merged)
        assert len(plan) == 2 and plan.get(a.id).area_m2 == pytest.approx(10_000)
        assert plan.get(b.id).name == "B"
        plan.revert(undo)  # redo
        split = plan.split(a.id, LineString([(X0 + 50, Y0 - 1), (X0 + 50, Y0 + 101)]))
        assert len(split.after) == 2 and len(plan) == 2
        assert sum(c.area_m2 for c in plan.candidates()) == pytest.approx(20_000)
        plan.revert(split)
        assert [c.id for c in plan.candidates()] == [a.id]
        # One event per edit, each naming everything the edit touched.
        assert seen == [("add", "+A"), ("add", "+B"), ("merge", "-B", "~A"),
                        ("undo merge", "+B", "~A"), ("undo undo merge", "-B", "~A"),
                        ("split", "+A (2)", "~A"), ("undo split", "-A (2)", "~A")]
        reopened = CandidatePlan(store)
        assert [(c.id, c.version) for c in reopened] == [(c.id, c.version) for c in plan]


def test_undo_twice_then_redo_twice_on_one_candidate(open_project: OpenProject) -> None:
    """Undoing the later edit bumps the version; undoing the earlier one must still work."""
    with open_project(author="anna") as store:
        plan = CandidatePlan(store)
        added = plan.add(Candidate.new("lowland", _box(0, 0), "A"))
        cid = added.after[0].id
        first = plan.update(cid, name="A1")
        second = plan.replace_geometry(cid, _box(0, 0, 200, 100))
        undo_second = plan.revert(second)
        undo_first = plan.revert(first)  # the version moved on, the content did not
        assert plan.get(cid).name == "A" and plan.get(cid).area_m2 == pytest.approx(10_000)
        plan.revert(undo_first)  # redo
        plan.revert(undo_second)  # redo
        assert plan.get(cid).name == "A1" and plan.get(cid).area_m2 == pytest.approx(20_000)
        versions = [c.version for c in CandidatePlan(store)]
        assert versions == [plan.get(cid).version] == [7]


def test_add_with_avoid_overlap_says_what_was_removed(open_project: OpenProject) -> None:
    with open_project(author="anna") as store:
        plan = CandidatePlan(store)
        a = plan.add(Candidate.new("lowland", _box(0, 0), "A")).after[0]
        change = plan.add(Candidate.new("lowland", _box(50, 0), "B"), avoid_overlap=True)
        assert change.clip is not None and change.clip.removed_m2 == {a.id: pytest.approx(5000)}
        assert change.after[0].area_m2 == pytest.approx(5000)


def test_undo_after_a_colleagues_edit_is_a_conflict(open_project: OpenProject) -> None:
    with open_project(author="anna") as anna, \
            open_project(author="bo") as bo:
        plan = CandidatePlan(anna)
        change = plan.update(plan.add(Candidate.new("lowland", _box(0, 0), "A")).after[0].id,
                             name="A2")
        current = bo.get(change.after[0].id)
        assert current is not None
        bo.update(current.with_changes(name="Bo's"), expected_version=current.version)
        with pytest.raises(ConflictError, match="bo"):
            plan.revert(change)
        assert bo.get(current.id).name == "Bo's"  # type: ignore[union-attr]


def test_failed_transaction_writes_nothing(open_project: OpenProject) -> None:
    with open_project(author="anna") as store:
        a = store.insert(Candidate.new("lowland", _box(0, 0), "A"))
        with pytest.raises(ConflictError):
            with store.transaction():
                store.update(a.with_changes(name="changed"), expected_version=1)
                store.update(a.with_changes(name="again"), expected_version=1)  # stale now
        assert store.get(a.id).name == "A"  # type: ignore[union-attr]
        assert [r.action for r in store.audit(a.id)] == ["insert"]


def test_opening_something_else_is_refused_untouched(tmp_path: Path) -> None:
    text = tmp_path / "notes.gpkg"
    text.write_text("hello")
    empty = tmp_path / "empty.gpkg"
    empty.write_bytes(b"")
    other = tmp_path / "other.gpkg"
    import geopandas as gpd

    gpd.GeoDataFrame({"a": [1]}, geometry=[_box(0, 0)], crs=25832).to_file(other)
    plain = tmp_path / "plain.sqlite"
    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    for path, match in [(text, "not a GeoPackage"), (empty, "not a GeoPackage"),
                        (other, "not a naturplan project"), (plain, "not a GeoPackage")]:
        before = path.read_bytes()
        with pytest.raises(NotAProjectError, match=match):
            GeoPackageStore(path)
        assert path.read_bytes() == before
    with pytest.raises(StoreError, match="not found"):
        GeoPackageStore(tmp_path / "missing.gpkg", readonly=True)
    with pytest.raises(StoreError, match="Folder not found"):
        GeoPackageStore(tmp_path / "no" / "such" / "dir.gpkg")


def test_corrupt_project_is_refused(project: Path) -> None:
    with GeoPackageStore(project, author="anna") as store:
        for i in range(30):
            store.insert(Candidate.new("lowland", _box(i * 200, 0), f"c{i}"))
    data = bytearray(project.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # wipe a page
    project.write_bytes(bytes(data))
    with pytest.raises(NotAProjectError):
        GeoPackageStore(project)


def test_readonly_store_refuses_writes(open_project: OpenProject) -> None:
    open_project(author="anna").close()
    with open_project(readonly=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.insert(Candidate.new("lowland", _box(0, 0)))


EDITOR = textwrap.dedent(
    """
    import sys
    from shapely.geometry import box
    from naturplan.core.plan.candidates import Candidate
    from naturplan.core.plan.plan import CandidatePlan
    from naturplan.io.project.gpkg_store import GeoPackageStore

    plan = CandidatePlan(GeoPackageStore(sys.argv[1], author="editor"))
    ids = []

    def say(*words):
        print(*words, flush=True)

    for i in range(100000):
        name = f"c{i}"
        c = Candidate.new("lowland", box(i * 200, 0, i * 200 + 100, 100), name)
        say("intent", "add", c.id, name)
        plan.add(c)
        say("done", "add", c.id, name)
        ids.append(c.id)
        say("intent", "rename", c.id, name + "-r")
        plan.update(c.id, name=name + "-r")
        say("done", "rename", c.id, name + "-r")
        if i % 3 == 2:
            gone = ids.pop(0)
            say("intent", "delete", gone, "-")
            plan.delete(gone)
            say("done", "delete", gone, "-")
    """
)


def _apply(state: dict[str, str], op: str, cid: str, name: str) -> None:
    if op == "delete":
        del state[cid]
    else:
        state[cid] = name


def test_sigkill_mid_stream_loses_no_completed_edit(project: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(project)], stdout=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: list[list[str]] = []
    assert proc.stdout is not None
    try:
        while sum(1 for w in lines if w[0] == "done") < 60:
            line = proc.stdout.readline()
            assert line, "the editor stopped early"
            lines.append(line.split())
        proc.send_signal(signal.SIGKILL)
        # Read through the same text buffer as readline: readline may already hold lines
        # read ahead, which communicate() would skip (it reads the pipe itself).
        rest = proc.stdout.read()
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    # Only whole lines: the kill may cut the last print short.
    lines += [w.split() for w in rest.splitlines(keepends=True) if w.endswith("\n")]
    done: dict[str, str] = {}
    for word, op, cid, name in lines:
        if word == "done":
            _apply(done, op, cid, name)
    pending = [w for w in lines if w[0] == "intent"][-1]
    maybe = dict(done)
    if not any(w[0] == "done" and w[1:] == pending[1:] for w in lines):
        _apply(maybe, *pending[1:])  # the kill may land after its commit, before the print

    with GeoPackageStore(project, author="checker") as store:
        stored = {c.id: c.name for c in store.candidates()}
        audit_count = len(store.audit())
    assert stored == done or stored == maybe
    assert len(done) >= 15
    frame = pyogrio.read_dataframe(project, layer="candidates")
    assert frame.crs.to_epsg() == 25832 and len(frame) == len(stored)
    assert audit_count >= sum(1 for w in lines if w[0] == "done") + 1
    conn = sqlite3.connect(project)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    # A kill between creating the journal and writing its header leaves a journal that is
    # not hot (SQLite ignores it; readers may not delete it): the next write clears it.
    with GeoPackageStore(project, author="checker") as store:
        store.set_settings({"checked": True})
    assert not [p for p in project.parent.iterdir() if p.name.endswith("-journal")]


def test_settings_reserved_keys(open_project: OpenProject) -> None:
    with open_project(author="anna") as store:
        with pytest.raises(StoreError):
            store.set_settings({"schema_version": 99})
        store.set_settings({"x": {"nested": [1, 2]}})
        assert store.settings()["x"] == {"nested": [1, 2]}
        assert json.loads(json.dumps(store.audit()[-1].details))["keys"] == ["x"]
