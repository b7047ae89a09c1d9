"""One A4 page for the case file: the map of a parcel and its neighbours, and its card.

The map is drawn by the screen's :class:`~naturplan.render.MapRenderer` at the page's 300 dpi
(the same styles, the same code), with the parcel outlined on top, the scale bar and north
arrow of :mod:`naturplan.render.decorations`, the scale and the CRS. The card comes in as
plain text blocks (the words are the exporter's, :mod:`naturplan.export.parcel_pdf`); they are
laid out in one column under the map and made smaller until they fit the page.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import shapely
from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from naturplan.render.decorations import draw_north_arrow, draw_scale_bar, draw_watermark
from naturplan.render.geometry import polygon_from_xy
from naturplan.render.output import write_pdf_file
from naturplan.render.renderer import MapRenderer, RenderItem
from naturplan.render.view import MapView

#: Dots per inch of the page (and of the map drawn on it).
DPI = 300.0
MARGIN_MM = 12.0
A4_MM = (210.0, 297.0)
#: The map frame's size on the page (mm).
MAP_MM = (A4_MM[0] - 2 * MARGIN_MM, 100.0)
HIGHLIGHT = "#d7191c"
INK = "#1f1f1f"
MUTED = "#5a5a5a"

#: Font size (points) and weight of each kind of block.
_STYLES: dict[str, tuple[float, bool, str]] = {
    "title": (15.0, True, INK),
    "headline": (10.5, True, "#8a1c1c"),
    "heading": (9.0, True, INK),
    "body": (8.0, False, INK),
    "fact": (8.0, False, INK),
    "note": (7.5, False, "#6a4c00"),
    "small": (6.5, False, MUTED),
}


@dataclass(frozen=True)
class TextBlock:
    """A paragraph of the page: *kind* sets its font ("title", "headline", "heading", "body",
    "fact", "note", "small"); a "fact" is *label* and *text* on one line."""

    kind: str
    text: str
    label: str = ""
    indent: float = 0.0  # mm


@dataclass(frozen=True)
class ParcelPage:
    """Everything on the page except the map's data.

    Attributes
    ----------
    header
        Blocks above the map (title, first line).
    body
        The card under the map.
    footer
        Sources and date at the bottom.
    map_caption
        Under the map's corner: "1:2.000 · EPSG:25832".
    watermark
        Shown on the map when the data are synthetic ("" otherwise).
    title
        The PDF's document title.
    lang
        "da" or "en" (numbers on the scale bar).
    label
        The parcel's label on the map (its matrikelnummer).
    """

    header: tuple[TextBlock, ...]
    body: tuple[TextBlock, ...]
    footer: tuple[TextBlock, ...]
    map_caption: str
    watermark: str = ""
    title: str = ""
    lang: str = "da"
    label: str = ""


_app: QGuiApplication | None = None


def ensure_application() -> None:
    """A Qt GUI application for fonts and painting; offscreen when there is no display."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication([])


def map_view(cx: float, cy: float, scale: float) -> MapView:
    """The page's map view: centre (EPSG:25832), scale 1:*scale*, the frame at 300 dpi."""
    return MapView.for_paper(cx, cy, scale, MAP_MM[0], MAP_MM[1], DPI)


def _px(mm: float) -> float:
    return mm / 25.4 * DPI


def _font(kind: str, scale: float) -> QFont:
    points, bold, _ = _STYLES[kind]
    font = QFont()
    font.setPixelSize(max(1, round(points * scale * DPI / 72.0)))
    font.setBold(bold)
    return font


def write_parcel_page(
    path: Path,
    page: ParcelPage,
    view: MapView,
    items: Sequence[RenderItem],
    parcel: shapely.Geometry,
    renderer: MapRenderer | None = None,
) -> None:
    """Write the one-page A4 PDF to *path*.

    Raises
    ------
    OSError
        If the PDF cannot be written (the painter cannot start or cannot finish).
    """
    ensure_application()

    def setup(writer: QPdfWriter) -> None:
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Portrait)
        writer.setResolution(int(DPI))
        writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                              QPageLayout.Unit.Millimeter)
        writer.setTitle(page.title)
        writer.setCreator("naturplan")

    write_pdf_file(path, setup, lambda painter: _draw(painter, page, view, items, parcel,
                                                      renderer or MapRenderer()))


def _draw(painter: QPainter, page: ParcelPage, view: MapView, items: Sequence[RenderItem],
          parcel: shapely.Geometry, renderer: MapRenderer) -> None:
    width = _px(A4_MM[0] - 2 * MARGIN_MM)
    height = _px(A4_MM[1] - 2 * MARGIN_MM)
    y = _blocks(painter, page.header, 0.0, width, 1.0, height)
    y += _px(2)
    frame = QRectF(0.0, y, float(view.width), float(view.height))
    _draw_map(painter, page, view, items, parcel, renderer, frame)
    y = frame.bottom() + _px(1)
    caption_font = _font("small", 1.0)
    painter.setFont(caption_font)
    painter.setPen(QColor(MUTED))
    painter.drawText(QRectF(0, y, width, _px(4)), Qt.AlignmentFlag.AlignRight, page.map_caption)
    y += _px(5)
    footer_h = _measure(painter, page.footer, width, 1.0)
    available = height - footer_h - _px(2) - y
    scale = 1.25  # as large as fits: a short card is easier to read
    while scale > 0.62 and _measure(painter, page.body, width, scale) > available:
        scale *= 0.93
    _blocks(painter, page.body, y, width, scale, y + available)
    _blocks(painter, page.footer, height - footer_h, width, 1.0, height)


