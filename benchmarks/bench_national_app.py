"""The app on the national world in bounded memory (issue 24 §2), by hand.

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_national_app.py \\
        --world /tmp/naturplan-national/national_world.gpkg [--baseline OLD_CHECKOUT]

Drives the real main window offscreen, each case in a fresh process: opens the dataset
(``load_dataset``, as the app does), draws the home view, then pans across the country at
1:20,000 (parcels shown: each view set, then waited for until its windows are read and its
frame drawn), then searches 100 random parcels in the search box (the parcel controller:
search, card, dock) and times each from the typed line to the card. Reports the resident
memory after opening and after panning (``VmRSS``) and the peak (``VmHWM``), the card p50 and
p95, and the time per pan step. Cases: the national world (world from
``benchmarks/bench_national.py``: DAGI municipalities, its §3 and its parcels;
``national-all`` adds its habitat sites, lowland and addresses and the real bird areas), the
Aalborg sample at full scale with this checkout and, with ``--baseline``, with an older one
(PYTHONPATH=OLD_CHECKOUT) in the same run. Targets: RSS ≤ 1.5 GB, card p95 < 1 s.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCALE_1_20000 = 20_000 * 0.00028  # m per px at 1:20,000 on screen
#: Pan path across Denmark (EPSG:25832): Esbjerg → Odense → Copenhagen, then Aalborg.
NATIONAL_PATH = [(470_000, 6_150_000), (590_000, 6_140_000), (725_000, 6_175_000),
                 (555_000, 6_320_000)]
AALBORG_PATH = [(530_000, 6_310_000), (555_000, 6_320_000), (580_000, 6_330_000)]


def _mem() -> tuple[float, float]:
    """(VmRSS, VmHWM) of this process in MB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, value = line.split(":", 1)
            values[key] = int(value.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def _wait(window, app, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    canvas = window.canvas
    reader = getattr(canvas, "windows", None)
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        app.processEvents()
        if (reader is None or not reader.busy) and canvas.idle:
            return
        time.sleep(0.005)
    raise SystemExit("a view was not drawn in time")


def _steps(path: list[tuple[int, int]], step_m: float) -> list[tuple[float, float]]:
    out = []
    for (x0, y0), (x1, y1) in zip(path, path[1:], strict=False):
        n = max(int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / step_m), 1)
        out += [(x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(n)]
    return out


def _random_parcels(window, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Search lines ``"MATRIKEL, EJERLAVSKODE"`` of *n* random parcels of the window's data."""
    import numpy as np

    from naturplan.core.layers.roles import Role

    rng = np.random.default_rng(24)
    [parcels] = window.workspace.dataset.vector(Role.PARCELS)
    if len(parcels.frame) and not hasattr(parcels, "total"):  # held whole
        rows = rng.choice(len(parcels.frame), n, replace=False)
        frame = parcels.frame.iloc[rows]
        return [f"{m}, {int(c)}" for m, c in zip(frame["matrikelnummer"],
                                                  frame["ejerlavskode"], strict=True)]
    import sqlite3

    from naturplan.io.parcel_index import IndexedParcels

    lookup = IndexedParcels(window.workspace.dataset, parcels)
    fids = rng.choice(parcels.total, n, replace=False) + 1
    with sqlite3.connect(lookup.path) as conn:
        rows = [conn.execute(f'SELECT "{lookup.fields["ejerlavskode"]}", '
                             f'"{lookup.fields["matrikelnummer"]}" FROM "{lookup.table}" '
                             "WHERE fid = ?", (int(f),)).fetchone() for f in fids]
    return [f"{m}, {int(c)}" for c, m in rows if c is not None]


def _random_addresses(window, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Search lines ``"VEJNAVN HUSNR, POSTNR"`` of *n* random addresses of the window's
    data (none without an addresses layer)."""
    import numpy as np

    from naturplan.core.layers.roles import Role

    layers = window.workspace.dataset.vector(Role.ADDRESSES)
    if not layers:
        return []
    rng = np.random.default_rng(25)
    layer = layers[0]
    if not hasattr(layer, "total"):  # held whole
        frame = layer.frame.iloc[rng.choice(len(layer.frame), n, replace=False)]
        return [f"{v} {h}, {p}" for v, h, p in zip(frame["vejnavn"], frame["husnr"],
                                                    frame["postnr"], strict=True)]
    import sqlite3

    fids = rng.choice(layer.total, n, replace=False) + 1
    with sqlite3.connect(str(layer.source.path)) as conn:
        rows = [conn.execute(f'SELECT vejnavn, husnr, postnr FROM "{layer.source.layer}" '
                             "WHERE fid = ?", (int(f),)).fetchone() for f in fids]
    return [f"{v} {h}, {p}" for v, h, p in (r for r in rows if r is not None)]


def child(case: str, world: str, cards: int, network: bool = False) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from naturplan.core.layers.roles import Role
    from naturplan.gui.main_window import MainWindow
    from naturplan.io.datasets import DatasetRequest
    from naturplan.io.loading import LayerRequest
    from naturplan.render import MapView

    allocator = os.environ.get("NATURPLAN_BENCH_ALLOCATOR", "1")
    if "@" in allocator:  # "ALLOCATOR@BYTES": the renderer's shape cap per layer (0: none)
        import naturplan.render.geometry as geometry

        allocator, cap = allocator.split("@")
        geometry.CACHE_BYTES = int(cap) or 1 << 62
    if allocator != "0":  # as run_app does ("THRESHOLD,ARENAS" to try other settings)
        from naturplan.gui.allocator import tune_allocator

        tune_allocator(*(int(v) for v in allocator.split(",")) if "," in allocator else ())
    app = QApplication.instance() or QApplication([])
    settings = QSettings(f"/tmp/bench_national_app_{os.getpid()}.ini", QSettings.Format.IniFormat)
    window = MainWindow(settings, lang="da")
    window.resize(1400, 880)
    window.show()
    app.processEvents()
    if case in ("national", "national-all"):
        gpkg = Path(world)
        layers = [
            LayerRequest(Role.MUNICIPALITY, REPO / "layers" / "dk_kommuner_dagi_2014.geojson"),
            LayerRequest(Role.PARCELS, gpkg, "jordstykke"),
            LayerRequest(Role.NATURE_P3, gpkg, "beskyttede_naturtyper")]
        if case == "national-all":  # the world's habitat sites, lowland, addresses, flood
            layers += [
                LayerRequest(Role.NATURA2000, gpkg, "natura2000_habitat"),
                LayerRequest(Role.NATURA2000,
                             REPO / "layers" / "dk_natura2000_fuglebeskyttelse_mst.gpkg"),
                LayerRequest(Role.LOWLAND, gpkg, "lavbund"),
                LayerRequest(Role.ADDRESSES, gpkg, "adgangsadresser")]
            flood = gpkg.with_name("national_world_flood.tif")  # issue 24 §1, when built
            if flood.is_file():
                layers.append(LayerRequest(Role.FLOOD, flood))
        request = DatasetRequest(use_sample=False, layers=tuple(layers))
        path = NATIONAL_PATH
    else:
        request = DatasetRequest(sample_scale=1.0)
        path = AALBORG_PATH
    start = time.perf_counter()
    window.load_dataset(request, wait=True)
    app.processEvents()
    window.canvas.zoom_home()
    _wait(window, app)
    opened = time.perf_counter() - start
    rss_open, peak_open = _mem()
    # today's network not measured on load (issue 24 §2; an older checkout has no such state)
    deferred = getattr(window.analysis.controller, "deferred", None) is not None
    if network and deferred:  # the planner presses "Compute the habitat network" at once
        window.analysis.dock.panel.compute_button.click()
    canvas = window.canvas
    steps = []
    for x, y in _steps(path, 0.8 * canvas.width() * SCALE_1_20000):
        t0 = time.perf_counter()
        canvas.set_view(MapView(x, y, SCALE_1_20000, canvas.width(), canvas.height()))
        _wait(window, app)
        steps.append(time.perf_counter() - t0)
    rss_pan, peak_pan = _mem()
    shapes_mb = sum(index.cached_bytes() for _, index in canvas.renderer._indexes.values()
                    if hasattr(index, "cached_bytes")) / 2**20
    t0 = time.perf_counter()
    while window.parcels.context is None and time.perf_counter() - t0 < 300:
        app.processEvents()
        time.sleep(0.01)
    ready = time.perf_counter() - t0
    times, found = [], 0
    for line in _random_parcels(window, cards):
        t0 = time.perf_counter()
        result = window.parcels.search(line)
        times.append(time.perf_counter() - t0)
        found += bool(result is not None and result.found)
    address_times, address_found = [], 0
    for line in _random_addresses(window, 20):  # by SQL when the addresses are windowed
        t0 = time.perf_counter()
        result = window.parcels.search(line)
        address_times.append(time.perf_counter() - t0)
        address_found += bool(result is not None and result.found)
    address_times.sort()
    rss_end, peak_end = _mem()
    times.sort()
    print(json.dumps({
        "case": case, "open_s": opened, "rss_open": rss_open, "peak_open": peak_open,
        "pan_steps": len(steps), "pan_median_s": statistics.median(steps),
        "pan_max_s": max(steps), "rss_pan": rss_pan, "peak_pan": peak_pan, "shapes_mb": shapes_mb,
        "lookup_ready_s": ready, "cards": len(times), "found": found,
        "card_p50_s": times[len(times) // 2], "card_p95_s": times[int(len(times) * 0.95) - 1],
        "rss_end": rss_end, "peak_end": peak_end, "addresses": len(address_times),
        "address_found": address_found, "network_deferred": deferred,
        "network_requested": network and deferred,
        "address_p95_s": address_times[int(len(address_times) * 0.95) - 1]
        if address_times else None}), flush=True)
    window.close()


def _run(case: str, world: str, cards: int, code: Path,
         allocator: str | None = None, network: bool = False) -> dict[str, float]:
    """One case in a fresh process; *allocator* "0" (glibc's defaults), "1" (the app's
    settings) or "THRESHOLD,ARENAS" (default: NATURPLAN_BENCH_ALLOCATOR, else "1")."""
    allocator = allocator or os.environ.get("NATURPLAN_BENCH_ALLOCATOR", "1")
    env = {**os.environ, "PYTHONPATH": str(code), "QT_QPA_PLATFORM": "offscreen",
           "NATURPLAN_BENCH_ALLOCATOR": allocator}
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", case,
                           "--world", world, "--cards", str(cards),
                           *(["--network"] if network else [])],
                          env=env, capture_output=True, text=True, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise SystemExit(f"{case} ({code}) failed:\n{done.stderr[-3000:]}")
    result: dict[str, float] = json.loads(lines[-1])
    # kept if a later case fails
    print(json.dumps({"code": str(code), "allocator": allocator, **result}), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--world", default="/tmp/naturplan-national/national_world.gpkg")
    parser.add_argument("--baseline", type=Path, default=None)
    parser.add_argument("--cards", type=int, default=100)
    parser.add_argument("--child", default=None)
    parser.add_argument("--network", action="store_true",
                        help="where today's network is not measured on load (issue 24 "
                             "§2), press its button right after opening")
    parser.add_argument("--cases", default="national,aalborg")
    parser.add_argument("--compare-allocator", action="store_true",
                        help="each case also without the app's allocator settings first")
    parser.add_argument("--allocators", default=None,
                        help='settings to run each case with, in turn, e.g. "0;1;4194304,2" '
                             '(0: glibc defaults, 1: the app\'s, THRESHOLD,ARENAS; '
                             '"@BYTES" after one caps the renderer\'s shapes, @0: no cap)')
    parser.add_argument("--rounds", type=int, default=1,
                        help="repeat the settings' sequence (paired runs, interleaved)")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.world, args.cards, args.network)
        return
    settings = (args.allocators.split(";") if args.allocators
                else ["0", None] if args.compare_allocator else [None])
    runs = []
    for case in args.cases.split(","):
        for _ in range(args.rounds):
            for setting in settings:
                name = {"0": ", glibc defaults", None: "", "1": ""}.get(setting,
                                                                     f", allocator {setting}")
                runs.append((f"this checkout{name}",
                             _run(case, args.world, args.cards, REPO, allocator=setting,
                                     network=args.network)))
        if case == "aalborg" and args.baseline is not None:
            runs.append((f"baseline {args.baseline}", _run(case, args.world, args.cards,
                                                           args.baseline)))
    print("| case | code | open s | RSS open MB | RSS after pan MB | peak MB | pan step "
          "median / max s | card p50 / p95 s (found) |")
    print("|---|---|---|---|---|---|---|---|")
    for code, r in runs:
        print(f"| {r['case']} | {code} | {r['open_s']:.1f} | {r['rss_open']:.0f} | "
              f"{r['rss_pan']:.0f} ({r['pan_steps']} steps) | {r['peak_end']:.0f} | "
              f"{r['pan_median_s']:.2f} / {r['pan_max_s']:.2f} | "
              f"{r['card_p50_s']:.3f} / {r['card_p95_s']:.3f} ({r['found']}/{r['cards']}) |")


if __name__ == "__main__":
    main()
