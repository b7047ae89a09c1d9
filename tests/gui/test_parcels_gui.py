"""The case worker's window: Ctrl+F, a search, the card, suggestions, an address, identify,
the highlight on the map and Gem som PDF."""

from __future__ import annotations

import shutil
import subprocess

import geopandas as gpd
import numpy as np
import pytest
import shapely
from PySide6.QtCore import Qt


@pytest.fixture
def ready(window, qtbot):
    """The window with the parcel lookup built."""
    controller = window.parcels
    if controller.context is None:
        with qtbot.waitSignal(controller.context_ready, timeout=60_000):
            pass
    window.parcels.dock.show()
    window.parcels.dock.raise_()
    return window


def _expected_p3_share(fixture_files, matrikel: str) -> tuple[float, shapely.Geometry]:
    parcels = gpd.read_file(fixture_files["parcels"])
    nature = gpd.read_file(fixture_files["nature_p3"])
    parcel = parcels[parcels["matrikelnummer"] == matrikel].geometry.iloc[0]
    overlap = shapely.intersection(parcel, shapely.union_all(nature.geometry.values)).area
    return overlap / parcel.area, parcel


def _parcel_on_p3(fixture_files) -> str:
    parcels = gpd.read_file(fixture_files["parcels"])
    nature = gpd.read_file(fixture_files["nature_p3"])
    shares = shapely.area(shapely.intersection(parcels.geometry.values,
                                               shapely.union_all(nature.geometry.values)))
    shares = shares / shapely.area(parcels.geometry.values)
    return str(parcels["matrikelnummer"].iloc[int(np.argmax((shares > 0.2) & (shares < 0.9)))])


def test_ctrl_f_search_shows_the_card_and_zooms(ready, qtbot, fixture_files, tmp_path):
    window = ready
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.parcels.box.hasFocus()
    matrikel = _parcel_on_p3(fixture_files)
    share, parcel = _expected_p3_share(fixture_files, matrikel)
    qtbot.keyClicks(window.parcels.box, f"{matrikel.upper()}, testby")
    qtbot.keyClick(window.parcels.box, Qt.Key.Key_Return)
    card = window.parcels.card
    assert card is not None and card.parcel.ref.matrikelnummer == matrikel
    text = window.parcels.dock.plain_text()
    assert f"Jordstykke {matrikel}, Testby" in text
    assert "§3-beskyttet natur på" in text and "Naturbeskyttelseslovens § 3" in text
    p3 = next(f for f in card.findings if f.theme.value == "nature_p3")
    assert p3.share == pytest.approx(share, rel=1e-9)
    minx, miny, maxx, maxy = window.canvas.view.bounds
    assert shapely.box(minx, miny, maxx, maxy).contains(parcel)
    assert window.canvas.view.resolution < 20  # zoomed in from the municipality
    window.canvas.render_now()
    image = window.grab().toImage()
    image.save(str(tmp_path / "parcel_window.png"))
    px, py = window.canvas.view.to_pixel(*shapely.get_coordinates(parcel.exterior)[0])
    corner = window.canvas.mapTo(window, window.canvas.rect().topLeft())
    color = image.pixelColor(int(px) + corner.x(), int(py) + corner.y())
    assert color.red() > 150 and color.green() < 120  # the red highlight on its corner


def test_a_miss_offers_suggestions_and_one_click_opens_it(ready, qtbot):
    window = ready
    controller = window.parcels
    result = controller.search("12b, Testby")
    assert result is not None and not result.found
    dock = controller.dock
    assert "Matrikelnummer 12b findes ikke" in dock.plain_text()
    assert dock.suggestions.isVisible() and dock.suggestions.count() >= 1
    offered = [dock.suggestions.item(i).text() for i in range(dock.suggestions.count())]
    assert "Testby, 12a" in offered
    item = dock.suggestions.item(offered.index("Testby, 12a"))
    dock.suggestions.itemClicked.emit(item)
    assert controller.card.parcel.ref.matrikelnummer == "12a"
    assert controller.search("Qwerty 1").missing.value == "ejerlav"
    assert "Intet ejerlav hedder" in dock.plain_text()


def test_address_and_identify_find_the_parcel_under_them(ready, fixture_files):
    window = ready
    controller = window.parcels
    result = controller.search("Testvej 3, 9000")
    assert result is not None and result.found
    parcels = gpd.read_file(fixture_files["parcels"])
    assert controller.card.parcel.ref.matrikelnummer == parcels["matrikelnummer"].iloc[2]
    assert "Testvej 3, 9000 Aalborg" in controller.dock.plain_text()
    centre = shapely.centroid(parcels.geometry.iloc[7])
    window.identify(centre.x, centre.y)
    assert controller.card.parcel.ref.matrikelnummer == parcels["matrikelnummer"].iloc[7]


def test_tolerance_is_a_setting(ready):
    controller = ready.parcels
    controller.dock.area_box.setValue(12.5)
    assert controller.rule().min_area_m2 == 12.5
    assert controller.context.rule.min_area_m2 == 12.5


def test_save_as_pdf(ready, tmp_path):
    controller = ready.parcels
    controller.search("12a, Testby")
    out = tmp_path / "sag.pdf"
    controller.save_pdf(out, wait=True)
    assert out.exists() and out.stat().st_size > 10_000
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    words = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Jordstykke 12a, Testby" in words
