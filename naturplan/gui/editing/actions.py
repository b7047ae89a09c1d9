"""The editing side of the main window: tools, the "Redigering" toolbar, project menu,
undo history, candidate table, the candidates layer and the ledger on the dashboard.

Kept out of ``main_window.py`` so that each stays small; :class:`EditActions` is created once
by the window and wires the :class:`~naturplan.gui.editing.session.EditSession` to the widgets.
It knows the window only as an :class:`~naturplan.gui.editing.host.EditHost` (the main window
imports this package, never the other way round).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import geopandas as gpd
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFileDialog,
    QMenu,
    QMessageBox,
    QUndoView,
)

from naturplan.core.layers.layer import VectorLayer
from naturplan.core.plan.candidates import CandidateKind
from naturplan.core.plan.rows import RowUpdate, candidates_layer, frame_after
from naturplan.gui.editing.candidate_table import CandidateTableDock
from naturplan.gui.editing.edit_tools import DrawPolygonTool, SplitTool
from naturplan.gui.editing.host import EditHost
from naturplan.gui.editing.importing import FILE_FILTER as IMPORT_FILTER
from naturplan.gui.editing.importing import CandidateImporter, ImportChoice
from naturplan.gui.editing.select_tools import MoveTool, SelectTool, VertexTool
from naturplan.gui.editing.session import EditSession
from naturplan.gui.icons import icon
from naturplan.gui.map.overlays import paint_selection
from naturplan.text.labels import kind_label

PROJECT_FILTER = "naturplan project (*.gpkg)"  # translated where shown (EditActions)


class EditActions(QObject):
    """Editing actions, tools and docks of the *host* window (see the module docstring)."""

    def __init__(self, host: EditHost) -> None:
        super().__init__(host.main_window())
        self.host = host
        self.window = host.main_window()
        self.session = EditSession(host.undo_stack, host.settings, self, lang=host.lang)
        #: The frame of the last candidate layer handed to the host (rows in plan order).
        self._frame: gpd.GeoDataFrame | None = None
        self.importer = CandidateImporter(self.session, self.window, host.show_status)
        canvas = host.canvas
        self.draw_tool = DrawPolygonTool(canvas, self.session)
        self.split_tool = SplitTool(canvas, self.session)
        self.select_tool = SelectTool(canvas, self.session)
        self.move_tool = MoveTool(canvas, self.session)
        self.vertex_tool = VertexTool(canvas, self.session)
        canvas.overlays.append(self._paint_selection)
        self._build_actions()
        self._build_docks()
        self._build_menus()
        s = self.session
        s.error.connect(self._show_error)
        s.message.connect(lambda text: host.show_status(text, 15000))
        s.plan_edited.connect(self._plan_edited)
        s.candidates_changed.connect(self._candidates_changed)
        s.project_changed.connect(self._project_changed)
        s.selection.changed.connect(canvas.update)
        s.selection.changed.connect(self._update_enabled)
        host.undo_stack.indexChanged.connect(lambda _i: self.update_title())
        self._update_enabled()

    # -- construction -----------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Any, shortcut: Any = None,
                checkable: bool = False, tip: str = "") -> QAction:
        action = self.host.make_action(name, text, slot, shortcut, checkable)
        if tip:
            action.setToolTip(f"{text} – {tip}")
            action.setStatusTip(tip)
        return action

    def _tool_action(self, name: str, text: str, tool: Any, shortcut: str, tip: str) -> QAction:
        action = self._action(name, text, lambda: self.host.canvas.set_tool(tool),
                              shortcut, True, tip)
        self.host.tool_group.addAction(action)
        return action

    def _build_actions(self) -> None:
        w = self.window
        stack = self.host.undo_stack
        self.act_undo = stack.createUndoAction(self, self.tr("Undo"))
        self.act_undo.setShortcuts([QKeySequence("Ctrl+Z")])
        self.act_undo.setIcon(icon("undo"))
        self.act_redo = stack.createRedoAction(self, self.tr("Redo"))
        self.act_redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.act_redo.setIcon(icon("redo"))
        self.act_select = self._tool_action(
            "select", self.tr("Select"), self.select_tool, "V",
            self.tr("click an area; Shift-click adds to the selection"))
        self.act_draw = self._tool_action(
            "draw_polygon", self.tr("Draw candidate area"), self.draw_tool, "D",
            self.tr("click the corners; double-click or Enter finishes, Backspace removes "
                    "the last point, Esc cancels"))
        self.act_vertex = self._tool_action(
            "vertex_edit", self.tr("Edit vertices"), self.vertex_tool, "E",
            self.tr("drag a vertex; double-click an edge adds one; right-click removes one"))
        self.act_move = self._tool_action(
            "move", self.tr("Move area"), self.move_tool, "M", self.tr("drag an area"))
        self.act_split = self._tool_action(
            "split", self.tr("Split by line"), self.split_tool, "",
            self.tr("draw a line across the area; double-click or Enter finishes"))
        self.act_delete = self._action("delete", self.tr("Delete area"), self.delete_pressed,
                                       QKeySequence.StandardKey.Delete)
        self.act_merge = self._action("merge", self.tr("Merge two areas"), self.merge_selected,
                                      tip=self.tr("select two areas first"))
        self.act_snap = self._action("snap", self.tr("Snapping"), self._set_snapping, "S",
                                     True, self.tr("snap to parcels, §3 nature and other areas"))
        self.act_snap.setChecked(self.session.snapping)
        self.act_trace = self._action("trace", self.tr("Trace boundaries"), self._set_tracing,
                                      "T", True, self.tr(
                                          "two clicks on one parcel or §3 boundary follow it "
                                          "(or hold Shift while clicking)"))
        self.act_avoid = self._action("avoid_overlap", self.tr("Avoid overlap"),
                                      self._set_avoid, None, True,
                                      self.tr("clip a new area against the existing ones"))
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("kind_box")
        self.kind_box.setToolTip(self.tr("Kind of the next area drawn"))
        for kind in CandidateKind:
            self.kind_box.addItem(icon(f"kind_{kind.value}"), kind_label(kind, self.host.lang),
                                  kind.value)
        self.kind_box.currentIndexChanged.connect(
            lambda i: setattr(self.session, "kind", CandidateKind(self.kind_box.itemData(i))))
        self.act_new = self._action("project_new", self.tr("New project"), self.new_project,
                                    QKeySequence.StandardKey.New)
        self.act_open = self._action("project_open", self.tr("Open project…"),
                                     self.open_project_dialog, "Ctrl+Shift+O")
        self.act_import = self._action("import_candidates", self.tr("Import candidate areas…"),
                                       self.import_dialog)
        self.act_save_as = self._action("project_save_as", self.tr("Save project as…"),
                                        self.save_as_dialog, QKeySequence.StandardKey.SaveAs)

        bar = w.addToolBar(self.tr("Editing"))
        bar.setObjectName("edit_toolbar")
        for item in (self.act_undo, self.act_redo, None, self.act_select, self.act_draw,
                     self.kind_box, self.act_vertex, self.act_move, self.act_split,
                     self.act_merge, self.act_delete, None, self.act_snap, self.act_trace,
                     self.act_avoid):
            if item is None:
                bar.addSeparator()
            elif isinstance(item, QAction):
                bar.addAction(item)
            else:
                bar.addWidget(item)
        self.toolbar = bar

    def _build_docks(self) -> None:
        w = self.window
        self.table_dock = CandidateTableDock(self.session, self.host.canvas, w)
        self.history_dock = QDockWidget(self.tr("Undo history"), w)
        self.history_dock.setObjectName("history_dock")
        self.undo_view = QUndoView(self.host.undo_stack)
        self.undo_view.setEmptyLabel(self.tr("<project opened>"))
        self.history_dock.setWidget(self.undo_view)
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        w.addDockWidget(bottom, self.table_dock)
        w.addDockWidget(bottom, self.history_dock)
        w.resizeDocks([self.table_dock, self.history_dock], [900, 280],
                      Qt.Orientation.Horizontal)
        w.resizeDocks([self.table_dock], [190], Qt.Orientation.Vertical)

    def _build_menus(self) -> None:
        file_menu = self.host.menu("file")
        first = file_menu.actions()[0] if file_menu.actions() else None
        for action in (self.act_new, self.act_open, self.act_save_as, self.act_import):
            file_menu.insertAction(first, action)
        self.recent_menu = QMenu(self.tr("Recent projects"), file_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.insertMenu(first, self.recent_menu)
        file_menu.insertSeparator(first)
        edit_menu = self.host.menu("edit")
        for item in (self.act_undo, self.act_redo, None, self.act_select, self.act_draw,
                     self.act_vertex, self.act_move, self.act_split, self.act_merge,
                     self.act_delete, None, self.act_snap, self.act_trace, self.act_avoid):
            edit_menu.addSeparator() if item is None else edit_menu.addAction(item)
        view_menu = self.host.menu("view")
        for dock in (self.table_dock, self.history_dock):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addAction(self.toolbar.toggleViewAction())

    # -- toggles and actions ------------------------------------------------------------
    def _set_snapping(self, on: bool) -> None:
        self.session.snapping = bool(on)
        state = self.tr("on") if on else self.tr("off")
        self.host.show_status(self.tr("Snapping %1").replace("%1", state), 3000)

    def _set_tracing(self, on: bool) -> None:
        self.session.tracing = bool(on)

    def _set_avoid(self, on: bool) -> None:
        self.session.avoid_overlap = bool(on)

    def delete_pressed(self) -> None:
        """Delete: the hovered vertex in vertex mode, else the selected areas."""
        canvas = self.host.canvas
        if canvas.tool is self.vertex_tool and self.vertex_tool.hover is not None:
            self.vertex_tool.delete_vertex(self.vertex_tool.hover)
        elif self.session.selection.ids:
            self.session.delete(list(self.session.selection.ids))

    def merge_selected(self) -> None:
        self.session.merge(list(self.session.selection.ids))

    def _update_enabled(self) -> None:
        n = len(self.session.selection.ids)
        self.act_delete.setEnabled(n > 0 or self.host.canvas.tool is self.vertex_tool)
        self.act_merge.setEnabled(n == 2)

    def _show_error(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)

    # -- projects ---------------------------------------------------------------------
    def new_project(self) -> None:
        self.session.new_project()

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), "",
                                              self.tr(PROJECT_FILTER))
        if path:
            self.session.open_project(path)

    def save_as_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project as"), "",
                                              self.tr(PROJECT_FILTER))
        if path:
            if not path.endswith(".gpkg"):
                path += ".gpkg"
            self.session.save_as(path)

    def import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Import candidate areas"), "", IMPORT_FILTER)
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, choice: ImportChoice | None = None) -> bool:
        """Import the polygons of *path* as candidates: one command (see
        :mod:`naturplan.gui.editing.importing`); *choice* None asks with the dialog."""
        return self.importer.run(path, choice)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.session.recent():
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.session.open_project(p))
        self.recent_menu.setEnabled(True)

    def update_title(self) -> None:
        s = self.session
        if s.store is None:
            self.window.setWindowTitle(self.tr("naturplan – nature planning"))
            return
        name = s.label
        if s.unsaved:
            name = self.tr("%1 (not saved under a name yet)").replace("%1", name)
        edits = self.host.undo_stack.index()
        text = self.tr("%1 – %2 edits, all saved – naturplan") if edits != 1 else \
            self.tr("%1 – 1 edit, saved – naturplan")
        self.window.setWindowTitle(text.replace("%1", name).replace("%2", str(edits)))

    def _project_changed(self) -> None:
        self.update_title()
        self.table_dock.model.set_plan(self.session.plan)

    # -- plan → map and dashboard --------------------------------------------------------
    def candidates_layer(self, frame: gpd.GeoDataFrame | None = None) -> VectorLayer:
        """The candidates as a map layer (of *frame*, by default the plan's candidates)."""
        self._frame = self.session.candidates_frame() if frame is None else frame
        return candidates_layer(self._frame, self.session.path or Path("project"),
                                self.tr("Candidate areas drawn in this project"))

    def _candidates_changed(self, update: RowUpdate) -> None:
        """The map's candidate layer follows the edit: the kept rows move over, only the
        touched candidates are built (``frame_after``, ``set_candidates_layer(kept=)``)."""
        layer = self.candidates_layer(frame_after(self._frame, update))
        self.host.set_candidates_layer(layer, None if update.everything else update.kept)

    def _plan_edited(self) -> None:
        result = self.session.ledger_result()
        if result is not None:
            self.host.show_ledger(result)
        self.table_dock.model.refresh_gains()
        self._update_enabled()
        self.host.canvas.update()

    def _paint_selection(self, painter: QPainter) -> None:
        plan = self.session.plan
        if plan is None or not self.session.selection.ids:
            return
        geoms = [plan.get(i).geometry for i in self.session.selection.ids if i in plan]
        paint_selection(painter, self.host.canvas.view, geoms)
