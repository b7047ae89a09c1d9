"""Drawing tools: draw a candidate polygon (with snapping and tracing) and split by a line.

Each tool is one interaction object (STYLE.md): ``start`` when chosen, ``finish`` pushes exactly
one command through the :class:`~naturplan.gui.editing.session.EditSession`, ``cancel`` (Esc, or
another tool taking over) forgets what was clicked and touches nothing.

Snapping: a click within :data:`SNAP_PX` pixels of a vertex or an edge of a parcel, a §3
polygon or another candidate lands exactly on it (tolerance in metres = pixels × metres per
pixel of the current view). Tracing (the session's toggle, or Shift held): when two
consecutive clicks snap to the same feature, the vertices of its boundary between them are
inserted, along the shorter way round.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QPainter

from naturplan.core.plan.candidates import validate_geometry
from naturplan.core.plan.snapping import SnapTarget, trace_between
from naturplan.core.plan.validity import InvalidPlace, why_invalid
from naturplan.gui.editing.sketch import invalid_text, paint_pending, paint_problem
from naturplan.gui.map.overlays import paint_rubber_band, paint_snap_marker
from naturplan.gui.map.tools import MapTool

if TYPE_CHECKING:
    from naturplan.gui.editing.session import EditSession
    from naturplan.gui.map.canvas import MapCanvas

#: Snapping reach in screen pixels.
SNAP_PX = 8.0
#: A click this close (pixels) to the previous vertex adds nothing (double-click echoes).
SAME_POINT_PX = 2.0


class EditTool(MapTool):
    """A tool that edits the session's plan; knows snapping and the snap marker."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas: MapCanvas, session: EditSession) -> None:
        super().__init__(canvas)
        self.session = session
        self.snap_target: SnapTarget | None = None

    def tolerance(self, pixels: float = SNAP_PX) -> float:
        """*pixels* in metres at the current zoom."""
        return pixels * self.canvas.view.resolution

    def map_point(self, pos: QPointF, exclude: str | None = None
                  ) -> tuple[float, float, SnapTarget | None]:
        """The map point under *pos*, snapped when snapping is on and something is near."""
        x, y = self.canvas.view.to_map(pos.x(), pos.y())
        target = self.session.snap(x, y, self.tolerance(), exclude=exclude)
        if target is not None:
            return target.x, target.y, target
        return x, y, None

    def cancel(self) -> None:
        self.snap_target = None
        self.canvas.update()
        super().cancel()

    def paint_overlay(self, painter: QPainter) -> None:
        paint_snap_marker(painter, self.canvas.view, self.snap_target)


