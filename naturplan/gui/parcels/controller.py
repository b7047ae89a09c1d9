"""The parcel lookup in the window: search box → parcel → card dock, map zoom and highlight.

:class:`ParcelController` builds the :class:`~naturplan.core.parcels.context.ParcelContext` in
the background when a dataset is loaded (the first search waits for it, nothing blocks),
answers the search box and the identify tool, keeps the candidates up to date as the planner
edits them, and saves the card as a PDF in the background. The main window only creates it
and calls :meth:`set_dataset`, :meth:`set_candidates` and :meth:`identify`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence, QPainter, QPen
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QToolBar

from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.layer import VectorLayer, WindowedLayer
from naturplan.core.layers.roles import Role
from naturplan.core.layers.style import LayerStyle
from naturplan.core.parcels.addresses import AddressRef
from naturplan.core.parcels.context import ParcelContext
from naturplan.core.parcels.overlaps import SliverRule
from naturplan.core.parcels.search import SearchResult, Suggestion
from naturplan.core.parcels.status import StatusCard
from naturplan.core.parcels.themes import Theme
from naturplan.export.parcel_card import CardText, card_text
from naturplan.gui.map.canvas import MapCanvas
from naturplan.gui.map.overlays import geometry_path
from naturplan.gui.parcels.widgets import ParcelCardDock, ParcelSearchBox
from naturplan.gui.workers import Task
from naturplan.io.parcel_index import IndexedParcels
from naturplan.text.i18n import error_text
from naturplan.usecases.parcel_status import ParcelQuery, parcel_status

HIGHLIGHT = "#d7191c"
#: The view around a parcel shows this many times its size (its neighbours), at least 150 m.
ZOOM_CONTEXT = 3.0
MIN_VIEW_M = 150.0


class ParcelController(QObject):
    """Search, card, highlight and PDF for the window *window*."""

    card_shown = Signal(object)  # StatusCard
    context_ready = Signal()

    def __init__(self, window: QMainWindow, canvas: MapCanvas, toolbar: QToolBar,
                 settings: QSettings, styles: dict[Role, LayerStyle], lang: str = "da") -> None:
        super().__init__(window)
        self.window = window
        self.canvas = canvas
        self.settings = settings
        self.styles = styles
        self.lang = lang
        self.dataset: Dataset | None = None
        self._context: ParcelContext | IndexedParcels | None = None
        #: The candidates changed since the context last took them (taken on first use).
        self._candidates_stale = False
        self.card: StatusCard | None = None
        self.task: Task | None = None
        self.pdf_task: Task | None = None
        self._pending: str | None = None
        self._candidates: VectorLayer | None = None
        from naturplan.io.parcels import load_legal_bases

        self.legal = load_legal_bases()
        self.box = ParcelSearchBox(toolbar)
        toolbar.addSeparator()
        toolbar.addWidget(self.box)
        self.dock = ParcelCardDock(window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.find_action = QAction(self.tr("Find parcel…"), window)
        self.find_action.setObjectName("action_find_parcel")
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.find_action.triggered.connect(self.focus_search)
        window.addAction(self.find_action)
        rule = self.rule()
        self.dock.set_tolerance(rule.min_area_m2, rule.min_width_m)
        self.box.search_requested.connect(self.search)
        self.box.down_pressed.connect(self.dock.focus_suggestions)
        self.dock.suggestion_chosen.connect(self.choose)
        self.dock.zoom_requested.connect(self.zoom_to_card)
        self.dock.save_pdf_requested.connect(self.save_pdf_dialog)
        self.dock.tolerance_changed.connect(self.set_tolerance)
        canvas.overlays.append(self._paint_highlight)

    # -- settings ---------------------------------------------------------------------
    def rule(self) -> SliverRule:
        """The sliver tolerance from the user's settings (the core's default otherwise)."""
        default = SliverRule()
        area = self.settings.value("parcels/sliver_area_m2", default.min_area_m2, float)
        width = self.settings.value("parcels/sliver_width_m", default.min_width_m, float)
        return SliverRule(float(area), float(width))

    def set_tolerance(self, area: float, width: float) -> None:
        self.settings.setValue("parcels/sliver_area_m2", float(area))
        self.settings.setValue("parcels/sliver_width_m", float(width))
        if self.context is not None:
            self.context = self.context.with_rule(SliverRule(area, width))
            self._refresh()

    # -- the data ---------------------------------------------------------------------
    def set_dataset(self, dataset: Dataset | None, wait: bool = False) -> None:
        """Build the lookup for *dataset* in the background (*wait*: now, for tests)."""
        self.dataset = dataset
        self.context = None
        self.card = None
        self.dock.show_waiting()
        self.canvas.update()
        if dataset is None or not dataset.vector(Role.PARCELS):
            self.dock.show_waiting(self.tr("No parcels are loaded."))
            return
        candidates, rule = self._candidates, self.rule()

        def job(progress: Any, cancelled: Any) -> ParcelContext | IndexedParcels:
            from naturplan.io.parcels import parcel_context

            [*_, parcels] = dataset.vector(Role.PARCELS)
            if isinstance(parcels, WindowedLayer):  # national: search and cards by index
                return IndexedParcels(dataset, parcels, candidates, rule)
            context = parcel_context(dataset, candidates=candidates, rule=rule)
            context.prepare()
            return context

        if wait:
            self._ready(job(None, None))
            return
        if self.task is not None and self.task.running:
            self.task.cancel()
        self.task = Task(job, self)
        self.task.succeeded.connect(self._ready)
        self.task.failed.connect(self._failed)
        self.task.start()

    def _ready(self, context: ParcelContext | IndexedParcels) -> None:
        self.context = context
        if self._candidates is not None:
            self.set_candidates(self._candidates)
        self.context_ready.emit()
        if self._pending is not None:
            text, self._pending = self._pending, None
            self.search(text)

    def _failed(self, error: BaseException) -> None:
        self.dock.show_waiting(error_text(error, self.lang))

    @property
    def context(self) -> ParcelContext | IndexedParcels | None:
        """The parcel lookup, with the planner's latest candidates."""
        if self._candidates_stale and self._context is not None and self.dataset is not None:
            from naturplan.core.parcels.themes import theme_layer
            from naturplan.io.parcels import source_info

            self._candidates_stale = False
            layer = self._candidates
            themes = [] if layer is None or not len(layer.frame) else [
                theme_layer(Theme.CANDIDATES, layer, source_info(layer))]
            self._context = self._context.with_themes(Theme.CANDIDATES, themes)
        return self._context

    @context.setter
    def context(self, value: ParcelContext | IndexedParcels | None) -> None:
        self._context = value

    def set_candidates(self, layer: VectorLayer | None) -> None:
        """The planner's candidates changed: cards show the new ones (the lookup takes them
        when it is next used, so an edit with no card shown costs nothing here)."""
        self._candidates = layer
        self._candidates_stale = True
        self._refresh()

    # -- searching --------------------------------------------------------------------
    def focus_search(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def search(self, text: str) -> SearchResult | None:
        """Answer the search box: the card, or what was not found and the suggestions."""
        if self.context is None:
            self._pending = text
            self.dock.show_waiting(self.tr("Preparing the parcels…"))
            return None
        try:
            report = parcel_status(self.context, ParcelQuery(text, lang=self.lang), self.legal)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the app keeps working
            self.dock.show_waiting(error_text(exc, self.lang))
            return None
        if report.miss is not None:
            said = report.miss
            self.dock.show_miss(said, list(report.result.suggestions))
            self.window.statusBar().showMessage(said.question or said.message, 8000)
        elif report.card is not None and report.text is not None:
            self._present(report.card, report.text)
        return report.result

    def choose(self, suggestion: Suggestion) -> None:
        """A suggestion was picked."""
        if suggestion.parcel is not None:
            self.show_parcel(suggestion.parcel.position, suggestion.address)

    def identify(self, x: float, y: float) -> None:
        """The identify tool's click: the card of the parcel under it (no zoom)."""
        if self.context is None:
            return
        parcel = self.context.finder.at_point(x, y)
        if parcel is not None:
            self.show_parcel(parcel.position, zoom=False)

    # -- the card ---------------------------------------------------------------------
    def show_parcel(self, position: int, address: AddressRef | None = None,
                    zoom: bool = True, *, forward: bool = True) -> StatusCard | None:
        """Show the card of the parcel at row *position*, highlight it, zoom to it; the dock
        comes to the front only with *forward* (the user asked for this parcel)."""
        if self.context is None:
            return None
        try:
            card = self.context.card(position, address)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the app keeps working
            self.dock.show_waiting(error_text(exc, self.lang))
            return None
        return self._present(card, card_text(card, self.legal, self.lang), zoom, forward=forward)

    def _present(self, card: StatusCard, text: CardText, zoom: bool = True, *,
                 forward: bool = True) -> StatusCard:
        """Show *card* in the dock, highlight it and zoom to it."""
        self.card = card
        self.dock.show_card(text, forward=forward)
        if zoom:
            self.zoom_to_card()
        self.canvas.update()
        self.card_shown.emit(self.card)
        return self.card

    def _refresh(self) -> None:
        """The card again after an edit or a new tolerance, where it is: a panel comes
        forward only when the user asks for it (issue 20: the tab jumped on every draw)."""
        if self.card is not None and self.context is not None:
            self.show_parcel(self.card.parcel.ref.position, self.card.address, zoom=False,
                             forward=False)

    def zoom_to_card(self) -> None:
        if self.card is None:
            return
        minx, miny, maxx, maxy = self.card.parcel.bounds
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        half = max(maxx - minx, maxy - miny, MIN_VIEW_M / ZOOM_CONTEXT) * ZOOM_CONTEXT / 2
        self.canvas.zoom_to((cx - half, cy - half, cx + half, cy + half))

    def _paint_highlight(self, painter: QPainter) -> None:
        if self.card is None:
            return
        path = geometry_path(self.card.parcel.geometry, self.canvas.view)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        tint = QColor(HIGHLIGHT)
        tint.setAlpha(40)
        painter.setBrush(tint)
        painter.setPen(QPen(QColor("#ffffff"), 5))
        painter.drawPath(path)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(HIGHLIGHT), 2.5))
        painter.drawPath(path)
        painter.restore()

    # -- PDF --------------------------------------------------------------------------
    def save_pdf_dialog(self) -> None:
        if self.card is None:
            return
        ref = self.card.parcel.ref
        name = f"jordstykke_{ref.ejerlavskode or ''}_{ref.matrikelnummer}.pdf".replace(" ", "_")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save parcel as PDF"),
                                              name, "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path, wait: bool = False) -> Task | None:
        """Write the card's PDF to *path* in the background (*wait*: now)."""
        if self.card is None or self.dataset is None:
            return None
        card, layers, styles, lang = self.card, list(self.dataset.layers), self.styles, self.lang
        text = card_text(card, self.legal, lang)

        def job(progress: Any, cancelled: Any) -> Path:
            from naturplan.export.parcel_pdf import write_parcel_pdf

            write_parcel_pdf(path, card, text, layers, styles, lang)
            return path

        def done(result: Path) -> None:
            self.window.statusBar().showMessage(
                self.tr("Saved %1").replace("%1", str(result)), 8000)

        if wait:
            done(job(None, None))
            return None
        self.pdf_task = Task(job, self)
        self.pdf_task.succeeded.connect(done)
        self.pdf_task.failed.connect(lambda exc: QMessageBox.warning(
            self.window, self.tr("Could not save"), error_text(exc, self.lang)))
        self.pdf_task.start()
        return self.pdf_task

    def shutdown(self) -> None:
        for task in (self.task, self.pdf_task):
            if task is not None and task.running:
                task.cancel()
                task.wait(10_000)

