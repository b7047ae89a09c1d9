"""Synthetic forest (skov) and roads (vejmidter) for the sample (issue 25: access to nature).

- **Forest**: irregular woods on a jittered ~2.5 km grid, away from the city centre, clipped to
  the municipality; ``skovtype`` løvskov / nåleskov / blandskov. Not FOT/GeoDanmark's skov.
- **Roads**: a street grid of :data:`BLOCK_M` blocks around every block with an address (about
  one street in eight left out, so that the way round a block is sometimes longer than the
  straight line) and country roads every :data:`COUNTRY_EVERY` blocks across the
  municipality. Every line runs from one grid node to the next, so lines meet at shared ends
  as GeoDanmark's vejmidter do. Not the real roads.

Every layer says in its metadata that it is synthetic (the builder's description).
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from naturplan.core.geometry import polygonal_parts
from naturplan.io.sample.geom import CITY_CENTRE, GRID, Landscape, blobs, jittered_grid, rng_for

#: Side of a street block (m).
BLOCK_M = 150.0
#: A country road every this many blocks (about 2 km).
COUNTRY_EVERY = 13
#: Share of the town streets left out.
MISSING_STREETS = 0.12
FOREST_TYPES = ("løvskov", "nåleskov", "blandskov")


def build_forest(land: Landscape, seed: int) -> gpd.GeoDataFrame:
    """Synthetic woods of 5-120 ha, none within 3 km of the city centre."""
    rng = rng_for(seed, "forest")
    centres = jittered_grid(land.municipality.bounds, 2500.0, rng, jitter=0.45)
    far = np.hypot(centres[:, 0] - CITY_CENTRE[0], centres[:, 1] - CITY_CENTRE[1]) > 3000.0
    centres = centres[far & (rng.random(len(centres)) < 0.35)]
    areas = rng.uniform(5e4, 1.2e6, len(centres))
    woods = blobs(centres, areas, rng, elongation=rng.uniform(1.0, 2.5, len(centres)),
                  angle=rng.uniform(0, np.pi, len(centres)))
    geom = polygonal_parts(shapely.intersection(woods, land.municipality, grid_size=GRID))
    geom = geom[shapely.area(geom) > 2e4]
    kind = np.array(FOREST_TYPES, dtype=object)[rng.integers(0, 3, len(geom))]
    return gpd.GeoDataFrame({"skovtype": kind}, geometry=geom, crs="EPSG:25832")


def build_roads(land: Landscape, addresses: gpd.GeoDataFrame, seed: int) -> gpd.GeoDataFrame:
    """The synthetic street and country road grid (see the module docstring)."""
    rng = rng_for(seed, "roads")
    xy = shapely.get_coordinates(addresses.geometry.to_numpy())
    cells = np.unique(np.floor(xy / BLOCK_M).astype(np.int64), axis=0)
    # Unit edges: (i, j, 0) runs east from node (i, j), (i, j, 1) runs north.
    town = np.concatenate([
        np.column_stack([cells[:, 0], cells[:, 1], np.zeros(len(cells), np.int64)]),
        np.column_stack([cells[:, 0], cells[:, 1] + 1, np.zeros(len(cells), np.int64)]),
        np.column_stack([cells[:, 0], cells[:, 1], np.ones(len(cells), np.int64)]),
        np.column_stack([cells[:, 0] + 1, cells[:, 1], np.ones(len(cells), np.int64)]),
    ])
    town = np.unique(town, axis=0)
    town = town[rng.random(len(town)) >= MISSING_STREETS]
    minx, miny, maxx, maxy = (np.floor(np.asarray(land.municipality.bounds) / BLOCK_M)
                              .astype(np.int64))
    grid_i, grid_j = np.meshgrid(np.arange(minx, maxx + 1), np.arange(miny, maxy + 1),
                                 indexing="ij")
    ii, jj = grid_i.ravel(), grid_j.ravel()
    east = (jj % COUNTRY_EVERY) == 0
    north = (ii % COUNTRY_EVERY) == 0
    country = np.concatenate([
        np.column_stack([ii[east], jj[east], np.zeros(int(east.sum()), np.int64)]),
        np.column_stack([ii[north], jj[north], np.ones(int(north.sum()), np.int64)]),
    ])
    edges = np.unique(np.concatenate([town, country]), axis=0)
    start = edges[:, :2].astype(float) * BLOCK_M
    end = start + np.where(edges[:, 2:3] == 0, [BLOCK_M, 0.0], [0.0, BLOCK_M])
    middle = (start + end) / 2
    inside = shapely.contains_xy(land.municipality, middle[:, 0], middle[:, 1])
    lines = shapely.linestrings(np.stack([start[inside], end[inside]], axis=1))
    kind = np.where(((edges[inside, 2] == 0) & (edges[inside, 1] % COUNTRY_EVERY == 0))
                    | ((edges[inside, 2] == 1) & (edges[inside, 0] % COUNTRY_EVERY == 0)),
                    "landevej", "vej").astype(object)
    return gpd.GeoDataFrame({"vejklasse": kind}, geometry=lines, crs="EPSG:25832")
