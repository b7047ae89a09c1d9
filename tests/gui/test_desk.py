"""The planner's desk (issue 20 items 1-5), driven as a planner drives it: buttons clicked,
dialogs answered by typing, keys pressed and the mouse used on the real window."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest
import shapely
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QPushButton

from naturplan.core.plan.candidates import CandidateKind

GUI = Path(__file__).resolve().parents[2] / "naturplan" / "gui"


def answer_dialog(qtbot, text: str | None, seen: list[str], kind=QInputDialog) -> None:
    """When the next modal *kind* dialog opens, type *text* into it and press Enter (None:
    press Esc). The dialog's label and the text it offered are recorded in *seen*."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, look)
            return
        edit = dialog.findChild(QLineEdit)
        seen.append(f"{dialog.windowTitle()}|{edit.text()}")
        if text is None:
            QTest.keyClick(edit, Qt.Key.Key_Escape)
            return
        edit.selectAll()
        type_text(edit, text)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, look)


def type_text(widget, text: str) -> None:
    """Key presses for each character of *text* (QTest.keyClicks knows ASCII only)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def shot(widget, name: str) -> None:
    """Save *widget* to $NATURPLAN_DESK_SHOTS/name.png (to look at it by hand)."""
    folder = os.environ.get("NATURPLAN_DESK_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def _add(window, kind: str, geometry, name: str):
    window.session.kind = CandidateKind(kind)
    change = window.session.add(geometry, name)
    assert change is not None
    return change.after[0]


def _button(dock, name: str) -> QPushButton:
    button = dock.findChild(QPushButton, f"scenario_{name}")
    assert button is not None and button.isVisible() and button.isEnabled()
    return button


def test_scenarios_are_named_through_the_buttons(window, qtbot, aalborg_point, no_dialogs):
    x0, y0 = aalborg_point
    low = _add(window, "lowland", shapely.box(x0 - 2500, y0 - 2000, x0 - 1500, y0 - 1500), "Mose")
    wood = _add(window, "afforestation", shapely.box(x0 + 100, y0 - 100, x0 + 300, y0 + 100),
                "Skov")
    window.analysis.act_scenarios.trigger()  # Analyse → Scenarier og sammenligning
    dock = window.analysis.scenarios
    qtbot.waitUntil(dock.isVisible)
    window.session.selection.set([low.id, wood.id])
    seen: list[str] = []
    answer_dialog(qtbot, "Forslag A", seen)
    qtbot.mouseClick(_button(dock, "new"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.session.store.scenarios()) == 1)
    assert seen == ["Nyt scenarie|Forslag A"]  # asked, offering a name
    window.session.selection.set([low.id])
    answer_dialog(qtbot, "Forslag B – kun mosen", seen)
    qtbot.mouseClick(_button(dock, "new"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.session.store.scenarios()) == 2)
    stored = {s.name: s.candidate_ids for s in window.session.store.scenarios()}
    assert stored == {"Forslag A": (low.id, wood.id), "Forslag B – kun mosen": (low.id,)}
    assert [dock.list.item(k).text() for k in range(dock.list.count())] == [
        "Forslag A (2 områder)", "Forslag B – kun mosen (1 område)"]
    # Rename the first: click it in the list, press Omdøb…, type the new name.
    rect = dock.list.visualItemRect(dock.list.item(0))
    qtbot.mouseClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dock.current().name == "Forslag A"
    answer_dialog(qtbot, "Forslag A med skov", seen)
    qtbot.mouseClick(_button(dock, "rename"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Forslag A med skov" in [
        s.name for s in window.session.store.scenarios()])
    assert seen[-1] == "Omdøb scenarie|Forslag A"  # the old name offered to edit
    # Esc in the dialog changes nothing.
    versions = {s.id: s.version for s in window.session.store.scenarios()}
    answer_dialog(qtbot, None, seen)
    qtbot.mouseClick(_button(dock, "rename"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seen[-1] == "Omdøb scenarie|Forslag A med skov")
    qtbot.wait(50)
    assert {s.id: s.version for s in window.session.store.scenarios()} == versions
    assert not any("False" in s.name for s in window.session.store.scenarios())
    assert no_dialogs == []
    shot(window, "scenarios_named")


def _methods() -> dict[str, dict[str, bool]]:
    """class name → method name → whether its first parameter after self has a default (a
    signal that sends a value, ``clicked(bool)``, ``triggered(bool)``, would fill it)."""
    out: dict[str, dict[str, bool]] = {}
    for path in GUI.rglob("*.py"):
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(cls, ast.ClassDef):
                methods = out.setdefault(cls.name, {})
                for node in cls.body:
                    if isinstance(node, ast.FunctionDef):
                        positional = (node.args.posonlyargs + node.args.args)[1:]
                        methods[node.name] = bool(positional and node.args.defaults)
    return out


def _slot_arguments(cls: ast.ClassDef) -> list[ast.expr]:
    """What *cls* passes as a slot of a signal that sends a bool: ``clicked``, ``triggered``,
    ``toggled`` ``.connect``, an action helper, or a table (of buttons)."""
    found: list[ast.expr] = []
    for node in ast.walk(cls):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        signal = node.func.value
        if node.func.attr == "connect" and isinstance(signal, ast.Attribute) and \
                signal.attr in {"clicked", "triggered", "toggled"} or \
                node.func.attr in {"_action", "make_action", "addAction"}:
            found += node.args
    for node in ast.walk(cls):
        if isinstance(node, ast.Tuple | ast.List):
            found += node.elts
    return found


def test_no_slot_with_an_optional_parameter_is_connected_bare() -> None:
    """The class of the "False" bug: a method with an optional positional parameter passed as
    a slot gets the signal's value. ``self.m`` is looked up in its own class; ``other.m`` is
    an offender when every GUI method of that name takes an optional parameter."""
    methods = _methods()
    by_name: dict[str, set[bool]] = {}
    for table in methods.values():
        for name, optional in table.items():
            by_name.setdefault(name, set()).add(optional)
    offenders = []
    for path in GUI.rglob("*.py"):
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(cls, ast.ClassDef):
                continue
            for arg in _slot_arguments(cls):
                if not isinstance(arg, ast.Attribute):
                    continue
                if isinstance(arg.value, ast.Name) and arg.value.id == "self":
                    bad = methods[cls.name].get(arg.attr, False)
                else:
                    bad = by_name.get(arg.attr) == {True}
                if bad:
                    offenders.append(f"{path.name}:{arg.lineno} {arg.attr}")
    assert offenders == []


# -- item 2: a panel comes forward only when the user asks -----------------------------------

def click_tab(qtbot, window, dock) -> None:
    """Click the tab of *dock* in the window's tab bars, as the user does."""
    from PySide6.QtWidgets import QTabBar

    for bar in window.findChildren(QTabBar):
        for k in range(bar.count()):
            if bar.isVisible() and bar.tabText(k) == dock.windowTitle():
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(k).center())
                return
    raise AssertionError(f"no tab for {dock.windowTitle()}")


