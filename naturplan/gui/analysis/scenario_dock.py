"""Scenarios in the window: named sets of candidates, compared in a table and a chart side by
side (issue 11).

The list on the left edits the project's scenarios (each change is written to the project at
once and audited, like every edit); the comparison is measured in a background thread with the
core's :func:`~naturplan.core.analysis.scenarios.evaluate` and shown as it computed it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from naturplan.core import jsontext
from naturplan.core.analysis.conflicts import ConflictKind
from naturplan.core.analysis.connectivity import ConnectivityIndices
from naturplan.core.analysis.scenarios import ScenarioResult, evaluate
from naturplan.core.errors import NaturplanError
from naturplan.core.feedback import Feedback
from naturplan.core.plan.scenarios import Scenario
from naturplan.core.plan.stores import ScenarioStore
from naturplan.core.share.targets import Target
from naturplan.gui.analysis.chart import Metric, ScenarioChart
from naturplan.text.i18n import error_text, tr
from naturplan.text.labels import target_label
from naturplan.text.numbers import format_ha, format_number, format_percent, format_share

SCENARIO_ROLE = Qt.ItemDataRole.UserRole + 1


#: The comparison table's width in pixels: at least, and at most before it scrolls.
MIN_TABLE_WIDTH, MAX_TABLE_WIDTH = 380, 560


def wrap_words(text: str, width: float, advance: Callable[[str], float]) -> str:
    """*text* broken into lines of whole words no wider than *width* (by *advance*, the
    width of a string); a word wider than that stands on its own line."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}" if line else word
        if line and advance(trial) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    lines.append(line)
    return "\n".join(lines)


