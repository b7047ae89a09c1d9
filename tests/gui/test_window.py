"""The main window on a small known dataset: layers, rendering, identify, dashboard."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from naturplan.core.layers.roles import Role
from naturplan.text.numbers import format_share


def _array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    ptr = image.constBits()
    return np.frombuffer(ptr, np.uint8).reshape(image.height(), image.bytesPerLine())[
        :, : image.width() * 4].reshape(image.height(), image.width(), 4).copy()


def _distinct_colours(image: QImage) -> int:
    rgb = _array(image)[:, :, :3].reshape(-1, 3)
    return len(np.unique(rgb[:, 0].astype(np.int64) << 16 | rgb[:, 1].astype(np.int64) << 8
                         | rgb[:, 2]))


def test_every_role_is_listed(window):
    dock = window.layers_dock
    listed = {dock.list.item(i).data(Qt.ItemDataRole.UserRole + 1).role
              for i in range(dock.list.count())}
    assert listed == set(Role)
    texts = [dock.list.item(i).text() for i in range(dock.list.count())]
    assert any("Beskyttet natur (§3)" in t for t in texts)  # Danish by default


def test_legend_comes_from_styles(window):
    tree = window.legend_dock.tree
    labels = []
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        labels.append(item.text(0))
        labels += [item.child(j).text(0) for j in range(item.childCount())]
    for name in ("Sø", "Mose", "Eng", "Strandeng", "Overdrev", "Hede", "Habitatområde"):
        assert name in labels


def test_hiding_a_layer_changes_the_pixels(window, aalborg_point):
    window.canvas.zoom_to((aalborg_point[0] - 3000, aalborg_point[1] - 3000,
                           aalborg_point[0] + 3000, aalborg_point[1] + 3000))
    window.canvas.render_now()
    before = _array(window.canvas.image)
    item = window.layers_dock.item_for_role("nature_p3")
    item.setCheckState(Qt.CheckState.Unchecked)
    window.canvas.render_now()
    after = _array(window.canvas.image)
    changed = np.any(before != after, axis=2).mean()
    assert changed > 0.005, changed
    item.setCheckState(Qt.CheckState.Checked)
    window.canvas.render_now()
    assert np.array_equal(_array(window.canvas.image), before)


def test_background_render_thread_delivers_a_frame(window, qtbot):
    window.canvas.zoom_by(2.0)
    qtbot.waitUntil(lambda: window.canvas.idle, timeout=20_000)
    assert window.canvas.image_view == window.canvas.view


def test_identify_shows_the_p3_type(window, qtbot, aalborg_point):
    x, y = aalborg_point
    window.canvas.zoom_to((x - 2000, y - 2000, x + 2000, y + 2000))
    window.canvas.render_now()
    px, py = window.canvas.view.to_pixel(x + 400, y + 20)  # inside the "Mose" square
    window.act_identify.trigger()
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(px), int(py)))
    text = window.identify_dock.all_text()
    assert "Mose" in text and "TEST-1" in text
    assert "Jordstykker (matrikel)" in text  # the parcel under it too
    assert "Sø" not in text.split("Natyp_navn")[1].split("\n")[1]


def test_identify_reads_the_flood_raster(window, aalborg_point):
    x, y = aalborg_point
    window.identify(x - 3000 + 20 * 90 + 10, y - 500 - 20 * 50 - 10)
    hits = [h for h in window.identify_dock.hits if h.role == "flood"]
    assert hits and hits[0].attributes[0][1].endswith(" m")
    assert hits[0].attributes[0][0] in {"Value", "Værdi"}  # a word for the user, not a key


def test_dashboard_matches_cli_stats(window, layer_args):
    cmd = [sys.executable, "-m", "naturplan", "stats", "--json", "--no-sample"]
    for arg in layer_args:
        cmd += ["--layer", arg]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True)
    doc = json.loads(out.stdout)
    share = window.dashboard_dock.share
    assert share is not None
    assert share.share == pytest.approx(doc["protected"]["share"], rel=1e-9)
    assert window.dashboard_dock.headline.text() == format_share(doc["protected"]["share"])
    assert "," in window.dashboard_dock.headline.text()  # Danish decimal comma
    assert set(share.by_type) == set(doc["protected"]["by_type"])


def test_screenshot_is_not_blank(window, tmp_path):
    path = tmp_path / "window.png"
    assert window.grab().save(str(path))
    image = QImage(str(path))
    canvas = window.canvas.geometry()
    map_area = image.copy(canvas)
    assert _distinct_colours(map_area) >= 6
    assert _distinct_colours(image) >= 20


def test_settings_remember_the_dock_layout(qtbot, settings, window):
    window.dashboard_dock.hide()
    window.save_settings()
    from naturplan.gui.main_window import MainWindow

    again = MainWindow(settings)
    qtbot.addWidget(again)
    assert again.dashboard_dock.isHidden()
    # ... read back from the test's own file (tests/gui/conftest.py), not the user's settings
    assert os.path.exists(settings.fileName())
    fresh = MainWindow(type(settings)(os.path.join(os.path.dirname(settings.fileName()),
                                                   "other.ini"), settings.format()))
    qtbot.addWidget(fresh)
    assert not fresh.dashboard_dock.isHidden()


def test_screenshot_subprocess(tmp_path, layer_args):
    out = tmp_path / "out.png"
    cmd = [sys.executable, "-m", "naturplan", "--no-sample", "--screenshot", str(out)]
    for arg in layer_args:
        cmd += ["--layer", arg]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert not image.isNull() and image.width() > 800
    assert _distinct_colours(image) >= 20


def test_remove_layer_takes_it_off_the_map_and_recomputes_the_share(window, qtbot):
    from naturplan.core.layers.roles import Role

    p3 = window.dataset.by_role(Role.NATURE_P3)[0]
    before = window.canvas.render_now()
    assert window.dashboard_dock.share.area_m2 > 0
    item = window.layers_dock.item_for_role("nature_p3")
    window.layers_dock.list.setCurrentItem(item)
    window.act_remove_layer.trigger()
    assert all(layer is not p3 for layer in window.dataset.layers)
    assert all(entry.layer is not p3 for entry in window.layers)
    qtbot.waitUntil(lambda: window.dashboard_dock.share.area_m2 == 0, timeout=30_000)
    after = window.canvas.render_now()
    assert p3.name in before.features and p3.name not in after.features
    # The municipality stays: every share is measured in it.
    window.layers_dock.list.setCurrentItem(window.layers_dock.item_for_role("municipality"))
    window.act_remove_layer.trigger()
    assert window.dataset.by_role(Role.MUNICIPALITY)


def test_identify_hits_an_address_point_a_few_pixels_away(window, aalborg_point):
    """A click cannot land exactly on a point: within a few pixels (metres by the canvas'
    scale) it lists the address; polygons still only where they contain the click."""
    x0, y0 = aalborg_point
    ax, ay = x0 - 2000 + 100 + 200 * 3, y0 - 2000 + 100  # Testvej 4 (conftest: parcel centres)

    def addresses_at(dx_px: float, dy_px: float) -> list[dict[str, str]]:
        px, py = window.canvas.view.to_pixel(ax, ay)
        window.identify(*window.canvas.view.to_map(px + dx_px, py + dy_px))
        return [dict(h.attributes) for h in window.identify_dock.hits if h.role == "addresses"]

    for half in (300, 3000):  # about 0.5 and 5 m per pixel: the tolerance follows the scale
        window.canvas.zoom_to((ax - half, ay - half, ax + half, ay + half))
        [hit] = addresses_at(3, -2)
        assert (hit["vejnavn"], hit["husnr"]) == ("Testvej", "4")
        assert "Areal (beregnet på kortet)" not in hit  # a point has no area to show
        assert addresses_at(0, -40) == []  # north of the row of addresses: nothing near
    window.canvas.zoom_to((ax - 300, ay - 300, ax + 300, ay + 300))
    px, py = window.canvas.view.to_pixel(ax, ay)
    # 3 px off the parcel's corner, outside it: the parcel is not listed (polygons: contain).
    corner_x, corner_y = ax + 100, ay + 100
    cx, cy = window.canvas.view.to_pixel(corner_x, corner_y)
    window.identify(*window.canvas.view.to_map(cx + 3, cy - 3))
    parcels = [dict(h.attributes) for h in window.identify_dock.hits if h.role == "parcels"]
    assert [p["matrikelnummer"] for p in parcels] == ["24a"]  # the one diagonally beyond
