"""The measuring tool: a distance along clicked points, or the area they enclose.

One interaction object (STYLE.md, "Editing") that edits nothing: clicks add points (snapped
like the drawing tools: parcels, §3 nature, candidates), the value follows the mouse,
double-click, right-click or Enter finishes (the result stays on the map until the next
click), Backspace removes the last point, Esc clears. Lengths in m up to 1 km, then km;
areas in m² up to 1 ha, then ha (EPSG:25832 metres, Danish number format).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import shapely
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QKeyEvent, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QToolBar

from naturplan.core.plan.snapping import SnapTarget
from naturplan.gui.editing.edit_tools import SAME_POINT_PX, EditTool
from naturplan.gui.host import WindowHost
from naturplan.gui.map.overlays import paint_rubber_band
from naturplan.text.numbers import M2_PER_HA, format_number

if TYPE_CHECKING:
    from naturplan.gui.editing.session import EditSession
    from naturplan.gui.map.canvas import MapCanvas

class MeasureHost(WindowHost, Protocol):
    """What the measuring tools need of the window: the map, the edit session (its snapping),
    the exclusive tool group and the Map toolbar (the Map menu is ``menu("map")``)."""

    session: EditSession
    tool_group: QActionGroup
    map_toolbar: QToolBar


LABEL_FILL = QColor(255, 255, 255, 230)
LABEL_EDGE = "#e0149c"


def path_length(points: list[tuple[float, float]], closed: bool = False) -> float:
    """Length in metres of the path through *points* (back to the first when *closed*)."""
    if len(points) < 2:
        return 0.0
    ring = points + [points[0]] if closed and len(points) > 2 else points
    return float(shapely.length(shapely.LineString(ring)))


def enclosed_area(points: list[tuple[float, float]]) -> float:
    """Area in m² inside the ring through *points* (0 for fewer than three)."""
    if len(points) < 3:
        return 0.0
    return float(shapely.area(shapely.Polygon(points)))


def format_length(metres: float, lang: str = "da") -> str:
    """``532.4`` → ``532,4 m``; ``12_345`` → ``12,35 km``."""
    if metres < 1000:
        return f"{format_number(metres, 1, lang)} m"
    return f"{format_number(metres / 1000, 2, lang)} km"


def format_area(m2: float, lang: str = "da") -> str:
    """``950`` → ``950 m²``; ``123_456`` → ``12,35 ha``."""
    if m2 < M2_PER_HA:
        return f"{format_number(m2, 0, lang)} m²"
    return f"{format_number(m2 / M2_PER_HA, 2, lang)} ha"


class MeasureTool(EditTool):
    """Measure a distance (*area* False) or an area (*area* True); see the module docstring."""

    #: The text of the current measurement ("" when cleared), for the status bar.
    measured = Signal(str)

    def __init__(self, canvas: MapCanvas, session: EditSession, area: bool,
                 lang: str = "da") -> None:
        super().__init__(canvas, session)
        self.area = area
        self.name = "measure_area" if area else "measure_distance"
        self.lang = lang
        #: The action that chooses this tool (set where the tool is installed).
        self.action: QAction | None = None
        self.points: list[tuple[float, float]] = []
        self.cursor_xy: tuple[float, float] | None = None
        #: True once finished: the result stays shown; the next click starts again.
        self.done = False

    # -- life cycle ----------------------------------------------------------------------
    def start(self) -> None:
        self.clear()
        super().start()

    def cancel(self) -> None:
        self.clear()
        super().cancel()

    def clear(self) -> None:
        self.points, self.cursor_xy, self.done = [], None, False
        self.measured.emit("")
        self.canvas.update()

    def finish(self) -> None:
        if len(self.points) >= (3 if self.area else 2):
            self.done = True
            self.cursor_xy = None
            self._tell()

    # -- what is measured ----------------------------------------------------------------
    def shown_points(self) -> list[tuple[float, float]]:
        """The clicked points and, while measuring, the mouse position."""
        if self.done or self.cursor_xy is None or not self.points:
            return list(self.points)
        return [*self.points, self.cursor_xy]

    def values(self) -> tuple[float, float | None]:
        """(length in m, area in m² or None): the path, or the ring's perimeter and area."""
        points = self.shown_points()
        if not self.area:
            return path_length(points), None
        return path_length(points, closed=True), enclosed_area(points)

    def text(self) -> str:
        """The measurement in words ("" before the first point)."""
        if not self.points:
            return ""
        length, area = self.values()
        if area is None:
            return self.tr("Distance: %1").replace("%1", format_length(length, self.lang))
        return (self.tr("Area: %1 (perimeter %2)")
                .replace("%1", format_area(area, self.lang))
                .replace("%2", format_length(length, self.lang)))

    def _tell(self) -> None:
        self.measured.emit(self.text())
        self.canvas.update()

    # -- events --------------------------------------------------------------------------
    def _snapped(self, pos: QPointF) -> tuple[float, float, SnapTarget | None]:
        return self.map_point(pos)

    def mouse_press(self, event: QMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
            return True
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if self.done:
            self.points, self.done = [], False
        if self.points:
            px, py = self.canvas.view.to_pixel(*self.points[-1])
            pos = event.position()
            if abs(px - pos.x()) <= SAME_POINT_PX and abs(py - pos.y()) <= SAME_POINT_PX:
                return True  # the second click of a double-click
        x, y, _ = self._snapped(event.position())
        self.points.append((x, y))
        self._tell()
        return True

    def mouse_double_click(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        self.mouse_press(event)
        self.finish()
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        x, y, self.snap_target = self._snapped(event.position())
        self.cursor_xy = (x, y)
        if self.points and not self.done:
            self._tell()
        else:
            self.canvas.update()
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.clear()
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            return True
        if key == Qt.Key.Key_Backspace and self.points and not self.done:
            self.points.pop()
            self._tell()
            return True
        return False

    # -- drawing -------------------------------------------------------------------------
    def paint_overlay(self, painter: QPainter) -> None:
        points = self.shown_points()
        paint_rubber_band(painter, self.canvas.view, points, self.area)
        super().paint_overlay(painter)
        text = self.text()
        if not text or not points:
            return
        px, py = self.canvas.view.to_pixel(*points[-1])
        painter.save()
        metrics = painter.fontMetrics()
        box = QRectF(px + 12, py - 12 - metrics.height(), metrics.horizontalAdvance(text) + 12,
                     metrics.height() + 6)
        painter.setPen(QPen(QColor(LABEL_EDGE), 1))
        painter.setBrush(LABEL_FILL)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QColor("#1a1a1a"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()


def install_measure_tools(window: MeasureHost) -> tuple[MeasureTool, MeasureTool]:
    """The two measuring tools on the window's Map toolbar and menu, in its tool group;
    each tool's ``action`` chooses it."""
    canvas, session = window.canvas, window.session
    tools = (MeasureTool(canvas, session, area=False, lang=window.lang),
             MeasureTool(canvas, session, area=True, lang=window.lang))
    texts = (tools[0].tr("Measure distance"), tools[0].tr("Measure area"))
    keys = ("Ctrl+Shift+M", "Ctrl+Shift+J")
    tip = tools[0].tr("click points (snapping as when drawing); double-click, right-click or "
                      "Enter finishes; Backspace removes the last point; Esc clears")
    actions = []
    for tool, name, text, key in zip(tools, ("measure_distance", "measure_area"), texts, keys,
                                     strict=True):
        action = window.make_action(name, text,
                                    lambda _=False, t=tool: canvas.set_tool(t), key, True)
        action.setToolTip(f"{text} – {tip}")
        action.setStatusTip(tip)
        window.tool_group.addAction(action)
        tool.measured.connect(lambda words: window.show_status(words))
        tool.action = action
        actions.append(action)
    window.map_toolbar.addActions(actions)
    map_menu = window.menu("map")
    map_menu.addSeparator()
    map_menu.addActions(actions)
    return tools
