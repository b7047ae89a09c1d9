"""Basemap tiles on a QPainter: drawn from memory, never waiting for the network.

:class:`BasemapLayer` keeps decoded tiles (warped into EPSG:25832 when the source is in
another CRS) in a memory cache and draws, for a view, the tiles of the level that fits
its resolution. A tile that is not in memory yet is asked for (the loader's worker threads
read the disk cache or the service, then decode here, off the GUI thread) and meanwhile the
area shows what memory has: coarser tiles stretched, or finer ones from before a zoom out.
The screen draws on every paint from memory alone; the print export and ``--screenshot``
first load the tiles they need with :meth:`BasemapLayer.ensure`.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QRegion

from naturplan.io.services.cache import TileCache
from naturplan.io.services.grids import Bounds, TileKey
from naturplan.io.services.loader import ServiceStatus, TileLoader
from naturplan.io.services.sources import TileSource
from naturplan.io.services.warp import Warper
from naturplan.render.view import MapView

#: Bytes of decoded tiles kept in memory (a full-HD screen needs ~10 MB per level).
MEMORY_BYTES = 160 * 1024 * 1024
#: Coarser levels searched for a stand-in tile, and whether one finer level is too.
FALLBACK_COARSER = 5
#: Bytes of tiles kept scaled to the screen's pixel size (a full-HD screen of warped
#: tiles needs ~35 MB): a pan then only copies pixels; scaling 70 tiles on every paint
#: took 5.7 ms at 1920 × 1080.
SCALED_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class DrawnTile:
    """A decoded tile: its EPSG:25832 bounds and its image (premultiplied ARGB); a tile
    scaled for the screen names the *source* it was scaled from."""

    bounds: Bounds
    image: QImage
    source: DrawnTile | None = None


@dataclass
class DrawStats:
    """What one :meth:`BasemapLayer.draw` did."""

    level: int = 0
    wanted: int = 0
    drawn: int = 0
    stand_ins: int = 0
    missing: list[TileKey] = field(default_factory=list)
    seconds: float = 0.0


class TileMemory:
    """Decoded tiles by key, least recently used dropped past *max_bytes* (thread-safe)."""

    def __init__(self, max_bytes: int = MEMORY_BYTES) -> None:
        self.max_bytes = max_bytes
        self._tiles: OrderedDict[Hashable, DrawnTile | None] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> DrawnTile | None:
        with self._lock:
            tile = self._tiles.get(key)
            if tile is not None:
                self._tiles.move_to_end(key)
            return tile

    def __contains__(self, key: Hashable) -> bool:
        with self._lock:
            return key in self._tiles

    def put(self, key: Hashable, tile: DrawnTile | None) -> None:
        """Keep *tile* (None: the service has nothing there, nothing to draw)."""
        size = tile.image.sizeInBytes() if tile is not None else 0
        with self._lock:
            old = self._tiles.pop(key, None)
            self._bytes -= old.image.sizeInBytes() if old is not None else 0
            self._tiles[key] = tile
            self._bytes += size
            while self._bytes > self.max_bytes and len(self._tiles) > 1:
                _, dropped = self._tiles.popitem(last=False)
                self._bytes -= dropped.image.sizeInBytes() if dropped is not None else 0

    def clear(self) -> None:
        with self._lock:
            self._tiles.clear()
            self._bytes = 0


#: One tile decoded at a time. Qt's image readers may ask the installed translator (ours is
#: Python, :class:`naturplan.gui.i18n.CatalogueTranslator`) while holding Qt's own locks; two
#: loader threads decoding at once could then each wait for what the other holds (a Qt lock
#: and the GIL): a CI run hung there for 20 minutes. Waiting for this lock gives the GIL up.
_DECODE_LOCK = threading.Lock()


def decode(data: bytes) -> QImage | None:
    """A tile's bytes as a premultiplied ARGB image (None if Qt cannot read them)."""
    with _DECODE_LOCK:
        image = QImage.fromData(data)
        if image.isNull():
            return None
        return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


def _rgba_array(image: QImage) -> np.ndarray:
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    width, height = rgba.width(), rgba.height()
    buffer = np.frombuffer(rgba.constBits(), dtype=np.uint8, count=rgba.sizeInBytes())
    rows = buffer.reshape(height, rgba.bytesPerLine())[:, :width * 4]
    return rows.reshape(height, width, 4).copy()


