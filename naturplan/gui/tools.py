"""Map tools: one interaction object per tool (STYLE.md, "Editing").

The canvas forwards its mouse and key events to the active tool. A tool is started when it
becomes active, finished when it completes its work (an editing tool pushes exactly one
undo command there) and cancelled by Esc or by another tool taking over, touching nothing.
Issue 4's drawing and vertex tools subclass :class:`MapTool` the same way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QMouseEvent, QPainter

if TYPE_CHECKING:
    from naturplan.gui.canvas import MapCanvas

#: Pixels the mouse may move between press and release and still count as a click.
CLICK_SLOP_PX = 4


class MapTool(QObject):
    """Base class: every handler returns True if it used the event."""

    name = "tool"
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, canvas: MapCanvas) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.active = False

    # life cycle
    def start(self) -> None:
        self.active = True
        self.canvas.setCursor(QCursor(self.cursor))

    def finish(self) -> None:
        self.active = False

    def cancel(self) -> None:
        self.active = False

    # events forwarded by the canvas
    def mouse_press(self, event: QMouseEvent) -> bool:
        return False

    def mouse_move(self, event: QMouseEvent) -> bool:
        return False

    def mouse_release(self, event: QMouseEvent) -> bool:
        return False

    def mouse_double_click(self, event: QMouseEvent) -> bool:
        return False

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        return False

    def paint_overlay(self, painter: QPainter) -> None:
        """Draw the tool's rubber band, markers... over the map image (pixel coordinates)."""


class PanTool(MapTool):
    """Drag to move the map; the last frame follows the mouse until the new one is drawn."""

    name = "pan"
    cursor = Qt.CursorShape.OpenHandCursor

    def __init__(self, canvas: MapCanvas) -> None:
        super().__init__(canvas)
        self._last: QPointF | None = None
        self._moved = 0.0

    def mouse_press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        self._last = event.position()
        self._moved = 0.0
        self.canvas.setCursor(QCursor(Qt.CursorShape.ClosedHandCursor))
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        if self._last is None:
            return False
        delta = event.position() - self._last
        self._last = event.position()
        self._moved += abs(delta.x()) + abs(delta.y())
        self.canvas.pan_by(delta.x(), delta.y())
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        if self._last is None:
            return False
        self._last = None
        self.canvas.setCursor(QCursor(self.cursor))
        return True

    def cancel(self) -> None:
        self._last = None
        super().cancel()


class ClickOrPan:
    """For tools where a drag pans the map and a click (press and release within
    :data:`CLICK_SLOP_PX`) acts: the tool forwards its mouse events and gets the click's map
    position from :meth:`release`."""

    def __init__(self, canvas: MapCanvas) -> None:
        self.canvas = canvas
        self._pan = PanTool(canvas)
        self._press: QPointF | None = None

    def press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        self._press = event.position()
        return self._pan.mouse_press(event)

    def move(self, event: QMouseEvent) -> bool:
        return self._pan.mouse_move(event)

    def release(self, event: QMouseEvent) -> tuple[float, float] | None:
        """The map position of a click, or None after a drag (or without a press)."""
        self._pan.mouse_release(event)
        if self._press is None:
            return None
        moved = event.position() - self._press
        self._press = None
        if abs(moved.x()) + abs(moved.y()) > CLICK_SLOP_PX:
            return None
        return self.canvas.view.to_map(event.position().x(), event.position().y())

    @property
    def pressed(self) -> bool:
        return self._press is not None

    def cancel(self) -> None:
        self._press = None
        self._pan.cancel()


class IdentifyTool(MapTool):
    """Click to list every visible feature at that point; dragging still pans."""

    name = "identify"
    cursor = Qt.CursorShape.WhatsThisCursor
    identified = Signal(float, float)  # map x, y (EPSG:25832)

    def __init__(self, canvas: MapCanvas) -> None:
        super().__init__(canvas)
        self._click = ClickOrPan(canvas)

    def mouse_press(self, event: QMouseEvent) -> bool:
        return self._click.press(event)

    def mouse_move(self, event: QMouseEvent) -> bool:
        return self._click.move(event)

    def mouse_release(self, event: QMouseEvent) -> bool:
        was_pressed = self._click.pressed
        at = self._click.release(event)
        self.canvas.setCursor(QCursor(self.cursor))
        if at is not None:
            self.identified.emit(*at)
        return was_pressed

    def cancel(self) -> None:
        self._click.cancel()
        super().cancel()
