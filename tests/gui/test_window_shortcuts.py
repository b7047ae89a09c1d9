"""Every keyboard shortcut works wherever the focus is in the main window: in the layer panel
after a click on a layer, in the other docks, and with the toolbars hidden."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

#: key, modifiers, the action (window attribute path) that must be checked afterwards
TOOLS = [
    (Qt.Key.Key_D, "editing.act_draw"),
    (Qt.Key.Key_V, "editing.act_select"),
    (Qt.Key.Key_E, "editing.act_vertex"),
    (Qt.Key.Key_M, "editing.act_move"),
    (Qt.Key.Key_P, "act_pan"),
    (Qt.Key.Key_I, "act_identify"),
]


def _action(window, path: str):  # noqa: ANN001, ANN202
    target = window
    for part in path.split("."):
        target = getattr(target, part)
    return target


def _focus_layer_panel(window, qtbot) -> None:  # noqa: ANN001
    panel = window.layers_dock.list
    rect = panel.visualItemRect(panel.item(2))
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    panel.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel, timeout=2_000)


@pytest.mark.parametrize("hide_bars", [False, True])
def test_each_shortcut_works_with_the_focus_in_the_layer_panel(window, qtbot, hide_bars):
    if hide_bars:
        for bar in (window.findChild(type(window.editing.toolbar), "map_toolbar"),
                    window.editing.toolbar):
            bar.hide()
    _focus_layer_panel(window, qtbot)
    focus = QApplication.focusWidget()
    for key, path in TOOLS:
        QTest.keyClick(focus, key)
        assert _action(window, path).isChecked(), path
        assert QApplication.focusWidget() is focus  # the panel keeps the focus
    for key, path in ((Qt.Key.Key_S, "editing.act_snap"), (Qt.Key.Key_T, "editing.act_trace")):
        before = _action(window, path).isChecked()
        QTest.keyClick(focus, key)
        assert _action(window, path).isChecked() != before, path
    # Undo and redo (Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y)
    stack = window.undo_stack
    stack.push(QUndoCommand("test edit"))
    index = stack.index()
    QTest.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stack.index() == index - 1
    QTest.keyClick(focus, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stack.index() == index
    QTest.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(focus, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stack.index() == index
    # Home: back to the whole municipality
    window.canvas.zoom_by(4.0)
    QTest.keyClick(focus, Qt.Key.Key_Home)
    assert window.canvas.at_home


def test_tool_shortcuts_work_from_every_dock(window, qtbot):
    docks = [window.legend_dock.tree, window.identify_dock.tree,
             window.editing.table_dock.widget(), window.layers_dock.opacity]
    for widget in docks:
        widget.setFocus()
        qtbot.waitUntil(lambda w=widget: QApplication.focusWidget() is w, timeout=2_000)
        for key, path in TOOLS:
            QTest.keyClick(widget, key)
            assert _action(window, path).isChecked(), (type(widget).__name__, path)


def test_every_shortcut_is_listed_in_help(window):
    from naturplan.gui.help import shortcut_rows

    rows = dict((text, keys) for keys, text in shortcut_rows(window))
    for _key, path in TOOLS:
        action = _action(window, path)
        assert action.shortcut().toString() in rows.get(action.text().replace("&", ""), "")
