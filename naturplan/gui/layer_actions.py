"""The layer panel's context menu wired to the window, and the attribute table dock
(issue 20 item 6). Kept out of ``main_window.py`` so that each stays small."""

from __future__ import annotations

from typing import Protocol

import numpy as np
from PySide6.QtCore import Qt

from naturplan.core.layers.layer import Layer, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.gui.attribute_table import AttributeTableDock
from naturplan.gui.editing.actions import EditActions
from naturplan.gui.editing.session import EditSession
from naturplan.gui.host import WindowHost
from naturplan.gui.identify import tolerance_m
from naturplan.gui.map.map_layers import MapLayerList
from naturplan.gui.map.tools import IdentifyTool
from naturplan.gui.panels import LayersDock


class LayerActionsHost(WindowHost, Protocol):
    """What the layer menu and the attribute table need of the window: the layers on the
    map and their panel, the edit session (its selection) and candidate table, the identify
    tool (a click selects the row under it), and taking a layer off the map."""

    layers: MapLayerList
    layers_dock: LayersDock
    editing: EditActions
    session: EditSession
    identify_tool: IdentifyTool

    def remove_layer(self, layer: Layer | None) -> None:
        """Take *layer* off the map and out of the dataset."""
        ...


def install_layer_actions(window: LayerActionsHost) -> AttributeTableDock:
    """Connect the layer panel's menu to *window* and add the attribute table dock (hidden
    until a layer's table is opened), tabbed with the candidate table."""
    frame = window.main_window()
    dock = AttributeTableDock(window.canvas, frame)
    dock.lang = window.lang
    frame.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    # Tabbed with the candidate table when first opened: a dock tabified and then hidden at
    # start-up left its group's tab bar standing over the legend.
    window.menu("view").addAction(dock.toggleViewAction())
    panel = window.layers_dock

    def zoom(layer: Layer) -> None:
        window.canvas.zoom_to(tuple(layer.bounds))

    def open_table(layer: Layer) -> None:
        if not isinstance(layer, VectorLayer):
            return
        entry = window.layers[window.layers.index_of(layer)]
        dock.show_layer(layer, entry.style.title.get(window.lang))
        table = window.editing.table_dock
        if table.isVisible() and table not in frame.tabifiedDockWidgets(dock):
            frame.tabifyDockWidget(table, dock)
        dock.show()
        dock.raise_()  # the user asked for it
        selected_candidates()

    def follow() -> None:
        """A layer replaced (the candidates after an edit) or removed."""
        shown = dock.layer
        if shown is None or any(e.layer is shown for e in window.layers):
            return
        same = [e.layer for e in window.layers
                if e.layer.role is shown.role and e.layer.name == shown.name and shown.name]
        dock.follow(same[0] if same and isinstance(same[0], VectorLayer) else None)
        selected_candidates()

    def selected_candidates() -> None:
        """The candidate areas selected on the map (Select tool) → their rows."""
        shown = dock.layer
        if shown is None or shown.role is not Role.CANDIDATES or "id" not in shown.frame:
            return
        ids = set(window.session.selection.ids)
        dock.select_positions(np.flatnonzero(shown.frame["id"].isin(ids).to_numpy()))

    panel.zoom_requested.connect(zoom)
    panel.table_requested.connect(open_table)
    panel.remove_requested.connect(window.remove_layer)
    window.layers.structure_changed.connect(follow)
    window.layers.layer_replaced.connect(lambda old, new: follow())
    window.session.selection.changed.connect(selected_candidates)
    window.identify_tool.identified.connect(
        lambda x, y: dock.select_at(x, y, tolerance_m(window.canvas.view.resolution)))
    return dock