class PointsTool(EditTool):
    """Click points; double-click, Enter or right-click finishes; Backspace removes the
    last point; Esc cancels."""

    closed = True
    min_points = 3

    def __init__(self, canvas: MapCanvas, session: EditSession) -> None:
        super().__init__(canvas, session)
        self.points: list[tuple[float, float]] = []
        self.snaps: list[SnapTarget | None] = []
        self.cursor_xy: tuple[float, float] | None = None
        #: When and where the double-click that finished the last shape was (event
        #: timestamp in ms, pixel): presses that belong to it start nothing.
        self._finished_by: tuple[int, QPointF] | None = None
        #: Where the last refused shape is invalid (drawn on the map until the next change).
        self.problem: InvalidPlace | None = None

    def start(self) -> None:
        self.points, self.snaps, self.cursor_xy = [], [], None
        self.problem = None
        super().start()

    def cancel(self) -> None:
        if self.points:
            self.session.message.emit("")  # the drawing note goes with the sketch
        self.points, self.snaps, self.cursor_xy = [], [], None
        self.problem = None
        super().cancel()

    def _echo_of_finish(self, event: QMouseEvent) -> bool:
        """True for a press within the double-click interval of the double-click that just
        finished a shape, at about its place: the third click of a quick "triple" click, which
        once started a stray one-point sketch that the next drawing grew from."""
        if self._finished_by is None or self.points:
            return False
        at, where = self._finished_by
        hints = QGuiApplication.styleHints()
        reach = 3 * max(hints.mouseDoubleClickDistance(), 2)
        moved = event.position() - where
        return (0 <= event.timestamp() - at <= hints.mouseDoubleClickInterval()
                and abs(moved.x()) <= reach and abs(moved.y()) <= reach)

    def _is_last(self, pos: QPointF) -> bool:
        if not self.points:
            return False
        px, py = self.canvas.view.to_pixel(*self.points[-1])
        return abs(px - pos.x()) <= SAME_POINT_PX and abs(py - pos.y()) <= SAME_POINT_PX

    def add_point(self, pos: QPointF, trace: bool) -> None:
        if self._is_last(pos):
            return
        x, y, target = self.map_point(pos)
        prev = self.snaps[-1] if self.snaps else None
        if trace and prev is not None and target is not None:
            self._trace(prev, target)
        self.points.append((x, y))
        self.snaps.append(target)
        self.problem = None
        if len(self.points) == 1:  # a sketch has begun: say so, and how to drop it
            self.session.message.emit(self.tr(
                "Drawing: click the next corner; double-click or Enter finishes, Esc drops "
                "the sketch."))
        self.canvas.update()

    def _trace(self, prev: SnapTarget, target: SnapTarget) -> None:
        """Insert the boundary vertices between two snapped clicks on one feature (on a
        shared parcel edge, the feature both clicks have in common)."""
        index, tol = self.session.snap_index, max(self.tolerance(0.5), 1e-6)
        for source in dict.fromkeys((prev.source, target.source)):
            common = index.features_near(source, prev.x, prev.y, tol) & \
                index.features_near(source, target.x, target.y, tol)
            if common:
                feature = replace(target, source=source, feature=min(common))
                path = trace_between(index.boundary_at(feature), (prev.x, prev.y),
                                     (target.x, target.y))
                for p in path[1:-1]:
                    self.points.append(p)
                    self.snaps.append(None)
                return

    def mouse_press(self, event: QMouseEvent) -> bool:
        if event.button() == Qt.MouseButton.LeftButton:
            if self._echo_of_finish(event):
                return True
            self._finished_by = None
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.add_point(event.position(), self.session.tracing or shift)
            return True
        if event.button() == Qt.MouseButton.RightButton and self.points:
            self.finish()
            return True
        return False

    def mouse_double_click(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.add_point(event.position(), self.session.tracing or shift)
        had = bool(self.points)
        self.finish()
        if had and not self.points:  # finished: the clicks of this double-click are spent
            self._finished_by = (event.timestamp(), event.position())
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        x, y, self.snap_target = self.map_point(event.position())
        self.cursor_xy = (x, y)
        self.canvas.update()
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            return True
        if key == Qt.Key.Key_Backspace:
            if self.points:
                self.points.pop()
                self.snaps.pop()
                self.problem = None
                self.canvas.update()
            return True
        if key == Qt.Key.Key_Escape:
            self.cancel()
            self.active = True  # the tool stays chosen, ready for the next shape
            return True
        return False

    def finish(self) -> None:
        """Complete the shape: exactly one command if it is accepted."""
        if len(self.points) < self.min_points:
            return
        # The drawing note goes first: what the edit says (an overlap clipped) comes after.
        self.session.message.emit("")
        if self.complete(list(self.points)):
            self.points, self.snaps = [], []
            self.canvas.update()

    def complete(self, points: list[tuple[float, float]]) -> bool:
        raise NotImplementedError

    def paint_overlay(self, painter: QPainter) -> None:
        shown = list(self.points)
        if self.cursor_xy is not None and shown:
            shown.append(self.cursor_xy)
        paint_rubber_band(painter, self.canvas.view, shown, self.closed)
        if self.points:  # a pending sketch is never a lone dot one can miss
            paint_pending(painter, self.canvas.view, self.points, self.tr(
                "Sketch: %n points – double-click or Enter finishes, Esc drops it", "",
                len(self.points)))
        if self.problem is not None:
            paint_problem(painter, self.canvas.view, self.problem)
        super().paint_overlay(painter)


class DrawPolygonTool(PointsTool):
    """Draw a new candidate area of the session's current kind."""

    name = "draw"

    def complete(self, points: list[tuple[float, float]]) -> bool:
        polygon = shapely.Polygon(points)
        check = validate_geometry(polygon)
        problem = why_invalid(polygon)
        if not check.ok or problem is not None:
            self.problem = problem
            self.canvas.update()  # the place is marked on the map while the dialog is open
            self.session.error.emit(self.tr("The area is not valid"), invalid_text(
                problem, self.session.lang))
            return False
        return self.session.add(polygon) is not None


class SplitTool(PointsTool):
    """Draw a line across a candidate area to split it in two (or more)."""

    name = "split"
    closed = False
    min_points = 2

    def complete(self, points: list[tuple[float, float]]) -> bool:
        line = shapely.LineString(points)
        session = self.session
        selected = [i for i in session.selection.ids if i in session.candidate_ids]
        crossed = [cid for cid in session.candidate_ids
                   if shapely.intersects(line, session.plan.get(cid).geometry)]  # type: ignore[union-attr]
        chosen = [i for i in selected if i in crossed] or crossed
        if len(chosen) != 1:
            session.error.emit(self.tr("Split"), self.tr(
                "Draw the line across exactly one candidate area (or select the one to split)."))
            return False
        return session.split(chosen[0], line) is not None
