"""*Filer → Eksportér atlas…* in the real window (offscreen): the atlas is written in the
background with progress, and Cancel leaves no file (not even a ``.part``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def window(qtbot, tmp_path, sample_env, monkeypatch):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from shapely.geometry import box

    from naturplan.gui.main_window import MainWindow
    from naturplan.io.datasets import DatasetRequest

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(settings, lang="da")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    win.load_dataset(DatasetRequest(sample_scale=0.01))
    qtbot.waitUntil(lambda: win.share is not None, timeout=120_000)
    c = win.dataset.municipality.geometry.representative_point()
    win.session.add(box(c.x, c.y, c.x + 800, c.y + 600), "Mose ved Øster Å")
    win.session.add(box(c.x + 3000, c.y, c.x + 3400, c.y + 500), "Eng ved Vester Å")
    yield win
    win.close()


def test_menu_action_writes_the_atlas(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    action = window.findChild(type(window.exports.act_atlas), "action_export_atlas")
    assert action in window.menu("file").actions()
    action.trigger()
    dialog = window.exports.atlas
    assert dialog.isVisible()
    out = tmp_path / "out" / "bilag.pdf"
    out.parent.mkdir()
    reports, steps = [], []
    dialog.exported.connect(reports.append)
    task = dialog.export(out)
    task.progress.connect(lambda f, m: steps.append(f))
    qtbot.waitUntil(lambda: bool(reports), timeout=180_000)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert len(text.split("\f")[:-1]) == 3  # overview + two candidates
    assert "Mose ved Øster Å" in text and "Eng ved Vester Å" in text
    assert steps and max(steps) <= 1.0
    assert "bilag.pdf" in dialog.status.text()
    dialog.close()


def test_cancel_leaves_no_file(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = window.exports.export_atlas()
    out = tmp_path / "out" / "bilag.pdf"
    out.parent.mkdir()
    dialog.split_box.setCurrentIndex(dialog.split_box.findData("kind"))
    cancelled = []
    task = dialog.export(out)
    task.cancelled.connect(lambda: cancelled.append(True))
    assert dialog.cancel_button.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not task.running, timeout=180_000)
    qtbot.waitUntil(lambda: bool(cancelled), timeout=10_000)
    assert list(out.parent.iterdir()) == []
    assert dialog.status.text() == dialog.tr("Export cancelled: no file was written.")
    assert dialog.export_button.isEnabled()
    dialog.close()


def test_cancel_while_pages_are_drawn_leaves_no_file(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Cancel after the measuring, while the PDF is half written."""
    dialog = window.exports.export_atlas()
    out = tmp_path / "out" / "bilag.pdf"
    out.parent.mkdir()
    cancelled = []
    task = dialog.export(out)
    task.cancelled.connect(lambda: cancelled.append(True))
    task.progress.connect(lambda f, m: dialog.cancel_export() if f > 0.3 else None)
    qtbot.waitUntil(lambda: not task.running, timeout=180_000)
    qtbot.waitUntil(lambda: bool(cancelled), timeout=10_000)
    assert list(out.parent.iterdir()) == []
    dialog.close()
