"""The print export with a basemap (issue 12): its tiles under the map, its attribution in
the sources; ``naturplan export --basemap``; the web map refuses one."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from export_helpers import Plan
from loopback import CHECKER_BOUNDS, cell_centres, checker_colour
from loopback_fixtures import *  # noqa: F403 - the loopback server fixtures

from naturplan.core.errors import ExportError
from naturplan.core.layers.roles import Role
from naturplan.export.layout.page import PrintOptions, build_layout, export_print
from naturplan.export.layout.presets import find_preset
from naturplan.export.map_layers import ordered_layers
from naturplan.io.services.basemaps import resolve_basemap
from naturplan.io.services.cache import TileCache
from naturplan.io.styles import load_styles
from naturplan.usecases.plan_data import load_plan_data


def test_pdf_with_a_basemap(qapp, plan: Plan, mapserver_wms, tmp_path: Path,
                            monkeypatch) -> None:
    """(``qapp`` first: a QApplication, not the bare QGuiApplication the page painter would
    make, or the widget tests after this one could not make windows.)"""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = resolve_basemap(f"{mapserver_wms.url}?SERVICE=WMS&LAYERS=checker", TileCache())
    assert source.attribution == "Testkort © naturplan-testen"
    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    entries = ordered_layers([*plan.dataset.layers], load_styles())
    preset = find_preset("sagsbilag_a4_staaende")
    options = PrintOptions(extent=CHECKER_BOUNDS, basemap=source)
    layout = build_layout(preset, entries, data, options, "da")
    assert layout.attribution_lines[0] == "Baggrundskort: Testkort © naturplan-testen"
    muni = [e for e in layout.layers if e.layer.role is Role.MUNICIPALITY]
    assert muni and all(e.style.symbol.fill_opacity == 0.0 for e in muni)
    out = tmp_path / "map.pdf"
    export_print(out, "pdf", preset, entries, data, options)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          timeout=60).stdout
    assert "Baggrundskort: Testkort © naturplan-testen" in text
    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-singlefile", str(out), str(prefix)],
                   check=True, timeout=120)
    from PySide6.QtGui import QImage

    image = QImage(str(prefix) + ".png")
    pw, ph = layout.page_mm
    box, (x0, y0, x1, y1) = layout.map_box, layout.map_bounds
    hits = 0
    for x, y in cell_centres():
        px = (box.x + (x - x0) / (x1 - x0) * box.w) / pw * image.width()
        py = (box.y + (y1 - y) / (y1 - y0) * box.h) / ph * image.height()
        rgb = image.pixelColor(int(px), int(py))
        got = np.array([rgb.red(), rgb.green(), rgb.blue()])
        hits += np.abs(got - checker_colour(x, y).astype(int)).max() <= 30
    assert hits >= 50, hits  # the basemap is there, at its place (the rest under layers)


def test_a_basemap_without_attribution_is_credited_to_its_host(plan: Plan) -> None:
    """A URL basemap that names no attribution: the sources still say whose tiles they
    are (the host), never nothing."""
    from naturplan.io.services.sources import xyz_source

    source = xyz_source("http://tiles.example.org:8080/{z}/{x}/{y}.png")
    assert source.attribution == "" and source.credit == "tiles.example.org"
    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    entries = ordered_layers([*plan.dataset.layers], load_styles())
    preset = find_preset("sagsbilag_a4_staaende")
    for lang, text in (("da", "Baggrundskort: tiles.example.org"),
                       ("en", "Basemap: tiles.example.org")):
        layout = build_layout(preset, entries, data,
                              PrintOptions(extent=CHECKER_BOUNDS, basemap=source), lang)
        assert layout.attribution_lines[0] == text
    named = xyz_source("http://tiles.example.org/{z}/{x}/{y}.png", attribution="© Ejer")
    assert named.credit == "© Ejer"


def test_cli_export_basemap_and_the_web_map_refuses_one(mapserver_wms, tmp_path) -> None:
    from naturplan.cli.export import _basemap

    with pytest.raises(ExportError):
        _basemap(f"{mapserver_wms.url}?SERVICE=WMS&LAYERS=checker", "html", "da")
    source = _basemap(f"{mapserver_wms.url}?SERVICE=WMS&LAYERS=checker", "png", "da")
    assert source.kind.value == "wms"
