"""The attribute table of any vector layer, linked to the map (issue 20 item 6).

:class:`AttributeModel` reads the layer's columns lazily: a cell is formatted only when the
view asks for it (100k parcels cost one array per column, not one item per cell). Sorting
and the text filter work on whole columns at once (pandas), and keep a row order of frame
positions. Rows selected in the table are highlighted on the map and zoomed to on request;
a click on the map with Identify selects the rows of the features under it.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import shapely
from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.layers.layer import VectorLayer
from naturplan.render.geometry import polygon_from_xy
from naturplan.text.numbers import format_number

HIGHLIGHT = "#00c8ff"
#: At most this many selected features are drawn on the map (a repaint of the whole
#: sample's parcels took 5 s at 20,000; the count above the table says how many are chosen).
MAX_DRAWN = 2_000
Index = QModelIndex | QPersistentModelIndex


def cell_text(value: Any, lang: str) -> str:
    """A value as the table shows it: empty for a missing one, numbers in the language's
    format (two decimals for a fraction, none for a whole number)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, int | np.integer):
        return str(int(value))  # codes and numbers as they are (ejerlavskode 1000)
    if isinstance(value, float | np.floating):
        return format_number(float(value), 0 if float(value).is_integer() else 2, lang)
    return str(value)


class AttributeModel(QAbstractTableModel):
    """The layer's attribute columns (not the geometry); rows in :attr:`rows` order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = "da"
        self.layer: VectorLayer | None = None
        self.columns: list[str] = []
        self._values: list[np.ndarray] = []
        self._text: dict[int, pd.Series] = {}
        #: Frame positions in the order shown (after filter and sort).
        self.rows = np.empty(0, dtype=np.int64)
        self.filter_text = ""
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_layer(self, layer: VectorLayer | None) -> None:
        self.beginResetModel()
        self.layer = layer
        frame = layer.frame if layer is not None else None
        geometry = frame.geometry.name if frame is not None else None
        self.columns = [] if frame is None else [str(c) for c in frame.columns if c != geometry]
        self._values = [] if frame is None else [frame[c].to_numpy() for c in self.columns]
        self._text = {}
        self.rows = np.arange(0 if frame is None else len(frame), dtype=np.int64)
        self.endResetModel()
        self._apply()

    @property
    def total(self) -> int:
        return 0 if self.layer is None else len(self.layer.frame)

    # -- Qt ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self._values[index.column()][self.rows[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value, self.lang)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(
                value, int | float | np.integer | np.floating):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section] if section < len(self.columns) else None
        return str(int(self.rows[section]) + 1) if section < len(self.rows) else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order) if 0 <= column < len(self.columns) else None
        self._apply()

    # -- filter and sort (whole columns) -------------------------------------------------
    def set_filter(self, text: str) -> None:
        self.filter_text = text.strip()
        self._apply()

    def _texts(self, column: int) -> pd.Series:
        """The column as lower-case text for the filter, whole-column (decimals with the
        language's comma)."""
        if column not in self._text:
            series = pd.Series(self._values[column])
            if series.dtype.kind == "f":
                text = series.round(2).astype(str).str.removesuffix(".0")
                text = text.where(series.notna(), "")
                if self.lang == "da":
                    text = text.str.replace(".", ",", regex=False)
            else:
                text = series.astype(str).where(series.notna(), "")
            self._text[column] = text.str.casefold()
        return self._text[column]

    def _apply(self) -> None:
        self.layoutAboutToBeChanged.emit()
        rows = np.arange(self.total, dtype=np.int64)
        if self.filter_text and self.columns:
            needle = self.filter_text.casefold()
            hit = np.zeros(self.total, dtype=bool)
            for c in range(len(self.columns)):
                hit |= self._texts(c).str.contains(needle, regex=False).to_numpy()
            rows = rows[hit]
        if self._sort is not None:
            column, order = self._sort
            key = pd.Series(self._values[column][rows])
            if key.dtype == object:
                key = key.map(lambda v: "" if v is None else str(v)).str.casefold()
            ranked = key.sort_values(kind="mergesort", na_position="last",
                                     ascending=order == Qt.SortOrder.AscendingOrder)
            rows = rows[ranked.index.to_numpy()]
        self.rows = rows
        self.layoutChanged.emit()

    def view_rows(self, positions: np.ndarray) -> list[int]:
        """The table rows that show the frame *positions* (those not filtered out)."""
        where = {int(p): r for r, p in enumerate(self.rows)}
        return [where[int(p)] for p in positions if int(p) in where]


class AttributeTableDock(QDockWidget):
    """One layer's table with a filter, its count, and the selection shared with the map."""

    def __init__(self, canvas: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Attribute table"), parent)
        self.setObjectName("attribute_table_dock")
        self.canvas = canvas
        self.lang = "da"
        self.model = AttributeModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.verticalHeader().setDefaultSectionSize(20)
        # Column widths from the first rows, not from 100k (2 s on the sample's parcels).
        self.view.horizontalHeader().setResizeContentsPrecision(100)
        self.filter = QLineEdit()
        self.filter.setObjectName("attribute_filter")
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter: text in any column…"))
        self.count = QLabel()
        self.zoom_button = QPushButton(self.tr("Zoom to selected"))
        self.clear_button = QPushButton(self.tr("Clear selection"))
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.count)
        row.addWidget(self.zoom_button)
        row.addWidget(self.clear_button)
        box.addLayout(row)
        box.addWidget(self.view, 1)
        self.setWidget(body)
        #: Frame positions of the selected features (kept across filter and sort).
        self.selected = np.empty(0, dtype=np.int64)
        self._syncing = False
        self._path = QPainterPath()
        self._points = np.empty((0, 2))
        self._path_key: tuple[int, int] | None = None
        self.filter.textChanged.connect(self._filter_changed)
        self.view.selectionModel().selectionChanged.connect(self._rows_selected)
        self.model.layoutChanged.connect(self._reselect)
        self.zoom_button.clicked.connect(self.zoom_to_selected)
        self.clear_button.clicked.connect(lambda: self.select_positions(np.empty(0, np.int64)))
        canvas.overlays.append(self._paint)

    # -- the layer ---------------------------------------------------------------------
    def show_layer(self, layer: VectorLayer, title: str) -> None:
        """Show *layer* (titled *title*) and forget the old selection."""
        self.model.lang = self.lang
        self.setWindowTitle(self.tr("Attribute table – %1").replace("%1", title))
        self.selected = np.empty(0, dtype=np.int64)
        self.model.set_layer(layer)
        self.view.resizeColumnsToContents()
        self._count()
        self.canvas.update()

    def follow(self, layer: VectorLayer | None) -> None:
        """The layer was replaced by *layer* (the candidates after an edit) or removed
        (None): show the new one with the same filter; keep the selection by position."""
        keep = self.selected
        self.model.set_layer(layer)
        self.selected = keep[keep < self.model.total] if layer is not None else keep[:0]
        self._reselect()
        self._count()
        self.canvas.update()

    @property
    def layer(self) -> VectorLayer | None:
        return self.model.layer

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        self._count()

    def _count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total
        self.count.setText(self.tr("%1 of %2 features, %3 selected")
                           .replace("%1", format_number(shown, 0, self.lang))
                           .replace("%2", format_number(total, 0, self.lang))
                           .replace("%3", format_number(len(self.selected), 0, self.lang)))

    # -- selection: table → map ------------------------------------------------------------
    def _rows_selected(self, *args: Any) -> None:
        if self._syncing:
            return
        # By ranges, not by index: "select all" on 100k parcels is one range.
        ranges = self.view.selectionModel().selection()
        spans = [np.arange(r.top(), r.bottom() + 1) for r in ranges.toList()]
        rows = np.unique(np.concatenate(spans or [np.empty(0, np.int64)]))
        self.selected = self.model.rows[rows.astype(np.int64)]
        self._count()
        self.canvas.update()

    def _reselect(self) -> None:
        """Select the rows of :attr:`selected` again after a filter or sort."""
        self._syncing = True
        try:
            selection = QItemSelection()
            last = self.model.columnCount() - 1
            for row in self.model.view_rows(self.selected):
                selection.select(self.model.index(row, 0), self.model.index(row, last))
            self.view.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._syncing = False

    def select_positions(self, positions: np.ndarray) -> None:
        """Select the features at frame *positions* and show the first row."""
        self.selected = np.asarray(positions, dtype=np.int64)
        self._reselect()
        rows = self.model.view_rows(self.selected[:1])
        if rows:
            self.view.scrollTo(self.model.index(rows[0], 0))
        self._count()
        self.canvas.update()

    def selected_geometries(self) -> np.ndarray:
        if self.layer is None or not len(self.selected):
            return np.empty(0, dtype=object)
        return self.layer.frame.geometry.to_numpy()[self.selected]

    def zoom_to_selected(self) -> None:
        geoms = self.selected_geometries()
        if not len(geoms):
            return
        minx, miny, maxx, maxy = shapely.total_bounds(geoms)
        pad = max(maxx - minx, maxy - miny, 50.0) * 0.15
        self.canvas.zoom_to((minx - pad, miny - pad, maxx + pad, maxy + pad))

    # -- selection: map → table ------------------------------------------------------------
    def select_at(self, x: float, y: float, tolerance: float) -> None:
        """Select the features of the shown layer under the map point (x, y)."""
        if self.layer is None or not self.isVisible():
            return
        frame = self.layer.frame
        near = shapely.buffer(shapely.Point(x, y), max(tolerance, 0.01))
        hits = frame.sindex.query(near, predicate="intersects")
        self.select_positions(np.sort(np.asarray(hits, dtype=np.int64)))

    # -- the highlight on the map ----------------------------------------------------------
    def _selection_path(self) -> tuple[QPainterPath, np.ndarray]:
        """The selected polygons as one path in map coordinates (built once per selection:
        a pan or a hover only transforms it) and the selected points (x, y)."""
        key = (id(self.layer), hash(self.selected.tobytes()))
        if self._path_key != key:
            geoms = self.selected_geometries()[:MAX_DRAWN]
            kinds = shapely.get_type_id(geoms)
            points = shapely.get_coordinates(geoms[kinds == 0]) if len(geoms) else \
                np.empty((0, 2))
            polygons = geoms[(kinds == 3) | (kinds == 6)]
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.OddEvenFill)
            if len(polygons):
                rings = shapely.get_rings(shapely.get_parts(polygons))
                xy, ring = shapely.get_coordinates(rings, return_index=True)
                for part in np.split(xy, np.flatnonzero(np.diff(ring)) + 1):
                    path.addPolygon(polygon_from_xy(part))
            self._path, self._points, self._path_key = path, points, key
        return self._path, self._points

    def _paint(self, painter: QPainter) -> None:
        if not self.isVisible() or not len(self.selected):
            return
        view = self.canvas.view
        path, points = self._selection_path()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tint = QColor(HIGHLIGHT)
        tint.setAlpha(70)
        pen = QPen(QColor(HIGHLIGHT), 2.5)
        pen.setCosmetic(True)  # pixels wide at any zoom
        painter.setBrush(QBrush(tint))
        painter.setPen(pen)
        if not path.isEmpty():
            painter.setTransform(QTransform(*view.transform_args()), True)
            painter.drawPath(path)
            painter.resetTransform()
        for x, y in points[:MAX_DRAWN]:
            px, py = view.to_pixel(float(x), float(y))
            painter.drawEllipse(QPointF(px, py), 5.0, 5.0)
        painter.restore()
