"""Save As on a full disk (issue 18): the copy goes through the one writer, so a disk that
fills halfway leaves no half project, the message is one Danish line, and the planner keeps
editing the project they had."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import shapely

from naturplan.io.project.gpkg_store import GeoPackageStore


@pytest.fixture()
def full_disk(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "disk"
    folder.mkdir()
    if os.geteuid() != 0 or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
            capture_output=True).returncode != 0:
        pytest.skip("needs root to mount a small tmpfs (tests/e2e/test_full_disk.py covers "
                    "the other writers without it)")
    try:
        stat = os.statvfs(folder)
        with open(folder / "filler", "wb") as handle:
            try:
                handle.write(b"\0" * (stat.f_bavail * stat.f_frsize - 8192))
            except OSError:
                pass
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def test_save_as_on_a_full_disk_leaves_nothing_and_keeps_the_project(
        window, full_disk: Path, aalborg_point, no_dialogs) -> None:  # type: ignore[no-untyped-def]
    x0, y0 = aalborg_point
    for k in range(40):  # a project larger than the 8 KB left
        window.session.add(shapely.box(x0 + 300 * k, y0, x0 + 300 * k + 200, y0 + 200))
    old = window.session.path
    errors: list[tuple[str, str]] = []
    window.session.error.connect(lambda title, text: errors.append((title, text)))
    target = full_disk / "plan.gpkg"
    assert not window.session.save_as(target)
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]
    assert len(errors) == 1
    assert errors[0][1] == f"Kan ikke skrive {target}: disken er fuld; intet blev skrevet."
    assert window.session.path == old  # still editing the project it had, all 40 there
    window.session.add(shapely.box(x0, y0 + 1000, x0 + 200, y0 + 1200))
    with GeoPackageStore(old, create=False, readonly=True) as store:
        assert len(store.candidates()) == 41
