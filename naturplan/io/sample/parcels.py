"""Synthetic jordstykker: a clean coverage of the municipality that looks like a cadastre.

Farms (in the country), plots (in villages) and blocks (in the city) are laid out on a
jittered grid; each is a small rotated lattice of seed points, so that the Voronoi cells of
all seeds become field strips, house plots and city lots. One Voronoi diagram of all seeds,
snapped to a 1 cm grid and clipped to the boundary, is an exact coverage: no gaps, no
overlaps, shared edges identical.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from naturplan.io.sample.geom import CITY_CENTRE, GRID, Landscape, jittered_grid, rng_for
from naturplan.io.sample.names import ejerlav_names, matrikelnumre, place_coordinates

#: Parcels of Aalborg Kommune at scale 1.0.
FULL_SCALE_PARCELS = 100_000
#: Ejerlav districts at scale 1.0 (scaled by the square root of the scale).
FULL_SCALE_EJERLAV = 500
CITY_RADIUS = 4500.0


@dataclass(frozen=True)
class _Level:
    """How one kind of land is divided: share of the parcels and the lattice size.

    A farm fills one grid cell; ``across`` × ``along`` parcels divide it, so the parcel
    shape follows from the lattice (6 × 1 gives long field strips).
    """

    share: float
    across: tuple[int, int]
    along: tuple[int, int]


_LEVELS: dict[str, _Level] = {
    "city": _Level(0.45, (2, 6), (2, 4)),
    "village": _Level(0.15, (2, 5), (1, 3)),
    "rural": _Level(0.40, (1, 7), (1, 2)),
}


def _level_of(xy: np.ndarray) -> np.ndarray:
    """0 = city, 1 = village, 2 = rural for each point."""
    _, places, radius = place_coordinates()
    level = np.full(len(xy), 2, dtype=np.int8)
    d = np.hypot(xy[:, None, 0] - places[None, :, 0], xy[:, None, 1] - places[None, :, 1])
    level[(d < radius[None, :]).any(axis=1)] = 1
    level[np.hypot(xy[:, 0] - CITY_CENTRE[0], xy[:, 1] - CITY_CENTRE[1]) < CITY_RADIUS] = 0
    return level


def _level_areas(land: Landscape) -> np.ndarray:
    """Area (m²) of the municipality in each level, estimated on a 100 m grid."""
    xy = jittered_grid(land.municipality.bounds, 100.0, np.random.default_rng(0), jitter=0.0)
    xy = xy[shapely.contains_xy(land.municipality, xy[:, 0], xy[:, 1])]
    counts = np.bincount(_level_of(xy), minlength=3).astype(float)
    return np.maximum(counts, 1.0) / counts.sum() * land.area


def _farms(land: Landscape, n_parcels: int, rng: np.random.Generator) -> pd.DataFrame:
    """Farm/block centres with lattice size, parcel size and orientation."""
    areas = _level_areas(land)
    frames = []
    phase = rng.uniform(0, 2 * np.pi, size=2)
    for code, level in enumerate(_LEVELS.values()):
        parcel_area = areas[code] / (n_parcels * level.share)
        mean_k = np.mean(level.across) * np.mean(level.along)
        spacing = np.sqrt(parcel_area * mean_k)
        xy = jittered_grid(land.municipality.bounds, spacing, rng, jitter=0.12)
        xy = xy[shapely.contains_xy(land.municipality, xy[:, 0], xy[:, 1])]
        xy = xy[_level_of(xy) == code]
        n = len(xy)
        ka = rng.integers(level.across[0], level.across[1] + 1, size=n)
        kl = rng.integers(level.along[0], level.along[1] + 1, size=n)
        # Fields follow a regional grain; the city has its own street grid.
        grain = 0.7 * np.sin(xy[:, 0] / 7000 + phase[0]) + 0.7 * np.cos(xy[:, 1] / 9000 + phase[1])
        angle = np.where(code == 0, 0.35, grain) + rng.normal(0, 0.12, size=n)
        frames.append(pd.DataFrame({
            "x": xy[:, 0], "y": xy[:, 1], "ka": ka, "kl": kl, "angle": angle,
            "w": spacing / ka, "len": spacing / kl,
            "spacing": spacing, "level": code,
        }))
    return pd.concat(frames, ignore_index=True)


def _seeds(farms: pd.DataFrame, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Seed points of all farms and the farm index of each seed."""
    kmax = int(max(farms["ka"].max(), farms["kl"].max()))
    i, j = np.meshgrid(np.arange(kmax), np.arange(kmax), indexing="ij")
    ka = farms["ka"].to_numpy()[:, None, None]
    kl = farms["kl"].to_numpy()[:, None, None]
    mask = (i[None] < ka) & (j[None] < kl)
    w = farms["w"].to_numpy()[:, None, None]
    ln = farms["len"].to_numpy()[:, None, None]
    u = (i[None] - (ka - 1) / 2) * w + rng.uniform(-0.1, 0.1, size=mask.shape) * w
    v = (j[None] - (kl - 1) / 2) * ln + rng.uniform(-0.1, 0.1, size=mask.shape) * ln
    a = farms["angle"].to_numpy()[:, None, None]
    x = farms["x"].to_numpy()[:, None, None] + u * np.cos(a) - v * np.sin(a)
    y = farms["y"].to_numpy()[:, None, None] + u * np.sin(a) + v * np.cos(a)
    farm = np.broadcast_to(np.arange(len(farms))[:, None, None], mask.shape)
    return np.column_stack([x[mask], y[mask]]), farm[mask]


