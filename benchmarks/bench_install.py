"""Issue 14 benchmark: what an install costs (sizes) and how fast each kind of install starts.

Builds the wheel (``python -m build``), installs it into a fresh venv (what ``pip install`` or
``pipx install`` gives a user) and the desktop bundle (``desktop/build_bundle.py``), then times,
interleaved and repeated (the machine is shared and noisy; medians are reported), for the
clone (``python -m naturplan``, the baseline), the installed wheel and the bundle:

- ``naturplan --version``: the process starting and parsing its command line;
- ``naturplan stats --json`` on the full-scale sample (built once beforehand, shared by all);
- ``naturplan --screenshot``: the app starting, loading the sample, drawing the map, exiting.

The best of ``--repeat`` runs is reported (the least disturbed by the other sessions), with
each install's ratio to the clone measured in the same rounds. Prints a Markdown block for
benchmarks/RESULTS.md. Run by hand (not in CI; about 15 minutes):

    python benchmarks/bench_install.py [--repeat 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform == "win32"


def size_mb(path: Path) -> float:
    """Megabytes in the file *path* or in every file under the folder *path*."""
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*")
               if p.is_file() and not p.is_symlink()) / 1e6


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return {**env, **extra}


def build(work: Path, seconds: dict[str, float]) -> tuple[Path, Path, Path]:
    """The wheel, a venv with it installed, and the bundle folder, all under *work*; the
    seconds each step took go into *seconds*."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", work / "dist", ROOT],
                   check=True, capture_output=True, env=clean_env())
    wheel = next((work / "dist").glob("naturplan-*.whl"))
    seconds["wheel"], start = time.perf_counter() - start, time.perf_counter()
    venv.create(work / "venv", with_pip=True, clear=True)
    python = work / "venv" / ("Scripts/python.exe" if WINDOWS else "bin/python")
    subprocess.run([python, "-m", "pip", "install", "--quiet", wheel], check=True,
                   capture_output=True, env=clean_env())
    seconds["venv"], start = time.perf_counter() - start, time.perf_counter()
    subprocess.run([sys.executable, ROOT / "desktop" / "build_bundle.py", "--wheel", wheel,
                    "--out", work / "bundle", "--work", work / "bundle-work"],
                   check=True, capture_output=True, env=clean_env())
    seconds["bundle"] = time.perf_counter() - start
    shutil.rmtree(work / "bundle-work")
    return wheel, work / "venv", work / "bundle" / "naturplan"


def site_packages(folder: Path) -> Path:
    return next(folder.glob("Lib/site-packages" if WINDOWS else "lib/python*/site-packages"))


def timed(command: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp dir)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="naturplan-bench-install-"))
    work.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    build_s: dict[str, float] = {}
    wheel, venv_dir, bundle = build(work, build_s)
    scripts = venv_dir / ("Scripts" if WINDOWS else "bin")
    programs = {
        "clone (python -m naturplan)": [sys.executable, "-m", "naturplan"],
        "wheel in a venv": [str(scripts / "naturplan")],
        "bundle": [str(bundle / ("naturplan.exe" if WINDOWS else "naturplan"))],
    }
    home = work / "home"
    env = clean_env(HOME=str(home), NATURPLAN_SAMPLE_DIR=str(work / "sample"),
                    QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(home / "data"),
                    XDG_CONFIG_HOME=str(home / "config"), XDG_CACHE_HOME=str(home / "cache"))
    clone_env = {**env, "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "naturplan", "stats"], env=clone_env, check=True,
                   capture_output=True, cwd=work)  # builds the shared sample once
    cases = {"--version": ["--version"], "stats --json": ["stats", "--json"],
             "--screenshot": ["--screenshot", str(work / "shot.png")]}
    times: dict[tuple[str, str], list[float]] = {}
    for _ in range(args.repeat):
        for case, extra in cases.items():
            for name, program in programs.items():
                run_env = clone_env if name.startswith("clone") else env
                times.setdefault((case, name), []).append(
                    timed([*program, *extra], run_env, work))
    print(f"## Issue 14: install sizes and start times (`bench_install.py`), {date.today()}\n")
    print(f"Machine: {platform.node()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, {platform.system()}; shared with other sessions "
          f"(load average {load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the "
          f"end). Built in this run: the wheel in {build_s['wheel']:.0f} s, the venv with it "
          f"in {build_s['venv']:.0f} s, the bundle (its own venv with PyInstaller) in "
          f"{build_s['bundle']:.0f} s.\n")
    print("| what | size |\n|---|---|")
    print(f"| wheel `{wheel.name}` | {size_mb(wheel):.1f} MB |")
    print(f"| the venv after `pip install` of it (all dependencies) | "
          f"{size_mb(venv_dir):.0f} MB (site-packages {size_mb(site_packages(venv_dir)):.0f}"
          " MB) |")
    print(f"| bundle folder `naturplan/` | {size_mb(bundle):.0f} MB |\n")
    names = list(programs)
    print(f"Wall time of the process, best of {args.repeat} interleaved rounds (s; in brackets "
          "the ratio to the clone), full-scale sample (~99,000 parcels) already built:\n")
    print("| command | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for case in cases:
        best = [min(times[(case, n)]) for n in names]
        cells = [f"{best[0]:.2f}"] + [f"{b:.2f} ({b / best[0]:.2f}×)" for b in best[1:]]
        print(f"| `naturplan {case}` | " + " | ".join(cells) + " |")
    print("\nMedians (s): " + "; ".join(
        f"{case}: " + " / ".join(f"{statistics.median(times[(case, n)]):.2f}" for n in names)
        for case in cases))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
