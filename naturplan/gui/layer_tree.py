"""The layer panel's tree: layers grouped by theme, one compact row each (issue 20 item 9).

Groups (top first, as the map draws them): the plan, the cadastre and addresses, nature,
climate/forest/water, and the background. A group's checkbox shows or hides all its layers;
a layer is dragged to another place inside its group (the drawing order follows). Items
answer the one-column calls of a list item (``item.text()``, ``item.data(role)``,
``item.setCheckState(state)``) so that callers need not name the column.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from naturplan.core.layers.layer import Layer
from naturplan.core.layers.roles import Role

LAYER_ROLE = Qt.ItemDataRole.UserRole + 1
#: Item data of a group row: its key in :data:`GROUPS`.
GROUP_ROLE = Qt.ItemDataRole.UserRole + 3

#: Theme groups, top first: (key, English title, roles). The neighbouring municipalities
#: (a backdrop layer, role municipality) go with the background.
GROUPS: tuple[tuple[str, str, tuple[Role, ...]], ...] = (
    ("plan", "Planning", (Role.CANDIDATES, Role.DESIGNATIONS, Role.MARS_PROJECTS)),
    ("cadastre", "Cadastre and addresses", (Role.ADDRESSES, Role.ROADS, Role.PARCELS)),
    ("nature", "Nature", (Role.NATURA2000, Role.NATURE_P3, Role.FOREST)),
    ("climate", "Climate, forest and water", (Role.FLOOD, Role.FOREST_ZONES, Role.LOWLAND,
                                              Role.N_RETENTION)),
    ("background", "Background", (Role.MUNICIPALITY,)),
)


def group_of(role: Role) -> str:
    """The key of the group that holds layers of *role*."""
    return next(key for key, _title, roles in GROUPS if role in roles)


class TreeItem(QTreeWidgetItem):
    """A row that answers a list item's one-column calls (column 0 unless one is given)."""

    def text(self, column: int = 0) -> str:  # type: ignore[override]
        return super().text(column)

    def toolTip(self, column: int = 0) -> str:  # type: ignore[override]  # noqa: N802
        return super().toolTip(column)

    def data(self, *args: Any) -> Any:  # type: ignore[override]
        """``data(role)`` or Qt's ``data(column, role)``."""
        return super().data(*(args if len(args) == 2 else (0, *args)))

    def setData(self, *args: Any) -> None:  # type: ignore[override]  # noqa: N802
        super().setData(*(args if len(args) == 3 else (0, *args)))

    def checkState(self, column: int = 0) -> Qt.CheckState:  # type: ignore[override]  # noqa: N802
        return super().checkState(column)

    def setCheckState(self, *args: Any) -> None:  # type: ignore[override]  # noqa: N802
        super().setCheckState(*(args if len(args) == 2 else (0, *args)))

    @property
    def layer(self) -> Layer | None:
        value = self.data(LAYER_ROLE)
        return value if value is not None else None


class LayerTree(QTreeWidget):
    """Groups and layers; :meth:`count` and :meth:`item` see only the layers, top first."""

    #: A layer was dropped at a new place: the order of the layers shown changed.
    reordered = Signal()
    #: A context menu was asked for over this row (None: no row) at this global position.
    menu_requested = Signal(object, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(1)
        # Groups stay open (every layer in view): no branch arrows, a small indent.
        self.setIndentation(6)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(False)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def groups(self) -> list[TreeItem]:
        return [self.topLevelItem(i) for i in range(self.topLevelItemCount())]  # type: ignore[misc]

    def layer_items(self) -> list[TreeItem]:
        """Every layer row, top first."""
        return [group.child(j) for group in self.groups()  # type: ignore[misc]
                for j in range(group.childCount())]

    def count(self) -> int:
        return len(self.layer_items())

    def item(self, row: int) -> TreeItem:
        return self.layer_items()[row]

    def group(self, key: str) -> TreeItem | None:
        return next((g for g in self.groups() if g.data(GROUP_ROLE) == key), None)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        self.menu_requested.emit(self.itemAt(event.pos()), event.globalPos())
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        """Only inside the dragged layer's own group, between layers (never onto one)."""
        moving = self.currentItem()
        target = self.itemAt(event.position().toPoint())
        home = moving.parent() if moving is not None else None
        on_item = self.dropIndicatorPosition() == QAbstractItemView.DropIndicatorPosition.OnItem
        if target is None or home is None:
            allowed = False
        elif target.parent() is None:  # onto a group row: to the end of that group
            allowed = target is home and on_item
        else:  # between two layers of the same group
            allowed = target.parent() is home and not on_item
        if not allowed:
            event.ignore()
            return
        super().dropEvent(event)
        self.reordered.emit()
