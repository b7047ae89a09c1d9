"""One A4 page for the case file: the map of a parcel and its neighbours, and its card.

The map is drawn by the screen's :class:`~naturplan.render.MapRenderer` at the page's 300 dpi
(the same styles, the same code), with the parcel outlined on top, the scale bar and north
arrow of :mod:`naturplan.render.decorations`, the scale and the CRS. The card comes in as
plain text blocks (the words are the exporter's, :mod:`naturplan.export.parcel_pdf`); they are
laid out in one column under the map and made smaller until they fit the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import shapely
from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTransform,
)

from naturplan.core.layers.style import LegendEntry
from naturplan.pagemodel.page import LegendGroup
from naturplan.render.application import require_gui_application
from naturplan.render.decorations import (
    draw_north_arrow,
    draw_scale_bar,
    draw_watermark,
    scale_bar_rect,
)
from naturplan.render.geometry import polygon_from_xy
from naturplan.render.labels import PlacedLabel
from naturplan.render.output import write_pdf_file
from naturplan.render.renderer import MapRenderer, RenderItem, make_brush, make_pen
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
    continued
        The first line of a following page ("Jordstykke 7a, Nibe Markjorder (fortsat)").
    legend
        The map's legend under the map: groups as
        :class:`naturplan.pagemodel.page.LegendGroup` has them (a title, rows of
        :class:`~naturplan.core.layers.style.LegendEntry`, an opacity), only what the
        frame shows; the first group may be the parcel's own outline.
    legend_title
        The legend's heading ("Signaturforklaring").
    """

    header: tuple[TextBlock, ...]
    body: tuple[TextBlock, ...]
    footer: tuple[TextBlock, ...]
    map_caption: str
    watermark: str = ""
    title: str = ""
    lang: str = "da"
    label: str = ""
    continued: str = ""
    legend: tuple[LegendGroup, ...] = ()
    legend_title: str = ""


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
) -> list[PlacedLabel]:
    """Write the A4 PDF to *path* (a second page when the card needs it); returns the map's
    labels as placed (clear of the scale bar, the north arrow and the parcel's outline).

    Raises
    ------
    OSError
        If the PDF cannot be written (the painter cannot start or cannot finish).
    """
    require_gui_application()

    def setup(writer: QPdfWriter) -> None:
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Portrait)
        writer.setResolution(int(DPI))
        writer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                              QPageLayout.Unit.Millimeter)
        writer.setTitle(page.title)
        writer.setCreator("naturplan")

    placed: list[PlacedLabel] = []

    def paint(painter: QPainter) -> None:
        writer = painter.device()  # the PDF writer: a long card asks it for a second page
        assert isinstance(writer, QPdfWriter)
        placed[:] = _draw(painter, writer, page, view, items, parcel, renderer or MapRenderer())

    write_pdf_file(path, setup, paint)
    return placed


def _draw(painter: QPainter, writer: QPdfWriter, page: ParcelPage, view: MapView,
          items: Sequence[RenderItem], parcel: shapely.Geometry, renderer: MapRenderer
          ) -> list[PlacedLabel]:
    width = _px(A4_MM[0] - 2 * MARGIN_MM)
    height = _px(A4_MM[1] - 2 * MARGIN_MM)
    y = _blocks(painter, page.header, 0.0, width, 1.0, height)
    y += _px(2)
    frame = QRectF(0.0, y, float(view.width), float(view.height))
    placed = _draw_map(painter, page, view, items, parcel, renderer, frame)
    y = frame.bottom() + _px(1)
    caption_font = _font("small", 1.0)
    painter.setFont(caption_font)
    painter.setPen(QColor(MUTED))
    painter.drawText(QRectF(0, y, width, _px(4)), Qt.AlignmentFlag.AlignRight, page.map_caption)
    y += _px(5)
    if page.legend:
        y = draw_legend(painter, page, y, width, renderer.line_scale) + _px(2)
    footer_h = _measure(painter, page.footer, width, 1.0)
    available = height - footer_h - _px(2) - y
    scale = 1.25  # as large as fits: a short card is easier to read
    while scale > MIN_SCALE and _measure(painter, page.body, width, scale) > available:
        scale *= 0.93
    if _measure(painter, page.body, width, scale) <= available:
        _blocks(painter, page.body, y, width, scale, y + available)
        _blocks(painter, page.footer, height - footer_h, width, 1.0, height)
        return placed
    # Too long for one page: the card flows on, nothing is cut; the sources follow it.
    pages = _Pages(painter, writer, page, width, height)
    y = pages.flow(page.body, y, scale)
    pages.flow(page.footer, y + _px(2), 1.0)
    return placed


#: The smallest text scale before the card flows onto a further page (8 pt body → 6,8 pt).
MIN_SCALE = 0.85


