"""Issue 11 benchmark: connectivity (full network and one edited candidate), zonal statistics
for the §3 polygons against two baselines, and the live per-candidate numbers.

Run by hand (not in CI); every part measures its baseline in the same run, because the
machines are shared and noisy. Wall time and the process's CPU time are both printed.

    python benchmarks/bench_analysis.py connectivity --scale 1   # ~5,000 patches
    python benchmarks/bench_analysis.py connectivity --scale 2   # ~10,000 patches
    python benchmarks/bench_analysis.py zonal                    # vs numpy and QGIS
    python benchmarks/bench_analysis.py live                     # per-candidate numbers

Baselines: connectivity, a plain networkx search from every patch over every link (no
pruning, same p_min cut-off), on a sample of sources scaled to all; one candidate, a full
recomputation of the network with it. Zonal: cell-centre masks per polygon with numpy
(``rasterio.features.geometry_mask`` on each window of the raster held in memory), and QGIS
3.22 processing ``native:zonalstatisticsfb`` in Debian's python3-qgis (a separate process,
timed inside it).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import shapely


def timed(fn: Callable[[], Any]) -> tuple[Any, float, float]:
    """(result, wall s, CPU s)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def dataset(scale: float) -> Any:
    from naturplan.io.datasets import DatasetRequest, open_dataset

    return open_dataset(DatasetRequest(sample_scale=scale))


def p3(d: Any) -> np.ndarray:
    from naturplan.core.layers.roles import Role

    return np.concatenate([layer.frame.geometry.to_numpy() for layer in d.vector(Role.NATURE_P3)])


# --- connectivity ---------------------------------------------------------------------------


def bench_connectivity(scale: float, edits: int, baseline_sources: int) -> None:
    from naturplan.core.analysis import connectivity as C
    from naturplan.core.analysis import connectivity_iic
    from naturplan.core.analysis import patches as P
    from naturplan.core.feedback import Feedback

    d = dataset(scale)
    geoms, muni = p3(d), d.municipality.geometry
    params = C.ConnectivityParams()
    print(f"scale {scale}: {len(geoms):,} §3 polygons")
    steps = {}
    patches, *steps["dissolve"] = timed(lambda: P.dissolve_patches(geoms, muni))
    index, *steps["pieces"] = timed(lambda: P.PieceIndex.of(patches.geoms))
    links, *steps["links"] = timed(lambda: P.patch_links(patches.geoms, params.link_m, index))
    pruned, *steps["prune"] = timed(lambda: P.prune_links(len(patches), links))
    graph = pruned.graph(len(patches))
    (rows, pc_sum, paths), *steps["PC/ECA path sums"] = timed(
        lambda: C._path_sums(graph, patches.areas, params, True, Feedback()))
    iic_links = links.take(links.d <= params.iic_m)
    _, *steps["IIC"] = timed(lambda: connectivity_iic.iic_sum(
        len(patches), iic_links, patches.areas, Feedback(), C._spatial_order(patches.geoms)))
    print(f"{len(patches):,} patches, {len(links):,} links, {len(pruned):,} after pruning, "
          f"{paths.nnz:,} connected pairs kept")
    for name, (wall, cpu) in steps.items():
        print(f"| {name} | {wall:.2f} s | {cpu:.2f} s |")
    net, wall, cpu = timed(lambda: C.ConnectivityNetwork(patches, muni, params))
    print(f"| **whole network** (ConnectivityNetwork: links, pruning, PC/ECA, IIC) | "
          f"**{wall:.2f} s** | {cpu:.2f} s |")
    _, wall2, cpu2 = timed(lambda: C.ConnectivityNetwork(patches, muni, params, iic=False,
                                                         keep_paths=False))
    print(f"| network without IIC and kept paths (the projected network) | {wall2:.2f} s | "
          f"{cpu2:.2f} s |")
    print(f"ECA {net.indices.eca_m2 / 1e4:,.1f} ha, PC {net.indices.pc:.4e}, "
          f"IIC {net.indices.iic:.4e}, m_eff {net.indices.meff_m2 / 1e4:,.1f} ha")
    _baseline_networkx(patches, links, params, net, baseline_sources)
    _truncation(graph, patches.areas, params)
    _incremental(net, patches, geoms, muni, params, edits)


def _baseline_networkx(patches: Any, links: Any, params: Any, net: Any, sources: int) -> None:
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(range(len(patches)))
    g.add_weighted_edges_from(zip(links.i.tolist(), links.j.tolist(), links.d.tolist(),
                                  strict=True))
    rng = np.random.default_rng(3)
    chosen = rng.choice(len(patches), min(sources, len(patches)), replace=False)

    def run() -> float:
        worst = 0.0
        for s in chosen:
            lengths = nx.single_source_dijkstra_path_length(g, int(s), cutoff=params.limit_m)
            nodes = np.fromiter(lengths.keys(), int)
            dist = np.fromiter(lengths.values(), float)
            row = float(patches.areas[nodes] @ np.exp(-params.k * dist))
            worst = max(worst, abs(row - net.row_sums[s]) / row)
        return worst

    worst, wall, cpu = timed(run)
    scale = len(patches) / len(chosen)
    print(f"| baseline: networkx from every patch, unpruned links (from {len(chosen)} sources "
          f"× {scale:.0f}) | {wall * scale:.1f} s | {cpu * scale:.1f} s |")
    print(f"largest relative difference of a row sum against networkx: {worst:.1e}")