def _coverage(land: Landscape, seeds: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Voronoi cells of the seeds clipped to the municipality, exploded to polygons.

    Returns the polygons and the index of the seed each came from.
    """
    muni = land.municipality
    inside = shapely.contains_xy(muni, seeds[:, 0], seeds[:, 1])
    seed_idx = np.flatnonzero(inside)
    extent = shapely.box(*muni.bounds).buffer(5000.0)
    diagram = shapely.voronoi_polygons(
        shapely.multipoints(seeds[seed_idx]), extend_to=extent, ordered=True
    )
    cells = shapely.set_precision(shapely.get_parts(diagram), GRID)
    shapely.prepare(muni)
    crossing = ~shapely.contains_properly(muni, cells)
    cells[crossing] = shapely.intersection(cells[crossing], muni, grid_size=GRID)
    parts, part_of = shapely.get_parts(cells, return_index=True)
    keep = shapely.area(parts) > 0
    return parts[keep], seed_idx[part_of[keep]]


def _assign_ejerlav(
    farms: pd.DataFrame, parcels: np.ndarray, farm_of: np.ndarray, n_ejerlav: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Index of the ejerlav of each parcel: nearest district centre to the parcel's farm.

    Parts cut off from their farm (across the fjord) go by their own position instead.
    """
    fxy = farms[["x", "y"]].to_numpy()
    centres = fxy[np.sort(rng.choice(len(farms), size=min(n_ejerlav, len(farms)), replace=False))]
    tree = shapely.STRtree(shapely.points(centres))
    farm_ej = tree.query_nearest(shapely.points(fxy), all_matches=False)[1]
    own_xy = shapely.get_coordinates(shapely.point_on_surface(parcels))
    far = np.hypot(*(own_xy - fxy[farm_of]).T) > 3 * farms["spacing"].to_numpy()[farm_of]
    ej = farm_ej[farm_of]
    if far.any():
        ej[far] = tree.query_nearest(shapely.points(own_xy[far]), all_matches=False)[1]
    return ej, centres


def build_parcels(land: Landscape, scale: float, seed: int) -> gpd.GeoDataFrame:
    """Build the synthetic ``jordstykke`` layer (Matriklen schema) for ``land``.

    Parameters
    ----------
    land : Landscape
    scale : float
        1.0 gives about 100,000 parcels.
    seed : int

    Returns
    -------
    GeoDataFrame in EPSG:25832 with ``featureID``, ``landsejerlavskode``, ``ejerlavsnavn``,
    ``matrikelnummer``, ``registreretAreal``, ``kommunekode``, ``kommunenavn``.
    """
    rng = rng_for(seed, "parcels")
    farms = _farms(land, max(int(FULL_SCALE_PARCELS * scale), 50), rng)
    seeds, seed_farm = _seeds(farms, rng)
    parcels, seed_of = _coverage(land, seeds)
    farm_of = seed_farm[seed_of]
    n_ej = max(10, round(FULL_SCALE_EJERLAV * np.sqrt(scale)))
    ej_idx, centres = _assign_ejerlav(farms, parcels, farm_of, n_ej, rng)
    return _attributes(parcels, farm_of, ej_idx, centres, rng)


def _attributes(
    parcels: np.ndarray, farm_of: np.ndarray, ej_idx: np.ndarray, centres: np.ndarray,
    rng: np.random.Generator,
) -> gpd.GeoDataFrame:
    """Ejerlav codes and names, matrikelnumre and registered areas."""
    # Number districts from north-west to south-east, like a printed register.
    order = np.lexsort((centres[:, 0], -np.round(centres[:, 1], -3)))
    rank_of = np.empty(len(order), dtype=int)
    rank_of[order] = np.arange(len(order))
    codes = 2000100 + np.arange(len(centres)) * 97 + rng.integers(0, 50, size=len(centres))
    names = np.asarray(ejerlav_names(centres[order]), dtype=object)
    frame = pd.DataFrame({"ej": rank_of[ej_idx], "farm": farm_of})
    frame = frame.sort_values(["ej", "farm"], kind="stable")
    frame["number"] = frame.groupby("ej")["farm"].rank(method="dense").astype(int)
    frame["rank"] = frame.groupby(["ej", "farm"]).cumcount()
    frame["size"] = frame.groupby(["ej", "farm"])["farm"].transform("size")
    geom = parcels[frame.index.to_numpy()]
    area = shapely.area(geom)
    noise = np.clip(rng.normal(0.0, 0.006, size=len(geom)), -0.018, 0.018)
    ej = frame["ej"].to_numpy()
    return gpd.GeoDataFrame(
        {
            "featureID": np.arange(100_000_001, 100_000_001 + len(geom), dtype=np.int64),
            "landsejerlavskode": codes[ej].astype(np.int64),
            "ejerlavsnavn": names[ej],
            "matrikelnummer": matrikelnumre(
                frame["number"].to_numpy(), frame["rank"].to_numpy(), frame["size"].to_numpy()
            ),
            "registreretAreal": np.maximum(np.round(area * (1 + noise)), 1).astype(np.int64),
            "kommunekode": "0851",
            "kommunenavn": "Aalborg Kommune",
        },
        geometry=geom,
        crs="EPSG:25832",
    )
