"""The basemap and service layers in the window (issue 12), against servers on loopback."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from loopback import cell_centres, checker_colour
from loopback_fixtures import *  # noqa: F403 - the loopback server fixtures
from loopback_fixtures import MAPPED_FIELDS, SERVED_COUNT, served_nature

from naturplan.core.layers.roles import Role


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """The tile cache in a temporary folder, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg_cache"))
    return tmp_path / "xdg_cache"


def grab_rgb(window) -> np.ndarray:
    image = window.canvas.grab().toImage()
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB32)
    bits = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    rows = bits.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width()]
    return rows[..., [2, 1, 0]].copy()


def wait_for_basemap(qtbot, window, seconds: float = 20.0) -> None:
    controller = window.services.basemap
    qtbot.waitUntil(lambda: controller.layer is not None or controller.error is not None,
                    timeout=int(seconds * 1000))
    assert controller.error is None, controller.error


def test_basemap_under_the_map_in_the_panel_with_opacity(qtbot, window, mapserver_wms,
                                                         cache_home) -> None:
    """Chosen in the layer panel's combo (own URL), drawn under the frame at the right
    place, the municipality's fill made clear, opacity from the panel's slider."""
    controller, panel = window.services.basemap, window.services.panel
    url = f"{mapserver_wms.url}?SERVICE=WMS&LAYERS=checker"
    from naturplan.gui.basemap.panel import remember_url

    remember_url(window.settings, url)
    panel.refresh()
    index = panel.combo.findData(url)
    assert index > 0
    panel.combo.setCurrentIndex(index)
    panel.combo.activated.emit(index)
    wait_for_basemap(qtbot, window)
    assert controller.active and controller.paint in window.canvas.underlays
    window.canvas.zoom_to((541_000, 6_311_000, 559_000, 6_329_000))
    controller.ensure()
    window.canvas.render_now()
    rgb = grab_rgb(window)
    view = window.canvas.view
    matches = 0
    for x, y in cell_centres():
        px, py = view.to_pixel(x, y)
        got = rgb[int(py), int(px)].astype(int)
        matches += np.abs(got - checker_colour(x, y).astype(int)).max() <= 40
    assert matches >= 60  # most cell centres show the basemap (the rest lie under layers)
    muni = window.layers.by_role(Role.MUNICIPALITY)[0]
    assert muni.style.symbol.fill_opacity == 0.0
    panel.opacity.setValue(50)
    assert controller.opacity == 0.5
    assert window.settings.value("basemap/spec") == url
    panel.check.setChecked(False)
    assert not controller.active and controller.paint not in window.canvas.underlays
    assert window.layers.by_role(Role.MUNICIPALITY)[0].style.symbol.fill_opacity == 1.0


def test_a_url_basemap_is_credited_in_the_corner(qtbot, window, xyz_server,
                                                cache_home) -> None:
    """An XYZ URL names no attribution: the map's corner says whose tiles they are."""
    from PySide6.QtGui import QImage, QPainter

    controller = window.services.basemap
    controller.set_basemap(xyz_server.url + "/{z}/{x}/{y}.png", wait=True)
    wait_for_basemap(qtbot, window)
    texts = []

    class Recorder(QPainter):
        def drawText(self, *args) -> None:  # noqa: N802 - Qt's name
            texts.append(str(args[-1]))
            super().drawText(*args)

    image = QImage(400, 300, QImage.Format.Format_ARGB32_Premultiplied)
    painter = Recorder(image)
    controller.paint_attribution(painter)
    painter.end()
    assert texts == ["Baggrundskort: 127.0.0.1"]
    controller.set_visible(False)
    texts.clear()
    painter = Recorder(image)
    controller.paint_attribution(painter)
    painter.end()
    assert texts == []


