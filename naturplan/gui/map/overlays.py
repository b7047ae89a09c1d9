"""What the canvas paints over the cached map frame: selection, handles, snap markers.

Everything here is drawn in pixels with the current :class:`MapView` on each paint event; the
map itself is not rendered again for a hover or a drag (it is a cached image).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF
from shapely.geometry.base import BaseGeometry

from naturplan.core.plan.snapping import SnapKind, SnapTarget
from naturplan.render import MapView
from naturplan.render.geometry import polygon_from_xy

SELECTION_COLOR = "#ffd400"
SELECTION_HALO = "#1a1a1a"
HANDLE_FILL = "#ffffff"
HANDLE_EDGE = "#0a3d91"
ACTIVE_HANDLE = "#e8262c"
SNAP_COLOR = "#e0149c"
RUBBER_FILL = QColor(224, 20, 156, 50)
RUBBER_EDGE = "#e0149c"
HANDLE_PX = 8.0
SNAP_MARKER_PX = 12.0


def to_pixels(view: MapView, xy: np.ndarray) -> np.ndarray:
    """(n, 2) map coordinates → (n, 2) pixel coordinates of *view*."""
    minx, _, _, maxy = view.bounds
    out = np.empty_like(np.asarray(xy, dtype=np.float64))
    out[:, 0] = (xy[:, 0] - minx) / view.resolution
    out[:, 1] = (maxy - xy[:, 1]) / view.resolution
    return out


def geometry_path(geom: BaseGeometry, view: MapView) -> QPainterPath:
    """A pixel-space path with every ring of a (multi)polygon or line."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    if geom is None or geom.is_empty:
        return path
    parts = shapely.get_parts(geom)
    lines = []
    for part in parts:
        if part.geom_type == "Polygon":
            lines += list(shapely.get_rings(part))
        else:
            lines.append(part)
    for line in lines:
        path.addPolygon(polygon_from_xy(to_pixels(view, shapely.get_coordinates(line))))
    return path


def points_path(xy: Sequence[tuple[float, float]], view: MapView, closed: bool) -> QPolygonF:
    if not xy:
        return QPolygonF()
    arr = np.asarray(list(xy) + ([xy[0]] if closed else []), dtype=np.float64)
    return polygon_from_xy(to_pixels(view, arr))


def paint_selection(painter: QPainter, view: MapView, geoms: Iterable[BaseGeometry]) -> None:
    """Selected candidates: a dark halo under a bright outline, and a light tint."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    tint = QColor(SELECTION_COLOR)
    tint.setAlpha(45)
    for geom in geoms:
        path = geometry_path(geom, view)
        painter.setBrush(QBrush(tint))
        painter.setPen(QPen(QColor(SELECTION_HALO), 5))
        painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(SELECTION_COLOR), 2.5))
        painter.drawPath(path)
    painter.restore()


def paint_handles(painter: QPainter, view: MapView, xy: Sequence[tuple[float, float]],
                  active: int | None = None) -> None:
    """Square vertex handles; *active* (an index into *xy*) is drawn red and larger."""
    if not xy:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pixels = to_pixels(view, np.asarray(xy, dtype=np.float64))
    painter.setPen(QPen(QColor(HANDLE_EDGE), 1.5))
    painter.setBrush(QColor(HANDLE_FILL))
    h = HANDLE_PX / 2
    for i, (px, py) in enumerate(pixels):
        if i == active:
            continue
        painter.drawRect(QRectF(px - h, py - h, HANDLE_PX, HANDLE_PX))
    if active is not None and 0 <= active < len(pixels):
        px, py = pixels[active]
        painter.setBrush(QColor(ACTIVE_HANDLE))
        painter.drawRect(QRectF(px - h - 2, py - h - 2, HANDLE_PX + 4, HANDLE_PX + 4))
    painter.restore()


def paint_snap_marker(painter: QPainter, view: MapView, target: SnapTarget | None) -> None:
    """A square on a snapped vertex, a diamond with a cross on a snapped edge."""
    if target is None:
        return
    px, py = view.to_pixel(target.x, target.y)
    s = SNAP_MARKER_PX / 2
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for color, width in (("#ffffff", 4.0), (SNAP_COLOR, 2.0)):
        painter.setPen(QPen(QColor(color), width))
        if target.kind is SnapKind.VERTEX:
            painter.drawRect(QRectF(px - s, py - s, 2 * s, 2 * s))
        else:
            diamond = QPolygonF([QPointF(px, py - s), QPointF(px + s, py),
                                 QPointF(px, py + s), QPointF(px - s, py)])
            painter.drawPolygon(diamond)
            painter.drawLine(QPointF(px - s / 2, py), QPointF(px + s / 2, py))
            painter.drawLine(QPointF(px, py - s / 2), QPointF(px, py + s / 2))
    painter.restore()


def paint_rubber_band(painter: QPainter, view: MapView, xy: Sequence[tuple[float, float]],
                      closed: bool) -> None:
    """The shape being drawn: vertices, edges and (for a polygon) a light fill."""
    if not xy:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    poly = points_path(xy, view, closed and len(xy) > 2)
    if closed and len(xy) > 2:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(RUBBER_FILL)
        painter.drawPolygon(poly)
    pen = QPen(QColor(RUBBER_EDGE), 2)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPolyline(poly)
    painter.setPen(QPen(QColor(RUBBER_EDGE), 1.5))
    painter.setBrush(QColor("#ffffff"))
    for p in to_pixels(view, np.asarray(xy, dtype=np.float64)):
        painter.drawEllipse(QPointF(p[0], p[1]), 3.5, 3.5)
    painter.restore()
