"""Raster layers: a window read at screen resolution, coloured by the style's ramp."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from PySide6.QtGui import QImage

from naturplan.core.layers.style import ColorRamp, ramp_rgba


def apply_ramp(values: NDArray[np.float64], ramp: ColorRamp) -> NDArray[np.uint8]:
    """RGBA (rows, cols, 4) for *values* (see :func:`naturplan.core.layers.style.ramp_rgba`)."""
    return ramp_rgba(values, ramp)


def image_from_rgba(rgba: NDArray[np.uint8]) -> QImage:
    """A QImage that owns a copy of the (rows, cols, 4) RGBA array."""
    rgba = np.ascontiguousarray(rgba)
    rows, cols = rgba.shape[:2]
    image = QImage(rgba.data, cols, rows, cols * 4, QImage.Format.Format_RGBA8888)
    return image.copy()


#: Longest side of the in-memory overview of a raster (pixels).
OVERVIEW_SIZE = 2048


class RasterOverview:
    """A raster read once at ≤ :data:`OVERVIEW_SIZE` pixels, for views coarser than that.

    A municipality-wide view of a 28-million-pixel flood raster then costs a numpy gather
    instead of a GDAL resampling read of the file (200 ms on these machines).
    """

    def __init__(self, bounds: tuple[float, float, float, float],
                 values: NDArray[np.float64]) -> None:
        self.bounds = bounds
        self.values = values
        rows, cols = values.shape
        self.res_x = (bounds[2] - bounds[0]) / cols
        self.res_y = (bounds[3] - bounds[1]) / rows

    @classmethod
    def read(cls, layer, reader) -> RasterOverview:  # type: ignore[no-untyped-def]
        minx, miny, maxx, maxy = layer.bounds
        factor = max((maxx - minx), (maxy - miny)) / OVERVIEW_SIZE
        cols = max(1, int(round((maxx - minx) / factor)))
        rows = max(1, int(round((maxy - miny) / factor)))
        return cls(layer.bounds, reader(layer, layer.bounds, out_shape=(rows, cols)))

    def covers(self, resolution: float) -> bool:
        """True if a view at *resolution* m/px is no finer than this overview."""
        return resolution >= 0.9 * min(self.res_x, self.res_y)

    def window(self, bounds: tuple[float, float, float, float],
               shape: tuple[int, int]) -> NDArray[np.float64]:
        """Nearest-neighbour values over *bounds* at *shape* (rows, cols); NaN outside."""
        rows, cols = shape
        minx, miny, maxx, maxy = bounds
        xs = minx + (np.arange(cols) + 0.5) * (maxx - minx) / cols
        ys = maxy - (np.arange(rows) + 0.5) * (maxy - miny) / rows
        c = np.floor((xs - self.bounds[0]) / self.res_x).astype(np.intp)
        r = np.floor((self.bounds[3] - ys) / self.res_y).astype(np.intp)
        nr, nc = self.values.shape
        ok_c, ok_r = (c >= 0) & (c < nc), (r >= 0) & (r < nr)
        out = self.values[np.clip(r, 0, nr - 1)[:, None], np.clip(c, 0, nc - 1)[None, :]]
        out[~ok_r, :] = np.nan
        out[:, ~ok_c] = np.nan
        return out
