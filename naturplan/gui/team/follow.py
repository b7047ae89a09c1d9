"""Others' edits appear on the map, in the table and in the ledger while the planner works.

A timer ticks every :data:`~naturplan.core.plan.sync.TICK_S` seconds on the GUI thread and
asks the :class:`~naturplan.core.plan.sync.Follower` of a team project for news (a PostGIS
notification: no round trip when there is none; a full comparison every few seconds). A tick
waits while a mouse button is down, so that a drag in progress is never based on a geometry
that changes under it. A lost connection is said once in the status bar and retried.
Others' scenario changes are passed on as the session's ``scenarios_changed`` signal (the
scenario views read the project's scenarios again) and said in the status bar.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from naturplan.core.errors import NaturplanError
from naturplan.core.plan.plan import Change
from naturplan.core.plan.sync import TICK_S, Follower


class RemoteFollow(QObject):
    """Follows the session's team project (does nothing for a GeoPackage project)."""

    synced = Signal(object)  # the Change taken in

    def __init__(self, session: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.follower: Follower | None = None
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(int(TICK_S * 1000))
        self.timer.timeout.connect(self.tick)
        session.project_changed.connect(self._project_changed)
        self._project_changed()

    def _project_changed(self) -> None:
        store, plan = self.session.store, self.session.plan
        self.follower = None
        self.timer.stop()
        if store is None or plan is None or not Follower.can_follow(store):
            return
        try:
            follower = Follower(plan, store)
        except NaturplanError as exc:  # its first look at the scenarios failed: say so
            self.session.message.emit(self.session.error_text(exc))
            return
        follower.scenarios_changed.connect(self._scenarios_changed)
        self.follower = follower
        self.timer.start()

    def tick(self) -> Change | None:
        if self.follower is None or QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return None
        try:
            change = self.follower.tick()
        except NaturplanError as exc:
            if not self._failing:
                self._failing = True
                self.session.message.emit(self.session.error_text(exc))
            return None
        if self._failing:
            self._failing = False
            self.session.message.emit(self.tr("Connected to the team project again."))
        if change is not None:
            self.session.message.emit(self.describe(change))
            self.synced.emit(change)
        return change

    def _scenarios_changed(self, by_others: bool) -> None:
        if by_others:
            self.session.message.emit(self.tr("Team: %1").replace(
                "%1", self.tr("a colleague changed the scenarios")))
        self.session.scenarios_changed.emit()

    def describe(self, change: Change) -> str:
        """"anna changed 'Mose', bo added 'Skov'" for the status bar."""
        parts = []
        for c in change.added:
            parts.append(self.tr("%1 added '%2'").replace("%1", c.modified_by)
                         .replace("%2", c.name))
        before = {c.id for c in change.before}
        for c in change.after:
            if c.id in before:
                parts.append(self.tr("%1 changed '%2'").replace("%1", c.modified_by)
                             .replace("%2", c.name))
        for c in change.removed:
            parts.append(self.tr("'%1' was deleted").replace("%1", c.name))
        return self.tr("Team: %1").replace("%1", "; ".join(parts[:4]) +
                                            (" …" if len(parts) > 4 else ""))
