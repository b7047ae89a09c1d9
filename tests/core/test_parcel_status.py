"""The status card and the batch on hand-made parcels whose overlaps are known by hand."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from naturplan.core.analysis.zonal import RasterGrid
from naturplan.core.layers.layer import LayerSource, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.core.parcels.batch import parcel_table
from naturplan.core.parcels.context import ParcelContext
from naturplan.core.parcels.overlaps import SliverRule, sliver_mask
from naturplan.core.parcels.themes import FloodRaster, SourceInfo, Theme, theme_layer


def _layer(role: Role, frame: pd.DataFrame, geoms: list) -> VectorLayer:
    gdf = gpd.GeoDataFrame(frame, geometry=geoms, crs=25832)
    return VectorLayer(role, gdf, LayerSource(path=__import__("pathlib").Path("x.gpkg")))


def _source(name: str) -> SourceInfo:
    return SourceInfo(name=name, label=f"{name}.gpkg", date="2026-11-27")


@pytest.fixture()
def world() -> ParcelContext:
    """Four 100 x 100 m parcels in a row (x 0-400):

    - A (7a): 40 % under §3 — an Eng over x 0-40 and a Mose over x 20-40 (overlapping: the
      union, 4,000 m², counts once); half of A's §3 is also in a Natura 2000 site.
    - B (7b): touched only by a 0.5 m² corner of a §3 polygon (a sliver by area).
    - C (8): a §3 strip 0.8 m wide along its east edge, 80 m² (a sliver by width).
    - D (9): its east half (x 350-400) in a block of 1 m flood cells.
    """
    parcels = gpd.GeoDataFrame(
        {"ejerlavskode": [1234567] * 4, "ejerlavsnavn": ["Nørre Vadum By"] * 4,
         "matrikelnummer": ["7a", "7b", "8", "9"], "registreretAreal": [10010, 9990, 10000, None]},
        geometry=[shapely.box(x, 0, x + 100, 100) for x in (0, 100, 200, 300)], crs=25832)
    p3 = _layer(Role.NATURE_P3, pd.DataFrame({
        "Natyp_navn": ["Eng", "Mose", "Sø", "Hede"],
        "Objekt_id": ["a-1", "a-2", "b-1", "c-1"],
        "Besig_dato": pd.to_datetime(["2010-05-01", "2012-01-02", "2001-01-01", "1999-09-09"]),
    }), [shapely.box(0, 0, 40, 100), shapely.box(20, 0, 40, 100),
         shapely.box(199.5, 50, 200, 51), shapely.box(299.2, 0, 300, 100)])
    n2000 = _layer(Role.NATURA2000, pd.DataFrame({
        "Site_ident": ["DK00AA001"], "Objektnavn": ["Test Enge"], "kind": ["habitat"]}),
        [shapely.box(-50, 0, 20, 100)])
    themes = [theme_layer(Theme.NATURE_P3, p3, _source("p3")),
              theme_layer(Theme.NATURA2000, n2000, _source("n2000"))]
    depth = np.zeros((10, 50))
    depth[:, 35:40] = 1.0  # x 350-400
    grid = RasterGrid(depth, (0.0, 0.0, 500.0, 100.0))
    flood = FloodRaster(_source("flood"), lambda b: grid if b is None else grid.window(b),
                        depth.size)
    return ParcelContext(parcels, _source("parcels"), themes, [flood])


def test_a_parcel_forty_percent_under_p3_counts_the_union_once(world):
    card = world.card(0)
    assert card.parcel.ref.matrikelnummer == "7a"
    assert card.parcel.area_m2 == pytest.approx(10_000.0)
    assert card.parcel.registered_area_m2 == 10_010
    p3 = next(f for f in card.findings if f.theme is Theme.NATURE_P3)
    assert p3.area_m2 == pytest.approx(4000.0)  # not 4,000 + 2,000
    assert p3.share == pytest.approx(0.40)
    assert dict(p3.by_class) == pytest.approx({"Eng": 4000.0, "Mose": 2000.0})
    assert p3.classes == ("Eng", "Mose")
    assert {f.attributes[1][1] for f in p3.features} == {"a-1", "a-2"}
    n2000 = next(f for f in card.findings if f.theme is Theme.NATURA2000)
    assert n2000.share == pytest.approx(0.20)
    assert card.legal_keys() == ("nature_p3", "natura2000:habitat")
    assert not any(f.theme is Theme.FLOOD for f in card.findings)


def test_a_half_square_metre_is_a_sliver_not_protection(world):
    card = world.card(1)
    assert card.applying() == ()
    (sliver,) = card.slivers()
    assert sliver.theme is Theme.NATURE_P3
    assert sliver.sliver_m2 == pytest.approx(0.5)
    assert sliver.features[0].sliver and sliver.features[0].area_m2 == pytest.approx(0.5)
    assert card.legal_keys() == ()


def test_a_strip_under_a_metre_along_the_boundary_is_a_sliver(world):
    card = world.card(2)
    (sliver,) = card.slivers()
    assert sliver.sliver_m2 == pytest.approx(80.0)
    # With a narrower tolerance the same strip is protection.
    strict = world.with_rule(SliverRule(min_area_m2=5.0, min_width_m=0.5)).card(2)
    assert strict.applying()[0].area_m2 == pytest.approx(80.0)


def test_half_in_a_one_metre_flood_block(world):
    card = world.card(3)
    (flood,) = card.applying()
    assert flood.theme is Theme.FLOOD
    assert flood.share == pytest.approx(0.5)
    assert flood.flood.max_depth == pytest.approx(1.0)
    assert flood.flood.mean_depth == pytest.approx(1.0)
    assert flood.flood.data_share == pytest.approx(1.0)
    assert card.parcel.registered_area_m2 is None


def test_sources_and_synthetic_flag(world):
    card = world.card(0)
    assert [s.name for s in card.sources] == ["parcels", "p3", "n2000", "flood"]
    assert not card.synthetic


def test_the_batch_agrees_with_the_cards(world):
    table = parcel_table(world)
    assert list(table["matrikelnummer"]) == ["7a", "7b", "8", "9"]
    assert table["p3_share"].tolist() == pytest.approx([0.4, 0.0, 0.0, 0.0])
    assert table.loc[0, "p3_types"] == "Eng, Mose"
    assert table.loc[0, "natura2000_codes"] == "DK00AA001"
    assert table["sliver_themes"].tolist() == ["", "nature_p3", "nature_p3", ""]
    assert table["flood_share"].tolist() == pytest.approx([0.0, 0.0, 0.0, 0.5])
    assert table.loc[3, "flood_max_depth_m"] == pytest.approx(1.0)
    assert np.isnan(table.loc[0, "flood_max_depth_m"])


def test_sliver_rule_by_hand():
    geoms = np.array([shapely.box(0, 0, 2, 2),  # 4 m²: small
                      shapely.box(0, 0, 100, 0.9),  # 90 m² strip 0.9 m wide: thin
                      shapely.box(0, 0, 100, 1.2),  # 1.2 m wide: kept
                      shapely.box(0, 0, 10, 10)])  # kept
    areas = shapely.area(geoms)
    assert sliver_mask(geoms, areas, SliverRule(5.0, 1.0)).tolist() == [True, True, False, False]
    assert sliver_mask(geoms, areas, SliverRule(0.0, 0.0)).tolist() == [False] * 4


def test_equal_overlaps_are_listed_by_name_whatever_the_features_order():
    """Two §3 types covering equal halves of a parcel: the list is the same whichever
    feature comes first in the layer (a batch run twice gave "Sø, Overdrev" and "Overdrev,
    Sø" for such parcels)."""
    parcels = gpd.GeoDataFrame(
        {"ejerlavskode": [1], "ejerlavsnavn": ["X"], "matrikelnummer": ["1a"]},
        geometry=[shapely.box(0, 0, 100, 100)], crs=25832)
    halves = [shapely.box(0, 0, 50, 100), shapely.box(50, 0, 100, 100)]
    lists = []
    for names in (["Sø", "Overdrev"], ["Overdrev", "Sø"]):
        p3 = _layer(Role.NATURE_P3, pd.DataFrame({"Natyp_navn": names}), halves)
        context = ParcelContext(parcels, _source("parcels"),
                                [theme_layer(Theme.NATURE_P3, p3, _source("p3"))], [])
        lists.append(parcel_table(context).loc[0, "p3_types"])
    assert lists == ["Overdrev, Sø", "Overdrev, Sø"]
