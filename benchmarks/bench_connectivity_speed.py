"""Issue 24 §4: connectivity at double density and over the whole country, by hand.

    PYTHONPATH=TREE python3 benchmarks/bench_connectivity_speed.py double [--edits 40]
    PYTHONPATH=TREE python3 benchmarks/bench_connectivity_speed.py national WORLD.gpkg

``double``: the Aalborg sample at scale 2 (20,000 §3 polygons → 10,261 patches), the whole
network as the GUI builds it (links, pruning, PC/ECA, IIC, kept pairs) and one edited
candidate (random corridors up to 1.5 km and 5–60 ha blobs, as ``bench_analysis.py``), CPU
and wall. Run it with PYTHONPATH on the code before (``git archive 78fd337``) and after, one
after the other, for the baseline in the same run; the candidates' results are printed to
compare.

``--fork``: the whole network with IIC and the last 30 % of the path sums' sources searched
in a forked child while the rest run in this process (``start=forked.start``, as the
analysis use case builds it); the child's CPU is printed apart.

``national-whole WORLD.gpkg``: the same end to end through ``ConnectivityNetwork`` (IIC
asked for: left out above ``connectivity_iic.IIC_MAX_PAIRS``), as the app would build it.

``national``: every §3 polygon of the national world (``io/sample/national.py``, density 1.0:
172,143 polygons), dissolved inside the union of the DAGI municipalities, each step timed.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent))


def _timed(name: str, fn: Callable[[], Any]) -> Any:
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"| {name} | {time.perf_counter() - wall:.1f} s | {time.process_time() - cpu:.1f} s "
          f"| {rss:,.0f} MB |", flush=True)
    return result


def _candidates(patches: Any, n: int) -> list[Any]:
    rng = np.random.default_rng(5)
    out = []
    for _ in range(n):
        a, b = rng.choice(len(patches), 2, replace=False)
        pa = shapely.point_on_surface(patches.geoms[a])
        if rng.random() < 0.5:
            pb = shapely.point_on_surface(patches.geoms[b])
            direction = np.array([pb.x - pa.x, pb.y - pa.y])
            length = min(float(np.hypot(*direction)), 1500.0) or 1.0
            end = np.array([pa.x, pa.y]) + direction / np.hypot(*direction) * length
            out.append(shapely.buffer(shapely.LineString([(pa.x, pa.y), tuple(end)]), 15))
        else:
            out.append(shapely.buffer(shapely.Point(pa.x + 150, pa.y), rng.uniform(120, 440)))
    return out


def double(edits: int, fork: bool = False) -> None:
    from bench_analysis import dataset, p3

    from naturplan.core.analysis import connectivity as C
    from naturplan.core.analysis.patches import dissolve_patches

    d = dataset(2.0)
    patches = dissolve_patches(p3(d), d.municipality.geometry)
    print(f"{C.__file__}: {len(patches):,} patches\n\n| step | wall | CPU | peak RSS |\n"
          "|---|---|---|---|")
    extra: dict[str, Any] = {}
    if fork:  # IIC and some sources in a forked child, as the analysis use case (--fork)
        from naturplan.core.forked import start

        extra["start"] = start
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    net = _timed("whole network" + (" (IIC and 30 % of the sources in a child)" if fork
                                     else ""),
                 lambda: C.ConnectivityNetwork(patches, d.municipality.geometry,
                                               C.ConnectivityParams(), **extra))
    if fork:
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime + after.ru_stime - child.ru_utime - child.ru_stime
        print(f"the child's CPU: {used:.1f} s")
    i = net.indices
    print(f"\nECA {i.eca_m2 / 1e4:.3f} ha, PC {i.pc:.6e}, IIC {i.iic:.6e}, "
          f"{net.paths.nnz:,} kept pairs")
    walls, cpus, results = [], [], []
    for cand in _candidates(patches, edits):
        wall, cpu = time.perf_counter(), time.process_time()
        results.append(net.candidate(cand).pc_sum_after)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    walls.sort()
    cpus.sort()
    p95 = int(0.95 * (len(cpus) - 1))
    print(f"one candidate ({edits}): CPU median {1000 * statistics.median(cpus):.0f} ms, p95 "
          f"{1000 * cpus[p95]:.0f} ms; wall median {1000 * statistics.median(walls):.0f} ms, "
          f"p95 {1000 * walls[p95]:.0f} ms; load {os.getloadavg()[0]:.1f}")
    print("ΣΣ after, first five candidates:", ", ".join(f"{r:.10e}" for r in results[:5]))
    if os.environ.get("BENCH_DUMP"):  # all of them, to compare old and new
        np.save(os.environ["BENCH_DUMP"], np.array(results))


def national(path: Path) -> None:
    from naturplan.core.analysis import connectivity as C
    from naturplan.core.analysis import connectivity_iic
    from naturplan.core.analysis import patches as P
    from naturplan.core.feedback import Feedback
    from naturplan.core.layers.roles import Role
    from naturplan.io.loading import LayerRequest, read_polygons
    from naturplan.io.sample.national import P3_LAYER, national_municipalities

    print("| step | wall | CPU | peak RSS |\n|---|---|---|---|")
    read = _timed("read §3", lambda: read_polygons(LayerRequest(Role.NATURE_P3, path,
                                                                P3_LAYER)))
    land = _timed("the country (union of DAGI)", lambda: shapely.union_all(
        [k.geometry for k in national_municipalities()]))
    patches = _timed("dissolve", lambda: P.dissolve_patches(
        np.asarray(read.geometries, dtype=object), land))
    params = C.ConnectivityParams()
    index = P.PieceIndex.of(patches.geoms)
    links = _timed("links", lambda: P.patch_links(patches.geoms, params.link_m, index))
    pruned = _timed("pruning", lambda: P.prune_links(len(patches), links))
    order = C._spatial_order(patches.geoms)
    _, pc_sum, paths = _timed("PC/ECA path sums", lambda: C._path_sums(
        pruned.graph(len(patches)), patches.areas, params, True, Feedback(), order))
    print(f"\n{len(read.geometries):,} polygons, {len(patches):,} patches, {len(links):,} "
          f"links, {len(pruned):,} after pruning, {paths.nnz:,} kept pairs; ECA "
          f"{np.sqrt(pc_sum) / 1e4:,.1f} ha, PC {pc_sum / shapely.area(land) ** 2:.4e}",
          flush=True)
    iic_links = links.take(links.d <= params.iic_m)
    _timed("IIC", lambda: connectivity_iic.iic_sum(
        len(patches), iic_links, patches.areas, Feedback(), order))


def national_whole(path: Path) -> None:
    """The national network end to end as the app builds one (read, the country, dissolve,
    ``ConnectivityNetwork`` with IIC asked for and the kept pairs), one timing."""
    from naturplan.core.analysis import connectivity as C
    from naturplan.core.layers.roles import Role
    from naturplan.io.loading import LayerRequest, read_polygons
    from naturplan.io.sample.national import P3_LAYER, national_municipalities

    def whole() -> Any:
        read = read_polygons(LayerRequest(Role.NATURE_P3, path, P3_LAYER))
        land = shapely.union_all([k.geometry for k in national_municipalities()])
        return C.ConnectivityNetwork.of_polygons(np.asarray(read.geometries, dtype=object),
                                                 land, C.ConnectivityParams())

    print("| step | wall | CPU | peak RSS |\n|---|---|---|---|")
    net = _timed("national connectivity, end to end", whole)
    i = net.indices
    print(f"\n{i.patches:,} patches, ECA {i.eca_m2 / 1e4:,.1f} ha, PC {i.pc:.4e}, IIC "
          f"{i.iic}, IIC skipped for {i.iic_skipped_pairs} linked pairs, {net.paths.nnz:,} "
          f"kept pairs; load {os.getloadavg()[0]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("double", "national", "national-whole"))
    parser.add_argument("world", nargs="?", type=Path)
    parser.add_argument("--edits", type=int, default=40)
    parser.add_argument("--fork", action="store_true",
                        help="double: IIC and 30 %% of the sources in a forked child")
    args = parser.parse_args()
    if args.what == "double":
        double(args.edits, args.fork)
    elif args.what == "national":
        national(args.world)
    else:
        national_whole(args.world)


if __name__ == "__main__":
    main()
