"""Drawing the candidate atlas: many pages into one PDF, their maps prepared in parallel.

QPainter on a :class:`QPdfWriter` draws on one thread, so that thread only draws: the pages'
layouts (legend of the frame, sources), the flood raster's pixels and the polygons' shapes
are made ahead by a pool of worker threads (GDAL, numpy and shapely release the interpreter
lock), and the painting thread finds them ready. One :class:`AtlasRenderer` serves every page,
so each layer's spatial index and shapes are built once for the whole atlas.

A raster is read at its own cell size where the page is finer than the cells (a candidate page
at 1:10.000 and 300 dpi has 0,85 m pixels over 10 m flood cells): the window is snapped to the
raster's grid and drawn scaled without smoothing, which looks exactly as reading at the page's
resolution did, but reads, colours and embeds ~100× fewer pixels.
"""

from __future__ import annotations

import errno
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QImage,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTransform,
)

from naturplan.core.geometry_kernels import WORKERS
from naturplan.core.layers.layer import RasterLayer, VectorLayer
from naturplan.io.raster import read_window
from naturplan.io.raster_cells import CellReader, snap_to_cells
from naturplan.pagemodel.page import PageLayout
from naturplan.render.application import require_gui_application
from naturplan.render.decorations import points_to_px
from naturplan.render.geometry import shapes_from_geometries
from naturplan.render.page import INK, MUTED, PagePainter
from naturplan.render.raster import apply_ramp, image_from_rgba
from naturplan.render.renderer import MapRenderer, RenderItem
from naturplan.render.view import MapView

Overlay = Callable[[QPainter, MapView], None]
#: The candidate's outline on its page.
HIGHLIGHT = QColor("#c2185b")
HIGHLIGHT_PT = 1.6
#: A column of the key is at most this wide (mm), so that a short key reads as one table.
KEY_COLUMN_MAX_MM = 100.0


def grid_window(layer: RasterLayer, view: MapView
                ) -> tuple[tuple[float, float, float, float], tuple[int, int]] | None:
    """The part of *layer* in *view* snapped outward to the raster's cells, and its shape
    (rows, cols) at the cell size; None when the view is not finer than the cells (then the
    renderer reads at the view's resolution as before). An empty window has shape (0, 0)."""
    rx, ry = layer.resolution
    if view.resolution >= 0.9 * min(rx, ry):
        return None
    snapped = snap_to_cells(layer, view.bounds)
    return snapped if snapped is not None else (view.bounds, (0, 0))


