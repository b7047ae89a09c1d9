"""What the drawing tools show of a shape in progress (issue 20 items 3 and 4).

A pending sketch is never a lone dot that can be missed: its corners are drawn as clear
markers and a note in the map's corner says how many there are and that Esc drops them. A
shape refused as invalid gets its reason in the user's words, with the place rounded to whole
metres and marked on the map (GEOS' English ``Self-intersection[553387.37 6315872.67]`` is
parsed by :mod:`naturplan.core.plan.validity`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen

from naturplan.core.plan.validity import InvalidKind, InvalidPlace, parse_reason
from naturplan.gui.map.overlays import RUBBER_EDGE
from naturplan.render import MapView
from naturplan.text.numbers import format_number

PROBLEM_COLOUR = "#d00000"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Sketch", text)


def _what(kind: InvalidKind | None) -> str:
    words = {
        InvalidKind.SELF_INTERSECTION: _tr("The outline crosses itself"),
        InvalidKind.RING_SELF_INTERSECTION: _tr("The outline crosses itself"),
        InvalidKind.TOO_FEW_POINTS: _tr("The outline has too few distinct corners"),
        InvalidKind.HOLE_OUTSIDE_SHELL: _tr("A hole lies outside the area"),
        InvalidKind.NESTED_HOLES: _tr("Two holes lie inside each other"),
        InvalidKind.DISCONNECTED_INTERIOR: _tr("The holes cut the area into pieces"),
        InvalidKind.NESTED_SHELLS: _tr("Two parts lie inside each other"),
        InvalidKind.DUPLICATE_RINGS: _tr("Two rings are the same"),
        InvalidKind.INVALID_COORDINATE: _tr("A corner has an invalid coordinate"),
        InvalidKind.RING_NOT_CLOSED: _tr("The outline is not closed"),
    }
    return words.get(kind, _tr("The outline is not a valid area")) if kind else \
        _tr("The outline is not a valid area")


def where_invalid(problem: InvalidPlace | None, lang: str, marked: bool = True) -> str:
    """What is wrong and where, coordinates rounded to whole metres: "Omridset krydser sig
    selv ved Ø 553.387, N 6.315.873 (markeret på kortet)." (*marked*: the place is drawn)."""
    what = _what(problem.kind if problem else None)
    if problem is None or problem.x is None or problem.y is None:
        return what + "."
    text = _tr("%1 at E %2, N %3 (marked on the map).") if marked else _tr("%1 at E %2, N %3.")
    return text.replace("%1", what).replace("%2", format_number(problem.x, 0, lang)).replace(
        "%3", format_number(problem.y, 0, lang))


def invalid_text(problem: InvalidPlace | None, lang: str) -> str:
    """Why the drawn shape was refused, where, and what to do about it."""
    return (f"{where_invalid(problem, lang)} "
            f"{_tr('Remove points with Backspace or press Esc to start again.')}")


def refused_edit_text(reason: str, lang: str) -> str:
    """A vertex edit refused as invalid (*reason*: GEOS' text from the core's error)."""
    return _tr("That edit would make the area invalid: %1").replace(
        "%1", where_invalid(parse_reason(reason), lang, marked=False))


def paint_pending(painter: QPainter, view: MapView, xy: Sequence[tuple[float, float]],
                  note: str) -> None:
    """The corners of a sketch as clear markers (the first one larger) and *note* in the
    map's top left corner."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    edge = QColor(RUBBER_EDGE)
    painter.setPen(QPen(QColor("#ffffff"), 2))
    painter.setBrush(edge)
    for k, (x, y) in enumerate(xy):
        px, py = view.to_pixel(x, y)
        painter.drawEllipse(QPointF(px, py), 8.0 if k == 0 else 5.0, 8.0 if k == 0 else 5.0)
    font = QFont(painter.font())
    font.setBold(True)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    box = QRectF(8, 8, metrics.horizontalAdvance(note) + 16, metrics.height() + 8)
    painter.setPen(QPen(edge, 1.5))
    painter.setBrush(QColor(255, 255, 255, 235))
    painter.drawRoundedRect(box, 4, 4)
    painter.setPen(edge.darker(140))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, note)
    painter.restore()


def paint_problem(painter: QPainter, view: MapView, problem: InvalidPlace) -> None:
    """A red ring with a cross where the shape is invalid."""
    if problem.x is None or problem.y is None:
        return
    px, py = view.to_pixel(problem.x, problem.y)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for colour, width in (("#ffffff", 5.0), (PROBLEM_COLOUR, 2.5)):
        painter.setPen(QPen(QColor(colour), width))
        painter.drawEllipse(QPointF(px, py), 11.0, 11.0)
        painter.drawLine(QPointF(px - 6, py - 6), QPointF(px + 6, py + 6))
        painter.drawLine(QPointF(px - 6, py + 6), QPointF(px + 6, py - 6))
    painter.restore()
