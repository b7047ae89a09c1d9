"""A map that reads like a map: labels from the styles, none over another; land outside the
municipality muted and distinct from the sea; hover labels."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPointF, Qt
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


def _move_mouse(widget, x: float, y: float) -> None:  # noqa: ANN001
    """A mouse move over *widget* at pixel (x, y), delivered to it directly (QTest's moves
    are dropped when the offscreen cursor already sits there)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    local = QPointF(x, y)
    event = QMouseEvent(QEvent.Type.MouseMove, local, widget.mapToGlobal(local),
                        Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def test_hover_shows_the_p3_type_at_any_scale(window, aalborg_point):
    x, y = aalborg_point
    _at_scale(window, x, y, 50_000)  # no §3 labels in the frame at this scale
    canvas = window.canvas
    _move_mouse(canvas, *canvas.view.to_pixel(x + 400, y))  # over the "Mose" square
    assert canvas.hover is not None and canvas.hover.text == "Mose"
    shown = canvas.grab().toImage()
    canvas.hover = None
    assert canvas.grab().toImage() != shown  # it is painted
    _move_mouse(canvas, *canvas.view.to_pixel(x - 5000, y + 5000))  # over no §3 polygon
    assert canvas.hover is None


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


def test_layer_panel_shows_whole_names_or_elides_in_the_middle(window, qtbot):
    from naturplan.gui.layer_delegate import split_text

    dock = window.layers_dock
    panel, delegate = dock.list, dock.delegate
    assert panel.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    for i in range(panel.count()):
        item = panel.item(i)
        title, source = split_text(item.text())
        shown_title, shown_source, _ = delegate.displayed(panel, panel.indexFromItem(item))
        assert shown_title == title  # the default panel is wide enough for every name
        assert item.toolTip().startswith(f"<b>{title}</b><br>")
        assert source in item.toolTip()
        if shown_source != source:  # a long file:layer is elided in the middle, ends kept
            head, _, tail = shown_source.partition("…")
            assert source.startswith(head) and source.endswith(tail)
    # A narrow panel elides the names in the middle instead of cutting their ends off.
    panel.setFixedWidth(150)
    qtbot.waitUntil(lambda: panel.viewport().width() < 150, timeout=2_000)
    elided = 0
    for i in range(panel.count()):
        item = panel.item(i)
        title, _ = split_text(item.text())
        shown_title, _, _ = delegate.displayed(panel, panel.indexFromItem(item))
        if shown_title != title:
            elided += 1
            head, _, tail = shown_title.partition("…")
            assert head and tail and title.startswith(head) and title.endswith(tail)
    assert elided >= 1


def test_synthetic_tag_is_never_elided_away(qapp):
    from PySide6.QtGui import QFont

    from naturplan.gui.layer_delegate import LayerItemDelegate

    delegate = LayerItemDelegate()
    text = "Beskyttet natur (§3)\naalborg_sample.gpkg:beskyttede_naturtyper"
    _, source, tag = delegate.lines(QFont(), text, "syntetisk eksempel", 220)
    assert tag == " · syntetisk eksempel"
    assert "…" in source


def test_dashboard_type_list_is_never_cut_off(window, qtbot):
    """In a short, narrow dock the §3 rows scroll; every row keeps its full height and
    width, and scrolling shows the last one."""
    from PySide6.QtWidgets import QLabel

    dock = window.dashboard_dock
    dock.setFloating(True)
    dock.resize(260, 260)
    qtbot.wait(50)
    dock.scroll.refit()
    qtbot.wait(50)
    labels = [dock.types.itemAt(i).widget() for i in range(dock.types.count())]
    labels = [w for w in labels if isinstance(w, QLabel) and w.text()]
    assert len(labels) >= 6 * 3  # six types: name, ha and %
    for label in labels:
        assert label.height() >= label.sizeHint().height() - 1, label.text()
        assert label.width() >= label.minimumSizeHint().width() - 1, label.text()
    assert dock.scroll.verticalScrollBar().maximum() > 0  # it scrolls
    dock.scroll.ensureWidgetVisible(labels[-1])
    qtbot.wait(50)
    assert not labels[-1].visibleRegion().isEmpty()


def test_identify_gives_parcel_areas_with_their_units(window, aalborg_point):
    x, y = aalborg_point
    window.identify(x + 50, y + 50)  # inside a 200 m × 200 m fixture parcel
    parcel = [h for h in window.identify_dock.hits if h.role == "parcels"][0]
    attrs = dict(parcel.attributes)
    assert attrs["Areal (beregnet på kortet)"] == "40.000 m² (4,00 ha)"  # 200 × 200 m


def test_registered_area_is_shown_with_units_in_danish_format():
    from naturplan.gui.identify import _attribute_text, area_text

    assert _attribute_text("registreretAreal", 123456, "da") == "123.456 m² (12,35 ha)"
    assert _attribute_text("registreretAreal", 123456, "en") == "123,456 m² (12.35 ha)"
    assert _attribute_text("registreretAreal", float("nan"), "da") == ""
    assert _attribute_text("matrikelnummer", "7a", "da") == "7a"
    assert area_text(950.4, "da") == "950 m² (0,10 ha)"


def test_after_a_frame_the_next_zoom_levels_are_prepared_in_the_background(window, qtbot):
    from naturplan.render.geometry import SIMPLE_VERTICES

    canvas = window.canvas
    canvas.zoom_home()
    qtbot.waitUntil(lambda: canvas.idle, timeout=20_000)
    assert canvas._prepare_pool.waitForDone(20_000)
    level = canvas.view.zoom_bucket
    muni = window.layers.by_role(Role.MUNICIPALITY)[-1].layer  # the boundary: many vertices
    index = canvas.renderer.index_for(muni)
    assert not index.simple.all() and SIMPLE_VERTICES < 1000
    assert {level - 1, level + 1} <= set(index.built_levels())
    # ... and the few-vertex parcels (hidden at this scale) are built once for every level
    parcels = canvas.renderer.index_for(window.layers.by_role(Role.PARCELS)[0].layer)
    everything = np.arange(len(parcels))
    assert parcels.simple.all()
    assert parcels.prepare(everything, []) == 0  # nothing left to build


@pytest.mark.parametrize("lang, value, expected", [
    ("da", 28.5, "28,5"), ("en", 28.5, "28.5"), ("da", 28.0, "28"),
    ("da", np.float64(12.25), "12,25"),
    ("da", 2024, "2024"), ("da", np.int64(851), "851"), ("da", "12a", "12a"),
    ("da", float("inf"), ""),
])
def test_a_number_on_the_map_reads_in_the_interface_language(lang, value, expected):
    """The N-retention layer labels its rate (a float): 28.5 kg reads ``28,5`` in Danish, not
    ``28.5`` (it did); a whole number such as a year or a code is not grouped (``2024``)."""
    from naturplan.io.styles import load_styles
    from naturplan.text.numbers import format_value

    style = load_styles()[Role.N_RETENTION]
    rule = style.labels[0]
    assert style.label_text(rule, value, lang, format_value) == expected
