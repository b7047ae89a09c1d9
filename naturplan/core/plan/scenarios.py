"""Scenarios: named sets of candidate areas in a project ("Forslag A", "Forslag B").

A :class:`Scenario` is an immutable value like a :class:`~naturplan.core.plan.candidates.Candidate`:
the store stamps it (created, modified, author, version) and keeps every change in the audit
trail; an edit names the version the user saw (optimistic locking). The comparison of
scenarios is :mod:`naturplan.core.analysis.scenarios`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace

from naturplan.core.errors import ScenarioError


@dataclass(frozen=True)
class Scenario:
    """A named set of candidate areas.

    Attributes
    ----------
    id
        A UUID (text); stable across renames.
    name
        Unique in the project (case-insensitive), not empty.
    candidate_ids
        The candidates in it, in the order the planner put them, without repeats. An id whose
        candidate was deleted stays listed (the comparison skips it and says so).
    description
        Free text.
    created, modified, author, modified_by, version
        Stamped by the store; ``version`` 0 before the first write.
    """

    id: str
    name: str
    candidate_ids: tuple[str, ...] = ()
    description: str = ""
    created: str = ""
    modified: str = ""
    author: str = ""
    modified_by: str = ""
    version: int = 0

    @classmethod
    def new(cls, name: str, candidate_ids: Iterable[str] = (), description: str = ""
            ) -> Scenario:
        """A new, not yet stored scenario with a fresh id.

        Raises
        ------
        ScenarioError
            If *name* is empty.
        """
        return cls(str(uuid.uuid4()), _name(name), _ids(candidate_ids), description)

    def with_changes(self, *, name: str | None = None,
                     candidate_ids: Iterable[str] | None = None,
                     description: str | None = None) -> Scenario:
        """A copy with a new name, candidate list or description.

        Raises
        ------
        ScenarioError
            If the new name is empty.
        """
        return replace(
            self,
            name=self.name if name is None else _name(name),
            candidate_ids=self.candidate_ids if candidate_ids is None else _ids(candidate_ids),
            description=self.description if description is None else description,
        )


def _name(name: str) -> str:
    text = " ".join(str(name).split())
    if not text:
        raise ScenarioError("A scenario needs a name.")
    return text


def _ids(ids: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(i) for i in ids))
