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

from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from naturplan.core.errors import NaturplanError
from naturplan.core.plan.plan import PlanStore

#: Version of the project schema (tables and fields); kept in settings["schema_version"].
SCHEMA_VERSION = 1


class StoreError(NaturplanError):
    """The project store cannot be opened, read or written."""

    code = "store"


class NotAProjectError(StoreError):
    """The file is not a naturplan project (not a GeoPackage, or another GeoPackage)."""

    code = "not_a_project"


class ConflictError(StoreError):
    """Someone else changed or deleted the candidate since the user read it.

    Attributes
    ----------
    candidate_id, name
        The candidate.
    by, at
        Who made the conflicting change and when (UTC ISO), if known.
    """

    code = "conflict"

    def __init__(
        self, message: str, candidate_id: str, name: str = "", by: str = "", at: str = ""
    ) -> None:
        super().__init__(message)
        self.candidate_id = candidate_id
        self.name = name
        self.by = by
        self.at = at


class CandidateNotFoundError(StoreError):
    """No candidate with that id in the store."""

    code = "candidate_not_found"


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
class CandidateStore(PlanStore, Protocol):
    """The full store interface (see the module docstring).

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


def conflict_message(name: str, by: str, at: str, deleted: bool = False) -> str:
    """The one-line conflict message (English; the GUI translates by ``ConflictError.code``)."""
    what = "deleted" if deleted else "changed"
    who = f" by {by}" if by else ""
    when = f" at {at}" if at else ""
    return (
        f"Candidate area '{name}' was {what}{who}{when} after you opened it; "
        "your edit was not saved. Reload to see the current version."
    )
