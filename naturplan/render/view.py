"""The map view: which EPSG:25832 rectangle is drawn into how many pixels."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

#: Screen pixel size used for the 1:N scale (the OGC standard rendering pixel, 0.28 mm).
STANDARD_PIXEL_M = 0.00028
#: Dots per inch that point sizes (labels, scale bar) are converted with on screen: Qt's
#: logical screen dpi.
SCREEN_DPI = 96.0
METRES_PER_INCH = 0.0254

Bounds = tuple[float, float, float, float]


@dataclass(frozen=True)
class MapView:
    """A map centre, a resolution and a pixel size; north up, square pixels.

    Attributes
    ----------
    cx, cy
        Centre in EPSG:25832 metres.
    resolution
        Map metres per pixel.
    width, height
        Size in pixels.
    dpi
        Device pixels per inch for a printed map (the page's resolution): the scale 1:N is
        then the true scale on paper, and sizes given in points (text, scale bar) are
        converted with it. None on screen: 1:N uses the OGC standard 0.28 mm pixel and
        point sizes :data:`SCREEN_DPI`.
    """

    cx: float
    cy: float
    resolution: float
    width: int
    height: int
    dpi: float | None = None

    @classmethod
    def fit(cls, bounds: Bounds, width: int, height: int, margin: float = 0.03) -> MapView:
        """The view that shows *bounds* whole in a *width* × *height* pixel image."""
        minx, miny, maxx, maxy = bounds
        w, h = max(width, 1), max(height, 1)
        span_x = max(maxx - minx, 1.0) * (1 + 2 * margin)
        span_y = max(maxy - miny, 1.0) * (1 + 2 * margin)
        res = max(span_x / w, span_y / h)
        return cls((minx + maxx) / 2, (miny + maxy) / 2, res, w, h)

    @classmethod
    def for_paper(cls, cx: float, cy: float, scale: float, width_mm: float,
                  height_mm: float, dpi: float = 300.0) -> MapView:
        """The view of a printed map: centre (EPSG:25832 m), scale 1:*scale*, a map frame of
        *width_mm* × *height_mm* on paper, drawn at *dpi* device pixels per inch."""
        pixel_m = METRES_PER_INCH / dpi  # one device pixel on paper, in metres
        width = max(1, int(round(width_mm / 1000.0 / pixel_m)))
        height = max(1, int(round(height_mm / 1000.0 / pixel_m)))
        return cls(cx, cy, scale * pixel_m, width, height, dpi)

    @property
    def bounds(self) -> Bounds:
        half_w = self.width * self.resolution / 2
        half_h = self.height * self.resolution / 2
        return (self.cx - half_w, self.cy - half_h, self.cx + half_w, self.cy + half_h)

    @property
    def pixel_size_m(self) -> float:
        """The size of one pixel on the screen or the paper, in metres (not map metres)."""
        return STANDARD_PIXEL_M if self.dpi is None else METRES_PER_INCH / self.dpi

    @property
    def device_dpi(self) -> float:
        """Pixels per inch used to turn point sizes into pixels."""
        return SCREEN_DPI if self.dpi is None else self.dpi

    @property
    def scale_denominator(self) -> float:
        """N of the map scale 1:N (on screen at the standard 0.28 mm pixel; on paper true)."""
        return self.resolution / self.pixel_size_m

    @property
    def zoom_bucket(self) -> int:
        """The level of detail: resolutions within a factor √2 share simplified geometry."""
        return int(math.floor(math.log(max(self.resolution, 1e-6), math.sqrt(2))))

    def to_pixel(self, x: float, y: float) -> tuple[float, float]:
        minx, _, _, maxy = self.bounds
        return ((x - minx) / self.resolution, (maxy - y) / self.resolution)

    def to_map(self, px: float, py: float) -> tuple[float, float]:
        minx, _, _, maxy = self.bounds
        return (minx + px * self.resolution, maxy - py * self.resolution)

    def resized(self, width: int, height: int) -> MapView:
        return replace(self, width=max(width, 1), height=max(height, 1))

    def panned(self, dx_px: float, dy_px: float) -> MapView:
        """The view moved so that the map follows the mouse by (dx, dy) pixels."""
        return replace(
            self, cx=self.cx - dx_px * self.resolution, cy=self.cy + dy_px * self.resolution
        )

    def zoomed(self, factor: float, px: float | None = None, py: float | None = None) -> MapView:
        """Zoom in by *factor* (>1 in) keeping the map point under pixel (px, py) fixed."""
        px = self.width / 2 if px is None else px
        py = self.height / 2 if py is None else py
        mx, my = self.to_map(px, py)
        res = min(max(self.resolution / factor, 0.01), 100_000.0)
        cx = mx - (px - self.width / 2) * res
        cy = my + (py - self.height / 2) * res
        return replace(self, cx=cx, cy=cy, resolution=res)

    def transform_args(self) -> tuple[float, float, float, float, float, float]:
        """(m11, m12, m21, m22, dx, dy) of the affine map → pixel transform for QTransform."""
        minx, _, _, maxy = self.bounds
        s = 1.0 / self.resolution
        return (s, 0.0, 0.0, -s, -minx * s, maxy * s)
