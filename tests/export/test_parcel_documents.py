"""The parcel card and its PDF as a case file takes them (issue 19 items 3-6), on hand-made
parcels whose overlaps are known by hand."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from naturplan.core.layers.layer import LayerSource, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.core.parcels.context import ParcelContext
from naturplan.core.parcels.themes import SourceInfo, Theme, theme_layer
from naturplan.export.parcel_card import card_text, headline
from naturplan.io.parcels import load_legal_bases


def vector(role: Role, frame: dict[str, list[object]], geoms: list[shapely.Geometry],
           name: str = "x.gpkg") -> VectorLayer:
    return VectorLayer(role, gpd.GeoDataFrame(pd.DataFrame(frame), geometry=geoms, crs=25832),
                       LayerSource(path=Path(name)))


def parcels_frame() -> gpd.GeoDataFrame:
    """One 100 x 100 m parcel, 7a in Test By (x 1000-1100, y 2000-2100)."""
    return gpd.GeoDataFrame(
        {"ejerlavskode": [1], "ejerlavsnavn": ["Test By"], "matrikelnummer": ["7a"],
         "registreretAreal": [10000]},
        geometry=[shapely.box(1000, 2000, 1100, 2100)], crs=25832)


@pytest.fixture()
def two_sites() -> ParcelContext:
    """A bird area (DK00FX001) over the whole parcel and a habitat site (SYN-H03) over a
    6 x 10 m corner (60 m² = 0,6 %), from two layers; a candidate (lowland, adopted) over
    its west half."""
    bird = vector(Role.NATURA2000, {"Site_ident": ["DK00FX001"], "Objektnavn": ["Fugle"],
                                    "kind": ["bird"]}, [shapely.box(900, 1900, 1200, 2200)])
    habitat = vector(Role.NATURA2000, {"Site_ident": ["SYN-H03"], "Objektnavn": ["Hab"],
                                       "kind": ["habitat"]}, [shapely.box(1094, 2090, 1100, 2100)])
    candidate = vector(Role.CANDIDATES, {"id": [3], "name": ["Engen"], "kind": ["lowland"],
                                         "status": ["adopted"]},
                       [shapely.box(1000, 2000, 1050, 2100)])
    themes = [theme_layer(Theme.NATURA2000, bird, SourceInfo("Fugle", "bird.gpkg")),
              theme_layer(Theme.NATURA2000, habitat, SourceInfo("Habitat", "hab.gpkg")),
              theme_layer(Theme.CANDIDATES, candidate, SourceInfo("Kandidater", "p.gpkg"))]
    return ParcelContext(parcels_frame(), SourceInfo("parcels", "parcels.gpkg"), themes)


def test_two_natura2000_layers_make_one_section_with_each_site_and_its_share(two_sites):
    card = two_sites.card(0)
    text = card_text(card, load_legal_bases(), "da")
    n2000 = [s for s in text.sections if s.heading == "Natura 2000"]
    assert len(n2000) == 1
    (section,) = n2000
    assert section.summary == "10.000 m² = 100 % af jordstykket"  # the union, not 10.060
    rows = [v for _, v in section.rows]
    assert len(rows) == 2
    assert rows[0].startswith("DK00FX001") and rows[0].endswith("(100 %)")
    assert rows[1].startswith("SYN-H03") and rows[1].endswith("60 m² (0,6 %)")


def test_the_headline_names_the_site_that_covers_the_parcel_not_the_corner(two_sites):
    line = headline(two_sites.card(0), "da")
    assert "i Natura 2000-område DK00FX001" in line
    assert "SYN-H03" not in line


def test_a_larger_second_site_is_named_with_its_own_share() -> None:
    bird = vector(Role.NATURA2000, {"Site_ident": ["DK00FX001"], "kind": ["bird"]},
                  [shapely.box(900, 1900, 1200, 2200)])
    habitat = vector(Role.NATURA2000, {"Site_ident": ["DK00AA002"], "kind": ["habitat"]},
                     [shapely.box(1000, 2000, 1030, 2100)])  # 30 %
    context = ParcelContext(parcels_frame(), SourceInfo("parcels", "p.gpkg"), [
        theme_layer(Theme.NATURA2000, bird, SourceInfo("b", "b.gpkg")),
        theme_layer(Theme.NATURA2000, habitat, SourceInfo("h", "h.gpkg"))])
    line = headline(context.card(0), "da")
    assert line == ("i Natura 2000-område DK00FX001 · delvis i Natura 2000-område DK00AA002 "
                    "(30 %)")


def test_a_candidate_is_described_in_the_candidate_tables_words(two_sites):
    text = card_text(two_sites.card(0), load_legal_bases(), "da")
    (section,) = [s for s in text.sections if s.heading == "Kandidatområde"]
    (row,) = [v for _, v in section.rows]
    assert "Udtagning af lavbundsjord" in row and "Vedtaget" in row
    assert "lowland" not in row and "adopted" not in row
    english = card_text(two_sites.card(0), load_legal_bases(), "en")
    (row_en,) = [v for s in english.sections if s.heading == "Candidate area" for _, v in s.rows]
    assert "Lowland withdrawal" in row_en and "Adopted" in row_en
