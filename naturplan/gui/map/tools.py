"""Map tools: one interaction object per tool (STYLE.md, "Editing").

The canvas forwards its mouse and key events to the active tool. A tool is started when it
becomes active, finished when it completes its work (an editing tool pushes exactly one
undo command there) and cancelled by Esc or by another tool taking over, touching nothing.
Issue 4's drawing and vertex tools subclass :class:`MapTool` the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QCursor, QKeyEvent, QMouseEvent, QPainter

from naturplan.render import MapRenderer, MapView


class CanvasLike(Protocol):
    """What a map tool may use of the canvas (:class:`~naturplan.gui.map.canvas.MapCanvas`
    is one): the tools never import the canvas, the canvas imports the tools."""

    view: MapView
    renderer: MapRenderer
    tool: Any
    overlays: list[Callable[[QPainter], None]]

    def setCursor(self, cursor: QCursor | Qt.CursorShape) -> None: ...  # noqa: N802
    def update(self) -> None: ...
    def pan_by(self, dx: float, dy: float) -> None: ...
    def zoom_by(self, factor: float, px: float | None = None,
                py: float | None = None) -> None: ...
    def zoom_to(self, bounds: tuple[float, float, float, float], home: bool = False) -> None: ...
    def set_view(self, view: MapView, home: bool = False) -> None: ...
    def set_tool(self, tool: Any) -> None: ...

#: Pixels the mouse may move between press and release and still count as a click.
CLICK_SLOP_PX = 4


class MapTool(QObject):
    """Base class: every handler returns True if it used the event."""

    name = "tool"
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, canvas: CanvasLike) -> None:
        super().__init__(canvas if isinstance(canvas, QObject) else None)
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

    def __init__(self, canvas: CanvasLike) -> None:
        super().__init__(canvas)
        self._last: QPointF | None = None
        self._moved = 0.0

    @property
    def dragging(self) -> bool:
        return self._last is not None

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
    """Mixin for map tools where a drag pans the map and a click (press and release within
    :data:`CLICK_SLOP_PX`) calls :meth:`clicked` with the map position. Put it before the
    tool's base class: ``class SelectTool(ClickOrPan, EditTool)``."""

    canvas: CanvasLike
    cursor: Qt.CursorShape
    _click_pan: PanTool | None = None
    _click_press: QPointF | None = None

    def _panner(self) -> PanTool:
        if self._click_pan is None:
            self._click_pan = PanTool(self.canvas)
        return self._click_pan

    def mouse_press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        self._click_press = event.position()
        return self._panner().mouse_press(event)

    def mouse_move(self, event: QMouseEvent) -> bool:
        return self._panner().mouse_move(event)

    def mouse_release(self, event: QMouseEvent) -> bool:
        self._panner().mouse_release(event)
        self.canvas.setCursor(QCursor(self.cursor))
        if self._click_press is None:
            return False
        moved = event.position() - self._click_press
        self._click_press = None
        if abs(moved.x()) + abs(moved.y()) <= CLICK_SLOP_PX:
            x, y = self.canvas.view.to_map(event.position().x(), event.position().y())
            self.clicked(x, y, event)
        return True

    def clicked(self, x: float, y: float, event: QMouseEvent) -> None:
        """A click at map position (x, y) in EPSG:25832."""
        raise NotImplementedError

    def cancel(self) -> None:
        self._click_press = None
        self._panner().cancel()
        super().cancel()  # type: ignore[misc]


class IdentifyTool(ClickOrPan, MapTool):
    """Click to list every visible feature at that point; dragging still pans."""

    name = "identify"
    cursor = Qt.CursorShape.WhatsThisCursor
    identified = Signal(float, float)  # map x, y (EPSG:25832)

    def clicked(self, x: float, y: float, event: QMouseEvent) -> None:
        self.identified.emit(x, y)