class _Pages:
    """Blocks drawn down the page and onto new pages as they fill, each new page headed by
    the card's title ("… (fortsat)")."""

    def __init__(self, painter: QPainter, writer: QPdfWriter, page: ParcelPage, width: float,
                 height: float) -> None:
        self.painter, self.writer, self.page = painter, writer, page
        self.width, self.height = width, height

    def flow(self, blocks: Sequence[TextBlock], y: float, scale: float) -> float:
        for block in blocks:
            rect, _ = _block_rect(self.painter, block, self.width, scale)
            need = rect.height() + _spacing(block, scale) * (1.5 if block.kind == "heading"
                                                               else 1.0)
            if y + need > self.height and y > 0:
                y = self._new_page()
            y = _blocks(self.painter, (block,), y, self.width, scale, max(y + need,
                                                                          self.height))
        return y

    def _new_page(self) -> float:
        self.writer.newPage()
        top = (TextBlock("small", self.page.continued),) if self.page.continued else ()
        return _blocks(self.painter, top, 0.0, self.width, 1.0, self.height) + _px(2)


def _draw_map(painter: QPainter, page: ParcelPage, view: MapView, items: Sequence[RenderItem],
              parcel: shapely.Geometry, renderer: MapRenderer, frame: QRectF
              ) -> list[PlacedLabel]:
    local = QRectF(0, 0, frame.width(), frame.height())
    size = _px(11)
    arrow = QRectF(local.right() - size * 0.75, _px(3), size * 0.6, size)
    painter.save()
    painter.setFont(_font("heading", 1.1))
    label_box, label_at = _label_box(painter, view, parcel, page.label)
    painter.restore()
    # The map's own labels keep clear of the furniture, the parcel's label and its outline.
    reserved = [scale_bar_rect(view, local, page.lang, dpi=DPI), arrow.adjusted(
        -_px(2), -_px(2), _px(2), _px(5)), *outline_boxes(view, parcel, _px(1.2))]
    if label_box is not None:
        reserved.append(label_box)
    image, stats = renderer.render_image(view, items, background="#eef2f4", reserved=reserved)
    painter.save()
    painter.drawImage(frame.topLeft(), image)
    painter.setClipRect(frame)
    painter.translate(frame.topLeft())
    _outline(painter, view, parcel)
    if page.label and label_at is not None:
        font = _font("heading", 1.1)
        path = QPainterPath()
        path.addText(label_at, font, page.label)
        painter.strokePath(path, QPen(QColor("#ffffff"), _px(0.8)))
        painter.fillPath(path, QColor(HIGHLIGHT))
    draw_scale_bar(painter, view, local, page.lang, dpi=DPI)
    draw_north_arrow(painter, arrow, dpi=DPI)
    if page.watermark:
        draw_watermark(painter, local, page.watermark, dpi=DPI)
    painter.restore()
    painter.setPen(QPen(QColor(INK), _px(0.25)))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(frame)
    return list(stats.labels)


def _label_box(painter: QPainter, view: MapView, parcel: shapely.Geometry, label: str
               ) -> tuple[QRectF | None, QPointF | None]:
    """Where the parcel's label goes (in the frame's pixels, with the painter's font): its
    box and the baseline point, or (None, None) without a label."""
    if not label:
        return None, None
    point = shapely.point_on_surface(parcel)
    px, py = view.to_pixel(point.x, point.y)
    rect = painter.fontMetrics().boundingRect(label)
    at = QPointF(px - rect.width() / 2, py + rect.height() / 3)
    box = QRectF(at.x(), at.y() - rect.height(), rect.width(), rect.height() * 1.3)
    return box.adjusted(-_px(1), -_px(1), _px(1), _px(1)), at


def outline_boxes(view: MapView, parcel: shapely.Geometry, pad: float,
                  step: float = 40.0) -> list[QRectF]:
    """Thin rectangles (pixels of *view*) along the parcel's outline, pieces at most *step*
    pixels long padded by *pad*: a label may lie inside the parcel or outside it, not
    across its outline."""
    minx, miny, maxx, maxy = view.bounds
    window = shapely.box(minx, miny, maxx, maxy)
    boxes: list[QRectF] = []
    for ring in shapely.get_rings(shapely.get_parts(parcel)):
        line = shapely.intersection(shapely.LineString(ring), window)
        for part in shapely.get_parts(line):
            xy = shapely.get_coordinates(part).copy()
            if len(xy) < 2:
                continue
            xy[:, 0] = (xy[:, 0] - minx) / view.resolution
            xy[:, 1] = (maxy - xy[:, 1]) / view.resolution
            dense = shapely.get_coordinates(shapely.segmentize(shapely.LineString(xy), step))
            for (x0, y0), (x1, y1) in zip(dense[:-1], dense[1:], strict=True):
                boxes.append(QRectF(min(x0, x1) - pad, min(y0, y1) - pad,
                                    abs(x1 - x0) + 2 * pad, abs(y1 - y0) + 2 * pad))
    return boxes


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


