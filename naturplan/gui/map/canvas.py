"""The map canvas: renders off the GUI thread and shows the last frame while it works.

Every change of view or layers asks for a new frame. The frame is drawn by
:class:`~naturplan.render.MapRenderer` into a QImage in a worker thread; meanwhile the
canvas paints the last image moved and scaled to the new view (a pan costs one
``drawImage``). A newer request makes an older frame in progress give up between layers.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPointF,
    QRectF,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from naturplan.gui.map import furniture
from naturplan.gui.map.map_layers import MapLayerList
from naturplan.gui.map.tools import MapTool, PanTool
from naturplan.gui.map.windows import WindowReader
from naturplan.render import MapRenderer, MapView, RenderItem
from naturplan.render.renderer import RenderStats

BACKGROUND = "#cfe0ea"  # the sea: a quiet blue (land outside the municipality is drawn)
WHEEL_STEP = 1.25
KEY_PAN_FRACTION = 0.25
#: Wait this long after the last change before starting a frame (wheel bursts, drags).
DEBOUNCE_MS = 25


log = logging.getLogger(__name__)


class _FrameSignals(QObject):
    done = Signal(int, QImage, object, object)  # generation, image, view, stats
    failed = Signal(int, object)  # generation, exception


class _FrameJob(QRunnable):
    def __init__(
        self, canvas: MapCanvas, generation: int, view: MapView, items: list[RenderItem]
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.renderer = canvas.renderer
        self.signals = canvas._frame_signals
        self.generation = generation
        self.current = canvas._current_generation
        self.view = view
        self.items = items
        self.labels = canvas.show_labels
        self.reserved = furniture.reserved_rects(canvas, view)
        self.background = canvas.frame_background

    def run(self) -> None:
        def cancelled() -> bool:
            return self.current() != self.generation

        items, self.items = self.items, []  # PySide may keep the job: not its layers
        try:
            image, stats = self.renderer.render_image(self.view, items, self.background,
                                                      cancelled, self.labels, self.reserved)
        except Exception as exc:  # noqa: BLE001 - a failed frame must not kill the thread
            log.exception("the map frame could not be drawn")
            self.signals.failed.emit(self.generation, exc)
            return
        self.signals.done.emit(self.generation, image, self.view, stats)


class _PrepareJob(QRunnable):
    """Builds the next zoom levels of the view on screen (the second core), until the
    next frame is asked for."""

    def __init__(self, canvas: MapCanvas, view: MapView, items: list[RenderItem]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self.renderer = canvas.renderer
        self.generation = canvas._latest
        self.current = canvas._current_generation
        self.view = view
        self.items = items

    def run(self) -> None:
        items, self.items = self.items, []  # (as _FrameJob: a kept job keeps no window)
        try:
            self.renderer.prepare_around(self.view, items,
                                         lambda: self.current() != self.generation)
        except Exception:  # noqa: BLE001 - preparing is an optimisation; the frame will tell
            log.exception("preparing the next zoom levels failed")


class MapCanvas(QWidget):
    """The map widget. ``view`` is what the user looks at; ``image`` the last frame."""

    view_changed = Signal(object)  # MapView
    cursor_moved = Signal(float, float)  # map x, y
    frame_ready = Signal(object)  # RenderStats
    rendering_changed = Signal(bool)
    #: A frame could not be drawn (the exception); the last good frame stays on screen.
    frame_failed = Signal(object)

    def __init__(self, layers: MapLayerList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(200, 150)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.layers = layers
        self.renderer = MapRenderer()
        self.view = MapView(552_000.0, 6_320_000.0, 50.0, max(self.width(), 1),
                            max(self.height(), 1))
        self.home_bounds: tuple[float, float, float, float] | None = None
        #: True while the view is "the whole municipality": a resize then refits it.
        self.at_home = False
        self.image: QImage | None = None
        self.image_view: MapView | None = None
        self.last_stats = RenderStats()
        self._generation = itertools.count(1)
        self._latest = 0
        self._pending = False
        self._frame_signals = _FrameSignals(self)
        self._frame_signals.done.connect(self._on_frame)
        self._frame_signals.failed.connect(self._on_failed)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        #: Prepares the next zoom levels while the user looks (a second thread: 2nd core).
        self._prepare_pool = QThreadPool(self)
        self._prepare_pool.setMaxThreadCount(1)
        #: Build the next zoom levels in the background after each frame.
        self.prepare_ahead = True
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._start_frame)
        self.tool: MapTool = PanTool(self)
        self.tool.start()
        #: Pans with the middle button or with Space held, whatever the tool (as in QGIS);
        #: the tool is neither told nor cancelled, so a sketch survives the pan.
        self._grab = PanTool(self)
        self._space_held = False
        #: Callables ``f(painter)`` drawn over the cached frame, under the tool's overlay
        #: (the selection highlight): a hover or a selection never re-renders the map.
        self.overlays: list[Callable[[QPainter], None]] = []
        #: Map furniture, drawn over everything but the tool (toggled in the View menu).
        self.show_scale_bar = True
        self.show_north_arrow = True
        #: The language of the scale bar's numbers.
        self.lang = "da"
        #: A discreet note in the corner ("synthetic sample"), "" for none.
        self.watermark = ""
        #: Labels from the styles in the frame (toggled in the View menu).
        self.show_labels = True
        #: The label under the mouse pointer (text, rule, pixel position) or None.
        self.hover: furniture.Hover | None = None
        #: Callables ``f(painter)`` drawn under the frame, on every paint (the basemap,
        #: issue 12: from memory only); while there is one, frames have no background.
        self.underlays: list[Callable[[QPainter], None]] = []
        layers.changed.connect(self.request_render)
        #: Reads the windowed layers (national parcels) for the view, in the background.
        self.windows = WindowReader(layers, self)
        self.view_changed.connect(self.windows.follow)

    # -- view -------------------------------------------------------------------------
    def _current_generation(self) -> int:
        return self._latest

    @property
    def frame_background(self) -> str:
        """The colour a frame is drawn on: none while something is drawn under it."""
        return "transparent" if self.underlays else BACKGROUND

    def set_view(self, view: MapView, home: bool = False) -> None:
        self.at_home = home
        self.view = view.resized(max(self.width(), 1), max(self.height(), 1))
        self.view_changed.emit(self.view)
        self.update()
        self.request_render()

    def zoom_to(self, bounds: tuple[float, float, float, float], home: bool = False) -> None:
        self.set_view(MapView.fit(bounds, max(self.width(), 1), max(self.height(), 1)), home)

    def zoom_home(self) -> None:
        if self.home_bounds is not None:
            self.zoom_to(self.home_bounds, home=True)

    def zoom_by(self, factor: float, px: float | None = None, py: float | None = None) -> None:
        self.set_view(self.view.zoomed(factor, px, py))

    def pan_by(self, dx: float, dy: float) -> None:
        self.set_view(self.view.panned(dx, dy))

    def set_tool(self, tool: MapTool) -> None:
        if tool is self.tool:
            return
        self.tool.cancel()
        self.tool = tool
        tool.start()

    # -- frames -----------------------------------------------------------------------
    def request_render(self) -> None:
        """Ask for a new frame soon; an older frame in progress is abandoned."""
        self._latest = next(self._generation)
        self._timer.start()

    def _start_frame(self) -> None:
        if self.width() < 2 or self.height() < 2:
            return
        self._pending = True
        self.rendering_changed.emit(True)
        job = _FrameJob(self, self._latest, self.view, self.layers.render_items())
        self._pool.start(job)

    def _on_frame(self, generation: int, image: QImage, view: MapView, stats: RenderStats) -> None:
        if generation != self._latest or stats.cancelled or image.isNull():
            return
        self.image, self.image_view, self.last_stats = image, view, stats
        self._pending = False
        self.rendering_changed.emit(False)
        self.frame_ready.emit(stats)
        self.update()
        if self.prepare_ahead:
            self._prepare_pool.start(_PrepareJob(self, view, self.layers.render_items()))

    def _on_failed(self, generation: int, error: BaseException) -> None:
        """Stop saying "drawing", keep the last frame, tell the window; the next change of
        view or layers tries again."""
        if generation != self._latest:
            return
        self._pending = False
        self.rendering_changed.emit(False)
        self.frame_failed.emit(error)
        self.update()

    @property
    def idle(self) -> bool:
        """True when the shown frame is the one for the current view and layers."""
        return not self._pending and not self._timer.isActive() and self.image_view == self.view

    def render_now(self) -> RenderStats:
        """Draw the current view in this thread (screenshots, print preview, tests)."""
        self._timer.stop()
        self._latest = next(self._generation)
        self._pool.waitForDone()
        self.view = self.view.resized(max(self.width(), 1), max(self.height(), 1))
        if self.windows.view != self.view:
            self.windows.follow(self.view)
        self.windows.wait()
        image, stats = self.renderer.render_image(
            self.view, self.layers.render_items(), self.frame_background, labels=self.show_labels,
            reserved=furniture.reserved_rects(self, self.view))
        self.image, self.image_view, self.last_stats = image, self.view, stats
        self._pending = False
        self.rendering_changed.emit(False)
        self.frame_ready.emit(stats)
        self.update()
        return stats

    def shutdown(self) -> None:
        self._timer.stop()
        self._latest = next(self._generation)
        self._pool.waitForDone(5000)
        self._prepare_pool.waitForDone(5000)
        self.windows.shutdown(5000)

    # -- Qt events --------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(BACKGROUND))
        for underlay in self.underlays:
            underlay(painter)
        if self.image is not None and self.image_view is not None:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawImage(self._image_rect(), self.image)
        for overlay in self.overlays:
            overlay(painter)
        furniture.paint(painter, self)
        self.tool.paint_overlay(painter)
        painter.end()

    def _image_rect(self) -> QRectF:
        """Where the last frame lies in the current view (pixels)."""
        old = self.image_view
        assert old is not None
        minx, miny, maxx, maxy = old.bounds
        x0, y0 = self.view.to_pixel(minx, maxy)
        x1, y1 = self.view.to_pixel(maxx, miny)
        return QRectF(QPointF(x0, y0), QPointF(x1, y1))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        refit = self.home_bounds is not None and (self.image is None or self.at_home)
        self.view = self.view.resized(max(self.width(), 1), max(self.height(), 1))
        if refit:
            self.zoom_home()
        else:
            self.view_changed.emit(self.view)
            self.request_render()
        super().resizeEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        if self.hover is not None:
            self.hover = None
            self.update()
        super().leaveEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802
        steps = event.angleDelta().y() / 120.0
        if steps:
            pos = event.position()
            self.zoom_by(WHEEL_STEP**steps, pos.x(), pos.y())
        event.accept()

    def _grab_starts(self, event: QMouseEvent) -> bool:
        """A middle-button press, or a left press while Space is held, pans the map."""
        button = event.button()
        return button == Qt.MouseButton.MiddleButton or (
            self._space_held and button == Qt.MouseButton.LeftButton)

    def _start_grab(self, event: QMouseEvent) -> None:
        left = QMouseEvent(event.type(), event.position(), event.globalPosition(),
                           Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton,
                           event.modifiers())
        self._grab.mouse_press(left)

    def _end_grab(self) -> None:
        self._grab.cancel()
        self.setCursor(Qt.CursorShape.OpenHandCursor if self._space_held else self.tool.cursor)

    @property
    def grabbing(self) -> bool:
        """True while a middle-button or Space drag is moving the map."""
        return self._grab.dragging

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self.setFocus()
        if self._grab_starts(event):
            self._start_grab(event)
            return
        if not self.tool.mouse_press(event):
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        x, y = self.view.to_map(event.position().x(), event.position().y())
        self.cursor_moved.emit(x, y)
        if self.grabbing:
            self._grab.mouse_move(event)
            return
        hover = furniture.hover_at(self, x, y, event.position())
        if hover != self.hover:
            self.hover = hover
            self.update()
        if not self.tool.mouse_move(event):
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.grabbing:
            if event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
                self._end_grab()
            return
        if not self.tool.mouse_release(event):
            super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._grab_starts(event) or self.grabbing:
            return  # a quick second grab is not a double-click for the tool
        if not self.tool.mouse_double_click(event):
            super().mouseDoubleClickEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            if not self.grabbing:
                self._end_grab()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        """Space released elsewhere never reaches the canvas: stop the Space mode here."""
        if self._space_held:
            self._space_held = False
            self._end_grab()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Space:
            if not event.isAutoRepeat() and not self._space_held:
                self._space_held = True
                self.setCursor(Qt.CursorShape.OpenHandCursor)
            return  # never the tool's: Space only pans
        if self.tool.key_press(event):
            return
        key = event.key()
        step_x = self.width() * KEY_PAN_FRACTION
        step_y = self.height() * KEY_PAN_FRACTION
        moves = {
            Qt.Key.Key_Left: (step_x, 0.0),
            Qt.Key.Key_Right: (-step_x, 0.0),
            Qt.Key.Key_Up: (0.0, step_y),
            Qt.Key.Key_Down: (0.0, -step_y),
        }
        if key in moves:
            self.pan_by(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(WHEEL_STEP * WHEEL_STEP)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / (WHEEL_STEP * WHEEL_STEP))
        else:
            super().keyPressEvent(event)


def measure_pan(canvas: MapCanvas, steps: int = 20) -> list[float]:
    """Seconds per repaint of the cached frame while panning (benchmarks)."""
    times = []
    for i in range(steps):
        canvas.view = canvas.view.panned(3.0 if i % 2 else -3.0, 2.0)
        start = time.perf_counter()
        canvas.repaint()
        times.append(time.perf_counter() - start)
    return times
