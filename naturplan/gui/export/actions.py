"""The export entries of the File menu: *Eksportér kort…* and *Eksportér kandidatområder…*.

The window adds them with one call (:func:`install_export_actions`); the work is done by
``naturplan.export`` in a background :class:`~naturplan.gui.workers.Task`. The candidate table
first measures what each candidate does (a progress dialog; Cancel while connectivity is
measured skips connectivity, whose cells then say "not measured").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from naturplan.core.feedback import Feedback
from naturplan.gui.export.host import ExportHost
from naturplan.gui.export.map_dialog import MapExportDialog
from naturplan.gui.export.plan import plan_data_from_window, todays_network
from naturplan.gui.workers import Task
from naturplan.text.i18n import error_text, tr
from naturplan.usecases.candidate_table import (
    CandidateTableReport,
    CandidateTableRequest,
    export_candidate_table,
)

#: File filters of the candidate export, with the suffix each writes.
CANDIDATE_FILTERS = (
    ("Excel (*.xlsx)", ".xlsx"), ("CSV (*.csv)", ".csv"), ("GeoPackage (*.gpkg)", ".gpkg"),
    ("Shapefile (*.shp)", ".shp"), ("GeoJSON (*.geojson)", ".geojson"),
)


class ExportActions(QObject):
    """The two export actions of one window."""

    def __init__(self, window: ExportHost) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: MapExportDialog | None = None
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.act_map = QAction(self.tr("Export map…"), window)
        self.act_map.setObjectName("action_export_map")
        self.act_map.setShortcut("Ctrl+P")
        self.act_map.triggered.connect(self.export_map)
        self.act_candidates = QAction(self.tr("Export candidate areas…"), window)
        self.act_candidates.setObjectName("action_export_candidates")
        self.act_candidates.triggered.connect(lambda: self.export_candidates())
        self.atlas: Any = None
        self.act_atlas = QAction(self.tr("Export atlas…"), window)
        self.act_atlas.setObjectName("action_export_atlas")
        self.act_atlas.triggered.connect(self.export_atlas)
        self.plandata: Any = None
        self.act_plandata = QAction(self.tr("Export to Plandata…"), window)
        self.act_plandata.setObjectName("action_export_plandata")
        self.act_plandata.triggered.connect(self.export_plandata)

    def export_plandata(self) -> Any:
        """Open the Plandata dialog (issue 22: kommuneplanretningslinjer 1112-1115)."""
        from naturplan.gui.export.plandata_dialog import PlandataDialog

        self.plandata = PlandataDialog(self.window)
        self.plandata.show()
        return self.plandata

    def export_atlas(self) -> Any:
        """Open the atlas dialog (issue 19: the council's appendix of candidate pages)."""
        from naturplan.gui.export.atlas_dialog import AtlasDialog

        self.atlas = AtlasDialog(self.window)
        self.atlas.show()
        return self.atlas

    def export_map(self) -> MapExportDialog:
        """Open the map export dialog (not modal: the map stays usable)."""
        self.dialog = MapExportDialog(self.window)
        self.dialog.show()
        return self.dialog

    def export_candidates(self, path: Path | None = None) -> Task | None:
        """Write the candidate table to *path* (asked for when None) in the background."""
        window = self.window
        data = plan_data_from_window(window)
        if data is None:
            return None
        if path is None:
            filters = ";;".join(f for f, _ in CANDIDATE_FILTERS)
            chosen, selected = QFileDialog.getSaveFileName(
                window, self.tr("Export candidate areas"), "kandidatomraader.xlsx", filters)
            if not chosen:
                return None
            path = Path(chosen)
            if path.suffix.lower() not in {s for _, s in CANDIDATE_FILTERS}:
                path = path.with_suffix(dict(CANDIDATE_FILTERS).get(selected, ".xlsx"))
        lang = window.lang
        target = path
        request = CandidateTableRequest(path, data, lang, network=todays_network(window, data))

        def job(progress: Any, cancelled: Any) -> CandidateTableReport:
            return export_candidate_table(request, Feedback(progress, cancelled))

        task = Task(job, self)
        task.succeeded.connect(lambda report: window.statusBar().showMessage(" ".join([
            tr(lang, "export", "Wrote {n} candidate areas to {path}.", n=report.rows,
               path=str(target)), *report.notes, *report.gaps]), 15000))
        task.failed.connect(lambda error: QMessageBox.warning(
            window, self.tr("Could not export"), error_text(error, lang)))
        self._show_progress(task)
        self.task = task
        task.start()
        return task

    def _show_progress(self, task: Task) -> None:
        """A progress dialog (after half a second) whose Cancel skips connectivity."""
        dialog = QProgressDialog(self.tr("Measuring what each candidate does…"),
                                 self.tr("Cancel"), 0, 100, self.window)
        dialog.setWindowTitle(self.tr("Export candidate areas"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(500)
        dialog.setAutoReset(False)
        dialog.setAutoClose(False)
        dialog.canceled.connect(task.cancel)
        task.progress.connect(lambda f, m: dialog.setValue(int(f * 100)))
        task.done.connect(dialog.close)
        task.done.connect(dialog.deleteLater)
        self.progress = dialog


def install_export_actions(window: ExportHost) -> ExportActions:
    """Add the export actions to the window's File menu (above Quit)."""
    actions = ExportActions(window)
    menu = window.menu("file")
    last = menu.actions()[-1] if menu.actions() else None
    menu.insertAction(last, actions.act_map)
    menu.insertAction(last, actions.act_candidates)
    menu.insertAction(last, actions.act_atlas)
    menu.insertAction(last, actions.act_plandata)
    menu.insertSeparator(last)
    return actions
