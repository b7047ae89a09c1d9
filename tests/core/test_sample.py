"""Tests of the synthetic sample builder (naturplan.io.sample.build) at small scale."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import rasterio
import shapely
from rasterio.features import geometry_mask

from naturplan.io.sample.build import (
    BuildCancelled,
    SampleManifest,
    build_sample,
    read_manifest,
)

ROOT = Path(__file__).resolve().parents[2]
BOUNDARY = ROOT / "layers" / "aalborg_kommune_0851_dagi2014.gpkg"
KOMMUNER = ROOT / "layers" / "dk_kommuner_dagi_2014.geojson"
SCALE = 0.015
SEED = 851
LAYERS = {
    "parcels": "jordstykke",
    "nature_p3": "beskyttede_naturtyper",
    "natura2000": "natura2000_habitat",
    "lowland": "lavbund",
    "forest_zones": "skovrejsning",
    "addresses": "adgangsadresser",
    "n_retention": "kvaelstofretention",
    "designations": "retningslinjer_1112_1113",
    "mars_projects": "mars_projekter",
    "forest": "skov",
    "roads": "vejmidte",
}


@pytest.fixture(scope="module")
def region() -> tuple[shapely.Geometry, shapely.Geometry]:
    """The real Aalborg boundary and the union of its neighbours, read with plain geopandas."""
    muni = shapely.union_all(gpd.read_file(BOUNDARY).to_crs(25832).geometry.values)
    kommuner = gpd.read_file(KOMMUNER)
    kommuner = kommuner.set_geometry(shapely.force_2d(kommuner.geometry.values)).to_crs(25832)
    others = kommuner[kommuner["KOMKODE"] != "0851"].geometry.values
    neighbours = shapely.union_all(others[shapely.intersects(others, muni.buffer(100.0))])
    return muni, neighbours


@pytest.fixture(scope="module")
def sample(
    tmp_path_factory: pytest.TempPathFactory, region: tuple[shapely.Geometry, shapely.Geometry]
) -> tuple[SampleManifest, list[tuple[float, str]]]:
    muni, neighbours = region
    calls: list[tuple[float, str]] = []
    manifest = build_sample(
        tmp_path_factory.mktemp("sample"), muni, neighbours=neighbours, scale=SCALE, seed=SEED,
        progress=lambda f, m: calls.append((f, m)),
    )
    return manifest, calls


def _read(manifest: SampleManifest, role: str) -> gpd.GeoDataFrame:
    layer = next(lay for lay in manifest.layers if lay.role == role)
    return gpd.read_file(layer.path, layer=layer.layer, engine="pyogrio")


def test_manifest_lists_every_role_and_reads_back(sample):
    manifest, _ = sample
    assert {lay.role for lay in manifest.layers} == {*LAYERS, "flood"}
    assert all(lay.path.is_file() for lay in manifest.layers)
    assert read_manifest(manifest.out_dir) == manifest
    data = json.loads((manifest.out_dir / "sample.json").read_text(encoding="utf-8"))
    assert data["synthetic"] is True and data["seed"] == SEED and data["scale"] == SCALE
    assert "DAGI" in data["boundary_source"]
    for lay in manifest.layers:
        if lay.layer is not None:
            assert len(_read(manifest, lay.role)) == lay.features
    # No temporary build directory is left behind.
    assert sorted(p.name for p in manifest.out_dir.iterdir()) == [
        "aalborg_sample.gpkg", "oversvoemmelse_dybde.tif", "sample.json"]


def test_progress_is_monotonic_and_reaches_one(sample):
    _, calls = sample
    fractions = [f for f, _ in calls]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0 and all(0.0 <= f <= 1.0 for f in fractions)
    assert all(isinstance(m, str) and m for _, m in calls)


def test_parcels_tile_the_municipality_exactly(sample, region):
    manifest, _ = sample
    muni, _ = region
    parcels = _read(manifest, "parcels")
    geoms = parcels.geometry.values
    assert 700 <= len(parcels) <= 3000
    assert shapely.is_valid(geoms).all()
    assert set(shapely.get_type_id(geoms)) <= {3, 6}
    assert shapely.coverage_is_valid(geoms)
    union = shapely.union_all(geoms)  # plain overlay, not the coverage shortcut
    assert abs(union.area - muni.area) / muni.area < 1e-6
    assert shapely.symmetric_difference(union, muni).area / muni.area < 1e-6
    # No overlaps: the areas add up to the union.
    assert abs(shapely.area(geoms).sum() - union.area) / union.area < 1e-6


def test_parcel_attributes_follow_matriklen(sample):
    manifest, _ = sample
    parcels = _read(manifest, "parcels")
    assert not parcels.duplicated(["landsejerlavskode", "matrikelnummer"]).any()
    pattern = re.compile(r"^\d+[a-zæø]{0,2}$")
    assert all(pattern.match(m) for m in parcels["matrikelnummer"])
    assert parcels["matrikelnummer"].str.match(r"^\d+$").any()  # a few plain numbers
    assert parcels["featureID"].is_unique
    assert parcels["landsejerlavskode"].between(1, 9_999_999).all()
    n_ejerlav = parcels["landsejerlavskode"].nunique()
    assert 30 <= n_ejerlav <= 120
    # One name per code, and the names look like Danish districts.
    names = parcels.groupby("landsejerlavskode")["ejerlavsnavn"].nunique()
    assert (names == 1).all()
    assert parcels["ejerlavsnavn"].nunique() == n_ejerlav
    assert parcels["ejerlavsnavn"].str.contains(", ").all()
    ratio = parcels["registreretAreal"] / parcels.geometry.area
    assert ratio.between(0.97, 1.03).all()
    assert (parcels["kommunekode"] == "0851").all()
    assert (parcels["kommunenavn"] == "Aalborg Kommune").all()


def test_nature_share_is_about_fourteen_percent(sample, region):
    manifest, _ = sample
    muni, _ = region
    nature = _read(manifest, "nature_p3")
    geoms = nature.geometry.values
    assert len(nature) >= 100
    assert shapely.is_valid(geoms).all()
    share = shapely.intersection(shapely.union_all(geoms), muni).area / muni.area
    assert 0.13 <= share <= 0.15
    # Inside the municipality, up to the 1 cm snapping grid.
    outside = shapely.difference(shapely.union_all(geoms), muni.buffer(0.05)).area
    assert outside < 1.0
    assert set(nature["Natyp_navn"]) >= {"Eng", "Mose", "Strandeng", "Sø", "Overdrev"}
    codes = {"Eng": 1, "Hede": 2, "Mose": 3, "Overdrev": 4, "Strandeng": 5, "Sø": 6}
    assert (nature["Natyp_navn"].map(codes) == nature["Natyp_kode"]).all()
    assert nature["Objekt_id"].is_unique
    assert all(str(uuid.UUID(v)) == v for v in nature["Objekt_id"])
    assert (nature["Temakode"] == 2013).all()
    assert np.allclose(nature["Shape_area"], nature.geometry.area, rtol=1e-6)
    dates = nature["Besig_dato"].dropna()
    assert len(dates) > 0 and (dates.dt.year.between(1995, 2024)).all()


def test_addresses_lie_on_their_parcels_and_are_unique(sample):
    manifest, _ = sample
    parcels = _read(manifest, "parcels")
    addresses = _read(manifest, "addresses")
    assert len(addresses) >= 0.5 * len(parcels)
    assert set(shapely.get_type_id(addresses.geometry.values)) == {0}  # points
    assert not addresses.duplicated(["vejnavn", "husnr", "postnr"]).any()
    assert addresses["husnr"].str.fullmatch(r"\d+A?").all()
    assert addresses["postnr"].str.fullmatch(r"9\d{3}").all()
    assert "Vesterbro" in set(addresses.loc[addresses["postnr"] == "9000", "vejnavn"])
    # Every point lies on exactly one parcel (inside it, not on a boundary).
    tree = shapely.STRtree(parcels.geometry.values)
    point, _ = tree.query(addresses.geometry.values, predicate="within")
    assert np.array_equal(np.sort(point), np.arange(len(addresses)))


def test_zone_layers(sample, region):
    manifest, _ = sample
    muni, _ = region
    natura = _read(manifest, "natura2000")
    assert 5 <= len(natura) <= 8
    assert natura["Objektnavn"].str.contains("syntetisk").all()
    assert natura["Site_ident"].str.startswith("SYN-H").all()
    lowland = _read(manifest, "lowland")
    assert set(lowland["kulstof_klasse"]) <= {">12", "6-12", "<6"}
    assert set(lowland["arealanvendelse"]) <= {"omdrift", "permanent græs"}
    union = shapely.union_all(lowland.geometry.values)
    assert abs(lowland.geometry.area.sum() - union.area) / union.area < 1e-6  # no overlaps
    assert 0.08 <= union.area / muni.area <= 0.10
    forest = _read(manifest, "forest_zones")
    assert len(forest) >= 10
    assert set(forest["skovrejsning"]) == {"ønsket", "uønsket"}
    for frame in (natura, lowland, forest):
        assert shapely.is_valid(frame.geometry.values).all()
        assert shapely.difference(frame.union_all(), muni.buffer(0.05)).area < 1.0


def test_every_layer_says_it_is_synthetic(sample):
    manifest, _ = sample
    for lay in manifest.layers:
        if lay.layer is None:
            with rasterio.open(lay.path) as src:
                tags = src.tags()
            assert "synthetic sample" in tags["TIFFTAG_IMAGEDESCRIPTION"].lower()
        else:
            tags = pyogrio.read_info(lay.path, layer=lay.layer)["layer_metadata"]
            assert "synthetic sample" in tags["DESCRIPTION"].lower()
        assert tags["NATURPLAN_SYNTHETIC"] == "true"
        assert tags["NATURPLAN_SEED"] == str(SEED)
        assert float(tags["NATURPLAN_SCALE"]) == SCALE


def test_flood_raster_is_wet_at_the_coast_and_nodata_outside(sample, region):
    manifest, neighbours_region = sample[0], region
    muni, neighbours = neighbours_region
    layer = next(lay for lay in manifest.layers if lay.role == "flood")
    with rasterio.open(layer.path) as src:
        depth = src.read(1)
        assert src.crs.to_epsg() == 25832 and src.dtypes[0] == "float32"
        assert src.nodata == -9999 and src.profile["tiled"]
        assert src.profile["compress"].lower() == "deflate"
        transform, shape = src.transform, src.shape
    inside = ~geometry_mask([muni], out_shape=shape, transform=transform, all_touched=False)
    outside = geometry_mask([muni], out_shape=shape, transform=transform, all_touched=True)
    assert (depth[outside] == -9999).all()
    valid = depth[depth != -9999]
    assert valid.min() >= 0.0 and valid.max() <= 2.5
    assert int((valid > 0).sum()) == layer.features > 0
    coast = shapely.difference(muni.boundary, neighbours.buffer(50.0))
    near = ~geometry_mask([shapely.intersection(coast.buffer(150.0), muni)], out_shape=shape,
                          transform=transform) & inside
    far = ~geometry_mask([muni.buffer(-3000.0)], out_shape=shape, transform=transform)
    assert (depth[near] > 0).mean() > 0.8
    assert (depth[near] > 0).mean() > 3 * (depth[far] > 0).mean()


def _frames(manifest: SampleManifest) -> dict[str, gpd.GeoDataFrame]:
    return {role: _read(manifest, role) for role in LAYERS}


def test_same_seed_same_sample_and_other_seed_differs(sample, region, tmp_path):
    manifest, _ = sample
    muni, neighbours = region
    again = build_sample(tmp_path / "a", muni, neighbours=neighbours, scale=SCALE, seed=SEED)
    first, second = _frames(manifest), _frames(again)
    for role in LAYERS:
        a, b = first[role], second[role]
        assert list(a.geometry.to_wkb()) == list(b.geometry.to_wkb()), role
        assert a.drop(columns="geometry").equals(b.drop(columns="geometry")), role
    with rasterio.open(manifest.out_dir / "oversvoemmelse_dybde.tif") as x, \
            rasterio.open(again.out_dir / "oversvoemmelse_dybde.tif") as y:
        assert np.array_equal(x.read(1), y.read(1))
    other = build_sample(tmp_path / "b", muni, neighbours=neighbours, scale=SCALE, seed=SEED + 1)
    parcels_other = _read(other, "parcels")
    assert list(parcels_other.geometry.to_wkb()) != list(first["parcels"].geometry.to_wkb())
    assert not _read(other, "nature_p3")["Objekt_id"].isin(first["nature_p3"]["Objekt_id"]).any()


@pytest.mark.parametrize("after", [1, 4])
def test_cancel_raises_and_leaves_no_manifest(region, tmp_path, after):
    muni, neighbours = region
    polls = []

    def cancelled() -> bool:
        polls.append(1)
        return len(polls) > after

    with pytest.raises(BuildCancelled):
        build_sample(tmp_path, muni, neighbours=neighbours, scale=SCALE, cancelled=cancelled)
    assert not (tmp_path / "sample.json").exists()
    assert read_manifest(tmp_path) is None
    assert list(tmp_path.iterdir()) == []


def test_read_manifest_rejects_missing_and_incomplete(sample, tmp_path):
    manifest, _ = sample
    assert read_manifest(tmp_path) is None
    (tmp_path / "sample.json").write_text("{not json", encoding="utf-8")
    assert read_manifest(tmp_path) is None
    data = json.loads((manifest.out_dir / "sample.json").read_text(encoding="utf-8"))
    (tmp_path / "sample.json").write_text(json.dumps(data), encoding="utf-8")
    assert read_manifest(tmp_path) is None  # the listed files are not in tmp_path
    data["generator"] = "something older"
    copy = tmp_path / "copy"
    copy.mkdir()
    for lay in manifest.layers:
        (copy / lay.path.name).write_bytes(lay.path.read_bytes())
    (copy / "sample.json").write_text(json.dumps(data), encoding="utf-8")
    assert read_manifest(copy) is None  # stale generator


def test_whole_boundary_is_coast_without_neighbours(region, tmp_path):
    muni, _ = region
    manifest = build_sample(tmp_path, muni, scale=0.005, seed=3)
    assert read_manifest(tmp_path) == manifest
    nature = _read(manifest, "nature_p3")
    share = shapely.intersection(shapely.union_all(nature.geometry.values), muni).area / muni.area
    assert 0.13 <= share <= 0.15


def test_the_synthetic_roads_reach_every_town_address_and_meet_at_shared_ends(sample):
    """Every address lies in a street block or next to one (within a block's diagonal of a
    road), and the street lines meet at shared ends: the network's largest connected part
    holds most of it (scipy's connected components over the shared end points)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    manifest, _ = sample
    roads, addresses = _read(manifest, "roads"), _read(manifest, "addresses")
    assert set(shapely.get_type_id(roads.geometry.values)) == {1}  # plain lines
    tree = shapely.STRtree(roads.geometry.values)
    _, dist = tree.query_nearest(addresses.geometry.values, return_distance=True)
    assert dist.max() <= 150.0 * np.sqrt(2)
    ends = shapely.get_coordinates(roads.geometry.values).reshape(-1, 2, 2)
    keys, node = np.unique(np.round(ends.reshape(-1, 2)), axis=0, return_inverse=True)
    node = node.reshape(-1, 2)
    graph = coo_matrix((np.ones(len(node)), (node[:, 0], node[:, 1])), shape=(len(keys),) * 2)
    _, labels = connected_components(graph, directed=False)
    assert np.bincount(labels).max() > 0.5 * len(keys)
    forest = _read(manifest, "forest")
    assert len(forest) > 0 and set(forest["skovtype"]) <= {"løvskov", "nåleskov", "blandskov"}
