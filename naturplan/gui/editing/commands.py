"""Undo commands: every user edit is one thin ``QUndoCommand`` over one plan call.

The edit itself runs *before* the command is pushed (:func:`push_edit`): if the core refuses
it (an invalid geometry, a conflict with a colleague's change), the user gets a message and
the stack is untouched. The command then only keeps the :class:`~naturplan.core.plan.plan.Change`:
``undo()`` is ``plan.revert(change)`` and keeps what that returns, ``redo()`` reverts that in
turn (:meth:`CandidatePlan.revert` brings unchanged versions up to date). Both are written to
the project file like any other edit.

If an undo or redo fails (someone else changed the area meanwhile, or the file is gone), the
core has written nothing; the command marks itself obsolete so that the stack drops it and
stays at the state the plan is really in, and the window is told (it reloads the plan and
clears the rest of the history, which no longer describes the file).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from naturplan.core.errors import NaturplanError
from naturplan.core.plan.plan import CandidatePlan, Change

ErrorHandler = Callable[[str, BaseException], None]


class PlanCommand(QUndoCommand):
    """One edit of a :class:`CandidatePlan`, already made, kept as its :class:`Change`.

    Parameters
    ----------
    plan
        The plan the edit was made on.
    change
        What the edit returned.
    text
        The text shown in the undo history ("Tegn Kandidat 3").
    on_error
        Called with (text, exception) if a later undo/redo fails.
    """

    def __init__(self, plan: CandidatePlan, change: Change, text: str,
                 on_error: ErrorHandler | None = None) -> None:
        super().__init__(text)
        self.plan = plan
        self.change = change
        self.on_error = on_error
        self._pushed = False
        self.failed: BaseException | None = None

    def redo(self) -> None:
        if not self._pushed:  # the push itself: the edit is already made
            self._pushed = True
            return
        self._apply()

    def undo(self) -> None:
        self._apply()

    def _apply(self) -> None:
        try:
            self.change = self.plan.revert(self.change)
        except (NaturplanError, OSError) as exc:
            self.failed = exc
            self.setObsolete(True)
            if self.on_error is not None:
                self.on_error(self.text(), exc)


def push_edit(stack: QUndoStack, plan: CandidatePlan, text: str,
              edit: Callable[[], Change], on_error: ErrorHandler,
              on_undo_error: ErrorHandler | None = None) -> Change | None:
    """Make *edit* (one plan call) and push it as one command.

    Returns the Change, or None if the core refused the edit (then *on_error* was called and
    neither the plan nor the stack changed). *on_undo_error* is given to the command for a
    failing undo/redo later (default: *on_error*).
    """
    try:
        change = edit()
    except (NaturplanError, ValueError, OSError) as exc:
        on_error(text, exc)
        return None
    stack.push(PlanCommand(plan, change, text, on_undo_error or on_error))
    return change
