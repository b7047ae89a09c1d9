"""The layer panel (visibility, order by drag, opacity, source) and the legend."""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSlider,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.layers.layer import Layer, RasterLayer
from naturplan.core.layers.style import FillPattern, LegendEntry, Symbol
from naturplan.gui.layer_delegate import TAG_ROLE, LayerItemDelegate
from naturplan.gui.layer_menu import build_layer_menu
from naturplan.gui.layer_tree import GROUP_ROLE, GROUPS, LAYER_ROLE, LayerTree, TreeItem, group_of
from naturplan.gui.map.map_layers import MapLayer, MapLayerList
from naturplan.render.renderer import make_brush, make_pen

__all__ = ["LAYER_ROLE", "LayersDock", "LegendDock", "swatch"]


def swatch(symbol: Symbol | None, color: str | None = None, opacity: float = 1.0,
           size: int = 18) -> QIcon:
    """A legend patch: the symbol's fill and outline, or a plain ramp colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = QRectF(2, 3, size - 4, size - 6)
    if symbol is not None:
        if symbol.pattern is not FillPattern.SOLID and symbol.pattern is not FillPattern.NONE:
            painter.fillRect(rect, QColor("#ffffff"))
        painter.setBrush(make_brush(symbol))
        pen = make_pen(symbol)
        if pen.style() != Qt.PenStyle.NoPen:
            pen.setWidthF(min(max(symbol.line_width, 1.0), 2.0))
        painter.setPen(pen)
    else:
        fill = QColor(color or "#999999")
        fill.setAlphaF(opacity)
        painter.setBrush(QBrush(fill))
        painter.setPen(QPen(QColor("#777777"), 0.6))
    painter.drawRect(rect)
    painter.end()
    return QIcon(pixmap)


class LayersDock(QDockWidget):
    """Layers top first, grouped by theme (:mod:`naturplan.gui.layer_tree`): a checkbox
    each, drag to reorder inside a group, an opacity slider for the current, and a context
    menu as in QGIS (zoom, attribute table, colour, opacity, remove)."""

    current_layer_changed = Signal(object)  # Layer | None
    zoom_requested = Signal(object)  # Layer
    table_requested = Signal(object)  # VectorLayer
    remove_requested = Signal(object)  # Layer

    def __init__(self, layers: MapLayerList, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Layers"), parent)
        self.setObjectName("layers_dock")
        self.layers = layers
        self.lang = "da"
        self.list = LayerTree()
        self.list.setIconSize(QSize(16, 16))
        # One line per layer, elided in the middle to the panel's width (the tooltip has
        # the whole name and source), never a horizontal scroll bar that hides the ends.
        self.delegate = LayerItemDelegate(self.list)
        self.delegate.compact = True
        self.delegate.heading_role = GROUP_ROLE
        self.list.setItemDelegate(self.delegate)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(0, 100)
        self.opacity_label = QLabel(self.tr("Opacity"))
        self.source_label = QLabel()
        self.source_label.setWordWrap(True)
        self.source_label.setStyleSheet("color: #555;")
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.opacity_label)
        row.addWidget(self.opacity, 1)
        box.addLayout(row)
        box.addWidget(self.source_label)
        self.setWidget(body)
        self._filling = False
        #: The context menu last shown (tests find its actions here).
        self.context_menu: QMenu | None = None
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.reordered.connect(self._on_reordered)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.menu_requested.connect(self.show_context_menu)
        self.opacity.valueChanged.connect(self._on_opacity)
        layers.structure_changed.connect(self.refresh)
        layers.layer_replaced.connect(self._replaced)

    def sample_text(self) -> str:
        return self.tr("synthetic sample")

    def group_titles(self) -> dict[str, str]:
        return {"plan": self.tr("Planning"), "cadastre": self.tr("Cadastre and addresses"),
                "nature": self.tr("Nature"), "climate": self.tr("Climate, forest and water"),
                "background": self.tr("Background")}

    def _entry_text(self, entry: MapLayer) -> str:
        """"name\nsource" (the synthetic tag is the item's :data:`TAG_ROLE`)."""
        return f"{entry.style.title.get(self.lang)}\n{entry.layer.source.label}"

    def refresh(self) -> None:
        """Rebuild the tree from the layers (top layer first, in its theme's group)."""
        self._filling = True
        current = self.current_layer()
        self.list.clear()
        members: dict[str, list[MapLayer]] = {key: [] for key, _t, _r in GROUPS}
        for entry in reversed(list(self.layers)):
            members[group_of(entry.role)].append(entry)
        titles = self.group_titles()
        for key, _title, _roles in GROUPS:
            if not members[key]:
                continue
            head = TreeItem([titles[key]])
            head.setData(GROUP_ROLE, key)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsDropEnabled)
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            self.list.addTopLevelItem(head)
            for entry in members[key]:
                item = self._layer_item(entry)
                head.addChild(item)
                if current is not None and entry.layer is current:
                    self.list.setCurrentItem(item)
            head.setExpanded(True)
        self._filling = False
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentItem(self.list.item(0))
        shown = [item.layer for item in self.list.layer_items() if item.layer is not None]
        self.layers.set_order(list(reversed(shown)))  # the map draws what the panel shows

    def _replaced(self, old: Layer, new: Layer) -> None:
        """The same layer with new data (the candidates after an edit): its row points at
        the new one; nothing else in the tree changes."""
        entry = next((e for e in self.layers if e.layer is new), None)
        if entry is None:
            return
        self._filling = True
        for item in self.list.layer_items():
            if item.layer is old:
                item.setData(LAYER_ROLE, new)
                item.setToolTip(0, self._tooltip(entry))
        self._filling = False

    def _layer_item(self, entry: MapLayer) -> TreeItem:
        item = TreeItem([self._entry_text(entry)])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                      | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
        item.setCheckState(Qt.CheckState.Checked if entry.visible else Qt.CheckState.Unchecked)
        item.setData(LAYER_ROLE, entry.layer)
        item.setData(TAG_ROLE, self.sample_text() if entry.layer.source.synthetic else "")
        item.setToolTip(0, self._tooltip(entry))
        legend = entry.style.legend(raster=isinstance(entry.layer, RasterLayer))
        if legend:
            first = legend[0]
            item.setIcon(0, swatch(first.symbol, first.color, first.opacity, 16))
        if entry.layer.source.synthetic:
            item.setForeground(0, QBrush(QColor("#6a4c00")))
        return item

    def _tooltip(self, entry: MapLayer) -> str:
        source = entry.layer.source
        lines = [
            entry.style.title.get(self.lang),
            source.label,
            self.tr("Role: %1").replace("%1", entry.role.value),
            self.tr("Source: %1").replace("%1", str(source.path)),
            self.tr("Features: %1").replace("%1", str(entry.layer.feature_count)),
            f"CRS: {source.source_crs}",
        ]
        if source.synthetic:
            lines.append(self.tr("Synthetic sample data, not real data."))
        if source.description:
            lines.append(source.description[:300])
        escaped = [html.escape(line) for line in lines]
        return "<br>".join([f"<b>{escaped[0]}</b>", *escaped[1:]])

    def current_layer(self) -> Layer | None:
        item = self.list.currentItem()
        return None if item is None else item.data(0, LAYER_ROLE)

    def item_for_role(self, role_name: str) -> TreeItem | None:
        for item in self.list.layer_items():
            if item.data(LAYER_ROLE).role.value == role_name:
                return item
        return None

    def item_for_layer(self, layer: Layer) -> TreeItem | None:
        return next((i for i in self.list.layer_items() if i.data(LAYER_ROLE) is layer), None)

    def _on_item_changed(self, item: QTreeWidgetItem) -> None:
        if self._filling:
            return
        layer = item.data(0, LAYER_ROLE)
        if layer is None or not any(entry.layer is layer for entry in self.layers):
            return
        self.layers.set_visible(
            self.layers.index_of(layer), item.checkState(0) == Qt.CheckState.Checked
        )

    def _on_reordered(self) -> None:
        order = [item.layer for item in self.list.layer_items() if item.layer is not None]
        self.layers.set_order(list(reversed(order)))

    def _on_current(self, current: QTreeWidgetItem | None, previous: object = None) -> None:
        layer = None if current is None else current.data(0, LAYER_ROLE)
        if layer is not None and not any(entry.layer is layer for entry in self.layers):
            layer = None  # an item of the old list while the list is refilled
        self.opacity.setEnabled(layer is not None)
        if layer is not None:
            entry = self.layers[self.layers.index_of(layer)]
            self.opacity.blockSignals(True)
            self.opacity.setValue(round(entry.style.opacity * 100))
            self.opacity.blockSignals(False)
            src = layer.source
            text = self.tr("Source: %1").replace("%1", src.label)
            if src.synthetic:
                text += f" — <b>{self.sample_text()}</b>"
            self.source_label.setText(text)
        self.current_layer_changed.emit(layer)

    def _on_opacity(self, value: int) -> None:
        layer = self.current_layer()
        if layer is not None:
            self.layers.set_opacity(self.layers.index_of(layer), value / 100.0)

    # -- the context menu --------------------------------------------------------------
    def show_context_menu(self, item: QTreeWidgetItem | None, at: QPoint) -> None:
        """The layer's menu at the global position *at* (nothing on a group row)."""
        layer = None if item is None else item.data(0, LAYER_ROLE)
        if item is None or layer is None:
            return
        self.list.setCurrentItem(item)
        self.context_menu = build_layer_menu(self, layer)
        self.context_menu.popup(at)