def _truncation(graph: Any, areas: np.ndarray, params: Any) -> None:
    from dataclasses import replace

    from naturplan.core.analysis import connectivity as C
    from naturplan.core.feedback import Feedback

    for p_min in (0.01, 0.001, 1e-12):
        other = replace(params, p_min=p_min)
        (_, total, _), wall, _ = timed(lambda o=other: C._path_sums(graph, areas, o, False,
                                                                     Feedback()))
        print(f"p_min {p_min:g}: ECA {np.sqrt(total) / 1e4:,.2f} ha ({wall:.1f} s)")


def _incremental(net: Any, patches: Any, geoms: np.ndarray, muni: Any, params: Any,
                 edits: int) -> None:
    from naturplan.core.analysis.connectivity import ConnectivityNetwork

    rng = np.random.default_rng(5)
    times, cands = [], []
    for _ in range(edits):
        a, b = rng.choice(len(patches), 2, replace=False)
        pa = shapely.point_on_surface(patches.geoms[a])
        if rng.random() < 0.5:  # a corridor towards another patch, up to 1.5 km long
            pb = shapely.point_on_surface(patches.geoms[b])
            direction = np.array([pb.x - pa.x, pb.y - pa.y])
            length = min(float(np.hypot(*direction)), 1500.0) or 1.0
            end = np.array([pa.x, pa.y]) + direction / np.hypot(*direction) * length
            cand = shapely.buffer(shapely.LineString([(pa.x, pa.y), tuple(end)]), 15)
        else:  # a blob of 5-60 ha next to a patch
            cand = shapely.buffer(shapely.Point(pa.x + 150, pa.y), rng.uniform(120, 440))
        _, wall, _ = timed(lambda c=cand: net.candidate(c))
        times.append(wall * 1000)
        cands.append(cand)
    times.sort()
    print(f"| one edited candidate (ConnectivityNetwork.candidate, {edits} edits) | median "
          f"{statistics.median(times):.0f} ms, p95 {times[int(0.95 * len(times))]:.0f} ms, "
          f"max {times[-1]:.0f} ms |")
    full = []
    for cand in cands[:3]:
        _, wall, _ = timed(lambda c=cand: ConnectivityNetwork.of_polygons(
            np.append(geoms, c), muni, params, iic=False, keep_paths=False))
        full.append(wall * 1000)
    print(f"| baseline: the whole network again with the candidate (3 edits) | median "
          f"{statistics.median(full):.0f} ms |")


# --- zonal statistics -----------------------------------------------------------------------


def bench_zonal(scale: float) -> None:
    from naturplan.core.analysis.zonal import flood_exposure
    from naturplan.core.layers.roles import Role
    from naturplan.io.raster import read_grid

    d = dataset(scale)
    geoms = p3(d)
    flood = d.by_role(Role.FLOOD)[0]
    grid, read_wall, read_cpu = timed(lambda: read_grid(flood))
    print(f"{len(geoms):,} §3 polygons, raster {grid.shape[1]:,} x {grid.shape[0]:,} cells of "
          f"{grid.res_x:g} m; reading it: {read_wall:.2f} s wall, {read_cpu:.2f} s CPU")
    ours = [timed(lambda: flood_exposure(geoms, grid)) for _ in range(3)]
    result = ours[0][0]
    numpy_runs = [timed(lambda: _numpy_baseline(geoms, grid)) for _ in range(3)]
    wet_numpy = numpy_runs[0][0]
    qgis = _qgis_baseline(geoms, flood.source.path)
    med = lambda runs, k: statistics.median(r[k] for r in runs)  # noqa: E731
    print(f"| naturplan (exact coverage, fast path for dry polygons), raster in memory | "
          f"**{med(ours, 1):.2f} s** | {med(ours, 2):.2f} s |")
    print(f"| naturplan including reading the raster | {med(ours, 1) + read_wall:.2f} s | "
          f"{med(ours, 2) + read_cpu:.2f} s |")
    print(f"| baseline: numpy cell-centre masks per window (raster in memory) | "
          f"{med(numpy_runs, 1):.2f} s | {med(numpy_runs, 2):.2f} s |")
    if qgis is not None:
        print(f"| baseline: QGIS 3.22 native:zonalstatisticsfb (inside its process) | "
              f"{qgis[0]:.2f} s | {qgis[1]:.2f} s |")
    ours_wet = result.wet_m2.sum() / 1e4
    print(f"flooded §3 area: naturplan {ours_wet:,.1f} ha (exact), numpy cell centres "
          f"{wet_numpy / 1e4:,.1f} ha")


