"""The desktop bundle (issue 14): built by ``desktop/build_bundle.py``, then started as a new
user with no Python on PATH, from a folder outside the checkout, with the checkout hidden and
the bundle read-only where the machine allows it (root with ``unshare``, as in CI). It must
give the clone's numbers, draw the clone's map, export a web map, and carry a valid desktop
entry. Slow: the build takes minutes (``NATURPLAN_TEST_WHEEL``, set by ``.ci/run``, saves
building the wheel a second time)."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
EXE = "naturplan.exe" if sys.platform == "win32" else "naturplan"


def _compare_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compare_install",
                                                  REPO / ".ci" / "compare_install.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _can_hide_the_checkout() -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode == 0


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle folder, outside the checkout: built once for this module, or taken from
    ``NATURPLAN_TEST_BUNDLE_CACHE`` when its inputs are unchanged (tests/bundle_cache.py)."""
    from bundle_cache import build, cached_bundle

    out = tmp_path_factory.mktemp("bundle")
    wheel = Path(os.environ["NATURPLAN_TEST_WHEEL"]) if os.environ.get("NATURPLAN_TEST_WHEEL") \
        else None
    if os.environ.get("NATURPLAN_TEST_BUNDLE_CACHE"):
        return cached_bundle(Path(os.environ["NATURPLAN_TEST_BUNDLE_CACHE"]), wheel, out)
    return build(wheel, out)


@pytest.fixture(scope="module")
def user(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A new user's environment: an empty home, a PATH with no Python on it, no display."""
    root = tmp_path_factory.mktemp("user")
    (root / "bin").mkdir()
    env = {"HOME": str(root / "home"), "PATH": str(root / "bin"), "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "NATURPLAN_SAMPLE_SCALE": "0.01"}
    assert shutil.which("python3", path=env["PATH"]) is None
    assert shutil.which("python", path=env["PATH"]) is None
    return env


def run_bundle(bundle: Path, user: dict[str, str], cwd: Path,
               *args: str) -> subprocess.CompletedProcess[str]:
    """``naturplan ARGS`` from the bundle in *cwd*, as *user*; in a mount namespace with the
    checkout covered and the bundle read-only when the machine allows it."""
    command = [str(bundle / EXE), *args]
    if _can_hide_the_checkout():
        mount = shutil.which("mount")
        script = ('set -e; M="$1"; "$M" -t tmpfs none "$2"; "$M" --bind "$3" "$3"; '
                  '"$M" -o remount,bind,ro "$3"; shift 3; exec "$@"')
        command = [shutil.which("unshare") or "unshare", "-m", shutil.which("sh") or "/bin/sh",
                   "-c", script, "sh", str(mount), str(REPO), str(bundle), *command]
    return subprocess.run(command, cwd=cwd, env=user, capture_output=True, text=True,
                          timeout=600)


def run_clone(env: dict[str, str], cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``python -m naturplan ARGS`` from the checkout, as a developer runs it."""
    env = {**env, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(cwd / "data")}
    return subprocess.run([sys.executable, "-m", "naturplan", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def test_the_bundle_gives_the_clones_numbers_and_map(bundle: Path, user: dict[str, str],
                                                     sample_env: dict[str, str],
                                                     tmp_path: Path) -> None:
    mine, clone = tmp_path / "bundle", tmp_path / "clone"
    mine.mkdir()
    clone.mkdir()
    version = run_bundle(bundle, user, mine, "--version")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert version.stdout.strip() == f"naturplan {project['version']}", version.stderr
    for folder, result in (
        (mine, run_bundle(bundle, user, mine, "stats", "--json")),
        (clone, run_clone(sample_env, clone, "stats", "--json")),
    ):
        assert result.returncode == 0, result.stderr
        (folder / "stats.json").write_text(result.stdout, encoding="utf-8")
    for result in (run_bundle(bundle, user, mine, "--screenshot", "window.png"),
                   run_clone(sample_env, clone, "--screenshot", "window.png")):
        assert result.returncode == 0, result.stderr
    compare = _compare_module()
    assert compare.main(clone, mine) == 0  # same numbers, same window, a map that is drawn
    stats = json.loads((mine / "stats.json").read_text(encoding="utf-8"))
    places = {Path(layer["path"]).parent for layer in stats["layers"]}
    sample = Path(user["HOME"]) / ".local" / "share" / "naturplan" / "sample"
    assert all(bundle in p.parents or sample in p.parents for p in places), places


def test_the_bundle_exports_a_web_map_offline(bundle: Path, user: dict[str, str],
                                              tmp_path: Path) -> None:
    """Leaflet is read through importlib.resources only: the bundle must carry it anyway."""
    result = run_bundle(bundle, user, tmp_path, "export", "--out", "kort.html")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "kort.html").read_text(encoding="utf-8")
    assert '.version="1.9.4"' in page  # Leaflet's own code, inlined
    assert re.search(r'<(script|link)[^>]+(src|href)="https?:', page) is None  # no CDN


def test_the_desktop_entry_is_valid_and_installs_for_the_user(bundle: Path,
                                                              tmp_path: Path) -> None:
    if sys.platform != "linux":
        pytest.skip("desktop entries are Linux's")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(bundle / "naturplan.desktop")],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    elif os.environ.get("CI"):
        pytest.fail("desktop-file-validate missing (.ci/system-packages installs it)")
    env = {**os.environ, "HOME": str(tmp_path)}
    env.pop("XDG_DATA_HOME", None)
    subprocess.run(["sh", str(bundle / "install-desktop-entry.sh")], env=env, check=True,
                   capture_output=True)
    share = tmp_path / ".local" / "share"
    entry = (share / "applications" / "naturplan.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle / EXE}"' in entry.splitlines()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "naturplan.svg").read_bytes() \
        == (REPO / "resources" / "icons" / "app.svg").read_bytes()