class ScenarioDock(QDockWidget):
    """Scenario list, comparison table and chart (see the module docstring)."""

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Scenarios"), parent)
        self.setObjectName("scenario_dock")
        self.controller = controller
        self.session = controller.session
        self.lang = "da"
        self.results: list[ScenarioResult] = []
        self.now: ConnectivityIndices | None = None
        self._cache: dict[tuple[Any, ...], ScenarioResult] = {}
        #: Access to nature near home with a scenario's candidates (issue 25): set by the
        #: window when addresses are loaded (None: the rows are empty, the tooltip says why).
        self.access_of: Callable[[list[Any]], Any] | None = None
        self._access: dict[int, Any] = {}  # id(result) → its AccessShares (results are cached)
        self.list = QListWidget()
        self.list.setObjectName("scenario_list")
        self.list.currentItemChanged.connect(lambda *a: self._select_members())
        buttons = QVBoxLayout()
        for name, text, slot in (
            ("new", self.tr("New from selection…"), self.new_from_selection),
            ("add", self.tr("Add selected areas"), self.add_selected),
            ("remove", self.tr("Remove selected areas"), self.remove_selected),
            ("rename", self.tr("Rename…"), self.rename),
            ("delete", self.tr("Delete"), self.delete),
            ("compare", self.tr("Compare again"), self.compare),
        ):
            button = QPushButton(text)
            button.setObjectName(f"scenario_{name}")
            # ``clicked`` sends ``checked`` (False): never into a slot's own parameters (it
            # once named every scenario "False"); the slots take only keyword arguments.
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.list, 1)
        box.addLayout(buttons)
        self.table = QTableWidget()
        self.table.setObjectName("scenario_table")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumWidth(MIN_TABLE_WIDTH)
        self.chart = ScenarioChart()
        self.state = QLabel()
        self.state.setStyleSheet("color: #555;")
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        right_box.addWidget(split, 1)
        right_box.addWidget(self.state)
        body = QWidget()
        row = QHBoxLayout(body)
        row.setContentsMargins(2, 2, 2, 2)
        row.addWidget(left)
        row.addWidget(right, 1)
        self.setWidget(body)
        self.session.project_changed.connect(self.reload)
        self.session.scenarios_changed.connect(self.reload)  # a colleague's (team projects)
        self.session.plan_edited.connect(self._plan_edited)
        controller.network_ready.connect(self._network_ready)
        controller.network_deferred.connect(self._network_deferred)

    # -- the project's scenarios -------------------------------------------------------
    def scenarios(self) -> list[Scenario]:
        store = self.session.store
        if not isinstance(store, ScenarioStore):
            return []
        try:
            return list(store.scenarios())
        except NaturplanError as exc:
            self._error(exc)
            return []

    def reload(self) -> None:
        """Refill the list from the project and compare again."""
        current = self.current()
        self.list.blockSignals(True)
        self.list.clear()
        for s in self.scenarios():
            areas = self.tr("%n areas", "", len(s.candidate_ids))
            item = QListWidgetItem(f"{s.name} ({areas})")
            item.setToolTip(f"{s.name} ({areas})")  # whole where the docked list is narrow
            item.setData(SCENARIO_ROLE, s)
            self.list.addItem(item)
            if current is not None and s.id == current.id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.compare()

    def current(self) -> Scenario | None:
        item = self.list.currentItem()
        return None if item is None else item.data(SCENARIO_ROLE)

    def _write(self, action: Callable[[Any], Any]) -> bool:
        store = self.session.store
        if store is None:
            return False
        if not isinstance(store, ScenarioStore):  # a store that keeps no scenarios yet
            QMessageBox.information(self, self.tr("Scenarios"), self.tr(
                "This project's store does not keep scenarios yet."))
            return False
        try:
            action(store)
        except NaturplanError as exc:
            self._error(exc)
            self.reload()
            return False
        self.reload()
        return True

    def _error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Scenarios"), error_text(exc, self.lang))

    def new_from_selection(self, *, name: str | None = None) -> None:
        """A new scenario with the selected candidate areas (asks for its name)."""
        if name is None:
            default = self.tr("Proposal %1").replace("%1", chr(ord("A") + self.list.count()))
            name, ok = QInputDialog.getText(self, self.tr("New scenario"), self.tr("Name:"),
                                            text=default)
            if not ok:
                return
        try:
            scenario = Scenario.new(name, self.session.selection.ids)
        except NaturplanError as exc:
            self._error(exc)
            return
        self._write(lambda store: store.insert_scenario(scenario))
        self._select(scenario.id)

    def _change(self, **changes: Any) -> None:
        s = self.current()
        if s is None:
            return
        try:
            changed = s.with_changes(**changes)
        except NaturplanError as exc:
            self._error(exc)
            return
        self._write(lambda store: store.update_scenario(changed, s.version))
        self._select(s.id)

    def add_selected(self) -> None:
        s = self.current()
        if s is not None:
            self._change(candidate_ids=[*s.candidate_ids, *self.session.selection.ids])

    def remove_selected(self) -> None:
        s = self.current()
        if s is not None:
            chosen = set(self.session.selection.ids)
            self._change(candidate_ids=[i for i in s.candidate_ids if i not in chosen])

    def rename(self, *, name: str | None = None) -> None:
        s = self.current()
        if s is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Rename scenario"), self.tr("Name:"),
                                            text=s.name)
            if not ok:
                return
        self._change(name=name)

    def delete(self) -> None:
        s = self.current()
        if s is not None:
            self._write(lambda store: store.delete_scenario(s.id, s.version))

    def _select(self, scenario_id: str) -> None:
        for k in range(self.list.count()):
            if self.list.item(k).data(SCENARIO_ROLE).id == scenario_id:
                self.list.setCurrentRow(k)

    def _select_members(self) -> None:
        """Selecting a scenario selects its areas on the map and in the table."""
        s, plan = self.current(), self.session.plan
        if s is not None and plan is not None:
            self.session.selection.set(i for i in s.candidate_ids if i in plan)

    # -- the comparison ----------------------------------------------------------------
    def _plan_edited(self) -> None:
        if self.isVisible() and self.list.count():
            self.compare()

    def _network_ready(self, indices: ConnectivityIndices) -> None:
        self.now = indices
        self._cache.clear()
        if self.isVisible():
            self.compare()

    def _network_deferred(self, deferred: object) -> None:
        """Today's network is not measured (too large to measure on load): no ΔECA."""
        if deferred is not None:
            self.now = None
            self._cache.clear()

    def _key(self, s: Scenario, plan: dict[str, Any]) -> tuple[Any, ...]:
        members = tuple((i, plan[i].version) for i in s.candidate_ids if i in plan)
        settings = jsontext.dumps(self.controller.settings.as_dict(), sort_keys=True)
        return s.id, s.version, members, settings, self.now is not None

    def compare(self) -> None:
        """Measure every scenario in the background (cached per version of its areas)."""
        c = self.controller
        plan = self.session.plan
        scenarios = self.scenarios()
        if not scenarios or plan is None or c.layers is None or c.ledger_inputs is None:
            self.show_results([])
            return
        members = {cand.id: cand for cand in plan.candidates()}
        todo = [s for s in scenarios if self._key(s, members) not in self._cache]
        if not todo:
            self.show_results([self._cache[self._key(s, members)] for s in scenarios])
            return
        layers, table, settings, inputs = c.layers, c.table, c.settings, c.ledger_inputs
        with_network = c.network is not None
        self.state.setText(self.tr("Comparing the scenarios…"))

        def job(progress: Callable[[float, str], None], cancelled: Callable[[], bool]) -> Any:
            fb = Feedback(progress, cancelled)
            out = []
            for k, s in enumerate(todo):
                part = fb.part(k / len(todo), (k + 1) / len(todo))
                out.append((self._key(s, members), evaluate(
                    s, members, inputs, layers, table, settings, connectivity=with_network,
                    feedback=part)))
            return out

        def done(result: Any) -> None:
            for key, value in result:
                self._cache[key] = value
            fresh = {cand.id: cand for cand in plan.candidates()}
            found = [self._cache.get(self._key(s, fresh)) for s in self.scenarios()]
            self.show_results([r for r in found if r is not None])

        c._start("scenarios", job, done)

    def show_results(self, results: list[ScenarioResult]) -> None:
        """Fill the table and the chart from *results* (as the core computed them)."""
        self.results = results
        self._access = {k: v for k, v in self._access.items()
                        if any(id(r) == k for r in results)}
        lang = self.lang
        self.state.setText("" if results else self.tr(
            "Make a scenario from the selected candidate areas to compare it."))
        if results and getattr(self.controller, "deferred", None) is not None:
            self.state.setText(self.tr("ΔECA –: today's habitat network is not computed "
                                       "(Candidate analysis → Habitat network)."))
        rows = self._rows()
        self.table.clear()
        self.table.setRowCount(len(rows))
        self.table.setColumnCount(len(results))
        self.table.setHorizontalHeaderLabels([r.scenario.name for r in results])
        self.table.setVerticalHeaderLabels([title for title, _ in rows])
        for col, result in enumerate(results):
            for row, (_, cell) in enumerate(rows):
                item = QTableWidgetItem(cell(result))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self._fit_columns([r.scenario.name for r in results])
        self.chart.set_data([r.scenario.name for r in results], self._metrics(results, lang))

    def _fit_columns(self, names: list[str]) -> None:
        """Show every scenario's name whole: a long name is wrapped onto more lines of its
        column's heading (the full name is its tooltip), and the table is made wide enough
        for the numbers and the longest word, up to :data:`MAX_TABLE_WIDTH` (then it
        scrolls), so that the chart beside it keeps its room in a docked panel."""
        t = self.table
        metrics = t.horizontalHeader().fontMetrics()
        frame = (t.verticalHeader().sizeHint().width() + 2 * t.frameWidth()
                 + t.verticalScrollBar().sizeHint().width())
        n = max(len(names), 1)
        cells = max([t.sizeHintForColumn(c) + 12 for c in range(t.columnCount())], default=0)
        words = max([metrics.horizontalAdvance(w) + 20 for name in names for w in name.split()],
                    default=0)
        column = max(cells, words, (MIN_TABLE_WIDTH - frame) // n)
        for col, name in enumerate(names):
            item = QTableWidgetItem(wrap_words(name, column - 20, metrics.horizontalAdvance))
            item.setToolTip(name)
            t.setHorizontalHeaderItem(col, item)
        t.setMinimumWidth(max(MIN_TABLE_WIDTH, min(frame + column * n, MAX_TABLE_WIDTH)))

    def _delta_eca(self, r: ScenarioResult) -> float | None:
        return r.delta_eca_m2(self.now) if self.now is not None else None

    def _targets(self) -> list[Target]:
        """The targets the scenarios are measured against (the municipality's, from
        ``targets_for`` through the ledger), in their order."""
        seen: dict[str, Target] = {}
        for r in self.results:
            for g in r.ledger.gaps:
                seen.setdefault(g.target.key, g.target)
        return list(seen.values())

    def _rows(self) -> list[tuple[str, Callable[[ScenarioResult], str]]]:
        lang = self.lang

        def gap(key: str) -> Callable[[ScenarioResult], str]:
            def cell(r: ScenarioResult) -> str:
                g = next((g for g in r.ledger.gaps if g.target.key == key), None)
                if g is None:
                    return "–"
                return self.tr("reached") if g.projected.reached else format_ha(
                    g.projected.gap_m2, 0, lang)
            return cell

        def ha(value: float | None, decimals: int = 1) -> str:
            return "–" if value is None else format_ha(value, decimals, lang)

        return [
            (self.tr("Areas"), lambda r: str(len(r.found))),
            (self.tr("Projected share"), lambda r: format_share(r.ledger.share, lang)),
            *[(tr(lang, "targets", "Missing to {target}", target=target_label(t, lang)),
               gap(t.key)) for t in self._targets()],
            (self.tr("New nature"), lambda r: ha(r.ledger.gain_m2)),
            (self.tr("CO2e reduction (t/yr)"),
             lambda r: format_number(r.totals.reduction_t, 0, lang)),
            (self.tr("Sequestration (t/yr)"),
             lambda r: format_number(r.totals.sequestration_t, 0, lang)),
            (self.tr("ΔECA"), lambda r: ha(self._delta_eca(r), 2)),
            (self.tr("Conflicts"), lambda r: ha(r.totals.conflict_m2, 2)),
            (self.tr("On §3 nature"),
             lambda r: ha(r.totals.conflicts_m2.get(ConflictKind.NATURE_P3.value, 0.0), 2)),
            (self.tr("Flood-exposed"), lambda r: ha(r.totals.flood_m2, 1)),
            (self.tr("Klima-Lavbund eligible"), lambda r: str(len(r.totals.eligible))),
            *self._access_rows(),
        ]

    def _access_rows(self) -> list[tuple[str, Callable[[ScenarioResult], str]]]:
        """Addresses with nature within 300 m and 1 km with the scenario's areas ("–"
        without an addresses layer)."""
        from naturplan.core.analysis.access import ACCESS_DISTANCES_M

        def cell(k: int) -> Callable[[ScenarioResult], str]:
            def text(r: ScenarioResult) -> str:
                shares = self._access_shares(r)
                share = shares.share(k) if shares is not None else None
                return "–" if share is None else format_percent(share, 1, self.lang)
            return text

        words = (self.tr("Nature within 300 m"), self.tr("Nature within 1 km"))
        return [(words[k], cell(k)) for k in range(len(ACCESS_DISTANCES_M))]

    def _access_shares(self, r: ScenarioResult) -> Any:
        if self.access_of is None:
            return None
        if id(r) not in self._access:
            plan = {c.id: c for c in self.session.plan.candidates()} if self.session.plan else {}
            self._access[id(r)] = self.access_of([plan[i] for i in r.found if i in plan])
        return self._access[id(r)]

    def _metrics(self, results: list[ScenarioResult], lang: str) -> list[Metric]:
        def metric(title: str, values: list[float | None], text: Callable[[float], str],
                   lines: tuple[tuple[float, str], ...] = ()) -> Metric:
            return Metric(title, values, ["–" if v is None else text(v) for v in values], lines)

        ha = 10_000.0
        targets = ()
        if results:
            targets = tuple((g.target.share * 100, format_percent(g.target.share, 0, lang))
                            for g in results[0].ledger.gaps)
        eca = [self._delta_eca(r) for r in results]
        return [
            metric(self.tr("Projected share (%)"), [r.ledger.share * 100 for r in results],
                   lambda v: format_number(v, 2, lang) + " %", targets),
            metric(self.tr("New nature (ha)"), [r.ledger.gain_m2 / ha for r in results],
                   lambda v: format_number(v, 1, lang)),
            metric(self.tr("CO2e reduction (t/yr)"), [r.totals.reduction_t for r in results],
                   lambda v: format_number(v, 0, lang)),
            metric(self.tr("Sequestration (t/yr)"), [r.totals.sequestration_t for r in results],
                   lambda v: format_number(v, 0, lang)),
            metric(self.tr("ΔECA (ha)"), [None if v is None else v / ha for v in eca],
                   lambda v: format_number(v, 2, lang)),
            metric(self.tr("Conflicts (ha)"), [r.totals.conflict_m2 / ha for r in results],
                   lambda v: format_number(v, 2, lang)),
            metric(self.tr("Flood-exposed (ha)"),
                   [None if r.totals.flood_m2 is None else r.totals.flood_m2 / ha
                    for r in results], lambda v: format_number(v, 1, lang)),
        ]
