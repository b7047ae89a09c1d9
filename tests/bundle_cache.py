"""The desktop bundle built once per change of its inputs (issue 21 §5).

PyInstaller takes one and a half minutes of a CI run and gives the same folder for the same
inputs. ``.ci/run`` names a cache folder outside the clone (``NATURPLAN_TEST_BUNDLE_CACHE``);
there the bundle is kept under a key made of everything it is built from:

- the wheel's files (names and contents; not the zip's timestamps, which change every build),
- the desktop files of ``desktop/`` and the app icon,
- this Python's version and platform, and the name and version of every distribution
  installed beside it (the bundle's own venv resolves from the same index).

A key not in the cache (a cold cache, as on a fresh CI machine) builds the bundle as before
and stores it; the tests start and check the bundle every run, cached or not. Without the
variable the bundle is built into the test's temporary folder each time.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from filelock import FileLock

REPO = Path(__file__).resolve().parents[1]
#: Cached bundles kept besides the one in use (each is a few hundred MB).
KEEP = 1


def inputs_key(wheel: Path) -> str:
    """A SHA-256 over everything the bundle is built from (see the module's text)."""
    digest = hashlib.sha256()

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\0{len(data)}\0".encode())
        digest.update(data)

    with zipfile.ZipFile(wheel) as archive:
        for name in sorted(archive.namelist()):
            add(f"wheel:{name}", archive.read(name))
    desktop = sorted(p for p in (REPO / "desktop").rglob("*")
                     if p.is_file() and "__pycache__" not in p.parts)
    for path in [*desktop, REPO / "resources" / "icons" / "app.svg"]:
        add(f"file:{path.relative_to(REPO).as_posix()}", path.read_bytes())
    add("python", f"{sys.version} {platform.platform()} {platform.machine()}".encode())
    installed = sorted({f"{d.metadata['Name'].lower()}=={d.version}"
                        for d in importlib.metadata.distributions() if d.metadata["Name"]})
    add("distributions", "\n".join(installed).encode())
    return digest.hexdigest()


def build(wheel: Path | None, out: Path) -> Path:
    """Build the bundle into *out* (``desktop/build_bundle.py``); its folder."""
    command = [sys.executable, str(REPO / "desktop" / "build_bundle.py"),
               "--out", str(out / "dist"), "--work", str(out / "work")]
    if wheel is not None:
        command += ["--wheel", str(wheel)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    shutil.rmtree(out / "work")  # the build's venv: a gigabyte nobody needs now
    return out / "dist" / "naturplan"


def build_wheel(out: Path) -> Path:
    """naturplan's wheel, built from the checkout into *out*."""
    result = subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out),
                             str(REPO)], capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    return next(out.glob("naturplan-*.whl"))


def cached_bundle(cache: Path, wheel: Path | None, scratch: Path) -> Path:
    """The bundle for these inputs from *cache*, built and stored there first if missing.

    One build at a time per cache (a file lock); a bundle enters the cache by one rename
    once it is complete, so a failed or interrupted build leaves nothing that looks whole.
    """
    cache.mkdir(parents=True, exist_ok=True)
    if wheel is None:
        wheel = build_wheel(scratch / "wheel")
    key = inputs_key(wheel)
    entry = cache / f"bundle-{key[:24]}"
    with FileLock(str(cache / "build.lock")):
        if not (entry / "naturplan").is_dir():
            work = Path(tempfile.mkdtemp(prefix=".building-", dir=cache))
            try:
                built = build(wheel, work)
                shutil.rmtree(entry, ignore_errors=True)
                entry.mkdir()
                built.rename(entry / "naturplan")
            finally:
                shutil.rmtree(work, ignore_errors=True)
        os.utime(entry)  # the newest in use: kept when older ones are removed
        old = sorted((p for p in cache.glob("bundle-*") if p != entry),
                     key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[KEEP:]:
            shutil.rmtree(stale, ignore_errors=True)
    return entry / "naturplan"
