"""*Filer → Eksportér til Plandata…*: the plan as kommuneplanretningslinjer (issue 22, item 1).

The same operation as ``naturplan plandata export``
(:func:`naturplan.usecases.plandata.export_plandata`): the dialog chooses the folder and how
proposals and adopted areas are exported (F or KF, V or KV, or not at all), *Check* shows the
report per feature without writing, *Export* writes only if no feature is refused. The plan's
candidates are the open project's; its marks and dates are the project's national record
(``naturplan plandata mark|plan``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.errors import NaturplanError
from naturplan.core.national.marks import NationalRecord
from naturplan.gui.export.host import ExportHost
from naturplan.text.i18n import error_text, tr
from naturplan.text.national_words import check_lines
from naturplan.usecases.plandata import PlandataReport, PlandataRequest, export_plandata


class PlandataDialog(QDialog):
    """Folder, statuses, the report; Check and Export."""

    def __init__(self, window: ExportHost, parent: QWidget | None = None) -> None:
        super().__init__(parent or window.main_window())
        self.main = window
        self.lang = window.lang
        self.report: PlandataReport | None = None
        self.setWindowTitle(self.tr("Export to Plandata"))
        self.resize(720, 420)
        form = QFormLayout()
        self.folder = QLineEdit(str(Path.home()))
        self.folder.setObjectName("plandata_folder")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form.addRow(self.tr("Folder"), row)
        self.proposed = self._combo("plandata_proposed", [
            (self.tr("F (forslag)"), "F"), (self.tr("KF (kladde til forslag)"), "KF"),
            (self.tr("not exported"), "")])
        self.adopted = self._combo("plandata_adopted", [
            (self.tr("V (vedtaget)"), "V"), (self.tr("KV (kladde til vedtaget)"), "KV"),
            (self.tr("not exported"), "")])
        form.addRow(self.tr("Proposed areas as"), self.proposed)
        form.addRow(self.tr("Adopted areas as"), self.adopted)
        dataset = window.workspace.dataset
        parts = dataset.municipality.parts if dataset is not None else ()
        self.kommune = self._combo("plandata_kommune", [
            (f"{p.name} ({p.code})", p.code) for p in parts])
        if len(parts) > 1:  # a plan area of several: Plandata takes one municipality's plan
            form.addRow(self.tr("Municipality"), self.kommune)
        self.text = QPlainTextEdit()
        self.text.setObjectName("plandata_report")
        self.text.setReadOnly(True)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("plandata_check")
        self.check_button.clicked.connect(lambda: self.run(check_only=True))
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setObjectName("plandata_export")
        self.export_button.clicked.connect(lambda: self.run(check_only=False))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)

    def _combo(self, name: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        for label, code in items:
            box.addItem(label, code)
        return box

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def statuses(self) -> tuple[str, ...]:
        return tuple(s for s in (self.proposed.currentData(), self.adopted.currentData()) if s)

    def run(self, check_only: bool) -> PlandataReport | None:
        """Check (and unless *check_only*, export); the report is shown in the dialog."""
        from naturplan.io.national import read_national

        workspace = self.main.workspace
        plan, store, dataset = workspace.plan, workspace.store, workspace.dataset
        if plan is None or store is None or dataset is None or not self.statuses():
            self.text.setPlainText(self.tr("Open a project and choose what to export."))
            return None
        try:
            record = read_national(store) if store is not None else NationalRecord()
            report = export_plandata(PlandataRequest(
                plan.candidates(), record, dataset.municipality, Path(self.folder.text()),
                self.statuses(), check_only=check_only,
                kommune=self.kommune.currentData() if self.kommune.count() > 1 else None))
        except NaturplanError as exc:  # in words, in the dialog
            self.text.setPlainText(error_text(exc, self.lang))
            return None
        lines = check_lines(report.check, self.lang)
        lines += [tr(self.lang, "plandata", "Wrote {n} areas of theme {theme} to {path}.",
                     n=w.features, theme=w.theme, path=str(w.path)) for w in report.written]
        lines += [tr(self.lang, "area", "Removed {path}: theme {theme} is no longer exported.",
                     theme=r.theme, path=str(r.path)) for r in report.removed]
        if report.check.refused:
            lines.append(tr(self.lang, "errors", "{n} areas break the rules of Plandata's "
                            "data model; nothing was written.", n=len(report.check.refused)))
        self.text.setPlainText("\n".join(lines))
        self.report = report
        return report
