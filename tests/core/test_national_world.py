"""The synthetic national test world (issue 24 §1): deterministic, inside the real DAGI
boundaries, at the density asked, and marked synthetic."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely

from naturplan.core.layers.roles import Role
from naturplan.io import paths
from naturplan.io.loading import inspect_layer
from naturplan.io.sample.national import (
    P3_LAYER,
    PARCEL_LAYER,
    PARCELS_PER_KM2,
    build_national_world,
)

CODES = ("0147", "0851")  # Frederiksberg (small, urban), Aalborg (large, coast and fjord)
DENSITY = 0.01


def _dagi() -> dict[str, shapely.Geometry]:
    frame = gpd.read_file(paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES)
    frame = frame.set_geometry(shapely.force_2d(frame.geometry.to_numpy())).to_crs(25832)
    return {code: shapely.make_valid(shapely.union_all(g.geometry.to_numpy()))
            for code, g in frame.groupby(frame["KOMKODE"].astype(str).str.zfill(4))}


def test_the_world_is_deterministic_inside_dagi_and_synthetic(tmp_path: Path) -> None:
    one = build_national_world(tmp_path / "a", density=DENSITY, codes=CODES)
    two = build_national_world(tmp_path / "b", density=DENSITY, codes=CODES)
    assert one.municipalities == 2 and one.parcels == two.parcels > 0
    for layer in (P3_LAYER, PARCEL_LAYER):
        a = pyogrio.read_dataframe(one.path, layer=layer)
        b = pyogrio.read_dataframe(two.path, layer=layer)
        assert list(shapely.to_wkb(a.geometry.to_numpy())) == list(
            shapely.to_wkb(b.geometry.to_numpy()))
        assert a.drop(columns="geometry").equals(b.drop(columns="geometry"))
    dagi = _dagi()
    parcels = pyogrio.read_dataframe(one.path, layer=PARCEL_LAYER)
    for code in CODES:
        mine = parcels[parcels["kommunekode"] == code]
        boundary = dagi[code]
        # Every parcel lies in its municipality (cut at the real boundary).
        assert shapely.within(mine.geometry.to_numpy(), boundary.buffer(0.01)).all()
        # As many as the density asks: ~58 per km² at full density, of the land covered.
        wanted = boundary.area / 1e6 * PARCELS_PER_KM2 * DENSITY
        if wanted > 200:  # (a handful in Frederiksberg: cut cells at the edge dominate)
            assert len(mine) == pytest.approx(wanted, rel=0.25)
        covered = shapely.union_all(mine.geometry.to_numpy()).area
        assert covered == pytest.approx(boundary.area, rel=0.01)  # the land is parcelled
    nature = pyogrio.read_dataframe(one.path, layer=P3_LAYER)
    centres = shapely.centroid(nature.geometry.to_numpy())
    inside = shapely.union_all(list(dagi[c] for c in CODES)).buffer(1000)
    assert shapely.within(centres, inside).mean() > 0.99
    for role, layer in ((Role.NATURE_P3, P3_LAYER), (Role.PARCELS, PARCEL_LAYER)):
        summary = inspect_layer(one.request(role))
        assert summary.source.synthetic and summary.features == len(
            pyogrio.read_dataframe(one.path, layer=layer, read_geometry=False))


def test_the_world_has_habitat_sites_lowland_and_addresses(tmp_path: Path) -> None:
    """Issue 24 §1's other layers: marked synthetic, read by their roles' mappings, inside
    their municipality, at about the shares asked; an address lies on a parcel."""
    from naturplan.io.loading import load_layer
    from naturplan.io.sample.national import (
        ADDRESS_SHARE,
        HABITAT_SHARE,
        LOWLAND_SHARE,
    )

    world = build_national_world(tmp_path, density=0.05, codes=("0851",))
    boundary = _dagi()["0851"]
    assert world.habitat_sites >= 3 and world.lowland_polygons > 10 and world.addresses > 100
    for role, share in ((Role.NATURA2000, HABITAT_SHARE), (Role.LOWLAND, LOWLAND_SHARE)):
        layer = load_layer(world.request(role))
        assert layer.source.synthetic and len(layer.frame)
        geoms = layer.frame.geometry.to_numpy()
        assert shapely.within(geoms, boundary.buffer(1.0)).all()
        covered = shapely.union_all(geoms).area / boundary.area
        assert 0.3 * share < covered <= share * 1.01
    habitat = load_layer(world.request(Role.NATURA2000)).frame
    assert set(habitat["kind"]) == {"habitat"}
    addresses = load_layer(world.request(Role.ADDRESSES))
    assert addresses.source.synthetic
    parcels = pyogrio.read_dataframe(world.path, layer=PARCEL_LAYER)
    assert len(addresses.frame) == pytest.approx(ADDRESS_SHARE * len(parcels), rel=0.1)
    points = addresses.frame.geometry.to_numpy()
    tree = shapely.STRtree(parcels.geometry.to_numpy())
    hit, _ = tree.query(points, predicate="within")
    assert len(set(hit.tolist())) == len(points)  # every address on a parcel
    import sqlite3  # the address search by street queries its index (io/address_index.py)

    with sqlite3.connect(world.path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "idx_adgangsadresser_vejnavn" in names
