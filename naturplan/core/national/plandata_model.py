"""Plandata.dk's data model for kommuneplanretningslinjer, as read from
``resources/national/plandata_*.toml`` (the fields, themes, statuses and code lists).

Parsing only: :func:`parse_model` turns the file's mapping into a frozen
:class:`PlandataModel` and refuses a file that does not describe one
(:class:`~naturplan.core.errors.NationalDataError`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from naturplan.core.errors import NationalDataError

__all__ = ["ALWAYS", "FieldSpec", "PlandataModel", "Theme", "parse_model"]

#: ``required`` of a field that every status requires.
ALWAYS = "always"
FIELD_TYPES = ("str", "int", "date")


@dataclass(frozen=True)
class FieldSpec:
    """One field of the file: its name (at most 10 characters, shapefile), type, what fills
    it (``source``: a plan fact, the candidate, or a fixed ``value``), the statuses that
    require it, its code list, and whether the name is assumed (not verified offline)."""

    name: str
    type: str
    width: int
    required: frozenset[str]
    source: str
    value: Any = None
    codelist: str | None = None
    assumed: bool = True

    def required_for(self, status: str) -> bool:
        return ALWAYS in self.required or status in self.required


@dataclass(frozen=True)
class Theme:
    """One theme (temakode), the file it is written to and the kinds that go to it."""

    code: str
    name: str
    file: str
    kinds: frozenset[str]
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class PlandataModel:
    """The model as a whole (see the resource file for the meaning of each part)."""

    id: str
    version: int
    source: str
    crs: int
    statuses: tuple[str, ...]
    proposed: tuple[str, ...]
    adopted: tuple[str, ...]
    general: tuple[FieldSpec, ...]
    themes: Mapping[str, Theme]
    codelists: Mapping[str, frozenset[str]]

    def theme_for_kind(self, kind: str) -> str | None:
        """The temakode a candidate of *kind* goes to unless it is marked, or None."""
        for code, theme in self.themes.items():
            if kind in theme.kinds:
                return code
        return None

    def fields(self, theme: str) -> tuple[FieldSpec, ...]:
        return self.general + self.themes[theme].fields


def parse_model(data: Mapping[str, Any], where: str) -> PlandataModel:
    """The model of a parsed TOML file *where*.

    Raises
    ------
    NationalDataError
        If a part is missing or of the wrong kind; the message names the file and the part.
    """
    try:
        head, statuses = data["model"], data["statuses"]
        codelists = {str(k): frozenset(str(c) for c in v)
                     for k, v in dict(data.get("codelists", {})).items()}
        codelists["statuses"] = frozenset(str(s) for s in statuses["codes"])
        themes = {str(code): Theme(str(code), str(t["name"]), str(t["file"]),
                                   frozenset(str(k) for k in t.get("kinds", [])),
                                   tuple(_field(f, codelists) for f in t.get("fields", [])))
                  for code, t in dict(data["themes"]).items()}
        return PlandataModel(
            str(head["id"]), int(head["version"]), str(head["source"]), int(head["crs"]),
            tuple(str(s) for s in statuses["codes"]),
            tuple(str(s) for s in statuses["proposed"]),
            tuple(str(s) for s in statuses["adopted"]),
            tuple(_field(f, codelists) for f in data["general"]), themes, codelists)
    except (KeyError, TypeError, ValueError) as exc:
        raise NationalDataError("The data model {file} cannot be read ({reason}).",
                                file=where, reason=str(exc)) from None


def _field(raw: Mapping[str, Any], codelists: Mapping[str, frozenset[str]]) -> FieldSpec:
    kind = str(raw["type"])
    if kind not in FIELD_TYPES:
        raise ValueError(f"type {kind} of {raw['name']}")
    name = str(raw["name"])
    if len(name) > 10:
        raise ValueError(f"field name {name} longer than 10 characters")
    required = raw.get("required", [])
    needed = frozenset([ALWAYS]) if required == ALWAYS else frozenset(str(s) for s in required)
    codelist = raw.get("codelist")
    if codelist is not None and str(codelist) not in codelists:
        raise ValueError(f"code list {codelist}")
    return FieldSpec(name, kind, int(raw.get("width", 0)), needed,
                     str(raw.get("from", "value")), raw.get("value"),
                     None if codelist is None else str(codelist), bool(raw.get("assumed", True)))
