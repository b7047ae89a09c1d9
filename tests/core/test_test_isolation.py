"""The test run never touches the user's own folders (issue 21 §6): the data, cache and config
folders naturplan writes to are the session's temporary ones, for the tests and for every
subprocess they start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from naturplan.io.paths import user_cache_dir, user_config_dir, user_data_dir


def test_the_user_folders_of_a_test_run_are_not_the_users() -> None:
    home = Path.home().resolve()
    for folder in (user_data_dir(), user_cache_dir(), user_config_dir()):
        resolved = folder.resolve()
        assert not resolved.is_relative_to(home / ".local"), resolved
        assert not resolved.is_relative_to(home / ".cache"), resolved
        assert not resolved.is_relative_to(home / ".config"), resolved
        assert Path(os.environ["TMPDIR"] if "TMPDIR" in os.environ else "/tmp").resolve() \
            in resolved.parents


def test_a_subprocess_sees_the_same_folders() -> None:
    code = ("from naturplan.io.paths import user_data_dir, user_cache_dir; "
            "print(user_data_dir()); print(user_cache_dir())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == [str(user_data_dir()), str(user_cache_dir())]


def _run_a_skipping_test(tmp_path: Path, ci: str | None) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_skips.py").write_text(
        "import pytest\n"
        "def test_wants_shared():\n    pytest.skip('real data folder missing: ../shared')\n"
        "def test_platform():\n    pytest.skip(\"desktop entries are Linux's\")\n")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "ci_skips", "-q",
                           "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                           str(tmp_path / "test_skips.py")],
                          capture_output=True, text=True, cwd=tmp_path, env=env)


def test_under_ci_a_test_that_skips_for_want_of_an_install_fails(tmp_path: Path) -> None:
    ci = _run_a_skipping_test(tmp_path, "true")
    assert ci.returncode == 1, ci.stdout
    assert "1 failed, 1 skipped" in ci.stdout
    assert "nothing may skip: real data folder missing" in ci.stdout
    local = _run_a_skipping_test(tmp_path, None)
    assert local.returncode == 0, local.stdout
    assert "2 skipped" in local.stdout


def test_a_double_click_leaves_no_button_held_for_the_next_test(tmp_path: Path) -> None:
    """Qt 6's QTest.mouseDClick leaves the left button held in the application's state; under
    pytest-xdist a team test then ran after such a test and its follower waited for a release
    that never came. The root conftest releases it after each Qt test."""
    (tmp_path / "test_clicks.py").write_text(
        "from PySide6.QtCore import QPoint, Qt\n"
        "from PySide6.QtTest import QTest\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "def test_double_click(qtbot):\n"
        "    w = QWidget(); qtbot.addWidget(w); w.show(); qtbot.waitExposed(w)\n"
        "    QTest.mouseDClick(w, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,"
        " QPoint(5, 5))\n"
        "    assert QApplication.mouseButtons() == Qt.MouseButton.LeftButton  # Qt's habit\n"
        "def test_next(qtbot):\n"
        "    assert QApplication.mouseButtons() == Qt.MouseButton.NoButton\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-p", "conftest", "-q",
                           "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                           str(tmp_path / "test_clicks.py")],
                          capture_output=True, text=True, cwd=tmp_path, env=env)
    assert "2 passed" in done.stdout, done.stdout + done.stderr
