"""The national test world (issue 24 §1) and ``stats --all-kommuner`` on it (§2), by hand.

    python benchmarks/bench_national.py [--density 1.0] [--out /tmp/national] [--pg CONNINFO]

Builds the synthetic world for all of Denmark inside the real DAGI boundaries at *density*
(1.0 = ~2.5 M parcels; built on demand only, never in CI), and reports its build time and
size; then times ``naturplan stats --all-kommuner`` on its §3 layer in a fresh process
(wall time and the child's peak resident memory) with 2 and 1 worker processes, beside a
baseline in the same run: plain geopandas reading the whole layer and the whole DAGI file,
one union per municipality. With ``--pg`` (a database with PostGIS) it also loads the world
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
          f"{world.p3_polygons:,} §3 polygons, {world.parcels:,} parcels; "
          f"built in {world.seconds:.1f} s, {size:.0f} MB")
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
