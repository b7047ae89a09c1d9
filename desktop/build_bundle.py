"""Build the desktop bundle: one folder with the ``naturplan`` program and everything it needs,
Python included (PyInstaller, one-folder mode).

    python desktop/build_bundle.py [--out dist/bundle] [--wheel dist/naturplan-X.whl]

1. Builds the wheel (``python -m build``), unless ``--wheel`` names one: the bundle carries
   exactly what the wheel carries (``naturplan/shipped``: layers, styles, resources with the
   translations' ``.ts`` files).
2. Installs it and PyInstaller into a fresh virtual environment (``<work>/venv``), so that
   only the program's own dependencies go in, never the developer's other packages.
3. Runs PyInstaller there on ``desktop/naturplan_main.py``, collecting the data files of
   naturplan and of the wheels that bring their own GDAL/PROJ (rasterio, pyogrio, fiona,
   pyproj); PyInstaller's hooks add Qt's plugins (platforms, image formats, SVG icons).
4. Adds ``naturplan.desktop``, the icon ``naturplan.svg`` and ``install-desktop-entry.sh`` for
   Linux desktops.

Every path is built with :mod:`pathlib` and every step is a Python call, so the same script
runs on Windows (``dist\\bundle\\naturplan\\naturplan.exe``); PyInstaller does not cross-build,
so each platform builds its own bundle.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HERE = ROOT / "desktop"
WINDOWS = sys.platform == "win32"
EXE = "naturplan.exe" if WINDOWS else "naturplan"
#: Packages whose data files the program reads at run time: naturplan's shipped folders, and
#: GDAL's and PROJ's tables, which each of these wheels carries in its own copy.
DATA_PACKAGES = ("naturplan", "rasterio", "pyogrio", "fiona", "pyproj")
#: Packages the program reads only through importlib.resources, never imports by name, so
#: that PyInstaller cannot see them: the package and its data go in (Leaflet for the web map).
RESOURCE_ONLY = ("js_lib_leaflet",)
#: Packages whose compiled modules import Python modules that PyInstaller cannot see
#: (``rasterio._io`` imports ``rasterio.serde``, …): all their modules go in. naturplan.cli
#: imports each subcommand's module by its name from a table when it runs (issue 24).
ALL_MODULES = ("rasterio", "pyogrio", "fiona", "naturplan.cli")
PYINSTALLER = "pyinstaller>=6.10"


def run(command: list[str | Path], cwd: Path | None = None) -> None:
    """Run *command*, echoing it; stop the build if it fails.

    Without ``PYTHONPATH``: a developer's would put the checkout's package (which has no
    ``naturplan/shipped``) before the one installed from the wheel.
    """
    print("+", " ".join(str(part) for part in command), flush=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    subprocess.run([str(part) for part in command], check=True, cwd=cwd, env=env)


def build_wheel(out: Path) -> Path:
    """Build naturplan's wheel into *out* and return its path."""
    shutil.rmtree(out, ignore_errors=True)
    run([sys.executable, "-m", "build", "--wheel", "--outdir", out, ROOT])
    return next(out.glob("naturplan-*.whl"))


def venv_python(folder: Path) -> Path:
    """The Python of the virtual environment *folder*."""
    return folder / ("Scripts/python.exe" if WINDOWS else "bin/python")


def make_venv(folder: Path, wheel: Path) -> Path:
    """A fresh virtual environment in *folder* with *wheel* and PyInstaller; its Python."""
    shutil.rmtree(folder, ignore_errors=True)
    venv.create(folder, with_pip=True, clear=True)
    python = venv_python(folder)
    run([python, "-m", "pip", "install", "--quiet", wheel, PYINSTALLER])
    return python


def reuse_venv(folder: Path) -> Path:
    """The Python of an environment :func:`make_venv` made before (``--reuse-venv``)."""
    python = venv_python(folder)
    if not python.exists():
        raise SystemExit(f"no environment to reuse in {folder}")
    return python


def pyinstaller(python: Path, out: Path, work: Path) -> Path:
    """Run PyInstaller with *python*; returns the bundle's folder ``<out>/naturplan``."""
    command: list[str | Path] = [
        python, "-m", "PyInstaller", "--noconfirm", "--clean", "--onedir", "--log-level=WARN",
        "--name", "naturplan", "--distpath", out, "--workpath", work / "pyinstaller",
        "--specpath", work,
    ]
    for package in DATA_PACKAGES:
        command += ["--collect-data", package]
    for package in ALL_MODULES:
        command += ["--collect-submodules", package]
    for package in RESOURCE_ONLY:
        command += ["--hidden-import", package, "--collect-data", package]
    command += ["--copy-metadata", "naturplan"]  # naturplan --version
    # Not from the checkout: there "naturplan" would be its package, without naturplan/shipped.
    run([*command, HERE / "naturplan_main.py"], cwd=work)
    return out / "naturplan"


def add_desktop_files(bundle: Path) -> None:
    """The Linux desktop entry, its installer and the app icon, beside the program."""
    shutil.copy2(ROOT / "resources" / "icons" / "app.svg", bundle / "naturplan.svg")
    if not WINDOWS:
        shutil.copy2(HERE / "naturplan.desktop", bundle / "naturplan.desktop")
        shutil.copy2(HERE / "install-desktop-entry.sh", bundle / "install-desktop-entry.sh")
        os.chmod(bundle / "install-desktop-entry.sh", 0o755)


def folder_size(folder: Path) -> int:
    """Bytes in all files under *folder*."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "bundle",
                        help="where the bundle folder naturplan/ goes (default dist/bundle)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle",
                        help="scratch folder: the wheel, the venv, PyInstaller's files")
    parser.add_argument("--wheel", type=Path, help="use this wheel instead of building one")
    parser.add_argument("--reuse-venv", action="store_true",
                        help="reuse <work>/venv as it is (rebuilding the bundle only)")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    work = args.work.resolve()
    if args.reuse_venv:
        python = reuse_venv(work / "venv")
    else:
        wheel = args.wheel.resolve() if args.wheel else build_wheel(work / "wheel")
        python = make_venv(work / "venv", wheel)
    bundle = pyinstaller(python, args.out.resolve(), work)
    add_desktop_files(bundle)
    print(f"bundle: {bundle / EXE} ({folder_size(bundle) / 1e6:.0f} MB, "
          f"built in {time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
