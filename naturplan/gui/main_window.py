"""The main window: the map in the centre, docks around it, loading in the background."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QToolBar,
    QWidget,
)

from naturplan.core.errors import FieldMappingError, NaturplanError
from naturplan.core.layers.dataset import DEFAULT_PROTECTED_ROLES, Dataset
from naturplan.core.layers.layer import Layer, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.core.plan.ledger import LedgerResult
from naturplan.core.share.protected import ProtectedIndex, ProtectedShare
from naturplan.core.share.targets import targets_for
from naturplan.gui.add_layer import RoleDialog, ask_field_mapping
from naturplan.gui.analysis.actions import install_analysis
from naturplan.gui.basemap import install as install_services
from naturplan.gui.dashboard import DashboardDock
from naturplan.gui.editing.actions import EditActions
from naturplan.gui.editing.measure_tool import install_measure_tools
from naturplan.gui.export.actions import install_export_actions
from naturplan.gui.help import build_help_menu, menu_actions
from naturplan.gui.icons import icon
from naturplan.gui.identify import IdentifyDock, identify_at, tolerance_m
from naturplan.gui.layer_actions import install_layer_actions
from naturplan.gui.map.canvas import MapCanvas
from naturplan.gui.map.map_layers import MapLayerList
from naturplan.gui.map.tools import IdentifyTool, PanTool
from naturplan.gui.panels import LayersDock, LegendDock
from naturplan.gui.parcels.controller import ParcelController
from naturplan.gui.team.actions import TeamActions
from naturplan.gui.workers import Task
from naturplan.io.loading import LayerRequest, load_layer
from naturplan.io.neighbours import neighbour_layer
from naturplan.io.project.settings import (
    record,
    request_from_settings,
    settings_from_request,
)
from naturplan.io.project.settings_model import read_settings
from naturplan.io.styles import load_style, load_styles
from naturplan.io.workspace import Loaded as LoadedRequest
from naturplan.io.workspace import Workspace
from naturplan.render import MapView, RenderItem
from naturplan.text.i18n import error_text
from naturplan.text.numbers import format_number

SETTINGS_VERSION = 1
#: What the load worker hands the window: the dataset, its share and index, and the
#: backdrop layers with their styles (the neighbouring municipalities).
Loaded = tuple[Dataset, ProtectedShare, ProtectedIndex, list[tuple[Layer, Any]]]
FILE_FILTER = "GIS (*.gpkg *.geojson *.json *.shp *.gml *.tif *.tiff);;*"


class MainWindow(QMainWindow):
    """naturplan's window. ``dataset`` is None until the first load succeeds."""

    def __init__(self, settings: QSettings, lang: str = "da",
                 roles: tuple[Role, ...] = DEFAULT_PROTECTED_ROLES,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.lang = lang
        #: The shared state without Qt: dataset, share, roles, the project (issue 21 §3).
        self.workspace = Workspace(roles)
        self.styles = load_styles()
        #: The muted land around the municipality (not a role: styles/neighbours.toml).
        self.neighbour_style = load_style("neighbours")
        self.task: Task | None = None
        #: Every edit is one command on this stack (issue 4, see gui/editing/commands.py).
        self.undo_stack = QUndoStack(self)
        #: The project's candidate areas (issue 4), drawn in the candidates style.
        self.candidates_layer: VectorLayer | None = None
        self.setWindowTitle(self.tr("naturplan – nature planning"))
        self.setWindowIcon(icon("app"))
        self.layers = MapLayerList(self)
        self.canvas = MapCanvas(self.layers, self)
        self.canvas.lang = lang
        self.canvas.renderer.lang = lang
        self.setCentralWidget(self.canvas)
        self.pan_tool = PanTool(self.canvas)
        self.identify_tool = IdentifyTool(self.canvas)
        self.identify_tool.identified.connect(self.identify)
        self._build_docks()
        self._build_actions()
        self._build_status()
        #: The case worker's parcel search and card (issue 9).
        self.parcels = ParcelController(self, self.canvas, self.map_toolbar, settings,
                                        self.styles, lang)
        self.tabifyDockWidget(self.dashboard_dock, self.parcels.dock)
        self.dashboard_dock.raise_()
        self.view_menu.addAction(self.parcels.dock.toggleViewAction())
        self.map_menu.addAction(self.parcels.find_action)
        self.editing = EditActions(self)
        self.exports = install_export_actions(self)  # File → Eksportér kort… (issue 10)
        self.session = self.editing.session
        self.measure_tools = install_measure_tools(self)  # distance and area (issue 20)
        self.act_measure_distance, self.act_measure_area = (
            tool.action for tool in self.measure_tools)
        self.attribute_table = install_layer_actions(self)  # context menu, attribute table
        self.team = TeamActions(self, self.session)  # team projects in PostGIS (issue 13)
        self.analysis = install_analysis(self)  # what each candidate does (issue 11)
        #: What is drawn under the dataset's layers (the neighbouring municipalities).
        self.backdrop: list[tuple[Layer, Any]] = []
        self.workspace.follow_project(self.session)
        self.workspace.dataset_changed.connect(self._dataset_changed)
        self.workspace.share_changed.connect(self._share_changed)
        self.session.project_changed.connect(self._project_opened)
        self.canvas.cursor_moved.connect(self._show_cursor)
        self.canvas.view_changed.connect(self._show_scale)
        self.canvas.rendering_changed.connect(self._show_rendering)
        self.canvas.frame_failed.connect(self._show_frame_failed)
        self.layers.changed.connect(self._update_watermark)
        self.canvas.frame_ready.connect(self._show_layer_errors)
        self._restore_settings()
        #: The basemap, layers from web services and their age (issue 12: gui/basemap/).
        self.services = install_services(self)
        self._shortcuts_everywhere()
        #: Last on the menu bar (add other menus before this line).
        self.help_menu, self.help_dialog = build_help_menu(self)

    def _shortcuts_everywhere(self) -> None:
        """Register every action that has a shortcut on the window itself, so its key works
        wherever the focus is in the window (a dock, the layer list) and whether or not its
        toolbar or menu is shown."""
        menus = [a.menu() for a in self.menuBar().actions() if isinstance(a.menu(), QMenu)]
        bars = [a for bar in self.findChildren(QToolBar) for a in bar.actions()]
        for action in [*menu_actions(menus), *bars]:
            if not action.shortcut().isEmpty() and action not in self.actions():
                action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
                self.addAction(action)

    # -- construction -----------------------------------------------------------------
    def _build_docks(self) -> None:
        self.layers_dock = LayersDock(self.layers, self)
        self.legend_dock = LegendDock(self.layers, self)
        self.dashboard_dock = DashboardDock(self)
        self.identify_dock = IdentifyDock(self)
        for dock in (self.layers_dock, self.legend_dock, self.dashboard_dock, self.identify_dock):
            dock.lang = self.lang
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.addDockWidget(left, self.layers_dock)
        self.addDockWidget(left, self.legend_dock)
        self.addDockWidget(right, self.dashboard_dock)
        self.addDockWidget(right, self.identify_dock)
        self.resizeDocks([self.layers_dock, self.dashboard_dock], [290, 330],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.layers_dock, self.legend_dock, self.dashboard_dock,
                          self.identify_dock], [580, 190, 520, 230], Qt.Orientation.Vertical)

    def _action(self, name: str, text: str, slot: Any, shortcut: Any = None,
                checkable: bool = False) -> QAction:
        action = QAction(icon(name), text, self)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        return action

    # -- the editing side's host (gui.editing.host.EditHost) --------------------------
    def main_window(self) -> QMainWindow:
        return self

    def make_action(self, name: str, text: str, slot: Any, shortcut: Any = None,
                    checkable: bool = False) -> QAction:
        return self._action(name, text, slot, shortcut, checkable)

    def menu(self, name: str) -> QMenu:
        return {"file": self.file_menu, "edit": self.edit_menu, "view": self.view_menu,
                "map": self.map_menu}[name]

    def show_status(self, text: str, msecs: int = 0) -> None:
        self.statusBar().showMessage(text, msecs)

    def set_candidates_layer(self, layer: VectorLayer, kept: NDArray[np.intp] | None = None
                             ) -> None:
        self.parcels.set_candidates(layer)
        old, self.candidates_layer = self.candidates_layer, layer
        if old is not None and any(e.layer is old for e in self.layers):
            if kept is not None:  # the shapes of the unchanged candidates move over
                self.canvas.renderer.carry_over(old, layer, kept)
            self.layers.replace_layer(old, layer)
            self.canvas.renderer.forget(old)

    def show_ledger(self, result: LedgerResult) -> None:
        self.dashboard_dock.set_ledger(result, self.lang)

    def _build_actions(self) -> None:
        self.act_add = self._action("add_layer", self.tr("Add layer…"), self.add_layer_dialog,
                                    QKeySequence.StandardKey.Open)
        self.act_pan = self._action("pan", self.tr("Pan"),
                                    lambda: self.canvas.set_tool(self.pan_tool), "P", True)
        self.act_identify = self._action(
            "identify", self.tr("Identify"),
            lambda: self.canvas.set_tool(self.identify_tool), "I", True)
        tools = QActionGroup(self)
        self.tool_group = tools
        for action in (self.act_pan, self.act_identify):
            tools.addAction(action)
        self.act_identify.setChecked(True)
        self.canvas.set_tool(self.identify_tool)
        self.act_zoom_in = self._action("zoom_in", self.tr("Zoom in"),
                                        lambda: self.canvas.zoom_by(1.5625))
        self.act_zoom_out = self._action("zoom_out", self.tr("Zoom out"),
                                         lambda: self.canvas.zoom_by(0.64))
        self.act_home = self._action("zoom_municipality", self.tr("Zoom to municipality"),
                                     self.canvas.zoom_home, "Home")
        self.act_zoom_layer = self._action("zoom_layer", self.tr("Zoom to layer"),
                                           self.zoom_to_current_layer)
        self.act_remove_layer = self._action("delete", self.tr("Remove layer"),
                                             self.remove_current_layer)
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        bar = self.map_toolbar = self.addToolBar(self.tr("Map"))
        bar.setObjectName("map_toolbar")
        for action in (self.act_add, None, self.act_pan, self.act_identify, None,
                       self.act_zoom_in, self.act_zoom_out, self.act_home, self.act_zoom_layer):
            bar.addSeparator() if action is None else bar.addAction(action)

        menu = self.menuBar()
        file_menu = self.file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self.act_add)
        file_menu.addAction(self.act_remove_layer)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        self.edit_menu = menu.addMenu(self.tr("&Edit"))
        map_menu = self.map_menu = menu.addMenu(self.tr("&Map"))
        for action in (self.act_pan, self.act_identify, None, self.act_zoom_in,
                       self.act_zoom_out, self.act_home, self.act_zoom_layer):
            map_menu.addSeparator() if action is None else map_menu.addAction(action)
        view_menu = self.view_menu = menu.addMenu(self.tr("&View"))
        for dock in (self.layers_dock, self.legend_dock, self.dashboard_dock, self.identify_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addAction(bar.toggleViewAction())
        view_menu.addSeparator()
        self.act_scale_bar = self._toggle(self.tr("Scale bar"), "show_scale_bar")
        self.act_north_arrow = self._toggle(self.tr("North arrow"), "show_north_arrow")
        self.act_labels = self._toggle(self.tr("Labels"), "show_labels", render=True)
        for action in (self.act_scale_bar, self.act_north_arrow, self.act_labels):
            view_menu.addAction(action)

    def _toggle(self, text: str, attribute: str, render: bool = False) -> QAction:
        """A checkable View-menu entry that shows or hides a piece of map furniture (with
        *render*: something drawn in the frame, which is then drawn again)."""
        action = QAction(text, self)
        action.setObjectName(f"action_{attribute}")
        action.setCheckable(True)
        action.setChecked(bool(getattr(self.canvas, attribute)))

        def toggled(on: bool) -> None:
            setattr(self.canvas, attribute, bool(on))
            self.settings.setValue(f"map/{attribute}", bool(on))
            self.canvas.update()
            if render:
                self.canvas.request_render()

        action.toggled.connect(toggled)
        return action

    def _build_status(self) -> None:
        status = self.statusBar()
        self.loading_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(180)
        self.cancel_button = QPushButton(icon("cancel"), self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_loading)
        self.coords_label = QLabel()
        self.coords_label.setMinimumWidth(260)
        self.scale_label = QLabel()
        self.scale_label.setMinimumWidth(110)
        status.addWidget(self.loading_label, 1)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.coords_label)
        status.addPermanentWidget(self.scale_label)
        self._set_busy(False)

    # -- settings ---------------------------------------------------------------------
    def _restore_settings(self) -> None:
        for action, key in ((self.act_scale_bar, "map/show_scale_bar"),
                            (self.act_north_arrow, "map/show_north_arrow"),
                            (self.act_labels, "map/show_labels")):
            action.setChecked(self.settings.value(key, True, bool))
        if self.settings.value("window/version", 0, int) != SETTINGS_VERSION:
            self.resize(1400, 880)
            return
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state, SETTINGS_VERSION)

    def save_settings(self) -> None:
        self.settings.setValue("window/version", SETTINGS_VERSION)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState(SETTINGS_VERSION))
        self.settings.sync()

    # -- the workspace's state under the names the window had (read-only) --------------
    @property
    def dataset(self) -> Dataset | None:
        """The loaded dataset (None until the first load succeeds)."""
        return self.workspace.dataset

    @property
    def share(self) -> ProtectedShare | None:
        return self.workspace.share

    @property
    def protected_roles(self) -> tuple[Role, ...]:
        return self.workspace.roles

    @property
    def loaded(self) -> LoadedRequest | None:
        """The request and protected roles of the loaded dataset (recorded in the project)."""
        return self.workspace.loaded

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.canvas.tool.cancel()  # a half-drawn shape was never an edit
        self.session.close()  # every edit is already committed; this only closes the file
        self.analysis.shutdown()
        self.save_settings()
        self.cancel_loading()
        if self.task is not None:
            self.task.wait(10_000)
        self.parcels.shutdown()
        self.canvas.shutdown()
        super().closeEvent(event)

    # -- loading ----------------------------------------------------------------------
    def _set_busy(self, busy: bool, message: str = "") -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.loading_label.setText(message)
        if busy:
            self.progress.setValue(0)

    def run_task(self, job: Any, on_success: Any, message: str, on_error: Any = None) -> Task:
        """Run *job* ``(progress, cancelled)`` in the window's one background task (a running
        one is cancelled first) with *message* and the progress bar in the status bar; its
        result goes to *on_success*, an error to *on_error* (default: :meth:`show_error`)."""
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.task.wait()
        task = Task(job, self)
        self.task = task
        task.progress.connect(self._on_progress)
        task.succeeded.connect(on_success)
        task.failed.connect(on_error or self.show_error)
        task.cancelled.connect(lambda: self.statusBar().showMessage(self.tr("Cancelled"), 4000))
        task.done.connect(lambda: self._set_busy(False))
        self._set_busy(True, message)
        task.start()
        return task

    def _on_progress(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.loading_label.setText(self.tr("Loading: %1").replace("%1", message))

    def cancel_loading(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()

    def load_dataset(self, request: Any, wait: bool = False) -> None:
        """Open *request* (a DatasetRequest) in the background; *wait* blocks until done."""
        from naturplan.io.datasets import open_dataset

        roles = self.protected_roles
        size = (max(self.canvas.width(), 400), max(self.canvas.height(), 300))
        renderer, styles = self.canvas.renderer, self.styles

        neighbour_style = self.neighbour_style

        def job(progress: Any, cancelled: Any) -> Loaded:
            # Large layers of the roles not measured as protected (the national parcels)
            # are read per map window (issue 24 §2), not whole.
            windowed = frozenset(Role) - {Role.MUNICIPALITY, *roles}
            dataset = open_dataset(request, progress, cancelled, windowed=windowed)
            progress(1.0, self.tr("protected share"))
            share, index = dataset.protected(roles, targets_for(dataset.municipality.code))
            progress(1.0, self.tr("preparing the map"))
            neighbours = neighbour_layer(dataset.municipality)
            backdrop = [] if neighbours is None else [(neighbours, neighbour_style)]
            home = MapView.fit(dataset.municipality.geometry.bounds, *size)
            renderer.prewarm(home, [RenderItem(layer, style) for layer, style in backdrop]
                             + [RenderItem(layer, styles[layer.role]) for layer in dataset.layers])
            return dataset, share, index, backdrop

        def loaded(result: Loaded) -> None:
            self.workspace.loaded = (request, tuple(roles))
            self._set_dataset(result)

        self.dashboard_dock.show_loading()
        if wait:
            loaded(job(lambda f, m: None, lambda: False))
            return
        self.run_task(job, loaded, self.tr("Loading layers…"))

    def _set_dataset(self, result: Loaded) -> None:
        dataset, share, index, self.backdrop = result
        self.workspace.set_dataset(dataset, share, index)

    def _dataset_changed(self, dataset: Dataset) -> None:
        """The workspace has a new dataset: show it (map, dashboard, editing, analysis)."""
        if self.session.plan is None:
            # The sample (or any dataset) opens with a new empty project (gui/editing/session.py).
            self.session.new_project()
        self.candidates_layer = self.editing.candidates_layer()
        self.layers.set_layers([*dataset.layers, self.candidates_layer], self.styles,
                               self.backdrop)
        self.canvas.home_bounds = tuple(dataset.municipality.geometry.bounds)
        self.canvas.zoom_home()
        self.dashboard_dock.set_dataset(dataset)  # its notices follow the layers (issue 7)
        share, index = self.workspace.share, self.workspace.index
        if share is not None and index is not None:  # set with the dataset
            self._share_changed(share, index)
        self.parcels.set_candidates(self.candidates_layer)
        self.parcels.set_dataset(dataset)
        self._record_in_project()
        self.statusBar().showMessage(
            self.tr("%1 layers loaded").replace("%1", str(len(self.layers))), 5000)

    def _record_in_project(self) -> None:
        """Write what the plan is measured against into a project that has no record yet."""
        store = self.session.store
        if store is None or self.loaded is None:
            return
        try:
            if read_settings(store).plan is None:
                record(store, *self.loaded)
        except (NaturplanError, OSError) as exc:
            self.show_error(exc)

    def _project_opened(self) -> None:
        """A project measured against other layers brings them along: reload its dataset."""
        store = self.session.store
        if store is None or self.loaded is None or self.dataset is None:
            return  # at start-up the command line already chose the project's layers
        try:
            wanted = read_settings(store).plan
            if wanted is None:
                self._record_in_project()
                return
            if wanted == settings_from_request(*self.loaded):
                return
            request, roles = request_from_settings(wanted)
        except (NaturplanError, OSError) as exc:
            self.show_error(exc)
            return
        self.workspace.roles = roles
        self.load_dataset(request)

    def _share_changed(self, share: ProtectedShare, index: ProtectedIndex) -> None:
        """The protected share was measured (a load, a protected layer added or removed)."""
        dataset = self.workspace.dataset
        if dataset is None:
            return
        self._set_share(share)
        from naturplan.usecases.municipalities import dashboard_lines

        self.dashboard_dock.set_municipalities(dashboard_lines(dataset, index, self.lang))
        self.session.set_dataset(dataset, share, index)
        self.analysis.set_dataset(dataset, share, index, self.workspace.roles)

    def _set_share(self, share: ProtectedShare) -> None:
        by_name = {role.value: style for role, style in self.styles.items()}
        synthetic = self.dataset is not None and any(
            layer.source.synthetic for role in self.protected_roles
            for layer in self.dataset.by_role(role))
        self.dashboard_dock.set_share(share, by_name, self.lang, synthetic)

    def _update_watermark(self) -> None:
        """A discreet note on the map while a synthetic layer is shown on it."""
        shown = any(entry.visible and entry.layer.source.synthetic for entry in self.layers)
        self.canvas.watermark = self.tr("Synthetic sample – not real data") if shown else ""
        self.canvas.update()

    def show_error(self, error: BaseException) -> None:
        """A dialog with the reason in the user's language; the app keeps working."""
        QMessageBox.warning(self, self.tr("Could not load"), error_text(error, self.lang))

    # -- adding a layer ---------------------------------------------------------------
    def add_layer_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add layer"), "", FILE_FILTER)
        if not path:
            return
        dialog = RoleDialog(Path(path).name, self.styles, self.lang, self)
        if dialog.exec() != RoleDialog.DialogCode.Accepted:
            return
        self.add_layer(LayerRequest(dialog.chosen_role(), Path(path),
                                    assume_crs=dialog.assume_crs()))

    def add_layer(self, request: LayerRequest) -> Task:
        """Load *request* in the background and put it on the map (and in the dataset)."""
        def job(progress: Any, cancelled: Any) -> Layer:
            progress(0.1, request.path.name)
            return load_layer(request)

        def failed(error: BaseException) -> None:
            if isinstance(error, FieldMappingError) and request.fields is None:
                self._ask_field_mapping(request, error)
            else:
                self.show_error(error)

        return self.run_task(job, self.add_loaded_layer, self.tr("Loading layer…"), failed)

    def _ask_field_mapping(self, request: LayerRequest, error: FieldMappingError) -> None:
        try:
            mapped = ask_field_mapping(request, error, self.lang, self)
        except NaturplanError as exc:
            self.show_error(exc)
            return
        if mapped is not None:
            self.add_layer(mapped)

    def add_loaded_layer(self, layer: Layer) -> None:
        """Put a layer just loaded on the map and into the dataset (snapping, the share and
        the parcel card follow)."""
        self.layers.add(layer, self.styles[layer.role])
        if self.dataset is not None:
            self.dataset.add(layer)
            if layer.role in (Role.PARCELS, Role.NATURE_P3):
                self.session.set_snap_sources(self.dataset)
            if layer.role in self.protected_roles:
                self.refresh_share(then=lambda: self._tell_about(layer))
            else:
                self._tell_about(layer)
            self.parcels.set_dataset(self.dataset)

    def _tell_about(self, layer: Layer) -> None:
        """The dashboard's notices about a layer just added, in the status bar."""
        sentences = self.dashboard_dock.sentences_about(layer)
        if sentences:
            self.statusBar().showMessage("  ".join(sentences), 30_000)

    def remove_current_layer(self) -> None:
        """Take the layer selected in the layer panel off the map and out of the dataset."""
        self.remove_layer(self.layers_dock.current_layer())

    def remove_layer(self, layer: Layer | None) -> None:
        """Take *layer* off the map and out of the dataset.

        The municipality (every share is measured in it) and the project's candidates stay.
        """
        if layer is None or self.dataset is None:
            return
        known = any(other is layer for other in self.dataset.layers)
        if layer.role in (Role.MUNICIPALITY, Role.CANDIDATES) or not known:
            self.statusBar().showMessage(
                self.tr("The municipality and the candidate areas cannot be removed."), 5000)
            return
        self.dataset.remove(layer)
        self.layers.remove(layer)
        self.canvas.renderer.forget(layer)
        if layer.role in (Role.PARCELS, Role.NATURE_P3):
            self.session.set_snap_sources(self.dataset)
        if layer.role in self.protected_roles:
            self.refresh_share()
        self.parcels.set_dataset(self.dataset)

    def refresh_share(self, then: Any = None) -> None:
        """Measure the protected share again in the background; call *then()* after."""
        dataset, roles = self.dataset, self.protected_roles
        if dataset is None:
            return
        def done(result: tuple[ProtectedShare, ProtectedIndex]) -> None:
            if self.workspace.dataset is not dataset:
                return  # another dataset was loaded meanwhile; its own share is shown
            self.workspace.set_share(*result)
            if then is not None:
                then()

        self.run_task(lambda p, c: dataset.protected(roles, targets_for(dataset.municipality.code)),
                  done, self.tr("Computing the protected share…"))

    # -- map --------------------------------------------------------------------------
    def zoom_to_current_layer(self) -> None:
        layer = self.layers_dock.current_layer()
        if layer is not None:
            self.canvas.zoom_to(tuple(layer.bounds))

    def identify(self, x: float, y: float) -> None:
        hits = identify_at(self.layers, self.canvas.renderer, x, y, self.lang,
                           tolerance_m(self.canvas.view.resolution))
        self.identify_dock.show_hits(x, y, hits, self.lang)
        self.parcels.identify(x, y)

    def _show_cursor(self, x: float, y: float) -> None:
        self.coords_label.setText(
            self.tr("E %1  N %2  (EPSG:25832)")
            .replace("%1", format_number(x, 0, self.lang))
            .replace("%2", format_number(y, 0, self.lang)))

    def _show_scale(self, view: Any) -> None:
        denominator = round(view.scale_denominator, -1)
        self.scale_label.setText(f"1:{format_number(denominator, 0, self.lang)}")

    def _show_frame_failed(self, error: BaseException) -> None:
        self.statusBar().showMessage(self.tr("The map could not be drawn: %1").replace(
            "%1", error_text(error, self.lang)), 15000)

    def _show_layer_errors(self, stats: Any) -> None:
        for name, error in stats.errors.items():
            self.statusBar().showMessage(
                self.tr("Layer %1 could not be drawn: %2").replace("%1", name)
                .replace("%2", error_text(error, self.lang)), 15000)

    def _show_rendering(self, busy: bool) -> None:
        if busy and not self.progress.isVisible():
            self.loading_label.setText(self.tr("Drawing the map…"))
        elif not busy and not self.progress.isVisible():
            self.loading_label.setText("")
