"""The editing side needs only an EditHost, not MainWindow (issue 8: no import circle)."""

from __future__ import annotations

import shapely
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from naturplan.gui.editing.actions import EditActions
from naturplan.gui.editing.host import MENUS
from naturplan.gui.map.canvas import MapCanvas
from naturplan.gui.map.map_layers import MapLayerList


class BareHost(QMainWindow):
    """The smallest window that hosts the editing actions: the protocol and nothing else."""

    def __init__(self, settings: QSettings) -> None:
        super().__init__()
        self.undo_stack = QUndoStack(self)
        self.settings = settings
        self.lang = "en"
        self.canvas = MapCanvas(MapLayerList(self), self)
        self.setCentralWidget(self.canvas)
        self.tool_group = QActionGroup(self)
        self.menus = {name: self.menuBar().addMenu(name) for name in MENUS}
        self.status: list[str] = []
        self.layers_shown: list[object] = []
        self.ledgers: list[object] = []

    def main_window(self) -> QMainWindow:
        return self

    def make_action(self, name, text, slot, shortcut=None, checkable=False) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    def menu(self, name: str) -> QMenu:
        return self.menus[name]

    def show_status(self, text: str, msecs: int = 0) -> None:
        self.status.append(text)

    def set_candidates_layer(self, layer, kept=None) -> None:
        self.layers_shown.append(layer)

    def show_ledger(self, result) -> None:
        self.ledgers.append(result)


def test_edit_actions_live_in_any_edit_host(qtbot, settings, aalborg_point):
    host = BareHost(settings)
    qtbot.addWidget(host)
    editing = EditActions(host)
    session = editing.session
    assert session.lang == "en"
    assert session.new_project()
    assert [a.objectName() for a in host.menu("file").actions()[:2]] == [
        "action_project_new", "action_project_open"]
    assert any(a.objectName() == "action_draw_polygon" for a in host.menu("edit").actions())
    x, y = aalborg_point
    change = session.add(shapely.box(x, y, x + 100, y + 100), "A")
    assert change is not None and len(session.plan) == 1
    # The host was told about the candidates through the protocol only.
    assert len(host.layers_shown[-1].frame) == 1
    host.undo_stack.undo()
    assert len(session.plan) == 0 and len(host.layers_shown[-1].frame) == 0
    session.close()
