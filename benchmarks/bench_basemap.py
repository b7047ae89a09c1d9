"""Issue 12 benchmark: basemap tile drawing per frame from the memory cache, and a pan.

Tiles are made here (photo-like noise PNGs, 256 px, the hardest case for the PNG decoder)
and written to a disk cache in a temporary folder; no server and no network. Measured:

- *draw*: :meth:`BasemapLayer.draw` of a whole view from memory, per frame, while panning
  (the cost the canvas pays on every paint), for native EPSG:25832 tiles (View1 grid) and
  for XYZ tiles in EPSG:3857 (warped once when they arrive, then drawn like native ones);
- *load*: a whole view's tiles from the disk cache into memory (read, decode, warp), what
  a screen of tiles costs the worker threads after a jump (not the GUI thread);
- *draw, before*: the same tiles smooth-scaled into place on every paint, as the layer
  drew them before it kept them scaled (the baseline for *draw*, in the same run);
- *pan*: ``canvas.repaint()`` while panning as ``measure_pan`` does (the window exposed
  first, every repaint checked to have painted) with the basemap under the frame, against
  the same canvas without it: alternating frame by frame, so both see the same load.

Target: a pan still repaints in < 16 ms. Run by hand:

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_basemap.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIZES = ((1000, 760), (1920, 1080))


def _png(seed: int) -> bytes:
    import numpy as np
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage

    rng = np.random.default_rng(seed)
    rgb = rng.integers(0, 255, (256, 256, 4), dtype=np.uint8)
    rgb[..., 3] = 255
    image = QImage(rgb.data, 256, 256, 256 * 4, QImage.Format.Format_RGBA8888).copy()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _fill_cache(layer, views, seed: int = 0) -> int:  # type: ignore[no-untyped-def]
    """Put a PNG for every tile the views need into the layer's disk cache."""
    keys = set()
    for view in views:
        keys.update(layer.plan(view)[1])
    pngs = [_png(seed + i) for i in range(16)]
    for i, key in enumerate(sorted(keys)):
        layer.loader.cache.put(layer.source.cache_id, key, pngs[i % len(pngs)])
    return len(keys)


def _pans(view, steps: int = 40):  # type: ignore[no-untyped-def]
    return [view.panned(37.0 * (i % 7 - 3), 23.0 * (i % 5 - 2)) for i in range(steps)]


