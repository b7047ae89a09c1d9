"""MARS projects (issue 22, item 4): the mapping between MARS' project types and phases and
naturplan's kinds and statuses (``resources/national/mars_*.toml``), the fields of a MARS
export, and the project list's fields.

Pure rules: parsing the mapping, a MARS feature's attributes → a candidate's kind, status and
mark, a candidate → its MARS type and phase.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from naturplan.core.errors import NationalDataError
from naturplan.core.national.marks import NationalMark
from naturplan.core.plan.candidates import Candidate, CandidateKind, CandidateStatus

__all__ = ["FIELD_KEYS", "MarsMapping", "MarsProject", "parse_mapping"]

#: The keys of a MARS feature naturplan reads and writes.
FIELD_KEYS = ("id", "name", "type", "phase", "municipality", "area_ha")


@dataclass(frozen=True)
class MarsProject:
    """One MARS project as naturplan reads it: a candidate's kind, status and name, and the
    mark that keeps MARS' own type, phase, id and municipality."""

    name: str
    kind: CandidateKind
    status: CandidateStatus
    mark: NationalMark


@dataclass(frozen=True)
class MarsMapping:
    """The mapping file as a whole (see ``resources/national/mars_v1.toml``)."""

    id: str
    source: str
    verified: bool
    fields: Mapping[str, str]
    types: Mapping[str, CandidateKind]
    default_types: Mapping[CandidateKind, str]
    phases: Mapping[str, CandidateStatus]
    default_phases: Mapping[CandidateStatus, str]
    csv_columns: tuple[str, ...]

    def with_fields(self, overrides: Mapping[str, str]) -> MarsMapping:
        """A copy whose field names are *overrides* where given.

        Raises
        ------
        NationalDataError
            For a key that is not one of :data:`FIELD_KEYS`.
        """
        wrong = sorted(set(overrides) - set(FIELD_KEYS))
        if wrong:
            raise NationalDataError("Unknown MARS field {key}; the keys are {keys}.",
                                    key=", ".join(wrong), keys=", ".join(FIELD_KEYS))
        return MarsMapping(self.id, self.source, self.verified, {**self.fields, **overrides},
                           self.types, self.default_types, self.phases, self.default_phases,
                           self.csv_columns)

    def project(self, row: Mapping[str, Any]) -> MarsProject:
        """The project of one feature's attributes *row* (keys: the file's own fields).

        Raises
        ------
        NationalDataError
            For a type or phase the mapping does not know (the message names it).
        """
        value = {key: _text(row.get(self.fields[key])) for key in FIELD_KEYS}
        kind = _lookup(self.types, value["type"], "type")
        status = _lookup(self.phases, value["phase"], "phase")
        mark = NationalMark(mars_type=_canonical(self.types, value["type"]),
                            mars_phase=_canonical(self.phases, value["phase"]),
                            mars_id=value["id"] or None,
                            mars_municipality=value["municipality"] or None)
        return MarsProject(value["name"], kind, status, mark)

    def type_of(self, candidate: Candidate, mark: NationalMark) -> str:
        return mark.mars_type or self.default_types[candidate.kind]

    def phase_of(self, candidate: Candidate, mark: NationalMark) -> str | None:
        """The MARS phase of *candidate*; None for a rejected one (not exported)."""
        return mark.mars_phase or self.default_phases.get(candidate.status)


def _text(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _canonical(table: Mapping[str, Any], value: str) -> str:
    return next(k for k in table if k.casefold() == value.casefold())


def _lookup(table: Mapping[str, Any], value: str, what: str) -> Any:
    for key, mapped in table.items():
        if key.casefold() == value.casefold():
            return mapped
    raise NationalDataError("Unknown MARS {what} '{value}'; the mapping knows {known}.",
                            what=what, value=value, known=", ".join(table))


def parse_mapping(data: Mapping[str, Any], where: str) -> MarsMapping:
    """The mapping of a parsed TOML file *where*.

    Raises
    ------
    NationalDataError
        If a part is missing or names an unknown kind or status.
    """
    try:
        head = data["mapping"]
        fields = {str(k): str(v) for k, v in dict(data["fields"]).items()}
        missing = [k for k in FIELD_KEYS if k not in fields]
        if missing:
            raise KeyError(", ".join(missing))
        return MarsMapping(
            str(head["id"]), str(head["source"]), bool(head.get("verified", False)), fields,
            {str(k): CandidateKind(v) for k, v in dict(data["types"]).items()},
            {CandidateKind(k): str(v) for k, v in dict(data["default_types"]).items()},
            {str(k): CandidateStatus(v) for k, v in dict(data["phases"]).items()},
            {CandidateStatus(k): str(v) for k, v in dict(data["default_phases"]).items()},
            tuple(str(c) for c in data["csv"]["columns"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise NationalDataError("The data model {file} cannot be read ({reason}).",
                                file=where, reason=str(exc)) from None
