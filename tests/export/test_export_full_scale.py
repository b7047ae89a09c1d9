"""At full Aalborg scale (~100,000 parcels, ~10,000 §3 polygons): the web map stays under
10 MB and works in Chromium offline with every feature that is on it; the PDF stays vector
and small."""

from __future__ import annotations

from pathlib import Path

import pytest
from export_helpers import COUNT_JS, open_page

from naturplan.core.layers.roles import Role
from naturplan.export.map_layers import ordered_layers
from naturplan.io.styles import load_styles
from naturplan.usecases.plan_data import load_plan_data

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def full_data(full_sample_dataset):  # type: ignore[no-untyped-def]
    dataset = full_sample_dataset
    data = load_plan_data(dataset, (Role.NATURE_P3,))
    return data, ordered_layers(dataset.layers, load_styles())


def test_full_scale_web_map_under_10_mb_and_working(browser, full_data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from naturplan.export.webmap import export_webmap

    data, entries = full_data
    assert len(data.dataset.vector(Role.PARCELS)[0].frame) > 90_000
    out = tmp_path / "aalborg.html"
    report = export_webmap(out, entries, data)
    assert out.stat().st_size < 10_000_000
    assert any(title.startswith("Jordstykker") for title in report.left_out)
    context, page, errors, requests = open_page(browser, out)
    try:
        counts = page.evaluate(COUNT_JS)["layers"]
    finally:
        context.close()
    assert errors == [] and [u for u in requests if not u.startswith(("file:", "data:"))] == []
    p3 = next(t for t in counts if t.startswith("Beskyttet natur"))
    assert counts[p3] == len(data.dataset.vector(Role.NATURE_P3)[0].frame)


def test_full_scale_pdf_is_small_and_vector(full_data, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import subprocess

    from naturplan.export.layout.page import export_print
    from naturplan.export.layout.presets import find_preset

    data, entries = full_data
    out = tmp_path / "aalborg.pdf"
    export_print(out, "pdf", find_preset(None), entries, data)
    assert out.stat().st_size < 8_000_000
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True,
                            check=True).stdout.strip().splitlines()[2:]
    kinds = [line.split()[2] for line in images]
    assert kinds.count("image") <= 1  # the flood raster only: no vector layer became a bitmap
