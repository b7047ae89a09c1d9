"""Scale bar and north arrow (render/decorations.py): the same code on screen and on paper."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from naturplan.render.decorations import (
    draw_north_arrow,
    draw_scale_bar,
    length_labels,
    nice_length,
    scale_bar_for,
)
from naturplan.render.view import MapView

GREEN = (168, 214, 126)


def _paint(view: MapView, draw) -> np.ndarray:  # noqa: ANN001
    image = QImage(view.width, view.height, QImage.Format.Format_RGB32)
    image.fill(QColor(*GREEN))
    painter = QPainter(image)
    draw(painter)
    painter.end()
    bits = np.frombuffer(image.constBits(), np.uint8)
    rows = bits.reshape(view.height, image.bytesPerLine())[:, : view.width * 4]
    return rows.reshape(view.height, view.width, 4)[:, :, 2::-1].copy()  # BGRA → RGB


@pytest.mark.parametrize("limit, expected", [
    (175.0, 100.0), (199.9, 100.0), (200.0, 200.0), (2400.0, 2000.0), (999.0, 500.0),
    (1000.0, 1000.0), (7.3, 5.0), (0.0, 0.0),
])
def test_nice_lengths_are_round(limit, expected):
    assert nice_length(limit) == pytest.approx(expected)


def test_labels_in_danish_and_english():
    assert length_labels(5000, "da") == ("0", "2,5", "5 km")
    assert length_labels(5000, "en") == ("0", "2.5", "5 km")
    assert length_labels(500, "da") == ("0", "250", "500 m")
    assert length_labels(20_000, "da") == ("0", "10", "20 km")
    assert length_labels(50, "da") == ("0", "25", "50 m")


def test_labels_have_the_program_s_number_format():
    """Thousands and decimals as ``text/numbers.py`` writes them (written here by hand): a
    national-scale bar and a bar of half a metre, in both languages."""
    assert length_labels(2_000_000, "da") == ("0", "1.000", "2.000 km")
    assert length_labels(2_000_000, "en") == ("0", "1,000", "2,000 km")
    assert length_labels(0.5, "da") == ("0", "0,25", "0,5 m")
    assert length_labels(0.5, "en") == ("0", "0.25", "0.5 m")
    assert length_labels(1500, "da") == ("0", "0,75", "1,5 km")


def _bar_extent(rgb: np.ndarray, rect: QRectF, dpi: float) -> tuple[int, int]:
    """Leftmost and rightmost drawn column through the middle of the bar (drawn without
    its box, so everything else on that row is the green background)."""
    from naturplan.render.decorations import BAR_HEIGHT_PT, PAD_PT, points_to_px

    row = int(rect.bottom() - points_to_px(PAD_PT + BAR_HEIGHT_PT / 2, dpi))
    cols = np.flatnonzero(np.any(np.abs(rgb[row].astype(int) - GREEN) > 30, axis=1))
    return int(cols[0]), int(cols[-1])


@pytest.mark.parametrize("view", [
    MapView(552_000, 6_320_000, 1.4, 500, 300),                   # screen, 1:5,000
    MapView(552_000, 6_320_000, 7.0, 500, 300),                   # screen, 1:25,000
    MapView.for_paper(552_000, 6_320_000, 25_000, 80, 50, 300),   # paper 300 dpi, 1:25,000
])
def test_drawn_bar_is_as_long_as_its_label_says(qapp, view):
    bar = scale_bar_for(view)
    # The round length fits the limit and is at least 40 % of it (1-2-5 steps).
    max_px = 35 / 25.4 * view.device_dpi
    assert 0.4 * max_px <= bar.pixels <= max_px + 1e-6
    drawn = []
    rgb = _paint(view, lambda p: drawn.append(
        draw_scale_bar(p, view, QRectF(0, 0, view.width, view.height), "da", box=False)))
    left, right = _bar_extent(rgb, drawn[0], view.device_dpi)
    measured_m = (right - left) * view.resolution
    assert measured_m == pytest.approx(bar.metres, rel=0.03, abs=2.5 * view.resolution)
    unit = 1000.0 if bar.labels[2].endswith("km") else 1.0
    assert float(bar.labels[2].split()[0].replace(",", ".")) * unit == bar.metres


def test_paper_and_screen_sizes_agree_in_millimetres(qapp):
    """The bar's text and height are given in points: the same mm on screen and paper."""
    screen = MapView(552_000, 6_320_000, 7.0, 500, 300)
    paper = MapView.for_paper(552_000, 6_320_000, 25_000, 80, 50, 300)
    with_box = {}
    for name, view in (("screen", screen), ("paper", paper)):
        image = QImage(view.width, view.height, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        rect = draw_scale_bar(painter, view, QRectF(0, 0, view.width, view.height), "da")
        painter.end()
        with_box[name] = rect.height() / view.device_dpi * 25.4  # mm
    assert with_box["paper"] == pytest.approx(with_box["screen"], rel=0.1)
    # and the printed scale is the true one: 1:25,000 at 300 dpi
    assert paper.scale_denominator == pytest.approx(25_000)
    assert paper.width == round(80 / 25.4 * 300)


def test_north_arrow_stays_in_its_rectangle(qapp):
    view = MapView(0, 0, 1, 200, 200)
    rect = QRectF(120, 20, 40, 70)
    rgb = _paint(view, lambda p: draw_north_arrow(p, rect))
    changed = np.any(rgb != GREEN, axis=2)
    ys, xs = np.nonzero(changed)
    assert changed.sum() > 200
    assert xs.min() >= rect.left() - 3 and xs.max() <= rect.right() + 3
    assert ys.min() >= rect.top() - 3 and ys.max() <= rect.bottom() + 3
    # pointing up: the tip (top of the arrow body) is narrower than its base
    dark = rgb.sum(axis=2) < 150
    body = [int(dark[y].sum()) for y in range(int(rect.top() + 35), int(rect.bottom()) - 4)]
    assert body[0] < body[-1]


def test_view_menu_toggles_the_scale_bar(window):
    canvas = window.canvas
    corner = QRectF(0, canvas.height() - 60, 220, 60).toRect()
    shown = canvas.grab(corner).toImage()
    window.act_scale_bar.setChecked(False)
    hidden = canvas.grab(corner).toImage()
    assert shown != hidden
    assert window.settings.value("map/show_scale_bar", True, bool) is False
    window.act_scale_bar.setChecked(True)
    assert canvas.grab(corner).toImage() == shown
    window.act_north_arrow.setChecked(False)
    assert not canvas.show_north_arrow
