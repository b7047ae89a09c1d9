"""The lifts editor in the candidate panel (issue 25): a "restore" candidate drawn over two of
the fixture's §3 squares lists exactly those two (Objekt_id, type, today's class); choosing
class II for one with the mouse and clicking "Gem løft" stores one audited settings record and
the dashboard's share in good condition with the plan is that square's area over all §3 area
(plain shapely). A change of the lifts by the command line reaches the open window."""

from __future__ import annotations

import geopandas as gpd
import shapely
from cli_runner import run_cli
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox

from naturplan.core.plan.candidates import CandidateKind
from naturplan.text.numbers import format_percent


def _choose(qtbot, chooser: QComboBox, text: str) -> None:
    """Open the chooser's list with a click and pick the entry *text* with the arrow keys and
    Enter, as a user does."""
    qtbot.mouseClick(chooser, Qt.MouseButton.LeftButton)
    view = chooser.view()
    qtbot.waitUntil(view.isVisible, timeout=5_000)
    for _ in range(chooser.findText(text) - chooser.currentIndex()):
        QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: chooser.currentText() == text, timeout=5_000)


def _restore_candidate(window, aalborg_point) -> str:
    x0, y0 = aalborg_point
    window.session.kind = CandidateKind.RESTORE
    change = window.session.add(shapely.box(x0 - 100, y0 - 100, x0 + 400, y0 + 100), "Pleje")
    cid = change.after[0].id
    window.session.selection.set([cid])
    return cid


def test_the_editor_lists_the_features_under_and_a_click_saves_the_lift(
        qtbot, window, fixture_files, aalborg_point):
    follower = window.analysis.condition
    qtbot.waitUntil(lambda: follower.now is not None, timeout=30_000)
    window.analysis.dock.show()
    window.analysis.dock.raise_()
    cid = _restore_candidate(window, aalborg_point)
    editor = window.analysis.lifts_editor
    qtbot.waitUntil(editor.isVisible, timeout=10_000)
    rows = [[editor.table.item(r, c).text() for c in range(3)]
            for r in range(editor.table.rowCount())]
    assert rows == [["TEST-0", "Sø", "ikke vurderet"], ["TEST-1", "Mose", "ikke vurderet"]]
    assert not editor.save.isEnabled()  # nothing chosen yet
    chooser = editor.table.cellWidget(0, 3)
    assert isinstance(chooser, QComboBox) and chooser.currentText() == "–"
    _choose(qtbot, chooser, "II")
    assert editor.save.isEnabled()
    qtbot.mouseClick(editor.save, Qt.MouseButton.LeftButton)
    assert "1 løft gemt" in editor.status.text()
    store = window.session.store
    assert store.settings()["restoration"] == {cid: {"TEST-0": "II"}}
    assert "restoration" in store.audit()[-1].details["keys"]
    p3 = gpd.read_file(fixture_files["nature_p3"])
    total = shapely.union_all(p3.geometry.values).area
    expected = format_percent(p3.geometry.values[0].area / total, 1, "da")
    qtbot.waitUntil(lambda: f"med planens genopretning: {expected}"
                    in window.analysis.condition_widget.good.text(), timeout=30_000)
    assert not editor.save.isEnabled()  # saved: as stored


def test_a_change_by_the_command_line_reaches_the_open_window(
        qtbot, window, fixture_files, aalborg_point):
    follower = window.analysis.condition
    qtbot.waitUntil(lambda: follower.now is not None, timeout=30_000)
    cid = _restore_candidate(window, aalborg_point)
    editor = window.analysis.lifts_editor
    qtbot.waitUntil(editor.isVisible, timeout=10_000)
    project = window.session.store.path
    result = run_cli(["candidates", "restore", cid[:8], "--lift", "TEST-1=I",
                      "--project", str(project), "--no-sample",
                      "--layer", f"nature_p3={fixture_files['nature_p3']}"])
    assert result.returncode == 0, result.stderr
    p3 = gpd.read_file(fixture_files["nature_p3"])
    total = shapely.union_all(p3.geometry.values).area
    expected = format_percent(p3.geometry.values[1].area / total, 1, "da")
    qtbot.waitUntil(lambda: f"med planens genopretning: {expected}"
                    in window.analysis.condition_widget.good.text(), timeout=30_000)
    chooser = editor.table.cellWidget(1, 3)
    assert isinstance(chooser, QComboBox) and chooser.currentText() == "I"
