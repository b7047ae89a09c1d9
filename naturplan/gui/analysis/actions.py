"""The analysis in the main window: docks, the conflicts on the map, the Analysis menu.

:func:`install_analysis` is called once by the main window; the window then calls
:meth:`AnalysisActions.set_dataset` whenever its dataset or protected share changes.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QWidget

from naturplan.core.analysis.scenarios import LedgerInputs
from naturplan.core.layers.dataset import Dataset
from naturplan.core.share.protected import ProtectedIndex, ProtectedShare
from naturplan.gui.analysis.access_view import AccessFollower, AccessWidget
from naturplan.gui.analysis.condition_view import ConditionFollower, ConditionWidget
from naturplan.gui.analysis.controller import AnalysisController
from naturplan.gui.analysis.overlay import conflict_painter
from naturplan.gui.analysis.panel import AnalysisDock, NatureAtRiskWidget
from naturplan.gui.analysis.plan_totals import PlanTotals, PlanTotalsWidget
from naturplan.gui.analysis.scenario_dock import ScenarioDock
from naturplan.gui.dashboard import DashboardDock
from naturplan.gui.editing.session import EditSession
from naturplan.gui.host import WindowHost
from naturplan.text.i18n import error_text
from naturplan.text.numbers import format_number


class AnalysisHost(WindowHost, Protocol):
    """What the analysis needs of the window: the edit session (the plan it measures) and
    the dashboard (its sections and the tab beside it); docks, the Analysis menu and the
    status bar's current message through ``main_window()``."""

    session: EditSession
    dashboard_dock: DashboardDock


