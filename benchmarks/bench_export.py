"""Export times and sizes at full Aalborg scale (issue 10): PDF, PNG, HTML, candidate tables.

Run by hand (not a test)::

    python3 benchmarks/bench_export.py [--scale 1.0] [--out /tmp/naturplan-bench]

Baselines measured in the same run, so the ratios hold on a busy machine:

- the screen: one 1400 × 880 frame of the same layers drawn by the same renderer;
- a PDF drawn the way the screen draws semi-transparent layers (each into an image first),
  which is what the print must not do (QGIS users report 10× PDF sizes);
- folium's plain ``GeoJson`` of the same layers, unsimplified, with ``GeoJsonPopup``:
  the size the web map would have without the budget (and its CDN links).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _timed(label: str, fn):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    value = fn()
    seconds = time.perf_counter() - start
    print(f"  {label:<44} {seconds:7.2f} s", flush=True)
    return value, seconds


def _size(path: Path) -> str:
    return f"{path.stat().st_size / 1e6:6.2f} MB"


def main() -> None:  # noqa: PLR0915 - a linear script
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=Path("/tmp/naturplan-bench"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from naturplan.core.layers.roles import Role
    from naturplan.core.plan.candidates import Candidate
    from naturplan.export.layout.page import export_print
    from naturplan.export.layout.presets import find_preset
    from naturplan.export.map_layers import ordered_layers
    from naturplan.export.tables import export_candidates
    from naturplan.export.webmap import export_webmap
    from naturplan.io.datasets import DatasetRequest, open_dataset
    from naturplan.io.styles import load_styles
    from naturplan.usecases.plan_data import load_plan_data

    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M')}")
    dataset, _ = _timed("open dataset", lambda: open_dataset(DatasetRequest(
        sample_scale=args.scale)))
    for layer in dataset.layers:
        print(f"    {layer.role.value:<13} {layer.feature_count:>10,}")
    data = load_plan_data(dataset, (Role.NATURE_P3,))
    data.candidates = _candidates(dataset, Candidate)
    from naturplan.core.plan.ledger import Ledger

    share, index = dataset.protected((Role.NATURE_P3,))
    ledger = Ledger(dataset.municipality.geometry, index, share)
    ledger.reset(data.candidates)
    data.ledger = ledger.result()
    entries = ordered_layers([*dataset.layers, data.candidates_layer()], load_styles())

    print("print (A3 landscape, whole municipality):")
    preset = find_preset(None)
    _, screen_s = _timed("baseline: one screen frame 1400x880", lambda: _screen(entries, dataset))
    pdf = args.out / "kort.pdf"
    report, pdf_s = _timed("PDF (vector)", lambda: export_print(pdf, "pdf", preset, entries,
                                                                 data))
    print(f"    size {_size(pdf)}, scale 1:{report.scale:,.0f}, {pdf_s / screen_s:.1f}× a frame")
    flat = args.out / "kort_billedlag.pdf"
    _timed("baseline: PDF with layer images (screen way)",
           lambda: _pdf_with_layer_images(flat, preset, entries, data))
    print(f"    size {_size(flat)}: {flat.stat().st_size / pdf.stat().st_size:.1f}× ours")
    png = args.out / "kort.png"
    _, png_s = _timed("PNG 300 dpi", lambda: export_print(png, "png", preset, entries, data))
    print(f"    size {_size(png)}, {png_s / screen_s:.1f}× a frame")

    print("web map:")
    html = args.out / "kort.html"
    web, web_s = _timed("HTML (folium, Leaflet inlined)",
                        lambda: export_webmap(html, entries, data))
    print(f"    size {_size(html)}, tolerance {web.tolerance_m:g} m, left out: "
          f"{', '.join(web.left_out) or '-'}")
    for title, n in web.layers.items():
        print(f"      {title:<60} {n:>8,}")
    plain = args.out / "kort_folium_plain.html"
    _timed("baseline: folium GeoJson + GeoJsonPopup, unsimplified",
           lambda: _plain_folium(plain, entries, web.left_out))
    print(f"    size {_size(plain)}: {plain.stat().st_size / html.stat().st_size:.1f}× ours")

    print("candidate tables:")
    records = data.records()
    for suffix in (".xlsx", ".csv", ".gpkg", ".shp", ".geojson"):
        path = args.out / f"kandidater{suffix}"
        _timed(f"{len(records)} candidates → {suffix}",
               lambda p=path: export_candidates(p, records))


def _candidates(dataset, candidate_cls):  # type: ignore[no-untyped-def]
    """100 candidate areas spread over the municipality (deterministic)."""
    import numpy as np
    import shapely

    muni = dataset.municipality.geometry
    minx, miny, maxx, maxy = muni.bounds
    rng = np.random.default_rng(10)
    out = []
    kinds = ("lowland", "afforestation", "connectivity")
    while len(out) < 100:
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        geom = shapely.box(x, y, x + rng.uniform(200, 900), y + rng.uniform(200, 900))
        if muni.contains(geom):
            out.append(candidate_cls.new(kinds[len(out) % 3], geom, f"Område {len(out) + 1}"))
    return out


def _screen(entries, dataset):  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QGuiApplication

    from naturplan.render import MapRenderer, MapView, RenderItem

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841
    view = MapView.fit(dataset.municipality.geometry.bounds, 1400, 880)
    items = [RenderItem(e.layer, e.style, e.visible) for e in entries]
    return MapRenderer().render_image(view, items)


def _pdf_with_layer_images(path, preset, entries, data):  # type: ignore[no-untyped-def]
    from naturplan.export.layout.page import build_layout
    from naturplan.render import page as render_page
    from naturplan.render.renderer import MapRenderer

    class ScreenWay(MapRenderer):
        def render(self, painter, view, items, cancelled=None, **kw):  # type: ignore[no-untyped-def, override]
            kw["layer_images"] = True
            return super().render(painter, view, items, cancelled, **kw)

    layout = build_layout(preset, entries, data)
    original = render_page.PagePainter.__init__

    def init(self, layout, dpi, renderer=None):  # type: ignore[no-untyped-def]
        original(self, layout, dpi, ScreenWay())

    render_page.PagePainter.__init__ = init  # type: ignore[method-assign]
    try:
        from naturplan.core.feedback import Feedback

        render_page.write_pdf(layout, path, Feedback())
    finally:
        render_page.PagePainter.__init__ = original  # type: ignore[method-assign]


def _plain_folium(path, entries, left_out):  # type: ignore[no-untyped-def]
    import folium

    from naturplan.core.layers.layer import VectorLayer

    fmap = folium.Map(location=[57.0, 9.9], zoom_start=10, tiles=None)
    for entry in entries:
        if not isinstance(entry.layer, VectorLayer) or entry.title("da") in left_out:
            continue
        frame = entry.layer.frame
        fields = [c for c in frame.columns if c != "geometry"][:3]
        plain = frame[[*fields, "geometry"]].copy()
        for field in fields:
            plain[field] = plain[field].astype(str)
        folium.GeoJson(plain.to_crs(4326), name=entry.title("da"),
                       popup=folium.GeoJsonPopup(fields=fields) if fields else None
                       ).add_to(fmap)
    fmap.save(str(path))


if __name__ == "__main__":
    main()
