"""The layer panel (visibility, order by drag, opacity, source) and the legend."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSlider,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.layers.layer import Layer, RasterLayer
from naturplan.core.layers.style import FillPattern, LegendEntry, Symbol
from naturplan.gui.layer_delegate import TAG_ROLE, LayerItemDelegate
from naturplan.gui.map.map_layers import MapLayer, MapLayerList
from naturplan.render.renderer import make_brush, make_pen

LAYER_ROLE = Qt.ItemDataRole.UserRole + 1


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
    """Layers top first: a checkbox each, drag to reorder, an opacity slider for the current."""

    current_layer_changed = Signal(object)  # Layer | None

    def __init__(self, layers: MapLayerList, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Layers"), parent)
        self.setObjectName("layers_dock")
        self.layers = layers
        self.lang = "da"
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setIconSize(QSize(18, 18))
        self.list.setSpacing(1)
        # Whole names: two lines per layer, elided in the middle to the panel's width (the
        # tooltip has them whole), never a horizontal scroll bar that hides the ends.
        self.delegate = LayerItemDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        self.list.itemChanged.connect(self._on_item_changed)
        self.list.model().rowsMoved.connect(self._on_rows_moved)
        self.list.currentItemChanged.connect(self._on_current)
        self.opacity.valueChanged.connect(self._on_opacity)
        layers.structure_changed.connect(self.refresh)

    def sample_text(self) -> str:
        return self.tr("synthetic sample")

    def _entry_text(self, entry: MapLayer) -> str:
        """"name\nsource" (the synthetic tag is the item's :data:`TAG_ROLE`)."""
        return f"{entry.style.title.get(self.lang)}\n{entry.layer.source.label}"

    def refresh(self) -> None:
        """Rebuild the list from the layers (top layer first)."""
        self._filling = True
        current = self.current_layer()
        self.list.clear()
        for entry in reversed(list(self.layers)):
            item = QListWidgetItem(self._entry_text(entry))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsDragEnabled)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            item.setCheckState(Qt.CheckState.Checked if entry.visible else Qt.CheckState.Unchecked)
            item.setData(LAYER_ROLE, entry.layer)
            item.setData(TAG_ROLE, self.sample_text() if entry.layer.source.synthetic else "")
            item.setToolTip(self._tooltip(entry))
            legend = entry.style.legend(raster=isinstance(entry.layer, RasterLayer))
            if legend:
                first = legend[0]
                item.setIcon(swatch(first.symbol, first.color, first.opacity))
            if entry.layer.source.synthetic:
                item.setForeground(QBrush(QColor("#6a4c00")))
            self.list.addItem(item)
            if current is not None and entry.layer is current:
                self.list.setCurrentItem(item)
        self._filling = False
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

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
        return None if item is None else item.data(LAYER_ROLE)

    def item_for_role(self, role_name: str) -> QListWidgetItem | None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(LAYER_ROLE).role.value == role_name:
                return item
        return None

    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        layer = item.data(LAYER_ROLE)
        if layer is None:
            return
        self.layers.set_visible(
            self.layers.index_of(layer), item.checkState() == Qt.CheckState.Checked
        )

    def _on_rows_moved(self, *args: QModelIndex | int) -> None:
        order = [self.list.item(i).data(LAYER_ROLE) for i in range(self.list.count())]
        self.layers.set_order(list(reversed(order)))

    def _on_current(self, current: QListWidgetItem | None, previous: object = None) -> None:
        layer = None if current is None else current.data(LAYER_ROLE)
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
