"""A deterministic synthetic test world for all of Denmark (issue 24 §1), built on demand.

Inside the real national DAGI boundaries (``layers/dk_kommuner_dagi_2014.geojson``, shipped
with its source and licence in ``layers/SOURCES.md``), municipality by municipality:

- §3 nature (``beskyttede_naturtyper``, the Miljøportal fields of the Aalborg sample:
  ``Natyp_kode``, ``Natyp_navn`` …) at about the national share: roughly 444,000 ha of
  4.3 million ha, ≈ 10 % (the figure of issue 24), before overlap;
- parcels (``jordstykke``, Matriklen's fields) as a jittered grid cut at the boundary, about
  2.5 million for the whole country at full density (≈ 58 per km²).

- Natura 2000 habitat areas (``natura2000_habitat``, the sample's fields), a few large
  synthetic sites per municipality covering about :data:`HABITAT_SHARE` of it (the real
  bird protection areas are shipped, ``layers/dk_natura2000_fuglebeskyttelse_mst.gpkg``,
  and every dataset opens them: they are not copied in);
- lowland soils (``lavbund``: ``kulstof_klasse``, ``arealanvendelse``) on about
  :data:`LOWLAND_SHARE` of the land, as in the Aalborg sample;
- addresses (``adgangsadresser``, DAWA's fields) on :data:`ADDRESS_SHARE` of the parcels,
  on streets whose names hold no digits (:mod:`naturplan.io.sample.national_streets`);
- flood depth (``national_world_flood.tif`` beside the GeoPackage, the flood role): a tiled
  GeoTIFF of low-lying coast and fjord (:mod:`naturplan.io.sample.national_flood`).

*density* thins parcels, §3 and addresses (0.01 for tests: about 25,000 parcels); the §3
polygons grow so that the share stays the national one. Every layer is marked synthetic
like the Aalborg sample (``NATURPLAN_SYNTHETIC=true``), and the same ``(seed, density)``
gives the same file. It is written one municipality at a time (appended), so memory holds
one municipality, not the country.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from naturplan.core.layers.roles import P3_TYPES, WORKING_EPSG, Role
from naturplan.io import paths
from naturplan.io.address_index import create_address_index
from naturplan.io.gpkg_writer import write_gpkg
from naturplan.io.loading import LayerRequest, read_polygons
from naturplan.io.sample.national_streets import numbers_per_street, street_names
from naturplan.io.windowed import create_parcel_index

#: Share of the land that is registered §3 nature (≈ 444,000 of 4.3 M ha; issue 24).
P3_SHARE = 0.10
#: §3 polygons per km² at full density (≈ 170,000 for the country).
P3_PER_KM2 = 4.0
#: Parcels per km² at full density (≈ 2.5 M parcels on 43,000 km²).
PARCELS_PER_KM2 = 58.0
#: Share of the §3 count and area by type (code of :data:`P3_TYPES`).
_TYPE_WEIGHTS = {1: 0.27, 2: 0.08, 3: 0.20, 4: 0.16, 5: 0.11, 6: 0.18}
#: Share of a municipality under synthetic habitat sites (an assumption of this test world,
#: not a measured figure).
HABITAT_SHARE = 0.05
#: Share of the land that is lowland soil (as the Aalborg sample's ``LAVBUND_SHARE``).
LOWLAND_SHARE = 0.09
#: Share of the parcels that get an address.
ADDRESS_SHARE = 0.4
GPKG_NAME = "national_world.gpkg"
P3_LAYER = "beskyttede_naturtyper"
PARCEL_LAYER = "jordstykke"
HABITAT_LAYER = "natura2000_habitat"
LOWLAND_LAYER = "lavbund"
ADDRESS_LAYER = "adgangsadresser"
#: The flood-depth raster beside the GeoPackage (:mod:`naturplan.io.sample.national_flood`).
FLOOD_NAME = "national_world_flood.tif"


@dataclass(frozen=True)
class Kommune:
    """One municipality of the DAGI file: code, name and dissolved boundary (EPSG:25832)."""

    code: str
    name: str
    geometry: shapely.Geometry


@dataclass(frozen=True)
class NationalWorld:
    """What :func:`build_national_world` wrote: the file, its counts and the build time."""

    path: Path
    municipalities: int
    p3_polygons: int
    parcels: int
    seconds: float
    habitat_sites: int = 0
    lowland_polygons: int = 0
    addresses: int = 0
    flood_cells: int = 0

    @property
    def flood(self) -> Path:
        """The flood-depth GeoTIFF (the flood role), beside the GeoPackage."""
        return self.path.with_name(FLOOD_NAME)

    def request(self, role: Role) -> LayerRequest:
        if role is Role.FLOOD:
            return LayerRequest(role, self.flood)
        layer = {Role.NATURE_P3: P3_LAYER, Role.PARCELS: PARCEL_LAYER,
                 Role.NATURA2000: HABITAT_LAYER, Role.LOWLAND: LOWLAND_LAYER,
                 Role.ADDRESSES: ADDRESS_LAYER}[role]
        return LayerRequest(role, self.path, layer)


def national_municipalities(path: Path | None = None) -> list[Kommune]:
    """Every municipality of the national DAGI file, its parts dissolved, by KOMKODE."""
    source = path or paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES
    read = read_polygons(LayerRequest(Role.MUNICIPALITY, source), ["KOMKODE", "KOMNAVN"])
    codes = np.array([str(c).strip().zfill(4) for c in read.columns["KOMKODE"]], dtype=object)
    names = read.columns["KOMNAVN"]
    out = []
    for code in sorted(set(codes.tolist())):
        rows = np.flatnonzero(codes == code)
        out.append(Kommune(code, str(names[rows[0]] or "").strip(),
                           shapely.union_all(read.geometries[rows])))
    return out


def _points_in(geom: shapely.Geometry, n: int, rng: np.random.Generator) -> np.ndarray:
    """*n* random points inside *geom* (rejection sampling in its bounds)."""
    minx, miny, maxx, maxy = geom.bounds
    shapely.prepare(geom)
    got: list[np.ndarray] = []
    have = 0
    while have < n:
        k = max(2 * (n - have), 64)
        xy = np.column_stack([rng.uniform(minx, maxx, k), rng.uniform(miny, maxy, k)])
        xy = xy[shapely.contains_xy(geom, xy[:, 0], xy[:, 1])]
        got.append(xy)
        have += len(xy)
    return np.concatenate(got)[:n]


def _nature(kommune: Kommune, density: float, rng: np.random.Generator) -> gpd.GeoDataFrame:
    area = kommune.geometry.area
    n = max(int(round(area / 1e6 * P3_PER_KM2 * density)), 1)
    mean_m2 = area * P3_SHARE / n
    centres = _points_in(kommune.geometry, n, rng)
    sizes = rng.lognormal(0.0, 0.6, n)
    sizes *= mean_m2 / sizes.mean()
    radius = np.sqrt(sizes / np.pi)
    blobs = shapely.buffer(shapely.points(centres), radius, quad_segs=3)
    # Squashed and turned a little, so that they are not all circles.
    stretch = rng.uniform(0.6, 1.4, n)
    geoms = np.array([shapely.affinity.scale(g, s, 1 / s) for g, s in
                      zip(blobs, stretch, strict=True)], dtype=object)
    codes = rng.choice(list(_TYPE_WEIGHTS), size=n, p=list(_TYPE_WEIGHTS.values()))
    return gpd.GeoDataFrame(
        {"Temakode": np.full(n, 2013, dtype=np.int32), "Temanavn": "Beskyttede naturtyper",
         "Natyp_kode": codes.astype(np.int32),
         "Natyp_navn": np.array([P3_TYPES[int(c)] for c in codes], dtype=object),
         "CVR_navn": f"{kommune.name} Kommune", "komkode": kommune.code},
        geometry=geoms, crs=WORKING_EPSG)


def _parcels(kommune: Kommune, density: float, rng: np.random.Generator,
             first_ejerlav: int) -> gpd.GeoDataFrame:
    cell = float(np.sqrt(1e6 / (PARCELS_PER_KM2 * density)))
    minx, miny, maxx, maxy = kommune.geometry.bounds
    # Grid lines moved a little each: rectangles of varying size that still tile the land.
    xs = np.arange(minx - cell, maxx + cell, cell)
    ys = np.arange(miny - cell, maxy + cell, cell)
    xs = xs + rng.uniform(-0.3, 0.3, len(xs)) * cell
    ys = ys + rng.uniform(-0.3, 0.3, len(ys)) * cell
    x0, y0 = (a.ravel() for a in np.meshgrid(xs[:-1], ys[:-1]))
    x1, y1 = (a.ravel() for a in np.meshgrid(xs[1:], ys[1:]))
    boxes = shapely.box(x0, y0, x1, y1)
    geom = kommune.geometry
    shapely.prepare(geom)
    inside = shapely.contains(geom, boxes)
    edge = ~inside & shapely.intersects(geom, boxes)
    cut = shapely.intersection(boxes[edge], geom)
    parts = np.concatenate([boxes[inside], cut])
    parts = parts[np.isin(shapely.get_type_id(parts), (3, 6))]
    parts = parts[shapely.area(parts) > 1.0]
    n = len(parts)
    per_ejerlav = 400
    ejerlav = first_ejerlav + np.arange(n) // per_ejerlav
    number = np.arange(n) % per_ejerlav + 1
    return gpd.GeoDataFrame(
        {"ejerlavskode": ejerlav.astype(np.int64),
         "ejerlavsnavn": [f"{kommune.name} Ejerlav {e - first_ejerlav + 1}" for e in ejerlav],
         "matrikelnummer": [f"{k}a" for k in number],
         "registreretAreal": np.round(shapely.area(parts)).astype(np.int64),
         "kommunekode": kommune.code},
        geometry=parts, crs=WORKING_EPSG)


def build_national_world(
    out_dir: Path,
    *,
    density: float = 1.0,
    seed: int = 24,
    codes: Sequence[str] | None = None,
    parcels: bool = True,
    flood: bool | None = None,
    progress: Callable[[float, str], None] | None = None,
) -> NationalWorld:
    """Build the world into ``out_dir/national_world.gpkg`` and its flood raster
    ``out_dir/national_world_flood.tif`` (both replaced if there).

    *codes* limits it to those municipalities (tests); *parcels* False leaves them out,
    *flood* False the flood raster (by default it is built with the parcels: a world for
    ``stats`` alone needs neither).
    """
    flood = parcels if flood is None else flood
    start = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / GPKG_NAME
    part = out_dir / f".{GPKG_NAME}.part.gpkg"
    part.unlink(missing_ok=True)
    everywhere = national_municipalities()
    kommuner = [k for k in everywhere if codes is None or k.code in codes]
    metadata = {"NATURPLAN_SYNTHETIC": "true", "NATURPLAN_SEED": str(seed),
                "NATURPLAN_DENSITY": repr(float(density))}
    counts = dict.fromkeys((P3_LAYER, PARCEL_LAYER, HABITAT_LAYER, LOWLAND_LAYER,
                            ADDRESS_LAYER), 0)
    for i, kommune in enumerate(kommuner):
        if progress is not None:
            progress(i / max(len(kommuner), 1), kommune.name)
        rng = np.random.default_rng([seed, int(kommune.code)])
        layers = [(P3_LAYER, _nature(kommune, density, rng))]
        if parcels:
            layers.append((PARCEL_LAYER, _parcels(kommune, density, rng,
                                                   int(kommune.code) * 1000 + 1)))
        # The layers added later draw from their own stream: §3 and parcels stay as they were.
        more = np.random.default_rng([seed, int(kommune.code), 2])
        layers += [(HABITAT_LAYER, _habitat(kommune, more)),
                   (LOWLAND_LAYER, _lowland(kommune, more))]
        if parcels:
            layers.append((ADDRESS_LAYER, _addresses(layers[1][1], kommune, more, seed)))
        for layer, frame in layers:
            if not len(frame):
                continue
            _append(frame, part, layer, first=counts[layer] == 0, metadata=metadata)
            counts[layer] += len(frame)
    if parcels:  # the search by ejerlav and matrikelnummer queries it (io/parcel_index.py)
        create_parcel_index(LayerRequest(Role.PARCELS, part, PARCEL_LAYER))
        create_address_index(LayerRequest(Role.ADDRESSES, part, ADDRESS_LAYER))
    wet = 0
    if flood:
        if progress is not None:
            progress(1.0, FLOOD_NAME)
        wet = _flood(out_dir, everywhere, kommuner, density, seed, metadata)
    part.replace(path)
    return NationalWorld(path, len(kommuner), counts[P3_LAYER], counts[PARCEL_LAYER],
                         time.perf_counter() - start, counts[HABITAT_LAYER],
                         counts[LOWLAND_LAYER], counts[ADDRESS_LAYER], wet)


def _flood(out_dir: Path, everywhere: Sequence[Kommune], kommuner: Sequence[Kommune],
           density: float, seed: int, metadata: dict[str, str]) -> int:
    """Write the flood raster of *kommuner* (the coast of all of *everywhere*) beside the
    world; returns its wet cells."""
    from naturplan.io.sample.national_flood import cell_size, write_national_flood

    land = shapely.union_all([k.geometry for k in everywhere])
    built = shapely.union_all([k.geometry for k in kommuner])
    flood_part = out_dir / f".{FLOOD_NAME}.part.tif"
    flood_part.unlink(missing_ok=True)
    tags = {**metadata, "TIFFTAG_IMAGEDESCRIPTION":
            "synthetic national test world: flood depth (m) on low-lying coast"}
    wet = write_national_flood(flood_part, land, built, cell_size(density), seed, tags)
    flood_part.replace(out_dir / FLOOD_NAME)
    return wet


def _blobs(geom: shapely.Geometry, n: int, total_m2: float, rng: np.random.Generator,
           spread: float) -> np.ndarray:
    """*n* lumpy polygons of about *total_m2* together, centred inside *geom*, cut by it."""
    centres = _points_in(geom, n, rng)
    sizes = rng.lognormal(0.0, spread, n)
    sizes *= total_m2 / sizes.sum()
    blobs = shapely.buffer(shapely.points(centres), np.sqrt(sizes / np.pi), quad_segs=6)
    stretch = rng.uniform(0.5, 1.5, n)
    turned = np.array([shapely.affinity.rotate(shapely.affinity.scale(b, s, 1 / s), a)
                       for b, s, a in zip(blobs, stretch, rng.uniform(0, 180, n), strict=True)],
                      dtype=object)
    cut = shapely.intersection(turned, geom)
    return cut[np.isin(shapely.get_type_id(cut), (3, 6)) & (shapely.area(cut) > 1e3)]


def _habitat(kommune: Kommune, rng: np.random.Generator) -> gpd.GeoDataFrame:
    """A few synthetic habitat sites (one per ~150 km², at least one)."""
    n = max(int(round(kommune.geometry.area / 150e6)), 1)
    geoms = _blobs(kommune.geometry, n, kommune.geometry.area * HABITAT_SHARE, rng, 0.5)
    k = len(geoms)
    return gpd.GeoDataFrame(
        {"Objektnavn": [f"{kommune.name} {i + 1} (syntetisk habitatområde)" for i in range(k)],
         "Site_ident": [f"SYN-H{kommune.code}{i + 1:02d}" for i in range(k)],
         "Site_nr": (int(kommune.code) * 100 + np.arange(1, k + 1)).astype(np.int32),
         "Temanavn": "NATURA 2000 - Habitatområder", "kind": "habitat"},
        geometry=geoms, crs=WORKING_EPSG)


def _lowland(kommune: Kommune, rng: np.random.Generator) -> gpd.GeoDataFrame:
    """Lowland soil patches (one per ~10 km²) with a carbon class and today's use."""
    n = max(int(round(kommune.geometry.area / 10e6)), 1)
    geoms = _blobs(kommune.geometry, n, kommune.geometry.area * LOWLAND_SHARE, rng, 0.8)
    u = rng.random(len(geoms))
    carbon = np.where(u < 0.3, ">12", np.where(u < 0.65, "6-12", "<6"))
    use = np.where(rng.random(len(geoms)) < 0.6, "omdrift", "permanent græs")
    return gpd.GeoDataFrame({"kulstof_klasse": carbon.astype(object),
                             "arealanvendelse": use.astype(object)},
                            geometry=geoms, crs=WORKING_EPSG)


