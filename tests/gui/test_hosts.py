"""Every GUI feature knows the window only by a small host protocol (issue 21 §3): no
``window: Any``, no private attribute of the window reached from outside it; the main window
implements every host, and features run in a bare window that implements only theirs."""

from __future__ import annotations

import ast
import math
import re
import typing
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

import naturplan.gui
from naturplan.gui.analysis.actions import AnalysisHost
from naturplan.gui.basemap.host import BasemapHost
from naturplan.gui.editing.host import EditHost
from naturplan.gui.editing.measure_tool import MeasureHost, install_measure_tools
from naturplan.gui.editing.session import EditSession
from naturplan.gui.export.host import ExportHost
from naturplan.gui.help import TAB_SHORTCUTS, HelpHost, build_help_menu, shortcut_rows
from naturplan.gui.host import MENUS, WindowHost
from naturplan.gui.layer_actions import LayerActionsHost
from naturplan.gui.map.canvas import MapCanvas
from naturplan.gui.map.map_layers import MapLayerList

GUI = Path(naturplan.gui.__file__).parent
HOSTS = (WindowHost, EditHost, MeasureHost, LayerActionsHost, HelpHost, AnalysisHost,
         BasemapHost, ExportHost)
#: Names under which a feature keeps the window it lives in.
WINDOW_NAMES = {"window", "window_", "host", "main", "w"}


def _window_expr(node: ast.expr) -> bool:
    """``window``, ``self.window``, ``self.main`` … (a feature's reference to its window)."""
    if isinstance(node, ast.Name):
        return node.id in WINDOW_NAMES
    return isinstance(node, ast.Attribute) and node.attr in WINDOW_NAMES


def _private_reaches(source: str) -> list[str]:
    """``window._x`` and ``getattr(window, "_x")`` in *source* (dunders are Python's)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                and not node.attr.startswith("__") and _window_expr(node.value)):
            found.append(f"{node.lineno}: .{node.attr}")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in {"getattr", "hasattr", "setattr"} and len(node.args) > 1
                and _window_expr(node.args[0]) and isinstance(node.args[1], ast.Constant)
                and str(node.args[1].value).startswith("_")):
            found.append(f"{node.lineno}: {node.func.id} {node.args[1].value}")
    return sorted(found, key=lambda hit: int(hit.split(":")[0]))


def test_no_gui_module_takes_window_any_or_reaches_its_private_parts():
    untyped, private = [], []
    for path in sorted(GUI.rglob("*.py")):
        if path.name == "main_window.py":
            continue  # the window's own private parts are its business
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(GUI.parent)
        untyped += [f"{name}:{i}" for i, line in enumerate(text.splitlines(), 1)
                    if re.search(r"\bwindow\s*:\s*Any\b", line)]
        private += [f"{name}:{hit}" for hit in _private_reaches(text)]
    assert untyped == []
    assert private == []


def test_the_private_reach_check_finds_what_it_looks_for():
    """The check above sees both spellings (it would have found gui/basemap's ``_run``)."""
    sample = ("def f(window):\n    window._run(1)\n    self.window._layer_loaded(2)\n"
              "    getattr(window, '_x', None)\n    window.__class__\n    window.run_task(3)\n")
    assert _private_reaches(sample) == ["2: ._run", "3: ._layer_loaded", "4: getattr _x"]


def _members(protocol: type) -> dict[str, object]:
    """The names a protocol asks for (its own and its bases'), with their type hints."""
    from naturplan.gui.editing.session import EditSession
    from naturplan.gui.map.canvas import MapCanvas

    names: dict[str, object] = {}
    for klass in reversed(protocol.__mro__):
        if klass in (object, typing.Protocol, typing.Generic) or klass.__name__ == "Protocol":
            continue
        for name, value in vars(klass).items():
            if callable(value) and not name.startswith("_"):
                names[name] = callable
    hints = typing.get_type_hints(protocol, localns={"EditSession": EditSession,
                                                     "MapCanvas": MapCanvas})
    names.update({name: hint for name, hint in hints.items() if not name.startswith("_")})
    return names


def test_the_main_window_implements_every_host(window):
    for protocol in HOSTS:
        for name, hint in _members(protocol).items():
            assert hasattr(window, name), f"{protocol.__name__}.{name}"
            value = getattr(window, name)
            if hint is callable:
                assert callable(value), f"{protocol.__name__}.{name}"
            elif isinstance(hint, type):
                assert isinstance(value, hint), f"{protocol.__name__}.{name}: {type(value)}"
    assert window.main_window() is window
    assert [window.menu(name) for name in MENUS] == [
        window.file_menu, window.edit_menu, window.view_menu, window.map_menu]


class BareMeasureHost(QMainWindow):
    """The smallest window the measuring tools live in: :class:`MeasureHost` and no more."""

    def __init__(self, settings) -> None:
        super().__init__()
        self.lang = "da"
        self.settings = settings
        self.canvas = MapCanvas(MapLayerList(self), self)
        self.setCentralWidget(self.canvas)
        self.session = EditSession(QUndoStack(self), settings, self, lang=self.lang)
        self.tool_group = QActionGroup(self)
        self.map_toolbar = QToolBar("map", self)
        self.addToolBar(self.map_toolbar)
        self.menus = {name: self.menuBar().addMenu(name) for name in MENUS}
        self.status: list[str] = []

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


def test_measure_tools_live_in_any_measure_host(qtbot, settings, aalborg_point):
    host = BareMeasureHost(settings)
    qtbot.addWidget(host)
    host.resize(900, 700)
    host.show()
    qtbot.waitExposed(host)
    distance, area = install_measure_tools(host)
    names = ["action_measure_distance", "action_measure_area"]
    assert [a.objectName() for a in host.map_toolbar.actions()] == names
    assert [a.objectName() for a in host.menu("map").actions() if not a.isSeparator()] == names
    assert distance.action in host.tool_group.actions()
    host.session.snapping = False
    x0, y0 = aalborg_point
    canvas = host.canvas
    canvas.zoom_to((x0 - 300, y0 - 300, x0 + 300, y0 + 300))
    distance.action.trigger()
    assert canvas.tool is distance
    clicks = [canvas.view.to_pixel(x0 - 200, y0), canvas.view.to_pixel(x0 + 100, y0 + 150)]
    pixels = [QPoint(round(px), round(py)) for px, py in clicks]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixels[0])
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pixels[1])
    (ax, ay), (bx, by) = (canvas.view.to_map(p.x(), p.y()) for p in pixels)
    metres = math.hypot(bx - ax, by - ay)
    assert 300 < metres < 1000  # under 1 km: said in metres with one decimal
    # told through the protocol's show_status, in Danish words and number format
    assert host.status[-1] == "Afstand: " + f"{metres:.1f}".replace(".", ",") + " m"


