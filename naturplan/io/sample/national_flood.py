"""A synthetic flood-depth raster for the national test world (issue 24 §1).

Low-lying land along the coast and the fjords is wet: the depth falls off with the distance
from the coast in rings (:data:`COAST_RINGS`, the Aalborg sample's), and only where a smooth
random field says the coast is low (about half of it, :data:`LOW_SHARE`) - so stretches of
coast flood and others stay dry, as on a real flood map. The coast is the boundary of the
whole national DAGI land (sea and fjords; the land border with Germany counts too, a
simplification of this synthetic world); with *codes* only those municipalities' cells are
land, the rest no data.

Written block by block (:data:`BLOCK` cells square), so memory holds one block, never the
country (at 25 m Denmark is about 18,000 × 15,000 cells): a tiled, deflate-compressed
GeoTIFF in EPSG:25832 with overviews, marked synthetic like the rest of the world
(``NATURPLAN_SYNTHETIC=true``). Deterministic for the same seed and cell size.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import shapely
from numpy.typing import NDArray

#: No data (sea, and land outside the municipalities built).
NODATA = -9999.0
#: (distance inland from the coast in m, depth in m), largest first.
COAST_RINGS = ((600.0, 0.15), (450.0, 0.4), (300.0, 0.8), (200.0, 1.2), (100.0, 1.8),
               (40.0, 2.4))
#: About this share of the coast is low-lying (floods).
LOW_SHARE = 0.5
#: Size of the smooth field's features: stretches of coast this long flood or stay dry.
FIELD_M = 8000.0
#: Cells per block written at a time.
BLOCK = 2048
#: GDAL's block cache while writing (its default, 5 % of the RAM, held 1.4 GB of blocks).
CACHE_MB = 128
#: The cell size at full density; a reduced world (tests) gets coarser cells.
CELL_M = 25.0


def cell_size(density: float) -> float:
    """25 m from density 0.1 up; 100 m for the tests' thin worlds."""
    return CELL_M if density >= 0.1 else 100.0


