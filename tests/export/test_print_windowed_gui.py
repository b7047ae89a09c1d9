"""Eksportér kort… from the window when the parcels are read per window (issue 24 §2): the
export's background task reads the page's frame through the R-tree and the PDF holds the
parcels the page shows (their legend row), not an empty layer."""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

from test_export_gui import window  # noqa: F401 - the fixture: the real window on the sample

from naturplan.core.layers.layer import WindowedLayer
from naturplan.core.layers.roles import Role
from naturplan.io.loading import LayerRequest
from naturplan.io.windowed import open_windowed


def test_the_dialog_prints_a_windowed_layer(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    dialog = window.exports.export_map()
    entry = next(e for e in dialog.layers if e.layer.role is Role.PARCELS)
    source = entry.layer.source
    windowed = open_windowed(LayerRequest(Role.PARCELS, source.path, source.layer))
    assert isinstance(windowed, WindowedLayer) and len(windowed.frame) == 0
    dialog.layers = [dataclasses.replace(e, layer=windowed) if e is entry else e
                     for e in dialog.layers]
    c = window.dataset.municipality.geometry.representative_point()
    dialog.view_bounds = (c.x - 1500, c.y - 1500, c.x + 1500, c.y + 1500)
    dialog.extent_box.setCurrentIndex(dialog.extent_box.findData("view"))
    dialog.scale_spin.setValue(10_000)
    reports = []
    dialog.exported.connect(reports.append)
    out = tmp_path / "kort.pdf"
    assert dialog.export(out) is not None
    qtbot.waitUntil(lambda: bool(reports), timeout=120_000)
    text = " ".join(subprocess.run(["pdftotext", str(out), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "Jordstykker (matrikel)" in text  # a legend row: parcels were drawn in the frame
    dialog.close()
