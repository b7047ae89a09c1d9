"""Labels from the styles, placed so that none is drawn over another.

Each layer style may carry label rules (:class:`~naturplan.core.layers.style.LabelStyle`):
a field, a scale range, a font size in points, a halo. For a frame, every rule in range
proposes candidates — one per visible feature (the text at a point inside the feature), or
one per distinct value for a ``group`` rule (an ejerlav's name at the member parcel nearest
the middle of its parcels in view). Candidates are then placed greedily, higher priority
and bigger features first: a label goes down only where its box touches no label placed
before, no reserved rectangle (the scale bar, the north arrow) and lies inside the image.
Placed boxes are kept in a coarse grid of cells, so a test looks at a few neighbours only.

Everything is drawn in pixels of the :class:`~naturplan.render.MapView`; sizes in points
are turned into pixels with the view's dpi, so the print exports get the same labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPainterPath,
    QPen,
)

from naturplan.core.layers.layer import VectorLayer
from naturplan.core.layers.style import LabelStyle, LayerStyle
from naturplan.render.geometry import GeometryIndex, point_xy
from naturplan.render.view import MapView
from naturplan.text.numbers import format_value

#: Features smaller than this on screen (pixels across) get no label of their own.
LABEL_MIN_PX = 6.0
#: Labels a rule may propose per frame (the biggest features first).
MAX_CANDIDATES = 4000
#: Clear space around each label box, in points.
GAP_PT = 1.5
#: Side of a cell of the placement grid, in pixels.
GRID_PX = 64.0


@dataclass(frozen=True)
class PlacedLabel:
    """A label that was drawn: its text, its box in pixels and where it came from."""

    text: str
    rect: QRectF
    layer: str
    field: str


@dataclass
class _Candidate:
    text: str
    x: float
    y: float
    priority: int
    weight: float
    rule: LabelStyle
    layer: str
    #: For a ``fit`` rule: the feature's width and height in pixels, which the text must fit.
    room: tuple[float, float] | None = None


def label_font(rule: LabelStyle, dpi: float, family: str = "") -> QFont:
    """The QFont of *rule* at *dpi*: its size in points as pixels, so the same on paper."""
    font = QFont()
    if rule.font or family:
        font.setFamily(rule.font or family)
    font.setPixelSize(max(1, round(rule.size * dpi / 72.0)))
    font.setBold(rule.bold)
    font.setItalic(rule.italic)
    return font


Box = tuple[float, float, float, float]  # left, top, right, bottom (pixels)


class Placer:
    """Greedy collision test: accepts a box if it overlaps nothing accepted before.

    Boxes are plain tuples in a dict of grid cells: a few hundred labels are placed in a
    few milliseconds (QRectF calls cost a microsecond each through the binding).
    """

    def __init__(self, width: float, height: float, reserved: Sequence[QRectF] = (),
                 gap: float = 2.0) -> None:
        self.width, self.height = float(width), float(height)
        self.gap = gap
        self._cells: dict[tuple[int, int], list[Box]] = {}
        for rect in reserved:
            self._add((rect.left(), rect.top(), rect.right(), rect.bottom()))

    @staticmethod
    def _keys(box: Box) -> list[tuple[int, int]]:
        x0, x1 = int(box[0] // GRID_PX), int(box[2] // GRID_PX)
        y0, y1 = int(box[1] // GRID_PX), int(box[3] // GRID_PX)
        return [(i, j) for i in range(x0, x1 + 1) for j in range(y0, y1 + 1)]

    def _add(self, box: Box) -> None:
        for key in self._keys(box):
            self._cells.setdefault(key, []).append(box)

    def place_box(self, box: Box) -> bool:
        """Take *box* if it lies inside the image and clear of every box taken so far."""
        left, top, right, bottom = box
        if left < 0 or top < 0 or right > self.width or bottom > self.height:
            return False
        g = self.gap
        padded = (left - g, top - g, right + g, bottom + g)
        for key in self._keys(padded):
            for other in self._cells.get(key, ()):
                if (other[0] < padded[2] and padded[0] < other[2]
                        and other[1] < padded[3] and padded[1] < other[3]):
                    return False
        self._add(box)
        return True

    def place(self, rect: QRectF) -> bool:
        """:meth:`place_box` for a QRectF."""
        return self.place_box((rect.left(), rect.top(), rect.right(), rect.bottom()))


def _pixels(view: MapView, xy: NDArray[np.float64]) -> NDArray[np.float64]:
    minx, _, _, maxy = view.bounds
    out = np.empty_like(xy)
    out[:, 0] = (xy[:, 0] - minx) / view.resolution
    out[:, 1] = (maxy - xy[:, 1]) / view.resolution
    return out


def _group_anchors(codes: NDArray[np.intp], xy: NDArray[np.float64],
                   weights: NDArray[np.float64]) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
    """Per group: the member nearest the group's mean point, and the group's total weight."""
    groups = int(codes.max()) + 1
    count = np.bincount(codes, minlength=groups)
    mean_x = np.bincount(codes, xy[:, 0], minlength=groups) / np.maximum(count, 1)
    mean_y = np.bincount(codes, xy[:, 1], minlength=groups) / np.maximum(count, 1)
    distance = np.hypot(xy[:, 0] - mean_x[codes], xy[:, 1] - mean_y[codes])
    order = np.lexsort((distance, codes))
    first = np.concatenate(([True], codes[order][1:] != codes[order][:-1]))
    return order[first], np.bincount(codes, weights, minlength=groups)[codes[order][first]]


def _clipped_points(index: GeometryIndex, positions: NDArray, view: MapView
                    ) -> NDArray[np.float64]:
    """Points inside the visible part of big features whose own label point is off screen."""
    box = shapely.box(*view.bounds)
    simple = shapely.simplify(index.geometries[positions], view.resolution,
                              preserve_topology=False)
    return point_xy(shapely.point_on_surface(shapely.intersection(simple, box)))


def collect(view: MapView, layer: VectorLayer, style: LayerStyle, rule: LabelStyle,
            index: GeometryIndex, lang: str) -> list[_Candidate]:
    """The label candidates of one rule of one layer in *view* (not placed yet)."""
    if rule.field not in layer.frame.columns:
        return []
    min_px = 1.0 if rule.group else LABEL_MIN_PX
    positions = index.visible(view.bounds, min_size=min_px * view.resolution)
    if len(positions) == 0:
        return []
    weights = index.widths[positions] * index.heights[positions]
    if len(positions) > MAX_CANDIDATES and not rule.group:
        keep = np.sort(np.argsort(-weights, kind="stable")[:MAX_CANDIDATES])
        positions, weights = positions[keep], weights[keep]
    values = index.column(layer.frame, rule.field)[positions]
    xy = index.label_points(positions)
    if rule.group:
        codes, uniques = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
        ok = codes >= 0
        if not ok.any():
            return []
        members, weights = _group_anchors(codes[ok], xy[ok], weights[ok])
        positions, xy = positions[ok][members], xy[ok][members]
        values = np.asarray(uniques, dtype=object)[codes[ok][members]]
    pixels = _pixels(view, xy)
    off = ~((pixels[:, 0] >= 0) & (pixels[:, 0] < view.width) & (pixels[:, 1] >= 0)
            & (pixels[:, 1] < view.height))
    big = off & (index.sizes[positions] >= 0.25 * min(view.width, view.height)
                 * view.resolution)
    if big.any():
        pixels[big] = _pixels(view, _clipped_points(index, positions[big], view))
    fits = np.ones(len(positions), dtype=bool)
    if rule.fit:
        fits = (index.widths[positions] / view.resolution >= LABEL_MIN_PX * 2)
    out = []
    for k in np.flatnonzero(fits & np.isfinite(pixels).all(axis=1)).tolist():
        text = style.label_text(rule, values[k], lang, format_value)
        if not text:
            continue
        room = None
        if rule.fit:
            room = (float(index.widths[positions[k]] / view.resolution),
                    float(index.heights[positions[k]] / view.resolution))
        out.append(_Candidate(text, float(pixels[k, 0]), float(pixels[k, 1]), rule.priority,
                              float(weights[k]), rule, layer.name, room))
    return out


def place_and_draw(painter: QPainter, view: MapView, candidates: list[_Candidate],
                   reserved: Sequence[QRectF] = (), family: str = "") -> list[PlacedLabel]:
    """Place *candidates* greedily (priority, then size) and draw the ones that fit."""
    dpi = view.device_dpi
    placer = Placer(view.width, view.height, reserved, gap=GAP_PT * dpi / 72.0)
    candidates.sort(key=lambda c: (-c.priority, -c.weight))
    # Keyed by id(rule): hashing a frozen dataclass of 14 fields per label costs more
    # than the rest of the placement.
    fonts: dict[int, tuple[QFont, QFontMetricsF]] = {}
    texts: dict[int, tuple[LabelStyle, list[tuple[QPointF, str]]]] = {}
    placed: list[PlacedLabel] = []
    widths: dict[tuple[int, str], float] = {}
    for c in candidates:
        rule_id = id(c.rule)
        if rule_id not in fonts:
            font = label_font(c.rule, dpi, family)
            fonts[rule_id] = (font, QFontMetricsF(font))
        font, metrics = fonts[rule_id]
        key = (rule_id, c.text)
        width = widths.get(key)
        if width is None:
            width = widths[key] = metrics.horizontalAdvance(c.text)
        halo = c.rule.halo_width * dpi / 72.0
        w = width + 2 * halo
        h = metrics.ascent() + metrics.descent() + 2 * halo
        if c.room is not None and (w > c.room[0] or h > c.room[1]):
            continue  # the text does not fit inside its feature
        if not placer.place_box((c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2)):
            continue
        baseline = QPointF(c.x - width / 2, c.y - h / 2 + halo + metrics.ascent())
        texts.setdefault(rule_id, (c.rule, []))[1].append((baseline, c.text))
        placed.append(PlacedLabel(c.text, QRectF(c.x - w / 2, c.y - h / 2, w, h), c.layer,
                                  c.rule.field))
    for rule_id, (rule, items) in texts.items():
        _draw_texts(painter, items, rule, fonts[rule_id][0], dpi)
    return placed


def _halo_offsets(radius: float) -> list[tuple[float, float]]:
    """Points on a circle of *radius* pixels where the halo colour is drawn under a text."""
    n = 8 if radius <= 1.6 else 12
    angles = np.arange(n) * (2 * np.pi / n)
    return [(radius * float(np.cos(a)), radius * float(np.sin(a))) for a in angles]


def _draw_texts(painter: QPainter, items: list[tuple[QPointF, str]], rule: LabelStyle,
                font: QFont, dpi: float) -> None:
    """Texts of one rule: the halo (the text in the halo colour around it), then the text.

    On a raster device the halo is the text in the halo colour repeated on a small circle
    rather than a stroke of the text outline (Qt's path stroker takes about a second for a
    few hundred labels): the halo-coloured texts are drawn once into an image that is then
    laid down at each offset. On a page (PDF) the halo is the outline of the glyphs as a
    path, stroked wide by the PDF viewer, so that each label is text once: a reader can
    search and copy it (issue 19: copies of the text at offsets made pdftotext repeat every
    label 3-4 times).
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    painter.setFont(font)
    radius = rule.halo_width * dpi / 72.0
    if radius > 0:
        offsets = _halo_offsets(radius)
        device = painter.device()
        raster = (isinstance(device, QImage) and painter.transform().isIdentity()
                  and len(items) > 8)
        if raster:
            assert isinstance(device, QImage)
            layer = QImage(device.size(), QImage.Format.Format_ARGB32_Premultiplied)
            layer.fill(Qt.GlobalColor.transparent)
            inner = QPainter(layer)
            inner.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
            inner.setFont(font)
            inner.setPen(QColor(rule.halo))
            for at, text in items:
                inner.drawText(at, text)
            inner.end()
            for dx, dy in offsets:
                painter.drawImage(QPointF(dx, dy), layer)
        elif isinstance(device, QPagedPaintDevice):
            _path_halo(painter, items, font, QColor(rule.halo), radius)
        else:
            painter.setPen(QColor(rule.halo))
            for dx, dy in offsets:
                for at, text in items:
                    painter.drawText(QPointF(at.x() + dx, at.y() + dy), text)
    painter.setPen(QColor(rule.color))
    for at, text in items:
        painter.drawText(at, text)
    painter.restore()


def _path_halo(painter: QPainter, items: list[tuple[QPointF, str]], font: QFont,
                color: QColor, radius: float) -> None:
    """The halo of *items* as one path: the glyph outlines filled and stroked *radius*
    pixels wide with round joins (a vector outline, no text)."""
    path = QPainterPath()
    for at, text in items:
        path.addText(at, font, text)
    pen = QPen(color, 2 * radius)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.save()
    painter.setPen(pen)
    painter.setBrush(color)
    painter.drawPath(path)
    painter.restore()


def draw_label(painter: QPainter, text: str, at: QPointF, rule: LabelStyle, dpi: float,
               family: str = "") -> QRectF:
    """One label of *rule* with its lower-left corner at *at* (pixels): the hover label.
    Returns its box."""
    font = label_font(rule, dpi, family)
    metrics = QFontMetricsF(font)
    baseline = QPointF(at.x(), at.y() - metrics.descent())
    _draw_texts(painter, [(baseline, text)], rule, font, dpi)
    halo = rule.halo_width * dpi / 72.0
    return QRectF(at.x() - halo, at.y() - metrics.height() - halo,
                  metrics.horizontalAdvance(text) + 2 * halo, metrics.height() + 2 * halo)
