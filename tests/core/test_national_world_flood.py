"""The national test world's flood raster and street names (issue 24 §1): a flood role the
card and the batch read, and addresses the address search finds."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyogrio
import pytest
import rasterio
import shapely

from naturplan.core.layers.roles import Role
from naturplan.io.sample.national import (
    ADDRESS_LAYER,
    PARCEL_LAYER,
    NationalWorld,
    build_national_world,
    national_municipalities,
)
from naturplan.io.sample.national_flood import COAST_RINGS, NODATA

CODES = ("0851",)  # Aalborg: coast, the Limfjord and inland
DENSITY = 0.01


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> NationalWorld:
    return build_national_world(tmp_path_factory.mktemp("national"), density=DENSITY,
                                codes=CODES)


def _land() -> tuple[shapely.Geometry, shapely.Geometry]:
    everywhere = national_municipalities()
    land = shapely.union_all([k.geometry for k in everywhere])
    built = shapely.union_all([k.geometry for k in everywhere if k.code in CODES])
    return land, built


def test_the_flood_raster_is_wet_only_on_low_coast_and_synthetic(world: NationalWorld) -> None:
    with rasterio.open(world.flood) as src:
        assert src.crs.to_epsg() == 25832 and src.profile["tiled"]
        assert src.profile["compress"] == "deflate"
        assert src.tags()["NATURPLAN_SYNTHETIC"] == "true"
        depth = src.read(1)
        transform = src.transform
    land, built = _land()
    rows, cols = np.nonzero(depth > 0)
    assert len(rows) == world.flood_cells > 100
    x, y = rasterio.transform.xy(transform, rows, cols)
    centres = shapely.points(np.asarray(x), np.asarray(y))
    # Every wet cell lies on the land built, within the widest ring of the coast (its centre
    # half a cell further at most), and no deeper than the deepest ring.
    cell = transform.a
    coast_distance = shapely.distance(centres, shapely.boundary(land))
    assert coast_distance.max() <= COAST_RINGS[0][0] + cell
    assert shapely.within(centres, built.buffer(cell)).all()
    assert depth[depth > 0].max() <= COAST_RINGS[-1][1]
    # A cell whose centre lies in the municipality is measured (0 or a depth), any other
    # (the sea, the neighbours) is no data: 5,000 random cells against shapely.
    rng = np.random.default_rng(3)
    rows = rng.integers(0, depth.shape[0], 5000)
    cols = rng.integers(0, depth.shape[1], 5000)
    x, y = rasterio.transform.xy(transform, rows, cols)
    inside = shapely.within(shapely.points(np.asarray(x), np.asarray(y)), built)
    measured = depth[rows, cols] != NODATA
    assert 0.1 < inside.mean() < 0.9
    assert (inside == measured).mean() > 0.998
    # Only a part of the coast is low-lying: some of the coast band is dry.
    band = (depth >= 0) & (depth != NODATA)
    rows, cols = np.nonzero(band)
    x, y = rasterio.transform.xy(transform, rows, cols)
    near = shapely.distance(shapely.points(np.asarray(x), np.asarray(y)),
                            shapely.boundary(land)) < 100
    wet_near = (depth[rows, cols] > 0)[near]
    assert 0.2 < wet_near.mean() < 0.9


def test_the_batch_reads_the_flood_role_of_the_world(world: NationalWorld,
                                                     tmp_path: Path) -> None:
    """``parcels --out`` with the world's flood role: a parcel's wet share equals the share
    of its area under wet cells, cut by shapely from the raster's cells."""
    out = tmp_path / "parcels.csv"
    done = _naturplan("parcels", "--out", str(out), *_layers(world, Role.PARCELS, Role.FLOOD))
    assert done.returncode == 0, done.stderr
    import pandas as pd

    table = pd.read_csv(out)
    parcels = pyogrio.read_dataframe(world.path, layer=PARCEL_LAYER)
    assert len(table) == len(parcels)
    with rasterio.open(world.flood) as src:
        depth, transform = src.read(1), src.transform
    wet = np.flatnonzero(table["flood_share"].fillna(0).to_numpy() > 0)
    assert len(wet) > 5
    for row in wet[:: max(len(wet) // 5, 1)][:5]:
        geom = parcels.geometry.iloc[row]
        minx, miny, maxx, maxy = geom.bounds
        r0, c0 = rasterio.transform.rowcol(transform, minx, maxy)
        r1, c1 = rasterio.transform.rowcol(transform, maxx, miny)
        cells = {(r, c): shapely.box(*rasterio.windows.bounds(((r, r + 1), (c, c + 1)),
                                                              transform))
                 for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if depth[r, c] > 0}
        share = shapely.union_all(list(cells.values())).intersection(geom).area / geom.area
        deepest = max(float(depth[k]) for k, cell in cells.items()
                      if cell.intersection(geom).area > 0)
        assert table["flood_share"].iloc[row] == pytest.approx(share, abs=5e-5)  # CSV: 4 places
    # The card of the last of them says the same (the flood role read per parcel).
    done = _naturplan("parcel", "--ejerlav", str(table["ejerlavskode"].iloc[row]),
                      "--matrikel", str(table["matrikelnummer"].iloc[row]), "--json",
                      *_layers(world, Role.PARCELS, Role.FLOOD))
    assert done.returncode == 0, done.stderr
    flood = [f for f in json.loads(done.stdout)["findings"] if f["theme"] == "flood"]
    assert flood and flood[0]["share"] == pytest.approx(share, abs=1e-6)
    assert flood[0]["flood"]["max_depth_m"] == pytest.approx(deepest)


def test_an_address_of_the_world_is_found_by_the_address_search(world: NationalWorld) -> None:
    """Street names without digits: ``parcel --address`` finds a built address and gives the
    parcel the point lies on (shapely's answer)."""
    addresses = pyogrio.read_dataframe(world.path, layer=ADDRESS_LAYER)
    assert not addresses["vejnavn"].str.contains(r"\d").any()
    parcels = pyogrio.read_dataframe(world.path, layer=PARCEL_LAYER)
    rng = np.random.default_rng(7)
    for i in rng.choice(len(addresses), 3, replace=False):
        a = addresses.iloc[int(i)]
        text = f"{a['vejnavn']} {a['husnr']}, {a['postnr']}"
        done = _naturplan("parcel", "--address", text, "--json",
                          *_layers(world, Role.PARCELS, Role.ADDRESSES))
        assert done.returncode == 0, (text, done.stderr)
        card = json.loads(done.stdout)
        under = parcels[parcels.geometry.contains(a.geometry)]
        assert len(under) == 1
        found = json.dumps(card, ensure_ascii=False)
        assert re.search(rf'"{re.escape(str(under["matrikelnummer"].iloc[0]))}"', found)
        assert str(under["ejerlavsnavn"].iloc[0]) in found


def test_the_windowed_address_search_finds_it_too(world: NationalWorld) -> None:
    """The national app's address search (by SQL through the street index) finds the same
    address at its own point."""
    from naturplan.io.address_index import IndexedAddresses
    from naturplan.io.windowed import open_windowed

    addresses = pyogrio.read_dataframe(world.path, layer=ADDRESS_LAYER)
    search = IndexedAddresses(open_windowed(world.request(Role.ADDRESSES)))
    for i in (0, len(addresses) // 2, len(addresses) - 1):
        a = addresses.iloc[i]
        hit, _ = search.find(f"{a['vejnavn']} {a['husnr']}, {a['postnr']}")
        assert hit is not None
        assert (hit.x, hit.y) == pytest.approx((a.geometry.x, a.geometry.y))


def _layers(world: NationalWorld, *roles: Role) -> list[str]:
    out = ["--no-sample", "--kommune", CODES[0]]
    for role in roles:
        request = world.request(role)
        spec = str(request.path) + (f":{request.layer}" if request.layer else "")
        out += ["--layer", f"{role.value}={spec}"]
    return out


def _naturplan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "naturplan", *args], capture_output=True,
                          text=True, timeout=300, check=False)