def _draw_map(painter: QPainter, page: ParcelPage, view: MapView, items: Sequence[RenderItem],
              parcel: shapely.Geometry, renderer: MapRenderer, frame: QRectF) -> None:
    image, _ = renderer.render_image(view, items, background="#eef2f4")
    painter.save()
    painter.drawImage(frame.topLeft(), image)
    painter.setClipRect(frame)
    painter.translate(frame.topLeft())
    _outline(painter, view, parcel)
    if page.label:
        point = shapely.point_on_surface(parcel)
        px, py = view.to_pixel(point.x, point.y)
        font = _font("heading", 1.1)
        painter.setFont(font)
        path = QPainterPath()
        rect = painter.fontMetrics().boundingRect(page.label)
        path.addText(QPointF(px - rect.width() / 2, py + rect.height() / 3), font, page.label)
        painter.strokePath(path, QPen(QColor("#ffffff"), _px(0.8)))
        painter.fillPath(path, QColor(HIGHLIGHT))
    local = QRectF(0, 0, frame.width(), frame.height())
    draw_scale_bar(painter, view, local, page.lang, dpi=DPI)
    size = _px(11)
    draw_north_arrow(painter, QRectF(local.right() - size * 0.75, _px(3), size * 0.6, size),
                     dpi=DPI)
    if page.watermark:
        draw_watermark(painter, local, page.watermark, dpi=DPI)
    painter.restore()
    painter.setPen(QPen(QColor(INK), _px(0.25)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame)


def _outline(painter: QPainter, view: MapView, parcel: shapely.Geometry) -> None:
    """The parcel: a light tint and a strong outline over the map, in pixels of *view*."""
    minx, _, _, maxy = view.bounds
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in shapely.get_rings(shapely.get_parts(parcel)):
        xy = shapely.get_coordinates(ring).copy()
        xy[:, 0] = (xy[:, 0] - minx) / view.resolution
        xy[:, 1] = (maxy - xy[:, 1]) / view.resolution
        path.addPolygon(polygon_from_xy(xy))
    tint = QColor(HIGHLIGHT)
    tint.setAlphaF(0.12)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setBrush(tint)
    painter.setPen(QPen(QColor("#ffffff"), _px(1.1)))
    painter.drawPath(path)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(HIGHLIGHT), _px(0.6)))
    painter.drawPath(path)


def _block_rect(painter: QPainter, block: TextBlock, width: float, scale: float
                ) -> tuple[QRectF, QRectF | None]:
    painter.setFont(_font(block.kind, scale))
    indent = _px(block.indent)
    if block.kind == "fact":
        label_w = _px(38)
        text = painter.boundingRect(QRectF(indent + label_w, 0, width - label_w - indent, 1e6),
                                    int(Qt.TextFlag.TextWordWrap), block.text)
        label = painter.boundingRect(QRectF(indent, 0, label_w, 1e6),
                                     int(Qt.TextFlag.TextWordWrap), block.label)
        return text.united(label), label
    rect = painter.boundingRect(QRectF(indent, 0, width - indent, 1e6),
                                int(Qt.TextFlag.TextWordWrap), block.text)
    return rect, None


def _spacing(block: TextBlock, scale: float) -> float:
    return _px({"title": 1.2, "headline": 1.6, "heading": 1.4}.get(block.kind, 0.35) * scale)


def _measure(painter: QPainter, blocks: Sequence[TextBlock], width: float, scale: float) -> float:
    total = 0.0
    for block in blocks:
        rect, _ = _block_rect(painter, block, width, scale)
        total += rect.height() + _spacing(block, scale)
    return total


def _blocks(painter: QPainter, blocks: Sequence[TextBlock], y: float, width: float,
            scale: float, limit: float) -> float:
    """Draw *blocks* from *y* down; stops before *limit* (a last "…" says more was cut)."""
    for block in blocks:
        if block.kind == "heading":
            y += _spacing(block, scale) / 2
        rect, label_rect = _block_rect(painter, block, width, scale)
        if y + rect.height() > limit:
            painter.setFont(_font("small", scale))
            painter.setPen(QColor(MUTED))
            painter.drawText(QPointF(0, min(y, limit) + _px(2)), "…")
            return limit
        painter.setFont(_font(block.kind, scale))
        painter.setPen(QColor(_STYLES[block.kind][2]))
        indent = _px(block.indent)
        flags = int(Qt.TextFlag.TextWordWrap)
        if block.kind == "fact" and label_rect is not None:
            painter.setPen(QColor(MUTED))
            painter.drawText(QRectF(indent, y, _px(38), rect.height()), flags, block.label)
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(indent + _px(38), y, width - _px(38) - indent,
                                    rect.height()), flags, block.text)
        else:
            painter.drawText(QRectF(indent, y, width - indent, rect.height()), flags,
                             block.text)
        y += rect.height() + _spacing(block, scale)
    return y


__all__ = ["ParcelPage", "TextBlock", "ensure_application", "map_view", "write_parcel_page"]
