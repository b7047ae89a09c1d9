"""The project store interface: where candidate areas, the audit trail and settings live.

:class:`~naturplan.io.project.gpkg_store.GeoPackageStore` implements it for one planner's project
file; a PostGIS store for teams implements the same interface over the same schema
(DESIGN.md, "Storage").

Optimistic locking: every stored candidate has a ``version``. A write names the version the
user saw (``expected_version``); if the stored one differs, or the candidate is gone, the
store raises :class:`ConflictError` naming the candidate, who changed it and when, and writes
nothing. Two planners never silently overwrite each other.

Every write appends an audit row (when in UTC, who, action, candidate id, details JSON) in
the same transaction as the write itself.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

import shapely

# The store's errors live in core/errors.py with every other error; re-exported here for
# the stores and their callers.
from naturplan.core.errors import (
    CandidateError,
    CandidateNotFoundError,
    ConflictError,
    NotAProjectError,
    ProjectNotFoundError,
    ScenarioError,
    StoreBusyError,
    StoreError,
    StoreFullError,
    StoreReadOnlyError,
)
from naturplan.core.plan.candidates import EDITABLE_FIELDS, Candidate
from naturplan.core.plan.plan import PlanStore
from naturplan.core.plan.scenarios import Scenario
from naturplan.core.plan.stores import ScenarioStore, SettingsStore, TeamScenarioStore, TeamStore

__all__ = [
    "SCHEMA_VERSION", "AuditRow", "CandidateNotFoundError", "CandidateStore", "ConflictError",
    "NotAProjectError", "ProjectNotFoundError", "ScenarioStore", "SettingsStore",
    "StoreBusyError", "StoreError", "StoreFullError", "StoreReadOnlyError",
    "NAME_MAX_CHARS", "changed_fields", "check_candidate_name", "check_scenario_name",
    "checked_scenario", "conflict_template", "login_name", "project_not_found",
    "scenario_audit_details",
    "scenario_conflict_template", "scenario_exists_error", "scenario_name_taken_error",
    "TeamScenarioStore", "TeamStore", "unreadable_error",
]

#: Version of the project schema (tables and fields); kept in settings["schema_version"].
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class AuditRow:
    """One row of the audit table.

    Attributes
    ----------
    at
        When, UTC ISO 8601.
    who
        The author the store was opened with.
    action
        ``insert``/``update``/``delete`` or the plan's name for the edit (``add``, ``merge``,
        ``split``, ``undo delete``, ``import`` ...).
    candidate_id
        The candidate ("" for project-wide rows such as settings changes).
    details
        JSON-ready dict: the operation (``op``), the version written, changed field names, area.
    """

    at: str
    who: str
    action: str
    candidate_id: str
    details: Mapping[str, Any]


@runtime_checkable
class CandidateStore(PlanStore, SettingsStore, ScenarioStore, Protocol):
    """The full store interface (see the module docstring): candidates, settings, scenarios.
    A team store (PostGIS) is also a :class:`TeamStore` and a :class:`TeamScenarioStore`.

    ``insert(c)`` stores a new candidate and returns it as stored: ``version`` =
    ``c.version + 1`` (so a restored candidate continues its count), ``created`` and ``author``
    kept if set, ``modified`` and ``modified_by`` stamped. ``update(c, expected_version)``
    writes *c*'s content and returns it with the new version (``expected_version + 1``).
    ``delete(id, expected_version)``. All three raise :class:`ConflictError` on a stale or
    missing version and run in their own transaction unless inside :meth:`transaction`.
    """

    author: str

    def settings(self) -> dict[str, Any]: ...

    def set_settings(self, values: Mapping[str, Any]) -> None: ...

    def audit(self, candidate_id: str | None = None) -> list[AuditRow]: ...

    def transaction(self) -> AbstractContextManager[Any]: ...

    def close(self) -> None: ...

    # --- scenarios: named sets of candidates (issue 11) ---------------------------------
    #
    # A scenario is stored like a candidate, with optimistic locking and an audit row per
    # write (action ``scenario``, ``candidate_id`` "", details ``{"op": "scenario_insert" |
    # "scenario_update" | "scenario_delete", "scenario": id, "name", "candidates": [ids],
    # "version"}``), in the same transaction as the write. A project made before scenarios
    # existed has none and gets its table on the first scenario write.

    def scenarios(self) -> list[Scenario]:
        """Every stored scenario, oldest first (created, then id)."""
        ...

    def insert_scenario(self, scenario: Scenario) -> Scenario:
        """Store a new scenario; returns it stamped (``created``/``author`` kept if set,
        ``modified``/``modified_by`` now, ``version`` = ``scenario.version + 1``).

        Raises :class:`ScenarioError` if another scenario has the same name (ignoring case),
        :class:`ConflictError` if the id is taken.
        """
        ...

    def update_scenario(self, scenario: Scenario, expected_version: int) -> Scenario:
        """Write *scenario*'s name, description and candidate ids over the stored version
        *expected_version*; returns it with version ``expected_version + 1``.

        Raises :class:`ConflictError` (template :func:`scenario_conflict_template`) if the
        stored version differs or the scenario is gone, :class:`ScenarioError` if the new
        name is taken by another scenario.
        """
        ...

    def delete_scenario(self, scenario_id: str, expected_version: int) -> None:
        """Delete the scenario stored as *expected_version* (its candidates stay).

        Raises :class:`ConflictError` on a stale or missing version.
        """
        ...


def project_not_found(label: str, *, database: bool) -> ProjectNotFoundError:
    """The one error for a project that is not there (*label* as people see it: a path, or a
    connection string without its password); a file and a database each have one sentence."""
    if database:
        return ProjectNotFoundError("Project not found: {project}", project=label)
    return ProjectNotFoundError("Project file not found: {project}", project=label)


def conflict_template(*, deleted: bool, by: str) -> str:
    """The English template of a :class:`ConflictError` (params ``name``, ``by``, ``at``).

    Four fixed sentences rather than one built from pieces, so that each has its translation.
    """
    if deleted:
        if by:
            return ("Candidate area '{name}' was deleted by {by} at {at} after you opened it; "
                    "your edit was not saved. Reload to see the current plan.")
        return ("Candidate area '{name}' was deleted after you opened it; your edit was not "
                "saved. Reload to see the current plan.")
    if by:
        return ("Candidate area '{name}' was changed by {by} at {at} after you opened it; "
                "your edit was not saved. Reload to see the current version.")
    return ("Candidate area '{name}' was changed after you opened it; your edit was not saved. "
            "Reload to see the current version.")


def scenario_conflict_template(*, deleted: bool, by: str) -> str:
    """The English template of a scenario's :class:`ConflictError` (params ``name``, ``by``,
    ``at``)."""
    if deleted:
        if by:
            return ("Scenario '{name}' was deleted by {by} at {at} after you opened it; "
                    "your change was not saved.")
        return "Scenario '{name}' was deleted after you opened it; your change was not saved."
    if by:
        return ("Scenario '{name}' was changed by {by} at {at} after you opened it; your "
                "change was not saved. Reload to see the current version.")
    return ("Scenario '{name}' was changed after you opened it; your change was not saved. "
            "Reload to see the current version.")


def checked_scenario(current: Scenario | None, scenario_id: str, name: str,
                     expected_version: int, deleted_by: Callable[[], tuple[str, str]]
                     ) -> Scenario:
    """*current* (the stored scenario) if it is at *expected_version*.

    Parameters
    ----------
    name
        The scenario's name as the planner knew it (for the message when it is gone).
    deleted_by
        Returns who deleted the scenario and when ("", "" if unknown); asked only if gone.

    Raises
    ------
    ConflictError
        If the scenario is gone or at another version (template
        :func:`scenario_conflict_template`, with who and when).
    """
    if current is None:
        by, at = deleted_by()
        raise ConflictError(scenario_conflict_template(deleted=True, by=by), candidate_id="",
                            name=name or scenario_id, by=by, at=at)
    if current.version != expected_version:
        raise ConflictError(scenario_conflict_template(deleted=False, by=current.modified_by),
                            candidate_id="", name=current.name, by=current.modified_by,
                            at=current.modified)
    return current


def scenario_exists_error(current: Scenario) -> ConflictError:
    """The :class:`ConflictError` of inserting a scenario whose id is stored already."""
    return ConflictError("Scenario '{name}' is already in the project.", candidate_id="",
                         name=current.name, by=current.modified_by, at=current.modified)


def scenario_name_taken_error(name: str) -> ScenarioError:
    """The :class:`ScenarioError` of a name another scenario has (ignoring case)."""
    return ScenarioError("A scenario named '{name}' is already in the project.", name=name)


def scenario_audit_details(op: str, scenario: Scenario) -> dict[str, Any]:
    """The audit row's details of a scenario write (the same in every store)."""
    return {"op": op, "scenario": scenario.id, "name": scenario.name,
            "candidates": list(scenario.candidate_ids), "version": scenario.version}


