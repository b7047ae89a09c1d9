"""Reprojecting a tile image into EPSG:25832 on the fly (XYZ tiles come in EPSG:3857).

A tile is warped once, when it arrives, into an image on a fixed EPSG:25832 pixel lattice
per level: pixel (i, j) of level z lies at ``(i + ½) · res_z, (j + ½) · res_z`` for every
tile, so neighbouring warped tiles meet without gaps or overlaps, and the map draws them as
plain rectangles like native EPSG:25832 tiles. Each output pixel takes the source pixel its
centre falls in (nearest neighbour); the exact transform is computed on a mesh every 16
pixels and interpolated bilinearly between (below a tenth of a pixel off at tile sizes).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from pyproj import CRS, Transformer

Bounds = tuple[float, float, float, float]
#: Mesh spacing in output pixels for the exact transform.
MESH_STEP = 16
#: Where the working/source scale ratio is taken (central Denmark, EPSG:25832).
REFERENCE_POINT = (560_000.0, 6_230_000.0)


class Warper:
    """Warps tiles from *source_crs* into EPSG:25832 (*working_crs*)."""

    def __init__(self, source_crs: CRS, working_crs: CRS | int = 25832) -> None:
        working = CRS.from_user_input(working_crs)
        self.to_source = Transformer.from_crs(working, source_crs, always_xy=True)
        self.from_source = Transformer.from_crs(source_crs, working, always_xy=True)
        x, y = REFERENCE_POINT
        sx0, sy0 = self.to_source.transform(x, y)
        sx1, sy1 = self.to_source.transform(x + 100.0, y)
        #: Source units per working metre near the reference point.
        self.scale = math.hypot(sx1 - sx0, sy1 - sy0) / 100.0

    def working_resolution(self, source_resolution: float) -> float:
        """The lattice resolution (m/px) of a level with *source_resolution* units/px."""
        return source_resolution / self.scale

    def source_bounds(self, bounds: Bounds) -> Bounds:
        """*bounds* (EPSG:25832) as a rectangle in the source CRS (edges densified)."""
        return tuple(self.to_source.transform_bounds(*bounds, densify_pts=21))  # type: ignore[return-value]

    def source_resolution(self, cx: float, cy: float, resolution: float) -> float:
        """Source units per pixel of a view at *resolution* m/px around (cx, cy)."""
        (sx0, sx1), (sy0, sy1) = self.to_source.transform(
            [cx, cx + 100.0 * resolution], [cy, cy])
        return math.hypot(sx1 - sx0, sy1 - sy0) / 100.0

    def warp(self, rgba: NDArray[np.uint8], source_bounds: Bounds, resolution: float
             ) -> tuple[Bounds, NDArray[np.uint8]]:
        """The tile *rgba* (rows, cols, 4) covering *source_bounds*, on the lattice of
        *resolution* m/px: its EPSG:25832 bounds and pixels (transparent outside)."""
        rows, cols = rgba.shape[:2]
        minx, miny, maxx, maxy = source_bounds
        bx0, by0, bx1, by1 = self._lattice_box(source_bounds, resolution)
        nx = max(1, int(round((bx1 - bx0) / resolution)))
        ny = max(1, int(round((by1 - by0) / resolution)))
        col_idx = _mesh_index(nx)
        row_idx = _mesh_index(ny)
        gx, gy = np.meshgrid(bx0 + (col_idx + 0.5) * resolution,
                             by1 - (row_idx + 0.5) * resolution)
        sx, sy = self.to_source.transform(gx, gy)
        sx = _bilinear(np.asarray(sx), row_idx, col_idx, ny, nx)
        sy = _bilinear(np.asarray(sy), row_idx, col_idx, ny, nx)
        c = np.floor((sx - minx) / ((maxx - minx) / cols)).astype(np.intp)
        r = np.floor((maxy - sy) / ((maxy - miny) / rows)).astype(np.intp)
        # One source pixel of overlap with the neighbours (their edge colour repeated), so
        # no hairline of background shows where two warped tiles meet after scaling.
        valid = (c >= -1) & (c <= cols) & (r >= -1) & (r <= rows)
        out = np.zeros((ny, nx, 4), dtype=np.uint8)
        out[valid] = rgba[np.clip(r[valid], 0, rows - 1), np.clip(c[valid], 0, cols - 1)]
        return (bx0, by0, bx1, by1), out

    def _lattice_box(self, source_bounds: Bounds, resolution: float) -> Bounds:
        minx, miny, maxx, maxy = source_bounds
        t = np.linspace(0.0, 1.0, 17)
        xs = np.concatenate([minx + (maxx - minx) * t, np.full(17, maxx),
                             maxx - (maxx - minx) * t, np.full(17, minx)])
        ys = np.concatenate([np.full(17, miny), miny + (maxy - miny) * t,
                             np.full(17, maxy), maxy - (maxy - miny) * t])
        wx, wy = self.from_source.transform(xs, ys)
        pad = 2 * resolution  # room for the overlap pixel
        return (math.floor((float(np.min(wx)) - pad) / resolution) * resolution,
                math.floor((float(np.min(wy)) - pad) / resolution) * resolution,
                math.ceil((float(np.max(wx)) + pad) / resolution) * resolution,
                math.ceil((float(np.max(wy)) + pad) / resolution) * resolution)


def _mesh_index(n: int) -> NDArray[np.float64]:
    index = np.arange(0, n, MESH_STEP, dtype=np.float64)
    if index[-1] != n - 1:
        index = np.append(index, n - 1)
    return index


def _bilinear(values: NDArray[np.float64], row_idx: NDArray[np.float64],
              col_idx: NDArray[np.float64], ny: int, nx: int) -> NDArray[np.float64]:
    """Values on the mesh (rows *row_idx*, cols *col_idx*) interpolated to every pixel."""
    cols = _interp_axis(values, col_idx, nx, axis=1)
    return _interp_axis(cols, row_idx, ny, axis=0)


def _interp_axis(values: NDArray[np.float64], index: NDArray[np.float64], n: int,
                 axis: int) -> NDArray[np.float64]:
    if len(index) == 1:
        return np.repeat(values, n, axis=axis)
    target = np.arange(n, dtype=np.float64)
    i = np.clip(np.searchsorted(index, target, side="right") - 1, 0, len(index) - 2)
    t = (target - index[i]) / (index[i + 1] - index[i])
    if axis == 1:
        return values[:, i] * (1 - t) + values[:, i + 1] * t
    return values[i, :] * (1 - t)[:, None] + values[i + 1, :] * t[:, None]