def test_a_hanging_service_leaves_the_window_responsive(qtbot, window, xyz_server,
                                                        cache_home) -> None:
    """Every tile request hangs (until a 6 s timeout): no pan or repaint waits for it, and
    one calm status message says so. Counted, not timed: while the requests are still
    unanswered (no status yet), many pans and repaints have been drawn; a GUI that waited for
    the network would have drawn one and reported the timeout by then."""
    from naturplan.io.services.http import Timeouts

    xyz_server.mode = "hang"
    controller = window.services.basemap
    controller.set_basemap(xyz_server.url + "/{z}/{x}/{y}.png")
    wait_for_basemap(qtbot, window)
    controller.layer.loader.timeouts = Timeouts(6.0, 6.0)
    window.canvas.zoom_to((541_000, 6_311_000, 559_000, 6_329_000))
    frames = 0
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        window.canvas.pan_by(7.0, 3.0)
        window.canvas.repaint()
        qtbot.wait(10)
        frames += 1
    assert frames >= 5, frames
    assert not controller.status_label.isVisibleTo(window)  # the requests are still hanging
    assert xyz_server.paths  # the tiles were asked for, in the background
    qtbot.waitUntil(lambda: controller.status_label.isVisibleTo(window), timeout=30_000)
    assert "svarer ikke" in controller.status_label.text()
    labels = [w for w in window.statusBar().findChildren(type(controller.status_label))
              if "svarer ikke" in w.text()]
    assert len(labels) == 1


def test_fetch_data_loads_in_its_role_and_the_project_remembers(qtbot, window, wfs_server,
                                                                tmp_path) -> None:
    """File → Hent data… on a WFS URL: the layer on the map as §3, recorded in the project
    with its service, its age in the dashboard; refresh fetches it again."""
    from naturplan.gui.basemap.fetch_dialog import FetchChoice
    from naturplan.io.project.settings import PLAN_KEY

    actions = window.services.actions
    assert actions.act_fetch in window.file_menu.actions()
    out = tmp_path / "fetched_p3.gpkg"
    before = len(window.dataset.by_role(Role.NATURE_P3))
    task = actions.fetch(FetchChoice(wfs_server.url, "p3", None, Role.NATURE_P3, out))
    qtbot.waitUntil(lambda: not task.running, timeout=60_000)
    qtbot.waitUntil(lambda: len(window.dataset.by_role(Role.NATURE_P3)) == before + 1,
                    timeout=10_000)
    fetched = window.dataset.by_role(Role.NATURE_P3)[-1]
    assert fetched.feature_count == SERVED_COUNT
    record = window.session.store.settings()[PLAN_KEY]
    services = [la["service"] for la in record["layers"] if la.get("service")]
    assert services and services[0]["url"] == wfs_server.url
    ages = window.services.ages
    assert ages.isVisibleTo(window)
    texts = [w.text() for w in ages.findChildren(type(window.services.basemap.status_label))]
    assert any("hentet" in t and "i dag" in t for t in texts), texts
    task = actions.refresh_all()
    qtbot.waitUntil(lambda: not task.running, timeout=60_000)
    qtbot.waitUntil(lambda: window.dataset.by_role(Role.NATURE_P3)[-1] is not fetched,
                    timeout=10_000)
    assert window.dataset.by_role(Role.NATURE_P3)[-1].feature_count == SERVED_COUNT
    assert len(window.dataset.by_role(Role.NATURE_P3)) == before + 1


