"""The condition of §3 nature on the dashboard (issue 25 item 1): the protected §3 area by
condition group (good I–II, moderate III, poor IV–V, not assessed — never counted as good),
the share in good condition against the target of the target file (with its source in the
tooltip) and, when candidates name §3 features they lift, the share with the plan.

Measured in a background thread when a dataset is loaded; after an edit only when the
candidates' lifts changed (the project's ``restoration`` record, :mod:`naturplan.io.restoration`;
a candidate without a record: its note's ``løfter: ID → II``).
Without a §3 layer the cells are empty and the reason is said.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from naturplan.core.layers.dataset import Dataset
from naturplan.core.share.condition import (
    GROUPS,
    ConditionGroup,
    ConditionShare,
    ConditionTarget,
    condition_share,
    projected_classes,
)
from naturplan.gui.analysis.plan_totals import REASON_STYLE
from naturplan.gui.workers import Task
from naturplan.text.numbers import format_ha, format_percent

GROUP_COLORS = {ConditionGroup.GOOD: "#2e7d32", ConditionGroup.MODERATE: "#c9a227",
                ConditionGroup.POOR: "#b03a2e", ConditionGroup.NOT_ASSESSED: "#8a8a8a"}


class ConditionWidget(QWidget):
    """The §3 area by condition group and the share in good condition."""

    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("condition_widget")
        self.lang = "da"
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("<b>{}</b>".format(escape(self.tr("Condition of §3 nature"))))
        self.title.setToolTip(self.tr(
            "Naturtilstand from field surveys: I-II good, III moderate, IV-V poor; a feature "
            "without a class is not assessed and never counted as good."))
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.good = QLabel()
        self.good.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        box.addWidget(self.title)
        box.addLayout(self.grid)
        box.addWidget(self.good)
        box.addWidget(self.note)
        #: group → (hectares, share of §3, reason) as last shown; "good" line text (tests).
        self.rows: dict[str, tuple[str, str, str]] = {}
        self.show_missing(self.tr("not measured yet"))

    def _labels(self, row: int) -> list[QLabel]:
        labels = []
        for col in range(4):
            item = self.grid.itemAtPosition(row, col)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel):
                label = QLabel()
                if col in (1, 2):
                    label.setAlignment(Qt.AlignmentFlag.AlignRight)
                if col == 3:
                    label.setStyleSheet(REASON_STYLE)
                    label.setWordWrap(True)
                self.grid.addWidget(label, row, col)
            labels.append(label)
        return labels

    def _names(self) -> dict[ConditionGroup, str]:
        return {ConditionGroup.GOOD: self.tr("Good (I-II)"),
                ConditionGroup.MODERATE: self.tr("Moderate (III)"),
                ConditionGroup.POOR: self.tr("Poor (IV-V)"),
                ConditionGroup.NOT_ASSESSED: self.tr("Not assessed")}

    def show_missing(self, reason: str) -> None:
        """Empty cells and *reason*."""
        names = self._names()
        for row, group in enumerate(GROUPS):
            texts = (names[group], "", "", reason if row == 0 else "")
            for label, text in zip(self._labels(row), texts, strict=True):
                label.setText(escape(text))
            self.rows[group.value] = ("", "", reason)
        self.good.setText("")
        self.note.setText("")
        self.shown.emit()

    def show_shares(self, now: ConditionShare, planned: ConditionShare | None,
                    target: ConditionTarget | None, synthetic: bool) -> None:
        """Today's areas, the good share against *target*, and the plan's good share."""
        names, lang = self._names(), self.lang
        for row, group in enumerate(GROUPS):
            area = now.area_m2[group]
            part = format_percent(area / now.total_m2, 1, lang) if now.total_m2 > 0 else ""
            ha = format_ha(area, 0, lang)
            swatch = f"<span style='color:{GROUP_COLORS[group]}'>■</span> "
            texts = (swatch + escape(names[group]), escape(ha), escape(part), "")
            for label, text in zip(self._labels(row), texts, strict=True):
                label.setText(text)
            self.rows[group.value] = (ha, part, "")
        self.good.setText(self._good_text(now, planned, target))
        if target is not None:
            self.good.setToolTip(target.source)
        self.note.setText(self.tr("synthetic sample") if synthetic else "")
        self.shown.emit()

    def _good_text(self, now: ConditionShare, planned: ConditionShare | None,
                   target: ConditionTarget | None) -> str:
        lang = self.lang
        share = now.good_share
        if share is None:
            return escape(self.tr("No §3 area inside the municipality."))
        text = "<b>{}</b>".format(escape(self.tr("%1 in good condition").replace(
            "%1", format_percent(share, 1, lang))))
        if target is not None:
            gap = now.gap_m2(target)
            words = (self.tr("target %1 (%2): missing %3") if gap > 0
                     else self.tr("target %1 (%2): reached"))
            text += "<br>" + escape(words.replace("%1", format_percent(target.share, 0, lang))
                                    .replace("%2", target.name)
                                    .replace("%3", format_ha(gap, 0, lang)))
        if planned is not None and planned.good_share is not None:
            text += "<br><span style='color:#2f6f9f'>{}</span>".format(escape(
                self.tr("with the plan's restoration: %1").replace(
                    "%1", format_percent(planned.good_share, 1, lang))))
        return text


class ConditionFollower(QObject):
    """Measures the condition of the window's dataset and follows the plan's lifts."""

    def __init__(self, session: Any, widget: ConditionWidget, panel_label: QLabel | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.widget, self.panel_label = session, widget, panel_label
        self.now: ConditionShare | None = None
        self.planned: ConditionShare | None = None
        self.target: ConditionTarget | None = None
        self._p3: Any = None
        self._muni: Any = None
        self._lifts: dict[str, Any] = {}
        self._task: Task | None = None
        session.plan_edited.connect(self._edited)
        session.project_changed.connect(self._edited)
        session.selection.changed.connect(self.show_selected)
        session.plan_edited.connect(self.show_selected)
        if panel_label is not None:
            panel_label.setVisible(False)

    def show_selected(self) -> None:
        """The §3 features the selected candidate says it lifts, and to which class (panel)."""
        from naturplan.usecases.condition import candidate_lifts

        label, plan = self.panel_label, self.session.plan
        ids = self.session.selection.ids
        if label is None:
            return
        candidate = (next((c for c in plan.candidates() if c.id == ids[0]), None)
                     if plan is not None and len(ids) == 1 else None)
        lifts = candidate_lifts(candidate, self._stored()) if candidate is not None else {}
        if not lifts:
            label.setVisible(False)
            return
        known = set(self._p3.ids) if self._p3 is not None else set()
        if len(lifts) <= 5:
            lines = [self.tr("%1: to class %2").replace("%1", fid).replace("%2", cls.name)
                     + ("" if fid in known else " " + self.tr("(not in the §3 layer)"))
                     for fid, cls in lifts.items()]
        else:  # many: counted by class
            by_class: dict[str, int] = {}
            for cls in lifts.values():
                by_class[cls.name] = by_class.get(cls.name, 0) + 1
            lines = [self.tr("%n §3 features to class %1", "", n).replace("%1", name)
                     for name, n in by_class.items()]
            unknown = sum(fid not in known for fid in lifts)
            if unknown:
                lines.append(self.tr("%n not in the §3 layer", "", unknown))
        label.setText("<b>{}</b><br>{}".format(
            escape(self.tr("Lifts the condition of")),
            "<br>".join(escape(line) for line in lines)))
        label.setVisible(True)

    @property
    def p3(self) -> Any:
        """The §3 features with their ids, types and classes (None without §3)."""
        return self._p3

    def lifts_of(self, candidate: Any) -> dict[str, Any]:
        """What *candidate* lifts: its stored record, else its note's lifts."""
        from naturplan.usecases.condition import candidate_lifts

        return candidate_lifts(candidate, self._stored())

    def lifts_changed(self) -> None:
        """The project's lifts may have changed (saved in the editor, or outside the
        window): the plan's share is measured again if they did, the panel line redrawn."""
        self._edited()
        self.show_selected()

    def _stored(self) -> Any:
        """The project's record of lifts (``restoration`` setting); None without a store."""
        from naturplan.core.errors import NaturplanError
        from naturplan.core.plan.stores import SettingsStore
        from naturplan.io.restoration import read_restoration

        store = self.session.store
        if not isinstance(store, SettingsStore):
            return None
        try:
            return read_restoration(store)
        except NaturplanError:
            return None

    def set_dataset(self, dataset: Dataset) -> None:
        """Measure today's condition of *dataset* in the background."""
        from naturplan.core.errors import NaturplanError
        from naturplan.io.condition_targets import load_condition_targets
        from naturplan.usecases.condition import p3_condition

        try:
            targets = load_condition_targets()
        except NaturplanError:
            targets = ()
        self.target = targets[0] if targets else None
        self.now, self.planned, self._lifts = None, None, {}
        p3 = p3_condition(dataset)
        self._p3, self._muni = p3, dataset.municipality.geometry
        if p3 is None:
            self.widget.show_missing(self.tr("no §3 nature layer is loaded"))
            return
        self.widget.show_missing(self.tr("measuring…"))
        muni = self._muni

        def job(progress: Any, cancelled: Any) -> Any:
            return condition_share(p3.geoms, p3.classes, muni)

        self._start(job, self._measured)

    def _start(self, job: Any, done: Any) -> None:
        if self._task is not None and self._task.running:
            self._task.cancel()
        task = Task(job, self)
        self._task = task
        task.succeeded.connect(lambda result: done(result) if self._task is task else None)
        task.done.connect(task.deleteLater)
        task.start()

    def _measured(self, now: ConditionShare) -> None:
        self.now = now
        self._lifts = {}
        self._edited(force=True)

    def _edited(self, force: bool = False) -> None:
        """The plan changed: measure the plan's condition again if its lifts changed."""
        from naturplan.usecases.condition import restore_lifts

        if self.now is None or self._p3 is None:
            return
        plan = self.session.plan
        lifts = restore_lifts(plan.candidates(), self._stored()) if plan is not None else {}
        if lifts == self._lifts and not force:
            return
        self._lifts = lifts
        if not lifts:
            self.planned = None
            self._show()
            return
        p3, muni = self._p3, self._muni
        classes = projected_classes(p3.ids, p3.classes, lifts)

        def job(progress: Any, cancelled: Any) -> Any:
            return condition_share(p3.geoms, classes, muni)

        def done(planned: ConditionShare) -> None:
            self.planned = planned
            self._show()

        self._start(job, done)

    def _show(self) -> None:
        if self.now is not None:
            self.widget.show_shares(self.now, self.planned, self.target, self._p3.synthetic)

    def shutdown(self) -> None:
        if self._task is not None and self._task.running:
            self._task.cancel()
            self._task.wait()
