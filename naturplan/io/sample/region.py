"""The region of a synthetic sample: boundary, coast, streams and Lille Vildmose.

Also holds small helpers that read a municipality and its neighbours from the DAGI files
shipped in ``layers/``.
"""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from naturplan.io.sample.geom import (
    GRID,
    VILDMOSE_CENTRE,
    Landscape,
    blobs,
    random_points_in,
    rng_for,
)

#: Width (m) by which neighbours are grown to find the shared part of the boundary.
SHARED_BORDER_TOLERANCE = 50.0


def load_municipality(path: Path) -> shapely.Geometry:
    """Read a municipality boundary layer and return its union in EPSG:25832.

    Raises
    ------
    ValueError
        If the layer has no CRS.
    """
    frame = gpd.read_file(path, engine="pyogrio")
    if frame.crs is None:
        raise ValueError(f"{path} has no CRS")
    frame = frame.set_geometry(shapely.force_2d(frame.geometry.values)).to_crs(25832)
    return shapely.union_all(frame.geometry.values)


def coast_lines(
    municipality: shapely.Geometry, neighbours: shapely.Geometry | None
) -> shapely.Geometry:
    """The boundary of ``municipality`` that is not shared with a neighbour."""
    boundary = shapely.boundary(municipality)
    if neighbours is None or neighbours.is_empty:
        return shapely.line_merge(boundary)
    coast = shapely.difference(boundary, shapely.buffer(neighbours, SHARED_BORDER_TOLERANCE))
    return shapely.line_merge(coast)


def _stream_line(start: np.ndarray, end: np.ndarray, rng: np.random.Generator) -> shapely.Geometry:
    """A meandering line from ``start`` to ``end`` (ends fixed, smooth random offsets)."""
    t = np.linspace(0.0, 1.0, 240)
    vec = end - start
    length = float(np.hypot(*vec))
    normal = np.array([-vec[1], vec[0]]) / max(length, 1.0)
    k = np.arange(1, 9)
    amp = rng.normal(0.0, 0.07, size=len(k)) / k**0.8
    offset = length * np.sin(np.pi * np.outer(t, k)) @ amp
    wiggle = 60.0 * np.sin(2 * np.pi * t * length / rng.uniform(600, 1400) + rng.uniform(0, 6.3))
    xy = start + np.outer(t, vec) + np.outer(offset + wiggle * np.sin(np.pi * t), normal)
    return shapely.linestrings(xy)


def make_streams(
    municipality: shapely.Geometry, coast: shapely.Geometry, rng: np.random.Generator,
    n_streams: int = 16,
) -> shapely.Geometry:
    """Synthetic streams that start inland and run to the nearest coast.

    Start points are spread by farthest-point sampling among points at least 3 km from
    the coast, so the streams cover the land rather than bunch up.
    """
    candidates = random_points_in(municipality, 3000, rng)
    dist = shapely.distance(shapely.points(candidates), coast)
    candidates = candidates[dist > 3000.0]
    chosen = [0]
    d_min = np.hypot(*(candidates - candidates[0]).T)
    for _ in range(n_streams - 1):  # a handful of streams, not features
        nxt = int(np.argmax(d_min))
        chosen.append(nxt)
        d_min = np.minimum(d_min, np.hypot(*(candidates - candidates[nxt]).T))
    starts = candidates[chosen]
    ends = shapely.get_coordinates(
        shapely.get_point(shapely.shortest_line(shapely.points(starts), coast), 1)
    )
    # Run a little past the coast so the clipped stream reaches the water.
    ends = ends + (ends - starts) / np.hypot(*(ends - starts).T)[:, None] * 150.0
    lines = [_stream_line(s, e, rng) for s, e in zip(starts, ends, strict=True)]
    return shapely.intersection(shapely.multilinestrings(lines), municipality)


def make_vildmose(municipality: shapely.Geometry, rng: np.random.Generator) -> shapely.Geometry:
    """The Lille Vildmose bog: a large elongated blob clipped to the municipality.

    If the boundary does not reach the real position (another municipality), the blob is
    moved to the nearest point inside the municipality.
    """
    centre = shapely.Point(VILDMOSE_CENTRE)
    if not municipality.contains(centre):
        centre = shapely.point_on_surface(
            shapely.intersection(municipality, centre.buffer(15000.0))
        ) if municipality.intersects(centre.buffer(15000.0)) else municipality.point_on_surface()
    xy = np.array([[centre.x, centre.y]])
    bog = blobs(xy, np.array([4.2e7]), rng, elongation=1.8, angle=np.deg2rad(70), roughness=0.3)[0]
    return shapely.intersection(bog, municipality, grid_size=GRID)


def make_landscape(
    municipality: shapely.Geometry, neighbours: shapely.Geometry | None, seed: int
) -> Landscape:
    """Build the shared landscape (deterministic in ``seed``)."""
    muni = shapely.set_precision(shapely.make_valid(municipality), GRID)
    coast = coast_lines(muni, neighbours)
    streams = make_streams(muni, coast, rng_for(seed, "streams"))
    vildmose = make_vildmose(muni, rng_for(seed, "vildmose"))
    shapely.prepare(muni)
    return Landscape(municipality=muni, coast=coast, streams=streams, vildmose=vildmose)
