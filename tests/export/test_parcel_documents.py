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


# --- the PDF: nothing dropped, a legend, the sources (items 3, 4, 5) ----------------------

P3_TYPES = ["Eng", "Mose", "Sø", "Overdrev", "Hede", "Strandeng"]
N_STRIPS = 40


def six_bases_layers() -> list[VectorLayer]:
    """A parcel (x 1000-1100) under 40 §3 strips of six types (1,5 m wide, 150 m² each), a
    habitat and a bird site, lowland >12 %, a flood zone and an unwanted-forest zone: six
    legal bases and a long card."""
    strips = [shapely.box(1000 + 2.5 * i, 2000, 1001.5 + 2.5 * i, 2100) for i in range(N_STRIPS)]
    return [
        vector(Role.PARCELS, {"ejerlavskode": [1], "ejerlavsnavn": ["Nibe Markjorder"],
                              "matrikelnummer": ["2a"], "registreretAreal": [10000]},
               [shapely.box(1000, 2000, 1100, 2100)], "parcels.gpkg"),
        vector(Role.NATURE_P3, {"Natyp_navn": [P3_TYPES[i % 6] for i in range(N_STRIPS)],
                                "Objekt_id": [f"p3-{i:02d}" for i in range(N_STRIPS)],
                                "Besig_dato": pd.to_datetime(["2019-05-01"] * N_STRIPS)},
               strips, "p3.gpkg"),
        vector(Role.NATURA2000, {"Site_ident": ["DK00AA001"], "Objektnavn": ["Nibe Enge"],
                                 "kind": ["habitat"]}, [shapely.box(1050, 1950, 1150, 2150)],
               "habitat.gpkg"),
        vector(Role.NATURA2000, {"Site_ident": ["DK00FX001"], "Objektnavn": ["Fuglene"],
                                 "kind": ["bird"]}, [shapely.box(900, 1900, 1200, 2200)],
               "dk_natura2000_fuglebeskyttelse_mst.gpkg"),
        vector(Role.LOWLAND, {"carbon_class": [">12"], "land_use": ["rotation"]},
               [shapely.box(1000, 2000, 1100, 2060)], "lowland.gpkg"),
        vector(Role.FLOOD, {"DN": [2], "depth_m": [0.4]}, [shapely.box(1000, 2000, 1040, 2100)],
               "flood.gpkg"),
        vector(Role.FOREST_ZONES, {"zone": ["unwanted"]}, [shapely.box(950, 1950, 1150, 2150)],
               "forest.gpkg"),
    ]


def six_bases_card():
    from naturplan.io.parcels import source_info

    layers = six_bases_layers()
    themes = {Role.NATURE_P3: Theme.NATURE_P3, Role.NATURA2000: Theme.NATURA2000,
              Role.LOWLAND: Theme.LOWLAND, Role.FLOOD: Theme.FLOOD,
              Role.FOREST_ZONES: Theme.FOREST_ZONES}
    context = ParcelContext(layers[0].frame, source_info(layers[0]), [
        theme_layer(themes[layer.role], layer, source_info(layer)) for layer in layers[1:]])
    return context.card(0), layers


def _pdf_words(pdf: Path) -> str:
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text


def _squeezed(text: str) -> str:
    """Whitespace collapsed and the PDF's ligatures spelled out (pdftotext gives "ﬂood")."""
    return " ".join(text.replace("\ufb02", "fl").replace("\ufb01", "fi").split())


@pytest.fixture(scope="module")
def six_bases_pdf(tmp_path_factory: pytest.TempPathFactory):
    from naturplan.export.parcel_pdf import write_parcel_pdf
    from naturplan.io.styles import load_styles

    card, layers = six_bases_card()
    text = card_text(card, load_legal_bases(), "da")
    pdf = tmp_path_factory.mktemp("pdf") / "nibe_2a.pdf"
    write_parcel_pdf(pdf, card, text, layers, load_styles(), "da")
    return pdf, card, text


def test_six_legal_bases_every_one_on_the_pages(six_bases_pdf):
    pdf, card, text = six_bases_pdf
    assert len(card.legal_keys()) == 6
    legal = load_legal_bases()
    words = _squeezed(_pdf_words(pdf))
    assert "…" not in words
    for key in card.legal_keys():
        assert _squeezed(legal[key].title.get("da")) in words, key
        assert _squeezed(legal[key].law.get("da")) in words, key
    assert "Skovrejsning uønsket" in words


def test_every_line_of_the_card_is_in_the_pdf(six_bases_pdf):
    pdf, _, text = six_bases_pdf
    words = _squeezed(_pdf_words(pdf))
    for section in text.sections:
        assert _squeezed(f"{section.heading} — {section.summary}") in words
        for _, row in section.rows:
            assert _squeezed(row) in words, row
    for line in (*text.notes, *text.sources, text.footer):
        assert _squeezed(line) in words, line
    for item in text.legal:
        assert _squeezed(f"{item.title}: {item.meaning}") in words, item.title


def test_a_long_card_flows_onto_a_second_page_that_says_it_continues(six_bases_pdf):
    import subprocess

    pdf, _, text = six_bases_pdf
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines()
                     if line.startswith("Pages:")))
    assert pages == 2
    second = subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"],
                            capture_output=True, text=True, check=True).stdout
    assert f"{text.title} (fortsat)" in _squeezed(second)


