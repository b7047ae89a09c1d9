"""Issue 23: where ``naturplan suggest`` spends its time after reading, this checkout beside a
reference checkout, interleaved, a fresh interpreter each run.

    python benchmarks/bench_suggest_stages.py --reference DIR [--repeat 5]

Each run is ``naturplan suggest --target 0.17 --scenario X --sample-scale 1 --json`` on a
fresh empty project, in-process (the CLI's ``main``), with the use case's stages wrapped by a
timer: the wall time of each and the CPU time of this process in it (the forked children's
CPU is not in it). Printed per run and as medians, as markdown rows for RESULTS.md, with the
load average before each run. Both checkouts must have the stages named here (those missing
are left out of a row).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

#: (module, attribute) of each stage timed, in the order of the run.
STAGES = (("naturplan.usecases.suggest_data", "read_inputs"),
          ("naturplan.usecases.suggest", "_units"),
          ("naturplan.usecases.suggest", "solve"),
          ("naturplan.usecases.suggest_chosen", "ChosenMeasures.__init__"),
          ("naturplan.usecases.suggest", "areas_of"),
          ("naturplan.usecases.suggest_chosen", "ChosenMeasures.numbers"),
          ("naturplan.usecases.suggest", "_candidates"),
          ("naturplan.usecases.suggest", "store_suggestion"))

DRIVER = r"""
import contextlib, importlib, io, json, sys, time
from naturplan.io.project.open import open_plan
times = {}
def wrap(owner, name, label):
    real = getattr(owner, name)
    def timed(*a, **k):
        w, c = time.perf_counter(), time.process_time()
        try:
            return real(*a, **k)
        finally:
            old = times.get(label, (0.0, 0.0))
            times[label] = (old[0] + time.perf_counter() - w, old[1] + time.process_time() - c)
    setattr(owner, name, timed)
for module, attr in STAGES:
    owner = importlib.import_module(module)
    *path, name = attr.split(".")
    for part in path:
        owner = getattr(owner, part, None)
    if owner is not None and hasattr(owner, name):
        wrap(owner, name, attr)
from naturplan.cli import main
project = sys.argv[1]
w, c = time.perf_counter(), time.process_time()
with contextlib.redirect_stdout(io.StringIO()) as out:
    rc = main(["suggest", "--project", project, "--target", "0.17", "--scenario", "X",
               "--sample-scale", "1", "--json"])
times["main"] = (time.perf_counter() - w, time.process_time() - c)
doc = json.loads(out.getvalue())
print(json.dumps({"rc": rc, "times": times, "areas": len(doc["candidates"]),
                  "cost": doc["cost"]}))
"""


def one_run(checkout: Path, project: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    code = ("from naturplan.io.project.open import open_plan; "
            f"s, _ = open_plan({str(project)!r}, 'bench'); s.close()")
    subprocess.run([sys.executable, "-c", code], check=True, env=env, cwd=checkout)
    done = subprocess.run([sys.executable, "-c", f"STAGES = {STAGES!r}\n{DRIVER}",
                           str(project)], env=env, cwd=checkout, capture_output=True,
                          text=True, check=True)
    found: dict = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reference", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    runs: dict[str, list[dict]] = {"reference": [], "this": []}
    with tempfile.TemporaryDirectory() as folder:
        for k in range(args.repeat):
            for label, checkout in (("reference", args.reference), ("this", HERE)):
                load = os.getloadavg()[0]
                found = one_run(checkout, Path(folder) / f"{label}{k}.gpkg")
                runs[label].append(found)
                cells = " | ".join(f"{w:.3f} / {c:.3f}" for w, c in found["times"].values())
                print(f"| {label} #{k + 1} | {load:.1f} | {cells} | {found['areas']} areas, "
                      f"cost {found['cost']:,.4f} |", flush=True)
    print("| stage | reference, median wall / CPU (s) | this | median paired difference |")
    print("|---|---|---|---|")
    for stage in runs["this"][0]["times"]:
        ref = [r["times"].get(stage) for r in runs["reference"]]
        this = [r["times"][stage] for r in runs["this"]]
        if any(t is None for t in ref):
            continue
        diff = statistics.median(t[0] - r[0] for t, r in zip(this, ref, strict=True))
        print(f"| {stage} | {statistics.median(r[0] for r in ref):.3f} / "
              f"{statistics.median(r[1] for r in ref):.3f} | "
              f"{statistics.median(t[0] for t in this):.3f} / "
              f"{statistics.median(t[1] for t in this):.3f} | {diff:+.3f} |")


if __name__ == "__main__":
    main()
