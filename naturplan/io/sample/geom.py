"""Geometry helpers and the shared synthetic landscape of the sample builder.

Everything is in EPSG:25832 metres. Random numbers come from generators derived from
one seed and a fixed stream name, so each part of the sample is reproducible on its own.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
import shapely

from naturplan.core.geometry import polygonal_parts

#: Snapping grid (m) shared by all layers, so that coverages stay exact.
GRID = 0.01
#: Approximate centre of Aalborg city (Budolfi), EPSG:25832.
CITY_CENTRE = (555600.0, 6322400.0)
#: Approximate centre of Lille Vildmose's Aalborg part, EPSG:25832.
VILDMOSE_CENTRE = (574500.0, 6305500.0)


def rng_for(seed: int, stream: str) -> np.random.Generator:
    """Return a generator for one named random stream of one seed."""
    return np.random.default_rng([seed, zlib.crc32(stream.encode("utf-8"))])


def random_points_in(
    area: shapely.Geometry, n: int, rng: np.random.Generator
) -> np.ndarray:
    """Draw ``n`` uniformly distributed points inside ``area`` (rejection sampling).

    Returns
    -------
    ndarray of shape (n, 2)
    """
    if n <= 0:
        return np.empty((0, 2))
    xmin, ymin, xmax, ymax = area.bounds
    fill = max(area.area / ((xmax - xmin) * (ymax - ymin)), 0.01)
    shapely.prepare(area)
    found: list[np.ndarray] = []
    total = 0
    while total < n:
        xy = rng.uniform([xmin, ymin], [xmax, ymax], size=(int(n / fill * 1.3) + 16, 2))
        xy = xy[shapely.contains_xy(area, xy[:, 0], xy[:, 1])]
        found.append(xy)
        total += len(xy)
    return np.concatenate(found)[:n]


def jittered_grid(
    bounds: tuple[float, float, float, float], spacing: float, rng: np.random.Generator,
    jitter: float = 0.4,
) -> np.ndarray:
    """Points on a square grid of ``spacing`` metres, each moved by up to ``jitter`` cells."""
    xmin, ymin, xmax, ymax = bounds
    xs = np.arange(xmin + spacing / 2, xmax, spacing)
    ys = np.arange(ymin + spacing / 2, ymax, spacing)
    gx, gy = np.meshgrid(xs, ys)
    xy = np.column_stack([gx.ravel(), gy.ravel()])
    return xy + rng.uniform(-jitter, jitter, size=xy.shape) * spacing


def blobs(
    centres: np.ndarray, areas: np.ndarray, rng: np.random.Generator, *,
    elongation: np.ndarray | float = 1.0, angle: np.ndarray | float = 0.0,
    roughness: float = 0.35, n_vertices: int = 32,
) -> np.ndarray:
    """Irregular star-shaped polygons with exactly the requested areas.

    Parameters
    ----------
    centres : ndarray of shape (n, 2)
    areas : ndarray of shape (n,)
        Target area of each polygon in m² (before any clipping).
    elongation : float or ndarray
        Ratio of length to width (>= 1).
    angle : float or ndarray
        Direction of the long axis in radians.
    roughness : float
        Amplitude of the radial harmonics (0 = ellipse, at most 0.6).

    Returns
    -------
    ndarray of shapely Polygons
    """
    n = len(centres)
    theta = np.linspace(0.0, 2 * np.pi, n_vertices, endpoint=False)
    k = np.arange(2, 8)
    amp = rng.uniform(0.0, 1.0, size=(n, len(k))) / k**1.2
    amp *= min(roughness, 0.6) / np.maximum(amp.sum(axis=1, keepdims=True), 1e-9)
    phase = rng.uniform(0.0, 2 * np.pi, size=(n, len(k)))
    radius = 1.0 + np.einsum("nk,nkt->nt", amp, np.cos(k[None, :, None] * theta + phase[..., None]))
    e = np.sqrt(np.broadcast_to(np.asarray(elongation, dtype=float), (n,)))[:, None]
    ang = np.broadcast_to(np.asarray(angle, dtype=float), (n,))[:, None]
    u = radius * np.cos(theta) * e
    v = radius * np.sin(theta) / e
    x = u * np.cos(ang) - v * np.sin(ang)
    y = u * np.sin(ang) + v * np.cos(ang)
    shoelace = 0.5 * np.abs(np.sum(x * np.roll(y, -1, axis=1) - np.roll(x, -1, axis=1) * y, axis=1))
    factor = np.sqrt(np.asarray(areas, dtype=float) / shoelace)[:, None]
    coords = np.stack([centres[:, :1] + x * factor, centres[:, 1:] + y * factor], axis=-1)
    coords = np.concatenate([coords, coords[:, :1]], axis=1)
    return shapely.polygons(coords)


def clip_to(polys: np.ndarray, area: shapely.Geometry, min_area: float = 1.0) -> np.ndarray:
    """Clip polygons to ``area`` and snap them to :data:`GRID`; results stay polygonal.

    Only polygons not properly inside ``area`` are intersected (the expensive part). Pieces
    smaller than ``min_area`` m² become empty polygons.
    """
    shapely.prepare(area)
    inside = shapely.contains_properly(area, polys)
    out = polys.copy()
    out[~inside] = polygonal_parts(shapely.intersection(polys[~inside], area, grid_size=GRID))
    out[inside] = shapely.set_precision(polys[inside], GRID)
    out[shapely.area(out) < min_area] = shapely.Polygon()
    return out


def points_along(
    lines: shapely.Geometry, n: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """Random points along (multi)lines, uniform by length, with the local direction.

    Returns
    -------
    xy : ndarray of shape (n, 2)
    direction : ndarray of shape (n,)
        Tangent direction in radians.
    """
    parts = shapely.get_parts(lines)
    lengths = shapely.length(parts)
    cum = np.concatenate([[0.0], np.cumsum(lengths)])
    d = np.sort(rng.uniform(0.0, cum[-1], size=n))
    idx = np.clip(np.searchsorted(cum, d, side="right") - 1, 0, len(parts) - 1)
    local = d - cum[idx]
    p0 = shapely.get_coordinates(shapely.line_interpolate_point(parts[idx], local))
    p1 = shapely.get_coordinates(shapely.line_interpolate_point(parts[idx], local + 25.0))
    p_1 = shapely.get_coordinates(shapely.line_interpolate_point(parts[idx], local - 25.0))
    direction = np.arctan2(p1[:, 1] - p_1[:, 1], p1[:, 0] - p_1[:, 0])
    return p0, direction


def lognormal_areas(
    n: int, total: float, sigma: float, rng: np.random.Generator, cap: float | None = None
) -> np.ndarray:
    """Long-tailed polygon areas (m²) that sum to ``total``."""
    raw = rng.lognormal(0.0, sigma, size=n)
    areas = raw / raw.sum() * total
    if cap is not None:
        for _ in range(5):  # redistribute what the cap cut off
            over = areas > cap
            if not over.any():
                break
            excess = (areas[over] - cap).sum()
            areas[over] = cap
            areas[~over] += excess * areas[~over] / areas[~over].sum()
    return areas


@dataclass(frozen=True)
class Landscape:
    """The synthetic landscape shared by all layers of one sample.

    Attributes
    ----------
    municipality : shapely.Geometry
        The boundary, snapped to :data:`GRID`.
    coast : shapely.Geometry
        The part of the boundary not shared with a neighbour (fjord and sea).
    streams : shapely.Geometry
        Synthetic streams (MultiLineString) clipped to the municipality.
    vildmose : shapely.Geometry
        The Lille Vildmose bog area inside the municipality.
    """

    municipality: shapely.Geometry
    coast: shapely.Geometry
    streams: shapely.Geometry
    vildmose: shapely.Geometry

    @property
    def area(self) -> float:
        """Area of the municipality in m²."""
        return float(self.municipality.area)
