"""Project files in the GUI: new, open, Save As, recent, refusals, closing, failed undo."""

from __future__ import annotations

from pathlib import Path

import shapely

from naturplan.core.plan.candidates import Candidate
from naturplan.io.project.gpkg_store import GeoPackageStore


def _add(window, x0, y0, size=200.0):
    return window.session.add(shapely.box(x0, y0, x0 + size, y0 + size))


def test_dataset_opens_with_an_unsaved_project(window, private_data_dir):
    path = window.session.path
    assert path is not None and path.parent == private_data_dir
    assert path.name.startswith("unsaved-") and window.session.unsaved
    assert "endnu ikke gemt" in window.windowTitle()


def test_save_as_continues_there_and_keeps_history(window, tmp_path, aalborg_point):
    x0, y0 = aalborg_point
    _add(window, x0, y0)
    old = window.session.path
    target = tmp_path / "plan.gpkg"
    assert window.session.save_as(target)
    assert window.session.path == target and not window.session.unsaved
    assert not old.exists()  # the unsaved copy is gone; its content lives on in target
    assert "plan" in window.windowTitle() and "1 ændring" in window.windowTitle()
    _add(window, x0 + 300, y0)
    with GeoPackageStore(target, create=False, readonly=True) as store:
        assert len(store.candidates()) == 2
    window.undo_stack.undo()
    window.undo_stack.undo()
    with GeoPackageStore(target, create=False, readonly=True) as store:
        assert store.candidates() == []
    assert str(target.resolve()) in window.session.recent()


def test_open_new_and_recent(window, tmp_path, aalborg_point):
    x0, y0 = aalborg_point
    first = tmp_path / "a.gpkg"
    assert window.session.new_project(first)
    _add(window, x0, y0)
    assert window.session.new_project(tmp_path / "b.gpkg")
    assert len(window.session.plan) == 0 and window.undo_stack.count() == 0
    assert window.editing.table_dock.model.rowCount() == 0
    assert window.session.open_project(first)
    assert len(window.session.plan) == 1
    assert window.editing.table_dock.model.rowCount() == 1
    assert window.dashboard_dock.ledger.result.count == 1
    recent = window.session.recent()
    assert recent[0] == str(first.resolve()) and str((tmp_path / "b.gpkg").resolve()) in recent
    window.editing._fill_recent()
    assert [a.text() for a in window.editing.recent_menu.actions()][:2] == ["a.gpkg", "b.gpkg"]


def test_recent_keeps_eight(window, tmp_path):
    for i in range(10):
        window.session.new_project(tmp_path / f"p{i}.gpkg")
    assert len(window.session.recent()) == 8


def test_opening_a_non_project_is_refused(window, tmp_path, no_dialogs, aalborg_point):
    x0, y0 = aalborg_point
    _add(window, x0, y0)
    current = window.session.path
    bogus = tmp_path / "notes.gpkg"
    bogus.write_text("not a geopackage")
    assert not window.session.open_project(bogus)
    assert no_dialogs and "projekt" in no_dialogs[-1][0].lower()
    assert window.session.path == current and len(window.session.plan) == 1
    assert bogus.read_text() == "not a geopackage"


def test_empty_unsaved_project_is_removed_on_close(window):
    path = window.session.path
    window.close()
    assert not path.exists()


def test_an_unsaved_project_with_only_a_scenario_is_kept_on_close(window):
    """Scenarios but no candidates: the user's work, never removed as empty."""
    from naturplan.core.plan.scenarios import Scenario

    path = window.session.path
    window.session.store.insert_scenario(Scenario.new("Forslag uden områder"))
    window.close()
    assert path.exists()
    with GeoPackageStore(path, create=False, readonly=True) as store:
        assert [s.name for s in store.scenarios()] == ["Forslag uden områder"]


