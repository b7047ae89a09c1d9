"""The words of the national exports (issue 22): the Plandata check's findings and report
lines, the same for the command line and the window (context ``plandata``)."""

from __future__ import annotations

from naturplan.core.national import plandata as rules
from naturplan.core.national.plandata import FeatureCheck, Finding, LeftOut, PlandataCheck
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_ha, format_number, format_percent

__all__ = ["FINDINGS", "GAPS", "LEFT_OUT", "check_lines", "feature_line", "finding_text",
           "gap_text", "left_out_text"]

#: English source of each finding (the Danish is in plandata_da.ts).
FINDINGS = {
    rules.NOT_POLYGON: "not a polygon ({found}); refused",
    rules.EMPTY: "no geometry; refused",
    rules.INVALID: "invalid geometry ({reason}) at {x}, {y}; refused",
    rules.SELF_CROSSING: "its boundary crosses itself at {x}, {y}; refused",
    rules.COORDINATES: "coordinates outside EPSG:25832 in Denmark ({problem}); refused",
    rules.OUTSIDE: "lies wholly outside the municipality; refused",
    rules.CLIPPED: "clipped to the municipality: {area} ({share}) outside removed "
                   "(a retningslinje applies only in its own municipality)",
    rules.MISSING_FIELD: "required field {field} is empty; refused",
    rules.CODE_VALUE: "field {field}: the value {value} is not allowed; refused",
}
#: English source of each reason a candidate is not exported.
LEFT_OUT = {
    rules.IDEA: "an idea: not exported",
    rules.REJECTED: "rejected: not exported",
    rules.STATUS_NOT_CHOSEN: "its status is not among those exported",
    rules.NO_THEME: "its kind has no Plandata theme; mark it 1114 or 1115",
    rules.MARKED_NONE: "marked not to be exported",
}


def finding_text(finding: Finding, lang: str | None = None) -> str:
    """One finding in *lang* (numbers in the language's format)."""
    params = dict(finding.params)
    code = lang or "da"
    if finding.what == rules.CLIPPED:
        params = {"area": format_ha(float(params["m2"]), 2, code),
                  "share": format_percent(float(params["share"]), 1, code)}
    for axis in ("x", "y"):
        if axis in params:
            params[axis] = format_number(float(params[axis]), 0, code)
    params.setdefault("x", "?")
    params.setdefault("y", "?")
    return tr(lang, "plandata", FINDINGS[finding.what], **params)


def left_out_text(left: LeftOut, lang: str | None = None) -> str:
    return tr(lang, "plandata", LEFT_OUT[left.reason])


def feature_line(feature: FeatureCheck, lang: str | None = None) -> str:
    """``1112 F  id  name: OK`` or with its findings."""
    said = "; ".join(finding_text(f, lang) for f in feature.findings)
    verdict = tr(lang, "plandata", "refused" if feature.refused else "OK")
    head = f"{feature.theme} {feature.status:<2} {feature.candidate_id} {feature.name}"
    return f"{head}: {verdict}" + (f" ({said})" if said else "")


def check_lines(check: PlandataCheck, lang: str | None = None) -> list[str]:
    """The report per feature, then the candidates left out and a summary line."""
    lines = [feature_line(f, lang) for f in check.features]
    lines += [f"- {left.candidate_id} {left.name}: {left_out_text(left, lang)}"
              for left in check.left_out]
    lines.append(tr(lang, "plandata", "{n} areas checked, {refused} refused, {left} not "
                    "exported.", n=len(check.features), refused=len(check.refused),
                    left=len(check.left_out)))
    return lines


#: English source of each reason a number of the MARS list is missing (gap keys).
GAPS = {
    "lowland": "Lowland hectares by carbon class and the lowland areas' CO2e are empty: no "
               "lowland layer was given.",
    "n_retention": "Nitrogen (kg N per year) is empty: no N-retention layer (role "
                   "n_retention) was given.",
}


def gap_text(gap: str, lang: str | None = None) -> str:
    """Why a column of the MARS list (or an N effect) is empty, in *lang*."""
    return tr(lang, "plandata", GAPS[gap])
