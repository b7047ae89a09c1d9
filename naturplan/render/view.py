"""The map view: which EPSG:25832 rectangle is drawn into how many pixels."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

#: Screen pixel size used for the 1:N scale (the OGC standard rendering pixel, 0.28 mm).
STANDARD_PIXEL_M = 0.00028

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
    """

    cx: float
    cy: float
    resolution: float
    width: int
    height: int

    @classmethod
    def fit(cls, bounds: Bounds, width: int, height: int, margin: float = 0.03) -> MapView:
        """The view that shows *bounds* whole in a *width* × *height* pixel image."""
        minx, miny, maxx, maxy = bounds
        w, h = max(width, 1), max(height, 1)
        span_x = max(maxx - minx, 1.0) * (1 + 2 * margin)
        span_y = max(maxy - miny, 1.0) * (1 + 2 * margin)
        res = max(span_x / w, span_y / h)
        return cls((minx + maxx) / 2, (miny + maxy) / 2, res, w, h)

    @property
    def bounds(self) -> Bounds:
        half_w = self.width * self.resolution / 2
        half_h = self.height * self.resolution / 2
        return (self.cx - half_w, self.cy - half_h, self.cx + half_w, self.cy + half_h)

    @property
    def scale_denominator(self) -> float:
        """N of the map scale 1:N at the standard 0.28 mm pixel."""
        return self.resolution / STANDARD_PIXEL_M

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
