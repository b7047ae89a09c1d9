"""Issue 24 (and 23's ``suggest`` <= 3 s): start-up of ``naturplan`` commands, lazy subcommands.

    PYTHONPATH=. python3 benchmarks/bench_cli_startup.py --old TREE [--runs 5] [--scale 0.01]

Each command runs as a fresh process on the sample at *scale* (built once, before timing) and is
timed by the CPU (user + sys) of the child and by wall time; the median of *runs*. ``--old
TREE`` runs a checkout of the code before the lazy commands (``git archive 9db15d6``) in the
same run, alternating old and new, so both see the same load on the shared machine.
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

ROOT = Path(__file__).resolve().parents[1]


from naturplan.io.project.open import open_plan  # noqa: E402


def timed(tree: Path, args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(CPU, wall) seconds of ``python -m naturplan *args`` with *tree* first on the path."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "naturplan", *args],
                          env={**env, "PYTHONPATH": str(tree)}, cwd=tree,
                          capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{tree}: naturplan {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def commands(work: Path, scale: str, run: int) -> dict[str, list[str]]:
    """The commands timed; *run* gives each suggest its own empty project."""
    return {
        "naturplan --help": ["--help"],
        "naturplan stats": ["stats", "--sample-scale", scale],
        "naturplan parcels --out": ["parcels", "--out", str(work / f"p{run}.csv"),
                                    "--sample-scale", scale],
        "naturplan suggest": ["suggest", "--project", str(work / f"plan{run}.gpkg"), "--target",
                              "0.17", "--scenario", "S", "--json", "--sample-scale",
                              scale],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--old", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scale", default="0.01")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {**os.environ, "NATURPLAN_SAMPLE_DIR": str(work / "sample"),
               "XDG_DATA_HOME": str(work / "data"), "XDG_CACHE_HOME": str(work / "cache"),
               "QT_QPA_PLATFORM": "offscreen"}
        timed(ROOT, ["stats", "--sample-scale", opts.scale], env)  # builds the sample
        trees = {"old": opts.old.resolve(), "new": ROOT}
        for which in trees:  # an empty project per suggest (it stores its plan in it)
            (work / which).mkdir()
            for run in range(opts.runs):
                store, _ = open_plan(work / which / f"plan{run}.gpkg", "bench")
                store.close()
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for run in range(opts.runs):
            for which, tree in trees.items():
                for name, args in commands(work / which, opts.scale, run).items():
                    times.setdefault((name, which), []).append(timed(tree, args, env))
        print("| command | CPU old | CPU new | wall old | wall new |")
        print("|---|---|---|---|---|")
        for name in commands(work, opts.scale, 0):
            old, new = times[(name, "old")], times[(name, "new")]
            med = [statistics.median(t[k] for t in runs) for runs in (old, new) for k in (0, 1)]
            print(f"| `{name}` | {med[0]:.2f} s | {med[2]:.2f} s | {med[1]:.2f} s | "
                  f"{med[3]:.2f} s |")


if __name__ == "__main__":
    main()
