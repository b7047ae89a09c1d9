"""Selecting and reshaping tools: select, move a whole candidate, edit its vertices.

As in :mod:`naturplan.gui.editing.edit_tools`: a drag is previewed in the overlay only and becomes
exactly one command on release; Esc during a drag drops it and touches nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen
from shapely.geometry.base import BaseGeometry

from naturplan.core.plan.candidates import (
    GeometryEditError,
    VertexRef,
    delete_vertex,
    insert_vertex,
    move_vertex,
    translate,
    vertices,
)
from naturplan.gui.editing.edit_tools import SNAP_PX, EditTool
from naturplan.gui.map.overlays import geometry_path, paint_handles, paint_snap_marker
from naturplan.gui.map.tools import CLICK_SLOP_PX, ClickOrPan

if TYPE_CHECKING:
    from naturplan.gui.editing.session import EditSession
    from naturplan.gui.map.canvas import MapCanvas

#: How close (pixels) a click must be to a candidate's outline to pick it.
PICK_PX = 3.0


def _moved(a: QPointF, b: QPointF) -> bool:
    return abs(a.x() - b.x()) + abs(a.y() - b.y()) > CLICK_SLOP_PX


class SelectTool(ClickOrPan, EditTool):
    """Click selects the candidate under the cursor, Shift-click adds or removes, a click on
    empty ground clears; dragging pans. Delete deletes the selection (one command)."""

    name = "select"
    cursor = Qt.CursorShape.ArrowCursor

    def clicked(self, x: float, y: float, event: QMouseEvent) -> None:
        hit = self.session.candidate_at(x, y, self.tolerance(PICK_PX))
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if shift and hit is not None:
            self.session.selection.toggle(hit)
        elif not shift:
            self.session.selection.set([hit] if hit else [])

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Delete and self.session.selection.ids:
            self.session.delete(list(self.session.selection.ids))
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            self.active = True
            return True
        return False


class MoveTool(EditTool):
    """Drag a candidate to move it whole; one command on release."""

    name = "move"
    cursor = Qt.CursorShape.SizeAllCursor

    def __init__(self, canvas: MapCanvas, session: EditSession) -> None:
        super().__init__(canvas, session)
        self._id: str | None = None
        self._press: QPointF | None = None
        self._grab = (0.0, 0.0)  # map point that follows the mouse (a vertex when near one)
        self._offset = (0.0, 0.0)

    def mouse_press(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        x, y = self.canvas.view.to_map(event.position().x(), event.position().y())
        self._id = self.session.candidate_at(x, y, self.tolerance(PICK_PX))
        if self._id is None:
            return True
        self.session.selection.set([self._id])
        self._press = event.position()
        self._grab = self._grab_point(self._id, x, y)
        self._offset = (0.0, 0.0)
        return True

    def _grab_point(self, cid: str, x: float, y: float) -> tuple[float, float]:
        """The candidate's vertex near (x, y), so that it is that corner which snaps."""
        if self.session.plan is None:
            return (x, y)
        geometry = self.session.plan.get(cid).geometry
        corners = np.array([(vx, vy) for _, vx, vy in vertices(geometry)])
        if len(corners):
            d = np.hypot(corners[:, 0] - x, corners[:, 1] - y)
            i = int(np.argmin(d))
            if d[i] <= self.tolerance():
                return (float(corners[i, 0]), float(corners[i, 1]))
        return (x, y)

    def _drag_offset(self, pos: QPointF) -> tuple[float, float]:
        """How far the candidate moves for the mouse at *pos*: the grabbed point snaps."""
        assert self._press is not None
        res = self.canvas.view.resolution
        d = pos - self._press
        gx, gy = self._grab[0] + d.x() * res, self._grab[1] - d.y() * res
        target = self.session.snap(gx, gy, self.tolerance(), exclude=self._id)
        self.snap_target = target
        if target is not None:
            gx, gy = target.x, target.y
        return (gx - self._grab[0], gy - self._grab[1])

    def mouse_move(self, event: QMouseEvent) -> bool:
        if self._press is None:
            return False
        self._offset = self._drag_offset(event.position())
        self.canvas.update()
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        if self._press is None or self._id is None:
            return False
        press, cid = self._press, self._id
        dx, dy = self._drag_offset(event.position())
        self._press, self._id, self._offset = None, None, (0.0, 0.0)
        self.snap_target = None
        self.canvas.update()
        if _moved(press, event.position()) and self.session.plan is not None:
            candidate = self.session.plan.get(cid)
            self.session.replace_geometry(
                cid, translate(candidate.geometry, dx, dy),
                self.tr("Move %1").replace("%1", candidate.name))
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            self.active = True
            return True
        return False

    def cancel(self) -> None:
        self._press, self._id, self._offset = None, None, (0.0, 0.0)
        self.snap_target = None
        super().cancel()

    def paint_overlay(self, painter: QPainter) -> None:
        if self._press is None or self._id is None or self.session.plan is None:
            return
        geom = translate(self.session.plan.get(self._id).geometry, *self._offset)
        pen = QPen(QColor("#e0149c"), 2)
        pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(QColor(224, 20, 156, 40))
        painter.drawPath(geometry_path(geom, self.canvas.view))
        paint_snap_marker(painter, self.canvas.view, self.snap_target)


