"""Drawing a print layout onto a page: the map through :class:`MapRenderer`, and text.

The layout (boxes in millimetres, texts, legend rows, the ledger table: the page model of
:mod:`naturplan.pagemodel.page`) is decided without Qt in ``naturplan.export.layout``; this
module only draws it, at the page's dpi, onto a
:class:`QPdfWriter` (vector PDF, selectable text), a :class:`QImage` (PNG) or a preview image.

Transparency stays vector in the PDF: a layer's opacity goes into the alpha of its fills, not
into an intermediate image (which Qt would embed as a bitmap) nor the painter's opacity (with
which Qt's PDF engine turns every outline into a filled shape, 6× the size); outlines are
drawn opaque. A semi-transparent layer then costs no more than an opaque one. (Overlapping
features of one layer darken each other where they overlap, which the screen avoids with an
image.)

Sizes are converted from millimetres and points with the page's dpi, as
:mod:`naturplan.render.decorations` does, so the preview, the PNG and the PDF look the same.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from naturplan.core.feedback import Feedback
from naturplan.core.layers.style import LegendEntry
from naturplan.io.services.sources import TileSource
from naturplan.pagemodel.page import Box, KeyRow, LedgerTable, LegendGroup, PageLayout
from naturplan.render.application import require_gui_application
from naturplan.render.decorations import (
    draw_north_arrow,
    draw_scale_bar,
    draw_watermark,
    points_to_px,
)
from naturplan.render.markers import draw_markers
from naturplan.render.output import write_pdf_file, write_png_file
from naturplan.render.renderer import MapRenderer, RenderItem, make_brush, make_pen
from naturplan.render.view import MapView

INK = QColor("#1e1e1e")
MUTED = QColor("#555555")
FRAME = QColor("#333333")
SWATCH_MM = (7.0, 4.2)
#: The legend's text shrinks to this share of its size before it is cut off.
MIN_LEGEND_SCALE = 0.6
#: The legend shrinks to leave room for this many rows of the candidates' key.
KEY_MIN_ROWS = 16


def mm_to_px(mm: float, dpi: float) -> float:
    """Millimetres on paper as device pixels at *dpi*."""
    return mm / 25.4 * dpi


class PagePainter:
    """Draws one :class:`~naturplan.pagemodel.page.PageLayout` at *dpi*."""

    def __init__(self, layout: PageLayout, dpi: float, renderer: MapRenderer | None = None) -> None:
        self.layout = layout
        self.dpi = dpi
        #: The share of their size the panel's ledger, meta and sources are drawn at.
        self.block_scale = 1.0
        #: Where the legend ended (column, y, top, column width, gap), for the key.
        self._legend_end: tuple[int, float, float, float, float] = (0, 0.0, 0.0, 0.0, 0.0)
        self.renderer = renderer or MapRenderer()
        self.renderer.line_scale = dpi / 72.0  # style widths are points on paper
        self.renderer.lang = layout.lang

    # -- units --------------------------------------------------------------------------
    def px(self, mm: float) -> float:
        return mm_to_px(mm, self.dpi)

    def rect(self, box: Box) -> QRectF:
        return QRectF(self.px(box.x), self.px(box.y), self.px(box.w), self.px(box.h))

    def font(self, points: float, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(1, round(points_to_px(points, self.dpi))))
        font.setBold(bold)
        return font

    @property
    def size_px(self) -> tuple[int, int]:
        w, h = self.layout.page_mm
        return round(self.px(w)), round(self.px(h))

    # -- the page -----------------------------------------------------------------------
    def paint(self, painter: QPainter, cancelled: Callable[[], bool] | None = None) -> None:
        """Draw the whole page; the map stops between layers when *cancelled* says so."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        self.paint_title(painter)
        self.paint_map(painter, cancelled)
        self.paint_panel(painter)

    def paint_title(self, painter: QPainter) -> None:
        lay, preset = self.layout, self.layout.preset
        box = self.rect(lay.title_box)
        painter.setPen(INK)
        painter.setFont(self.font(preset.title_pt, bold=True))
        title_h = QFontMetricsF(painter.font()).height()
        painter.drawText(QRectF(box.left(), box.top(), box.width(), title_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, lay.title)
        painter.setPen(MUTED)
        painter.setFont(self.font(preset.subtitle_pt))
        painter.drawText(QRectF(box.left(), box.top() + title_h, box.width(),
                                box.height() - title_h),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, lay.subtitle)

    def map_view(self) -> MapView:
        lay = self.layout
        return MapView.for_paper(lay.center[0], lay.center[1], lay.scale, lay.map_box.w,
                                 lay.map_box.h, self.dpi)

    def paint_map(self, painter: QPainter, cancelled: Callable[[], bool] | None) -> None:
        lay = self.layout
        frame = self.rect(lay.map_box)
        view = self.map_view()
        items = [RenderItem(e.layer, e.style, e.visible) for e in lay.layers]
        painter.save()
        painter.translate(frame.topLeft())
        painter.setClipRect(QRectF(0, 0, frame.width(), frame.height()))
        painter.fillRect(QRectF(0, 0, frame.width(), frame.height()), QColor("#e6eef2"))
        if lay.basemap is not None:
            paint_basemap(painter, view, lay.basemap, lay.basemap_opacity)
        self.renderer.render(painter, view, items, cancelled, labels=False,
                             layer_images=False)
        inside = QRectF(0, 0, frame.width(), frame.height())
        reserved = [draw_scale_bar(painter, view, inside, lay.lang, dpi=self.dpi)]
        reserved.append(draw_north_arrow(
            painter, QRectF(inside.right() - self.px(14), self.px(4), self.px(10), self.px(16)),
            dpi=self.dpi))
        if lay.synthetic_mark:
            reserved.append(draw_watermark(painter, inside, lay.synthetic_mark, dpi=self.dpi,
                                           points=lay.preset.text_pt))
        placed = []
        if not (cancelled and cancelled()):
            placed = self.renderer.draw_labels(painter, view, items, reserved)
        # the candidates' numbers on top, clear of the labels where there is room
        draw_markers(painter, view, getattr(lay, "candidate_key", ()), self.dpi,
                     [*reserved, *(label.rect for label in placed)])
        painter.restore()
        painter.setPen(QPen(FRAME, points_to_px(0.8, self.dpi)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(frame)

    # -- the panel ----------------------------------------------------------------------
    def paint_panel(self, painter: QPainter) -> None:
        lay = self.layout
        box = self.rect(lay.panel_box)
        # a wide side panel with a key: the legend in two columns leaves the key room
        columns = 2 if getattr(lay, "candidate_key", ()) and box.width() >= self.px(90) else 1
        if lay.preset.panel == "bottom":
            columns = 2
            gap = self.px(6)
            left_w = box.width() * 0.55
            legend_col = QRectF(box.left(), box.top(), left_w, box.height())
            right = QRectF(box.left() + left_w + gap, box.top(), box.width() - left_w - gap,
                           box.height())
        else:
            legend_col, right = box, box
        bottom = right.bottom()
        blocks = (self.sources, self.meta, self.ledger)
        # smaller text if the column's blocks would run up past its top (into the map)
        room = right.height() if legend_col is not right else right.height() * 0.7
        self.block_scale = 1.0
        while self.block_scale > MIN_LEGEND_SCALE and sum(
                b(painter, right.left(), 0, right.width(), draw=False) + self.px(3)
                for b in blocks) > room:
            self.block_scale -= 0.05
        # sources and meta at the bottom of their column, the ledger above them
        for block in blocks:
            h = block(painter, right.left(), 0, right.width(), draw=False)
            bottom -= h
            block(painter, right.left(), bottom, right.width(), draw=True)
            bottom -= self.px(3)
        limit = bottom if legend_col is right else legend_col.bottom()
        self.legend(painter, legend_col.left(), legend_col.top(), legend_col.width(), limit,
                    columns)

    def text_block(self, painter: QPainter, x: float, y: float, w: float, text: str,
                   points: float, bold: bool = False, color: QColor = INK,
                   draw: bool = True, align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
                   ) -> float:
        """Draw *text* wrapped in width *w* from (x, y); returns its height. A number and its
        " %" stay on one line (a line never starts with "%")."""
        text = text.replace(" %", "\u00a0%")
        font = self.font(points, bold)
        flags = int(align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        bound = QFontMetricsF(font).boundingRect(QRectF(0, 0, w, 1e6), flags, text)
        if draw:
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(QRectF(x, y, w, bound.height()), flags, text)
        return bound.height()

    def meta(self, painter: QPainter, x: float, y: float, w: float, draw: bool) -> float:
        pt = self.layout.preset.text_pt * self.block_scale
        return self.text_block(painter, x, y, w, "\n".join(self.layout.meta_lines), pt,
                               draw=draw)

    def sources(self, painter: QPainter, x: float, y: float, w: float, draw: bool) -> float:
        lay = self.layout
        small = lay.preset.small_pt * self.block_scale
        h = self.text_block(painter, x, y, w, lay.headings["sources"], small, True, MUTED,
                            draw)
        return h + self.text_block(painter, x, y + h, w, "\n".join(lay.attribution_lines),
                                   small, False, MUTED, draw)

    def ledger(self, painter: QPainter, x: float, y: float, w: float, draw: bool) -> float:
        table = self.layout.ledger
        if table is None:
            return 0.0
        pt = self.layout.preset.text_pt * self.block_scale
        top = y
        y += self.text_block(painter, x, y, w, table.title, pt * 1.15, True, draw=draw)
        widths = self._ledger_widths(table, w, pt)
        rows = [(table.header, True), *((row, False) for row in table.rows)]
        for row, bold in rows:
            y += self._row(painter, x, y, widths, row, pt, bold, draw) + self.px(0.6)
        y += self.px(1.5)
        y += self.text_block(painter, x, y, w, table.by_kind_title, pt, True, draw=draw)
        for label, value in table.by_kind:
            y += self._row(painter, x, y, (w * 0.6, w * 0.4), (label, value), pt, False, draw)
        for note in table.notes:
            y += self.text_block(painter, x, y, w, note,
                                 self.layout.preset.small_pt * self.block_scale,
                                 color=MUTED, draw=draw)
        return y - top

    def _ledger_widths(self, table: LedgerTable, w: float, pt: float) -> tuple[float, float, float]:
        """(label, now, projected) column widths: each number column as wide as its
        longest word ("kandidatområder") and number, so none is cut; the label the rest."""
        metrics = QFontMetricsF(self.font(pt, bold=True))
        words = [word for row in (table.header, *table.rows) for cell in row[1:]
                 for word in cell.split()]
        need = max((metrics.horizontalAdvance(word) for word in words), default=0.0)
        number_w = min(max(need + self.px(3.0), w * 0.25), w * 0.38)
        return (w - 2 * number_w, number_w, number_w)

    def _row(self, painter: QPainter, x: float, y: float, widths: tuple[float, ...],
             cells: tuple[str, ...], pt: float, bold: bool, draw: bool) -> float:
        height = 0.0
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            align = Qt.AlignmentFlag.AlignRight if i > 0 else Qt.AlignmentFlag.AlignLeft
            pad = self.px(1.2) if i > 0 else 0.0
            cell = cell.replace(" %", "\u00a0%")  # "17 %" is never cut before its unit
            height = max(height, self.text_block(painter, x + pad, y, width - pad, cell, pt,
                                                 bold or i == 0, draw=draw, align=align))
            x += width
        return height

    def legend(self, painter: QPainter, x: float, y: float, w: float, limit: float,
               columns: int = 1) -> None:
        """The legend in the box from (x, y) to (x + w, *limit*), in up to *columns*
        columns (a layer's rows stay together); smaller text if it does not fit. The
        candidates' key follows in the room left."""
        scale = 1.0
        room = limit - self._key_reserve(painter, x, w, columns)
        while scale > MIN_LEGEND_SCALE and not self._legend(painter, x, y, w, room, scale,
                                                            columns, draw=False):
            scale -= 0.05
        painter.save()
        painter.setClipRect(QRectF(x, y, w, max(limit - y, 0.0)))
        self._legend(painter, x, y, w, limit, scale, columns, draw=True)
        if getattr(self.layout, "candidate_key", ()):
            self._key(painter, x, limit, columns)
        painter.restore()

    def _legend(self, painter: QPainter, x: float, y: float, w: float, limit: float,
                scale: float, columns: int, draw: bool) -> bool:
        """Lay out (and draw) the legend; True if it fits. Keeps where it ended for the
        key (:meth:`_key`)."""
        lay = self.layout
        pt = lay.preset.text_pt * scale
        top = y + self.text_block(painter, x, y, w, lay.headings["legend"], pt * 1.15, True,
                                  draw=draw)
        gap = self.px(4)
        col_w = (w - gap * (columns - 1)) / columns
        column, cy = 0, top
        for group in lay.legend:
            h = self._legend_group(painter, x, cy, col_w, group, pt, scale, draw=False)
            if cy + h > limit and cy > top and column + 1 < columns:
                column, cy = column + 1, top
            gx = x + column * (col_w + gap)
            if draw:
                self._legend_group(painter, gx, cy, col_w, group, pt, scale, draw=True)
            cy += h
            self._legend_end = (column, cy, top, col_w, gap)
            if cy > limit:
                return False
        self._legend_end = (column, cy, top, col_w, gap)
        return True

    def _key_columns(self, painter: QPainter, col_w: float,
                     rows: Sequence[KeyRow]) -> tuple[int, float, list[float]]:
        """How the key's *rows* go into a legend column *col_w* wide: one sub-column, or two
        where the column is wide (the A3 panel) and two take less height (rows wrap in a
        narrow one). Returns (sub-columns, their width, each row's height)."""
        small, gap = self.layout.preset.small_pt, self.px(4)
        best = math.inf
        plan: tuple[int, float, list[float]] = (1, col_w, [])
        for sub in ((1, 2) if col_w >= self.px(90) else (1,)):
            sub_w = (col_w - gap * (sub - 1)) / sub
            heights = [self.text_block(painter, 0, 0, sub_w - self.px(5.5), r.text(), small,
                                       draw=False) for r in rows]
            half = max(math.ceil(len(heights) / sub), 1)
            need = max((sum(heights[i:i + half]) for i in range(0, len(heights), half)),
                       default=0.0)
            if need < best:
                best, plan = need, (sub, sub_w, heights)
        return plan

    def _key_reserve(self, painter: QPainter, x: float, w: float, columns: int) -> float:
        """The height the legend leaves for the key: its heading and its first
        :data:`KEY_MIN_ROWS` rows (the legend's text shrinks first)."""
        rows = self.layout.candidate_key[:KEY_MIN_ROWS]
        if not rows:
            return 0.0
        col_w = (w - self.px(4) * (columns - 1)) / columns
        sub, _, heights = self._key_columns(painter, col_w, rows)
        half = max(math.ceil(len(heights) / sub), 1)
        need = max(sum(heights[i:i + half]) for i in range(0, len(heights), half))
        heading = self.text_block(painter, x, 0, col_w, "0", self.layout.preset.text_pt,
                                  True, draw=False)
        line = self.text_block(painter, x, 0, col_w, "0", self.layout.preset.small_pt,
                               draw=False)
        return self.px(1.2) + heading + need + line

    def _key(self, painter: QPainter, x0: float, limit: float, columns: int) -> bool:
        """The candidates' key (number → name, kind, ha) after the legend, in the room left:
        two sub-columns where the column is wide and that is shorter, flowing into the next
        legend column; the rows that do not fit become one line "… and n more". True if
        every row is on the page."""
        lay = self.layout
        rows = lay.candidate_key
        column, cy, top, col_w, gap = self._legend_end
        small = lay.preset.small_pt
        gx = x0 + column * (col_w + gap)
        cy += self.px(1.2)
        cy += self.text_block(painter, gx, cy, col_w, lay.headings["key"],
                              lay.preset.text_pt, True)
        sub, sub_w, heights = self._key_columns(painter, col_w, rows)
        # balanced sub-columns: each takes its share of the rows before the next starts
        share = math.ceil(len(rows) / sub)
        slots = [(gx + i * (sub_w + gap), cy) for i in range(sub)]
        slots += [(x0 + c * (col_w + gap) + i * (sub_w + gap), top)
                  for c in range(column + 1, columns) for i in range(sub)]
        num_w = self.px(5.5)
        line = self.text_block(painter, 0, 0, sub_w, "0", small, draw=False)
        k, end = 0, slots[0]
        for n, (sx, sy) in enumerate(slots):
            y = sy
            stop = share * (n + 1) if n < sub else len(rows)
            while k < min(stop, len(rows)):
                h = heights[k]
                if y + h + (0 if k == len(rows) - 1 else line) > limit:
                    break
                self.text_block(painter, sx, y, num_w, str(rows[k].number), small, True)
                self.text_block(painter, sx + num_w, y, sub_w - num_w, rows[k].text(), small)
                y, k = y + h, k + 1
            end = (sx, y)
            if k == len(rows):
                return True
        self.text_block(painter, end[0], end[1], sub_w, lay.key_more(len(rows) - k), small,
                        color=MUTED)
        return False

    def _legend_group(self, painter: QPainter, x: float, y: float, w: float, group: LegendGroup,
                      pt: float, scale: float, draw: bool) -> float:
        lay = self.layout
        top = y
        sw, sh = self.px(SWATCH_MM[0] * scale), self.px(SWATCH_MM[1] * scale)
        y += self.px(1.2 * scale)
        y += self.text_block(painter, x, y, w, group.title, pt, True, draw=draw)
        text_x = x + sw + self.px(2)
        for entry in group.entries:
            label = entry.label.get(lay.lang)
            h = self.text_block(painter, text_x, y, w - (text_x - x), label, pt, draw=False)
            if draw:
                self._swatch(painter, QRectF(x, y + max(h - sh, 0) / 2, sw, sh), entry,
                             group.opacity)
                self.text_block(painter, text_x, y, w - (text_x - x), label, pt)
            y += max(h, sh) + self.px(0.5)
        return y - top

    def _swatch(self, painter: QPainter, rect: QRectF, entry: LegendEntry, opacity: float) -> None:
        painter.save()
        painter.setOpacity(opacity * (entry.opacity if entry.symbol is None else 1.0))
        painter.fillRect(rect, QColor("#ffffff"))
        if entry.symbol is None:
            painter.fillRect(rect, QColor(entry.color or "#cccccc"))
        else:
            painter.setPen(make_pen(entry.symbol, self.renderer.line_scale))
            painter.setBrush(make_brush(entry.symbol))
            painter.drawRect(rect)
        painter.restore()


def paint_basemap(painter: QPainter, view: MapView, source: TileSource, opacity: float,
                  timeout: float = 60.0) -> None:
    """The basemap's tiles for *view* (loaded now, from the tile cache or the service)."""
    from naturplan.io.services.cache import TileCache
    from naturplan.render.basemap import BasemapLayer

    layer = BasemapLayer(source, TileCache())
    try:
        layer.ensure(view, timeout)
        layer.draw(painter, view, opacity, request=False)
    finally:
        layer.close()


def write_pdf(layout: PageLayout, path: Path, feedback: Feedback) -> None:
    """The layout as a one-page vector PDF at *path* (text selectable, fonts embedded).

    Raises
    ------
    OperationCancelled
        If *feedback* is cancelled while the map is drawn.
    OSError
        If the PDF writer cannot open the file or fails to finish it.
    """
    require_gui_application()
    dpi = layout.preset.dpi
    page = PagePainter(layout, dpi)

    def setup(writer: QPdfWriter) -> None:
        writer.setResolution(int(dpi))
        w_mm, h_mm = layout.page_mm
        writer.setPageSize(QPageSize(QSizeF(w_mm, h_mm), QPageSize.Unit.Millimeter))
        writer.setPageMargins(QMarginsF(0, 0, 0, 0))
        writer.setTitle(layout.title)
        writer.setCreator("naturplan")

    def paint(painter: QPainter) -> None:
        feedback.report(0.1, "PDF")
        page.paint(painter, lambda: feedback.is_cancelled)
        feedback.check()

    write_pdf_file(path, setup, paint)


def page_image(layout: PageLayout, dpi: float, cancelled: Callable[[], bool] | None = None,
               renderer: MapRenderer | None = None) -> QImage:
    """The layout as an RGB image at *dpi* (the PNG export and the dialog's preview, which
    keeps one *renderer* so that its indexes serve every preview)."""
    require_gui_application()
    page = PagePainter(layout, dpi, renderer)
    w, h = page.size_px
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    painter = QPainter(image)
    try:
        page.paint(painter, cancelled)
    finally:
        painter.end()
    return image


def write_png(layout: PageLayout, path: Path, feedback: Feedback) -> None:
    """The layout as a PNG at the preset's dpi.

    Raises
    ------
    OperationCancelled
        If *feedback* is cancelled while the map is drawn.
    OSError
        If the image cannot be saved.
    """
    feedback.report(0.1, "PNG")
    image = page_image(layout, layout.preset.dpi, lambda: feedback.is_cancelled)
    feedback.check()
    write_png_file(path, image)