def test_the_help_menu_lives_in_any_help_host(qtbot):
    class BareHelpHost:
        """HelpHost without a MainWindow: a language, layers and a plain QMainWindow."""

        def __init__(self) -> None:
            self.frame = QMainWindow()
            self.lang = "da"
            self.layers = MapLayerList(self.frame)

        def main_window(self) -> QMainWindow:
            return self.frame

    host = BareHelpHost()
    qtbot.addWidget(host.frame)
    tools = host.frame.menuBar().addMenu("Tools")
    own = tools.addAction("Count the hedges")
    own.setShortcut(QKeySequence("Ctrl+Alt+K"))
    keys = QKeySequence("Ctrl+Alt+K").toString(QKeySequence.SequenceFormat.NativeText)
    menu, dialog = build_help_menu(host)
    assert menu.menuAction() in host.frame.menuBar().actions()
    assert dialog.parent() is host.frame
    assert (keys, "Count the hedges") in shortcut_rows(host)
    opener = next(a for a in menu.actions() if a.objectName() == f"action_help_{TAB_SHORTCUTS}")
    opener.trigger()
    assert dialog.isVisible() and dialog.tabs.currentIndex() == TAB_SHORTCUTS
    table = dialog.shortcuts
    rows = {(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())}
    assert (keys, "Count the hedges") in rows
    dialog.close()



def test_the_window_shows_the_workspaces_share_when_it_is_measured_again(window, qtbot):
    """Removing the only protected layer measures the share again into the workspace; its
    one event brings the new share and index to the dashboard, the ledger and the export."""
    from naturplan.core.layers.roles import Role
    from naturplan.gui.export.plan import plan_data_from_window

    workspace = window.workspace
    assert (workspace.dataset, workspace.share) == (window.dataset, window.share)
    assert workspace.plan is window.session.plan and workspace.plan is not None
    assert window.dashboard_dock.share is workspace.share and workspace.share.area_m2 > 0
    [p3] = workspace.dataset.by_role(Role.NATURE_P3)  # the fixture's only protected layer
    events = []
    workspace.share_changed.connect(lambda share, index: events.append((share, index)))
    window.remove_layer(p3)
    qtbot.waitUntil(lambda: bool(events), timeout=30_000)
    [(share, index)] = events
    assert share is workspace.share and index is workspace.index
    assert share.area_m2 == 0  # nothing protected is left to count
    assert window.dashboard_dock.share is share
    assert window.session.ledger_result().current_area_m2 == 0  # the ledger got it too
    assert plan_data_from_window(window).share is share