def test_a_killed_apps_empty_unsaved_project_is_removed_at_the_next_start(
    window, private_data_dir
):
    """Issue 7: a killed app left an empty unsaved-*.gpkg behind, forever."""
    import signal
    import subprocess
    import sys

    from naturplan.io.project.unsaved import new_unsaved_project

    code = ("import sys; from pathlib import Path; "
            "from naturplan.io.project.gpkg_store import GeoPackageStore; "
            "from naturplan.io.project.unsaved import new_unsaved_project; "
            "p, lock = new_unsaved_project(Path(sys.argv[1])); GeoPackageStore(p).close(); "
            "print(p, flush=True); import time; time.sleep(600)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(private_data_dir)],
                            stdout=subprocess.PIPE, text=True)
    left = Path(proc.stdout.readline().strip())
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    mine = window.session.path  # this window's own unsaved project, locked by it
    other, other_lock = new_unsaved_project(private_data_dir)  # "another running app"
    GeoPackageStore(other).close()
    assert left.exists() and mine.exists()
    assert window.session.new_project()  # what the next start does
    # Gone (its name may be free again: the new unsaved project may take it in the same second).
    assert not left.exists() or window.session.path == left
    assert other.exists()  # held by a running instance
    assert not mine.exists()  # closed empty by this session, as before
    assert sorted(p.name for p in private_data_dir.glob("*.gpkg")) == sorted(
        [other.name, window.session.path.name])
    other_lock.release(remove=True)


def test_closing_keeps_every_edit(window, aalborg_point):
    x0, y0 = aalborg_point
    _add(window, x0, y0)
    path = window.session.path
    # a half-drawn shape is not an edit; closing drops it and keeps the file
    window.editing.act_draw.trigger()
    window.editing.draw_tool.points = [(x0, y0), (x0 + 10, y0)]
    window.close()
    assert path.exists()
    with GeoPackageStore(path, create=False, readonly=True) as store:
        assert len(store.candidates()) == 1


def test_failed_undo_keeps_the_stack_consistent(window, no_dialogs, aalborg_point, qtbot):
    """A colleague changed the area in the file: the undo is refused, nothing is written,
    the plan is re-read and the history cleared."""
    x0, y0 = aalborg_point
    change = _add(window, x0, y0)
    cid = change.after[0].id
    with GeoPackageStore(window.session.path, author="colleague") as other:
        theirs = other.get(cid)
        other.update(theirs.with_changes(name="Kollegas navn"), theirs.version)
    window.undo_stack.undo()
    assert window.undo_stack.count() == 0  # the refused command dropped itself
    qtbot.waitUntil(lambda: bool(no_dialogs))
    assert "colleague" in no_dialogs[-1][1]
    assert window.session.plan.get(cid).name == "Kollegas navn"
    assert window.editing.table_dock.model.index(0, 0).data() == "Kollegas navn"
    with GeoPackageStore(window.session.path, create=False, readonly=True) as store:
        assert [c.name for c in store.candidates()] == ["Kollegas navn"]


def test_refused_edit_pushes_nothing(window, no_dialogs, aalborg_point):
    x0, y0 = aalborg_point
    window.session.avoid_overlap = True
    _add(window, x0, y0)
    assert window.session.add(shapely.box(x0 + 50, y0 + 50, x0 + 100, y0 + 100)) is None
    assert window.undo_stack.count() == 1 and len(window.session.plan) == 1
    assert no_dialogs


