"""Issue 21 §2: the map export and the candidate table are one use case each. ``naturplan
export`` and the window's *Filer → Eksportér kort…* both fill a request and call
``export_map``; ``naturplan candidates export`` and *Eksportér kandidatområder…* both call
``export_candidate_table``. On the same project they make the same decisions (format,
measuring first) and write files that agree."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from export_helpers import Plan

from naturplan.usecases import candidate_table, map_export


@pytest.fixture
def window(qtbot, tmp_path, sample_env, plan: Plan, monkeypatch):  # type: ignore[no-untyped-def]
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
    assert win.session.open_project(plan.path)
    yield win
    win.close()


def _recorder(monkeypatch):  # type: ignore[no-untyped-def]
    """Every call of ``export_map`` (by either front end), passed on to the real one."""
    real = map_export.export_map
    calls: list[tuple[map_export.MapExportRequest, map_export.MapExportReport]] = []

    def recording(request, feedback=None):  # type: ignore[no-untyped-def]
        report = real(request, feedback)
        calls.append((request, report))
        return report

    monkeypatch.setattr(map_export, "export_map", recording)
    monkeypatch.setattr("naturplan.gui.export.map_dialog.export_map", recording)
    return calls


def _candidate_popups(html: str) -> list[dict[str, str]]:
    """The candidates' popup rows on the page, sorted by name."""
    found = re.findall(r'\{[^{}]*"counts_toward_target":[^{}]*\}', html)
    return sorted((json.loads(text) for text in found), key=lambda row: row["name"])


def test_cli_and_dialog_fill_one_request_and_write_agreeing_web_maps(  # type: ignore[no-untyped-def]
        window, qtbot, plan: Plan, tmp_path: Path, sample_env, monkeypatch) -> None:
    from cli_runner import run_cli

    calls = _recorder(monkeypatch)
    cli_out, gui_out = tmp_path / "cli.html", tmp_path / "gui.html"
    result = run_cli(["export", "--out", str(cli_out), "--project", str(plan.path),
                      "--title", "Til byrådet"], env={**os.environ, **sample_env})
    assert result.returncode == 0, result.stderr
    dialog = window.exports.export_map()
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
    dialog.title_edit.setText("Til byrådet")
    monkeypatch.setattr("naturplan.gui.export.map_dialog.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(gui_out), "*.html"))
    reports: list[object] = []
    dialog.exported.connect(reports.append)
    dialog.export_button.click()  # as the user does: the button, then the file dialog
    qtbot.waitUntil(lambda: bool(reports), timeout=180_000)
    dialog.close()

    assert [r.path for r, _ in calls] == [cli_out, gui_out]  # both through the one function
    (cli_req, cli_rep), (gui_req, gui_rep) = calls
    assert cli_rep.fmt == gui_rep.fmt == "html"
    # the same rule decided whether to measure: both measured the project's candidates
    assert cli_rep.measured and gui_rep.measured
    wanted = {c.id for c in plan.candidates}
    assert {c.id for c in cli_req.data.candidates} == wanted
    assert {c.id for c in gui_req.data.candidates} == wanted
    assert cli_req.data.measures is None or cli_req.data.measures == {}  # requests unchanged
    # the files agree on what they say about the candidates (measured in both)
    cli_popups = _candidate_popups(cli_out.read_text(encoding="utf-8"))
    gui_popups = _candidate_popups(gui_out.read_text(encoding="utf-8"))
    assert [row["name"] for row in cli_popups] == sorted(c.name for c in plan.candidates)
    assert cli_popups == gui_popups
    # measured in both: every popup says its connectivity change (ΔECA) and flood share
    assert all("delta_eca_ha" in row and "flood_pct" in row for row in cli_popups)
    # the size text of both front ends: the report's bytes in MB, Danish decimal comma
    mb = f"{cli_out.stat().st_size / 1e6:.1f}".replace(".", ",")
    assert f"({mb} MB)" in result.stdout
    gui_mb = f"{gui_out.stat().st_size / 1e6:.1f}".replace(".", ",")
    assert f"({gui_mb} MB)" in dialog.status.text()


def test_format_from_path_or_field_and_one_clear_danish_line(tmp_path: Path) -> None:
    from naturplan.cli.export import FORMATS
    from naturplan.core.errors import ExportError
    from naturplan.text.i18n import error_text

    assert map_export.map_format(tmp_path / "kort.PDF") == "pdf"
    assert map_export.map_format(tmp_path / "kort.pdf", "html") == "html"
    with pytest.raises(ExportError) as caught:
        map_export.map_format(tmp_path / "kort.txt")
    assert error_text(caught.value, "da") == (
        "Kan ikke se formatet af kort.txt: vælg pdf, png eller html.")
    assert FORMATS == map_export.FORMATS  # the CLI's --format choices


def test_size_text_in_danish_and_english() -> None:
    report = map_export.MapExportReport(Path("kort.pdf"), "pdf", 1_449_999)
    assert (report.size_text("da"), report.size_text("en")) == ("1,4", "1.4")


def test_cli_and_menu_write_the_same_candidate_table(  # type: ignore[no-untyped-def]
        window, qtbot, plan: Plan, tmp_path: Path, sample_env, monkeypatch) -> None:
    from cli_runner import run_cli
    from openpyxl import load_workbook

    real = candidate_table.export_candidate_table
    calls: list[candidate_table.CandidateTableRequest] = []

    def recording(request, feedback=None):  # type: ignore[no-untyped-def]
        calls.append(request)
        return real(request, feedback)

    monkeypatch.setattr(candidate_table, "export_candidate_table", recording)
    monkeypatch.setattr("naturplan.gui.export.actions.export_candidate_table", recording)
    cli_out, gui_out = tmp_path / "cli.xlsx", tmp_path / "gui.xlsx"
    result = run_cli(["candidates", "export", "--project", str(plan.path), "--out",
                      str(cli_out)], env={**os.environ, **sample_env})
    assert result.returncode == 0, result.stderr
    monkeypatch.setattr("naturplan.gui.export.actions.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(gui_out), "Excel (*.xlsx)"))
    window.exports.act_candidates.trigger()  # the File menu entry, then the file dialog
    qtbot.waitUntil(lambda: gui_out.exists() and "gui.xlsx" in
                    window.statusBar().currentMessage(), timeout=120_000)

    assert [r.path for r in calls] == [cli_out, gui_out]  # both through the one function
    assert all(r.analysis for r in calls)  # both measure by default
    assert all(r.data.measured is None for r in calls)  # the requests' plans are not changed

    def rows(path: Path) -> list[tuple[object, ...]]:
        sheet = load_workbook(path)["Kandidatområder"]
        return sorted(sheet.iter_rows(min_row=2, values_only=True), key=lambda r: str(r[0]))

    cli_rows, gui_rows = rows(cli_out), rows(gui_out)
    assert cli_rows == gui_rows
    # independent of both: one row per candidate, its area in ha from shapely
    by_name = {c.name: c.geometry.area / 10_000 for c in plan.candidates}
    candidate_rows = [r for r in cli_rows if r[0] in by_name]  # the sum row "I alt" follows
    assert len(candidate_rows) == len(by_name)
    for row in candidate_rows:
        assert row[3] == pytest.approx(by_name[str(row[0])], rel=1e-3)
    assert f"Skrev {len(by_name)} kandidatområder" in result.stdout