class AnalysisActions(QObject):
    """The window's analysis parts (see the module docstring)."""

    def __init__(self, window: AnalysisHost) -> None:
        frame = window.main_window()
        super().__init__(frame)
        self.window = window
        self._dataset: Dataset | None = None
        self._inputs: tuple[Any, ...] = ()
        self.controller = AnalysisController(window.session, self)
        self.dock = AnalysisDock(frame)
        self.dock.panel.lang = window.lang
        self.dock.panel.joined_municipalities = self._joined_municipalities
        self.scenarios = ScenarioDock(self.controller, frame)
        self.scenarios.lang = window.lang
        frame.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        # A tab beside the dashboard (the window's layout stays as it was; a tab beside the
        # identify dock made the left docks jump once the layout settled).
        frame.tabifyDockWidget(window.dashboard_dock, self.dock)
        window.dashboard_dock.raise_()
        frame.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.scenarios)
        # The comparison opens as a window of its own at a size where its table and chart
        # can be read, over the window's lower part: docked under the map it squeezed the map
        # (issue 20). The user can dock it; the window's saved layout then keeps it there.
        self.scenarios.setFloating(True)
        self.scenarios.hide()
        self._scenarios_placed = False
        self.at_risk = NatureAtRiskWidget()
        self.at_risk.lang = window.lang
        window.dashboard_dock.add_section(self.at_risk)
        self.totals_widget = PlanTotalsWidget()
        self.totals_widget.lang = window.lang
        window.dashboard_dock.add_section(self.totals_widget, after=window.dashboard_dock.ledger)
        self.totals = PlanTotals(self.controller, self.totals_widget, self._present_roles)
        self.totals_widget.shown.connect(
            lambda: QTimer.singleShot(0, window.dashboard_dock.scroll.refit))
        self._install_access(window)
        window.canvas.overlays.append(conflict_painter(self._conflicts,
                                                       lambda: window.canvas.view))
        c = self.controller
        c.assessed.connect(self._assessed)
        c.network_ready.connect(lambda ix: self._network())
        c.network_deferred.connect(lambda deferred: self._network())
        self.dock.panel.compute_network.connect(c.compute_network)
        c.projected_ready.connect(lambda ix: self._network())
        c.at_risk_ready.connect(self.at_risk.show_result)
        c.settings_changed.connect(self._settings_changed)
        c.status.connect(self._status)
        c.failed.connect(self._failed)
        self.scenarios.visibilityChanged.connect(self._scenarios_shown)
        self._build_menu()

    def _install_access(self, window: AnalysisHost) -> None:
        """Nature near home: a dashboard section under the plan's totals and a line in the
        candidate panel under its connectivity; the condition of §3 nature under it (issue
        25)."""
        from PySide6.QtWidgets import QLabel

        self.access_widget = AccessWidget()
        self.access_widget.lang = window.lang
        window.dashboard_dock.add_section(self.access_widget, after=self.totals_widget)
        self.access_widget.shown.connect(
            lambda: QTimer.singleShot(0, window.dashboard_dock.scroll.refit))
        panel = self.dock.panel
        line = QLabel()
        line.setObjectName("analysis_access")
        line.setWordWrap(True)
        line.setTextFormat(Qt.TextFormat.RichText)
        box = panel.layout()
        box.insertWidget(box.indexOf(panel.sections["connectivity"]) + 1, line)
        self.access = AccessFollower(window.session, self.access_widget, line, self)
        self.scenarios.access_of = self.access.scenario_shares
        self.condition_widget = ConditionWidget()
        self.condition_widget.lang = window.lang
        window.dashboard_dock.add_section(self.condition_widget, after=self.access_widget)
        self.condition_widget.shown.connect(
            lambda: QTimer.singleShot(0, window.dashboard_dock.scroll.refit))
        lifts = QLabel()
        lifts.setObjectName("analysis_condition")
        lifts.setWordWrap(True)
        lifts.setTextFormat(Qt.TextFormat.RichText)
        box.insertWidget(box.indexOf(line) + 1, lifts)
        self.condition = ConditionFollower(window.session, self.condition_widget, lifts, self)
        from naturplan.gui.analysis.lifts_editor import LiftsEditing, LiftsEditor

        self.lifts_editor = LiftsEditor()
        box.insertWidget(box.indexOf(lifts) + 1, self.lifts_editor)
        self.lifts = LiftsEditing(window.session, self.condition, self.lifts_editor, self)

    def _scenarios_shown(self, shown: bool) -> None:
        if not shown:
            return
        if not self._scenarios_placed and self.scenarios.isFloating():
            self._scenarios_placed = True
            place_floating(self.scenarios, self.window.main_window())
        self.scenarios.reload()

    def _build_menu(self) -> None:
        menu = self.window.main_window().menuBar().addMenu(self.tr("&Analysis"))
        menu.setObjectName("analysis_menu")
        self.act_panel = self.dock.toggleViewAction()
        self.act_panel.setText(self.tr("Candidate analysis"))
        self.act_scenarios = self.scenarios.toggleViewAction()
        self.act_scenarios.setText(self.tr("Scenarios and comparison"))
        menu.addAction(self.act_panel)
        menu.addAction(self.act_scenarios)
        menu.addSeparator()
        self.tables_menu = menu.addMenu(self.tr("Factor table"))
        self.tables_menu.aboutToShow.connect(self._fill_tables)
        self.forest_menu = menu.addMenu(self.tr("Forest type for afforestation"))
        self.forest_menu.aboutToShow.connect(self._fill_forest_types)
        menu.addSeparator()
        self.act_suggest = QAction(self.tr("Suggest plan…"), menu)
        self.act_suggest.setObjectName("action_suggest")
        self.act_suggest.triggered.connect(self.open_suggest)
        menu.addAction(self.act_suggest)
        self.menu = menu

    def open_suggest(self) -> QWidget | None:
        """*Analyse → Foreslå plan…* (issue 23): the dialog on the window's dataset and
        project; None before a dataset is loaded."""
        from naturplan.gui.analysis.suggest_dialog import SuggestDialog

        if self._dataset is None:
            return None
        dialog = SuggestDialog(self._dataset, self._inputs[2], self.window.session,
                               self.window.lang, self.window.main_window())
        dialog.finished.connect(
            lambda _: self.scenarios.reload() if dialog.report is not None else None)
        dialog.show()
        return dialog

    def _fill_tables(self) -> None:
        from naturplan.io.factors import factor_table_names

        self.tables_menu.clear()
        group = QActionGroup(self.tables_menu)
        for name in factor_table_names():
            action = QAction(name, self.tables_menu)
            action.setCheckable(True)
            action.setChecked(name == self.controller.settings.factors)
            action.triggered.connect(lambda _=False, n=name: self.controller.choose_table(n))
            group.addAction(action)
            self.tables_menu.addAction(action)

    def _fill_forest_types(self) -> None:
        c = self.controller
        self.forest_menu.clear()
        if c.table is None:
            return
        words = {"mixed": self.tr("Mixed forest"), "broadleaf": self.tr("Broadleaf"),
                 "conifer": self.tr("Conifer")}
        current = c.settings.forest_type or c.table.afforestation.default
        group = QActionGroup(self.forest_menu)
        for kind, rate in c.table.afforestation.rates.items():
            action = QAction(self.tr("%1 (%2 t CO2/ha/yr)").replace("%1", words.get(kind, kind))
                             .replace("%2", format_number(rate, 1, self.window.lang)),
                             self.forest_menu)
            action.setCheckable(True)
            action.setChecked(kind == current)
            action.triggered.connect(lambda _=False, k=kind: c.choose_forest_type(k))
            group.addAction(action)
            self.forest_menu.addAction(action)

    # -- the window's hooks ------------------------------------------------------------
    def set_dataset(self, dataset: Dataset, share: ProtectedShare, index: ProtectedIndex,
                    roles: Any) -> None:
        """Measure against *dataset* (its protected roles *roles*) from now on."""
        from naturplan.usecases.analysis import layers_of

        if self._dataset is not None:
            self._dataset.changed.disconnect(self._dataset_changed)
        self._dataset, self._inputs = dataset, (share, index, roles)
        dataset.changed.connect(self._dataset_changed)
        layers = layers_of(dataset, roles)
        self.dock.panel.show_network(None, None)
        self.controller.set_dataset(layers, LedgerInputs(dataset.municipality.geometry, index,
                                                         share))
        self.totals.refresh()
        self.access.set_dataset(dataset)
        self.condition.set_dataset(dataset)
        self.lifts.refresh()

    def _present_roles(self) -> set[Any]:
        """The roles of the layers loaded now (a total that needs another is not shown)."""
        return set() if self._dataset is None else {layer.role for layer in self._dataset.layers}

    def _dataset_changed(self) -> None:
        """A layer was added or removed: measure against the layers as they are now."""
        if self._dataset is not None:
            self.set_dataset(self._dataset, *self._inputs)

    def shutdown(self) -> None:
        self.controller.shutdown()
        self.access.shutdown()
        self.condition.shutdown()

    # -- showing -----------------------------------------------------------------------
    def _conflicts(self) -> tuple[Any, ...]:
        current = self.controller.current
        return current.conflicts if current is not None else ()

    def _assessed(self, assessment: Any) -> None:
        self.dock.panel.show_assessment(assessment)
        self.dock.panel.show_order(self.controller.firefighter_order())
        self.window.canvas.update()

    def _joined_municipalities(self, assessment: Any) -> tuple[str, ...] | None:
        """The municipalities of the patches *assessment*'s candidate joins (issue 25 item
        3); None for a plan area of one municipality or before the network is measured."""
        from naturplan.core.analysis.border import municipalities_joined

        c = self.controller
        parts = c.layers.municipalities if c.layers is not None else ()
        return municipalities_joined(c.network, assessment.connectivity, parts)

    def _network(self) -> None:
        c = self.controller
        self.dock.panel.show_network(c.network.indices if c.network else None, c.projected,
                                     c.deferred)

    def _settings_changed(self) -> None:
        self.dock.panel.show_provenance(self.controller.provenance)

    def _status(self, name: str) -> None:
        texts = {"network": self.tr("Measuring the habitat network…"),
                 "projected": self.tr("Measuring the network with the candidates…"),
                 "scenarios": self.tr("Comparing the scenarios…")}
        bar = self.window.main_window().statusBar()
        current = bar.currentMessage()
        # A background measurement never hides a message meant for the user (a colleague's
        # change, an error); it only replaces its own notes or an empty bar.
        if name in texts and (not current or current in texts.values()):
            bar.showMessage(texts[name], 4000)

    def _failed(self, error: BaseException) -> None:
        self.window.show_status(error_text(error, self.window.lang), 10000)


def place_floating(dock: QWidget, window: QWidget) -> None:
    """*dock* floating over the lower part of *window*: 70 % of its width, 45 % of its
    height (at least 900 × 420 where the screen allows), centred, its bottom on the
    window's."""
    frame = window.geometry()
    width = max(min(900, frame.width()), int(frame.width() * 0.7))
    height = max(min(420, frame.height()), int(frame.height() * 0.45))
    dock.resize(width, height)
    dock.move(frame.x() + (frame.width() - width) // 2,
              frame.y() + frame.height() - height - 40)


def install_analysis(window: AnalysisHost) -> AnalysisActions:
    """Add the analysis docks and menu to *window*."""
    return AnalysisActions(window)
