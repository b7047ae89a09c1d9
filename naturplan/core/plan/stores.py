"""What a store can do, declared: the capabilities callers ask for with ``isinstance``.

Every project store (the GeoPackage file, the PostGIS team database) keeps candidates
(:class:`~naturplan.core.plan.plan.PlanStore`), settings and scenarios. Only a team store
announces others' edits and lists versions cheaply so that a plan can follow them
(:class:`TeamStore`, :class:`TeamScenarioStore`). Callers ask ``isinstance(store,
ScenarioStore)`` rather than sniffing for a method name, so that a renamed method is a type
error, not a feature that silently disappears.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario

__all__ = ["ScenarioStore", "SettingsStore", "TeamScenarioStore", "TeamStore"]


@runtime_checkable
class SettingsStore(Protocol):
    """A store that keeps the project's settings (a JSON-ready dict, audited on write)."""

    def settings(self) -> dict[str, Any]: ...

    def set_settings(self, values: Mapping[str, Any]) -> None: ...


@runtime_checkable
class ScenarioStore(Protocol):
    """A store that keeps named scenarios (see ``naturplan.io.project.store.CandidateStore``
    for the rules of each write)."""

    def scenarios(self) -> list[Scenario]: ...

    def insert_scenario(self, scenario: Scenario) -> Scenario: ...

    def update_scenario(self, scenario: Scenario, expected_version: int) -> Scenario: ...

    def delete_scenario(self, scenario_id: str, expected_version: int) -> None: ...


@runtime_checkable
class TeamStore(Protocol):
    """A store that others write to at the same time and that a plan can follow
    (:class:`naturplan.core.plan.sync.Follower`)."""

    def remote_changes_pending(self) -> bool:
        """True if another planner committed a change since the last call (no round trip)."""
        ...

    def versions(self) -> dict[str, int]:
        """Every stored candidate's id → version."""
        ...

    def get_many(self, ids: Sequence[str]) -> list[Candidate]:
        """The stored candidates with these ids (the gone ones left out)."""
        ...


@runtime_checkable
class TeamScenarioStore(Protocol):
    """A team store whose scenarios a plan can follow as well."""

    def remote_scenario_changes_pending(self) -> bool: ...

    def scenario_versions(self) -> dict[str, int]: ...