def test_a_locked_project_refuses_the_edit_and_the_app_stays_up(window, no_dialogs,
                                                                 aalborg_point):
    """Issue 7: sqlite3.OperationalError escaped the store; now the edit is refused with the
    store's error in Danish, nothing is pushed or written, and the next edit works."""
    import sqlite3

    x0, y0 = aalborg_point
    _add(window, x0, y0)
    window.session.store._conn.execute("PRAGMA busy_timeout = 200")  # not 10 s in a test
    other = sqlite3.connect(window.session.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert _add(window, x0 + 300, y0) is None
        assert window.session.delete([window.session.plan.candidates()[0].id]) is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert window.undo_stack.count() == 1 and len(window.session.plan) == 1
    assert len(no_dialogs) == 2 and "er låst af et andet program" in no_dialogs[0][1]
    assert window.editing.table_dock.model.rowCount() == 1
    with GeoPackageStore(window.session.path, create=False, readonly=True) as store:
        assert len(store.candidates()) == 1
    assert _add(window, x0 + 300, y0) is not None and len(window.session.plan) == 2


def test_a_project_that_cannot_be_read_is_closed_again(window, no_dialogs, tmp_path,
                                                        aalborg_point):
    """Issue 7: a failing ``CandidatePlan(store)`` left the file open behind the dialog."""
    import os
    import sqlite3

    x0, y0 = aalborg_point
    path = tmp_path / "broken.gpkg"
    with GeoPackageStore(path) as store:
        store.insert(Candidate.new("lowland", shapely.box(x0, y0, x0 + 50, y0 + 50), "A"))
    conn = sqlite3.connect(path, isolation_level=None)
    # A table the plan cannot be read from (a row with an undecodable geometry is left out
    # with a warning since issue 18: tests/gui/test_locked_project.py).
    conn.execute("ALTER TABLE candidates RENAME COLUMN note TO remark")
    conn.close()
    current = window.session.path
    assert not window.session.open_project(path)
    assert window.session.path == current and no_dialogs
    held = [fd for fd in os.listdir("/proc/self/fd")
            if os.path.realpath(f"/proc/self/fd/{fd}") == os.path.realpath(path)]
    assert held == []


def test_project_option_opens_it(tmp_path, layer_args, aalborg_point):
    import subprocess
    import sys

    x0, y0 = aalborg_point
    project = tmp_path / "given.gpkg"
    with GeoPackageStore(project) as store:
        store.insert(Candidate.new("lowland", shapely.box(x0, y0, x0 + 400, y0 + 400), "Eng"))
    png = tmp_path / "shot.png"
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(tmp_path / "xdg")}
    cmd = [sys.executable, "-m", "naturplan", "--no-sample", "--project", str(project),
           "--screenshot", str(png)]
    for arg in layer_args:
        cmd += ["--layer", arg]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert png.exists()
    assert not any(Path(tmp_path / "xdg").rglob("unsaved-*.gpkg"))


def test_screenshot_with_a_bad_project_exits_with_one_line(tmp_path, layer_args):
    import os
    import subprocess
    import sys

    bad = tmp_path / "not_a_project.gpkg"
    bad.write_text("not a GeoPackage")
    cmd = [sys.executable, "-m", "naturplan", "--no-sample", "--project", str(bad),
           "--screenshot", str(tmp_path / "shot.png")]
    for arg in layer_args:
        cmd += ["--layer", arg]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 1
    assert "not_a_project.gpkg" in done.stderr and "Traceback" not in done.stderr
    assert bad.read_text() == "not a GeoPackage"  # untouched
    assert not (tmp_path / "shot.png").exists()


def test_import_file_is_one_command(window, tmp_path, aalborg_point, monkeypatch):
    import geopandas as gpd
    from PySide6.QtWidgets import QMessageBox

    x0, y0 = aalborg_point
    source = tmp_path / "consultant.geojson"
    gpd.GeoDataFrame(
        {"navn": ["Eng A", "Tom", "Eng B"]},
        geometry=[shapely.box(x0, y0, x0 + 100, y0 + 100), shapely.Polygon(),
                  shapely.box(x0 + 200, y0, x0 + 300, y0 + 100)],
        crs=25832).to_file(source)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (
        asked.append(a[2]), QMessageBox.StandardButton.Yes)[1])
    from naturplan.gui.editing.importing import ImportDialog

    monkeypatch.setattr(ImportDialog, "exec", lambda self: ImportDialog.DialogCode.Accepted)
    assert window.editing.import_file(source)
    assert asked and "'Tom': tom geometri" in asked[0]  # the CLI's words (labels)
    assert sorted(c.name for c in window.session.plan) == ["Eng A", "Eng B"]
    assert window.undo_stack.count() == 1
    window.undo_stack.undo()
    assert len(window.session.plan) == 0
    with GeoPackageStore(window.session.path, create=False, readonly=True) as store:
        assert store.candidates() == []


