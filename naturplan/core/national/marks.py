"""What a candidate carries for the national systems beside naturplan's own kind and status:
the Plandata theme it is designated in (1114/1115 for Grønt Danmarkskort), its MARS type and
phase; and the plan's own facts Plandata asks for (plan id, name, dates, link).

Kept in the project's settings under :data:`NATIONAL_KEY` (a record of plain JSON), keyed by
candidate id, so that the candidates' table and both stores stay as they are. A mark of a
deleted candidate is ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

__all__ = ["NATIONAL_KEY", "NationalMark", "NationalRecord", "PlanFacts"]

#: The settings key of the record.
NATIONAL_KEY = "national"


@dataclass(frozen=True)
class NationalMark:
    """One candidate's national attributes (None: not set).

    Attributes
    ----------
    plandata_theme
        A Plandata temakode that overrides the theme of the candidate's kind ("1114",
        "1115"), or ``"none"``: never exported to Plandata.
    mars_type, mars_phase
        The MARS project type and phase (codes of ``resources/national/mars_v1.toml``).
    mars_id, mars_municipality
        The MARS project id and municipality code of an imported project (kept so that an
        export gives the project back under its own id).
    """

    plandata_theme: str | None = None
    mars_type: str | None = None
    mars_phase: str | None = None
    mars_id: str | None = None
    mars_municipality: str | None = None

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("plandata_theme", self.plandata_theme),
                                  ("mars_type", self.mars_type),
                                  ("mars_phase", self.mars_phase),
                                  ("mars_id", self.mars_id),
                                  ("mars_municipality", self.mars_municipality)) if v}

    @property
    def empty(self) -> bool:
        return not self.as_dict()


@dataclass(frozen=True)
class PlanFacts:
    """What Plandata asks of the plan as a whole (dates as ISO ``YYYY-MM-DD``)."""

    plan_id: int | None = None
    plan_name: str = ""
    date_proposed: str | None = None
    date_adopted: str | None = None
    document_link: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"plan_id": self.plan_id, "plan_name": self.plan_name,
                "date_proposed": self.date_proposed, "date_adopted": self.date_adopted,
                "document_link": self.document_link}


@dataclass(frozen=True)
class NationalRecord:
    """The whole record: the plan's facts and every candidate's mark."""

    facts: PlanFacts = field(default_factory=PlanFacts)
    marks: Mapping[str, NationalMark] = field(default_factory=dict)

    def mark(self, candidate_id: str) -> NationalMark:
        return self.marks.get(candidate_id, NationalMark())

    def with_marks(self, marks: Mapping[str, NationalMark]) -> NationalRecord:
        """A copy with the marks of *marks* set (replacing those candidates' marks)."""
        return replace(self, marks={**self.marks, **{k: v for k, v in marks.items()
                                                     if not v.empty}})

    def with_mark(self, candidate_id: str, **changes: str | None) -> NationalRecord:
        """A copy with *changes* to one candidate's mark (a value of None clears it)."""
        mark = replace(self.mark(candidate_id), **changes)
        marks = {k: v for k, v in self.marks.items() if k != candidate_id}
        if not mark.empty:
            marks[candidate_id] = mark
        return replace(self, marks=marks)

    def as_stored(self) -> dict[str, Any]:
        return {"version": 1, "plandata": self.facts.as_dict(),
                "marks": {k: v.as_dict() for k, v in sorted(self.marks.items())}}

    @classmethod
    def from_stored(cls, value: Any) -> NationalRecord:
        """The record of a stored value; TypeError or ValueError if it is of the wrong kind."""
        if value is None:
            return cls()
        if not isinstance(value, Mapping):
            raise TypeError(NATIONAL_KEY)
        facts = value.get("plandata") or {}
        marks = value.get("marks") or {}
        if not isinstance(facts, Mapping) or not isinstance(marks, Mapping):
            raise TypeError(NATIONAL_KEY)
        plan_id = facts.get("plan_id")
        if plan_id is not None and (isinstance(plan_id, bool) or not isinstance(plan_id, int)):
            raise TypeError("plan_id")
        texts = {k: facts.get(k) for k in ("plan_name", "date_proposed", "date_adopted",
                                            "document_link")}
        if not all(isinstance(v, str | None) for v in texts.values()):
            raise TypeError("plandata")
        read = PlanFacts(plan_id, texts["plan_name"] or "", texts["date_proposed"],
                         texts["date_adopted"], texts["document_link"] or "")
        out: dict[str, NationalMark] = {}
        for key, mark in marks.items():
            if not isinstance(mark, Mapping) or not all(
                    isinstance(v, str) for v in mark.values()):
                raise TypeError("marks")
            out[str(key)] = NationalMark(
                mark.get("plandata_theme"), mark.get("mars_type"), mark.get("mars_phase"),
                mark.get("mars_id"), mark.get("mars_municipality"))
        return cls(read, out)
