"""The candidate table: every candidate area with its attributes, areas and gain.

:class:`CandidateTableModel` adapts the core :class:`CandidatePlan` (it subscribes to the
plan's events; the plan never knows it). Edits in place go through the session as one
attribute undo command each. Selecting rows selects the areas on the map and brings them
into view; selecting on the map selects the rows.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from naturplan.core.plan.candidates import Candidate, CandidateKind, CandidateStatus
from naturplan.core.plan.plan import CandidatePlan, Change
from naturplan.gui.icons import icon
from naturplan.text.labels import kind_label, status_label
from naturplan.text.numbers import format_ha

if TYPE_CHECKING:
    from naturplan.gui.editing.session import EditSession
    from naturplan.gui.map.canvas import MapCanvas

COLUMNS = ("name", "kind", "status", "counts_toward_target", "area", "gain", "note",
           "modified", "author")
EDITABLE = {"name", "kind", "status", "counts_toward_target", "note"}
Index = QModelIndex | QPersistentModelIndex


def local_time(utc_iso: str, lang: str = "da") -> str:
    """``2026-11-26T10:15:00.000Z`` → ``26-11-2026 11:15`` in the local time zone."""
    try:
        when = datetime.fromisoformat(utc_iso.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return utc_iso
    return when.strftime("%d-%m-%Y %H:%M" if lang == "da" else "%Y-%m-%d %H:%M")


class CandidateTableModel(QAbstractTableModel):
    """Rows = the plan's candidates (oldest first), columns = :data:`COLUMNS`."""

    def __init__(self, session: EditSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan: CandidatePlan | None = None
        self.ids: list[str] = []
        self.lang = session.lang
        #: True while rows are inserted/removed (the view's selection moves by itself then).
        self.updating = False

    # -- following the plan --------------------------------------------------------------
    def set_plan(self, plan: CandidatePlan | None) -> None:
        if self.plan is not None:
            for name, slot in self._slots():
                getattr(self.plan, name).disconnect(slot)
        self.plan = plan
        if plan is not None:
            for name, slot in self._slots():
                getattr(plan, name).connect(slot)
        self._reset()

    def _slots(self) -> list[tuple[str, Any]]:
        return [("committed", self._committed), ("reloaded", self._reset)]

    def _order(self) -> list[str]:
        return [c.id for c in self.plan.candidates()] if self.plan is not None else []

    def _reset(self) -> None:
        self.updating = True
        self.beginResetModel()
        self.ids = self._order()
        self.endResetModel()
        self.updating = False

    def _committed(self, change: Change) -> None:
        """One plan edit, of any size, is one model update: rows appended at the end are one
        insert, content changes one ``dataChanged`` per row, anything else one reset."""
        order = self._order()
        added, removed = change.added, change.removed
        if not added and not removed:
            rows = sorted(self.ids.index(new.id) for _, new in change.changed
                          if new.id in self.ids)
            if rows:
                self.dataChanged.emit(self.index(rows[0], 0),
                                      self.index(rows[-1], len(COLUMNS) - 1))
            return
        if not removed and order[:len(self.ids)] == self.ids and not change.changed:
            self.beginInsertRows(QModelIndex(), len(self.ids), len(order) - 1)
            self.ids = order
            self.endInsertRows()
            return
        if not added and len(removed) == 1 and not change.changed:
            row = self.ids.index(removed[0].id)
            self.updating = True
            self.beginRemoveRows(QModelIndex(), row, row)
            self.ids.pop(row)
            self.endRemoveRows()
            self.updating = False
            return
        self._reset()

    def refresh_gains(self) -> None:
        """The ledger moved: every row's gain may have changed."""
        if self.ids:
            col = COLUMNS.index("gain")
            self.dataChanged.emit(self.index(0, col), self.index(len(self.ids) - 1, col))

    # -- Qt model --------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        titles = {
            "name": self.tr("Name"), "kind": self.tr("Kind"), "status": self.tr("Status"),
            "counts_toward_target": self.tr("Counts"), "area": self.tr("Area"),
            "gain": self.tr("New nature"), "note": self.tr("Note"),
            "modified": self.tr("Modified"), "author": self.tr("Author"),
        }
        return titles[COLUMNS[section]]

    def candidate(self, row: int) -> Candidate | None:
        if self.plan is None or not 0 <= row < len(self.ids):
            return None
        return self.plan.get(self.ids[row])

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = COLUMNS[index.column()]
        if column == "counts_toward_target":
            c = self.candidate(index.row())
            if c is not None and c.kind is CandidateKind.RESTORE:  # adds no area: nothing to tick
                return Qt.ItemFlag.ItemIsSelectable
            return base | Qt.ItemFlag.ItemIsUserCheckable
        if column in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        c = self.candidate(index.row())
        if c is None:
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and column == "counts_toward_target":
            counted = c.counts_toward_target and c.kind is not CandidateKind.RESTORE
            return Qt.CheckState.Checked if counted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole:
            return {"kind": c.kind.value, "status": c.status.value, "name": c.name,
                    "note": c.note}.get(column)
        if role == Qt.ItemDataRole.DecorationRole and column == "kind":
            return icon(f"kind_{c.kind.value}")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("area", "gain"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == "kind":
            return kind_label(c.kind, self.lang)
        if column == "status":
            return status_label(c.status, self.lang)
        if column == "counts_toward_target":
            return ""
        if column == "area":
            return format_ha(c.area_m2, 2, self.lang)
        if column == "gain":
            ledger = self.session.ledger
            return format_ha(ledger.gain_m2(c.id), 2, self.lang) if ledger else "–"
        if column == "modified":
            return local_time(c.modified, self.lang)
        return getattr(c, column)

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        c = self.candidate(index.row())
        column = COLUMNS[index.column()]
        if c is None or column not in EDITABLE:
            return False
        if column == "counts_toward_target":
            if role != Qt.ItemDataRole.CheckStateRole or c.kind is CandidateKind.RESTORE:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if isinstance(value, str) and column in ("name", "note"):
            value = value.strip() if column == "name" else value
        if getattr(c, column) == value or (column in ("kind", "status")
                                          and getattr(c, column).value == value):
            return False
        return self.session.update(c.id, **{column: value}) is not None


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for the kind and status columns (labels shown, values stored)."""

    def __init__(self, choices: list[tuple[str, str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        box = QComboBox(parent)
        for value, label in self.choices:
            box.addItem(label, value)
        return box

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(value), 0))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class CandidateTableDock(QDockWidget):
    """The table in a dock, with the selection kept in step with the map."""

    def __init__(self, session: EditSession, canvas: MapCanvas,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Candidate areas"), parent)
        self.setObjectName("candidate_table_dock")
        self.session = session
        self.canvas = canvas
        self.model = CandidateTableModel(session, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.view.setItemDelegateForColumn(COLUMNS.index("kind"), ChoiceDelegate(
            [(k.value, kind_label(k, session.lang)) for k in CandidateKind], self))
        self.view.setItemDelegateForColumn(COLUMNS.index("status"), ChoiceDelegate(
            [(s.value, status_label(s, session.lang)) for s in CandidateStatus], self))
        for col, width in (("name", 150), ("kind", 190), ("status", 80), ("counts_toward_target",
                                                                          60),
                           ("area", 80), ("gain", 90), ("note", 200), ("modified", 130)):
            self.view.setColumnWidth(COLUMNS.index(col), width)
        self.setWidget(self.view)
        self._syncing = False
        self.view.selectionModel().selectionChanged.connect(self._table_selected)
        session.selection.changed.connect(self._map_selected)
        self.model.modelReset.connect(self._map_selected)
        self.model.rowsInserted.connect(self._map_selected)

    def _table_selected(self, *args: QItemSelection) -> None:
        plan = self.session.plan
        if self._syncing or self.model.updating or plan is None:
            return
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        ids = [self.model.ids[r] for r in rows if r < len(self.model.ids)]
        ids = [i for i in ids if i in plan]
        self._syncing = True
        try:
            self.session.selection.set(ids)
        finally:
            self._syncing = False
        if ids:
            self.show_candidates(ids)

    def _map_selected(self, *args: Any) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            selection = QItemSelection()
            for cid in self.session.selection.ids:
                if cid in self.model.ids:
                    row = self.model.ids.index(cid)
                    selection.select(self.model.index(row, 0),
                                     self.model.index(row, len(COLUMNS) - 1))
            self.view.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._syncing = False

    def show_candidates(self, ids: list[str]) -> None:
        """Pan to the areas if they fit in the view at this zoom, else zoom to them."""
        plan = self.session.plan
        if plan is None:
            return
        import shapely

        bounds = shapely.bounds(shapely.union_all([plan.get(i).geometry for i in ids]))
        minx, miny, maxx, maxy = (float(b) for b in bounds)
        view = self.canvas.view
        vx0, vy0, vx1, vy1 = view.bounds
        if maxx - minx < 0.8 * (vx1 - vx0) and maxy - miny < 0.8 * (vy1 - vy0):
            if minx < vx0 or maxx > vx1 or miny < vy0 or maxy > vy1:
                from dataclasses import replace

                self.canvas.set_view(replace(view, cx=(minx + maxx) / 2, cy=(miny + maxy) / 2))
        else:
            pad = max(maxx - minx, maxy - miny) * 0.15 + 50
            self.canvas.zoom_to((minx - pad, miny - pad, maxx + pad, maxy + pad))