class AtlasRenderer(MapRenderer):
    """The map renderer of the atlas: rasters at their cell size, work made ahead by
    :meth:`prefetch` in worker threads, and an *overlay* drawn over the layers (under the
    labels): the candidate's outline, the overview's markers."""

    def __init__(self) -> None:
        super().__init__()
        self._ahead: dict[tuple[Any, ...], QImage] = {}
        self.cells = CellReader()
        self.overlay: Overlay | None = None

    def render(self, painter: QPainter, view: MapView, items: Sequence[RenderItem],
               *args: Any, **kwargs: Any) -> Any:
        stats = super().render(painter, view, items, *args, **kwargs)
        if self.overlay is not None and not stats.cancelled:
            painter.save()
            self.overlay(painter, view)
            painter.restore()
        return stats

    def _raster_key(self, layer: RasterLayer, view: MapView, ramp: Any
                    ) -> tuple[tuple[Any, ...], Any] | None:
        window = grid_window(layer, view)
        if window is None:
            return None
        return (id(layer), window, ramp), window

    def _grid_image(self, layer: RasterLayer, window: Any, ramp: Any) -> QImage:
        bounds, shape = window
        values = self.cells.read(layer, bounds)
        if values.shape != shape:  # pragma: no cover - a grid GDAL sees otherwise
            values = read_window(layer, bounds, out_shape=shape)
        return image_from_rgba(apply_ramp(values, ramp))

    def _draw_raster(self, painter: QPainter, view: MapView, item: RenderItem) -> int:
        layer, ramp = item.layer, item.style.ramp
        assert isinstance(layer, RasterLayer)
        found = self._raster_key(layer, view, ramp) if ramp is not None else None
        if found is None:
            return super()._draw_raster(painter, view, item)
        key, window = found
        bounds, (rows, cols) = window
        if rows == 0 or cols == 0:
            return 0
        with self._lock:
            image = self._ahead.pop(key, None)
        if image is None:
            image = self._grid_image(layer, window, ramp)
        x0, y0 = view.to_pixel(bounds[0], bounds[3])
        x1, y1 = view.to_pixel(bounds[2], bounds[1])
        painter.save()
        painter.setOpacity(item.style.opacity)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(QRectF(QPointF(x0, y0), QPointF(x1, y1)), image)
        painter.restore()
        return rows * cols

    def prefetch(self, view: MapView, items: Sequence[RenderItem]) -> None:
        """Make what drawing *view* will need (a worker thread): the rasters' images and
        the polygons' shapes at the view's zoom level."""
        for item in items:
            layer, style = item.layer, item.style
            if not item.visible or style.opacity <= 0 or not style.visible_at(
                    view.scale_denominator):
                continue
            if isinstance(layer, RasterLayer) and style.ramp is not None:
                found = self._raster_key(layer, view, style.ramp)
                if found is not None and found[1][1][0] > 0 and found[1][1][1] > 0:
                    image = self._grid_image(layer, found[1], style.ramp)
                    with self._lock:
                        self._ahead[found[0]] = image
            elif isinstance(layer, VectorLayer):
                index = self.index_for(layer)
                positions = index.visible(view.bounds, min_size=view.resolution)
                index.prepare(positions, [view.zoom_bucket])

    def close(self) -> None:
        """Forget the images made ahead and close the rasters' files."""
        with self._lock:
            self._ahead.clear()
        self.cells.close()


def page_view(layout: PageLayout, dpi: float) -> MapView:
    """The map view of *layout*'s frame at *dpi* (as :class:`PagePainter` makes it)."""
    return MapView.for_paper(layout.center[0], layout.center[1], layout.scale,
                             layout.map_box.w, layout.map_box.h, dpi)


def outline_overlay(geometry: Any, dpi: float) -> Overlay:
    """Draws *geometry*'s outline in :data:`HIGHLIGHT` over the map."""
    import numpy as np

    shapes = [s for s in shapes_from_geometries(np.array([geometry], dtype=object))
              if s is not None]

    def draw(painter: QPainter, view: MapView) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setTransform(QTransform(*view.transform_args()), True)
        pen = QPen(HIGHLIGHT, points_to_px(HIGHLIGHT_PT, dpi))
        pen.setCosmetic(True)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for shape in shapes:
            if isinstance(shape, QPainterPath):
                painter.drawPath(shape)
            else:
                painter.drawPolygon(shape)

    return draw


def marker_overlay(markers: Sequence[tuple[int, float, float]], dpi: float,
                   points: float = 5.0) -> Overlay:
    """Numbered round markers at (x, y) (EPSG:25832): the overview's key to the pages."""
    def draw(painter: QPainter, view: MapView) -> None:
        font = painter.font()
        font.setFamily("DejaVu Sans")
        font.setPixelSize(max(1, round(points_to_px(points, dpi))))
        font.setBold(True)
        painter.setFont(font)
        radius = points_to_px(points * 0.95, dpi)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for number, x, y in markers:
            px, py = view.to_pixel(x, y)
            text = str(number)
            w = max(2 * radius, painter.fontMetrics().horizontalAdvance(text) + radius)
            rect = QRectF(px - w / 2, py - radius, w, 2 * radius)
            painter.setPen(QPen(HIGHLIGHT, points_to_px(0.6, dpi)))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(rect, radius, radius)
            painter.setPen(INK)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    return draw


