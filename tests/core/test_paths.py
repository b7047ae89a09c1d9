"""Where shipped and user files live (issue 14): the user's folders, style overrides, the build
hook that maps the top-level folders into the package."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from naturplan.core.errors import StyleError
from naturplan.io import paths
from naturplan.io.styles import load_style

REPO = Path(__file__).resolve().parents[2]
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="the XDG variables are Linux's")


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("DATA", "CACHE", "CONFIG"):
        monkeypatch.setenv(f"XDG_{name}_HOME", str(tmp_path / name.lower()))
    monkeypatch.delenv("NATURPLAN_SAMPLE_DIR", raising=False)
    return tmp_path


def test_a_checkout_reads_the_top_level_folders() -> None:
    assert not paths.is_packaged()
    assert paths.shipped_root() == REPO
    assert (paths.layers_dir() / paths.AALBORG_BOUNDARY).is_file()
    assert (paths.styles_dir() / "nature_p3.toml").is_file()
    assert paths.resource("icons", "app.svg").is_file()


@linux_only
def test_user_folders_are_the_platforms_never_the_install(xdg: Path) -> None:
    assert paths.user_data_dir() == xdg / "data" / "naturplan"
    assert paths.user_cache_dir() == xdg / "cache" / "naturplan"
    assert paths.user_config_dir() == xdg / "config" / "naturplan"
    sample = paths.sample_dir(1.0)
    assert sample == xdg / "data" / "naturplan" / "sample" / "aalborg-scale-1"
    assert paths.shipped_root() not in sample.parents


def test_sample_dir_variable_replaces_the_user_folder(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NATURPLAN_SAMPLE_DIR", str(tmp_path))
    assert paths.sample_dir(0.25) == tmp_path / "aalborg-scale-0.25"


def test_a_users_own_style_wins_over_the_shipped_one(xdg: Path) -> None:
    shipped = load_style("nature_p3")
    own = paths.user_styles_dir()
    own.mkdir(parents=True)
    (own / "nature_p3.toml").write_text('opacity = 0.5\n[symbol]\nfill = "#123456"\n',
                                        encoding="utf-8")
    mine = load_style("nature_p3")
    assert mine.symbol.fill == "#123456" and mine.opacity == 0.5
    assert shipped.symbol.fill != "#123456"
    # Other roles keep the shipped style.
    assert load_style("parcels") == load_style("parcels", paths.styles_dir())


def test_a_broken_own_style_names_the_users_file(xdg: Path) -> None:
    own = paths.user_styles_dir()
    own.mkdir(parents=True)
    (own / "flood.toml").write_text("opacity = [", encoding="utf-8")
    with pytest.raises(StyleError, match=str(own / "flood.toml").replace("\\", "\\\\")):
        load_style("flood")


def _setup_module():
    spec = importlib.util.spec_from_file_location("naturplan_setup", REPO / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _git_files(*folders: str) -> set[str]:
    out = subprocess.run(["git", "ls-files", "-z", *folders], cwd=REPO, check=True,
                         capture_output=True).stdout.decode()
    return {name for name in out.split("\0") if name}


def test_the_build_ships_every_file_of_the_folders_by_rule(tmp_path: Path) -> None:
    """Whatever anyone adds under layers/, styles/ or resources/ reaches the package: the set
    copied is the set git tracks there, never a generated sample or a stale compiled file."""
    setup = _setup_module()
    checkout = tmp_path / "checkout"
    for name in paths.SHIPPED_FOLDERS:
        shutil.copytree(REPO / name, checkout / name,
                        ignore=shutil.ignore_patterns("generated", "*.qm"))
    (checkout / "layers" / "generated" / "aalborg-scale-1").mkdir(parents=True)
    (checkout / "layers" / "generated" / "aalborg-scale-1" / "sample.gpkg").write_text("x")
    (checkout / "resources" / "translations" / "stale_da.qm").write_text("x")
    (checkout / "resources" / "newtable").mkdir()
    (checkout / "resources" / "newtable" / "added_later.toml").write_text("x = 1\n")
    copied = setup.copy_shipped(checkout, tmp_path / "out")
    found = {p.relative_to(tmp_path / "out").as_posix()
             for p in (tmp_path / "out").rglob("*") if p.is_file()}
    tracked = _git_files(*paths.SHIPPED_FOLDERS) | {"resources/newtable/added_later.toml"}
    assert found == tracked and copied == len(tracked)


def test_the_package_reads_the_translations_it_ships(tmp_path: Path) -> None:
    """One catalogue (issue 21 §4): the build ships the ``.ts`` files and nothing compiled
    from them, and what the program reads from the shipped files is every message of the
    checkout's, in both languages."""
    from naturplan.text.i18n import read_ts_files

    setup = _setup_module()
    assert not hasattr(setup, "compile_translations")
    setup.copy_shipped(REPO, tmp_path / "out")
    shipped = tmp_path / "out" / "resources" / "translations"
    assert not list(shipped.glob("*.qm"))
    for lang in ("da", "en"):
        catalogue = read_ts_files(shipped, lang)
        assert catalogue == read_ts_files(paths.translations_dir(), lang)
        assert len(catalogue) > 100
