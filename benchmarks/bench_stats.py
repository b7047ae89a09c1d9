"""Issue 7 benchmark: the wall time of the ``naturplan stats`` process, start-up included.

Runs, interleaved and repeated (the machine is shared and noisy; medians are reported):

- ``naturplan stats`` (the console script a user types) and ``python -m naturplan stats``;
- ``naturplan stats --project P.gpkg`` on a project of ``--candidates`` candidate areas
  that records the sample as its dataset;
- the naive geopandas pipeline for the same share, as a process: ``import geopandas``,
  ``read_file`` of the boundary and the §3 layer, ``make_valid``, ``dissolve``, ``clip``,
  area (and for the project: the same with the counting candidates added to the union);
- optionally (``--before DIR``) an older naturplan checkout on the same sample files.

It checks that naturplan's share equals the naive one to 1e-9 and prints a Markdown block for
benchmarks/RESULTS.md. ``--cold`` also times one first run on an empty sample folder (the
sample build a new user waits for). Run by hand (not in CI):

    python benchmarks/bench_stats.py [--repeat 9] [--candidates 300] [--before DIR] [--cold]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

NAIVE_SHARE = """
import json, sys
import geopandas as gpd
muni = gpd.read_file(sys.argv[1])
p3 = gpd.read_file(sys.argv[2], layer=sys.argv[3])
p3["geometry"] = p3.geometry.make_valid()
parts = [p3[["geometry"]]]
if len(sys.argv) > 4:
    cand = gpd.read_file(sys.argv[4], layer="candidates")
    cand = cand[cand["counts_toward_target"].astype(bool) & (cand["status"] != "afvist")]
    parts.append(cand[["geometry"]].to_crs(p3.crs))
union = gpd.GeoDataFrame(gpd.pd.concat(parts), crs=p3.crs).dissolve()
area = float(gpd.clip(union, muni).area.sum())
print(json.dumps({"area_m2": area, "share": area / float(muni.area.sum())}))
"""


#: A process that burns 0.5 s of CPU on one core: how much slower than alone a CPU-bound
#: process runs on this machine now (wall / CPU), to read what the others would take alone.
CALIBRATION = "calibration: 0.5 s of CPU on one core"
BURN = """
import time
start = time.process_time()
while time.process_time() - start < 0.5:
    pass