def write_national_flood(part: Path, land: shapely.Geometry, built: shapely.Geometry,
                         cell: float, seed: int, tags: dict[str, str]) -> int:
    """Write the depth raster of the municipalities *built* (the coast being *land*'s
    boundary) to *part* (the .part its caller renames); returns the number of wet cells
    (depth > 0)."""
    import rasterio
    from affine import Affine
    from rasterio.enums import Resampling
    from rasterio.windows import Window

    minx, miny, maxx, maxy = built.bounds
    left, top = np.floor(minx / cell) * cell, np.ceil(maxy / cell) * cell
    width = int(np.ceil((maxx - left) / cell))
    height = int(np.ceil((top - miny) / cell))
    transform = Affine(cell, 0.0, left, 0.0, -cell, top)
    coast = shapely.intersection(shapely.boundary(land),
                                 shapely.box(minx - 1e3, miny - 1e3, maxx + 1e3, maxy + 1e3))
    rings = [(shapely.buffer(coast, d, quad_segs=4), v) for d, v in COAST_RINGS]
    for geom, _ in rings:
        shapely.prepare(geom)
    shapely.prepare(built)
    field = _Field(seed, left, top)
    profile = {
        "driver": "GTiff", "width": width, "height": height, "count": 1, "dtype": "float32",
        "crs": "EPSG:25832", "transform": transform, "nodata": NODATA, "tiled": True,
        "blockxsize": 512, "blockysize": 512, "compress": "deflate", "predictor": 3,
        "zlevel": 6, "BIGTIFF": "IF_SAFER",
    }
    wet = 0
    with rasterio.Env(GDAL_CACHEMAX=CACHE_MB), rasterio.open(part, "w", **profile) as dst:
        for row in range(0, height, BLOCK):
            for col in range(0, width, BLOCK):
                window = Window(col, row, min(BLOCK, width - col), min(BLOCK, height - row))
                depth = _block(window, transform, built, rings, field)
                if depth is not None:
                    dst.write(depth, 1, window=window)
                    wet += int(np.count_nonzero(depth > 0))
                else:
                    dst.write(np.full((window.height, window.width), NODATA, np.float32), 1,
                              window=window)
        dst.update_tags(**tags)
        dst.update_tags(1, UNIT="m", QUANTITY="flood depth")
        dst.set_band_description(1, "Oversvømmelsesdybde (m), syntetisk")
    with rasterio.Env(GDAL_CACHEMAX=CACHE_MB), rasterio.open(part, "r+") as dst:
        factors = [f for f in (4, 16, 64) if max(width, height) // f >= 256]
        if factors:
            dst.build_overviews(factors, Resampling.nearest)
    return wet


class _Field:
    """A smooth random field in 0..1 over the whole country (bilinear between values drawn on
    a coarse grid of :data:`FIELD_M`), the same wherever a block asks for it."""

    def __init__(self, seed: int, left: float, top: float) -> None:
        self.rng_seed = [seed, 25]
        self.left, self.top = left, top
        rng = np.random.default_rng(self.rng_seed)
        self.coarse = rng.random((80, 80))  # 640 km square: more than the country

    def at(self, x: NDArray[np.float64], y: NDArray[np.float64]) -> NDArray[np.float64]:
        gx = (x - self.left) / FIELD_M
        gy = (self.top - y) / FIELD_M
        x0 = np.clip(np.floor(gx).astype(int), 0, self.coarse.shape[1] - 2)
        y0 = np.clip(np.floor(gy).astype(int), 0, self.coarse.shape[0] - 2)
        fx = np.clip(gx - x0, 0.0, 1.0)
        fy = np.clip(gy - y0, 0.0, 1.0)
        c = self.coarse
        top = c[y0[:, None], x0[None, :]] * (1 - fx) + c[y0[:, None], x0[None, :] + 1] * fx
        bottom = (c[y0[:, None] + 1, x0[None, :]] * (1 - fx)
                  + c[y0[:, None] + 1, x0[None, :] + 1] * fx)
        out: NDArray[np.float64] = top * (1 - fy[:, None]) + bottom * fy[:, None]
        return out


def _block(window: object, transform: object, built: shapely.Geometry,
           rings: Sequence[tuple[shapely.Geometry, float]], field: _Field
           ) -> NDArray[np.float32] | None:
    """The depths of one block, or None if no land of *built* is in it."""
    from rasterio.features import rasterize
    from rasterio.windows import bounds as window_bounds
    from rasterio.windows import transform as window_transform

    box = shapely.box(*window_bounds(window, transform))
    if not shapely.intersects(built, box):
        return None
    shape = (window.height, window.width)  # type: ignore[attr-defined]
    at = window_transform(window, transform)
    inside = rasterize([(shapely.intersection(built, box), 1)], out_shape=shape, transform=at,
                       fill=0, dtype="uint8").astype(bool)
    shapes = [(shapely.intersection(g, box), v) for g, v in rings if shapely.intersects(g, box)]
    shapes = [(g, v) for g, v in shapes if not shapely.is_empty(g)]
    depth = np.zeros(shape, dtype=np.float32)
    if shapes:
        depth = rasterize(shapes, out_shape=shape, transform=at, fill=0.0, dtype="float32")
        xs = at.c + (np.arange(shape[1]) + 0.5) * at.a
        ys = at.f + (np.arange(shape[0]) + 0.5) * at.e
        low = np.clip((field.at(xs, ys) - (1 - LOW_SHARE)) / 0.15, 0.0, 1.0)
        depth = depth * (0.55 + 0.45 * low) * (low > 0)
        depth[depth < 0.05] = 0.0
    out: NDArray[np.float32] = np.where(inside, np.round(depth, 2), NODATA).astype(np.float32)
    return out
