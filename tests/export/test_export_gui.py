"""File → Eksportér kort… and Eksportér kandidatområder… in the real window (offscreen):
the live preview draws the page, the export runs in the background with progress and can be
cancelled, and the files hold what the window shows."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook


@pytest.fixture
def window(qtbot, tmp_path, sample_env, monkeypatch):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

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
    from shapely.geometry import box

    win.session.add(box(c.x, c.y, c.x + 800, c.y + 600), "Mose ved Øster Å")
    yield win
    win.close()


def _image_stats(pixmap) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    px = raw.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3]
    px = px.reshape(-1, 3)
    return len(np.unique(px[::3], axis=0)), float(np.all(px == px[0], axis=1).mean())


def test_menu_dialog_preview_and_pdf_export(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    names = [a.objectName() for a in window.menu("file").actions()]
    assert "action_export_map" in names and "action_export_candidates" in names
    dialog = window.exports.export_map()
    qtbot.waitUntil(lambda: dialog.preview.pixmap() is not None
                    and not dialog.preview.pixmap().isNull(), timeout=60_000)
    colours, flat = _image_stats(dialog.preview.pixmap())
    assert colours > 20 and flat < 0.9
    dialog.grab().save(str(tmp_path / "dialog.png"))
    dialog.title_edit.setText("Til byrådet")
    dialog.preset_box.setCurrentIndex(dialog.preset_box.findData("sagsbilag_a4_staaende"))
    out = tmp_path / "kort.pdf"
    reports = []
    dialog.exported.connect(reports.append)
    task = dialog.export(out)
    assert task is not None
    qtbot.waitUntil(lambda: bool(reports), timeout=120_000)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "Til byrådet" in text and "EPSG:25832" in text
    assert "Kandidatområder" in text  # the window's candidates are on the map and in the legend
    dialog.close()


def test_export_can_be_cancelled(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = window.exports.export_map()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("png"))
    out = tmp_path / "kort.png"
    cancelled = []
    task = dialog.export(out)
    task.cancelled.connect(lambda: cancelled.append(True))
    dialog.cancel_export()
    qtbot.waitUntil(lambda: not task.running, timeout=120_000)
    qtbot.wait(50)
    if cancelled:  # it may have finished before the cancel arrived on a fast machine
        assert not out.exists()
    assert dialog.export_button.isEnabled()
    dialog.close()


def test_candidates_export_from_the_menu(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "kandidater.xlsx"
    task = window.exports.export_candidates(out)
    done = []
    task.succeeded.connect(done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    rows = list(load_workbook(out)["Kandidatområder"].iter_rows(values_only=True))
    assert rows[1][0] == "Mose ved Øster Å"
    assert rows[1][3] == pytest.approx(48.0)  # 800 m × 600 m = 48 ha
    header = list(rows[0])
    row = dict(zip(header, rows[1], strict=True))
    assert row["Brandmandens lov"]  # the analysis was measured in the worker
    assert isinstance(row["ΔECA (ha)"], float) and row["ΔECA (ha)"] > 0  # connectivity too


def test_candidates_export_cancel_during_connectivity_skips_it(window, qtbot, tmp_path,  # type: ignore[no-untyped-def]
                                                               monkeypatch) -> None:
    """Cancel while connectivity is measured: the table is still written, ΔECA is empty and
    the notes say why (a connectivity step that is cancelled stands in for the real one)."""
    from naturplan.core.analysis.connectivity import ConnectivityNetwork
    from naturplan.core.errors import OperationCancelled

    def cancelled(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OperationCancelled()

    monkeypatch.setattr(ConnectivityNetwork, "candidate", cancelled)
    out = tmp_path / "kandidater.xlsx"
    task = window.exports.export_candidates(out)
    done = []
    task.succeeded.connect(done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=60_000)
    book = load_workbook(out)
    rows = list(book["Kandidatområder"].iter_rows(values_only=True))
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["ΔECA (ha)"] is None and row["Brandmandens lov"]
    about = [r[1] for r in book["Om tabellen"].iter_rows(values_only=True)]
    assert any("annulleret under eksporten" in str(r) for r in about)
    assert "annulleret" in window.statusBar().currentMessage()
