"""Map furniture drawn by code: scale bar, north arrow, the synthetic-data watermark.

One drawing code for the screen canvas and the print exports (parcel PDF, council layout):
every size is given in typographic points (1/72 inch) and turned into pixels with the
device's dots per inch, so the same call looks the same on a 96 dpi screen and on a 300 dpi
page. The painter draws in the pixel coordinates of the :class:`~naturplan.render.MapView`
(one view pixel = one painter unit).

Usage::

    bar_rect = draw_scale_bar(painter, view, QRectF(0, 0, view.width, view.height), "da")
    draw_north_arrow(painter, QRectF(view.width - 40, 10, 30, 46))

Numbers on the scale bar are written in the map's language with the program's one number
format (:func:`naturplan.text.numbers.format_number`: ``2,5 km`` in Danish, ``2.5 km`` in
English), as the page's scale line and every table write them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from naturplan.render.view import SCREEN_DPI, MapView
from naturplan.text.numbers import format_number

#: The longest a scale bar may be, in millimetres on screen or paper.
SCALE_BAR_MAX_MM = 35.0
#: Segments of the bar (alternating dark and light).
SCALE_BAR_SEGMENTS = 4
#: Sizes in points.
BAR_HEIGHT_PT = 3.6
TEXT_PT = 7.5
PAD_PT = 3.5
WATERMARK_PT = 9.0
INK = "#262626"
PAPER = "#ffffff"


def points_to_px(points: float, dpi: float) -> float:
    """*points* (1/72 inch) in device pixels at *dpi*."""
    return points * dpi / 72.0


def nice_length(max_metres: float) -> float:
    """The longest round length (1, 2 or 5 × 10ⁿ metres) not longer than *max_metres*.

    >>> nice_length(175.0), nice_length(2400.0), nice_length(1000.0)
    (100.0, 2000.0, 1000.0)
    """
    if not math.isfinite(max_metres) or max_metres <= 0:
        return 0.0
    power = 10.0 ** math.floor(math.log10(max_metres))
    for step in (5.0, 2.0, 1.0):
        if step * power <= max_metres * (1 + 1e-9):
            return step * power
    return power  # pragma: no cover - 1 × 10ⁿ always fits


@dataclass(frozen=True)
class ScaleBar:
    """A scale bar laid out for one view: its length on the map and on the device.

    Attributes
    ----------
    metres
        Ground length of the whole bar (m).
    pixels
        Its length in device pixels.
    labels
        The tick labels at 0, the middle and the end; the last carries the unit.
    """

    metres: float
    pixels: float
    labels: tuple[str, str, str]


def length_labels(metres: float, lang: str = "da") -> tuple[str, str, str]:
    """Tick labels for a bar of *metres*: ("0", half, "whole unit"), km from 1 km on.

    >>> length_labels(5000, "da")
    ('0', '2,5', '5 km')
    """
    unit, value = ("km", metres / 1000.0) if metres >= 1000 else ("m", metres)
    half = value / 2

    def text(v: float) -> str:
        decimals = 0 if abs(v - round(v)) < 1e-9 else (1 if abs(v * 10 - round(v * 10)) < 1e-6
                                                       else 2)
        return format_number(float(v), decimals, lang)

    return ("0", text(half), f"{text(value)} {unit}")


def scale_bar_for(view: MapView, dpi: float | None = None,
                  max_mm: float = SCALE_BAR_MAX_MM, lang: str = "da") -> ScaleBar:
    """The scale bar for *view*: a round length at most *max_mm* long on the device.

    *dpi* converts millimetres to device pixels (default: the view's, 96 on screen).
    """
    dpi = dpi or view.device_dpi
    max_px = max_mm / 25.4 * dpi
    metres = nice_length(max_px * view.resolution)
    return ScaleBar(metres, metres / view.resolution if view.resolution > 0 else 0.0,
                    length_labels(metres, lang))


def _font(points: float, dpi: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(points_to_px(points, dpi))))
    font.setBold(bold)
    return font


@dataclass(frozen=True)
class _BarLayout:
    bar: ScaleBar
    outer: QRectF
    x0: float
    y_bar: float
    height: float
    font: QFont


def _bar_layout(view: MapView, anchor_rect: QRectF, lang: str, dpi: float,
                max_mm: float) -> _BarLayout | None:
    bar = scale_bar_for(view, dpi, max_mm, lang)
    if bar.pixels < 4:
        return None
    pad = points_to_px(PAD_PT, dpi)
    height = points_to_px(BAR_HEIGHT_PT, dpi)
    font = _font(TEXT_PT, dpi)
    metrics = QFontMetricsF(font)
    first_w = metrics.horizontalAdvance(bar.labels[0])
    last_w = metrics.horizontalAdvance(bar.labels[2])
    width = first_w / 2 + bar.pixels + last_w / 2 + 2 * pad
    total_h = metrics.height() + height + 2 * pad + points_to_px(1.5, dpi)
    outer = QRectF(anchor_rect.left() + pad, anchor_rect.bottom() - pad - total_h,
                   width, total_h)
    return _BarLayout(bar, outer, outer.left() + pad + first_w / 2,
                      outer.bottom() - pad - height, height, font)


def scale_bar_rect(view: MapView, anchor_rect: QRectF, lang: str = "da",
                   dpi: float | None = None, max_mm: float = SCALE_BAR_MAX_MM) -> QRectF:
    """The rectangle :func:`draw_scale_bar` would cover, without drawing (labels keep
    clear of it)."""
    layout = _bar_layout(view, anchor_rect, lang, dpi or view.device_dpi, max_mm)
    return QRectF() if layout is None else layout.outer


def draw_scale_bar(painter: QPainter, view: MapView, anchor_rect: QRectF, lang: str = "da",
                   dpi: float | None = None, max_mm: float = SCALE_BAR_MAX_MM,
                   box: bool = True) -> QRectF:
    """Draw the scale bar of *view* in the bottom-left corner of *anchor_rect*.

    Parameters
    ----------
    painter
        Draws in the view's pixel coordinates.
    view
        Gives the map metres per pixel.
    anchor_rect
        The area the bar sits in (pixels); the bar hugs its bottom-left corner with a
        small margin.
    lang
        "da" or "en" for the numbers.
    dpi
        Device pixels per inch (default ``view.device_dpi``: 96 on screen, the page's dpi
        for a printed view).
    max_mm
        The longest the bar may be, in millimetres.
    box
        Draw a light box behind the bar (on a busy map).

    Returns
    -------
    QRectF
        The rectangle the bar (with its box) covers, in pixels; empty if nothing was drawn.
    """
    dpi = dpi or view.device_dpi
    layout = _bar_layout(view, anchor_rect, lang, dpi, max_mm)
    if layout is None:
        return QRectF()
    bar, outer, x0, y_bar, height = (layout.bar, layout.outer, layout.x0, layout.y_bar,
                                     layout.height)
    metrics = QFontMetricsF(layout.font)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if box:
        fill = QColor(PAPER)
        fill.setAlphaF(0.8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        radius = points_to_px(2, dpi)
        painter.drawRoundedRect(outer, radius, radius)
    segment = bar.pixels / SCALE_BAR_SEGMENTS
    pen = QPen(QColor(INK), max(points_to_px(0.6, dpi), 1.0))
    painter.setPen(pen)
    for i in range(SCALE_BAR_SEGMENTS):
        painter.setBrush(QBrush(QColor(INK if i % 2 == 0 else PAPER)))
        painter.drawRect(QRectF(x0 + i * segment, y_bar, segment, height))
    painter.setFont(layout.font)
    text_bottom = y_bar - points_to_px(1.5, dpi)
    for label, x in zip(bar.labels, (x0, x0 + bar.pixels / 2, x0 + bar.pixels), strict=True):
        w = metrics.horizontalAdvance(label)
        painter.drawText(QPointF(x - w / 2, text_bottom - metrics.descent()), label)
    painter.restore()
    return outer


def draw_north_arrow(painter: QPainter, rect: QRectF, dpi: float | None = None) -> QRectF:
    """A north arrow with an "N", fitted into *rect* (pixels), pointing up the page.

    The maps are drawn north up in EPSG:25832 (UTM 32N grid north; in Denmark it differs from
    true north by at most about 2.5°). *dpi* sets the outline width (default 96).

    Returns
    -------
    QRectF
        The rectangle actually used (the arrow keeps its proportions inside *rect*).
    """
    dpi = dpi or SCREEN_DPI
    h = rect.height()
    w = min(rect.width(), h * 0.55)
    used = QRectF(rect.center().x() - w / 2, rect.top(), w, h)
    letter_h = h * 0.32
    font = QFont()
    font.setPixelSize(max(1, round(letter_h)))
    font.setBold(True)
    cx = used.center().x()
    top = used.top() + letter_h + h * 0.04
    bottom = used.bottom()
    notch = bottom - (bottom - top) * 0.22
    left = QPolygonF([QPointF(cx, top), QPointF(used.left(), bottom), QPointF(cx, notch)])
    right = QPolygonF([QPointF(cx, top), QPointF(used.right(), bottom), QPointF(cx, notch)])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    outline = QPen(QColor(INK), max(points_to_px(0.7, dpi), 1.0))
    outline.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    halo = QPen(QColor(PAPER), outline.widthF() + points_to_px(2.0, dpi))
    halo.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(halo)
    painter.drawPolygon(QPolygonF([left[0], left[1], left[2], right[1]]))
    painter.setPen(outline)
    painter.setBrush(QColor(INK))
    painter.drawPolygon(left)
    painter.setBrush(QColor(PAPER))
    painter.drawPolygon(right)
    path = QPainterPath()
    metrics = QFontMetricsF(font)
    path.addText(QPointF(cx - metrics.horizontalAdvance("N") / 2, used.top() + metrics.ascent()
                         - (metrics.height() - letter_h) / 2), font, "N")
    painter.strokePath(path, QPen(QColor(PAPER), points_to_px(2.0, dpi)))
    painter.fillPath(path, QColor(INK))
    painter.restore()
    return used


def _watermark_layout(rect: QRectF, text: str, dpi: float,
                      points: float) -> tuple[QRectF, QFont, float]:
    font = _font(points, dpi)
    font.setItalic(True)
    metrics = QFontMetricsF(font)
    pad = points_to_px(PAD_PT, dpi)
    w = metrics.horizontalAdvance(text) + 2 * pad
    h = metrics.height() + pad
    return QRectF(rect.right() - w - pad, rect.bottom() - h - pad, w, h), font, pad


def watermark_rect(rect: QRectF, text: str, dpi: float | None = None,
                   points: float = WATERMARK_PT) -> QRectF:
    """The rectangle :func:`draw_watermark` would cover, without drawing."""
    return _watermark_layout(rect, text, dpi or SCREEN_DPI, points)[0]


def draw_watermark(painter: QPainter, rect: QRectF, text: str, dpi: float | None = None,
                   points: float = WATERMARK_PT) -> QRectF:
    """*text* (e.g. "Syntetisk eksempel – ikke rigtige data") in the bottom-right corner of
    *rect*, discreet: dark-yellow italic on a light band. Returns the rectangle it covers."""
    outer, font, pad = _watermark_layout(rect, text, dpi or SCREEN_DPI, points)
    painter.save()
    fill = QColor(PAPER)
    fill.setAlphaF(0.65)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawRoundedRect(outer, pad / 2, pad / 2)
    painter.setFont(font)
    painter.setPen(QColor("#6a4c00"))
    painter.drawText(outer, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return outer
