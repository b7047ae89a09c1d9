"""Synthetic designations for the sample (issue 22 item 2): kommuneplan retningslinjer of
themes 1112 (skovrejsningsområder) and 1113 (lavbundsarealer) in Plandata's schema, and a few
MARS project areas in the assumed MARS schema.

Not real plans: only their shape. The 1112 areas follow the sample's own wanted afforestation
zones (most adopted, some proposed), the 1113 areas its carbon-rich lowland (grown a little,
as a retningslinje draws a soft line), and the MARS projects sit on lowland (klima-lavbund,
lavbund, kvælstofvådområde) and on a wanted forest zone (skovrejsning), in every phase, so a
candidate drawn on them shows a possible double count with the state's plan.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import shapely

from naturplan.core.geometry import polygonal_parts
from naturplan.io.sample.geom import GRID, Landscape, rng_for

#: The municipality code of the sample (Aalborg).
KOMNR = 851
_LOWLAND_TYPES = ("Klima-lavbund", "Lavbund", "Kvælstofvådområde")
_PHASES = ("Skitseprojekt", "Forundersøgelse", "Etablering", "Anlagt")


def build_designations(land: Landscape, forest: gpd.GeoDataFrame, lowland: gpd.GeoDataFrame,
                       seed: int) -> gpd.GeoDataFrame:
    """Retningslinjer 1112 and 1113 (fields temakode, status, plannavn, planid, komnr)."""
    rng = rng_for(seed, "designations")
    wanted = forest.geometry.to_numpy()[forest["skovrejsning"].to_numpy() == "ønsket"]
    take = rng.random(len(wanted)) < 0.7
    forest_areas = shapely.buffer(wanted[take], -40.0, quad_segs=2)
    rich = lowland.geometry.to_numpy()[lowland["kulstof_klasse"].to_numpy() == ">12"]
    rich = rich[np.argsort(-shapely.area(rich), kind="stable")][:60]
    low_areas = shapely.buffer(rich, 60.0, quad_segs=2)
    geoms = np.concatenate([forest_areas, low_areas])
    themes = np.array([1112] * len(forest_areas) + [1113] * len(low_areas))
    geoms = polygonal_parts(shapely.intersection(geoms, land.municipality, grid_size=GRID))
    keep = shapely.area(geoms) > 1e4
    geoms, themes = geoms[keep], themes[keep]
    status = np.where(rng.random(len(geoms)) < 0.8, "V", "F").astype(object)
    names = np.array([f"Syntetisk {'skovrejsningsområde' if t == 1112 else 'lavbundsareal'} "
                      f"{k + 1}" for k, t in enumerate(themes)], dtype=object)
    return gpd.GeoDataFrame(
        {"temakode": themes.astype(np.int32), "status": status, "plannavn": names,
         "planid": np.arange(900_001, 900_001 + len(geoms), dtype=np.int64),
         "komnr": np.full(len(geoms), KOMNR, dtype=np.int32)},
        geometry=geoms, crs="EPSG:25832")


def build_mars_projects(land: Landscape, forest: gpd.GeoDataFrame, lowland: gpd.GeoDataFrame,
                        seed: int) -> gpd.GeoDataFrame:
    """A few MARS project areas (fields projekt_id, navn, type, fase, kommune)."""
    rng = rng_for(seed, "mars_projects")
    soils = lowland.geometry.to_numpy()
    soils = soils[np.argsort(-shapely.area(soils), kind="stable")]
    chosen = soils[1:16:2][:6]  # every other of the largest: some 1113 areas, some not
    low = shapely.buffer(shapely.convex_hull(chosen), 150.0, quad_segs=2)
    wanted = forest.geometry.to_numpy()[forest["skovrejsning"].to_numpy() == "ønsket"]
    wood = shapely.buffer(wanted[np.argsort(-shapely.area(wanted), kind="stable")][:2],
                          -200.0, quad_segs=2)
    geoms = np.concatenate([low, wood])
    types = [*(_LOWLAND_TYPES[k % 3] for k in range(len(low))), *["Skovrejsning"] * len(wood)]
    geoms = polygonal_parts(shapely.intersection(geoms, land.municipality, grid_size=GRID))
    keep = shapely.area(geoms) > 1e4
    geoms = geoms[keep]
    types = [t for t, k in zip(types, keep, strict=True) if k]
    phases = [_PHASES[int(v)] for v in rng.integers(0, len(_PHASES), len(geoms))]
    ids = [f"SYN-{k + 1:03d}" for k in range(len(geoms))]
    names = [f"Syntetisk projekt {k + 1}" for k in range(len(geoms))]
    return gpd.GeoDataFrame(
        {"projekt_id": ids, "navn": names, "type": types, "fase": phases,
         "kommune": np.full(len(geoms), KOMNR, dtype=np.int32)},
        geometry=geoms, crs="EPSG:25832")
