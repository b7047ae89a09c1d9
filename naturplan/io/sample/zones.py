"""Synthetic Natura 2000 habitat sites, lowland soils (lavbund) and afforestation zones."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pyproj
import shapely

from naturplan.core.geometry import polygonal_parts
from naturplan.io.sample.geom import (
    CITY_CENTRE,
    GRID,
    Landscape,
    blobs,
    jittered_grid,
    rng_for,
)

#: (name, lon, lat, area km², elongation, direction in degrees)
HABITAT_SITES: tuple[tuple[str, float, float, float, float, float], ...] = (
    ("Lille Vildmose", 10.215, 56.890, 38.0, 1.6, 70.0),
    ("Nibe Bredning og Halkær Ådal", 9.640, 56.990, 14.0, 2.5, 10.0),
    ("Ulvedybet", 9.750, 57.032, 9.0, 2.5, 20.0),
    ("Hals Strand og Egense Kyst", 10.300, 56.995, 7.0, 3.0, 60.0),
    ("Hammer Bakker", 10.040, 57.095, 8.0, 1.4, 30.0),
    ("Lindenborg Ådal", 10.110, 56.930, 10.0, 3.5, 100.0),
)
LAVBUND_SHARE = 0.09


def build_natura2000(land: Landscape, seed: int) -> gpd.GeoDataFrame:
    """Synthetic habitat sites at the places of real ones, clipped to the municipality.

    Names say that the sites are synthetic: ``"Ulvedybet (syntetisk habitatområde)"``.
    """
    rng = rng_for(seed, "natura2000")
    transformer = pyproj.Transformer.from_crs(4326, 25832, always_xy=True)
    lon, lat, area, elong, direction = (
        np.array([site[i] for site in HABITAT_SITES]) for i in range(1, 6)
    )
    x, y = transformer.transform(lon, lat)
    centres = np.column_stack([x, y]) + rng.normal(0, 300.0, size=(len(lon), 2))
    geom = blobs(centres, area * 1e6, rng, elongation=elong, angle=np.deg2rad(direction),
                 roughness=0.45, n_vertices=64)
    geom = polygonal_parts(shapely.intersection(geom, land.municipality, grid_size=GRID))
    keep = shapely.area(geom) > 1e4
    names = np.array([f"{s[0]} (syntetisk habitatområde)" for s in HABITAT_SITES], dtype=object)
    n = int(keep.sum())
    return gpd.GeoDataFrame(
        {
            "Objektnavn": names[keep],
            "Site_ident": [f"SYN-H{i + 1:02d}" for i in range(n)],
            "Site_nr": np.arange(901, 901 + n, dtype=np.int32),
            "Temanavn": "NATURA 2000 - Habitatområder",
            "kind": "habitat",
        },
        geometry=geom[keep],
        crs="EPSG:25832",
    )


def _lowland_zone(land: Landscape) -> shapely.Geometry:
    """Where lowland soils may be: stream valleys, Lille Vildmose and the fjord shore."""
    valleys = shapely.buffer(land.streams, 450.0, quad_segs=4)
    shore = shapely.buffer(land.coast, 700.0, quad_segs=4)
    zone = shapely.union_all([valleys, shore, land.vildmose])
    return shapely.intersection(zone, land.municipality, grid_size=GRID)


def build_lowland(land: Landscape, scale: float, seed: int) -> gpd.GeoDataFrame:
    """Lowland soil polygons with carbon class and current use, about 9 % of the area.

    The zone is cut by a Voronoi tessellation, so no two polygons overlap; cells are
    taken in a random order (Vildmose and valleys first) until the share is reached.
    """
    rng = rng_for(seed, "lowland")
    zone = _lowland_zone(land)
    spacing = 700.0 if scale >= 0.2 else 1500.0
    seeds = jittered_grid(land.municipality.bounds, spacing, rng)
    cells = shapely.get_parts(shapely.voronoi_polygons(
        shapely.multipoints(seeds), extend_to=shapely.box(*land.municipality.bounds), ordered=True))
    cells = shapely.set_precision(cells, GRID)
    shapely.prepare(zone)
    cells = cells[shapely.intersects(zone, cells)]
    pieces = polygonal_parts(shapely.intersection(cells, zone, grid_size=GRID))
    area = shapely.area(pieces)
    pieces, area = pieces[area > 2000.0], area[area > 2000.0]
    wet = shapely.intersects(land.vildmose, pieces) | (
        shapely.distance(land.streams, shapely.centroid(pieces)) < 300.0)
    priority = rng.random(len(pieces)) + wet * 0.6
    order = np.argsort(-priority, kind="stable")
    take = order[: np.searchsorted(np.cumsum(area[order]), LAVBUND_SHARE * land.area) + 1]
    take = np.sort(take)
    geom, wet = pieces[take], wet[take]
    p_high = np.where(wet, 0.55, 0.2)
    u = rng.random(len(geom))
    carbon = np.where(u < p_high, ">12", np.where(u < p_high + 0.35, "6-12", "<6"))
    use = np.where(rng.random(len(geom)) < 0.6, "omdrift", "permanent græs")
    return gpd.GeoDataFrame(
        {"kulstof_klasse": carbon.astype(object), "arealanvendelse": use.astype(object)},
        geometry=geom, crs="EPSG:25832",
    )


def build_forest_zones(land: Landscape, seed: int) -> gpd.GeoDataFrame:
    """Kommuneplan afforestation zones: unwanted by valleys and coast, wanted near the city.

    Zones are shrunken Voronoi cells of a coarse grid, so they never overlap.
    """
    rng = rng_for(seed, "forest_zones")
    seeds = jittered_grid(land.municipality.bounds, 3500.0, rng, jitter=0.3)
    cells = shapely.get_parts(shapely.voronoi_polygons(
        shapely.multipoints(seeds), extend_to=shapely.box(*land.municipality.bounds), ordered=True))
    centre = shapely.centroid(cells)
    to_water = np.minimum(
        shapely.distance(centre, land.streams), shapely.distance(centre, land.coast)
    )
    to_city = shapely.distance(centre, shapely.Point(CITY_CENTRE))
    unwanted = (to_water < 1200.0) & (rng.random(len(cells)) < 0.55)
    wanted = ~unwanted & (to_city > 4500.0) & (to_city < 14000.0) & (to_water > 1500.0)
    wanted &= rng.random(len(cells)) < 0.75
    chosen = unwanted | wanted
    inset = rng.uniform(150.0, 600.0, int(chosen.sum()))
    shrunk = shapely.buffer(cells[chosen], -inset, quad_segs=3)
    geom = polygonal_parts(shapely.intersection(shrunk, land.municipality, grid_size=GRID))
    label = np.where(unwanted[chosen], "uønsket", "ønsket").astype(object)
    keep = shapely.area(geom) > 5e4
    return gpd.GeoDataFrame({"skovrejsning": label[keep]}, geometry=geom[keep], crs="EPSG:25832")


def build_n_retention(land: Landscape, seed: int) -> gpd.GeoDataFrame:
    """Synthetic N-retention catchments (issue 22): Voronoi cells of a ~6 km grid, each with
    a reduction of 5-40 kg N per hectare and year, higher near streams and the coast (where
    less of the leached nitrogen is removed on the way). Not the national map: only its shape
    (non-overlapping catchments with one rate each)."""
    rng = rng_for(seed, "n_retention")
    seeds = jittered_grid(land.municipality.bounds, 6000.0, rng, jitter=0.3)
    cells = shapely.get_parts(shapely.voronoi_polygons(
        shapely.multipoints(seeds), extend_to=shapely.box(*land.municipality.bounds), ordered=True))
    geom = polygonal_parts(shapely.intersection(cells, land.municipality, grid_size=GRID))
    keep = shapely.area(geom) > 0
    geom = geom[keep]
    centre = shapely.centroid(geom)
    to_water = np.minimum(shapely.distance(centre, land.streams),
                          shapely.distance(centre, land.coast))
    rate = np.clip(40.0 - to_water / 250.0 + rng.normal(0.0, 3.0, len(geom)), 5.0, 40.0)
    return gpd.GeoDataFrame({"rate_kg_n_ha": np.round(rate, 1)}, geometry=geom,
                            crs="EPSG:25832")
