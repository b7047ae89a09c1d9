"""*Filer → Eksportér atlas…*: the candidate atlas from the window (issue 19 item 13).

The dialog chooses the candidates (all, or a scenario's) and whether to write one file or one
per kind or status; the export runs in a :class:`~naturplan.gui.workers.Task` with progress and
Cancel. It measures what each candidate does first (CO2e, conflicts, flood, ΔECA), then draws
the pages with :func:`naturplan.export.atlas.export_atlas`. Cancel stops both, and no file is
left behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.feedback import Feedback
from naturplan.gui.export.host import ExportHost
from naturplan.gui.export.plan import layers_from_window, plan_data_from_window, todays_network
from naturplan.gui.workers import Task
from naturplan.text.i18n import error_text


class AtlasDialog(QDialog):
    """Choose candidates and files; export the atlas in the background.

    Signals: ``exported(object)`` with the :class:`~naturplan.export.atlas.AtlasReport`.
    """

    exported = Signal(object)

    def __init__(self, window: ExportHost, parent: QWidget | None = None) -> None:
        super().__init__(parent or window.main_window())
        self.main = window
        self.lang = window.lang
        self.data = plan_data_from_window(window)
        self.layers = layers_from_window(window)
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Export atlas"))
        self._build()

    def _build(self) -> None:
        form = QFormLayout()
        self.candidates_box = QComboBox()
        self.candidates_box.addItem(self.tr("All candidate areas"), None)
        store = getattr(self.main.session, "store", None)
        for scenario in (store.scenarios() if store is not None else []):
            self.candidates_box.addItem(self.tr("Scenario: %1").replace("%1", scenario.name),
                                        scenario.candidate_ids)
        self.split_box = QComboBox()
        for text, value in ((self.tr("One file"), None), (self.tr("One file per kind"), "kind"),
                            (self.tr("One file per status"), "status")):
            self.split_box.addItem(text, value)
        form.addRow(self.tr("Candidates"), self.candidates_box)
        form.addRow(self.tr("Files"), self.split_box)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(self.tr("Export…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(lambda: self.export())
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)
        layout.addWidget(buttons)
        if self.data is None or not self.data.candidates:
            self.export_button.setEnabled(False)
            self.status.setText(self.tr("The plan has no candidate areas to put in an atlas."))

    def export(self, path: Path | None = None) -> Task | None:
        """Ask for a file (unless *path* is given) and write the atlas in the background."""
        if self.data is None or not self.data.candidates or (
                self.task is not None and self.task.running):
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export atlas"),
                                                    "bilag.pdf", "*.pdf")
            if not chosen:
                return None
            path = Path(chosen).with_suffix(".pdf")
        data, layers, lang = self.data, self.layers, self.lang
        split, ids = self.split_box.currentData(), self.candidates_box.currentData()
        network = todays_network(self.main, data)

        def job(progress: Any, cancelled: Any) -> Any:
            from naturplan.export.atlas import AtlasOptions, export_atlas
            from naturplan.export.atlas.groups import subset_plan
            from naturplan.gui.export.plan import measure_for_export

            chosen = data if ids is None else subset_plan(data, ids)
            measured = measure_for_export(chosen, network, lambda f, m: progress(0.3 * f, m),
                                          cancelled)
            return export_atlas(path, _with_candidates(layers, measured), measured,
                                AtlasOptions(split_by=split), lang,
                                Feedback(lambda f, m: progress(0.3 + 0.7 * f, m), cancelled))

        task = Task(job, self)
        task.progress.connect(self._progressed)
        task.succeeded.connect(self._exported)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self.status.setText(
            self.tr("Export cancelled: no file was written.")))
        task.done.connect(lambda: self._busy(False))
        self.task = task
        self._busy(True)
        task.start()
        return task

    def _progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))
        self.status.setText(message)

    def cancel_export(self) -> None:
        if self.task is not None and self.task.running:
            self.task.cancel()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.export_button.setEnabled(not busy)
        if busy:
            self.progress.setValue(0)

    def _exported(self, report: Any) -> None:
        names = ", ".join(f.path.name for f in report.files)
        self.status.setText(self.tr("Wrote %1 (%2 pages).").replace("%1", names)
                            .replace("%2", str(report.pages)))
        self.exported.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.status.setText("")
        QMessageBox.warning(self, self.tr("Could not export"), error_text(error, self.lang))

    def done(self, result: int) -> None:  # noqa: D102 - waits for the background work
        if self.task is not None and self.task.running:
            self.task.cancel()
            self.task.wait(30_000)
        super().done(result)


def _with_candidates(layers: list[Any], data: Any) -> list[Any]:
    """The window's layers with its candidates layer replaced by *data*'s (a scenario's
    candidates only)."""
    from dataclasses import replace

    from naturplan.core.layers.roles import Role

    return [replace(e, layer=data.candidates_layer()) if e.layer.role is Role.CANDIDATES
            else e for e in layers]