"""


def _median_run(cmds: dict[str, list[str]], env: dict[str, str], repeat: int) -> dict[str, Any]:
    """Run every command *repeat* times, interleaved; per command the median, min and max
    wall time, the median CPU time (user + system of the process and its threads: what the
    command costs, whatever else the machine is doing) and the last output."""
    times: dict[str, list[float]] = {name: [] for name in cmds}
    cpu: dict[str, list[float]] = {name: [] for name in cmds}
    out: dict[str, str] = {}
    for _ in range(repeat):
        for name, cmd in cmds.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False,
                                    cwd=tempfile.gettempdir())  # ``-m`` would find ./naturplan
            times[name].append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if result.returncode != 0:
                raise SystemExit(f"{name} failed: {result.stderr}")
            out[name] = result.stdout
    return {
        name: (statistics.median(t), min(t), max(t), statistics.median(cpu[name]), out[name])
        for name, t in times.items()
    }


def _make_project(path: Path, n: int) -> None:
    """A project of *n* candidates (every third over §3) that records the sample dataset."""
    import numpy as np
    import shapely

    from naturplan.core.plan.candidates import Candidate, CandidateKind
    from naturplan.io.datasets import DatasetRequest, measure_dataset
    from naturplan.io.project.gpkg_store import GeoPackageStore
    from naturplan.io.project.settings import record

    measured = measure_dataset(DatasetRequest())
    muni = measured.municipality.geometry
    rng = np.random.default_rng(7)
    minx, miny, maxx, maxy = muni.bounds
    pts = shapely.points(rng.uniform(minx, maxx, 4 * n), rng.uniform(miny, maxy, 4 * n))
    pts = list(pts[shapely.contains(muni, pts)][: n - n // 3])
    pieces = measured.index.pieces[rng.integers(0, len(measured.index.pieces), n // 3)]
    pts += list(shapely.point_on_surface(pieces))
    radii = rng.uniform(100, 500, len(pts))
    blobs = shapely.buffer(np.array(pts, dtype=object), radii, quad_segs=4)
    kinds = list(CandidateKind)
    with GeoPackageStore(path, author="bench") as store:
        with store.transaction():
            for i, blob in enumerate(blobs):
                store.insert(Candidate.new(kinds[i % 3], blob, f"k{i}",
                                           counts_toward_target=True))
        record(store, DatasetRequest(), measured.roles)


def _files(env: dict[str, str]) -> tuple[str, str, str]:
    out = subprocess.run([sys.executable, "-m", "naturplan", "stats", "--json"], env=env,
                         capture_output=True, text=True, check=True).stdout
    doc = json.loads(out)
    p3 = next(layer for layer in doc["layers"] if layer["role"] == "nature_p3")
    return (str(ROOT / "layers" / "aalborg_kommune_0851_dagi2014.gpkg"), p3["path"],
            p3["source"].split(":", 1)[1])


def _cold(env: dict[str, str]) -> float:
    folder = Path(tempfile.mkdtemp(prefix="naturplan-cold-"))
    try:
        t0 = time.perf_counter()
        subprocess.run(["naturplan", "stats"], env={**env, "NATURPLAN_SAMPLE_DIR": str(folder)},
                       capture_output=True, check=True)
        return time.perf_counter() - t0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--before", type=Path, help="an older naturplan checkout to time too")
    parser.add_argument("--cold", action="store_true", help="time one first-run sample build")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # As a normal install: compiled modules are cached (``__pycache__``), not compiled from
    # source on every start (these sessions set PYTHONDONTWRITEBYTECODE).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("NATURPLAN_SAMPLE_DIR", str(ROOT / "layers" / "generated"))
    os.environ.update(env)
    muni, p3, layer = _files(env)
    tmp = Path(tempfile.mkdtemp(prefix="naturplan-bench-"))
    project = tmp / "plan.gpkg"
    _make_project(project, args.candidates)
    py = sys.executable
    cmds = {
        "naturplan stats": ["naturplan", "stats", "--json"],
        "python -m naturplan stats": [py, "-m", "naturplan", "stats", "--json"],
        "naive geopandas share": [py, "-c", NAIVE_SHARE, muni, p3, layer],
        "naturplan stats --project": ["naturplan", "stats", "--json", "--project", str(project)],
        "naive geopandas projected share": [py, "-c", NAIVE_SHARE, muni, p3, layer,
                                            str(project)],
        "python -c pass (interpreter start)": [py, "-c", "pass"],
        CALIBRATION: [py, "-c", BURN],
    }
    if args.before is not None:
        # Its own sample folder: another sample generator version would rebuild a shared one
        # on every run. Built once here, before the timing.
        before = [f"PYTHONPATH={args.before}", f"NATURPLAN_SAMPLE_DIR={tmp / 'before-sample'}"]
        cmds["before: python -m naturplan stats"] = [
            "env", *before, py, "-m", "naturplan", "stats", "--json"]
        cmds["before: stats --project"] = [
            "env", *before, py, "-m", "naturplan", "stats", "--json", "--project", str(project)]
        subprocess.run(cmds["before: python -m naturplan stats"], env=env, check=True,
                       capture_output=True, cwd=tempfile.gettempdir())
    results = _median_run(cmds, env, args.repeat)
    _report(results, args)
    if args.cold:
        print(f"- cold first run (`naturplan stats` on an empty sample folder, builds the "
              f"full sample): {_cold(env):.1f} s")
    shutil.rmtree(tmp, ignore_errors=True)


def _report(results: dict[str, Any], args: argparse.Namespace) -> None:
    import shapely

    ours = json.loads(results["naturplan stats"][4])["protected"]
    naive = json.loads(results["naive geopandas share"][4])
    ours_p = json.loads(results["naturplan stats --project"][4])["projected"]
    naive_p = json.loads(results["naive geopandas projected share"][4])
    print(f"## bench_stats: {date.today().isoformat()}, {args.repeat} runs each, interleaved")
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, {platform.machine()}, "
          f"Python {platform.python_version()}, shapely {shapely.__version__}, "
          f"load average before {os.getloadavg()[0]:.1f}")
    print("\n| command (whole process) | wall median | min | max | CPU median |")
    print("|---|---|---|---|---|")
    for name, (median, low, high, cpu, _) in results.items():
        print(f"| {name} | {median:.2f} s | {low:.2f} s | {high:.2f} s | {cpu:.2f} s |")
    share = results["naturplan stats"][0]
    project = results["naturplan stats --project"][0]
    print(f"\n- ratio naive / naturplan: share {results['naive geopandas share'][0] / share:.1f}x, "
          f"projected {results['naive geopandas projected share'][0] / project:.1f}x")
    wall, _, _, cpu, _ = results[CALIBRATION]
    slowdown = wall / cpu
    print(f"- calibration: a CPU-bound process runs {slowdown:.2f}x slower than alone here now; "
          f"at that rate `naturplan stats` alone ~{share / slowdown:.2f} s, "
          f"`--project` ~{project / slowdown:.2f} s (an estimate; they use 2 threads in part)")
    print(f"- agreement: share {abs(ours['share'] - naive['share']) / naive['share']:.1e} rel, "
          f"projected {abs(ours_p['share'] - naive_p['share']) / naive_p['share']:.1e} rel "
          f"({ours['share'] * 100:.4f} %, projected {ours_p['share'] * 100:.4f} %)")


if __name__ == "__main__":
    main()
