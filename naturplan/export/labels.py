"""One set of words for the candidate enums, shared by the command line and the window.

The core keeps English values (``lowland``, ``idea``); people read the labels here, translated
through :mod:`naturplan.export.i18n` (context ``labels`` of ``resources/translations/*.ts``),
so that ``naturplan candidates list`` and the candidate table say the same thing
("Udtagning af lavbundsjord", "Idé").
"""

from __future__ import annotations

from naturplan.core.plan.candidates import CandidateKind, CandidateStatus, GeometryProblem
from naturplan.export.i18n import tr

#: English source text of each kind's label (the translation key).
KIND_LABELS: dict[CandidateKind, str] = {
    CandidateKind.LOWLAND: "Lowland withdrawal",
    CandidateKind.AFFORESTATION: "Afforestation",
    CandidateKind.CONNECTIVITY: "Ecological connection",
}

#: English source text of each status's label.
STATUS_LABELS: dict[CandidateStatus, str] = {
    CandidateStatus.IDEA: "Idea",
    CandidateStatus.PROPOSED: "Proposed",
    CandidateStatus.ADOPTED: "Adopted",
    CandidateStatus.REJECTED: "Rejected",
}


#: English source text of why a feature cannot be a candidate area (``{detail}``: the geometry
#: type, or GEOS's reason).
PROBLEM_LABELS: dict[GeometryProblem, str] = {
    GeometryProblem.MISSING: "no geometry",
    GeometryProblem.EMPTY: "empty geometry",
    GeometryProblem.NOT_POLYGON: "not a polygon ({detail})",
    GeometryProblem.INVALID: "invalid polygon ({detail})",
    GeometryProblem.COLLAPSED: "invalid polygon with no area left after repair ({detail})",
    GeometryProblem.NON_FINITE: "a coordinate is not a finite number (NaN or infinite, or "
                                "beyond what the file's CRS can transform)",
    GeometryProblem.OUTSIDE_AREA: "coordinates far outside Denmark, where EPSG:25832 does "
                                  "not apply (a wrong CRS?)",
}


def kind_label(kind: CandidateKind | str, lang: str | None = None) -> str:
    """``lowland`` → "Udtagning af lavbundsjord" (Danish) / "Lowland withdrawal".

    Raises
    ------
    ValueError
        If *kind* is not a kind.
    """
    return tr(lang, "labels", KIND_LABELS[CandidateKind(kind)])


def status_label(status: CandidateStatus | str, lang: str | None = None) -> str:
    """``idea`` → "Idé" (Danish) / "Idea".

    Raises
    ------
    ValueError
        If *status* is not a status.
    """
    return tr(lang, "labels", STATUS_LABELS[CandidateStatus(status)])


def default_name(number: int, lang: str | None = None) -> str:
    """The name of the *number*-th drawn candidate: "Kandidat 3" / "Candidate 3"."""
    return tr(lang, "labels", "Candidate {number}", number=str(number))


def yes_no(value: bool, lang: str | None = None) -> str:
    """"ja"/"nej" (Danish), "yes"/"no"."""
    return tr(lang, "labels", "yes" if value else "no")


def problem_label(problem: GeometryProblem | str, detail: str = "",
                  lang: str | None = None) -> str:
    """Why a feature of an import cannot be used: "ikke en polygon (LineString)".

    Raises
    ------
    ValueError
        If *problem* is not a :class:`GeometryProblem`.
    """
    return tr(lang, "labels", PROBLEM_LABELS[GeometryProblem(problem)], detail=detail)
