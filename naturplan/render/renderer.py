"""The map renderer: styled layers → QPainter, for the screen canvas and for print.

Per frame, each visible vector layer asks its :class:`GeometryIndex` for the features in
the view that are at least a pixel across, takes their polygons simplified for the zoom
level (built once per level), and draws them grouped by category so that pens and brushes
change once per class. Rasters are read at screen resolution through GDAL and coloured
with the style's ramp. Layers with opacity below 1 are drawn into their own image first,
so overlapping features of one layer do not darken each other.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import shapely
from numpy.typing import NDArray
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPolygonF, QTransform

from naturplan.core.layers.layer import Layer, RasterLayer, VectorLayer
from naturplan.core.layers.roles import ROLE_SPECS, GeometryKind
from naturplan.core.layers.style import FillPattern, LayerStyle, LineStyle, Symbol
from naturplan.io.raster import read_window
from naturplan.render.geometry import GeometryIndex, polygon_from_xy
from naturplan.render.labels import LABEL_MIN_PX, PlacedLabel, collect, place_and_draw
from naturplan.render.raster import RasterOverview, apply_ramp, image_from_rgba
from naturplan.render.view import MapView

Cancelled = Callable[[], bool]
log = logging.getLogger(__name__)
#: Diameter of a point symbol (an address) in pixels on screen.
POINT_PX = 5.0

_PATTERNS = {
    FillPattern.SOLID: Qt.BrushStyle.SolidPattern,
    FillPattern.NONE: Qt.BrushStyle.NoBrush,
    FillPattern.HATCH: Qt.BrushStyle.BDiagPattern,
    FillPattern.CROSS: Qt.BrushStyle.DiagCrossPattern,
}
_LINES = {
    LineStyle.SOLID: Qt.PenStyle.SolidLine,
    LineStyle.DASH: Qt.PenStyle.DashLine,
    LineStyle.DOT: Qt.PenStyle.DotLine,
    LineStyle.NONE: Qt.PenStyle.NoPen,
}


@dataclass(frozen=True)
class RenderItem:
    """One layer to draw: the data, its style (opacity included) and whether it is shown."""

    layer: Layer
    style: LayerStyle
    visible: bool = True


@dataclass
class RenderStats:
    """What a frame drew: features per layer name, the layers that failed, the time it took.

    A layer that raises while it is drawn is left out of the frame (the others are drawn);
    its exception is kept in *errors* for the front end to show and logged.
    """

    features: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    cancelled: bool = False
    errors: dict[str, BaseException] = field(default_factory=dict)
    labels: list[PlacedLabel] = field(default_factory=list)


def make_pen(symbol: Symbol, scale: float = 1.0) -> QPen:
    """A cosmetic pen (its width in pixels whatever the map transform) for *symbol*."""
    if symbol.line_style is LineStyle.NONE:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(QColor(symbol.outline))
    pen.setWidthF(symbol.line_width * scale)
    pen.setCosmetic(True)
    pen.setStyle(_LINES[symbol.line_style])
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def make_brush(symbol: Symbol, opacity: float = 1.0) -> QBrush:
    """The fill brush of *symbol* (its own fill opacity, times *opacity*, in the colour's
    alpha)."""
    color = QColor(symbol.fill)
    color.setAlphaF(symbol.fill_opacity * opacity)
    return QBrush(color, _PATTERNS[symbol.pattern])


class MapRenderer:
    """Draws layers; keeps each layer's spatial index and simplified geometry between frames.

    One renderer is shared by the canvas (in its render thread) and the identify tool.
    """

    def __init__(self) -> None:
        # Every per-layer cache is keyed by id(layer) and holds a weak reference to the layer:
        # a new layer that reuses a freed id is told apart, and no cache keeps a layer alive.
        self._indexes: dict[int, tuple[weakref.ref[VectorLayer], GeometryIndex]] = {}
        #: (id, field, values) → (a weak reference to the layer, codes): the reference tells
        #: a live layer from a new one that reuses a freed id.
        self._codes: dict[tuple[int, str, tuple[str, ...]],
                          tuple[weakref.ref[VectorLayer], NDArray[np.intp]]] = {}
        self._raster_cache: dict[int, tuple[weakref.ref[RasterLayer], tuple, QImage]] = {}
        self._overviews: dict[int, tuple[weakref.ref[RasterLayer], RasterOverview]] = {}
        self._lock = threading.Lock()
        #: Multiplies every line width: 1 on screen, more for a 300 dpi print.
        self.line_scale = 1.0
        #: The language of label texts taken from category labels ("da" or "en").
        self.lang = "da"
        #: Font family of the labels; "" = the application's font (the legend's).
        self.label_font = ""

    # -- per-layer caches -------------------------------------------------------------
    def index_for(self, layer: VectorLayer) -> GeometryIndex:
        """The layer's spatial index (built on first use, kept while the layer lives)."""
        key = id(layer)
        with self._lock:
            entry = self._indexes.get(key)
            if entry is not None and entry[0]() is layer:
                return entry[1]
        index = GeometryIndex(layer.frame.geometry.to_numpy())
        with self._lock:
            self._drop_dead()
            self._indexes[key] = (weakref.ref(layer), index)
        return index

    def _drop_dead(self) -> None:
        """Forget the caches of layers that no longer exist (call with the lock held)."""
        for cache in (self._indexes, self._codes, self._raster_cache, self._overviews):
            for key in [k for k, v in cache.items() if v[0]() is None]:
                del cache[key]

    def carry_over(self, old: VectorLayer, new: VectorLayer, kept: NDArray[np.intp]) -> None:
        """*new* replaces *old* with the unchanged features of *old* at the new positions
        ``kept`` (-1: new or changed): its index takes over *old*'s shapes and label points
        (:meth:`GeometryIndex.carried`), so that only the changed features are drawn anew."""
        with self._lock:
            entry = self._indexes.get(id(old))
        self.forget(old)
        if entry is None or entry[0]() is not old or len(kept) != len(new.frame):
            return
        index = entry[1].carried(new.frame.geometry.to_numpy(), kept)
        with self._lock:
            self._indexes[id(new)] = (weakref.ref(new), index)

    def forget(self, layer: Layer) -> None:
        """Drop the caches of a layer that was removed or replaced."""
        with self._lock:
            self._indexes.pop(id(layer), None)
            self._raster_cache.pop(id(layer), None)
            self._overviews.pop(id(layer), None)
            for key in [k for k in self._codes if k[0] == id(layer)]:
                del self._codes[key]

    def category_codes(self, layer: VectorLayer, style: LayerStyle) -> NDArray[np.intp]:
        """Per feature: the index of its category in *style*, or -1 for the default symbol."""
        values = style.category_values()
        key = (id(layer), style.category_field, values)
        with self._lock:
            entry = self._codes.get(key)
        if entry is not None and entry[0]() is layer and len(entry[1]) == len(layer.frame):
            return entry[1]
        codes = np.full(len(layer.frame), -1, dtype=np.intp)
        if style.category_field in layer.frame.columns and values:
            column = layer.frame[style.category_field].astype("string").fillna("")
            for i, value in enumerate(values):
                codes[(column == value).to_numpy(dtype=bool)] = i
        with self._lock:
            self._codes[key] = (weakref.ref(layer), codes)
        return codes

    # -- drawing ----------------------------------------------------------------------
    def render_image(
        self,
        view: MapView,
        items: Sequence[RenderItem],
        background: str = "#dde6ec",
        cancelled: Cancelled | None = None,
        labels: bool = True,
        reserved: Sequence[QRectF] = (),
    ) -> tuple[QImage, RenderStats]:
        """A new ARGB image of *view* with *items* drawn bottom first (see :meth:`render`)."""
        image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(background))
        painter = QPainter(image)
        try:
            stats = self.render(painter, view, items, cancelled, labels, reserved)
        finally:
            painter.end()
        return image, stats

    def render(
        self,
        painter: QPainter,
        view: MapView,
        items: Sequence[RenderItem],
        cancelled: Cancelled | None = None,
        labels: bool = True,
        reserved: Sequence[QRectF] = (),
        layer_images: bool = True,
    ) -> RenderStats:
        """Draw *items* (bottom first) for *view* onto *painter*, whose device is the view
        (the painter may be translated: the print draws into a frame on the page).

        *cancelled* is checked between layers; a cancelled frame is left half drawn and
        flagged in the returned stats. With *labels*, the styles' labels are drawn on top
        of every layer, none over another nor over the *reserved* rectangles (pixels: the
        scale bar, the north arrow...); the placed ones are listed in the stats.
        With *layer_images* (the screen) a layer with opacity below 1 is drawn into an image
        first so its features do not darken each other; without (print) the layer's opacity
        goes into its fills' alpha and its outlines are drawn opaque, so that a PDF keeps
        plain vector paths (Qt's PDF engine turns every stroke with alpha into a filled
        outline, several times the size).
        """
        start = time.perf_counter()
        stats = RenderStats()
        stop = cancelled or (lambda: False)
        for item in items:
            if stop():
                stats.cancelled = True
                break
            if not item.visible or item.style.opacity <= 0:
                continue
            if not item.style.visible_at(view.scale_denominator):
                continue
            try:
                stats.features[item.layer.name] = self._draw_item(painter, view, item,
                                                                  layer_images)
            except Exception as exc:  # noqa: BLE001 - one broken layer must not blank the map
                log.exception("layer %s could not be drawn", item.layer.name)
                stats.errors[item.layer.name] = exc
        if labels and not stats.cancelled and not stop():
            try:
                stats.labels = self.draw_labels(painter, view, items, reserved)
            except Exception as exc:  # noqa: BLE001 - the map without labels beats no map
                log.exception("labels could not be drawn")
                stats.errors["labels"] = exc
        stats.seconds = time.perf_counter() - start
        return stats

    def draw_labels(self, painter: QPainter, view: MapView, items: Sequence[RenderItem],
                    reserved: Sequence[QRectF] = ()) -> list[PlacedLabel]:
        """Draw the labels of *items* for *view* (see :mod:`naturplan.render.labels`)."""
        candidates = []
        scale = view.scale_denominator
        for item in items:
            layer, style = item.layer, item.style
            if (not item.visible or not isinstance(layer, VectorLayer) or not style.labels
                    or style.opacity <= 0 or not style.visible_at(scale)):
                continue
            for rule in style.labels:
                if rule.visible_at(scale):
                    candidates += collect(view, layer, style, rule, self.index_for(layer),
                                          self.lang)
        return place_and_draw(painter, view, candidates, reserved, self.label_font)

    def _draw_item(self, painter: QPainter, view: MapView, item: RenderItem,
                   layer_images: bool = True) -> int:
        if isinstance(item.layer, RasterLayer):
            return self._draw_raster(painter, view, item)
        if item.style.opacity >= 0.999:
            return self._draw_vector(painter, view, item)
        if not layer_images:
            return self._draw_vector(painter, view, item, fill_scale=item.style.opacity)
        layer_image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
        layer_image.fill(Qt.GlobalColor.transparent)
        inner = QPainter(layer_image)
        try:
            count = self._draw_vector(inner, view, item)
        finally:
            inner.end()
        painter.save()
        painter.setOpacity(item.style.opacity)
        painter.drawImage(0, 0, layer_image)
        painter.restore()
        return count

    def _draw_vector(self, painter: QPainter, view: MapView, item: RenderItem,
                     fill_scale: float = 1.0) -> int:
        layer = item.layer
        assert isinstance(layer, VectorLayer)
        if ROLE_SPECS[layer.role].geometry is GeometryKind.POINT:
            return self._draw_points(painter, view, item)
        if ROLE_SPECS[layer.role].geometry is GeometryKind.LINE:
            return self._draw_lines(painter, view, item)
        style = item.style
        index = self.index_for(layer)
        positions = index.visible(view.bounds, min_size=view.resolution)
        if len(positions) == 0:
            return 0
        level = view.zoom_bucket
        shapes = index.shapes(positions, level, np.sqrt(2) ** level)
        codes = self.category_codes(layer, style)[positions]
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setTransform(QTransform(*view.transform_args()), True)
            for code in np.unique(codes):
                symbol = style.categories[code].symbol if code >= 0 else style.symbol
                painter.setPen(make_pen(symbol, self.line_scale))
                painter.setBrush(make_brush(symbol, fill_scale))
                for shape in shapes[codes == code]:
                    if isinstance(shape, QPolygonF):
                        painter.drawPolygon(shape)
                    elif shape is not None:
                        painter.drawPath(shape)
        finally:
            painter.restore()
        return len(positions)

    def _draw_points(self, painter: QPainter, view: MapView, item: RenderItem) -> int:
        """A point layer (addresses): a dot of :data:`POINT_PX` pixels per feature."""
        layer = item.layer
        assert isinstance(layer, VectorLayer)
        index = self.index_for(layer)
        positions = index.visible(view.bounds, min_size=0.0)
        if len(positions) == 0:
            return 0
        xy = shapely.get_coordinates(index.geometries[positions])
        minx, _, _, maxy = view.bounds
        px = (xy[:, 0] - minx) / view.resolution
        py = (maxy - xy[:, 1]) / view.resolution
        radius = POINT_PX * self.line_scale / 2
        symbol = item.style.symbol
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(make_pen(symbol, self.line_scale))
        painter.setBrush(make_brush(symbol))
        for x, y in zip(px.tolist(), py.tolist(), strict=True):
            painter.drawEllipse(QPointF(x, y), radius, radius)
        painter.restore()
        return len(positions)

    def _draw_lines(self, painter: QPainter, view: MapView, item: RenderItem) -> int:
        """A line layer (roads): each visible line as a polyline in the style's outline."""
        layer = item.layer
        assert isinstance(layer, VectorLayer)
        index = self.index_for(layer)
        positions = index.visible(view.bounds, min_size=0.0)
        if len(positions) == 0:
            return 0
        xy, which = shapely.get_coordinates(index.geometries[positions], return_index=True)
        minx, _, _, maxy = view.bounds
        xy = np.column_stack([(xy[:, 0] - minx) / view.resolution,
                              (maxy - xy[:, 1]) / view.resolution])
        ends = np.cumsum(np.bincount(which, minlength=len(positions)))
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(make_pen(item.style.symbol, self.line_scale))
        start = 0
        for end in ends.tolist():
            if end - start > 1:
                painter.drawPolyline(polygon_from_xy(xy[start:end]))
            start = end
        painter.restore()
        return len(positions)

    def overview_for(self, layer: RasterLayer) -> RasterOverview:
        """The layer's in-memory overview (read on first use)."""
        with self._lock:
            entry = self._overviews.get(id(layer))
        if entry is not None and entry[0]() is layer:
            return entry[1]
        overview = RasterOverview.read(layer, read_window)
        with self._lock:
            self._overviews[id(layer)] = (weakref.ref(layer), overview)
        return overview

    def _raster_values(self, layer: RasterLayer, bounds: tuple[float, float, float, float],
                       shape: tuple[int, int], resolution: float) -> NDArray[np.float64]:
        overview = self.overview_for(layer)
        if overview.covers(resolution):
            return overview.window(bounds, shape)
        return read_window(layer, bounds, out_shape=shape)

    def prewarm(self, view: MapView, items: Sequence[RenderItem]) -> None:
        """Build indexes, overviews and the simplified polygons of *view* (in a worker)."""
        self.render_image(view, items)

    def prepare_around(self, view: MapView, items: Sequence[RenderItem],
                       cancelled: Cancelled | None = None) -> int:
        """Build, ahead of the user, what the next zoom steps from *view* will draw.

        Meant for a background thread while *view* is on screen: the levels one and two
        steps in (over the view) and out (over a larger area), nearest first, for every
        layer shown at that level's scale. Returns how many shapes were built; stops
        between steps when *cancelled* returns True.
        """
        stop = cancelled or (lambda: False)
        built = 0
        level = view.zoom_bucket
        for step in (-1, 1, -2, 2, 0):
            factor = np.sqrt(2) ** step
            # Zooming in shows part of this view; zooming out (or panning) shows more.
            ground = (factor if step > 0 else 1.0) * (1.5 if step >= 0 else 1.0)
            ahead = replace(view, resolution=view.resolution * factor,
                            width=int(view.width * ground / factor) + 1,
                            height=int(view.height * ground / factor) + 1)
            for item in items:
                if stop():
                    return built
                if not isinstance(item.layer, VectorLayer) or not item.visible:
                    continue
                if not item.style.visible_at(ahead.scale_denominator):
                    continue
                index = self.index_for(item.layer)
                positions = index.visible(ahead.bounds, min_size=ahead.resolution)
                built += index.prepare(positions, [level + step], stop)
                if item.style.labels:
                    index.label_points(positions[index.sizes[positions]
                                                 >= LABEL_MIN_PX * ahead.resolution])
        # Last, the few-vertex features (parcels) around the view whatever their scale: one
        # shape serves every level, so the first view that shows them finds them built.
        area = replace(view, width=int(view.width * 1.5), height=int(view.height * 1.5))
        for item in items:
            if stop():
                break
            if isinstance(item.layer, VectorLayer) and item.visible:
                index = self.index_for(item.layer)
                built += index.prepare(index.visible(area.bounds, 0.0), [], stop)
        return built

    def _draw_raster(self, painter: QPainter, view: MapView, item: RenderItem) -> int:
        layer = item.layer
        assert isinstance(layer, RasterLayer)
        ramp = item.style.ramp
        if ramp is None:
            return 0
        lminx, lminy, lmaxx, lmaxy = layer.bounds
        vminx, vminy, vmaxx, vmaxy = view.bounds
        minx, miny = max(lminx, vminx), max(lminy, vminy)
        maxx, maxy = min(lmaxx, vmaxx), min(lmaxy, vmaxy)
        if minx >= maxx or miny >= maxy:
            return 0
        cols = max(1, int(round((maxx - minx) / view.resolution)))
        rows = max(1, int(round((maxy - miny) / view.resolution)))
        key = (minx, miny, maxx, maxy, rows, cols, ramp)
        with self._lock:
            cached = self._raster_cache.get(id(layer))
        if cached is not None and cached[0]() is layer and cached[1] == key:
            image = cached[2]
        else:
            values = self._raster_values(layer, (minx, miny, maxx, maxy), (rows, cols),
                                         view.resolution)
            image = image_from_rgba(apply_ramp(values, ramp))
            with self._lock:
                self._raster_cache[id(layer)] = (weakref.ref(layer), key, image)
        x0, y0 = view.to_pixel(minx, maxy)
        x1, y1 = view.to_pixel(maxx, miny)
        painter.save()
        painter.setOpacity(item.style.opacity)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawImage(QRectF(QPointF(x0, y0), QPointF(x1, y1)), image)
        painter.restore()
        return rows * cols
