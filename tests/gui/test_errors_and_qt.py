"""Bad files give a dialog and the app keeps working; Qt's void calls do not kill Python."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QPainterPath, QPen, QPolygonF

from naturplan.core.layers.roles import Role
from naturplan.io.loading import LayerRequest


def _add_and_wait(window, qtbot, request):
    with qtbot.waitSignal(window.add_layer(request).done, timeout=60_000):
        pass


def test_corrupt_geopackage_gives_a_dialog(window, qtbot, no_dialogs, tmp_path):
    bad = tmp_path / "broken.gpkg"
    bad.write_bytes(b"this is not a GeoPackage" * 100)
    count = len(window.layers)
    _add_and_wait(window, qtbot, LayerRequest(Role.NATURE_P3, bad))
    assert len(no_dialogs) == 1
    assert "broken.gpkg" in no_dialogs[0][1]
    assert len(window.layers) == count
    window.canvas.render_now()  # still draws


def test_raster_without_crs_gives_a_dialog(window, qtbot, no_dialogs, tmp_path):
    import rasterio
    from rasterio.transform import from_origin

    path = tmp_path / "nocrs.tif"
    with rasterio.open(path, "w", driver="GTiff", width=10, height=10, count=1,
                       dtype="float32", transform=from_origin(0, 10, 1, 1)) as dst:
        dst.write(np.ones((10, 10), dtype="float32"), 1)
    _add_and_wait(window, qtbot, LayerRequest(Role.FLOOD, path))
    assert len(no_dialogs) == 1
    # Danish by the error's code, and no command-line hint in a dialog (issue 8).
    assert no_dialogs[0][1] == "'nocrs.tif' har intet koordinatsystem."


def test_geojson_with_unknown_schema_asks_for_a_field_mapping(
    window, qtbot, no_dialogs, tmp_path, monkeypatch, aalborg_point
):
    import geopandas as gpd
    import shapely

    from naturplan.gui import add_layer

    x, y = aalborg_point
    frame = gpd.GeoDataFrame({"TYPE": ["Hede"]},
                             geometry=[shapely.box(x + 5000, y, x + 5500, y + 500)], crs=25832)
    path = tmp_path / "odd.geojson"
    frame.to_file(path)
    asked = []

    def accept(dialog):
        asked.append(dialog)
        dialog.combos["Natyp_navn"].setCurrentIndex(dialog.combos["Natyp_navn"].findData("TYPE"))
        return add_layer.FieldMappingDialog.DialogCode.Accepted

    monkeypatch.setattr(add_layer.FieldMappingDialog, "exec", accept)
    count = len(window.layers)
    _add_and_wait(window, qtbot, LayerRequest(Role.NATURE_P3, path))
    qtbot.waitUntil(lambda: len(window.layers) == count + 1, timeout=60_000)
    assert asked and not no_dialogs
    added = window.layers.by_role(Role.NATURE_P3)[-1].layer
    assert list(added.frame["Natyp_navn"]) == ["Hede"]
    # the added §3 layer counts: the dashboard is recomputed by the core
    qtbot.waitUntil(lambda: "Hede" in window.dashboard_dock.share.by_type, timeout=60_000)


def test_missing_file_gives_a_dialog(window, qtbot, no_dialogs, tmp_path):
    _add_and_wait(window, qtbot, LayerRequest(Role.PARCELS, tmp_path / "nope.gpkg"))
    assert len(no_dialogs) == 1


def test_hundred_thousand_void_qt_calls():
    """PySide6 6.12.0 dies after ~5,200 of these on Python 3.11 (DESIGN.md, "Measured")."""
    pen = QPen()
    path = QPainterPath()
    polygon = QPolygonF()
    for i in range(100_000):
        pen.setWidth(i % 7)
        pen.setWidthF(0.5)
    for _ in range(2_000):
        path.addPolygon(polygon)
    assert pen.widthF() == pytest.approx(0.5)


def test_no_display_is_one_clear_line(tmp_path):
    """Without X11/Wayland Qt would abort the process; naturplan says why and exits 1."""
    import os
    import subprocess
    import sys

    from naturplan.gui.app import missing_display

    if sys.platform.startswith("linux"):
        assert "DISPLAY" in missing_display({})
    assert missing_display({"DISPLAY": ":0"}) == ""
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}) == ""
    env = {k: v for k, v in os.environ.items()
           if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}}
    done = subprocess.run([sys.executable, "-m", "naturplan", "--no-sample"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 1
    assert "no display" in done.stderr and "--screenshot" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    # A screenshot needs no screen: it falls back to offscreen by itself.
    shot = subprocess.run([sys.executable, "-m", "naturplan", "--no-sample", "--screenshot",
                           str(tmp_path / "s.png")],
                          capture_output=True, text=True, timeout=120,
                          env={**env, "XDG_DATA_HOME": str(tmp_path)})
    assert shot.returncode == 0, shot.stderr
    assert (tmp_path / "s.png").stat().st_size > 1000


def test_qt_own_buttons_speak_danish(qapp, danish_translator):
    """QDialogButtonBox, QMessageBox and QFileDialog said "Cancel" in the Danish app: Qt's own
    qtbase_da.qm (shipped in the PySide6 wheel) is installed with ours."""
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    assert (folder / "qtbase_da.qm").is_file()  # in the wheel, not only on this machine
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuller"
    box = QMessageBox(QMessageBox.Icon.Question, "t", "?",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Nej"
    from naturplan.gui.i18n import qt_translator

    assert qt_translator(qapp, "en") is None  # Qt's source words are English already
    box.deleteLater()
    buttons.deleteLater()
