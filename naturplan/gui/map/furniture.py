"""What the canvas paints over its cached frame besides the tools: the scale bar, the north
arrow, the synthetic-data watermark (drawing code in :mod:`naturplan.render.decorations`,
shared with print) and the label of the feature under the mouse pointer.

Painted on every paint event for the view on screen, so the scale bar is right while the
last frame is still being stretched to a new zoom; the frame's labels keep clear of the
rectangles these take (:func:`reserved_rects`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QPainter

from naturplan.core.layers.layer import VectorLayer
from naturplan.core.layers.style import LabelStyle
from naturplan.gui.map.map_layers import MapLayerList
from naturplan.render import MapRenderer, MapView
from naturplan.render.decorations import (
    draw_north_arrow,
    draw_scale_bar,
    draw_watermark,
    points_to_px,
    scale_bar_rect,
    watermark_rect,
)
from naturplan.render.labels import draw_label
from naturplan.text.numbers import format_value

#: Height of the north arrow, in points.
NORTH_ARROW_PT = 28.0
#: Margin of the furniture from the canvas edge, in points.
MARGIN_PT = 8.0
#: Where the hover label sits from the mouse pointer, in pixels (right, up).
HOVER_OFFSET = (14.0, -10.0)


@dataclass(frozen=True)
class Hover:
    """The label shown under the mouse pointer: text, rule and pixel position."""

    text: str
    rule: LabelStyle
    x: float
    y: float


class Host(Protocol):
    """What the furniture needs of the canvas."""

    view: MapView
    layers: MapLayerList
    renderer: MapRenderer
    lang: str
    show_scale_bar: bool
    show_north_arrow: bool
    watermark: str
    hover: Hover | None

    def width(self) -> int: ...
    def height(self) -> int: ...
    def rect(self) -> QRect: ...
    def logicalDpiX(self) -> int: ...  # noqa: N802 - Qt's name
    def logicalDpiY(self) -> int: ...  # noqa: N802 - Qt's name


def north_arrow_rect(host: Host) -> QRectF:
    """Where the north arrow goes: the top-right corner (pixels)."""
    dpi = host.logicalDpiY()
    h = points_to_px(NORTH_ARROW_PT, dpi)
    margin = points_to_px(MARGIN_PT, dpi)
    return QRectF(host.width() - h * 0.55 - margin, margin, h * 0.55, h)


def reserved_rects(host: Host, view: MapView) -> list[QRectF]:
    """The rectangles the furniture covers in *view*: labels are placed clear of them."""
    area = QRectF(0, 0, view.width, view.height)
    dpi = float(host.logicalDpiX())
    out = []
    if host.show_scale_bar:
        out.append(scale_bar_rect(view, area, host.lang, dpi))
    if host.show_north_arrow:
        out.append(north_arrow_rect(host))
    if host.watermark:
        out.append(watermark_rect(area, host.watermark, dpi))
    return [rect for rect in out if not rect.isEmpty()]


def paint(painter: QPainter, host: Host) -> None:
    """The scale bar (bottom left), the north arrow (top right), the watermark (bottom
    right) and the hover label."""
    dpi = float(host.logicalDpiX())
    area = QRectF(host.rect())
    if host.show_scale_bar:
        draw_scale_bar(painter, host.view, area, host.lang, dpi)
    if host.show_north_arrow:
        draw_north_arrow(painter, north_arrow_rect(host), dpi)
    if host.watermark:
        draw_watermark(painter, area, host.watermark, dpi)
    hover = host.hover
    if hover is not None:
        draw_label(painter, hover.text, QPointF(hover.x + HOVER_OFFSET[0],
                                                hover.y + HOVER_OFFSET[1]), hover.rule, dpi,
                   host.renderer.label_font)


def hover_at(host: Host, x: float, y: float, pixel: QPointF) -> Hover | None:
    """The hover label at map point (x, y): the top visible layer with a ``hover`` label
    rule that has a feature there (the §3 type under the pointer), or None."""
    scale = host.view.scale_denominator
    for entry in reversed(list(host.layers)):
        layer, style = entry.layer, entry.style
        if not entry.visible or not isinstance(layer, VectorLayer):
            continue
        rules = [rule for rule in style.labels if rule.hover]
        if not rules or not style.visible_at(scale):
            continue
        rule = rules[0]
        if rule.field not in layer.frame.columns:
            continue
        hits = host.renderer.index_for(layer).at_point(x, y)
        if len(hits):
            value = layer.frame[rule.field].iat[int(hits[-1])]  # the one drawn on top
            text = style.label_text(rule, value, host.lang, format_value)
            if text:
                return Hover(text, rule, pixel.x(), pixel.y())
    return None