EDITING_PROCESS = r"""
import sys, time
from pathlib import Path
import shapely
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from naturplan.core.layers.roles import Role
from naturplan.gui.main_window import MainWindow
from naturplan.io.datasets import DatasetRequest
from naturplan.io.loading import LayerRequest

project, settings, x0, y0, *layers = sys.argv[1:]
x0, y0 = float(x0), float(y0)
app = QApplication([])
request = DatasetRequest(use_sample=False, layers=tuple(
    LayerRequest(Role(r), Path(p)) for r, p in (a.split("=", 1) for a in layers)))
window = MainWindow(QSettings(settings, QSettings.Format.IniFormat), lang="en")
window.session.open_project(project, create=True)
window.load_dataset(request, wait=True)
for i in range(5):
    window.session.add(shapely.box(x0 + i * 300, y0, x0 + i * 300 + 200, y0 + 200))
    print("added", i, flush=True)
first = window.session.plan.candidates()[0].id
window.session.update(first, name="renamed")
window.undo_stack.undo()
window.session.update(first, note="kept")
print("ready", flush=True)
time.sleep(120)
"""


def test_killed_app_loses_no_edit(tmp_path, layer_args, aalborg_point):
    import os
    import signal
    import subprocess
    import sys

    import pyogrio

    x0, y0 = aalborg_point
    project = tmp_path / "crash.gpkg"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-c", EDITING_PROCESS, str(project), str(tmp_path / "s.ini"),
         str(x0), str(y0), *layer_args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        lines = []
        while "ready" not in lines:
            line = proc.stdout.readline()
            assert line, proc.stderr.read()
            lines.append(line.strip())
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    with GeoPackageStore(project, create=False, readonly=True) as store:
        found = store.candidates()
    assert len(found) == 5
    assert found[0].name != "renamed" and found[0].note == "kept"
    frame = pyogrio.read_dataframe(project, layer="candidates")
    assert len(frame) == 5 and frame.crs.to_epsg() == 25832


def test_a_project_remembers_its_layers_and_brings_them_back(window, qtbot, tmp_path,
                                                             dataset_request):
    from naturplan.core.layers.roles import Role
    from naturplan.io.datasets import DatasetRequest
    from naturplan.io.project.settings import PLAN_KEY, record, settings_from_request

    # The dataset the window loaded is recorded in its (new) project.
    with GeoPackageStore(window.session.path, create=False, readonly=True) as store:
        assert store.settings()[PLAN_KEY] == settings_from_request(
            dataset_request, window.protected_roles)
    # A project measured against fewer layers (no §3 layer) reloads those when opened.
    fewer = DatasetRequest(use_sample=False, layers=tuple(
        layer for layer in dataset_request.layers if layer.role is not Role.NATURE_P3))
    other = tmp_path / "other.gpkg"
    with GeoPackageStore(other) as store:
        record(store, fewer, (Role.NATURE_P3,))
    assert window.dataset.by_role(Role.NATURE_P3)
    assert window.session.open_project(other)
    qtbot.waitUntil(lambda: not window.dataset.by_role(Role.NATURE_P3), timeout=60_000)
    qtbot.waitUntil(lambda: window.share is not None and window.share.area_m2 == 0,
                    timeout=60_000)
    # Opening it again changes nothing and writes nothing.
    with GeoPackageStore(other, create=False, readonly=True) as store:
        rows = len(store.audit())
    assert window.session.open_project(other)
    with GeoPackageStore(other, create=False, readonly=True) as store:
        assert len(store.audit()) == rows
