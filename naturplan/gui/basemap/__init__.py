"""Background maps and layers from web services in the window (issue 12).

:func:`install` adds to a main window: the basemap under the map (:mod:`.controller`), its
row in the layer panel (:mod:`.panel`), View → Baggrundskort, File → Hent data… and
File → Opdater lag fra tjenester (:mod:`.services`), and the layers' age in the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QDialog, QMenu, QScrollArea, QWidget

from naturplan.gui.basemap.controller import BasemapController
from naturplan.gui.basemap.host import BasemapHost
from naturplan.gui.basemap.panel import BasemapPanel, OwnBasemapDialog, TokenDialog, remember_url
from naturplan.gui.basemap.services import DataAges, ServiceActions
from naturplan.io.services.basemaps import basemap_presets


@dataclass
class Services:
    """What :func:`install` added to a window."""

    basemap: BasemapController
    panel: BasemapPanel
    actions: ServiceActions
    ages: DataAges
    menu: QMenu


class _CloseWatcher(QObject):
    def __init__(self, controller: BasemapController, parent: QObject) -> None:
        super().__init__(parent)
        self.controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close:
            self.controller.shutdown()
        return False


def install(window: BasemapHost, restore: bool = True) -> Services:
    """Add the basemap and the service actions to *window*."""
    frame = window.main_window()
    controller = BasemapController(window.canvas, frame.statusBar(), window.settings,
                                   window.lang)
    panel = BasemapPanel(controller)
    window.layers_dock.widget().layout().addWidget(panel)
    actions = ServiceActions(window)
    file_menu = window.menu("file")
    first = file_menu.actions()[1] if len(file_menu.actions()) > 1 else None
    file_menu.insertAction(first, actions.act_fetch)
    file_menu.insertAction(first, actions.act_refresh)
    menu = _basemap_menu(window, controller, panel)
    ages = DataAges(window)
    _add_to_dashboard(window.dashboard_dock, ages)
    frame.installEventFilter(_CloseWatcher(controller, frame))
    if restore:
        controller.restore()
    return Services(controller, panel, actions, ages, menu)


def _add_to_dashboard(dock: QWidget, widget: QWidget) -> None:
    scroll = dock.widget()
    body = scroll.widget() if isinstance(scroll, QScrollArea) else scroll
    layout = body.layout() if body is not None else None
    if layout is None:
        return
    layout.insertWidget(max(layout.count() - 1, 0), widget)  # above the closing stretch


def _basemap_menu(window: BasemapHost, controller: BasemapController,
                  panel: BasemapPanel) -> QMenu:
    menu = window.menu("view").addMenu(panel.tr("Basemap"))
    menu.setObjectName("basemap_menu")
    group = QActionGroup(menu)
    entries = [("none", panel.tr("None"))] + [
        (name, preset.title_for(window.lang)) for name, preset in basemap_presets().items()]
    for spec, title in entries:
        action = QAction(title, menu)
        action.setCheckable(True)
        action.setData(spec)
        action.triggered.connect(lambda _=False, s=spec: (controller.set_basemap(s),
                                                          panel.refresh()))
        group.addAction(action)
        menu.addAction(action)

    def follow() -> None:
        for action in group.actions():
            action.setChecked(action.data() == (controller.spec or "none"))

    controller.changed.connect(follow)
    menu.addSeparator()
    own = menu.addAction(panel.tr("Own URL…"))

    def ask_url() -> None:
        dialog = OwnBasemapDialog(window.main_window())
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.url():
            controller.set_basemap(remember_url(window.settings, dialog.url()))
            panel.refresh()

    own.triggered.connect(ask_url)
    token = menu.addAction(panel.tr("Dataforsyningen token…"))
    token.triggered.connect(lambda: TokenDialog(window.main_window(), lang=window.lang).exec())
    clear = menu.addAction(panel.tr("Empty the tile cache"))
    clear.triggered.connect(lambda: (controller.cache.clear(),
                                     window.show_status(panel.tr("The tile cache is empty."),
                                                        4000)))
    return menu
