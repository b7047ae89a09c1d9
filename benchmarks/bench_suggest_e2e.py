"""Issue 23: ``naturplan suggest`` end to end on the full sample (start-up, reading, preparing,
solving, storing), this checkout beside a reference checkout, interleaved in one run.

    NATURPLAN_SAMPLE_DIR=... python benchmarks/bench_suggest_e2e.py --reference DIR [--repeat 3]
        [-- extra suggest options, e.g. --units grid]

*DIR* is another checkout of naturplan (e.g. ``git worktree add /tmp/ref 78fd337``); each run
is a fresh interpreter (``python -m naturplan``, run in that checkout, which is first on the
path: ``-m`` puts the working folder before PYTHONPATH) and a
fresh empty project, so nothing is cached between runs but the sample's files (built before
the first run, as on a planner's machine after the first start). Both checkouts are
byte-compiled first (``compileall``), as an installed app is: this machine sets
PYTHONDONTWRITEBYTECODE, so without it every run compiles ~100 modules (0.1-0.15 s) that an
installation never compiles. The wall time, the CPU time
(user + system of the child, as ``/usr/bin/time`` gives them) and the load average before
each run are printed as markdown rows for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def empty_project(path: Path, checkout: Path) -> None:
    code = ("from naturplan.io.project.open import open_plan; "
            f"s, _ = open_plan({str(path)!r}, 'bench'); s.close()")
    subprocess.run([sys.executable, "-c", code], check=True, env=env_for(checkout), cwd=checkout)


def env_for(checkout: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(checkout)}


def run(checkout: Path, project: Path, extra: list[str]) -> tuple[float, float, dict]:
    """One ``naturplan suggest`` in a fresh interpreter: wall s, CPU s, its JSON report."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "naturplan", "suggest", "--project", str(project),
         "--target", "0.17", "--scenario", "X", "--sample-scale", "1", "--json", *extra],
        env=env_for(checkout), cwd=checkout, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode != 0:
        raise SystemExit(f"{checkout}: exit {done.returncode}: {done.stderr.strip()}")
    return wall, cpu, json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", type=Path, required=True, help="the reference checkout")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("extra", nargs="*", help="more suggest options (after --)")
    args = ap.parse_args()
    rows: dict[str, list[tuple[float, float, float]]] = {"this": [], "reference": []}
    for checkout in (args.reference, HERE):
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(checkout / "naturplan")],
                       check=True, capture_output=True)
    with tempfile.TemporaryDirectory() as folder:
        for k in range(args.repeat):
            for label, checkout, extra in (("reference", args.reference, []),
                                           ("this", HERE, args.extra)):
                if label == "reference" and args.extra:
                    continue  # the reference has no such options
                project = Path(folder) / f"{label}{k}.gpkg"
                empty_project(project, checkout)
                load = os.getloadavg()[0]
                wall, cpu, doc = run(checkout, project, extra)
                rows[label].append((wall, cpu, load))
                print(f"| {label} #{k + 1} | {wall:.2f} s | {cpu:.2f} s | {load:.1f} | "
                      f"{doc['units']:,} units, {len(doc['candidates'])} areas, "
                      f"cost {doc['cost']:,.2f}, "
                      f"share {100 * doc['share_after']:.4f} %, gap {doc['solver']['gap']:.2e}"
                      f" |", flush=True)
    for label, found in rows.items():
        if found:
            cpu = sorted(c for _, c, _ in found)
            wall = sorted(w for w, _, _ in found)
            print(f"| {label}, median of {len(found)} | {wall[len(wall) // 2]:.2f} s | "
                  f"{cpu[len(cpu) // 2]:.2f} s | | |")


if __name__ == "__main__":
    main()
