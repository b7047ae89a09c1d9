"""The plan's totals on the dashboard (issue 20 item 10): CO2e reduction and sequestration
per year and the afforestation conflicts in hectares, for every not rejected candidate.

The numbers are :func:`naturplan.core.analysis.assessment.totals` (the same as a scenario's
and ``stats --project --json``'s ``totals``), computed in a background thread a moment after
each edit, as the analysis panel's network is. A number that needs a layer that is not
loaded is an empty cell with the reason, never 0 (new nature by kind is the ledger's, shown
above this section).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from naturplan.core.analysis.assessment import Totals, totals
from naturplan.core.analysis.conflicts import CONFLICT_ORDER, ConflictKind
from naturplan.core.layers.roles import Role
from naturplan.text.numbers import format_ha, format_number

#: The layer each conflict kind is measured against.
CONFLICT_ROLES: dict[ConflictKind, Role] = {
    ConflictKind.NATURE_P3: Role.NATURE_P3,
    ConflictKind.NATURA2000: Role.NATURA2000,
    ConflictKind.ORGANIC_SOIL: Role.LOWLAND,
    ConflictKind.UNWANTED_FOREST: Role.FOREST_ZONES,
    ConflictKind.FLOOD: Role.FLOOD,
}
#: Wait this long after the last edit before the totals are measured again (ms).
TOTALS_DELAY_MS = 300
REASON_STYLE = "color: #6b6b6b; font-style: italic;"


class PlanTotalsWidget(QWidget):
    """Rows of (name, value); a value not measured is empty, its reason beside it."""

    #: New numbers are shown (the dashboard fits its page to them).
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan_totals")
        self.lang = "da"
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("<b>{}</b>".format(self.tr("The plan's climate and conflicts")))
        self.title.setToolTip(self.tr(
            "Every candidate area that is not rejected, overlaps counted once; conflicts of "
            "the afforestation areas."))
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        box.addWidget(self.title)
        box.addLayout(self.grid)
        #: name → (value text, reason) as last shown (tests and the screenshot read it).
        self.rows: dict[str, tuple[str, str]] = {}
        self.show_totals(None, ())

    def _row(self, row: int, key: str, name: str, value: str, reason: str = "") -> None:
        labels = []
        for col in range(3):
            item = self.grid.itemAtPosition(row, col)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel):
                label = QLabel()
                label.setObjectName(f"totals_{key}_{col}")
                self.grid.addWidget(label, row, col)
            labels.append(label)
        labels[0].setText(name)
        labels[0].setWordWrap(True)
        labels[1].setText(value)
        labels[1].setAlignment(Qt.AlignmentFlag.AlignRight)
        labels[2].setText(reason)
        labels[2].setStyleSheet(REASON_STYLE)
        labels[2].setWordWrap(True)
        self.rows[key] = (value, reason)

    def show_totals(self, result: Totals | None, present: Collection[Role]) -> None:
        """Show *result* (None: not measured yet, every row empty); *present*: the roles
        loaded. The rows are there from the start, so that the dashboard does not jump when
        the first result arrives."""
        if result is None:
            for row, key in enumerate(("reduction", "sequestration", "conflicts")):
                self._row(row, key, self._names()[key], "",
                          self.tr("Not measured yet.") if row == 0 else "")
            for row, kind in enumerate(CONFLICT_ORDER, start=3):
                self._row(row, f"conflict_{kind.value}", "    " + self._conflict_word(kind), "")
            self._nitrogen_row(None, ())
            self.shown.emit()
            return
        lang = self.lang

        def tonnes(value: float) -> str:
            return self.tr("%1 t/yr").replace("%1", format_number(value, 0, lang))

        missing = self._missing
        lowland = Role.LOWLAND in present
        names = self._names()
        self._row(0, "reduction", names["reduction"],
                  tonnes(result.reduction_t) if lowland else "",
                  "" if lowland else missing(Role.LOWLAND))
        self._row(1, "sequestration", names["sequestration"],
                  tonnes(result.sequestration_t))
        absent = [k for k in CONFLICT_ORDER if CONFLICT_ROLES[k] not in present]
        measured = sum(a for k, a in result.conflicts_m2.items()
                       if ConflictKind(k) not in absent)
        self._row(2, "conflicts", names["conflicts"], format_ha(measured, 2, lang),
                  self.tr("without: %1").replace("%1", ", ".join(
                      self._role_word(CONFLICT_ROLES[k]) for k in absent)) if absent else "")
        for row, kind in enumerate(CONFLICT_ORDER, start=3):
            there = kind not in absent
            self._row(row, f"conflict_{kind.value}", "    " + self._conflict_word(kind),
                      format_ha(result.conflicts_m2.get(kind.value, 0.0), 2, lang)
                      if there else "", "" if there else missing(CONFLICT_ROLES[kind]))
        self._nitrogen_row(result, present)
        self.shown.emit()

    def _nitrogen_row(self, result: Totals | None, present: Collection[Role]) -> None:
        """The plan's kg N per year (issue 22), after the conflicts: empty with the reason
        without an N-retention layer, never 0."""
        row, name = 3 + len(CONFLICT_ORDER), self.tr("Nitrogen reduction")
        if result is None:
            self._row(row, "nitrogen", name, "")
        elif result.nitrogen_kg is None or Role.N_RETENTION not in present:
            self._row(row, "nitrogen", name, "", self.tr("no N-retention layer loaded"))
        else:
            self._row(row, "nitrogen", name, self.tr("%1 kg N/yr").replace(
                "%1", format_number(result.nitrogen_kg, 0, self.lang)))

    def _names(self) -> dict[str, str]:
        return {"reduction": self.tr("CO2e reduction (lowland)"),
                "sequestration": self.tr("Sequestration (afforestation)"),
                "conflicts": self.tr("Conflicts in all")}

    def _conflict_word(self, kind: ConflictKind) -> str:
        """A short name for the rows (the full one, with what it means, is the tooltip of
        the analysis panel's conflicts)."""
        words = {ConflictKind.NATURE_P3: self.tr("on §3 nature"),
                 ConflictKind.NATURA2000: self.tr("in Natura 2000"),
                 ConflictKind.ORGANIC_SOIL: self.tr("on organic lowland soil"),
                 ConflictKind.UNWANTED_FOREST: self.tr("in unwanted-forest zones"),
                 ConflictKind.FLOOD: self.tr("in the flood zone")}
        return words[kind]

    def _missing(self, role: Role) -> str:
        """Why a number that needs a *role* layer is empty."""
        sentences = {Role.LOWLAND: self.tr("no lowland layer loaded"),
                     Role.NATURE_P3: self.tr("no §3 layer loaded"),
                     Role.NATURA2000: self.tr("no Natura 2000 layer loaded"),
                     Role.FOREST_ZONES: self.tr("no afforestation zones loaded"),
                     Role.FLOOD: self.tr("no flood layer loaded")}
        return sentences[role]

    def _role_word(self, role: Role) -> str:
        words = {Role.LOWLAND: self.tr("lowland"), Role.NATURE_P3: self.tr("§3 nature"),
                 Role.NATURA2000: self.tr("Natura 2000"),
                 Role.FOREST_ZONES: self.tr("afforestation zones"),
                 Role.FLOOD: self.tr("flood")}
        return words.get(role, role.value)


class PlanTotals(QObject):
    """Measures the plan's totals in the background after each edit and shows them."""

    def __init__(self, controller: Any, widget: PlanTotalsWidget,
                 present: Callable[[], Collection[Role]]) -> None:
        super().__init__(controller)
        self.controller = controller
        self.widget = widget
        self.present = present
        #: The last totals shown (None before the first).
        self.result: Totals | None = None
        #: Klima-Lavbund per (candidate id, version) for the current layers and factor table:
        #: after an edit only the edited candidates are measured again.
        self._eligibility: dict[tuple[str, int], Any] = {}
        self._eligibility_of: tuple[int, int] | None = None
        self._inputs: tuple[Any, ...] = ()
        self._timer = QTimer(self, singleShot=True, interval=TOTALS_DELAY_MS)
        self._timer.timeout.connect(self.measure)
        session = controller.session
        session.plan_edited.connect(self._timer.start)
        session.project_changed.connect(self._timer.start)
        controller.settings_changed.connect(self._timer.start)

    def refresh(self) -> None:
        """Measure again soon (the layers changed)."""
        self._timer.start()

    @property
    def idle(self) -> bool:
        return not self._timer.isActive() and "plan_totals" not in self.controller._tasks

    def measure(self) -> None:
        c = self.controller
        plan, layers, table = c.session.plan, c.layers, c.table
        if plan is None or layers is None or table is None:
            return
        candidates, settings = list(plan.candidates()), c.settings
        present = frozenset(self.present())
        if self._eligibility_of != (id(layers), id(table)):
            self._eligibility, self._eligibility_of = {}, (id(layers), id(table))
            self._inputs = (layers, table)  # kept alive, so their ids stay theirs
        eligibility = self._eligibility

        def job(progress: Callable[[float, str], None], cancelled: Callable[[], bool]) -> Any:
            return totals(candidates, layers, table, settings,
                          eligibility=eligibility), present

        c.run_in_background("plan_totals", job, self._done)

    def _done(self, outcome: tuple[Totals, frozenset[Role]]) -> None:
        self.result, present = outcome
        self.widget.show_totals(self.result, present)