def _stats(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return (f"median {statistics.median(times) * 1000:6.2f} ms, p95 {p95 * 1000:6.2f} ms, "
            f"max {times[-1] * 1000:6.2f} ms")


def _draw(layer, painter, view) -> int:  # type: ignore[no-untyped-def]
    drawn = layer.draw(painter, view, 1.0, request=False)
    assert not drawn.missing
    return int(drawn.drawn)


def _draw_scaling_each_paint(layer, painter, view) -> int:  # type: ignore[no-untyped-def]
    """The draw before tiles were kept scaled: every tile smooth-scaled into its rounded
    rectangle on every paint (the baseline, in the same run)."""
    from PySide6.QtGui import QPainter

    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    _, keys = layer.plan(view)
    for key in keys:
        tile = layer.memory.get(key)
        painter.drawImage(layer._target(view, tile.bounds), tile.image)  # noqa: SLF001
    return len(keys)


def bench_draw(name: str, source, cache, repeat: int) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QColor, QImage, QPainter

    from naturplan.render.basemap import BasemapLayer
    from naturplan.render.view import MapView

    for width, height in SIZES:
        view = MapView(556_000.0, 6_321_000.0, 4.0, width, height)
        layer = BasemapLayer(source, cache, offline=True)
        n = _fill_cache(layer, _pans(view))
        loads = []
        for _ in range(repeat):
            layer.memory.clear()
            t0 = time.perf_counter()
            stats = layer.ensure(view)
            loads.append(time.perf_counter() - t0)
            assert not stats.missing, stats.missing
        for pan in _pans(view):
            layer.ensure(pan)
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        times, scaled_each_paint = [], []
        for _ in range(repeat):
            for pan in _pans(view):
                for way, into in ((_draw, times), (_draw_scaling_each_paint, scaled_each_paint)):
                    image.fill(QColor("#dde6ec"))
                    painter = QPainter(image)
                    t0 = time.perf_counter()
                    drawn = way(layer, painter, pan)
                    into.append(time.perf_counter() - t0)
                    painter.end()
        print(f"{name:<26} {width}x{height}: draw {_stats(times)}; "
              f"{drawn} tiles/frame; load {len(stats.missing) or stats.wanted} tiles "
              f"from disk {statistics.median(loads) * 1000:6.1f} ms (median); {n} cached")
        print(f"{name:<26} {width}x{height}: same tiles scaled on every paint (before): "
              f"{_stats(scaled_each_paint)}")
        layer.close()


def _exposed(canvas, app) -> None:  # type: ignore[no-untyped-def]
    """Show the canvas and let the event loop expose it: before that, ``repaint()`` paints
    nothing and a pan would be timed at 0 ms."""
    canvas.show()
    deadline = time.perf_counter() + 5.0
    while time.perf_counter() < deadline:
        app.processEvents()
        handle = canvas.windowHandle()
        if handle is not None and handle.isExposed():
            return
        time.sleep(0.01)
    raise SystemExit("the canvas was never exposed; no repaint could be timed")


def _pan_painted(canvas, steps: int) -> list[float]:  # type: ignore[no-untyped-def]
    """``measure_pan``, checked: every repaint really ran ``paintEvent``."""
    from naturplan.gui.map.canvas import measure_pan

    painted = []
    canvas.overlays.append(painted.append)
    try:
        times = measure_pan(canvas, steps)
    finally:
        canvas.overlays.remove(painted.append)
    if len(painted) != steps:
        raise SystemExit(f"{len(painted)} of {steps} repaints painted; the timing is void")
    return times


def _pan_alternating(canvas, controller, steps: int):  # type: ignore[no-untyped-def]
    """Repaints while panning as ``measure_pan`` pans, every other one with the basemap
    under the frame: both halves see the same machine load (it is shared and noisy).
    Returns (seconds without, seconds with); every repaint is checked to have painted."""
    painted: list[object] = []
    canvas.overlays.append(painted.append)
    without, with_basemap = [], []
    try:
        for i in range(steps):
            on = i % 4 in (1, 2)  # off, on, on, off: each follows each equally often
            if on and controller.paint not in canvas.underlays:
                canvas.underlays.append(controller.paint)
            elif not on and controller.paint in canvas.underlays:
                canvas.underlays.remove(controller.paint)
            canvas.view = canvas.view.panned(3.0 if i % 2 else -3.0, 2.0)
            start = time.perf_counter()
            canvas.repaint()
            (with_basemap if on else without).append(time.perf_counter() - start)
    finally:
        canvas.overlays.remove(painted.append)
        if controller.paint not in canvas.underlays:
            canvas.underlays.append(controller.paint)
    if len(painted) != steps:
        raise SystemExit(f"{len(painted)} of {steps} repaints painted; the timing is void")
    return without, with_basemap


def _measured_views(view, steps: int):  # type: ignore[no-untyped-def]
    """The views ``measure_pan`` visits in *steps* steps from *view* (it drifts 2 px a
    step): their tiles are put in memory first, so that the pan draws whole tiles."""
    views = []
    for i in range(steps):
        view = view.panned(3.0 if i % 2 else -3.0, 2.0)
        views.append(view)
    return views


def _tiles_drawn(layer, view) -> int:  # type: ignore[no-untyped-def]
    """Tiles the basemap draws for *view* from memory; none may be missing."""
    from PySide6.QtGui import QImage, QPainter

    image = QImage(view.width, view.height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    drawn = layer.draw(painter, view, 1.0, request=False)
    painter.end()
    if drawn.missing:
        raise SystemExit(f"{len(drawn.missing)} tiles missing from memory during the pan")
    return int(drawn.drawn)


def bench_pan(name: str, source, cache, repeat: int) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from naturplan.core.layers.roles import Role
    from naturplan.gui.basemap.controller import BasemapController
    from naturplan.gui.map.canvas import MapCanvas
    from naturplan.gui.map.map_layers import MapLayerList
    from naturplan.io.loading import LayerRequest, load_layer
    from naturplan.io.paths import AALBORG_BOUNDARY, layers_dir
    from naturplan.io.styles import load_styles
    from naturplan.render.view import MapView

    app = QApplication.instance()
    layers = MapLayerList()
    boundary = load_layer(LayerRequest(Role.MUNICIPALITY, layers_dir() / AALBORG_BOUNDARY))
    layers.set_layers([boundary], load_styles())
    for width, height in SIZES:
        canvas = MapCanvas(layers)
        canvas.resize(width, height)
        _exposed(canvas, app)
        start = MapView(556_000.0, 6_321_000.0, 4.0, width, height)
        canvas.set_view(start)
        canvas.render_now()
        base = []
        for _ in range(repeat):
            base += _pan_painted(canvas, 40)
        settings = QSettings(str(Path(tempfile.mkdtemp()) / "s.ini"), QSettings.Format.IniFormat)
        controller = BasemapController(canvas, None, settings, cache=cache)
        controller.offline = True
        controller._install(source)  # noqa: SLF001 - the benchmark skips the resolver
        canvas.set_view(start)
        visited = _measured_views(start, 40 * repeat)
        _fill_cache(controller.layer, visited)
        for view in visited:
            controller.layer.ensure(view)
        canvas.render_now()
        without, with_basemap = _pan_alternating(canvas, controller, 40 * repeat)
        tiles = _tiles_drawn(controller.layer, canvas.view)
        print(f"{name:<26} pan repaint {width}x{height}, no basemap, canvas alone: "
              f"{_stats(base)}")
        print(f"{name:<26} pan repaint {width}x{height}, basemap off (alternating): "
              f"{_stats(without)}")
        print(f"{name:<26} pan repaint {width}x{height}, basemap on  (alternating): "
              f"{_stats(with_basemap)}; {tiles} tiles drawn, none missing")
        controller.shutdown()
        canvas.shutdown()
        canvas.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from naturplan.io.services.cache import TileCache
    from naturplan.io.services.grids import danish_grid
    from naturplan.io.services.sources import SourceKind, TileSource, xyz_source

    app = QApplication.instance() or QApplication([])  # noqa: F841
    folder = Path(tempfile.mkdtemp(prefix="naturplan-bench-basemap-"))
    cache = TileCache(folder / "tiles.sqlite")
    native = TileSource("view1", "View1 (EPSG:25832)", SourceKind.WMTS,
                        "http://127.0.0.1:9/{TileMatrix}/{TileCol}/{TileRow}.png",
                        danish_grid())
    mercator = xyz_source("http://127.0.0.1:9/{z}/{x}/{y}.png", title="XYZ (EPSG:3857)")
    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M')}, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    bench_draw("native View1 (25832)", native, cache, args.repeat)
    bench_draw("XYZ 3857, warped", mercator, cache, args.repeat)
    bench_pan("native View1 (25832)", native, cache, args.repeat)
    bench_pan("XYZ 3857, warped", mercator, cache, args.repeat)
    print(f"load average at the end {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
