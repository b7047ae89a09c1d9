"""Layers from web services in the window: fetch (File → Hent data…), refresh, and how old.

The work is the io use case (:func:`~naturplan.io.services.features.fetch_to_gpkg`,
:func:`~naturplan.io.services.refresh.refresh_layer`) run in the window's background task
with its progress bar and Cancel button; a fetched layer is loaded in its role with the
known field mappings and recorded among the project's layers (with where it came from), so
that "refresh" can fetch it again and the dashboard can say how old it is.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QVBoxLayout, QWidget

from naturplan.core.errors import FieldMappingError, NaturplanError
from naturplan.core.feedback import Feedback
from naturplan.core.layers.layer import Layer, VectorLayer
from naturplan.gui.basemap.fetch_dialog import FetchChoice, FetchDialog
from naturplan.gui.basemap.host import BasemapHost
from naturplan.io.loading import LayerRequest, load_layer
from naturplan.io.services.provenance import Provenance, provenance_of
from naturplan.text.i18n import tr

_PROVENANCE: dict[tuple[str, str | None, int], Provenance | None] = {}


def layer_provenance(layer: Layer) -> Provenance | None:
    """Where *layer* was fetched from, or None if it was read from an ordinary file.

    Remembered per file version, so the dashboard can ask on every change of the layers.
    """
    if not isinstance(layer, VectorLayer) or layer.source.path.suffix.lower() != ".gpkg":
        return None
    path = layer.source.path
    try:
        key = (str(path), layer.source.layer, path.stat().st_mtime_ns)
    except OSError:
        return None
    if key not in _PROVENANCE:
        _PROVENANCE[key] = provenance_of(path, layer.source.layer)
    return _PROVENANCE[key]


class ServiceActions(QObject):
    """File → Hent data… and File → Opdater lag fra tjenester for a main window."""

    def __init__(self, window: BasemapHost) -> None:
        frame = window.main_window()
        super().__init__(frame)
        self.window = window
        self.act_fetch = QAction(self.tr("Fetch data…"), frame)
        self.act_fetch.setObjectName("action_fetch_data")
        self.act_fetch.triggered.connect(self.fetch_dialog)
        self.act_refresh = QAction(self.tr("Refresh layers from web services"), frame)
        self.act_refresh.setObjectName("action_refresh_services")
        self.act_refresh.triggered.connect(self.refresh_all)

    def fetch_dialog(self) -> None:
        dialog = FetchDialog(self.window.styles, self.window.lang, self.window.main_window())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            choice = dialog.choice()
            if choice is not None:
                self.fetch(choice)

    def _bbox(self) -> tuple[float, float, float, float]:
        from naturplan.io.loading import load_municipality

        dataset = self.window.workspace.dataset
        municipality = dataset.municipality if dataset is not None else load_municipality()
        return tuple(float(v) for v in municipality.geometry.bounds)  # type: ignore[return-value]

    def fetch(self, choice: FetchChoice) -> Any:
        """Fetch *choice* in the background, then put the layer on the map and record it."""
        from naturplan.io.services.features import fetch_to_gpkg, with_left_out

        bbox = self._bbox()

        def job(progress: Any, cancelled: Any) -> tuple[Layer, LayerRequest]:
            feedback = Feedback(progress, cancelled)
            result = fetch_to_gpkg(choice.url, choice.layer, choice.out, bbox,
                                   feedback.part(0.0, 0.9), choice.token)
            request = LayerRequest(choice.role, result.path.resolve(), result.layer)
            feedback.report(0.95, result.path.name)
            # The features left out for their coordinates are said like a file's.
            return with_left_out(load_layer(request), result), request

        def done(result: tuple[Layer, LayerRequest]) -> None:
            layer, request = result
            self.window.add_loaded_layer(layer)
            self.record(request)

        def failed(error: BaseException) -> None:
            if isinstance(error, FieldMappingError):
                from naturplan.io.services.provenance import layer_name_for

                request = LayerRequest(choice.role, choice.out.resolve(),
                                       layer_name_for(choice.layer))
                self.load_mapped(request, error)
                return
            self.window.show_error(error)

        fetching = self.tr("Fetching %1…").replace("%1", choice.layer)
        return self.window.run_task(job, done, fetching, failed)

    def load_mapped(self, request: LayerRequest, error: FieldMappingError) -> Any:
        """The fetched file is on disk but its fields need a mapping: ask for one, load the
        layer with it and record it with the layer (so that refresh reads it the same way).
        """
        from naturplan.gui.add_layer import ask_field_mapping

        try:
            mapped = ask_field_mapping(request, error, self.window.lang,
                                       self.window.main_window())
        except NaturplanError as exc:
            self.window.show_error(exc)
            return None
        if mapped is None:
            return None

        def job(progress: Any, cancelled: Any) -> Layer:
            progress(0.1, mapped.path.name)
            return load_layer(mapped)

        def done(layer: Layer) -> None:
            self.window.add_loaded_layer(layer)
            self.record(mapped)

        def failed(again: BaseException) -> None:
            self.window.show_error(again)

        loading = QCoreApplication.translate("MainWindow", "Loading layer…")
        return self.window.run_task(job, done, loading, failed)

    def record(self, request: LayerRequest) -> None:
        """Add *request* to what the project is measured against (with its provenance)."""
        from naturplan.io.project.settings import record

        workspace = self.window.workspace
        if workspace.loaded is None:
            return
        dataset_request, roles = workspace.loaded
        target = Path(request.path).resolve()
        others = [r for r in dataset_request.layers if Path(r.path).resolve() != target]
        workspace.loaded = (dataclasses.replace(dataset_request, layers=(*others, request)),
                            roles)
        store = workspace.store
        if store is not None:
            try:
                record(store, *workspace.loaded)
            except (NaturplanError, OSError) as exc:
                self.window.show_error(exc)

    def refresh_all(self) -> Any:
        """Fetch every layer that came from a service again and swap it in on the map."""
        from naturplan.io.services.refresh import refresh_and_load

        window, workspace = self.window, self.window.workspace
        if workspace.dataset is None:
            return None
        old = [layer for layer in workspace.dataset.layers if layer_provenance(layer)]
        if not old:
            window.show_status(self.tr("No layer came from a web service."), 5000)
            return None
        bbox = self._bbox()
        recorded = {Path(r.path).resolve(): r for r in workspace.loaded[0].layers} \
            if workspace.loaded else {}

        def job(progress: Any, cancelled: Any) -> list[tuple[Layer, Layer]]:
            feedback = Feedback(progress, cancelled)
            pairs = []
            for i, layer in enumerate(old):
                part = feedback.part(i / len(old), (i + 1) / len(old))
                # As recorded in the project (role and field mapping), else as on the map.
                request = recorded.get(layer.source.path.resolve()) or LayerRequest(
                    layer.role, layer.source.path, layer.source.layer)
                pairs.append((layer, refresh_and_load(request, bbox, part)[1]))
            return pairs

        return window.run_task(job, self._swap, self.tr("Refreshing layers from web services…"))

    def _swap(self, pairs: list[tuple[Layer, Layer]]) -> None:
        window, workspace = self.window, self.window.workspace
        if workspace.dataset is None:
            return
        for old, new in pairs:
            workspace.dataset.remove(old)
            workspace.dataset.add(new)
            window.layers.replace_layer(old, new)
            window.canvas.renderer.forget(old)
        if any(old.role in workspace.roles for old, _ in pairs):
            window.refresh_share()
        if workspace.loaded is not None and workspace.store is not None:
            from naturplan.io.project.settings import record

            record(workspace.store, *workspace.loaded)  # the new fetch times


def age_text(provenance: Provenance, lang: str, now: datetime | None = None) -> str:
    """``hentet 27-11-2026 (i dag)`` / ``fetched 27-11-2026 (3 days ago)``."""
    when = provenance.fetched.astimezone()
    days = int(provenance.age_days(now or datetime.now(UTC)))
    date = when.strftime("%d-%m-%Y")
    if days <= 0:
        ago = tr(lang, "services", "today")
    else:
        ago = tr(lang, "services", "{n} days ago", n=days)
    return tr(lang, "services", "fetched {date} ({ago})", date=date, ago=ago)


class DataAges(QWidget):
    """The dashboard's "how old is each layer": service layers with their fetch date."""

    def __init__(self, window: BasemapHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("data_ages")
        self.host = window
        self.title = QLabel("<b>{}</b>".format(self.tr("Data from web services")))
        self.grid = QGridLayout()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 0)
        box.addWidget(self.title)
        box.addLayout(self.grid)
        window.layers.structure_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        window, lang = self.host, self.host.lang
        rows = []
        for entry in window.layers:
            found = layer_provenance(entry.layer)
            if found is not None:
                rows.append((entry, found))
        for row, (entry, found) in enumerate(rows):
            name = QLabel(entry.style.title.get(lang))
            name.setToolTip(f"{found.url}\n{found.layer}")
            age = QLabel(age_text(found, lang))
            age.setObjectName("data_age")
            if found.age_days() > 30:
                age.setStyleSheet("color: #b03a2e;")
            self.grid.addWidget(name, row, 0)
            self.grid.addWidget(age, row, 1)
        self.setVisible(bool(rows))