def changed_fields(old: Candidate, new: Candidate) -> list[str]:
    """The editable fields in which *new* differs from *old* (geometry coordinate for
    coordinate), sorted: the audit's ``changed``."""
    def differs(field: str) -> bool:
        if field == "geometry":
            return not bool(shapely.equals_exact(old.geometry, new.geometry, 0.0))
        return bool(getattr(old, field) != getattr(new, field))

    return sorted(f for f in EDITABLE_FIELDS if differs(f))


#: The longest name (characters) a candidate area or a scenario may have in either store: a
#: name, not a description, and far below PostgreSQL's index row limit (about 2,700 bytes,
#: up to 4 bytes a character) on the scenarios' unique name index.
NAME_MAX_CHARS = 200


def check_candidate_name(candidate: Candidate) -> None:
    """Refuse a candidate area whose name is longer than :data:`NAME_MAX_CHARS`.

    Raises
    ------
    CandidateError
        Naming the start of the name, its length and the limit.
    """
    if len(candidate.name) > NAME_MAX_CHARS:
        raise CandidateError(
            "The name of a candidate area may be at most {limit} characters; '{start}…' has"
            " {length}.", limit=str(NAME_MAX_CHARS), start=_start(candidate.name),
            length=str(len(candidate.name)))


def check_scenario_name(scenario: Scenario) -> None:
    """Refuse a scenario whose name is longer than :data:`NAME_MAX_CHARS`.

    Raises
    ------
    ScenarioError
        Naming the start of the name, its length and the limit.
    """
    if len(scenario.name) > NAME_MAX_CHARS:
        raise ScenarioError(
            "The name of a scenario may be at most {limit} characters; '{start}…' has"
            " {length}.", limit=str(NAME_MAX_CHARS), start=_start(scenario.name),
            length=str(len(scenario.name)))


def _start(name: str) -> str:
    return "".join(ch if ch.isprintable() else " " for ch in name[:30]).strip()


def unreadable_error(candidate_id: str, where: str) -> StoreError:
    """The error for a stored candidate another program wrote in a form naturplan cannot use
    (:mod:`naturplan.io.project.rows`), when an edit needs it."""
    return StoreError(
        "Candidate area {id} in {where} was written by another program in a form naturplan"
        " cannot use; correct it in that program.", id=candidate_id, where=where)


def login_name() -> str:
    """The login name, the default author of a store's writes ("unknown" if there is none)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers and services
        return "unknown"
