"""The selected afforestation candidate's conflicts on the map: each kind hatched in its
colour, drawn over the cached map frame (no re-render when the selection changes)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from naturplan.core.analysis.conflicts import Conflict, ConflictKind
from naturplan.gui.map.overlays import geometry_path

#: One colour per conflict kind, also used by the panel's list.
CONFLICT_COLORS: dict[ConflictKind, str] = {
    ConflictKind.NATURE_P3: "#d7191c",
    ConflictKind.NATURA2000: "#7b3294",
    ConflictKind.ORGANIC_SOIL: "#a6611a",
    ConflictKind.UNWANTED_FOREST: "#e66101",
    ConflictKind.FLOOD: "#0571b0",
}


def conflict_painter(conflicts: Callable[[], tuple[Conflict, ...]],
                     view: Callable[[], object]) -> Callable[[QPainter], None]:
    """A canvas overlay that paints the conflicts *conflicts()* returns in *view()*."""

    def paint(painter: QPainter) -> None:
        found = conflicts()
        if not found:
            return
        current = view()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for conflict in found:
            color = QColor(CONFLICT_COLORS[conflict.kind])
            path = geometry_path(conflict.geometry, current)  # type: ignore[arg-type]
            tint = QColor(color)
            tint.setAlpha(60)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(tint))
            painter.drawPath(path)
            painter.setBrush(QBrush(color, Qt.BrushStyle.BDiagPattern))
            pen = QPen(color, 2.0)
            painter.setPen(pen)
            painter.drawPath(path)
        painter.restore()

    return paint