def _addresses(parcels: gpd.GeoDataFrame, kommune: Kommune,
               rng: np.random.Generator, seed: int) -> gpd.GeoDataFrame:
    """An address on :data:`ADDRESS_SHARE` of the parcels, at a point inside each."""
    geoms = parcels.geometry.to_numpy()
    chosen = np.flatnonzero(rng.random(len(geoms)) < ADDRESS_SHARE)
    points = shapely.point_on_surface(geoms[chosen])
    # One street per ejerlav, its name without digits (the address search refuses them),
    # numbered 1, 2, 3 … along it; the names from their own stream (the rest stays as it was).
    street = (np.asarray(parcels["ejerlavskode"].to_numpy()[chosen], dtype=np.int64)
              - int(kommune.code) * 1000 - 1)
    names = street_names(int(street.max(initial=-1)) + 1,
                         np.random.default_rng([seed, int(kommune.code), 3]))
    number = numbers_per_street(street)
    postnr = f"{9000 - int(kommune.code) % 1000 * 8:04d}"
    return gpd.GeoDataFrame(
        {"id": [f"syntetisk-{kommune.code}-{i + 1:07d}" for i in range(len(chosen))],
         "vejnavn": names[street] if len(street) else np.empty(0, dtype=object),
         "husnr": [str(h) for h in number], "postnr": postnr,
         "postnrnavn": f"{kommune.name} (syntetisk)", "kommunekode": kommune.code},
        geometry=points, crs=WORKING_EPSG)


def _append(frame: gpd.GeoDataFrame, part: Path, layer: str, *, first: bool,
            metadata: dict[str, str]) -> None:
    """Add *frame* to *layer* of the world's ``.part`` file (renamed into place at the end)."""
    write_gpkg(frame, part, layer, description="synthetic national test world",
               metadata=metadata, promote_to_multi=layer != ADDRESS_LAYER, use_arrow=True,
               append=not first)
