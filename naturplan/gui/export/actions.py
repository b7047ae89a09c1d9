"""The export entries of the File menu: *Eksportér kort…* and *Eksportér kandidatområder…*.

The window adds them with one call (:func:`install_export_actions`); the work is done by
``naturplan.export`` in a background :class:`~naturplan.gui.workers.Task` with progress and
Cancel in the status bar.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from naturplan.core.feedback import Feedback
from naturplan.export.i18n import error_text, tr
from naturplan.gui.export.map_dialog import MapExportDialog
from naturplan.gui.export.plan import plan_data_from_window
from naturplan.gui.workers import Task

#: File filters of the candidate export, with the suffix each writes.
CANDIDATE_FILTERS = (
    ("Excel (*.xlsx)", ".xlsx"), ("CSV (*.csv)", ".csv"), ("GeoPackage (*.gpkg)", ".gpkg"),
    ("Shapefile (*.shp)", ".shp"), ("GeoJSON (*.geojson)", ".geojson"),
)


class ExportActions(QObject):
    """The two export actions of one window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: MapExportDialog | None = None
        self.task: Task | None = None
        self.act_map = QAction(self.tr("Export map…"), window)
        self.act_map.setObjectName("action_export_map")
        self.act_map.setShortcut("Ctrl+P")
        self.act_map.triggered.connect(self.export_map)
        self.act_candidates = QAction(self.tr("Export candidate areas…"), window)
        self.act_candidates.setObjectName("action_export_candidates")
        self.act_candidates.triggered.connect(lambda: self.export_candidates())

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

        def job(progress: Any, cancelled: Any) -> int:
            from naturplan.export.plan_data import project_name
            from naturplan.export.tables import TableNotes, export_candidates

            records = data.records()
            synthetic = tuple(layer.source.label for layer in data.protected_layers()
                              if layer.source.synthetic)
            notes = TableNotes(project=project_name(data.project),
                               municipality=data.dataset.municipality.name,
                               exported=data.today.strftime("%d-%m-%Y"), synthetic=synthetic)
            export_candidates(target, records, lang, notes,
                              feedback=Feedback(progress, cancelled))
            return len(records)

        task = Task(job, self)
        task.succeeded.connect(lambda n: window.statusBar().showMessage(
            tr(lang, "export", "Wrote {n} candidate areas to {path}.", n=n, path=str(target)),
            8000))
        task.failed.connect(lambda error: QMessageBox.warning(
            window, self.tr("Could not export"), error_text(error, lang)))
        self.task = task
        task.start()
        return task


def install_export_actions(window: Any) -> ExportActions:
    """Add the export actions to the window's File menu (above Quit)."""
    actions = ExportActions(window)
    menu = window.menu("file")
    last = menu.actions()[-1] if menu.actions() else None
    menu.insertAction(last, actions.act_map)
    menu.insertAction(last, actions.act_candidates)
    menu.insertSeparator(last)
    return actions