def _image_from_rgba(rgba: np.ndarray) -> QImage:
    rgba = np.ascontiguousarray(rgba)
    rows, cols = rgba.shape[:2]
    image = QImage(rgba.data, cols, rows, cols * 4, QImage.Format.Format_RGBA8888)
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class BasemapLayer:
    """One tile source drawn under the map.

    Parameters
    ----------
    source
        The tile source.
    cache
        The disk cache.
    on_ready
        Called (from a worker thread) whenever a new tile is in memory: the screen repaints.
    on_status
        Called (from a worker thread) when the service starts or stops failing.
    offline
        Use the disk cache only.
    """

    def __init__(self, source: TileSource, cache: TileCache,
                 on_ready: Callable[[], None] | None = None,
                 on_status: Callable[[ServiceStatus], None] | None = None,
                 offline: bool = False, memory: TileMemory | None = None) -> None:
        self.source = source
        self.grid = source.grid
        self.memory = memory or TileMemory()
        #: Tiles scaled to the pixel size of view resolution ``_scaled_for``, by key.
        self._scaled = TileMemory(SCALED_BYTES)
        self._scaled_for = 0.0
        self.on_ready = on_ready
        self.warper = None if self.grid.is_working_crs else Warper(self.grid.crs)
        self.loader = TileLoader(source, cache, self._on_bytes, on_status, offline=offline)

    @property
    def attribution(self) -> str:
        return self.source.attribution

    def close(self) -> None:
        self.loader.close()

    # -- which tiles --------------------------------------------------------------------
    def plan(self, view: MapView) -> tuple[int, list[TileKey]]:
        """The level for *view* and its tiles over the view, nearest the centre first."""
        bounds = self._grid_bounds(view.bounds)
        if self.warper is None:
            resolution = view.resolution
        else:
            resolution = self.warper.source_resolution(view.cx, view.cy, view.resolution)
        level = self.grid.level_for(resolution)
        keys = self.grid.tiles_in(bounds, level)
        cx, cy = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2

        def distance(key: TileKey) -> float:
            minx, miny, maxx, maxy = self.grid.bounds(key)
            return math.hypot((minx + maxx) / 2 - cx, (miny + maxy) / 2 - cy)

        return level, sorted(keys, key=distance)

    def _grid_bounds(self, bounds: Bounds) -> Bounds:
        return bounds if self.warper is None else self.warper.source_bounds(bounds)

    # -- drawing ------------------------------------------------------------------------
    def draw(self, painter: QPainter, view: MapView, opacity: float = 1.0,
             request: bool = True) -> DrawStats:
        """Draw the tiles of *view* that are in memory onto *painter* (device = the view).

        Missing tiles are asked for (unless *request* is False) and stood in for by
        coarser or finer tiles already in memory. Never waits for anything.
        """
        start = time.perf_counter()
        level, keys = self.plan(view)
        stats = DrawStats(level=level, wanted=len(keys))
        present = []
        for key in keys:
            if key in self.memory:
                present.append(key)
            else:
                stats.missing.append(key)
        painter.save()
        painter.setOpacity(painter.opacity() * opacity)
        if stats.missing:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            stats.stand_ins = self._draw_stand_ins(painter, view, level, stats.missing)
        screen = view.dpi is None  # print and PDF get the tiles as they are, scaled there
        # On screen, tiles of the level are copied unscaled to whole pixels: with the smooth
        # hint on, Qt filters even such a copy (7.7 instead of 2.0 ms for 96 tiles at
        # 1920 × 1080).
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, not screen)
        if view.resolution != self._scaled_for:
            self._scaled.clear()
            self._scaled_for = view.resolution
        for key in present:
            tile = self.memory.get(key)
            if tile is None:
                continue
            if screen:
                self._blit_tile(painter, view, key, tile)
            else:
                self._draw_tile(painter, view, tile)
            stats.drawn += 1
        painter.restore()
        if request and stats.missing:
            self.loader.want(stats.missing)
        stats.seconds = time.perf_counter() - start
        return stats

    def _draw_stand_ins(self, painter: QPainter, view: MapView, level: int,
                        missing: list[TileKey]) -> int:
        region = QRegion()
        areas = []
        for key in missing:
            rect = self._target(view, self._working_bounds(key))
            region = region.united(rect)
            areas.append(self.grid.bounds(key))
        minx = min(a[0] for a in areas)
        miny = min(a[1] for a in areas)
        maxx = max(a[2] for a in areas)
        maxy = max(a[3] for a in areas)
        levels = [z for z in range(max(0, level - FALLBACK_COARSER), level)]
        if level < self.grid.max_level:
            levels.append(level + 1)
        painter.save()
        painter.setClipRegion(region)
        count = 0
        for z in levels:
            for key in self.grid.tiles_in((minx, miny, maxx, maxy), z, limit=256):
                tile = self.memory.get(key)
                if tile is not None:
                    self._draw_tile(painter, view, tile)
                    count += 1
        painter.restore()
        return count

    def _working_bounds(self, key: TileKey) -> Bounds:
        if self.warper is None:
            return self.grid.bounds(key)
        return self.warper.from_source.transform_bounds(*self.grid.bounds(key))  # type: ignore[no-any-return]

    @staticmethod
    def _target(view: MapView, bounds: Bounds) -> QRect:
        """Whole pixels: neighbours share their rounded edge, so no seam shows between."""
        x0, y0 = view.to_pixel(bounds[0], bounds[3])
        x1, y1 = view.to_pixel(bounds[2], bounds[1])
        left, top = round(x0), round(y0)
        return QRect(left, top, max(round(x1) - left, 1), max(round(y1) - top, 1))

    def _blit_tile(self, painter: QPainter, view: MapView, key: TileKey,
                   tile: DrawnTile) -> None:
        """Draw *tile* unscaled at whole pixels: scaled once per view resolution to its
        size rounded up (one size wherever the pan puts it; drawn from its rounded corner
        it overlaps the next tile by at most a pixel and never leaves a gap), so a pan only
        copies pixels."""
        minx, miny, maxx, maxy = tile.bounds
        width = max(math.ceil((maxx - minx) / view.resolution - 1e-6), 1)
        height = max(math.ceil((maxy - miny) / view.resolution - 1e-6), 1)
        image = tile.image
        if image.width() != width or image.height() != height:
            scaled = self._scaled.get(key)
            if scaled is None or scaled.source is not tile:  # new, or refreshed since
                image = image.scaled(width, height, Qt.AspectRatioMode.IgnoreAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
                self._scaled.put(key, DrawnTile(tile.bounds, image, tile))
            else:
                image = scaled.image
        x, y = view.to_pixel(minx, maxy)
        painter.drawImage(QPointF(round(x), round(y)), image)

    def _draw_tile(self, painter: QPainter, view: MapView, tile: DrawnTile) -> None:
        if self.warper is None:
            painter.drawImage(self._target(view, tile.bounds), tile.image)
        else:  # warped tiles overlap by a pixel: exact placement, no rounding
            x0, y0 = view.to_pixel(tile.bounds[0], tile.bounds[3])
            x1, y1 = view.to_pixel(tile.bounds[2], tile.bounds[1])
            painter.drawImage(QRectF(QPointF(x0, y0), QPointF(x1, y1)), tile.image)

    # -- loading ------------------------------------------------------------------------
    def _on_bytes(self, key: TileKey, data: bytes) -> None:
        """A worker thread has the bytes of *key*: decode (and warp) them into memory."""
        self.memory.put(key, self.make_tile(key, data))
        if self.on_ready is not None:
            self.on_ready()

    def make_tile(self, key: TileKey, data: bytes) -> DrawnTile | None:
        """Decode *data* as tile *key*, warped into EPSG:25832 if the grid is not."""
        image = decode(data)
        if image is None:
            return None
        bounds = self.grid.bounds(key)
        if self.warper is None:
            return DrawnTile(bounds, image)
        resolution = self.warper.working_resolution(self.grid.resolution(key.z))
        box, rgba = self.warper.warp(_rgba_array(image), bounds, resolution)
        return DrawnTile(box, _image_from_rgba(rgba))

    def ensure(self, view: MapView, timeout: float = 30.0) -> DrawStats:
        """Load every tile *view* needs into memory, waiting up to *timeout* seconds.

        For the print export and screenshots; the screen never calls it.
        """
        level, keys = self.plan(view)
        wanted = [k for k in keys if k not in self.memory]
        for key, data in self.loader.fetch_all(wanted, timeout).items():
            self.memory.put(key, self.make_tile(key, data))
        missing = [k for k in keys if k not in self.memory]
        return DrawStats(level=level, wanted=len(keys), drawn=len(keys) - len(missing),
                         missing=missing)


def draw_attribution(painter: QPainter, text: str, width: float, height: float,
                     scale: float = 1.0) -> None:
    """*text* in a small white box in the bottom-right corner of a *width* × *height* map."""
    painter.save()
    font = QFont(painter.font())
    font.setPointSizeF(max(font.pointSizeF(), 8.0) * 0.85 * scale)
    painter.setFont(font)
    metrics = painter.fontMetrics()
    pad = 3 * scale
    box = QRectF(0, 0, metrics.horizontalAdvance(text) + 2 * pad, metrics.height() + pad)
    box.moveBottomRight(QPointF(width - 2 * scale, height - 2 * scale))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(255, 255, 255, 200))
    painter.drawRect(box)
    painter.setPen(QColor("#333333"))
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
