"""Issue 23: storing many new candidates at once (``CandidatePlan.add_many``, as ``naturplan
suggest --units grid`` stores its 3,000-4,000 areas), this checkout beside a reference
checkout, each run a fresh interpreter and a fresh GeoPackage project.

    python benchmarks/bench_store_many.py --reference DIR [--count 3772] [--repeat 3]

The candidates are blocks of 1-ha cells (2-12 cells each, as the grid plan's areas), made the
same way in both checkouts. Prints wall and CPU seconds of the ``add_many`` call as markdown
rows for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
import shapely
from shapely.geometry import box
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan
from naturplan.io.project.gpkg_store import GeoPackageStore

count, path = int(sys.argv[1]), sys.argv[2]
made = []
for i in range(count):
    x, y = 550_000.0 + 1_500.0 * (i % 60), 6_300_000.0 + 500.0 * (i // 60)
    cells = [box(x + 100 * k, y + 100 * (k % 2), x + 100 * k + 100, y + 100 * (k % 2) + 100)
             for k in range(2 + i % 11)]
    made.append(Candidate.new("lowland", shapely.union_all(cells), f"Forslag {i + 1}"))
with GeoPackageStore(path, author="bench") as store:
    plan = CandidatePlan(store)
    wall, cpu = time.perf_counter(), time.process_time()
    plan.add_many(made, action="suggest")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert len(store.candidates()) == count
print(json.dumps({"wall": wall, "cpu": cpu}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", type=Path, required=True)
    ap.add_argument("--count", type=int, default=3772)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    found: dict[str, list[tuple[float, float]]] = {"reference": [], "this": []}
    with tempfile.TemporaryDirectory() as folder:
        for k in range(args.repeat):
            for label, checkout in (("reference", args.reference), ("this", HERE)):
                path = Path(folder) / f"{label}{k}.gpkg"
                load = os.getloadavg()[0]
                done = subprocess.run(
                    [sys.executable, "-c", CHILD, str(args.count), str(path)], check=True,
                    capture_output=True, text=True, cwd=checkout,
                    env={**os.environ, "PYTHONPATH": str(checkout)})
                doc = json.loads(done.stdout.strip().splitlines()[-1])
                found[label].append((doc["wall"], doc["cpu"]))
                print(f"| {label} #{k + 1} | {doc['wall']:.2f} s | {doc['cpu']:.2f} s | "
                      f"{load:.1f} |", flush=True)
    for label, rows in found.items():
        wall = sorted(w for w, _ in rows)[len(rows) // 2]
        cpu = sorted(c for _, c in rows)[len(rows) // 2]
        print(f"| {label}, median of {len(rows)} | {wall:.2f} s | {cpu:.2f} s | |")


if __name__ == "__main__":
    main()