#: Columns of the legend under the map, and its swatch (mm).
LEGEND_COLUMNS = 3
SWATCH_MM = (6.0, 3.2)


def draw_legend(painter: QPainter, page: ParcelPage, y: float, width: float,
                line_scale: float = 1.0) -> float:
    """The legend of what the map shows, in columns under the map from *y*; returns the
    bottom. A layer's title heads its rows (a swatch drawn with the map's own pen and brush,
    hatching included, and its label); a layer's rows stay in one column, and a text too
    long for its column wraps, never cut."""
    painter.setFont(_font("heading", 0.85))
    painter.setPen(QColor(INK))
    line = painter.fontMetrics().height()
    painter.drawText(QPointF(0, y + line * 0.8), page.legend_title)
    top = y + line * 1.1
    col_w = width / LEGEND_COLUMNS
    groups = [_legend_rows(painter, group, page.lang, col_w) for group in page.legend]
    target = sum(h for rows in groups for *_, h in rows) / LEGEND_COLUMNS
    column, cy, deepest = 0, top, top
    for rows in groups:
        height = sum(h for *_, h in rows)
        if cy > top and cy + height - top > target * 1.15 and column + 1 < LEGEND_COLUMNS:
            column, cy = column + 1, top
        for text, entry, opacity, h in rows:
            x = column * col_w
            _legend_row(painter, QRectF(x, cy, col_w - _px(2), h), text, entry, opacity,
                        line_scale)
            cy += h
        deepest = max(deepest, cy)
    return deepest


def _legend_rows(painter: QPainter, group: LegendGroup, lang: str, col_w: float
                 ) -> list[tuple[str, LegendEntry | None, float, float]]:
    """(text, entry or None for the title, opacity, height) of one legend group."""
    rows: list[tuple[str, LegendEntry | None, float]] = [
        (e.label.get(lang), e, group.opacity) for e in group.entries]
    if not (len(rows) == 1 and rows[0][0] == group.title):  # a title that says it again
        rows.insert(0, (group.title, None, 1.0))
    out = []
    for text, entry, opacity in rows:
        painter.setFont(_legend_font(entry is None))
        indent = 0.0 if entry is None else _px(SWATCH_MM[0] + 1.5)
        rect = painter.boundingRect(QRectF(0, 0, col_w - indent - _px(2), 1e6),
                                    int(Qt.TextFlag.TextWordWrap), text)
        out.append((text, entry, opacity, max(rect.height(), _px(SWATCH_MM[1])) + _px(0.6)))
    return out


def _legend_font(bold: bool) -> QFont:
    font = _font("small", 1.1)
    font.setBold(bold)
    return font


def _legend_row(painter: QPainter, rect: QRectF, text: str, entry: LegendEntry | None,
                opacity: float, line_scale: float) -> None:
    text_rect = QRectF(rect)
    if entry is not None:
        sw, sh = _px(SWATCH_MM[0]), _px(SWATCH_MM[1])
        _swatch(painter, QRectF(rect.left(), rect.top() + _px(0.3), sw, sh), entry, opacity,
                line_scale)
        text_rect.setLeft(rect.left() + sw + _px(1.5))
    painter.setFont(_legend_font(entry is None))
    painter.setPen(QColor(INK))
    painter.drawText(text_rect, int(Qt.TextFlag.TextWordWrap), text)


def _swatch(painter: QPainter, rect: QRectF, entry: LegendEntry, opacity: float,
            line_scale: float) -> None:
    painter.save()
    painter.setOpacity(opacity * (entry.opacity if entry.symbol is None else 1.0))
    painter.fillRect(rect, QColor("#ffffff"))
    if entry.symbol is None:
        painter.fillRect(rect, QColor(entry.color or "#cccccc"))
    else:
        pen = make_pen(entry.symbol, line_scale)
        pen.setCosmetic(False)
        pen.setWidthF(max(pen.widthF(), 1.0) * DPI / 96.0)
        painter.setPen(pen)
        brush = make_brush(entry.symbol)
        brush.setTransform(QTransform().scale(DPI / 96.0, DPI / 96.0))  # hatch as on paper
        painter.setBrush(brush)
        painter.drawRect(rect)
    painter.restore()


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
        # a heading has half its spacing above it too (as _blocks draws it)
        extra = 1.5 if block.kind == "heading" else 1.0
        total += rect.height() + _spacing(block, scale) * extra
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


__all__ = ["ParcelPage", "TextBlock", "map_view", "write_parcel_page"]
