"""The print layout as PDF and PNG: pdftoppm shows a map that is not blank, pdftotext finds
the title, the scale bar's unit, EPSG:25832 and the 17 % target; transparency stays vector;
the legend lists only the classes in the frame; the scale is readable; cancel leaves nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import shapely
from export_helpers import Plan

from naturplan.core.errors import ExportError, OperationCancelled
from naturplan.core.feedback import Feedback
from naturplan.core.layers.roles import Role
from naturplan.export.layout.page import (
    PrintOptions,
    build_layout,
    export_print,
    readable_scale,
)
from naturplan.export.layout.presets import find_preset, list_presets
from naturplan.export.map_layers import ordered_layers
from naturplan.io.styles import load_styles
from naturplan.usecases.plan_data import load_plan_data


@pytest.fixture()
def export_input(plan: Plan):  # type: ignore[no-untyped-def]
    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    entries = ordered_layers([*plan.dataset.layers, data.candidates_layer()], load_styles())
    return data, entries


def _page_pixels(pdf: Path, tmp_path: Path, dpi: int = 40) -> np.ndarray:
    from PySide6.QtGui import QImage

    prefix = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-singlefile", str(pdf), str(prefix)],
                   check=True, timeout=120)
    image = QImage(str(prefix) + ".png").convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3].reshape(
        image.height(), image.width(), 3)


def _map_region(pixels: np.ndarray, layout) -> np.ndarray:  # type: ignore[no-untyped-def]
    h, w = pixels.shape[:2]
    pw, ph = layout.page_mm
    box = layout.map_box
    x0, x1 = int(box.x / pw * w) + 2, int((box.x + box.w) / pw * w) - 2
    y0, y1 = int(box.y / ph * h) + 2, int((box.y + box.h) / ph * h) - 2
    return pixels[y0:y1, x0:x1]


@pytest.mark.parametrize("preset", ["byraadsmoede_a3_liggende", "sagsbilag_a4_staaende"])
def test_pdf_has_a_map_and_the_texts(export_input, tmp_path: Path, preset: str) -> None:  # type: ignore[no-untyped-def]
    data, entries = export_input
    out = tmp_path / "kort.pdf"
    p = find_preset(preset)
    report = export_print(out, "pdf", p, entries, data, PrintOptions(title="Byrådsmøde æøå"))
    assert report.size == out.stat().st_size > 10_000
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Byrådsmøde æøå" in text
    assert " km" in text  # the scale bar's unit
    assert "EPSG:25832" in text
    assert "17 %" in text and "20 %" in text
    assert "syntetiske eksempeldata" in text.lower() or "Syntetiske eksempeldata" in text
    assert "Signaturforklaring" in text and "Kilder" in text
    layout = build_layout(p, entries, data, PrintOptions(title="x"))
    region = _map_region(_page_pixels(out, tmp_path), layout)
    colours = np.unique(region.reshape(-1, 3)[::5], axis=0)
    background = np.all(region == region[2, 2], axis=-1).mean()
    assert len(colours) > 30 and background < 0.8, (len(colours), background)


def test_transparency_stays_vector(export_input, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Semi-transparent layers cost no more than opaque ones: no layer becomes a bitmap."""
    data, entries = export_input
    preset = find_preset("sagsbilag_a4_staaende")
    vectors = [e for e in entries if hasattr(e.layer, "frame")]
    assert any(e.style.opacity < 1 for e in vectors)
    transparent, opaque = tmp_path / "t.pdf", tmp_path / "o.pdf"
    export_print(transparent, "pdf", preset, vectors, data)
    export_print(opaque, "pdf", preset,
                 [replace(e, style=e.style.with_opacity(1.0)) for e in vectors], data)
    ratio = transparent.stat().st_size / opaque.stat().st_size
    assert ratio < 1.3, ratio
    if shutil.which("pdfimages"):
        images = subprocess.run(["pdfimages", "-list", str(transparent)], capture_output=True,
                                text=True, check=True).stdout.strip().splitlines()
        assert len(images) <= 2, images  # header lines only: no bitmap in the page


def test_png_at_300_dpi(export_input, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    data, entries = export_input
    out = tmp_path / "kort.png"
    export_print(out, "png", find_preset("sagsbilag_a4_staaende"), entries, data)
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2480, 3508)  # A4 at 300 dpi
    assert round(image.dotsPerMeterX() * 0.0254) == 300


