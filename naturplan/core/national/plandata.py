"""The Plandata export's rules: which candidate goes to which theme with which status, and
the check of every feature before anything is written (issue 22, item 1).

:func:`check_plan` applies the data model's rules to each candidate and returns a report per
feature (:class:`FeatureCheck`): geometry type, validity (a self-crossing ring refused with
where it crosses), coordinates in EPSG:25832, the part outside the municipality, required
fields and code-list values. The writer (``naturplan.export.plandata``) writes only when no
feature is refused.

Inside the municipality: a kommuneplanretningslinje has legal effect only in the municipality
that adopts it, and Plandata holds each municipality's plan for its own area. A candidate that
reaches over the border is therefore **clipped** to the municipality (the area removed is
reported per feature, :data:`CLIPPED`); one with nothing inside is **refused**
(:data:`OUTSIDE`). Less than :data:`CLIP_TOLERANCE_M2` outside is a digitising sliver and is
clipped without a word.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.geometry import POLYGONAL_TYPES, coordinate_problems, polygonal_part
from naturplan.core.national.marks import NationalRecord, PlanFacts
from naturplan.core.national.plandata_model import FieldSpec, PlandataModel
from naturplan.core.plan.candidates import Candidate, CandidateStatus

__all__ = [
    "CLIPPED", "CLIP_TOLERANCE_M2", "CODE_VALUE", "COORDINATES", "EMPTY", "INVALID",
    "MISSING_FIELD", "NOT_POLYGON", "OUTSIDE", "SELF_CROSSING", "FeatureCheck", "Finding",
    "LeftOut", "PlandataCheck", "check_plan", "plandata_status", "theme_of",
]

# What a finding is (the words are in naturplan.text.national_words).
NOT_POLYGON = "not_polygon"
EMPTY = "empty"
INVALID = "invalid"
SELF_CROSSING = "self_crossing"
COORDINATES = "coordinates"
OUTSIDE = "outside"
CLIPPED = "clipped"
MISSING_FIELD = "missing_field"
CODE_VALUE = "code_value"
#: Why a candidate is not exported at all.
IDEA, REJECTED, STATUS_NOT_CHOSEN, NO_THEME, MARKED_NONE = (
    "idea", "rejected", "status_not_chosen", "no_theme", "marked_none")

#: Area outside the municipality (m²) below which the clipping is not reported.
CLIP_TOLERANCE_M2 = 1.0
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Finding:
    """One rule a feature broke (or one change made to it: ``clipped``)."""

    what: str
    refused: bool
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class FeatureCheck:
    """One candidate as it would be exported: theme, status, the field values, the geometry
    as written (a MultiPolygon clipped to the municipality, or None) and the findings."""

    candidate_id: str
    name: str
    theme: str
    status: str
    values: Mapping[str, Any]
    geometry: BaseGeometry | None
    findings: tuple[Finding, ...]

    @property
    def refused(self) -> bool:
        return any(f.refused for f in self.findings)


@dataclass(frozen=True)
class LeftOut:
    """A candidate not exported, and why (an idea, rejected, a status not chosen, …)."""

    candidate_id: str
    name: str
    reason: str


@dataclass(frozen=True)
class PlandataCheck:
    """The report of :func:`check_plan`."""

    features: tuple[FeatureCheck, ...]
    left_out: tuple[LeftOut, ...]

    @property
    def refused(self) -> tuple[FeatureCheck, ...]:
        return tuple(f for f in self.features if f.refused)

    def by_theme(self) -> dict[str, list[FeatureCheck]]:
        out: dict[str, list[FeatureCheck]] = {}
        for feature in self.features:
            out.setdefault(feature.theme, []).append(feature)
        return dict(sorted(out.items()))


def plandata_status(status: CandidateStatus, chosen: Collection[str],
                    model: PlandataModel) -> str | None:
    """The Plandata status of a candidate whose status is *status*, given the statuses the
    user *chosen* to export: a proposal is F (or KF), an adopted area V (or KV); None if its
    status is not exported (an idea, rejected, or not among *chosen*)."""
    options = {CandidateStatus.PROPOSED: model.proposed,
               CandidateStatus.ADOPTED: model.adopted}.get(status, ())
    return next((code for code in options if code in chosen), None)


def theme_of(candidate: Candidate, record: NationalRecord, model: PlandataModel) -> str | None:
    """The temakode *candidate* is exported to: its mark, else its kind's theme; None for a
    candidate marked ``none`` or of a kind without a theme."""
    marked = record.mark(candidate.id).plandata_theme
    if marked == "none":
        return None
    return marked if marked else model.theme_for_kind(candidate.kind.value)


def check_plan(candidates: Sequence[Candidate], record: NationalRecord, municipality_code: str,
               municipality: BaseGeometry, chosen: Collection[str],
               model: PlandataModel) -> PlandataCheck:
    """Check every candidate that would be exported with the statuses *chosen*.

    Parameters
    ----------
    candidates
        The plan's candidates (EPSG:25832).
    record
        The plan's facts and each candidate's marks.
    municipality_code, municipality
        KOMKODE and geometry of the municipality the plan is reported for.
    chosen
        Plandata statuses to export (``F``, ``V``, ``KF``, ``KV``).
    """
    features, left = [], []
    for candidate in candidates:
        status = plandata_status(candidate.status, chosen, model)
        theme = theme_of(candidate, record, model)
        reason = _left_out_reason(candidate, status, theme, record)
        if reason is not None:
            left.append(LeftOut(candidate.id, candidate.name, reason))
            continue
        assert status is not None and theme is not None
        features.append(_check_feature(candidate, theme, status, record.facts,
                                       municipality_code, municipality, model))
    return PlandataCheck(tuple(features), tuple(left))


def _left_out_reason(candidate: Candidate, status: str | None, theme: str | None,
                     record: NationalRecord) -> str | None:
    if candidate.status is CandidateStatus.IDEA:
        return IDEA
    if candidate.status is CandidateStatus.REJECTED:
        return REJECTED
    if status is None:
        return STATUS_NOT_CHOSEN
    if theme is None:
        return MARKED_NONE if record.mark(candidate.id).plandata_theme == "none" else NO_THEME
    return None


def _check_feature(candidate: Candidate, theme: str, status: str, facts: PlanFacts,
                   code: str, municipality: BaseGeometry, model: PlandataModel) -> FeatureCheck:
    if theme not in model.themes:
        return FeatureCheck(candidate.id, candidate.name, theme, status, {}, None, (
            Finding(CODE_VALUE, True, {"field": "temakode", "value": theme}),))
    geometry, findings = check_geometry(candidate.geometry, municipality)
    values = field_values(candidate, theme, status, facts, code, model)
    findings += check_values(values, theme, status, model)
    return FeatureCheck(candidate.id, candidate.name, theme, status, values, geometry,
                        tuple(findings))


def check_geometry(geom: BaseGeometry | None, municipality: BaseGeometry
                   ) -> tuple[BaseGeometry | None, list[Finding]]:
    """The geometry as written (a MultiPolygon inside *municipality*) and the findings."""
    if geom is None or geom.is_empty:
        return None, [Finding(EMPTY, True)]
    if shapely.get_type_id(geom) not in POLYGONAL_TYPES:
        return None, [Finding(NOT_POLYGON, True, {"found": geom.geom_type})]
    problem = coordinate_problems(np.asarray([geom], dtype=object))[0]
    if problem is not None:
        return None, [Finding(COORDINATES, True, {"problem": str(problem)})]
    if not shapely.is_valid(geom):
        reason = str(shapely.is_valid_reason(geom))
        where = _where(reason)
        if "self-intersection" in reason.lower():
            return None, [Finding(SELF_CROSSING, True, where)]
        return None, [Finding(INVALID, True, {"reason": reason.split("[")[0].strip(), **where})]
    inside = polygonal_part(shapely.intersection(geom, municipality))
    if inside is None:
        return None, [Finding(OUTSIDE, True)]
    outside = float(geom.area - inside.area)
    findings = []
    if outside >= CLIP_TOLERANCE_M2:
        findings.append(Finding(CLIPPED, False, {"m2": outside,
                                                 "share": outside / float(geom.area)}))
    parts = shapely.get_parts(inside)
    return shapely.multipolygons(list(parts)), findings


def _where(reason: str) -> dict[str, Any]:
    """The place GEOS names in its reason (``Self-intersection[552000 6320000]``)."""
    found = re.search(r"\[([-\d.eE+]+) ([-\d.eE+]+)", reason)
    if not found:
        return {}
    return {"x": float(found.group(1)), "y": float(found.group(2))}


def field_values(candidate: Candidate, theme: str, status: str, facts: PlanFacts,
                 municipality_code: str, model: PlandataModel) -> dict[str, Any]:
    """The value of every field of *theme* for *candidate* (None where nothing fills it)."""
    code = municipality_code.strip()
    sources: dict[str, Any] = {
        "plan_id": facts.plan_id,
        "municipality": int(code) if code.isdigit() else code or None,
        "plan_name": facts.plan_name or candidate.name or None,
        "name": candidate.name or None,
        "theme": int(theme) if theme.isdigit() else theme,
        "status": status,
        "date_proposed": facts.date_proposed,
        "date_adopted": facts.date_adopted,
        "document_link": facts.document_link or None,
        "candidate_id": candidate.id,
    }
    return {spec.name: spec.value if spec.source == "value" or spec.value is not None
            else sources.get(spec.source) for spec in model.fields(theme)}


def _is_date(value: Any) -> bool:
    if not (isinstance(value, str) and _DATE.match(value)):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_values(values: Mapping[str, Any], theme: str, status: str,
                 model: PlandataModel) -> list[Finding]:
    """Required fields present, code-list values known, dates as ``YYYY-MM-DD``, text
    within the field's width."""
    findings = []
    for spec in model.fields(theme):
        value = values.get(spec.name)
        if value is None or value == "":
            if spec.required_for(status):
                findings.append(Finding(MISSING_FIELD, True, {"field": spec.name}))
            continue
        bad = _bad_value(spec, value, theme, model)
        if bad is not None:
            findings.append(bad)
    return findings


def _bad_value(spec: FieldSpec, value: Any, theme: str, model: PlandataModel) -> Finding | None:
    if spec.codelist is not None and str(value) not in model.codelists[spec.codelist]:
        return Finding(CODE_VALUE, True, {"field": spec.name, "value": str(value)})
    if spec.name == "temakode" and str(value) not in model.themes:
        return Finding(CODE_VALUE, True, {"field": spec.name, "value": str(value)})
    if spec.type == "date" and not _is_date(value):
        return Finding(CODE_VALUE, True, {"field": spec.name, "value": str(value)})
    if spec.type == "int" and not isinstance(value, int):
        return Finding(CODE_VALUE, True, {"field": spec.name, "value": str(value)})
    if spec.type == "str" and spec.width and len(str(value).encode("utf-8")) > spec.width:
        return Finding(CODE_VALUE, True, {"field": spec.name, "value": str(value)[:20] + "…"})
    return None
