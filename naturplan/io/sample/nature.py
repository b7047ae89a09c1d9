"""Synthetic §3 protected nature (beskyttede naturtyper) in the Miljøportal schema.

Polygons are placed where each habitat type belongs (salt marsh along the coast, meadow
and fen in the stream valleys, heath in a few clusters, the Lille Vildmose bog complex),
then the union share of the municipality is steered to :data:`TARGET_SHARE`: first by
dropping small polygons if there is too much, then by adding a few polygons of known area
in empty land. The share is therefore set by the generator, not by luck.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from naturplan.core.geometry import polygonal_parts
from naturplan.core.layers.roles import P3_TYPES
from naturplan.io.sample.geom import (
    GRID,
    Landscape,
    blobs,
    clip_to,
    lognormal_areas,
    points_along,
    random_points_in,
    rng_for,
)

TARGET_SHARE = 0.14
FULL_SCALE_POLYGONS = 10_000
MIN_POLYGONS = 100
#: (code, name): Natyp_kode and Natyp_navn, from the Miljøportal table in core.roles.
TYPES = {key: (code, P3_TYPES[code]) for key, code in
         {"eng": 1, "hede": 2, "mose": 3, "overdrev": 4, "strandeng": 5, "soe": 6}.items()}
#: Share of the municipality (before clipping and overlap) and share of the polygon count.
_BUDGET = {"strandeng": (0.050, 0.13), "eng": (0.042, 0.25), "mose": (0.030, 0.18),
           "soe": (0.010, 0.20), "overdrev": (0.016, 0.16), "hede": (0.012, 0.08)}
_VILDMOSE_AREA_SHARE = 0.018

Check = Callable[[], None]


def _place(
    kind: str, land: Landscape, n: int, rng: np.random.Generator
) -> tuple[np.ndarray, ...]:
    """Centres, elongation and direction for ``n`` polygons of one habitat type."""
    if kind == "strandeng":
        xy, ang = points_along(land.coast, n, rng)
        return xy, rng.uniform(2.0, 6.0, n), ang
    if kind in ("eng", "mose"):
        # Mostly in the valleys; some in wet hollows anywhere in the fields.
        xy, ang = points_along(land.streams, n, rng)
        xy = xy + rng.normal(0, 250.0, size=xy.shape)
        loose = rng.random(n) < 0.3
        xy[loose] = random_points_in(land.municipality, int(loose.sum()), rng)
        return xy, rng.uniform(1.5, 4.0, n), ang
    if kind == "overdrev":
        # Dry grassland on the valley sides: offset 200-700 m from the stream.
        xy, ang = points_along(land.streams, n, rng)
        side = rng.choice([-1.0, 1.0], n) * rng.uniform(200.0, 700.0, n)
        xy = xy + np.column_stack([-np.sin(ang), np.cos(ang)]) * side[:, None]
        loose = rng.random(n) < 0.35
        xy[loose] = random_points_in(land.municipality, int(loose.sum()), rng)
        return xy, rng.uniform(1.0, 2.5, n), ang
    if kind == "hede":
        xmin, ymin, xmax, ymax = land.municipality.bounds
        west = shapely.box(xmin, ymin, xmin + 0.4 * (xmax - xmin), ymax)
        north = shapely.box(xmin, ymin + 0.6 * (ymax - ymin), xmax, ymax)
        zone = shapely.intersection(shapely.union(west, north), land.municipality)
        centres = random_points_in(zone, 5, rng)[rng.integers(0, 5, n)]
        centres = centres + rng.normal(0, 1200.0, size=(n, 2))
        return centres, rng.uniform(1, 2, n), rng.uniform(0, 3.2, n)
    xy = random_points_in(land.municipality, n, rng)
    return xy, rng.uniform(1.0, 1.6, n), rng.uniform(0, 3.2, n)


def _candidates(
    land: Landscape, n_total: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """All first-draft polygons (clipped) and their habitat kind."""
    geoms: list[np.ndarray] = []
    kinds: list[np.ndarray] = []
    for kind, (area_share, count_share) in _BUDGET.items():
        n = max(int(round(n_total * count_share)), 4)
        areas = lognormal_areas(n, area_share * land.area, 1.5, rng, cap=0.004 * land.area)
        xy, elong, ang = _place(kind, land, n, rng)
        rough = 0.15 if kind == "soe" else 0.4
        geoms.append(blobs(xy, areas, rng, elongation=elong, angle=ang, roughness=rough))
        kinds.append(np.full(n, kind, dtype=object))
    # The bog complex: a few large overlapping mose polygons inside Lille Vildmose.
    n_bog = 6
    bog_xy = random_points_in(land.vildmose, n_bog, rng)
    bog_areas = lognormal_areas(n_bog, _VILDMOSE_AREA_SHARE * land.area, 0.6, rng)
    bogs = blobs(bog_xy, bog_areas, rng, elongation=1.5, roughness=0.45)
    bogs = polygonal_parts(shapely.intersection(bogs, land.vildmose, grid_size=GRID))
    geoms.append(bogs)
    kinds.append(np.full(n_bog, "mose", dtype=object))
    geom = clip_to(np.concatenate(geoms), land.municipality, min_area=50.0)
    kind = np.concatenate(kinds)
    keep = ~shapely.is_empty(geom)
    return geom[keep], kind[keep]


def _union_area(geom: np.ndarray) -> float:
    return float(shapely.area(shapely.union_all(geom)))


def _trim(geom: np.ndarray, kind: np.ndarray, land: Landscape, rng: np.random.Generator,
          check: Check) -> tuple[np.ndarray, np.ndarray, float]:
    """Drop random smaller polygons until the union share is at most the target."""
    target = TARGET_SHARE * land.area
    union = _union_area(geom)
    for _ in range(6):
        check()
        if union <= target:
            break
        areas = shapely.area(geom)
        excess = (union - target) * areas.sum() / union  # overlap makes removals count less
        order = rng.permutation(len(geom))
        order = order[(areas[order] < max(excess, 1.0)) & (kind[order] != "strandeng")]
        cut = np.searchsorted(np.cumsum(areas[order]), excess * 1.05) + 1
        drop = np.zeros(len(geom), dtype=bool)
        drop[order[:cut]] = True
        geom, kind = geom[~drop], kind[~drop]
        union = _union_area(geom)
    return geom, kind, union


def _fill(
    land: Landscape, geom: np.ndarray, deficit: float, rng: np.random.Generator
) -> np.ndarray:
    """Polygons of total area ``deficit`` placed in empty land, away from other nature."""
    if deficit <= 0:
        return np.empty(0, dtype=object)
    typical = float(np.median(shapely.area(geom))) * 3.0
    n = int(np.clip(np.ceil(deficit / typical), 1, max(5, len(geom) // 25)))
    areas = np.full(n, deficit / n)
    reach = np.sqrt(areas[0] / np.pi) * 2.2 + 20.0  # a blob stays within ~2 radii
    xy = random_points_in(land.municipality, 40 * n + 400, rng)
    pts = shapely.points(xy)
    tree = shapely.STRtree(geom)
    _, gap = tree.query_nearest(pts, return_distance=True, all_matches=False)
    free = (gap > reach) & (shapely.distance(pts, shapely.boundary(land.municipality)) > reach)
    chosen: list[np.ndarray] = []
    for p in xy[free]:  # at most a few hundred fillers: greedy spacing between them
        if not chosen or np.hypot(*(np.asarray(chosen) - p).T).min() > 2 * reach:
            chosen.append(p)
            if len(chosen) == n:
                break
    centres = np.array(chosen).reshape(-1, 2)
    sizes = areas[: len(centres)] * n / max(len(centres), 1)
    return shapely.set_precision(blobs(centres, sizes, rng, roughness=0.3), GRID)


def build_nature(land: Landscape, scale: float, seed: int, check: Check) -> gpd.GeoDataFrame:
    """Build the ``beskyttede_naturtyper`` layer with a union share of about 14 %.

    Parameters
    ----------
    land : Landscape
    scale : float
        1.0 gives about 10,000 polygons (at least 100).
    seed : int
    check : callable
        Called between steps; raises to cancel.
    """
    rng = rng_for(seed, "nature_p3")
    n_total = max(int(FULL_SCALE_POLYGONS * scale), MIN_POLYGONS)
    geom, kind = _candidates(land, n_total, rng)
    check()
    geom, kind, union = _trim(geom, kind, land, rng, check)
    check()
    fillers = _fill(land, geom, TARGET_SHARE * land.area - union, rng)
    geom = np.concatenate([geom, fillers])
    kind = np.concatenate([kind, rng.choice(["eng", "mose"], len(fillers)).astype(object)])
    return _attributes(geom, kind, rng)


def _attributes(geom: np.ndarray, kind: np.ndarray, rng: np.random.Generator) -> gpd.GeoDataFrame:
    """Miljøportal fields for the §3 polygons."""
    n = len(geom)
    words = rng.integers(0, 2**63, size=(n, 2), dtype=np.int64).astype(object)
    ids = [str(uuid.UUID(int=(int(a) << 64) | int(b), version=4)) for a, b in words]
    days = rng.integers(0, (dt.date(2024, 12, 31) - dt.date(1995, 1, 1)).days, size=n)
    dates = np.datetime64("1995-01-01") + days.astype("timedelta64[D]")
    has_date = rng.random(n) < 0.85
    code = np.array([TYPES[k][0] for k in kind], dtype=np.int32)
    name = np.array([TYPES[k][1] for k in kind], dtype=object)
    # Synthetic naturtilstand I-V (issue 25), drawn last so that nothing else changes: only
    # surveyed features (a date) have a class, and one in five of those has none recorded.
    classes = rng.choice(np.array(["I", "II", "III", "IV", "V"], dtype=object), n,
                         p=[0.10, 0.30, 0.35, 0.18, 0.07])
    assessed = has_date & (rng.random(n) < 0.8)
    condition = np.where(assessed, classes, None)
    return gpd.GeoDataFrame(
        {
            "Temakode": np.full(n, 2013, dtype=np.int32),
            "Temanavn": "Beskyttede naturtyper",
            "Objekt_id": ids,
            "Natyp_kode": code,
            "Natyp_navn": name,
            "Status": "Gældende / Vedtaget",
            "CVR_navn": "Aalborg Kommune",
            "Besig_dato": _dates(np.where(has_date, dates, np.datetime64("NaT"))),
            "Naturtilstand": condition,
            "Shape_area": shapely.area(geom),
        },
        geometry=geom,
        crs="EPSG:25832",
    )


def _dates(values: np.ndarray) -> object:
    """Dates as pyarrow date32 (a DATE column in the GeoPackage)."""
    import pyarrow as pa  # a dependency, imported when the sample is built (start-up time)

    return pd.arrays.ArrowExtensionArray(pa.array(values, type=pa.date32()))
