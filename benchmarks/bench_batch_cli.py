"""Issue 24 §4: the parcel batch and ``stats`` as a user runs them, start-up included, against
QGIS 3.22 processing in the same run.

    PYTHONPATH=. python3 benchmarks/bench_batch_cli.py [--runs 3] [--old TREE]

Ours: ``naturplan parcels --out`` (§3 part plus Natura 2000: parcels, §3 and the sample's
Natura 2000 habitat sites as ``--layer``) and ``naturplan stats``, each a fresh process (import,
read, overlay, write). QGIS: ``benchmarks/qgis_p3_overlap.py`` (``native:intersection`` +
``native:dissolve`` by parcel for §3 and for Natura 2000) in Debian's Python, timed inside
its process (start-up excluded, which favours QGIS). ``--old TREE`` also runs a checkout of
the code before this work (``git archive 78fd337`` in round 3, ``de85804`` in round 4) in the
same run. Wall and CPU (user +
sys of the child) are both given: on a shared machine CPU is the fairer measure, and the
ratios are taken within the run. The §3 areas of ours and of QGIS are compared parcel by
parcel.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent


def _child(cmd: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """(wall s, CPU s, stdout) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{cmd[:4]} failed: {done.stderr[-800:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


def _ours(tree: Path, sample: Path, out: Path, what: str) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(tree), "QT_QPA_PLATFORM": "offscreen"}
    if what == "parcels":
        cmd = [sys.executable, "-m", "naturplan", "parcels", "--no-sample",
               "--layer", f"parcels={sample}:jordstykke",
               "--layer", f"nature_p3={sample}:beskyttede_naturtyper",
               "--layer", f"natura2000={sample}:natura2000_habitat", "--out", str(out)]
    else:
        cmd = [sys.executable, "-m", "naturplan", "stats"]
    wall, cpu, _ = _child(cmd, env)
    return wall, cpu


def _qgis(sample: Path, out: Path) -> tuple[float, float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}
    wall, cpu, stdout = _child(["/usr/bin/python3", str(HERE / "qgis_p3_overlap.py"),
                                str(sample), str(out), "natura2000_habitat"], env)
    return float(stdout.strip().splitlines()[-1]), wall, cpu


def _med(values: list[tuple[float, float]]) -> str:
    return (f"{statistics.median(v[0] for v in values):.2f} s wall, "
            f"{statistics.median(v[1] for v in values):.2f} s CPU")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--old", type=Path, default=None, help="the code before, to compare")
    args = parser.parse_args()
    from naturplan.core.layers.roles import Role
    from naturplan.io.datasets import DatasetRequest, open_dataset

    sample = open_dataset(DatasetRequest(sample_scale=1.0)).vector(Role.PARCELS)[0].source.path
    tmp = Path(tempfile.mkdtemp())
    trees = {"new": HERE.parent, **({"old": args.old} if args.old else {})}
    batch: dict[str, list[tuple[float, float]]] = {k: [] for k in trees}
    stats: dict[str, list[tuple[float, float]]] = {k: [] for k in trees}
    qgis = []
    for run in range(args.runs):
        for name, tree in trees.items():
            batch[name].append(_ours(tree, sample, tmp / f"{name}.csv", "parcels"))
            stats[name].append(_ours(tree, sample, tmp, "stats"))
        if run == 0:
            qgis.append(_qgis(sample, tmp / "qgis.csv"))
    load = os.getloadavg()
    q_alg, q_wall, q_cpu = qgis[0]
    ours = batch["new"]
    print(f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} at the end, "
          f"{os.cpu_count()} cores, {args.runs} runs (median)\n")
    print("| what | wall | CPU |\n|---|---|---|")
    for name in trees:
        print(f"| `parcels --out` ({name}), start-up included | "
              f"{statistics.median(v[0] for v in batch[name]):.2f} s | "
              f"{statistics.median(v[1] for v in batch[name]):.2f} s |")
        print(f"| `stats` ({name}), start-up included | "
              f"{statistics.median(v[0] for v in stats[name]):.2f} s | "
              f"{statistics.median(v[1] for v in stats[name]):.2f} s |")
    print(f"| QGIS 3.22: intersection + dissolve, §3 and Natura 2000 (algorithms only) | "
          f"{q_alg:.2f} s | — |")
    print(f"| QGIS 3.22: the same, whole process | {q_wall:.2f} s | {q_cpu:.2f} s |")
    w = statistics.median(v[0] for v in ours)
    c = statistics.median(v[1] for v in ours)
    print(f"\nRatio QGIS / ours: {q_alg / w:.1f}× (QGIS's algorithm time against our whole "
          f"wall time), {q_cpu / c:.1f}× in CPU (whole processes).")
    mine = pd.read_csv(tmp / "new.csv")
    theirs = pd.read_csv(tmp / "qgis.csv").set_index("featureID")["area_m2"]
    print(f"Parcels with §3 (ours, slivers excluded): {(mine['p3_m2'] > 0).sum():,}; "
          f"QGIS: {(theirs > 1e-6).sum():,} (QGIS counts slivers too); sums "
          f"{mine['p3_m2'].sum() / 1e4:,.1f} ha vs {theirs.sum() / 1e4:,.1f} ha.")


if __name__ == "__main__":
    main()
