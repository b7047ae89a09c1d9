"""When an edit meets a colleague's change: say who and when, and let the planner choose.

The store refused the edit (nothing was written). The planner chooses:

- **Reload theirs**: the plan takes in the current version (and every other edit the team made
  meanwhile); the map, the table and the ledger follow.
- **Keep mine as a copy**: theirs is taken in as above, and what the planner tried to write is
  added as a new candidate area named "<name> (my copy)" (one undoable edit). Nothing of
  theirs is overwritten. Not offered when the refused edit was a delete.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from naturplan.core.errors import ConflictError, NaturplanError
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.sync import Follower, sync_plan

RELOAD, KEEP_COPY, CANCEL = "reload", "keep_copy", "cancel"


def local_time(at: str) -> str:
    """A stored UTC ISO time as the planner's local time, Danish style (27-11-2026 14:02:05)."""
    try:
        moment = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return moment.astimezone().strftime("%d-%m-%Y %H:%M:%S")


class ConflictResolver(QObject):
    """Set as the session's ``conflict_handler``; asks, then reloads and maybe copies.

    ``choose`` may be replaced (tests) by a function (text, ConflictError, allow_copy) ->
    choice; by default it is :meth:`ask` (the dialog).
    """

    def __init__(self, session: Any, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.session = session
        self.parent_widget = parent_widget
        self.choose = self.ask
        self.last_choice = ""

    def __call__(self, text: str, exc: ConflictError) -> None:
        mine = [c for c in exc.wanted if c.id == exc.candidate_id]
        choice = self.choose(text, exc, bool(mine))
        self.last_choice = choice
        if choice == CANCEL:
            return
        self.take_theirs()
        if choice == KEEP_COPY and mine:
            self.keep_copy(mine[0])

    def message(self, exc: ConflictError) -> str:
        who = exc.by or self.tr("a colleague")
        when = local_time(exc.at) if exc.at else "?"
        try:
            gone = self.session.store.get(exc.candidate_id) is None
        except (NaturplanError, AttributeError):
            gone = False
        what = self.tr("%1 deleted %2 at %3, after you opened it.") if gone else \
            self.tr("%1 changed %2 at %3, after you opened it.")
        plan = self.session.plan
        known = plan.get(exc.candidate_id).name if exc.candidate_id in plan else exc.name
        name = f"'{known}'" if known == exc.name or gone else self.tr(
            "'%1' (now '%2')").replace("%1", known).replace("%2", exc.name)
        return (what.replace("%1", who).replace("%2", name).replace("%3", when) + "\n\n"
                + self.tr("Your edit was not saved; nothing of theirs was overwritten."))

    def ask(self, text: str, exc: ConflictError, allow_copy: bool = True) -> str:
        box = QMessageBox(self.parent_widget)
        box.setObjectName("conflict_dialog")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed by a colleague: %1").replace("%1", text))
        box.setText(self.message(exc))
        reload = box.addButton(self.tr("Reload theirs"), QMessageBox.ButtonRole.AcceptRole)
        copy = box.addButton(self.tr("Keep mine as a copy"),
                             QMessageBox.ButtonRole.ActionRole) if allow_copy else None
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(reload)
        box.exec()
        clicked = box.clickedButton()
        return RELOAD if clicked is reload else KEEP_COPY if clicked is copy else CANCEL

    def take_theirs(self) -> None:
        plan, store = self.session.plan, self.session.store
        if plan is None or store is None:
            return
        try:
            if Follower.can_follow(store):
                sync_plan(plan, store)
            else:
                plan.reload()
        except NaturplanError as exc:
            self.session.error.emit(self.tr("Could not reload"), self.session.error_text(exc))

    def keep_copy(self, mine: Candidate) -> None:
        name = self.tr("%1 (my copy)").replace("%1", mine.name or self.tr("area"))
        copy = Candidate.new(mine.kind, mine.geometry, name, status=mine.status,
                             note=mine.note, counts_toward_target=mine.counts_toward_target)
        change = self.session.add_many([copy], self.tr("Keep my version of %1 as a copy")
                                       .replace("%1", mine.name))
        if change is not None:
            self.session.selection.set([copy.id])
