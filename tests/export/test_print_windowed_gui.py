"""Eksportér kort… from the window when the parcels are read per window (issue 24 §2): the
export's background task reads the page's frame through the R-tree and the PDF holds the
parcels the page shows (their legend row), not an empty layer."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

import numpy as np
from test_export_gui import window  # noqa: F401 - the fixture: the real window on the sample

from naturplan.core.layers.layer import WindowedLayer
from naturplan.core.layers.roles import Role
from naturplan.io.loading import LayerRequest
from naturplan.io.windowed import open_windowed


def _export(dialog, qtbot, out: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    reports: list[object] = []
    dialog.exported.connect(reports.append)
    assert dialog.export(out) is not None
    qtbot.waitUntil(lambda: bool(reports), timeout=120_000)
    dialog.exported.disconnect()
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(out),
                    str(out.with_suffix(""))], check=True, timeout=120)
    image = QImage(str(out.with_suffix(".png"))).convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3].astype(
        int)


def test_the_dialog_prints_a_windowed_layer(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = window.exports.export_map()
    entry = next(e for e in dialog.layers if e.layer.role is Role.PARCELS)
    source = entry.layer.source
    windowed = open_windowed(LayerRequest(Role.PARCELS, source.path, source.layer))
    assert isinstance(windowed, WindowedLayer) and len(windowed.frame) == 0
    c = window.dataset.municipality.geometry.representative_point()
    dialog.view_bounds = (c.x - 1500, c.y - 1500, c.x + 1500, c.y + 1500)
    dialog.extent_box.setCurrentIndex(dialog.extent_box.findData("view"))
    dialog.scale_spin.setValue(10_000)
    whole_layers = list(dialog.layers)
    pages = {"whole": _export(dialog, qtbot, tmp_path / "whole.pdf")}
    dialog.layers = [dataclasses.replace(e, layer=windowed) if e is entry else e
                     for e in whole_layers]
    pages["window"] = _export(dialog, qtbot, tmp_path / "window.pdf")
    dialog.layers = [e for e in whole_layers if e is not entry]
    pages["bare"] = _export(dialog, qtbot, tmp_path / "bare.pdf")
    # the window's page is the whole layer's - up to where a label of a parcel cut by the
    # frame is placed (one label, under 0.2 % of the page) - not the page without parcels
    def differ(a, b):  # type: ignore[no-untyped-def]
        return int(np.count_nonzero(np.any(np.abs(a - b) > 8, axis=-1)))

    whole, window_page, bare = (pages[k].reshape(pages[k].shape[0], -1, 3)
                                for k in ("whole", "window", "bare"))
    same = differ(whole, window_page)
    assert same < 0.002 * whole.shape[0] * whole.shape[1]
    assert differ(bare, window_page) > 10 * max(same, 1)
    dialog.close()
