"""The national test world (issue 24 §1) and ``stats --all-kommuner`` on it (§2), by hand.

    python benchmarks/bench_national.py [--density 1.0] [--out /tmp/national] [--pg CONNINFO]

Builds the synthetic world for all of Denmark inside the real DAGI boundaries at *density*
(1.0 = ~2.5 M parcels; built on demand only, never in CI), and reports its build time and
size; then times ``naturplan stats --all-kommuner`` on its §3 layer in a fresh process
(wall time and the child's peak resident memory) with 2 and 1 worker processes, beside a
baseline in the same run: plain geopandas reading the whole layer and the whole DAGI file,
one union per municipality. Then ``naturplan parcels --out`` for every parcel of the world,
tile by tile (§2: its §3, habitat sites, lowland and flood raster), with its wall time and
the summed resident memory of the command and its worker processes (sampled every 0.5 s).
With ``--pg`` (a database with PostGIS) it also loads the world
into it (``data load``) and times ``parcels --out`` run as SQL there.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and the peak resident MB of ``naturplan ARGS`` in a fresh process (that
    process's own peak, from ``wait4``: not an earlier command's, not its workers')."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "naturplan", *args],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(child.stderr.read() if child.stderr else "failed")
    return wall, usage.ru_maxrss / 1024


def _run_tree(args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, the peak of the summed resident MB of ``naturplan ARGS`` and all its
    descendants (the worker processes), and the largest single process's peak MB."""
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "naturplan", *args],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    peak = largest = 0
    while child.poll() is None:
        sizes = [_rss_kb(p) for p in _tree(child.pid)]
        peak, largest = max(peak, sum(sizes)), max([largest, *sizes])
        time.sleep(0.5)
    if child.returncode != 0:
        raise SystemExit(child.stderr.read() if child.stderr else "failed")
    return time.perf_counter() - start, peak / 1024, largest / 1024


def _tree(pid: int) -> list[int]:
    """*pid* and its descendants, from /proc (Linux)."""
    kids: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(parent, []).append(int(name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += kids.get(p, [])
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _baseline(world: Path) -> float:
    """Naive geopandas: read everything, one union per municipality."""
    import geopandas as gpd
    import shapely

    from naturplan.io import paths

    start = time.perf_counter()
    dagi = gpd.read_file(paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES)
    dagi = dagi.set_geometry(shapely.force_2d(dagi.geometry.to_numpy())).to_crs(25832)
    dagi = dagi.dissolve("KOMKODE")
    nature = gpd.read_file(world, layer="beskyttede_naturtyper")
    total = 0.0
    for geom in dagi.geometry:
        near = nature.geometry[nature.intersects(geom)].to_numpy()
        total += shapely.intersection(shapely.union_all(near), geom).area
    assert total > 0
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--density", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=Path("/tmp/naturplan-national"))
    parser.add_argument("--pg", default=None)
    args = parser.parse_args()
    from naturplan.io.sample.national import P3_LAYER, PARCEL_LAYER, build_national_world

    world = build_national_world(args.out, density=args.density)
    size = world.path.stat().st_size / 1e6
    print(f"world density {args.density}: {world.municipalities} municipalities, "
          f"{world.p3_polygons:,} §3 polygons, {world.parcels:,} parcels, "
          f"{world.addresses:,} addresses, {world.flood_cells:,} wet flood cells; "
          f"built in {world.seconds:.1f} s, {size:.0f} MB GeoPackage, "
          f"{world.flood.stat().st_size / 1e6:.1f} MB flood raster")
    from naturplan.io.sample.national import HABITAT_LAYER, LOWLAND_LAYER

    layers = ["--no-sample", "--layer", f"parcels={world.path}:{PARCEL_LAYER}",
              "--layer", f"nature_p3={world.path}:{P3_LAYER}",
              "--layer", f"natura2000={world.path}:{HABITAT_LAYER}",
              "--layer", f"lowland={world.path}:{LOWLAND_LAYER}",
              "--layer", f"flood={world.flood}"]
    wall, peak, largest = _run_tree(["parcels", "--out", str(args.out / "parcels.csv"),
                                     *layers])
    print(f"parcels --out tile by tile, 2 workers: {wall:.1f} s, peak {peak:.0f} MB summed "
          f"over the command and its workers (largest process {largest:.0f} MB)")
    layer = f"nature_p3={world.path}:{P3_LAYER}"
    for workers in ("2", "1"):
        wall, peak = _run(["stats", "--all-kommuner", "--layer", layer, "--workers", workers,
                           "--out", str(args.out / f"kommuner_{workers}.csv")])
        print(f"stats --all-kommuner, {workers} worker(s): {wall:.1f} s, peak {peak:.0f} MB "
              "(the parent; each worker holds one municipality)")
    print(f"baseline, naive geopandas in-process: {_baseline(world.path):.1f} s")
    if args.pg:
        wall, _ = _run(["data", "load", f"parcels={world.path}:{PARCEL_LAYER}", layer,
                        "--project", args.pg])
        print(f"data load (parcels + §3) into PostGIS: {wall:.1f} s")
        wall, peak = _run(["parcels", "--out", str(args.out / "parcels_db.csv"),
                           "--project", args.pg])
        print(f"parcels --out in PostGIS (§3 and Natura 2000 columns): {wall:.1f} s, "
              f"client peak {peak:.0f} MB")
        wall, peak = _run(["stats", "--all-kommuner", "--project", args.pg,
                           "--out", str(args.out / "kommuner_db.csv")])
        print(f"stats --all-kommuner in PostGIS: {wall:.1f} s, client peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
