"""Access to nature near home in the window (issue 25 item 2): a dashboard section with the
share of addresses within 300 m and 1 km of accessible nature, today and with the plan, and
in the candidate panel the addresses the selected candidate newly brings within reach.

Today's distances are measured once per dataset in a background thread (one STRtree query
of every address, about two seconds for the full sample); from then on the plan's
:class:`~naturplan.core.analysis.access.AccessLedger` follows every committed edit itself
(milliseconds: only the addresses near the edited candidate are touched), so the numbers
change while the planner draws. Without an addresses layer the cells are empty and the
reason is said (never 0 %).

Under the numbers the planner chooses which roles count as accessible nature (a box per role)
and how distance is measured (straight line, or walking on a loaded roads layer); the choice
is the open project's ``access`` setting, stored at once, and today's access is measured
again in the background.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from naturplan.core.analysis.access import (
    ACCESS_ROLE_CHOICES,
    NETWORK,
    STRAIGHT,
    AccessIndex,
    AccessLedger,
    AccessSettings,
    AccessShares,
    counts_for_access,
    dataset_access,
    scenario_access,
)
from naturplan.core.layers.dataset import Dataset
from naturplan.gui.analysis.plan_totals import REASON_STYLE
from naturplan.gui.workers import Task
from naturplan.text.numbers import format_number, format_percent


def distance_words(distance_m: float, lang: str) -> str:
    """``300 m`` or ``1 km``."""
    if distance_m >= 1000:
        return f"{format_number(distance_m / 1000, 0 if distance_m % 1000 == 0 else 1, lang)} km"
    return f"{format_number(distance_m, 0, lang)} m"


class AccessWidget(QWidget):
    """Rows per distance: today's share, the share with the plan, or empty and the reason."""

    shown = Signal()
    #: The user chose what counts and how distance is measured: (roles, distance method).
    chosen = Signal(tuple, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("access_widget")
        self.lang = "da"
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel("<b>{}</b>".format(escape(self.tr("Nature near home"))))
        self.title.setToolTip(self.tr(
            "Addresses (residents where the addresses carry a count) with accessible nature "
            "within each distance, straight line; nature across the municipal border counts."))
        self.grid = QGridLayout()
        self.grid.setColumnStretch(0, 1)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        box.addWidget(self.title)
        box.addLayout(self.grid)
        box.addWidget(self.note)
        self._build_choices(box)
        #: key → (today, with the plan, reason) as last shown (tests read it).
        self.rows: dict[str, tuple[str, str, str]] = {}
        self.show_missing(self.tr("not measured yet"))

    def _build_choices(self, box: QVBoxLayout) -> None:
        """What counts as accessible nature (a box per role) and how distance is measured:
        the project's ``access`` setting, changed here."""
        box.addWidget(QLabel(self.tr("Counts as nature:")))
        boxes = QGridLayout()  # two columns: the dashboard stays narrow
        boxes.setContentsMargins(0, 0, 0, 0)
        #: role → its box (tests click them).
        self.role_boxes: dict[str, QCheckBox] = {}
        for k, role in enumerate(ACCESS_ROLE_CHOICES):
            check = QCheckBox(self.role_words((role,)))
            check.setObjectName(f"access_role_{role}")
            check.toggled.connect(self._emit_choice)
            self.role_boxes[role] = check
            boxes.addWidget(check, k // 2, k % 2, Qt.AlignmentFlag.AlignLeft)
        box.addLayout(boxes)
        self.distance_box = QComboBox()
        self.distance_box.setObjectName("access_distance")
        self.distance_box.addItem(self.tr("straight line"), STRAIGHT)
        self.distance_box.addItem(self.tr("walking on the roads"), NETWORK)
        self.distance_box.currentIndexChanged.connect(self._emit_choice)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(QLabel(self.tr("Distance:")))
        line.addWidget(self.distance_box)
        line.addStretch(1)
        box.addLayout(line)

    def show_choice(self, settings: AccessSettings, roads: bool) -> None:
        """Set the boxes to *settings* (no signal); walking is offered only with *roads* (a
        layer of roles roads is loaded)."""
        for role, check in self.role_boxes.items():
            check.blockSignals(True)
            check.setChecked(role in settings.roles)
            check.blockSignals(False)
        self.distance_box.blockSignals(True)
        self.distance_box.setCurrentIndex(self.distance_box.findData(settings.distance))
        item = self.distance_box.model().item(1)  # type: ignore[attr-defined]
        item.setEnabled(roads)
        item.setToolTip("" if roads else self.tr("no roads layer (role roads) is loaded"))
        self.distance_box.blockSignals(False)

    def _emit_choice(self) -> None:
        roles = tuple(r for r, check in self.role_boxes.items() if check.isChecked())
        self.chosen.emit(roles, str(self.distance_box.currentData()))

    def _clear(self) -> None:
        """Hide every row (the labels are kept and reused: no flicker, nothing left over)."""
        for k in range(self.grid.count()):
            widget = self.grid.itemAt(k).widget()
            if widget is not None:
                widget.setVisible(False)
        self.rows.clear()

    def show_missing(self, reason: str, distances: tuple[float, ...] = (300.0, 1000.0)
                     ) -> None:
        """Empty cells and *reason* (no addresses layer, or not measured yet)."""
        self._clear()
        for row, d in enumerate(distances):
            self._row(row, d, "", "", reason)
        self.note.setText("")
        self.shown.emit()

    def show_shares(self, now: AccessShares, projected: AccessShares | None,
                    settings: AccessSettings, synthetic: bool = False,
                    method: str = STRAIGHT) -> None:
        """Today's shares and, with candidates, the plan's."""
        self._clear()
        for row, d in enumerate(now.distances_m):
            share, plan = now.share(row), projected.share(row) if projected else None
            today = format_percent(share, 1, self.lang) if share is not None else ""
            after = format_percent(plan, 1, self.lang) if plan is not None else ""
            reason = "" if share is not None else self.tr("no addresses")
            self._row(row, d, today, f"→ {after}" if after else "", reason)
        counted = (self.tr("%1 residents at %2 addresses") if now.weighted
                   else self.tr("%2 addresses"))
        note = counted.replace("%1", format_number(now.total, 0, self.lang)).replace(
            "%2", format_number(now.addresses, 0, self.lang))
        note += " · " + self.tr("counts as nature: %1").replace(
            "%1", self.role_words(settings.roles))
        note += " · " + (self.tr("walking on the roads") if method == NETWORK
                         else self.tr("straight line"))
        if method == NETWORK:
            self.title.setToolTip(self.tr(
                "Addresses (residents where the addresses carry a count) with accessible "
                "nature within each distance, walking: straight to the nearest road, then "
                "along the roads (role roads); nature across the municipal border counts."))
        if synthetic:
            note += " · " + self.tr("synthetic sample")
        self.note.setText(note)
        self.shown.emit()

    def _row(self, row: int, distance_m: float, today: str, after: str, reason: str) -> None:
        texts = (self.tr("Within %1").replace("%1", distance_words(distance_m, self.lang)),
                 f"<b>{escape(today)}</b>", escape(after), escape(reason))
        for col, text in enumerate(texts):
            item = self.grid.itemAtPosition(row, col)
            label = item.widget() if item is not None else None
            if not isinstance(label, QLabel):
                label = QLabel()
                if col in (1, 2):
                    label.setAlignment(Qt.AlignmentFlag.AlignRight)
                if col == 2:
                    label.setStyleSheet("color: #2f6f9f;")
                if col == 3:
                    label.setStyleSheet(REASON_STYLE)
                    label.setWordWrap(True)
                self.grid.addWidget(label, row, col)
            label.setObjectName(f"access_{int(distance_m)}_{col}")
            label.setText(text)
            label.setVisible(True)
        self.rows[f"within_{int(distance_m)}_m"] = (today, after, reason)

    def role_words(self, roles: tuple[str, ...]) -> str:
        """The accessible roles in words."""
        words = {"nature_p3": self.tr("§3 nature"), "natura2000": self.tr("Natura 2000"),
                 "candidates": self.tr("candidate areas"),
                 "forest_zones": self.tr("afforestation zones"), "forest": self.tr("forest")}
        return ", ".join(words.get(r, r) for r in roles)


class AccessFollower(QObject):
    """Keeps :class:`AccessWidget` and the candidate panel's access line up to date (see the
    module docstring). *session* is the window's edit session; *panel_label* the line in the
    candidate panel."""

    def __init__(self, session: Any, widget: AccessWidget, panel_label: QLabel,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.widget, self.panel_label = session, widget, panel_label
        self.settings = AccessSettings()
        self.index: AccessIndex | None = None
        self.ledger: AccessLedger | None = None
        self.synthetic = False
        self._task: Task | None = None
        self._plan: Any = None
        self._dataset: Dataset | None = None
        session.project_changed.connect(self._follow_plan)
        session.selection.changed.connect(self.show_selected)
        widget.chosen.connect(self.choose)
        panel_label.setVisible(False)

    def choose(self, roles: tuple[str, ...], distance: str) -> None:
        """The user's choice of what counts and how distance is measured: stored as the
        open project's ``access`` setting (one audited write) and measured again."""
        from dataclasses import replace

        from naturplan.core.errors import NaturplanError
        from naturplan.core.plan.stores import SettingsStore
        from naturplan.usecases.access import store_access_settings

        settings = replace(self.settings, roles=tuple(roles), distance=distance)
        store = self.session.store
        if isinstance(store, SettingsStore):
            try:
                store_access_settings(store, settings)
            except NaturplanError as exc:  # read-only or busy: measured, not remembered
                from naturplan.text.i18n import error_text

                self.widget.note.setText(error_text(exc, self.widget.lang))
        if self._dataset is not None:
            self.set_dataset(self._dataset, settings)

    def set_dataset(self, dataset: Dataset, settings: AccessSettings | None = None) -> None:
        """Measure today's access of *dataset* in the background, then follow the plan
        (*settings*: the project's ``access`` setting unless given)."""
        from dataclasses import replace

        from naturplan.core.layers.layer import WindowedLayer
        from naturplan.core.layers.roles import Role
        from naturplan.core.plan.stores import SettingsStore
        from naturplan.usecases.access import access_settings

        self._dataset = dataset
        if settings is None:
            store = self.session.store
            stored = store.settings() if isinstance(store, SettingsStore) else None
            settings = access_settings(stored)
        self.settings = settings
        roads = bool(dataset.vector(Role.ROADS))
        if settings.distance == NETWORK and not roads:  # said in the box's tooltip
            settings = replace(settings, distance=STRAIGHT)
        self.widget.show_choice(settings, roads)
        if self._task is not None and self._task.running:
            self._task.cancel()
        self._unfollow()
        self.index, self.ledger = None, None
        if not dataset.vector(Role.ADDRESSES):
            self.widget.show_missing(self.tr("no addresses layer is loaded"),
                                     self.settings.distances_m)
            self.show_selected()
            return
        if any(isinstance(layer, WindowedLayer) for layer in dataset.vector(Role.ADDRESSES)):
            self.widget.show_missing(self.tr(
                "not measured in the app: the addresses are read per map window at this size"),
                self.settings.distances_m)
            self.show_selected()
            return
        self.synthetic = any(layer.source.synthetic for layer in dataset.layers
                             if layer.role.value in (*self.settings.roles, "addresses"))
        self.widget.show_missing(self.tr("measuring…"), settings.distances_m)

        def job(progress: Any, cancelled: Any) -> Any:
            return dataset_access(dataset, settings)

        task = Task(job, self)
        self._task = task
        task.succeeded.connect(lambda index: self._ready(index) if self._task is task else None)
        task.done.connect(task.deleteLater)
        task.start()

    def scenario_shares(self, candidates: list[Any]) -> AccessShares | None:
        """The access with *candidates* (a scenario's); None while not measured or without
        addresses."""
        if self.index is None:
            return None
        chosen = candidates if self.settings.candidates_count else []
        return scenario_access(self.index, [c for c in chosen if counts_for_access(c)])

    def shutdown(self) -> None:
        """Stop following the plan and let a measurement still running finish."""
        self._unfollow()
        if self._task is not None and self._task.running:
            self._task.cancel()
            self._task.wait()

    def _ready(self, index: AccessIndex | None) -> None:
        self.index = index
        self.ledger = AccessLedger(index) if index is not None else None
        self._follow_plan()

    def _follow_plan(self) -> None:
        self._unfollow()
        plan = self.session.plan
        if self.ledger is None:
            return
        if plan is not None and self.settings.candidates_count:
            self.ledger.reset(plan.candidates())
            plan.committed.connect(self._committed)
            plan.reloaded.connect(self._reloaded)
            self._plan = plan
        else:
            self.ledger.reset(())
        self.refresh()

    def _unfollow(self) -> None:
        if self._plan is not None:
            self._plan.committed.disconnect(self._committed)
            self._plan.reloaded.disconnect(self._reloaded)
            self._plan = None

    def _committed(self, change: Any) -> None:
        if self.ledger is not None:
            self.ledger.apply(change)
        self.refresh()

    def _reloaded(self) -> None:
        if self.ledger is not None and self._plan is not None:
            self.ledger.reset(self._plan.candidates())
        self.refresh()

    def refresh(self) -> None:
        """Show the numbers as they are now."""
        if self.ledger is None:
            return
        now = self.ledger.index.now()
        projected = self.ledger.result() if self.ledger.gains else None  # with candidates
        self.widget.show_shares(now, projected, self.settings, self.synthetic,
                                self.ledger.index.method)
        self.show_selected()

    def show_selected(self) -> None:
        """The selected candidate's new addresses within each distance (panel line)."""
        ids = self.session.selection.ids
        label, lang = self.panel_label, self.widget.lang
        if len(ids) != 1:
            label.setVisible(False)
            return
        heading = "<b>{}</b><br>".format(escape(self.tr("Nature near home")))
        if self.index is None or self.ledger is None:
            reason = (self.tr("measuring…") if self._task is not None and self._task.running
                      else self.tr("no addresses layer is loaded"))
            label.setText(heading + f"<span style='{REASON_STYLE}'>{escape(reason)}</span>")
        elif not self.settings.candidates_count:
            label.setText(heading + escape(self.tr("candidates do not count as nature")))
        else:
            gain = self.ledger.gain(ids[0])
            if gain is None:
                label.setText(heading + escape(self.tr("rejected: not counted")))
            else:
                parts = [self.tr("+%1 addresses within %2", n=gain.addresses[k])
                         .replace("%1", format_number(gain.addresses[k], 0, lang))
                         .replace("%2", distance_words(d, lang))
                         for k, d in enumerate(gain.distances_m)]
                label.setText(heading + escape(", ".join(parts)))
        label.setVisible(True)
