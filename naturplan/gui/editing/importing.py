"""File → *Import candidate areas…*: the import use case with a dialog in front of it.

The steps are those of ``naturplan candidates import``
(:mod:`naturplan.core.plan.importing`); the window only gathers the options and shows the
outcome:

1. :class:`ImportDialog`: which layer of a multi-layer file, the CRS of a file that declares
   none, the kind, the name field, repair and duplicates.
2. The file is read and checked in the background with progress and Cancel
   (:func:`naturplan.io.project.candidate_file.read_candidate_file`).
3. Broken features are listed and the others imported only if the user agrees (the command
   line's ``--skip-broken``); areas already in the plan are skipped unless asked.
4. The candidates go in as one plan edit, one undo command, with the same audit details as
   the command line; the status bar says what was imported, skipped and outside.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.errors import NaturplanError
from naturplan.core.feedback import Feedback
from naturplan.core.plan.candidates import CandidateKind
from naturplan.core.plan.importing import (
    CandidateImport,
    ImportCheck,
    ImportOptions,
    outside_areas,
    prepare_import,
    unusable,
)
from naturplan.gui.workers import Task
from naturplan.io.project.candidate_file import FileLayer, describe_layers, read_candidate_file
from naturplan.text.i18n import error_text
from naturplan.text.labels import kind_label, problem_label
from naturplan.text.numbers import format_ha

if TYPE_CHECKING:
    from naturplan.gui.editing.session import EditSession

FILE_FILTER = "GIS (*.gpkg *.geojson *.json *.shp *.gml *.fgb);;*"


@dataclass(frozen=True)
class ImportChoice:
    """What the user chose in :class:`ImportDialog`."""

    layer: str | None
    assume_crs: str | None
    kind: CandidateKind
    name_field: str | None = None
    repair: bool = False
    allow_duplicates: bool = False


class ImportDialog(QDialog):
    """The options of one import: layer, CRS (only for a layer without one), kind, names."""

    def __init__(self, path: Path, layers: Sequence[FileLayer], kind: CandidateKind,
                 lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("Import candidate areas"))
        self.layers = list(layers)
        form = QFormLayout()
        form.addRow(self.tr("File"), QLabel(path.name))
        self.layer = QComboBox()
        self.layer.setObjectName("import_layer")
        polygon_first = sorted(self.layers, key=lambda la: "polygon" not in
                               (la.geometry_type or "").lower())
        for info in polygon_first:
            text = self.tr("%1 (%2, %n features)", "", info.features).replace(
                "%1", info.name).replace("%2", info.geometry_type or "?")
            self.layer.addItem(text, info.name)
        self.layer.setEnabled(len(self.layers) > 1)
        form.addRow(self.tr("Layer"), self.layer)
        self.crs = QLineEdit()
        self.crs.setObjectName("import_crs")
        self.crs.setPlaceholderText(self.tr("EPSG code, e.g. 25832 (ETRS89 / UTM 32N)"))
        self.crs_note = QLabel()
        form.addRow(self.tr("Coordinate system"), self.crs)
        form.addRow("", self.crs_note)
        self.kind = QComboBox()
        self.kind.setObjectName("import_kind")
        for k in CandidateKind:
            self.kind.addItem(kind_label(k, lang), k.value)
        self.kind.setCurrentIndex(max(self.kind.findData(kind.value), 0))
        form.addRow(self.tr("Kind"), self.kind)
        self.name_field = QComboBox()
        self.name_field.setObjectName("import_name_field")
        form.addRow(self.tr("Names from"), self.name_field)
        self.repair = QCheckBox(self.tr("Repair invalid polygons (each repair is recorded)"))
        self.duplicates = QCheckBox(
            self.tr("Import areas that are already in the plan (same name and shape) again"))
        form.addRow("", self.repair)
        form.addRow("", self.duplicates)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.buttons)
        self.layer.currentIndexChanged.connect(self._layer_chosen)
        self.crs.textChanged.connect(self._update_ok)
        self._layer_chosen()

    def current_layer(self) -> FileLayer:
        name = self.layer.currentData()
        return next(info for info in self.layers if info.name == name)

    def _layer_chosen(self) -> None:
        info = self.current_layer()
        missing = info.crs is None
        self.crs.setEnabled(missing)
        self.crs_note.setText(
            self.tr("The layer declares no coordinate system: state it.") if missing
            else self.tr("Declared by the file: %1").replace("%1", str(info.crs)))
        self.name_field.clear()
        self.name_field.addItem(self.tr("(automatic)"), None)
        for name in info.fields:
            self.name_field.addItem(name, name)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.current_layer().crs is not None or bool(self.crs.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def choice(self) -> ImportChoice:
        info = self.current_layer()
        return ImportChoice(
            layer=info.name if len(self.layers) > 1 else None,
            assume_crs=(self.crs.text().strip() or None) if info.crs is None else None,
            kind=CandidateKind(self.kind.currentData()),
            name_field=self.name_field.currentData(),
            repair=self.repair.isChecked(),
            allow_duplicates=self.duplicates.isChecked(),
        )


class CandidateImporter(QObject):
    """Runs one import for the window (see the module docstring)."""

    def __init__(self, session: EditSession, parent_window: QWidget,
                 show_status: Callable[[str, int], None]) -> None:
        super().__init__(parent_window)
        self.session = session
        self.window = parent_window
        self.show_status = show_status
        self.progress: QProgressDialog | None = None

    def ask(self, path: Path, layers: Sequence[FileLayer]) -> ImportChoice | None:
        """The import options from the dialog, or None if the user cancelled."""
        dialog = ImportDialog(path, layers, self.session.kind, self.session.lang, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()

    def run(self, path: Path, choice: ImportChoice | None = None) -> bool:
        """Import *path*; with *choice* None the dialog asks. True if candidates were added."""
        plan = self.session.plan
        if plan is None:
            return False
        try:
            layers = describe_layers(path)
        except NaturplanError as exc:
            return self._refused(exc)
        if choice is None:
            choice = self.ask(path, layers)
            if choice is None:
                return False
        kind, result = self._read(path, choice)
        if kind == "cancelled":
            self.show_status(self.tr("Import cancelled; nothing was imported."), 8000)
            return False
        if kind == "error":
            return self._refused(result)
        check: ImportCheck = result
        options = ImportOptions(choice.kind, repair=choice.repair,
                                allow_duplicates=choice.allow_duplicates)
        bad = unusable(check, options)
        if bad and len(bad) < check.total:
            if not self._agree_to_skip(check, bad):
                return False
            options = replace(options, skip_broken=True)
        elif bad:
            options = replace(options, skip_broken=True)  # refused: no usable polygons
        try:
            todo = prepare_import(check, options, plan.candidates())
        except NaturplanError as exc:
            return self._refused(exc)
        if not todo.candidates:
            QMessageBox.information(
                self.window, self.tr("Import candidate areas"),
                self.tr("Nothing was imported: the %n areas of %1 are already in the plan.", "",
                        len(todo.duplicates)).replace("%1", path.name))
            return False
        text = self.tr("Import %n areas from %1", "", len(todo.candidates)).replace(
            "%1", path.name)
        change = self.session.add_many(list(todo.candidates), text, list(todo.details))
        if change is None:
            return False
        self.show_status(self._outcome(todo, path), 20000)
        return True

    # -- steps ------------------------------------------------------------------------
    def _read(self, path: Path, choice: ImportChoice) -> tuple[str, Any]:
        """Read and check the file in the background, with progress and Cancel."""
        def job(progress: Any, cancelled: Any) -> ImportCheck:
            return read_candidate_file(path, choice.layer, assume_crs=choice.assume_crs,
                                       name_field=choice.name_field,
                                       feedback=Feedback(progress, cancelled))

        outcome: dict[str, Any] = {"kind": "cancelled", "value": None}
        task = Task(job, self)
        progress = QProgressDialog(self.tr("Reading %1…").replace("%1", path.name),
                                   self.tr("Cancel"), 0, 100, self.window)
        progress.setObjectName("import_progress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.canceled.connect(task.cancel)
        self.progress = progress  # while reading: the dialog with the Cancel button
        task.progress.connect(lambda f, _m: progress.setValue(int(f * 100)))
        task.succeeded.connect(lambda r: outcome.update(kind="ok", value=r))
        task.failed.connect(lambda e: outcome.update(kind="error", value=e))
        loop = QEventLoop()
        task.done.connect(loop.quit)
        task.start()
        loop.exec()
        progress.close()
        self.progress = None
        return outcome["kind"], outcome["value"]

    def _agree_to_skip(self, check: ImportCheck, bad: Sequence[Any]) -> bool:
        lines = "\n".join(f"{i.fid} '{i.name}': {self._why(i)}" for i in bad[:20])
        if len(bad) > 20:
            lines += "\n…"
        question = self.tr("%n of %1 features cannot be used:\n%2\n\nImport the others (%3)?",
                           "", len(bad))
        answer = QMessageBox.question(
            self.window, self.tr("Import candidate areas"),
            question.replace("%1", str(check.total)).replace("%2", lines)
            .replace("%3", str(check.total - len(bad))))
        return answer == QMessageBox.StandardButton.Yes

    def _why(self, issue: Any) -> str:
        return problem_label(issue.problem, issue.detail, self.session.lang)

    def _refused(self, exc: BaseException) -> bool:
        QMessageBox.warning(self.window, self.tr("Could not import"),
                            error_text(exc, self.session.lang))
        return False

    def _outcome(self, todo: CandidateImport, path: Path) -> str:
        lang = self.session.lang
        parts = [self.tr("Imported %n areas (%1) from %2.", "", len(todo.candidates))
                 .replace("%1", format_ha(todo.area_m2, 2, lang)).replace("%2", path.name)]
        if todo.repaired:
            parts.append(self.tr("%n repaired.", "", len(todo.repaired)))
        if todo.skipped:
            parts.append(self.tr("%n broken skipped.", "", len(todo.skipped)))
        if todo.duplicates:
            parts.append(self.tr("%n already in the plan skipped.", "", len(todo.duplicates)))
        municipality = self.session.municipality
        if municipality is not None:
            outside = outside_areas(todo.candidates, municipality.geometry)
            if outside:
                parts.append(self._outside_words(municipality, len(outside)))
        return " ".join(parts)

    def _outside_words(self, municipality: Any, n: int) -> str:
        """"%n reach outside Aalborg Municipality …", or outside the plan area named by its
        municipalities (issue 22)."""
        from naturplan.text.plan_area import area_name, is_single

        if is_single(municipality):
            return self.tr("%n reach outside %1 Municipality; only the part inside counts.",
                           "", n).replace("%1", municipality.name)
        return self.tr("%n reach outside %1; only the part inside counts.", "", n).replace(
            "%1", area_name(municipality, self.session.lang))
