"""*Filer → Eksportér til Plandata…* in the real window (issue 22, item 1): the menu opens the
dialog, Check reports per feature without writing, a missing adoption date refuses the export,
and with the plan's dates the file holds the window's candidate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyogrio
import pytest
from PySide6.QtCore import Qt


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
    yield win
    win.close()


def test_plandata_export_from_the_menu(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from shapely.geometry import box

    from naturplan.core.national.marks import NationalRecord, PlanFacts
    from naturplan.io.national import write_national

    c = window.workspace.dataset.municipality.geometry.representative_point()
    window.session.add(box(c.x, c.y, c.x + 800, c.y + 600), "Mose ved Øster Å")
    plan = window.workspace.plan
    (candidate,) = plan.candidates()
    plan.update(candidate.id, status="adopted")
    names = [a.objectName() for a in window.menu("file").actions()]
    assert "action_export_plandata" in names
    next(a for a in window.menu("file").actions()
         if a.objectName() == "action_export_plandata").trigger()
    dialog = window.exports.plandata
    qtbot.waitUntil(dialog.isVisible)
    dialog.folder.setText(str(tmp_path))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    report = dialog.text.toPlainText()
    assert f"1113 V  {candidate.id} Mose ved Øster Å: afvist" in report
    assert "datovedt" in report
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert "intet er skrevet" in dialog.text.toPlainText()
    assert not list(tmp_path.glob("*.shp"))
    write_national(window.workspace.store, NationalRecord(PlanFacts(
        plan_name="Naturplan 2026", date_proposed="2026-03-01", date_adopted="2026-09-15")))
    dialog.adopted.setCurrentIndex(dialog.adopted.findData("KV"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    frame = pyogrio.read_dataframe(tmp_path / "retningslinje_1113_lavbund.shp")
    assert list(frame.objektnavn) == ["Mose ved Øster Å"] and list(frame.status) == ["KV"]
    assert frame.datovedt.iloc[0].date() == date(2026, 9, 15)
    assert frame.geometry.iloc[0].area == pytest.approx(800 * 600)
    assert "Skrev 1 område i tema 1113" in dialog.text.toPlainText()


def test_the_dialog_speaks_danish(window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = window.exports.export_plandata()
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Eksportér til Plandata"
    assert dialog.check_button.text() == "Kontrollér"
    assert dialog.adopted.itemText(2) == "eksporteres ikke"
    dialog.folder.setText(str(tmp_path))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "0 områder kontrolleret" in dialog.text.toPlainText()
