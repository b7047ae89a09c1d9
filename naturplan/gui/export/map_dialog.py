"""*Filer → Eksportér kort…*: a print map (PDF, PNG) or a web map (HTML), with a live preview.

The preview is the page itself, drawn by the same code as the export (``render.page``) at a
low resolution in a background task; every change of preset, title, extent or scale redraws
it. The export runs in a :class:`~naturplan.gui.workers.Task` with a progress bar and Cancel;
the dialog stays usable and the app keeps working.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.errors import NaturplanError, OperationCancelled
from naturplan.core.feedback import Feedback
from naturplan.core.plan.stores import SettingsStore
from naturplan.export.layout.page import PrintOptions, build_layout
from naturplan.export.layout.presets import list_presets
from naturplan.gui.export.host import ExportHost
from naturplan.gui.export.plan import (
    layers_from_window,
    plan_data_from_window,
    todays_network,
)
from naturplan.gui.workers import Task
from naturplan.io.project.settings_model import MapTexts, read_settings, write_settings
from naturplan.render.renderer import MapRenderer
from naturplan.text.i18n import error_text
from naturplan.usecases.map_export import MapExportReport, MapExportRequest, export_map

#: Resolution of the preview image (dots per inch of the page).
PREVIEW_DPI = 40
FORMATS = ("pdf", "png", "html")


class MapExportDialog(QDialog):
    """Choose preset, format, title, extent and scale; see the page; export in the background.

    Signals: ``exported(object)`` with the report when a file was written.
    """

    exported = Signal(object)

    def __init__(self, window: ExportHost, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window = window
        self.lang = getattr(window, "lang", "da")
        self.data = plan_data_from_window(window)
        self.layers = layers_from_window(window)
        self.view_bounds = tuple(window.canvas.view.bounds)
        self.presets = list_presets()
        #: One renderer for every preview (its indexes and simplified shapes are kept).
        self.renderer = MapRenderer()
        self.preview_task: Task | None = None
        self.export_task: Task | None = None
        self._stale = False
        self.setWindowTitle(self.tr("Export map"))
        self._build()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_preview)
        self._texts = self._remembered_texts()
        self.title_edit.setText(self._texts[0])
        self.subtitle_edit.setText(self._texts[1])
        self.schedule_preview()

    # -- widgets ------------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        self.preset_box = QComboBox()
        for preset in self.presets:
            self.preset_box.addItem(preset.name.get(self.lang), preset.key)
        self.format_box = QComboBox()
        for fmt, text in zip(FORMATS, (self.tr("PDF (vector, for print)"),
                                       self.tr("PNG image (300 dpi)"),
                                       self.tr("Interactive web map (HTML)")), strict=True):
            self.format_box.addItem(text, fmt)
        self.title_edit = QLineEdit()
        self.subtitle_edit = QLineEdit()
        self.extent_box = QComboBox()
        self.extent_box.addItem(self.tr("The whole municipality"), "municipality")
        self.extent_box.addItem(self.tr("The map's current view"), "view")
        self.scale_spin = QSpinBox()
        self.scale_spin.setRange(0, 5_000_000)
        self.scale_spin.setSingleStep(5_000)
        self.scale_spin.setPrefix("1:")
        self.scale_spin.setSpecialValueText(self.tr("fit the extent"))
        form.addRow(self.tr("Preset"), self.preset_box)
        form.addRow(self.tr("Format"), self.format_box)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Subtitle"), self.subtitle_edit)
        form.addRow(self.tr("Extent"), self.extent_box)
        form.addRow(self.tr("Scale"), self.scale_spin)
        self.preview = QLabel(self.tr("Drawing the preview…"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(480, 340)
        self.preview.setStyleSheet("background: #8a8a8a; color: white;")
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_export)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = buttons.addButton(self.tr("Export…"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(lambda: self.export())
        buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(left, 0)
        row.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)
        layout.addWidget(buttons)
        for signal in (self.preset_box.currentIndexChanged, self.format_box.currentIndexChanged,
                       self.extent_box.currentIndexChanged, self.scale_spin.valueChanged,
                       self.title_edit.textChanged, self.subtitle_edit.textChanged):
            signal.connect(self.schedule_preview)
        if self.data is None:
            self.export_button.setEnabled(False)
            self.status.setText(self.tr("Nothing to export yet: the layers are still loading."))

    # -- the title and subtitle, remembered -------------------------------------------
    def _store(self) -> Any:
        session = getattr(self.window, "session", None)
        return getattr(session, "store", None)

    def _remembered_texts(self) -> tuple[str, str]:
        """The project's last title and subtitle, else the user's last ones."""
        store = self._store()
        saved: MapTexts | None = None
        if isinstance(store, SettingsStore):
            try:
                saved = read_settings(store).map_texts
            except NaturplanError:
                saved = None
        if saved is not None:
            return saved.title, saved.subtitle
        settings = getattr(self.window, "settings", None)
        if settings is None:
            return "", ""
        return (str(settings.value("export/title", "") or ""),
                str(settings.value("export/subtitle", "") or ""))

    def _remember_texts(self) -> None:
        texts = (self.title_edit.text().strip(), self.subtitle_edit.text().strip())
        if texts == self._texts:
            return  # nothing new: no audited settings change
        self._texts = texts
        settings = getattr(self.window, "settings", None)
        if settings is not None:
            settings.setValue("export/title", texts[0])
            settings.setValue("export/subtitle", texts[1])
        store = self._store()
        if isinstance(store, SettingsStore):
            try:
                write_settings(store, map_texts=MapTexts(*texts))
            except NaturplanError:
                pass  # a read-only project: the user's settings still have them

    # -- choices ------------------------------------------------------------------------
    @property
    def preset(self) -> Any:
        return self.presets[max(self.preset_box.currentIndex(), 0)]

    @property
    def fmt(self) -> str:
        return str(self.format_box.currentData())

    def options(self) -> PrintOptions:
        """The title, subtitle, extent and scale chosen (None where the default applies)."""
        extent = self.view_bounds if self.extent_box.currentData() == "view" else None
        services = getattr(self.window, "services", None)  # the basemap shown (issue 12)
        basemap = services.basemap if services is not None and services.basemap.active \
            else None
        return PrintOptions(
            title=self.title_edit.text().strip() or None,
            subtitle=self.subtitle_edit.text().strip() or None,
            extent=extent,  # type: ignore[arg-type]
            scale=float(self.scale_spin.value()) or None,
            basemap=basemap.source if basemap is not None else None,
            basemap_opacity=basemap.opacity if basemap is not None else 1.0,
        )

    # -- preview ------------------------------------------------------------------------
    def schedule_preview(self) -> None:
        self._timer.start()

    def update_preview(self) -> None:
        """Redraw the page preview in the background (a newer request wins)."""
        if self.data is None:
            return
        if self.preview_task is not None and self.preview_task.running:
            self.preview_task.cancel()
            self._stale = True
            return
        preset, layers, data, options, lang = (self.preset, self.layers, self.data,
                                               self.options(), self.lang)
        renderer = self.renderer

        def job(progress: Any, cancelled: Any) -> Any:
            from naturplan.render.page import page_image

            layout = build_layout(preset, layers, data, options, lang)
            image = page_image(layout, PREVIEW_DPI, cancelled, renderer)
            if cancelled():
                raise OperationCancelled()  # half drawn: a newer preview follows
            return image

        task = Task(job, self)
        task.succeeded.connect(self._show_preview)
        task.failed.connect(lambda error: self.status.setText(error_text(error, self.lang)))
        task.done.connect(self._preview_done)
        self.preview_task = task
        task.start()

    def _show_preview(self, image: Any) -> None:
        pixmap = QPixmap.fromImage(image)
        self.preview.setPixmap(pixmap.scaled(self.preview.size(),
                                             Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation))

    def _preview_done(self) -> None:
        if self._stale:
            self._stale = False
            self.schedule_preview()

    # -- export -------------------------------------------------------------------------
    def export(self, path: Path | None = None) -> Task | None:
        """Ask for a file (unless *path* is given) and write it in the background."""
        if self.data is None or (self.export_task is not None and self.export_task.running):
            return None
        if path is None:
            suffix = f".{self.fmt}"
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export map"), f"naturplan{suffix}", f"*{suffix}")
            if not chosen:
                return None
            path = Path(chosen).with_suffix(suffix)
        self._remember_texts()
        request = MapExportRequest(
            path, self.layers, self.data, self.fmt, self.preset, self.options(), self.lang,
            network=todays_network(self.window, self.data) if self.fmt == "html" else None)

        def job(progress: Any, cancelled: Any) -> Any:
            return export_map(request, Feedback(progress, cancelled))

        task = Task(job, self)
        task.progress.connect(lambda f, m: (self.progress.setValue(int(f * 100)),
                                            self.status.setText(m)))
        task.succeeded.connect(self._exported)
        task.failed.connect(self._failed)
        task.cancelled.connect(lambda: self.status.setText(self.tr("Export cancelled.")))
        task.done.connect(lambda: self._busy(False))
        self.export_task = task
        self._busy(True)
        task.start()
        return task

    def cancel_export(self) -> None:
        if self.export_task is not None and self.export_task.running:
            self.export_task.cancel()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.export_button.setEnabled(not busy)
        if busy:
            self.progress.setValue(0)

    def _exported(self, report: MapExportReport) -> None:
        self.status.setText(" ".join([self.tr("Wrote %1 (%2 MB).").replace(
            "%1", report.path.name).replace("%2", report.size_text(self.lang)),
            *report.notices]))  # the scale changed, candidates cut
        self.exported.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.status.setText("")
        QMessageBox.warning(self, self.tr("Could not export"), error_text(error, self.lang))

    def done(self, result: int) -> None:  # noqa: D102 - waits for the background work
        self._remember_texts()
        for task in (self.preview_task, self.export_task):
            if task is not None and task.running:
                task.cancel()
                task.wait(30_000)
        super().done(result)
