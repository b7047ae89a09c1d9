"""Following a plan: the per-edit ledgers (the protected share's, access to nature's) load the
plan's candidates, then take each committed edit as one batch and a reload as a reset.

A follower implements :meth:`PlanFollower.apply` (one committed ``Change``) and
:meth:`PlanFollower.reset` (all candidates anew); :meth:`follow` and :meth:`unfollow` are the
same for every follower, written once here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from naturplan.core.plan.candidates import Candidate

if TYPE_CHECKING:  # plan.py does not import this module: no circle
    from naturplan.core.plan.plan import CandidatePlan, Change


class PlanFollower:
    """Base of an object that follows a :class:`CandidatePlan`'s events."""

    _following: tuple[CandidatePlan, Callable[[Change], None], Callable[[], None]] | None = None

    def apply(self, change: Change) -> None:
        """Take one committed edit (one batch of changed candidates)."""
        raise NotImplementedError

    def reset(self, candidates: Iterable[Candidate]) -> None:
        """Load *candidates* anew (the plan was reloaded or first followed)."""
        raise NotImplementedError

    def follow(self, plan: CandidatePlan) -> None:
        """Load *plan*'s candidates and follow its events (one batch per committed edit, a
        reset on reload) until :meth:`unfollow`."""
        self.unfollow()

        def reloaded() -> None:
            self.reset(plan.candidates())

        plan.committed.connect(self.apply)
        plan.reloaded.connect(reloaded)
        self._following = (plan, self.apply, reloaded)
        self.reset(plan.candidates())

    def unfollow(self) -> None:
        """Stop following the plan given to :meth:`follow` (nothing if none)."""
        if self._following is not None:
            plan, on_commit, on_reload = self._following
            plan.committed.disconnect(on_commit)
            plan.reloaded.disconnect(on_reload)
            self._following = None
