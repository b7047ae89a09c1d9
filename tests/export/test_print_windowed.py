"""A print of a windowed layer (issue 24 §2: the national parcels, read per window through the
GeoPackage R-tree) draws exactly the features in the page's frame - the same page as the whole
layer gives - and a frame with too many features leaves the layer out with a note on the page,
never silently empty."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from export_helpers import Plan

from naturplan.core.layers.layer import WindowedLayer
from naturplan.core.layers.roles import Role
from naturplan.export.layout.page import PrintOptions, build_layout, export_print
from naturplan.export.layout.presets import find_preset
from naturplan.export.map_layers import ordered_layers
from naturplan.io import windowed
from naturplan.io.loading import LayerRequest, load_layer
from naturplan.io.styles import load_styles
from naturplan.usecases.plan_data import load_plan_data

PRESET = "sagsbilag_a4_staaende"
SIZE, STEP, ROWS = 40.0, 60.0, 30  # 900 squares of 40 m, 20 m apart


def _grid(path: Path, centre: tuple[float, float]) -> gpd.GeoDataFrame:
    x0, y0 = centre[0] - ROWS * STEP / 2, centre[1] - ROWS * STEP / 2
    boxes, codes, numbers = [], [], []
    for i in range(ROWS):
        for j in range(ROWS):
            x, y = x0 + i * STEP, y0 + j * STEP
            boxes.append(shapely.box(x, y, x + SIZE, y + SIZE))
            codes.append(1000 + i)
            numbers.append(f"{j}a")
    frame = gpd.GeoDataFrame({"ejerlavskode": codes, "matrikelnummer": numbers,
                              "ejerlavsnavn": [f"Ejerlav {c}" for c in codes]},
                             geometry=boxes, crs="EPSG:25832")
    frame.to_file(path, layer="jordstykke", driver="GPKG")
    return frame


def _keys(frame: gpd.GeoDataFrame) -> set[tuple[int, str]]:
    return set(zip(frame["ejerlavskode"].astype(int), frame["matrikelnummer"].astype(str),
                   strict=True))


@pytest.fixture()
def windowed_input(plan: Plan, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    centre = plan.dataset.municipality.geometry.representative_point()
    grid = _grid(tmp_path / "matrikler.gpkg", (centre.x, centre.y))
    request = LayerRequest(Role.PARCELS, tmp_path / "matrikler.gpkg", "jordstykke")
    monkeypatch.setattr(windowed, "WINDOWED_MIN_FEATURES", 500)  # 900 > 500: windowed
    assert windowed.can_window(request)
    whole, window = load_layer(request), windowed.open_windowed(request)
    assert len(window.frame) == 0 and window.feature_count == len(grid)
    styles = load_styles()
    others = [layer for layer in plan.dataset.layers if layer.role is not Role.PARCELS]
    entries = {name: ordered_layers([*others, layer, data.candidates_layer()], styles)
               for name, layer in (("whole", whole), ("window", window))}
    # the page's frame cuts the grid: a third of its squares lie outside
    extent = (centre.x - 600.0, centre.y - 900.0, centre.x + 600.0, centre.y + 300.0)
    return data, entries, grid, PrintOptions(title="Matrikler", extent=extent, scale=10_000)


def _parcels(layout) -> gpd.GeoDataFrame:  # type: ignore[no-untyped-def]
    return next(e.layer.frame for e in layout.layers if e.layer.role is Role.PARCELS)


def test_the_page_holds_exactly_the_features_in_its_frame(windowed_input) -> None:  # type: ignore[no-untyped-def]
    data, entries, grid, options = windowed_input
    layout = build_layout(find_preset(PRESET), entries["window"], data, options)
    inside = grid[grid.intersects(shapely.box(*layout.map_bounds))]
    assert 50 < len(inside) < len(grid)
    drawn = _parcels(layout)
    assert _keys(drawn) == _keys(inside)
    shown = next(e.layer for e in layout.layers if e.layer.role is Role.PARCELS)
    assert isinstance(shown, WindowedLayer) and not shown.capped
    assert layout.notices == [] or all("Matrikler" not in n for n in layout.notices)


def _pixels(path: Path) -> np.ndarray:
    from PySide6.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3].copy()


def test_the_printed_window_is_the_page_of_the_whole_layer(windowed_input,  # type: ignore[no-untyped-def]
                                                             tmp_path: Path) -> None:
    data, entries, _grid_frame, options = windowed_input
    pages = {}
    for name in ("whole", "window"):
        out = tmp_path / f"{name}.png"
        export_print(out, "png", find_preset(PRESET), entries[name], data, options)
        pages[name] = _pixels(out)
    # and not the page without parcels (what the window printed before: an empty layer)
    bare = [e for e in entries["whole"] if e.layer.role is not Role.PARCELS]
    export_print(tmp_path / "bare.png", "png", find_preset(PRESET), bare, data, options)
    assert pages["whole"].shape == pages["window"].shape
    # the same page up to anti-aliasing where a square is cut by the frame (at most 8 of 255)
    diff = np.abs(pages["whole"].astype(int) - pages["window"].astype(int))
    assert diff.max() <= 8 and np.count_nonzero(diff) < 0.001 * diff.size
    bare_diff = np.abs(pages["window"].astype(int) - _pixels(tmp_path / "bare.png").astype(int))
    assert np.count_nonzero(bare_diff > 8) > 100 * max(1, np.count_nonzero(diff))


def test_a_frame_too_full_leaves_the_layer_out_and_says_so_on_the_page(  # type: ignore[no-untyped-def]
        windowed_input, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data, entries, grid, options = windowed_input
    monkeypatch.setattr(windowed, "MAX_WINDOW_FEATURES", 100)
    layout = build_layout(find_preset(PRESET), entries["window"], data, options)
    assert len(_parcels(layout)) == 0
    in_boxes = windowed.count_in(
        next(e.layer for e in entries["window"] if e.layer.role is Role.PARCELS),
        layout.map_bounds)
    assert in_boxes == len(grid[grid.intersects(shapely.box(*layout.map_bounds))])
    [note] = [n for n in layout.notices if "tegnes ikke" in n]
    assert f"{in_boxes:,}".replace(",", ".") in note and "100" in note
    assert note in layout.meta_lines
    out = tmp_path / "fuld.pdf"
    report = export_print(out, "pdf", find_preset(PRESET), entries["window"], data,
                          replace(options))
    assert note in report.notices
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "tegnes ikke" in " ".join(text.split())