def test_a_fetched_layer_mapped_in_the_dialog_keeps_its_mapping_on_refresh(
        qtbot, window, wfs_mapped_server, tmp_path, monkeypatch) -> None:
    """A served schema no built-in mapping fits: the mapping dialog opens, the mapping
    chosen there is recorded with the layer in the project, and "Opdater lag fra
    webtjenester" reads the new file with it (same role, same fields)."""
    from PySide6.QtWidgets import QDialog

    from naturplan.gui.add_layer import FieldMappingDialog
    from naturplan.gui.basemap.fetch_dialog import FetchChoice
    from naturplan.io.project.settings import PLAN_KEY

    asked = []

    def choose(dialog) -> int:  # the user picks the served field for each role field
        asked.append(dialog.role)
        for name, served in MAPPED_FIELDS.items():
            combo = dialog.combos[name]
            combo.setCurrentIndex(combo.findData(served))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(FieldMappingDialog, "exec", choose)
    actions = window.services.actions
    out = tmp_path / "naturtyper.gpkg"
    before = len(window.dataset.by_role(Role.NATURE_P3))
    actions.fetch(FetchChoice(wfs_mapped_server.url, "naturtyper", None, Role.NATURE_P3, out))
    qtbot.waitUntil(lambda: len(window.dataset.by_role(Role.NATURE_P3)) == before + 1,
                    timeout=60_000)
    assert asked == [Role.NATURE_P3]
    fetched = window.dataset.by_role(Role.NATURE_P3)[-1]

    def recorded() -> dict:
        layers = window.session.store.settings()[PLAN_KEY]["layers"]
        return next(la for la in layers if la.get("service")
                    and la["service"]["layer"] == "naturtyper")

    assert recorded()["fields"] == MAPPED_FIELDS and recorded()["role"] == "nature_p3"
    task = actions.refresh_all()
    qtbot.waitUntil(lambda: not task.running, timeout=60_000)
    qtbot.waitUntil(lambda: all(la is not fetched
                                for la in window.dataset.by_role(Role.NATURE_P3)),
                    timeout=10_000)
    assert asked == [Role.NATURE_P3]  # not asked again
    fresh = [la for la in window.dataset.by_role(Role.NATURE_P3)
             if la.source.path == fetched.source.path]
    assert len(fresh) == 1 and fresh[0] is not fetched
    assert fresh[0].source.mapping == fetched.source.mapping == "user"
    served = served_nature().sort_values("Objekt_id")
    got = fresh[0].frame.sort_values("Objekt_id")
    assert list(got["Natyp_navn"]) == list(served["Natyp_navn"])
    assert recorded()["fields"] == MAPPED_FIELDS


def test_screenshot_with_a_basemap(mapserver_wms, sample_env, tmp_path) -> None:
    """``naturplan --basemap URL --screenshot``: the basemap shows in the PNG."""
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    out = tmp_path / "shot.png"
    env = {**sample_env, "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "naturplan", "--screenshot", str(out), "--basemap",
         f"{mapserver_wms.url}?SERVICE=WMS&LAYERS=checker"],
        capture_output=True, text=True, timeout=300, env={**os.environ, **env})
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    colours = {image.pixel(x, y) for x in range(400, 1000, 4) for y in range(200, 700, 4)}
    checker = {0xFF000000 | int(r) << 16 | int(g) << 8 | int(b)
               for r, g, b in (checker_colour(x, y) for x, y in cell_centres())}
    assert len(colours & checker) >= 20
    bad = subprocess.run(
        [sys.executable, "-m", "naturplan", "--screenshot", str(tmp_path / "no.png"),
         "--basemap", "nonesuch"], capture_output=True, text=True, timeout=300,
        env={**os.environ, **env})
    assert bad.returncode == 1 and "Ukendt baggrundskort nonesuch" not in bad.stdout
    assert "nonesuch" in bad.stderr and "Traceback" not in bad.stderr


def test_closing_waits_for_a_service_being_asked_then_shows_nothing(qtbot, window,
                                                                    monkeypatch) -> None:
    """A basemap still being resolved when the window closes: closing waits for a quick
    answer (no worker left to run into Qt while the process ends), and an answer that comes
    after the close is not shown."""
    import threading

    from naturplan.gui.basemap import controller as module

    release = threading.Event()

    def slow(spec, cache, lang, offline=False):
        release.wait(10)
        return None

    monkeypatch.setattr(module, "resolve_basemap", slow)
    controller = window.services.basemap
    controller.set_basemap("skaermkort", remember=False)
    quick = controller._resolver
    threading.Timer(0.3, release.set).start()
    controller.shutdown()
    assert not quick.is_alive()  # waited for the answer that came in 0.3 s

    release.clear()
    monkeypatch.setattr(module, "RESOLVE_WAIT_S", 0.05)
    changes: list[object] = []
    controller.changed.connect(lambda: changes.append(1))
    controller.set_basemap("skaermkort", remember=False)
    hanging = controller._resolver
    controller.shutdown()
    assert hanging.is_alive()  # not waited for longer than RESOLVE_WAIT_S
    release.set()
    hanging.join(5)
    qtbot.wait(200)  # a queued answer would have been shown by now
    assert not hanging.is_alive() and changes == []
