"""Other planners' edits into this planner's plan: the comparison a team project polls with.

A team store (PostGIS) tells cheaply whether anyone else committed a change (a notification)
and lists every candidate's id and version. :func:`sync_plan` compares that list with the
versions the plan holds, reads only the candidates that differ and hands them to
:meth:`~naturplan.core.plan.plan.CandidatePlan.apply_remote`, which emits the plan's usual
events, so that the map, the table and the ledger follow. Nothing is written to the store.
A store that also announces and lists its scenarios (``remote_scenario_changes_pending``,
``scenario_versions``) has them followed the same way: :attr:`Follower.scenarios_changed`
tells the views to read them again.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol

from naturplan.core.events import Event
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan, Change
from naturplan.core.plan.stores import TeamScenarioStore, TeamStore


class SyncStore(Protocol):
    """What :func:`sync_plan` needs of a store."""

    def versions(self) -> dict[str, int]: ...

    def get_many(self, ids: Sequence[str]) -> list[Candidate]: ...


def stale_ids(held: Mapping[str, int], stored: Mapping[str, int]) -> tuple[list[str], list[str]]:
    """Which ids to re-read (new in the store, or at another version) and which are gone.

    Parameters
    ----------
    held
        id → version as the plan holds them.
    stored
        id → version as the store holds them now.
    """
    changed = sorted(i for i, v in stored.items() if held.get(i) != v)
    gone = sorted(i for i in held if i not in stored)
    return changed, gone


def sync_plan(plan: CandidatePlan, store: SyncStore) -> Change | None:
    """Bring *plan* up to date with edits committed by others in *store*.

    Returns the Change (action ``"remote"``), or None if the plan was up to date.

    Raises
    ------
    StoreError
        If the store cannot be read (the plan is left as it was).
    """
    held = {c.id: c.version for c in plan.candidates()}
    changed, gone = stale_ids(held, store.versions())
    if not changed and not gone:
        return None
    fresh = store.get_many(changed) if changed else []
    # A candidate deleted between the two reads is picked up as gone by the next poll.
    change = plan.apply_remote(fresh, gone)
    return change if change.before or change.after else None


#: How often a follower looks for notifications (the GUI's timer), in seconds.
TICK_S = 0.5
#: How often a follower compares all versions even without a notification, in seconds.
FULL_POLL_S = 5.0


class Follower:
    """Keeps a plan up to date with others' edits: call :meth:`tick` every :data:`TICK_S`.

    A tick costs nothing unless the store has a notification of someone else's commit
    (``remote_changes_pending()``, PostGIS LISTEN/NOTIFY, no round trip); then, and at least
    every *full_poll_s* seconds in case a notification was lost (a dropped connection), the
    versions are compared (:func:`sync_plan`). An edit committed by another planner is thus
    in this plan within about one tick, and at the latest after *full_poll_s*.

    Scenarios, where the store has them, are compared on their own notification and on the
    full poll; :attr:`scenarios_changed` is emitted with ``by_others`` True when a colleague's
    notification brought the change, False when only the full poll saw it (a lost
    notification, or this planner's own scenario edits).
    """

    def __init__(self, plan: CandidatePlan, store: Any, full_poll_s: float = FULL_POLL_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.plan = plan
        self.store = store
        self.full_poll_s = full_poll_s
        self._clock = clock
        self._last_full = clock()
        #: Emitted with ``by_others`` (bool) when the stored scenarios changed.
        self.scenarios_changed = Event()
        self._follows_scenarios = self.can_follow_scenarios(store)
        self._scenarios = store.scenario_versions() if self._follows_scenarios else {}

    @staticmethod
    def can_follow(store: object) -> bool:
        """True for a store that announces and lists changes (a team store)."""
        return isinstance(store, TeamStore)

    @staticmethod
    def can_follow_scenarios(store: object) -> bool:
        """True for a store that announces and lists its scenarios."""
        return isinstance(store, TeamScenarioStore)

    def tick(self) -> Change | None:
        """Look for others' edits; returns what was taken into the plan, or None.

        Raises
        ------
        StoreError
            If the store cannot be reached (the next tick tries again).
        """
        now = self._clock()
        pending = bool(self.store.remote_changes_pending())
        scenarios = self._follows_scenarios and bool(
            self.store.remote_scenario_changes_pending())
        full = now - self._last_full >= self.full_poll_s
        if scenarios or (full and self._follows_scenarios):
            self._sync_scenarios(by_others=scenarios)
        if not pending and not full:
            return None
        self._last_full = now
        return sync_plan(self.plan, self.store)

    def _sync_scenarios(self, by_others: bool) -> None:
        stored = self.store.scenario_versions()
        if stored != self._scenarios:
            self._scenarios = stored
            self.scenarios_changed.emit(by_others=by_others)