def test_the_map_has_a_legend_of_what_its_frame_shows(six_bases_pdf):
    pdf, _, _ = six_bases_pdf
    import subprocess

    first = _squeezed(subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                                     capture_output=True, text=True, check=True).stdout)
    assert "Signaturforklaring" in first
    for label in ("Eng", "Mose", "Sø", "Overdrev", "Hede", "Strandeng"):
        assert label in first, label
    for title in ("Natura 2000", "Lavbund", "Oversvømmelse", "Skovrejsning"):
        assert title.lower() in first.lower(), title
    assert "Jordstykket" in first


def test_sources_name_producer_and_data_date_not_the_file_date(six_bases_pdf):
    _, _, text = six_bases_pdf
    (bird,) = [s for s in text.sources if "fugle" in s.lower()]
    assert "© Miljøstyrelsen / Danmarks Miljøportal" in bird
    assert "data fra 01-06-2026" in bird and "fildato" not in bird


def test_a_geopackage_is_dated_by_its_own_last_change(tmp_path: Path) -> None:
    import sqlite3

    from naturplan.core.layers.roles import Role as R
    from naturplan.export.parcel_card import _source_line
    from naturplan.io.loading import LayerRequest, load_layer
    from naturplan.io.parcels import source_info

    path = tmp_path / "egen_p3.gpkg"
    square = shapely.box(690_000, 6_170_000, 690_010, 6_170_010)  # in Lejre
    gpd.GeoDataFrame({"Natyp_navn": ["Eng"]}, geometry=[square],
                     crs=25832).to_file(path, layer="p3", engine="pyogrio")
    with sqlite3.connect(path) as db:
        db.execute("UPDATE gpkg_contents SET last_change = '2024-03-15T10:00:00Z'")
    line = _source_line(source_info(load_layer(LayerRequest(R.NATURE_P3, path))), "da", {})
    assert "data fra 15-03-2024" in line and "fildato" not in line


# --- labels keep clear of the furniture and of the parcel's outline (item 6) ----------------


def test_map_labels_keep_clear_of_the_outline_the_scale_bar_and_the_arrow(tmp_path: Path):
    """A site covering the whole frame (its name would sit on the parcel's centre) and a
    grid of neighbour parcels (labelled with their numbers, some under the scale bar and the
    north arrow): no placed label crosses the parcel's outline or touches the furniture."""
    from PySide6.QtCore import QRectF

    from naturplan.export.parcel_pdf import page_scale, write_parcel_pdf
    from naturplan.io.parcels import source_info
    from naturplan.io.styles import load_styles
    from naturplan.render.decorations import scale_bar_rect
    from naturplan.render.parcel_page import MAP_MM, _px, map_view

    cells = [(x, y) for x in range(700, 1400, 50) for y in range(1900, 2200, 40)]
    numbers = [f"{i}c" for i in range(len(cells))]
    parcels = vector(Role.PARCELS, {
        "ejerlavskode": [1] * (len(cells) + 1), "ejerlavsnavn": ["Nibe Markjorder"] * (
            len(cells) + 1), "matrikelnummer": ["2a", *numbers]},
        [shapely.box(1000, 2000, 1100, 2100).buffer(0),
         *[shapely.box(x, y, x + 50, y + 40).difference(shapely.box(1000, 2000, 1100, 2100))
           for x, y in cells]], "parcels.gpkg")
    site = vector(Role.NATURA2000, {"Site_ident": ["DK00FX001"],
                                    "Objektnavn": ["Nibe Bredning og Halkær Ådal"],
                                    "kind": ["bird"]}, [shapely.box(600, 1800, 1500, 2300)],
                  "n2000.gpkg")
    context = ParcelContext(parcels.frame, source_info(parcels), [
        theme_layer(Theme.NATURA2000, site, source_info(site))])
    card = context.card(0)
    text = card_text(card, load_legal_bases(), "da")
    placed = write_parcel_pdf(tmp_path / "labels.pdf", card, text, [parcels, site],
                              load_styles(), "da")
    assert len(placed) > 10  # the neighbours are labelled at all
    scale = page_scale(card.parcel.bounds, MAP_MM)
    view = map_view(1050.0, 2050.0, scale)
    corners = [view.to_pixel(x, y) for x, y in
               shapely.get_coordinates(shapely.box(1000, 2000, 1100, 2100).exterior)]
    outline = shapely.LineString(corners)
    local = QRectF(0, 0, view.width, view.height)
    bar = scale_bar_rect(view, local, "da", dpi=300.0)
    size = _px(11)
    arrow = QRectF(local.right() - size * 0.75, _px(3), size * 0.6, size)
    for label in placed:
        r = label.rect
        box = shapely.box(r.left(), r.top(), r.right(), r.bottom())
        assert not box.intersects(outline), label.text
        assert not r.intersects(bar), label.text
        assert not r.intersects(arrow), label.text


def test_a_geotiff_is_dated_by_its_own_datetime_tag(tmp_path: Path) -> None:
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    from naturplan.export.parcel_card import _source_line
    from naturplan.io.loading import LayerRequest, load_layer
    from naturplan.io.parcels import source_info

    path = tmp_path / "dybde.tif"
    with rasterio.open(path, "w", driver="GTiff", width=4, height=4, count=1, dtype="float32",
                       crs="EPSG:25832", transform=from_origin(0, 40, 10, 10)) as out:
        out.write(np.ones((1, 4, 4), dtype="float32"))
        out.update_tags(TIFFTAG_DATETIME="2025:09:30 08:00:00")
    line = _source_line(source_info(load_layer(LayerRequest(Role.FLOOD, path))), "da", {})
    assert "data fra 30-09-2025" in line and "fildato" not in line