class CandidatePagePainter(PagePainter):
    """A candidate's page: the print page with the candidate's numbers where the ledger is."""

    def __init__(self, page: Any, dpi: float, renderer: MapRenderer) -> None:
        super().__init__(page.layout, dpi, renderer)
        self.page = page

    def ledger(self, painter: QPainter, x: float, y: float, w: float, draw: bool) -> float:
        pt = self.layout.preset.text_pt * 0.92
        top = y
        y += self.text_block(painter, x, y, w, self.page.heading, pt * 1.15, True, draw=draw)
        for label, value in self.page.rows:
            y += self._row(painter, x, y, (w * 0.66, w * 0.34), (label, value), pt, False,
                           draw)
        y += self.px(0.8)
        for note in self.page.notes:
            y += self.text_block(painter, x, y, w, note, self.layout.preset.small_pt,
                                 color=MUTED, draw=draw)
        return y - top


class OverviewPainter(PagePainter):
    """The overview page: the print page and, between map and panel, the key; a key too long
    for its box goes on to key pages (:meth:`paint_key_page`)."""

    #: The smallest text of the key (points) before it goes on to another page.
    MIN_KEY_PT = 4.5

    def __init__(self, page: Any, dpi: float, renderer: MapRenderer) -> None:
        super().__init__(page.layout, dpi, renderer)
        self.page = page

    def paint(self, painter: QPainter, cancelled: Callable[[], bool] | None = None) -> None:
        """The overview; returns nothing: :attr:`key_drawn` says how many key rows it holds."""
        super().paint(painter, cancelled)
        self.key_drawn = self.paint_key(painter, self.rect(self.page.key_box),
                                        self.page.key_title, self.page.key_rows)

    def paint_key_page(self, painter: QPainter, first: int) -> int:
        """A page of the key from row *first* on; returns the rows drawn."""
        lay = self.layout
        m = lay.preset.margin_mm
        box = QRectF(self.px(m), self.px(m), self.px(lay.page_mm[0] - 2 * m),
                     self.px(lay.page_mm[1] - 2 * m))
        return self.paint_key(painter, box, self.page.key_continued,
                              self.page.key_rows[first:])

    def paint_key(self, painter: QPainter, box: QRectF, title: str,
                  rows: Sequence[tuple[str, ...]]) -> int:
        """The key's *rows* in columns in *box*, text shrunk to fit down to
        :data:`MIN_KEY_PT`; returns how many rows it drew."""
        preset = self.layout.preset
        columns = self.page.key_columns
        head = self.text_block(painter, box.left(), box.top(), box.width(), title,
                               preset.text_pt * 1.15, True)
        gap = self.px(4)
        col_w = min((box.width() - gap * (columns - 1)) / columns, self.px(KEY_COLUMN_MAX_MM))
        pt = preset.text_pt * 0.85
        per_column = max(1, -(-len(rows) // columns))
        while pt > self.MIN_KEY_PT and (per_column + 1) * self._key_row_h(pt) > (
                box.height() - head):
            pt -= 0.25
        fits = max(1, int((box.height() - head) // self._key_row_h(pt)) - 1)
        fits = min(fits, per_column)
        widths = self._key_widths(rows, col_w, pt)
        shown = list(rows[:fits * columns])
        for column in range(columns):
            chunk = shown[column * fits:(column + 1) * fits]
            if not chunk:
                break
            x, y = box.left() + column * (col_w + gap), box.top() + head
            y += self._key_row(painter, x, y, widths, self.page.key_header, pt, True)
            for row in chunk:
                y += self._key_row(painter, x, y, widths, row, pt, False)
        return len(shown)

    def _key_widths(self, rows: Sequence[tuple[str, ...]], col_w: float, pt: float
                    ) -> tuple[float, float, float, float]:
        """Number and hectares as wide as their widest value; the kind a quarter; the name
        the rest."""
        pad = self.px(1.6)
        bold, plain = QFontMetricsF(self.font(pt, True)), QFontMetricsF(self.font(pt))
        number = max([bold.horizontalAdvance(r[0]) for r in rows] + [0.0]) + pad
        hectares = max([plain.horizontalAdvance(r[3]) for r in rows]
                       + [bold.horizontalAdvance(self.page.key_header[3])]) + pad
        kind = col_w * 0.26
        return number, max(col_w - number - kind - hectares, col_w * 0.2), kind, hectares

    def _key_row_h(self, pt: float) -> float:
        return QFontMetricsF(self.font(pt)).height() + self.px(0.3)

    def _key_row(self, painter: QPainter, x: float, y: float, widths: Sequence[float],
                 cells: Sequence[str], pt: float, bold: bool) -> float:
        painter.setPen(INK)
        for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            font = self.font(pt, bold or i == 0)
            painter.setFont(font)
            inner = width - self.px(1.2)
            text = QFontMetricsF(font).elidedText(cell, Qt.TextElideMode.ElideRight,
                                                  max(inner, 1.0))
            align = (Qt.AlignmentFlag.AlignRight if i in (0, 3) else Qt.AlignmentFlag.AlignLeft)
            painter.drawText(QRectF(x, y, inner, self._key_row_h(pt)),
                             int(align | Qt.AlignmentFlag.AlignTop), text)
            x += width
        return self._key_row_h(pt)


def default_threads() -> int:
    """Worker threads that prepare pages: the core's one rule
    (:data:`naturplan.core.geometry_kernels.WORKERS`: the cores, at most 4)."""
    return WORKERS


def write_atlas_pdf(part: Path, overview: Any, count: int, make_page: Callable[[int], Any],
                    feedback: Any, threads: int | None = None) -> int:
    """Write the overview and *count* candidate pages (``make_page(i)``, called in worker
    threads) as one PDF into *part* (the ``.part`` the caller renames once it is checked);
    returns the number of pages. The pages are drawn in memory and written by Python, so that
    a full disk is an ``OSError``, not a PDF without its trailer (as ``render/output.py``).

    Raises
    ------
    OperationCancelled
        If *feedback* is cancelled (nothing is written).
    OSError
        If the PDF writer fails or the file cannot be written.
    """
    require_gui_application()
    layout = overview.layout
    dpi = layout.preset.dpi
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(int(dpi))
    writer.setPageSize(QPageSize(QSizeF(*layout.page_mm), QPageSize.Unit.Millimeter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle(layout.title)
    writer.setCreator("naturplan")
    renderer = AtlasRenderer()
    workers = threads or default_threads()
    pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="atlas")
    ahead: deque[Future[Any]] = deque()
    cancelled = lambda: feedback.is_cancelled  # noqa: E731

    def prepare(i: int) -> Any:
        if feedback.is_cancelled:
            return None
        page = make_page(i)
        items = [RenderItem(e.layer, e.style, e.visible) for e in page.layout.layers]
        renderer.prefetch(page_view(page.layout, dpi), items)
        return page

    submitted = 0

    def top_up() -> None:
        nonlocal submitted
        while submitted < count and len(ahead) < 2 * workers + 2:
            ahead.append(pool.submit(prepare, submitted))
            submitted += 1

    painter = QPainter(writer)
    if not painter.isActive():
        pool.shutdown(wait=False)
        raise OSError(errno.EIO, f"cannot start the PDF for {part}")
    try:
        top_up()
        renderer.overlay = marker_overlay(overview.markers, dpi)
        first = OverviewPainter(overview, dpi, renderer)
        first.paint(painter, cancelled)
        drawn, extra = first.key_drawn, 0
        while drawn < len(overview.key_rows):  # the key goes on
            writer.newPage()
            drawn += first.paint_key_page(painter, drawn)
            extra += 1
        feedback.report(1.0 / (count + 1), layout.title)
        for i in range(count):
            feedback.check()
            page = ahead.popleft().result()
            top_up()
            feedback.check()
            writer.newPage()
            renderer.overlay = outline_overlay(page.geometry, dpi)
            CandidatePagePainter(page, dpi, renderer).paint(painter, cancelled)
            feedback.report((i + 2) / (count + 1), page.layout.title)
        feedback.check()
    finally:
        for future in ahead:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
        ended = painter.end()
        renderer.close()
        del writer  # flushes the last bytes into the buffer
        buffer.close()
    if not ended:
        raise OSError(errno.EIO, f"the PDF writer failed on {part}")
    part.write_bytes(data.data())
    return count + 1 + extra