def in_front(dock) -> bool:
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def pixel(window, x: float, y: float):
    from PySide6.QtCore import QPoint

    px, py = window.canvas.view.to_pixel(x, y)
    return QPoint(round(px), round(py))


def draw_square(qtbot, window, x: float, y: float, side: float) -> None:
    """Click three corners and double-click the fourth with the draw tool."""
    canvas = window.canvas
    corners = [(x, y), (x + side, y), (x + side, y + side), (x, y + side)]
    for cx, cy in corners[:-1]:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, cx, cy))
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, *corners[-1]))


@pytest.fixture
def drawing(window, aalborg_point, no_dialogs):
    """The window zoomed to 1.2 km around the fixture point, snapping off, draw tool on."""
    x0, y0 = aalborg_point
    window.canvas.zoom_to((x0 - 600, y0 - 600, x0 + 600, y0 + 600))
    window.canvas.render_now()
    window.editing.act_snap.setChecked(False)
    window.session.snapping = False
    window.editing.act_draw.trigger()
    window.dialogs = no_dialogs
    return window


def test_the_parcel_card_stays_behind_the_tab_the_user_chose(drawing, qtbot, aalborg_point):
    window = drawing
    x0, y0 = aalborg_point
    parcels = window.parcels
    if parcels.context is None:
        with qtbot.waitSignal(parcels.context_ready, timeout=60_000):
            pass
    click_tab(qtbot, window, parcels.dock)
    qtbot.keyClicks(parcels.box, "0a, testby")
    qtbot.keyClick(parcels.box, Qt.Key.Key_Return)
    assert parcels.card is not None and in_front(parcels.dock)
    analysis = window.analysis.dock
    click_tab(qtbot, window, analysis)
    assert in_front(analysis) and not in_front(parcels.dock)
    window.editing.act_draw.trigger()
    draw_square(qtbot, window, x0 - 400, y0 - 400, 200)
    qtbot.waitUntil(lambda: len(window.session.candidate_ids) == 1)
    assert in_front(analysis) and not in_front(parcels.dock), "drawing raised the card"
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.session.candidate_ids) == 0)
    assert in_front(analysis), "undo raised the card"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(window.session.candidate_ids) == 1)
    assert in_front(analysis) and not in_front(parcels.dock), "redo raised the card"
    shot(window, "analysis_stays_in_front")
    # The card itself followed the edits (it is refreshed, only not raised), and a new
    # search by the user brings it forward again.
    qtbot.keyClicks(parcels.box, "1a, testby")
    qtbot.keyClick(parcels.box, Qt.Key.Key_Return)
    assert in_front(parcels.dock)
