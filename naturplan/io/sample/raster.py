"""Synthetic flood depth raster (GeoTIFF) along the coast, the fjord and the streams.

Depth falls off with the distance to the water. Without scipy the distance is taken from
rasterising buffered rings at a few distances (largest first, each painting over the
last), then roughened by a smooth low-frequency noise field made with numpy only.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import rasterio
import shapely
from affine import Affine
from rasterio.features import rasterize

from naturplan.io.sample.geom import Landscape, rng_for

NODATA = -9999.0
#: (distance from the coast in m, depth in m)
COAST_RINGS = ((600.0, 0.15), (450.0, 0.4), (300.0, 0.8), (200.0, 1.2), (100.0, 1.8), (40.0, 2.4))
STREAM_RINGS = ((160.0, 0.1), (90.0, 0.3), (40.0, 0.7), (15.0, 1.1))


def resolution_for(scale: float) -> float:
    """Pixel size in metres: 10 m at scale >= 0.5, coarser for small samples."""
    if scale >= 0.5:
        return 10.0
    return 25.0 if scale >= 0.1 else 50.0


def _smooth_noise(shape: tuple[int, int], cell: int, rng: np.random.Generator) -> np.ndarray:
    """Noise in 0..1 that varies over about ``cell`` pixels (bilinear upsampling)."""
    gh, gw = shape[0] // cell + 2, shape[1] // cell + 2
    coarse = rng.random((gh, gw), dtype=np.float32)
    yi = np.arange(shape[0]) / cell
    xi = np.arange(shape[1]) / cell
    y0, x0 = yi.astype(int), xi.astype(int)
    fy = (yi - y0).astype(np.float32)[:, None]
    fx = (xi - x0).astype(np.float32)[None, :]
    top = coarse[y0][:, x0] * (1 - fx) + coarse[y0][:, x0 + 1] * fx
    bottom = coarse[y0 + 1][:, x0] * (1 - fx) + coarse[y0 + 1][:, x0 + 1] * fx
    return (top * (1 - fy) + bottom * fy).astype(np.float32)


def flood_depth(land: Landscape, scale: float, seed: int) -> tuple[np.ndarray, Affine]:
    """Compute the depth grid (float32, m) and its affine transform."""
    res = resolution_for(scale)
    xmin, ymin, xmax, ymax = land.municipality.bounds
    xmin, ymax = np.floor(xmin / res) * res, np.ceil(ymax / res) * res
    width, height = int(np.ceil((xmax - xmin) / res)), int(np.ceil((ymax - ymin) / res))
    transform = Affine(res, 0.0, xmin, 0.0, -res, ymax)
    shapes = [(shapely.buffer(land.coast, d, quad_segs=4), v) for d, v in COAST_RINGS]
    shapes += [(shapely.buffer(land.streams, d, quad_segs=4), v) for d, v in STREAM_RINGS]
    # Rings are painted largest first; max() keeps the deeper value where coast and stream meet.
    coast = rasterize(shapes[: len(COAST_RINGS)], out_shape=(height, width), transform=transform,
                      fill=0.0, dtype="float32")
    stream = rasterize(shapes[len(COAST_RINGS):], out_shape=(height, width), transform=transform,
                       fill=0.0, dtype="float32")
    rng = rng_for(seed, "flood")
    noise = _smooth_noise((height, width), max(int(400 / res), 2), rng)
    depth = np.maximum(coast, stream) * (0.55 + 0.45 * noise)
    depth[depth < 0.05] = 0.0
    inside = rasterize([(land.municipality, 1)], out_shape=(height, width), transform=transform,
                       fill=0, dtype="uint8").astype(bool)
    depth = np.where(inside, np.round(depth, 2), NODATA).astype(np.float32)
    return depth, transform


def write_flood(path: Path, land: Landscape, scale: float, seed: int, tags: dict[str, str]) -> int:
    """Write the flood depth GeoTIFF and return the number of wet pixels (depth > 0)."""
    depth, transform = flood_depth(land, scale, seed)
    profile = {
        "driver": "GTiff", "width": depth.shape[1], "height": depth.shape[0], "count": 1,
        "dtype": "float32", "crs": "EPSG:25832", "transform": transform, "nodata": NODATA,
        "tiled": True, "blockxsize": 256, "blockysize": 256, "compress": "deflate",
        "predictor": 3, "zlevel": 6,
    }
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(depth, 1)
        dst.update_tags(**tags)
        dst.update_tags(1, UNIT="m", QUANTITY="flood depth")
        dst.set_band_description(1, "Oversvømmelsesdybde (m), syntetisk")
    return int(np.count_nonzero(depth > 0))
