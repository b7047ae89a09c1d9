"""Shared fixtures: paths to the real data and a small synthetic sample built once."""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
REAL_DATA = REPO.parent / "shared" / "data" / "real"
LAYERS = REPO / "layers"

#: The scale of the synthetic sample in tests (~1,000 parcels): small and fast.
TEST_SAMPLE_SCALE = 0.01


def pytest_configure(config: pytest.Config) -> None:
    # The tests never touch the user's folders: a developer's own styles and settings
    # (~/.config/naturplan) never reach a test, and no test writes an unsaved project, a
    # sample or a tile cache into ~/.local/share/naturplan or ~/.cache/naturplan (a full run
    # once deleted a developer's unsaved project there). Subprocesses inherit these too.
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = tempfile.mkdtemp(prefix=f"naturplan-test-{variable.lower()}-")
        os.environ[variable] = folder
        config.add_cleanup(lambda folder=folder: shutil.rmtree(folder, ignore_errors=True))


# Under CI=true nothing skips for want of an install (tests/ci_skips.py); with pytest-xdist the
# longest files start first (tests/xdist_plan.py).
pytest_plugins = ["ci_skips"]
if importlib.util.find_spec("xdist") is not None:
    pytest_plugins.append("xdist_plan")


@pytest.fixture(scope="session")
def real_data() -> Path:
    """The folder of real Danish samples (``../shared/data/real``)."""
    if not REAL_DATA.exists():
        pytest.skip(f"real data folder missing: {REAL_DATA}")
    return REAL_DATA


@pytest.fixture(scope="session")
def sample_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Environment for subprocesses and in-process opens that use a small sample.

    The sample is built once per test session in a temporary folder.
    """
    folder = tmp_path_factory.mktemp("sample")
    env = {
        "NATURPLAN_SAMPLE_DIR": str(folder),
        "NATURPLAN_SAMPLE_SCALE": str(TEST_SAMPLE_SCALE),
    }
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    from naturplan.io.datasets import DatasetRequest, open_dataset

    open_dataset(DatasetRequest(sample_scale=TEST_SAMPLE_SCALE))  # builds it
    yield {**os.environ, **env}
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder shared by every pytest-xdist worker of this run (without xdist, the session's)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def full_sample_dataset(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The full-scale synthetic Aalborg sample (~100,000 parcels), built once per test run
    in a temporary folder and opened once per process: every full-scale test shares it. Under
    pytest-xdist the workers share the folder; the first builds it while the others wait."""
    from filelock import FileLock

    from naturplan.io.datasets import DatasetRequest, open_dataset

    shared = _run_folder(tmp_path_factory)
    folder = shared / "full_sample"
    old = os.environ.get("NATURPLAN_SAMPLE_DIR")
    os.environ["NATURPLAN_SAMPLE_DIR"] = str(folder)
    try:
        with FileLock(str(shared / "full_sample.lock")):
            return open_dataset(DatasetRequest(sample_scale=1.0))
    finally:
        if old is None:
            os.environ.pop("NATURPLAN_SAMPLE_DIR", None)
        else:
            os.environ["NATURPLAN_SAMPLE_DIR"] = old


# The PostgreSQL + PostGIS server of the team-project tests (tests/pg_cluster.py).
from pg_cluster import pg_project, pg_server  # noqa: E402, F401


@pytest.fixture(autouse=True)
def _garbage_on_the_gui_thread(request: pytest.FixtureRequest) -> Iterator[None]:
    """In every Qt test, collect cyclic garbage on the GUI thread only, as the app does
    (naturplan/gui/collector.py): a collection inside a worker thread that frees Qt objects
    aborts the process."""
    if "qapp" in request.fixturenames or "qtbot" in request.fixturenames:
        from naturplan.gui.collector import install_collector

        install_collector(request.getfixturevalue("qapp"))
        yield
        _release_the_mouse()
    else:
        yield


def _release_the_mouse() -> None:
    """Qt 6's ``QTest.mouseDClick`` leaves the button pressed in the application's state (a
    user's double click ends with a release). The next test in the same process then sees a
    held button: the team follower waits while a button is down, and fails. Release it."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    held = QApplication.mouseButtons()
    if held == Qt.MouseButton.NoButton:
        return
    widget = QWidget()
    widget.resize(8, 8)
    widget.show()
    QTest.qWaitForWindowExposed(widget)
    for button in (Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton,
                   Qt.MouseButton.MiddleButton):
        if held & button:
            QTest.mouseRelease(widget, button, Qt.KeyboardModifier.NoModifier, QPoint(4, 4))
    widget.close()
    widget.deleteLater()
