"""*Analyse → Foreslå plan…*: the suggested plan in the window (issue 23 §4).

The dialog fills a :class:`~naturplan.usecases.suggest.SuggestRequest`; the plan is found in
a :class:`~naturplan.gui.workers.Task` (progress, Cancel: before the solver starts nothing is
kept, once it runs the best plan so far is) by the same use case as ``naturplan suggest``,
and stored on the GUI thread in the open project (the plan's edits fire their events there,
so the map, the ledger and the scenario view follow). The report's lines are the CLI's.

Targets: a share (or none, 0) and hectares of new nature per kind (0: no target of that
kind), like ``--target`` and ``--target-ha KIND=HA``; the planning units are the parcels or
1-ha grid cells (``--units``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.feedback import Feedback
from naturplan.gui.workers import Task
from naturplan.text.i18n import error_text
from naturplan.text.labels import kind_label


class SuggestDialog(QDialog):
    """The options, Suggest/Cancel, progress and the report (see the module docstring).

    *dataset* and *roles* are what the window measures against; *session* is its
    :class:`~naturplan.gui.editing.session.EditSession` (the open project).
    """

    def __init__(self, dataset: Any, roles: Any, session: Any, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggest_dialog")
        self.setWindowTitle(self.tr("Suggest a plan"))
        self.dataset, self.roles, self.session, self.lang = dataset, roles, session, lang
        self.task: Task | None = None
        self.report: Any = None
        form = QFormLayout()
        self.target = QDoubleSpinBox(minimum=0.0, maximum=99.0, decimals=1, value=17.0,
                                     suffix=" %")
        self.target.setSpecialValueText(self.tr("none"))
        self.kind_targets = self._kind_spins(lang)
        self.units = QComboBox()
        for key, text in (("parcels", self.tr("Parcels")),
                          ("grid", self.tr("1-ha grid cells"))):
            self.units.addItem(text, key)
        self.objective = QComboBox()
        for key, text in (("cost", self.tr("Least cost")),
                          ("co2e", self.tr("Most CO2e reduction")),
                          ("connectivity", self.tr("Most connectivity"))):
            self.objective.addItem(text, key)
        self.boundary = QDoubleSpinBox(minimum=0.0, maximum=1e6, decimals=2, value=0.0)
        self.time_limit = QSpinBox(minimum=1, maximum=3600, value=10, suffix=" s")
        self.name = QLineEdit(self.tr("Suggestion %1 %").replace("%1", "17"))
        self.target.valueChanged.connect(self._default_name)
        form.addRow(self.tr("Target share"), self.target)
        for kind, spin in self.kind_targets.items():
            form.addRow(self.tr("%1, new ha").replace("%1", kind_label(kind, lang)), spin)
        form.addRow(self.tr("Planning units"), self.units)
        form.addRow(self.tr("Objective"), self.objective)
        form.addRow(self.tr("Boundary penalty per km"), self.boundary)
        form.addRow(self.tr("Time limit"), self.time_limit)
        form.addRow(self.tr("Scenario name"), self.name)
        self.progress = QProgressBar()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.suggest_button = self.buttons.addButton(
            self.tr("Suggest"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.suggest_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _kind_spins(self, lang: str) -> dict[str, QDoubleSpinBox]:
        """One hectare box per kind a target may name; 0 shows "none"."""
        from naturplan.usecases.suggest import TARGET_KINDS

        spins = {}
        for kind in TARGET_KINDS:
            spin = QDoubleSpinBox(minimum=0.0, maximum=1e7, decimals=0, value=0.0,
                                  suffix=" ha")
            spin.setObjectName(f"target_ha_{kind}")
            spin.setSpecialValueText(self.tr("none"))
            spins[kind] = spin
        return spins

    def _default_name(self, value: float) -> None:
        if value > 0:
            self.name.setText(self.tr("Suggestion %1 %").replace("%1", f"{value:g}"))
        else:
            self.name.setText(self.tr("Suggestion by kind"))

    def request(self) -> Any:
        from naturplan.usecases.suggest import SuggestRequest

        share = self.target.value()
        return SuggestRequest(
            project=self.session.path, target=share / 100.0 if share > 0 else None,
            scenario=self.name.text(), objective=self.objective.currentData(),
            boundary=self.boundary.value(), time_limit=float(self.time_limit.value()),
            lang=self.lang, roles=tuple(self.roles),
            target_ha=tuple((kind, spin.value()) for kind, spin in self.kind_targets.items()
                            if spin.value() > 0),
            units=self.units.currentData())

    def start(self) -> Task | None:
        """Find the plan in the background."""
        from naturplan.usecases.suggest import find_suggestion

        store, plan = self.session.store, self.session.plan
        if self.task is not None and self.task.running or store is None or plan is None:
            return None
        request, dataset = self.request(), self.dataset
        candidates, settings = plan.candidates(), store.settings()
        names = [s.name for s in store.scenarios()]

        def job(progress: Any, cancelled: Any) -> Any:
            return find_suggestion(dataset, request, candidates, settings, names,
                                   Feedback(progress, cancelled))

        task = Task(job, self)
        task.progress.connect(lambda f, m: self.progress.setValue(int(f * 100)))
        task.succeeded.connect(self._found)
        task.failed.connect(lambda e: self.status.setText(error_text(e, self.lang)))
        task.cancelled.connect(lambda: self.status.setText(self.tr("Cancelled.")))
        task.done.connect(lambda: self._busy(False))
        self.task = task
        self.status.setText(self.tr("Suggesting a plan…"))
        self._busy(True)
        task.start()
        return task

    def _found(self, found: Any) -> None:
        from naturplan.usecases.suggest import report_lines, store_suggestion

        try:
            self.report = store_suggestion(self.session.store, self.session.plan, found)
        except Exception as exc:  # a store error: said in the dialog, nothing half-written
            self.status.setText(error_text(exc, self.lang))
            return
        self.progress.setValue(100)
        self.status.setText("\n".join(report_lines(self.report, self.lang)))

    def cancel(self) -> None:
        """Stop the search (the best plan so far is kept once the solver runs), or close."""
        if self.task is not None and self.task.running:
            self.task.cancel()
        else:
            self.reject()

    def _busy(self, busy: bool) -> None:
        self.suggest_button.setEnabled(not busy)
        for w in (self.target, self.objective, self.boundary, self.time_limit, self.name,
                  self.units, *self.kind_targets.values()):
            w.setEnabled(not busy)
