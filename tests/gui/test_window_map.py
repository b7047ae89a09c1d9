"""A map that reads like a map: labels from the styles, none over another; land outside the
municipality muted and distinct from the sea; hover labels."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage

from naturplan.core.layers.roles import Role
from naturplan.render import MapView


def _rgb(image: QImage, x: float, y: float) -> tuple[int, int, int]:
    color = QColor(image.pixel(int(x), int(y)))
    return color.red(), color.green(), color.blue()


def _hex_rgb(text: str) -> tuple[int, int, int]:
    color = QColor(text)
    return color.red(), color.green(), color.blue()


def _at_scale(window, x: float, y: float, scale: float):  # noqa: ANN001, ANN202
    canvas = window.canvas
    res = scale * canvas.view.pixel_size_m
    canvas.set_view(MapView(x, y, res, canvas.width(), canvas.height()))
    return canvas.render_now()


def test_parcel_labels_at_5000_name_their_parcel_and_never_overlap(window, fixture_files,
                                                                   aalborg_point):
    x, y = aalborg_point
    stats = _at_scale(window, x + 300, y + 200, 5_000)
    parcels = gpd.read_file(fixture_files["parcels"])
    numbers = [label for label in stats.labels if label.field == "matrikelnummer"]
    assert len(numbers) >= 10
    view = window.canvas.view
    for label in numbers:
        # independent check: the parcel under the label's centre has that number
        cx, cy = view.to_map(label.rect.center().x(), label.rect.center().y())
        hit = parcels[parcels.contains(shapely.Point(cx, cy))]
        assert list(hit["matrikelnummer"]) == [label.text]
    types = {label.text for label in stats.labels if label.field == "Natyp_navn"}
    assert types & {"Sø", "Mose", "Eng", "Strandeng", "Overdrev", "Hede"}
    rects = [label.rect for label in stats.labels]
    for i, a in enumerate(rects):
        assert a.left() >= 0 and a.top() >= 0
        assert a.right() <= view.width and a.bottom() <= view.height
        for b in rects[i + 1:]:
            assert not a.intersects(b), (a, b)
    # the text is really on the map: dark pixels inside a label's box
    image = window.canvas.image.convertToFormat(QImage.Format.Format_RGB32)
    box = numbers[0].rect.toRect()
    dark = sum(1 for px in range(box.left(), box.right()) for py in range(box.top(), box.bottom())
               if sum(_rgb(image, px, py)) < 250)
    assert dark >= 5


def test_labels_keep_clear_of_the_scale_bar_and_can_be_switched_off(window, aalborg_point):
    x, y = aalborg_point
    stats = _at_scale(window, x, y, 4_000)
    from naturplan.gui.map.furniture import reserved_rects

    furniture = reserved_rects(window.canvas, window.canvas.view)
    assert furniture
    for label in stats.labels:
        assert not any(label.rect.intersects(rect) for rect in furniture)
    window.act_labels.setChecked(False)
    assert window.canvas.render_now().labels == []
    window.act_labels.setChecked(True)


def test_ejerlav_names_at_medium_scale_numbers_only_at_large(window, aalborg_point):
    x, y = aalborg_point
    stats = _at_scale(window, x, y, 25_000)
    fields = {label.field for label in stats.labels}
    assert "matrikelnummer" not in fields
    assert [label.text for label in stats.labels if label.field == "ejerlavsnavn"] == ["Testby"]


def test_land_outside_is_muted_and_not_the_sea(window):
    from naturplan.gui.map.canvas import BACKGROUND

    entries = {entry.style.title.get("da"): entry for entry in window.layers}
    neighbours = entries["Nabokommuner"].layer
    assert window.layers[0].layer is neighbours  # drawn under everything
    assert "0851" not in set(neighbours.frame["KOMKODE"])
    keep = {"Nabokommuner", "Kommunegrænse"}
    for i, entry in enumerate(window.layers):
        window.layers.set_visible(i, entry.style.title.get("da") in keep)
    window.canvas.zoom_home()
    window.canvas.render_now()
    view, image = window.canvas.view, window.canvas.image
    muni = window.dataset.municipality.geometry
    land = shapely.union_all(neighbours.frame.geometry.to_numpy())
    inner_land = shapely.buffer(land, -800)
    frame = shapely.box(*view.bounds).buffer(-2000 * view.resolution / 60)
    # a point of a neighbour, and a point of the sea (no municipality at all), both in view
    sea_area = frame.difference(shapely.buffer(shapely.union(land, muni), 800))
    land_point = shapely.point_on_surface(inner_land.intersection(frame).difference(
        shapely.buffer(muni, 800)))
    sea_point = shapely.point_on_surface(sea_area)
    assert not land_point.is_empty and not sea_point.is_empty
    land_rgb = _rgb(image, *view.to_pixel(land_point.x, land_point.y))
    sea_rgb = _rgb(image, *view.to_pixel(sea_point.x, sea_point.y))
    style = entries["Nabokommuner"].style
    assert land_rgb == _hex_rgb(style.symbol.fill)
    assert sea_rgb == _hex_rgb(BACKGROUND)
    inside = shapely.point_on_surface(shapely.buffer(muni, -3000))
    muni_rgb = _rgb(image, *view.to_pixel(inside.x, inside.y))
    # three different colours: the municipality, the land around it, the sea
    assert len({land_rgb, sea_rgb, muni_rgb}) == 3
    assert sum(abs(a - b) for a, b in zip(land_rgb, sea_rgb, strict=True)) > 40


def test_hover_shows_the_p3_type_at_any_scale(window, qtbot, aalborg_point):
    x, y = aalborg_point
    _at_scale(window, x, y, 50_000)  # no §3 labels in the frame at this scale
    canvas = window.canvas
    px, py = canvas.view.to_pixel(x + 400, y)  # the "Mose" square
    qtbot.mouseMove(canvas, QPoint(int(px), int(py)))
    qtbot.waitUntil(lambda: canvas.hover is not None, timeout=5_000)
    assert canvas.hover.text == "Mose"
    shown = canvas.grab().toImage()
    canvas.hover = None
    assert canvas.grab().toImage() != shown  # it is painted
    far = canvas.view.to_pixel(x - 5000, y + 5000)
    qtbot.mouseMove(canvas, QPoint(int(far[0]), int(far[1])))
    qtbot.waitUntil(lambda: canvas.hover is None, timeout=5_000)


def test_layer_count_in_the_status_bar_is_what_the_panel_lists(window):
    assert window.statusBar().currentMessage() == (
        f"{window.layers_dock.list.count()} lag indlæst")


@pytest.mark.parametrize("lang, expected", [("da", "Sø"), ("en", "Lake")])
def test_category_labels_speak_the_interface_language(lang, expected):
    from naturplan.io.styles import load_styles

    style = load_styles()[Role.NATURE_P3]
    rule = style.labels[0]
    assert style.label_text(rule, "Sø", lang) == expected
    assert style.label_text(rule, None, lang) == ""
    assert style.label_text(rule, float("nan"), lang) == ""
    assert np.isfinite(rule.size)


def test_hover_label_position_is_beside_the_pointer(qapp):
    from PySide6.QtGui import QPainter

    from naturplan.io.styles import load_styles
    from naturplan.render.labels import draw_label

    rule = load_styles()[Role.NATURE_P3].labels[0]
    image = QImage(200, 100, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    box = draw_label(painter, "Mose", QPointF(50, 60), rule, 96)
    painter.end()
    assert box.left() <= 50 <= box.right() and box.bottom() >= 58