def _numpy_baseline(geoms: np.ndarray, grid: Any) -> float:
    from affine import Affine
    from rasterio.features import geometry_mask

    values = grid.values
    x0, _, _, y1 = grid.bounds
    res = grid.res_x
    wet_total = 0.0
    for g in geoms:
        r0, r1, c0, c1 = grid.cell_window(g.bounds)
        if r1 <= r0 or c1 <= c0:
            continue
        window = values[r0:r1, c0:c1]
        transform = Affine(res, 0, x0 + c0 * res, 0, -res, y1 - r0 * res)
        inside = ~geometry_mask([g], window.shape, transform)
        cells = window[inside]
        wet = cells[np.isfinite(cells) & (cells > 0)]
        wet_total += len(wet) * res * res
        _ = (wet.mean() if len(wet) else 0.0, wet.max() if len(wet) else 0.0)
    return wet_total


QGIS_SCRIPT = r"""
import json, sys, time
from qgis.core import QgsApplication, QgsVectorLayer, QgsRasterLayer
app = QgsApplication([], False)
app.initQgis()
sys.path.append('/usr/share/qgis/python/plugins')
import processing
from processing.core.Processing import Processing
from qgis.analysis import QgsNativeAlgorithms
Processing.initialize()
QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())
vector, raster = sys.argv[1], sys.argv[2]
runs = []
for _ in range(3):
    t, c = time.perf_counter(), time.process_time()
    processing.run("native:zonalstatisticsfb", {"INPUT": vector, "INPUT_RASTER": raster,
        "RASTER_BAND": 1, "COLUMN_PREFIX": "z_", "STATISTICS": [0, 1, 2, 6],
        "OUTPUT": "TEMPORARY_OUTPUT"})
    runs.append((time.perf_counter() - t, time.process_time() - c))
print(json.dumps(sorted(runs)[1]))
"""


def _qgis_baseline(geoms: np.ndarray, raster: Path) -> tuple[float, float] | None:
    import geopandas as gpd

    if not Path("/usr/bin/python3").exists():
        return None
    with tempfile.TemporaryDirectory() as folder:
        vector = Path(folder) / "p3.gpkg"
        gpd.GeoDataFrame(geometry=gpd.GeoSeries(geoms, crs=25832)).to_file(vector)
        script = Path(folder) / "zonal.py"
        script.write_text(QGIS_SCRIPT)
        done = subprocess.run(["/usr/bin/python3", str(script), str(vector), str(raster)],
                              capture_output=True, text=True, timeout=600,
                              env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    if done.returncode != 0:
        print("QGIS baseline failed:", done.stderr.strip().splitlines()[-1:], file=sys.stderr)
        return None
    wall, cpu = json.loads(done.stdout.strip().splitlines()[-1])
    return float(wall), float(cpu)


# --- the live per-candidate numbers ---------------------------------------------------------


def bench_live(scale: float, n: int) -> None:
    from naturplan.core.analysis.assessment import assess_candidate
    from naturplan.core.layers.roles import Role
    from naturplan.core.plan.candidates import Candidate
    from naturplan.io.factors import load_factor_table
    from naturplan.usecases.analysis import layers_of

    d = dataset(scale)
    layers, table = layers_of(d), load_factor_table()
    _, wall, _ = timed(layers.flood.preload)
    print(f"flood raster into memory: {wall:.2f} s")
    low = d.vector(Role.LOWLAND)[0].frame.geometry.to_numpy()
    rng = np.random.default_rng(2)
    for kind in ("lowland", "afforestation", "connectivity"):
        times = []
        for k in rng.choice(len(low), n):
            c = Candidate.new(kind, shapely.buffer(shapely.point_on_surface(low[k]),
                                                   rng.uniform(150, 500)))
            _, w, _ = timed(lambda c=c: assess_candidate(c, layers, table))
            times.append(w * 1000)
        times.sort()
        print(f"| {kind} candidate: CO2e/Klima-Lavbund/conflicts/flood/tag | median "
              f"{statistics.median(times):.1f} ms, p95 {times[int(0.95 * n)]:.1f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("connectivity", "zonal", "live"))
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--baseline-sources", type=int, default=100)
    args = parser.parse_args()
    print(f"{platform.node()}, {platform.processor() or platform.machine()}, "
          f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d %H:%M')}")
    if args.what == "connectivity":
        bench_connectivity(args.scale, args.edits, args.baseline_sources)
    elif args.what == "zonal":
        bench_zonal(args.scale)
    else:
        bench_live(args.scale, args.edits)


if __name__ == "__main__":
    main()
