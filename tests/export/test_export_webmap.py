"""The web map in real headless Chromium (Debian's /usr/bin/chromium) with the network off:
no JavaScript errors, the expected layers and features, every popup opened once, hostile
attribute values shown as text and never run, and a screenshot that is not blank."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from export_helpers import COUNT_JS, HOSTILE_NAME, HOSTILE_NOTE, Plan, open_page

from naturplan.core.layers.roles import Role
from naturplan.export.map_layers import ordered_layers
from naturplan.export.webmap import export_webmap
from naturplan.io.styles import load_styles
from naturplan.usecases.plan_data import load_plan_data

HOSTILE_ID = '"><img src=x onerror="window.__pwned=3">'
HOSTILE_TYPE = "</script><script>window.__pwned=4</script>"

POPUPS_JS = """() => {
  const key = Object.keys(window).find(k => k.startsWith('map_') && window[k] instanceof L.Map);
  const map = window[key];
  const texts = [];
  map.eachLayer(l => {
    if (!l.naturplan) return;
    l.eachLayer(f => {
      f.openPopup();
      const popup = f.getPopup();
      const el = popup.isOpen() && popup.getElement().querySelector('.leaflet-popup-content');
      texts.push(el ? el.textContent : null);
      f.closePopup();
    });
  });
  return texts;
}"""


def _hostile_layers(plan: Plan):  # type: ignore[no-untyped-def]
    """The dataset's layers with hostile text in one §3 polygon's attributes."""
    dataset = plan.dataset
    layers = []
    for layer in dataset.layers:
        if layer.role is Role.NATURE_P3:
            frame = layer.frame.copy()
            frame.loc[frame.index[0], "Objekt_id"] = HOSTILE_ID
            frame.loc[frame.index[1], "Natyp_navn"] = HOSTILE_TYPE
            layer = replace(layer, frame=frame)
        layers.append(layer)
    return layers


@pytest.fixture()
def webmap(plan: Plan, tmp_path: Path):  # type: ignore[no-untyped-def]
    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    entries = ordered_layers([*_hostile_layers(plan), data.candidates_layer()], load_styles())
    out = tmp_path / "kort.html"
    report = export_webmap(out, entries, data, "da", title="Byrådets <b>kort</b>")
    return out, report, entries


def test_webmap_works_offline_with_every_layer_and_popup(browser, webmap, plan: Plan) -> None:  # type: ignore[no-untyped-def]
    path, report, entries = webmap
    context, page, errors, requests = open_page(browser, path)
    try:
        counts = page.evaluate(COUNT_JS)
        roads = [e for e in entries if e.layer.role is Role.ROADS]
        assert roads  # the sample has roads; they are for walking distance, not for the web
        entries = [e for e in entries if e.layer.role is not Role.ROADS]
        expected = {e.title("da"): len(e.layer.frame) for e in entries
                    if hasattr(e.layer, "frame")}
        assert counts["layers"] == expected
        assert roads[0].title("da") not in page.content()
        rasters = sum(1 for e in entries if not hasattr(e.layer, "frame"))
        assert counts["overlays"] == len(expected) + rasters
        texts = page.evaluate(POPUPS_JS)
        assert len(texts) == sum(expected.values())
        assert all(t for t in texts), "a popup opened empty"
        assert errors == []
        assert [u for u in requests if not u.startswith(("file:", "data:"))] == []
        candidate_texts = [t for t in texts if "Ny natur" in t]
        assert len(candidate_texts) == len(plan.candidates)
        assert any("Vådlægning ved Æbelø Å" in t and "Udtagning af lavbundsjord" in t
                   for t in candidate_texts)
        shot = page.screenshot()
    finally:
        context.close()
    _assert_not_blank(shot)


def test_hostile_values_show_as_text_and_never_run(browser, webmap) -> None:  # type: ignore[no-untyped-def]
    path, _, _ = webmap
    source = path.read_text(encoding="utf-8")
    for text in (HOSTILE_NAME, HOSTILE_NOTE, HOSTILE_ID, HOSTILE_TYPE, "<b>kort</b>"):
        assert text not in source  # never raw in the page
    assert not re.search(r'<script[^>]+src=|<link[^>]+href="?http', source)
    context, page, errors, _ = open_page(browser, path)
    try:
        texts = page.evaluate(POPUPS_JS)
        assert page.evaluate("() => window.__pwned === undefined")
        assert page.evaluate("() => document.querySelectorAll('img[src=\"x\"]').length") == 0
        assert any(HOSTILE_NAME in t and HOSTILE_NOTE in t for t in texts)
        assert any(HOSTILE_ID in t for t in texts)
        assert any(HOSTILE_TYPE in t for t in texts)
        assert "Byrådets <b>kort</b>" in page.inner_text(".np-title")
        assert errors == []
    finally:
        context.close()


def test_webmap_says_synthetic_and_attributes_sources(webmap) -> None:  # type: ignore[no-untyped-def]
    path, report, _ = webmap
    page = path.read_text(encoding="utf-8")
    assert "syntetisk eksempel" in page and "syntetiske eksempeldata" in page
    assert "SDFI" in page and "EPSG:25832" in page
    assert report.size == path.stat().st_size < 10_000_000


def _assert_not_blank(png: bytes) -> None:
    import warnings

    from rasterio.errors import NotGeoreferencedWarning
    from rasterio.io import MemoryFile

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NotGeoreferencedWarning)  # a screenshot has no CRS
        with MemoryFile(io.BytesIO(png).read()) as memory, memory.open() as image:
            pixels = image.read()[:3].reshape(3, -1).T
    colours = np.unique(pixels[:: 7], axis=0)
    background = np.all(pixels == pixels[0], axis=1).mean()
    assert len(colours) > 50 and background < 0.9
