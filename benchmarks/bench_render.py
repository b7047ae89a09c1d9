"""Issue 3 benchmark: load time, frame time at full extent, and a pan of the cached image.

At full Aalborg scale (sample scale 1: ~100,000 parcels, ~10,000 §3 polygons, the flood
raster). Targets: a frame the user waits for < 100 ms at full extent, a pan repaint < 16 ms.
Run by hand (not in CI):

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_render.py [--scale 1] [--repeat 7]

Prints medians; "cold" is the first frame at a zoom level (spatial index and simplified
polygons built), "warm" the following frames at that level (what panning and toggling
layers cost).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WIDTH, HEIGHT = 1000, 760  # the canvas of a 1400 × 880 window with its docks


def _median_ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from naturplan.core.share.targets import targets_for
    from naturplan.gui.map.canvas import MapCanvas, measure_pan
    from naturplan.gui.map.map_layers import MapLayerList
    from naturplan.io.datasets import DatasetRequest, open_dataset
    from naturplan.io.styles import load_styles
    from naturplan.render import MapRenderer, MapView

    app = QApplication.instance() or QApplication([])
    request = DatasetRequest(sample_scale=args.scale)
    open_dataset(request)  # builds the sample on the very first run; not timed
    loads, shares = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        dataset = open_dataset(request)
        loads.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        dataset.protected(targets=targets_for(dataset.municipality.code))
        shares.append(time.perf_counter() - t0)
    counts = {}
    for layer in dataset.layers:
        counts[layer.role.value] = counts.get(layer.role.value, 0) + layer.feature_count
    print(f"naturplan render benchmark, scale {args.scale:g}, {platform.python_version()}, "
          f"{os.cpu_count()} cores")
    print(f"features: {counts}")
    print(f"load dataset (open_dataset)          {_median_ms(loads)}")
    print(f"protected share (core)               {_median_ms(shares)}")

    layers = MapLayerList()
    layers.set_layers(dataset.layers, load_styles())
    items = layers.render_items()
    full = MapView.fit(dataset.municipality.geometry.bounds, WIDTH, HEIGHT)
    print(f"full extent: 1:{full.scale_denominator:,.0f}, {full.resolution:.1f} m/px, "
          f"{WIDTH}×{HEIGHT} px")

    def frames(view: MapView, items: list, label: str) -> None:
        renderer = MapRenderer()
        t0 = time.perf_counter()
        _, stats = renderer.render_image(view, items)
        cold = time.perf_counter() - t0
        warm = []
        for i in range(args.repeat):
            t0 = time.perf_counter()
            renderer.render_image(view.panned(i % 3, 0), items)
            warm.append(time.perf_counter() - t0)
        drawn = sum(v for k, v in stats.features.items() if "dybde" not in k and "tif" not in k)
        print(f"{label:<37}cold {cold * 1000:7.1f} ms, warm {_median_ms(warm)}  "
              f"({drawn} features drawn)")

    frames(full, items, "frame, full extent (default styles)")
    all_scales = [replace(it, style=replace(it.style, max_scale=0.0)) for it in items]
    frames(full, all_scales, "frame, full extent, parcels forced on")
    city = MapView.fit((549_000, 6_318_000, 557_000, 6_324_000), WIDTH, HEIGHT)
    frames(city, items, f"frame, city 1:{city.scale_denominator:,.0f}")
    close = MapView.fit((551_000, 6_319_000, 553_500, 6_321_000), WIDTH, HEIGHT)
    frames(close, items, f"frame, zoomed 1:{close.scale_denominator:,.0f}")

    canvas = MapCanvas(layers)
    canvas.resize(WIDTH, HEIGHT)
    canvas.show()
    canvas.home_bounds = tuple(dataset.municipality.geometry.bounds)
    canvas.zoom_home()
    canvas.render_now()
    app.processEvents()
    pans = measure_pan(canvas, steps=60)
    worst = max(pans) * 1000
    print(f"pan repaint of the cached frame      {_median_ms(pans)} (max {worst:.1f} ms)")
    canvas.shutdown()


if __name__ == "__main__":
    main()
