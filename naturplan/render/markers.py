"""Numbered markers of the candidates on a print map (the key's numbers, see
:mod:`naturplan.export.layout.key`).

A marker is a white disc with a dark ring and the number in bold, a few millimetres across
at any scale, so a candidate of a few hectares can be found on a 1:400.000 overview. A marker
that would cover one drawn before moves to the nearest free place around its point (up to
two diameters away, with a thin leader line back); if there is none it is drawn where it
is, because a number in the key must be on the map.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from naturplan.pagemodel.page import KeyRow
from naturplan.render.decorations import points_to_px
from naturplan.render.labels import Placer
from naturplan.render.view import MapView

#: Marker diameter and number size (points on paper).
MARKER_PT = 11.0
NUMBER_PT = 6.5
#: Above this many markers in a frame they are drawn a quarter smaller.
CROWDED = 60
RING = QColor("#5c005c")
FILL = QColor("#ffffff")


def _spots(x: float, y: float, d: float) -> list[tuple[float, float]]:
    """The marker's own point, then eight places one and two diameters around it."""
    out = [(x, y)]
    for ring in (1.0, 2.0):
        out += [(x + ring * d * math.cos(a), y - ring * d * math.sin(a))
                for a in (k * math.pi / 4 for k in range(8))]
    return out


def draw_markers(painter: QPainter, view: MapView, rows: Sequence[KeyRow], dpi: float,
                 reserved: Sequence[QRectF] = ()) -> list[QRectF]:
    """Draw a numbered marker per key row (``number``, ``x``, ``y`` in EPSG:25832 m) inside
    *view*; returns their boxes (for the labels to keep clear of)."""
    small = len(rows) > CROWDED  # many markers: smaller, so fewer cover each other
    d = points_to_px(MARKER_PT * (0.75 if small else 1.0), dpi)
    placer = Placer(view.width, view.height, reserved, gap=points_to_px(0.8, dpi))
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(points_to_px(NUMBER_PT * (0.85 if small else 1.0), dpi))))
    font.setBold(True)
    minx, _, _, maxy = view.bounds
    boxes = []
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for row in rows:
        x, y = (row.x - minx) / view.resolution, (maxy - row.y) / view.resolution
        width = max(d, d * 0.45 * len(str(row.number)))
        at = next(((sx, sy) for sx, sy in _spots(x, y, d)
                   if placer.place_box((sx - width / 2, sy - d / 2, sx + width / 2,
                                        sy + d / 2))), (x, y))
        if at != (x, y):
            painter.setPen(QPen(RING, points_to_px(0.6, dpi)))
            painter.drawLine(QPointF(x, y), QPointF(*at))
        box = QRectF(at[0] - width / 2, at[1] - d / 2, width, d)
        painter.setPen(QPen(RING, points_to_px(1.0, dpi)))
        painter.setBrush(FILL)
        painter.drawRoundedRect(box, d / 2, d / 2)
        painter.setFont(font)
        painter.setPen(RING)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), str(row.number))
        boxes.append(box)
    painter.restore()
    return boxes