def test_legend_lists_only_the_classes_in_the_frame(export_input, plan: Plan) -> None:  # type: ignore[no-untyped-def]
    data, entries = export_input
    p3 = plan.dataset.vector(Role.NATURE_P3)[0].frame
    target = p3.geometry.iloc[int(np.argmin(p3.geometry.area.to_numpy()))]
    c = target.centroid
    preset = find_preset(None)
    layout = build_layout(preset, entries, data,
                          PrintOptions(extent=(c.x - 300, c.y - 300, c.x + 300, c.y + 300)))
    frame = shapely.box(*layout.map_bounds)
    expected = set(p3.loc[p3.geometry.intersects(frame), "Natyp_navn"])
    group = next(g for g in layout.legend if g.title.startswith("Beskyttet natur"))
    assert {e.label.da for e in group.entries} == expected
    assert len(expected) < 6  # a small frame does not hold every type


def test_readable_scale_and_fit() -> None:
    assert readable_scale(48_312) == 50_000
    assert readable_scale(120_001) == 125_000
    assert readable_scale(1_000) == 1_000
    assert readable_scale(7_400) == 7_500
    with pytest.raises(ExportError):
        readable_scale(-1)


def test_map_fits_the_extent_at_a_readable_scale(export_input) -> None:  # type: ignore[no-untyped-def]
    data, entries = export_input
    preset = find_preset(None)
    layout = build_layout(preset, entries, data)
    minx, miny, maxx, maxy = data.dataset.municipality.geometry.bounds
    bx = layout.map_bounds
    assert bx[0] <= minx and bx[1] <= miny and bx[2] >= maxx and bx[3] >= maxy
    mantissa = layout.scale / 10 ** np.floor(np.log10(layout.scale))
    assert mantissa in (1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5)
    fixed = build_layout(preset, entries, data, PrintOptions(scale=25_000))
    assert fixed.scale == 25_000


def test_cancel_leaves_no_file(export_input, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data, entries = export_input
    feedback = Feedback()
    feedback.cancel()
    out = tmp_path / "kort.pdf"
    with pytest.raises(OperationCancelled):
        export_print(out, "pdf", find_preset(None), entries, data, feedback=feedback)
    assert not out.exists() and not list(tmp_path.glob("*.part"))


def test_presets_are_editable_toml(tmp_path: Path) -> None:
    keys = {p.key for p in list_presets()}
    assert {"byraadsmoede_a3_liggende", "sagsbilag_a4_staaende"} <= keys
    assert find_preset("Byrådsmøde, A3 liggende").page_mm == (420.0, 297.0)
    (tmp_path / "mine.toml").write_text('paper = "A5"\n', encoding="utf-8")
    with pytest.raises(ExportError, match="paper"):
        list_presets(tmp_path)
    with pytest.raises(ExportError, match="Presets"):
        find_preset("nope")


def test_cli_export_pdf_with_extent_and_scale(plan: Plan, tmp_path: Path,
                                              sample_env: dict[str, str]) -> None:
    c = plan.dataset.municipality.geometry.centroid
    out = tmp_path / "udsnit.pdf"
    env = {**os.environ, **sample_env}
    args = [sys.executable, "-m", "naturplan", "export", "--out", str(out), "--project",
            str(plan.path), "--extent", f"{c.x - 2500},{c.y - 2500},{c.x + 2500},{c.y + 2500}",
            "--scale", "50000", "--title", "Udsnit", "--preset", "sagsbilag_a4_staaende"]
    result = subprocess.run(args, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Udsnit" in text and "1:50.000" in text
    bad = subprocess.run([*args[:-4], "--extent", "1,2,3"], capture_output=True, text=True,
                         timeout=300, env=env)
    assert bad.returncode == 1 and "MINX,MINY,MAXX,MAXY" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_ledger_says_when_a_protected_role_has_no_layer(plan: Plan) -> None:
    """A 0 % share because no §3 layer is loaded is said on the map, not left silent."""
    from naturplan.core.layers.dataset import Dataset
    from naturplan.export.ledger_table import ledger_table

    dataset = Dataset(plan.dataset.municipality,
                      [layer for layer in plan.dataset.layers if layer.role is not Role.NATURE_P3])
    table = ledger_table(load_plan_data(dataset, (Role.NATURE_P3,)), "da")
    assert table.rows[0][1] == "0,00 %"
    assert any("nature_p3" in note and "intet" in note.lower() for note in table.notes)