class VertexTool(EditTool):
    """Edit the vertices of the selected candidate (click one to select it first).

    Drag a vertex (snapping) → one command on release; double-click on an edge inserts a
    vertex; right-click on a vertex, or Delete on the highlighted one, removes it.
    """

    name = "vertex"

    def __init__(self, canvas: MapCanvas, session: EditSession) -> None:
        super().__init__(canvas, session)
        self.hover: int | None = None
        self._drag: int | None = None
        self._press: QPointF | None = None
        self._drag_xy: tuple[float, float] | None = None

    # -- what is being edited --------------------------------------------------------
    def target(self) -> tuple[str, BaseGeometry] | None:
        plan = self.session.plan
        ids = [i for i in self.session.selection.ids if plan is not None and i in plan]
        if not ids or plan is None:
            return None
        return ids[0], plan.get(ids[0]).geometry

    def _vertices(self) -> list[tuple[VertexRef, float, float]]:
        target = self.target()
        return vertices(target[1]) if target else []

    def vertex_at(self, pos: QPointF) -> int | None:
        verts = self._vertices()
        if not verts:
            return None
        x, y = self.canvas.view.to_map(pos.x(), pos.y())
        xy = np.asarray([(vx, vy) for _, vx, vy in verts])
        d = np.hypot(xy[:, 0] - x, xy[:, 1] - y)
        i = int(np.argmin(d))
        return i if d[i] <= self.tolerance(SNAP_PX) else None

    def edge_at(self, pos: QPointF) -> tuple[VertexRef, float, float] | None:
        """The edge near *pos*: the ref of its first vertex and the nearest point on it."""
        verts = self._vertices()
        x, y = self.canvas.view.to_map(pos.x(), pos.y())
        best, best_d = None, self.tolerance(SNAP_PX)
        for k, (ref, ax, ay) in enumerate(verts):
            nxt = verts[k + 1] if k + 1 < len(verts) else None
            if nxt is None or (nxt[0].part, nxt[0].ring) != (ref.part, ref.ring):
                first = next(v for v in verts if (v[0].part, v[0].ring) == (ref.part, ref.ring))
                nxt = first
            bx, by = nxt[1], nxt[2]
            vx, vy = bx - ax, by - ay
            length2 = vx * vx + vy * vy or 1.0
            t = min(max(((x - ax) * vx + (y - ay) * vy) / length2, 0.0), 1.0)
            px, py = ax + t * vx, ay + t * vy
            d = float(np.hypot(px - x, py - y))
            if d <= best_d:
                best, best_d = (ref, px, py), d
        return best

    # -- events ----------------------------------------------------------------------
    def mouse_press(self, event: QMouseEvent) -> bool:
        index = self.vertex_at(event.position())
        if event.button() == Qt.MouseButton.RightButton:
            if index is not None:
                self.delete_vertex(index)
            return True
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if index is None:
            x, y = self.canvas.view.to_map(event.position().x(), event.position().y())
            hit = self.session.candidate_at(x, y, self.tolerance(PICK_PX))
            if hit is not None and hit not in self.session.selection.ids[:1]:
                self.session.selection.set([hit])
            self.canvas.update()
            return True
        self._drag, self._press, self.hover = index, event.position(), index
        self._drag_xy = None
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        target = self.target()
        if self._drag is not None and self._press is not None and target is not None:
            x, y, self.snap_target = self.map_point(event.position(), exclude=target[0])
            self._drag_xy = (x, y)
        else:
            self.hover = self.vertex_at(event.position())
            self.snap_target = None
        self.canvas.update()
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        if self._drag is None or self._press is None:
            return False
        index, press = self._drag, self._press
        self._drag, self._press, self._drag_xy, self.snap_target = None, None, None, None
        target = self.target()
        self.canvas.update()
        if target is None or not _moved(press, event.position()):
            return True
        x, y, _snap = self.map_point(event.position(), exclude=target[0])
        xy = (x, y)
        ref = self._vertices()[index][0]
        self._edit(target, lambda g: move_vertex(g, ref, xy), self.tr("Move vertex of %1"))
        return True

    def mouse_double_click(self, event: QMouseEvent) -> bool:
        target = self.target()
        edge = self.edge_at(event.position())
        if target is None or edge is None or self.vertex_at(event.position()) is not None:
            return True
        ref, px, py = edge
        _x, _y, snapped = self.map_point(event.position(), exclude=target[0])
        xy = (snapped.x, snapped.y) if snapped is not None else (px, py)
        self._edit(target, lambda g: insert_vertex(g, ref, xy), self.tr("Add vertex to %1"))
        return True

    def key_press(self, event: QKeyEvent) -> bool:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.hover is not None:
            self.delete_vertex(self.hover)
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            self.active = True
            return True
        return False

    def delete_vertex(self, index: int) -> None:
        target = self.target()
        if target is None:
            return
        ref = self._vertices()[index][0]
        self.hover = None
        self._edit(target, lambda g: delete_vertex(g, ref), self.tr("Delete vertex of %1"))

    def _edit(self, target: tuple[str, BaseGeometry], edit: object, text: str) -> None:
        cid, geom = target
        name = self.session.plan.get(cid).name  # type: ignore[union-attr]
        text = text.replace("%1", name)
        try:
            new = edit(geom)  # type: ignore[operator]
        except GeometryEditError as exc:
            self.session.report_error(text, exc)
            return
        self.session.replace_geometry(cid, new, text)

    def cancel(self) -> None:
        self._drag, self._press, self._drag_xy, self.hover = None, None, None, None
        super().cancel()

    def paint_overlay(self, painter: QPainter) -> None:
        target = self.target()
        if target is None:
            return
        verts = self._vertices()
        xy = [(vx, vy) for _, vx, vy in verts]
        if self._drag is not None and self._drag_xy is not None:
            try:
                preview = move_vertex(target[1], verts[self._drag][0], self._drag_xy)
                pen = QPen(QColor("#e0149c"), 2)
            except GeometryEditError:
                preview = None
                pen = QPen(QColor("#d00000"), 2)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            if preview is not None:
                painter.drawPath(geometry_path(preview, self.canvas.view))
            xy[self._drag] = self._drag_xy
        active = self._drag if self._drag is not None else self.hover
        paint_handles(painter, self.canvas.view, xy, active)
        paint_snap_marker(painter, self.canvas.view, self.snap_target)