class LegendDock(QDockWidget):
    """The legend, generated from the styles of the visible layers (top layer first)."""

    def __init__(self, layers: MapLayerList, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Legend"), parent)
        self.setObjectName("legend_dock")
        self.layers = layers
        self.lang = "da"
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setIconSize(QSize(18, 18))
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(12)
        self.setWidget(self.tree)
        layers.changed.connect(self.refresh)

    def refresh(self) -> None:
        self.tree.clear()
        seen: set[tuple[str, bool]] = set()  # one legend block per style title
        for entry in reversed(list(self.layers)):
            raster = isinstance(entry.layer, RasterLayer)
            key = (entry.style.title.get(self.lang), raster)
            if not entry.visible or key in seen:
                continue
            seen.add(key)
            head = QTreeWidgetItem([entry.style.title.get(self.lang)])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            rows: tuple[LegendEntry, ...] = entry.style.legend(raster=raster)
            if len(rows) == 1 and rows[0].label == entry.style.title:
                head.setIcon(0, swatch(rows[0].symbol, rows[0].color, rows[0].opacity))
            else:
                for row in rows:
                    child = QTreeWidgetItem([row.label.get(self.lang)])
                    child.setIcon(0, swatch(row.symbol, row.color, row.opacity))
                    head.addChild(child)
            self.tree.addTopLevelItem(head)
            head.setExpanded(True)
