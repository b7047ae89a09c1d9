"""One set of words for the candidate enums, shared by the command line and the window.

The core keeps English values (``lowland``, ``idea``); people read the labels here, translated
through :mod:`naturplan.text.i18n` (context ``labels`` of ``resources/translations/*.ts``),
so that ``naturplan candidates list`` and the candidate table say the same thing
("Udtagning af lavbundsjord", "Idé").
"""

from __future__ import annotations

from naturplan.core.plan.candidates import CandidateKind, CandidateStatus, GeometryProblem
from naturplan.core.plan.validity import InvalidKind, parse_reason
from naturplan.core.share.targets import Target
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_number, format_percent

#: English source text of each kind's label (the translation key).
KIND_LABELS: dict[CandidateKind, str] = {
    CandidateKind.LOWLAND: "Lowland withdrawal",
    CandidateKind.AFFORESTATION: "Afforestation",
    CandidateKind.CONNECTIVITY: "Ecological connection",
    CandidateKind.RESTORE: "Restoration of nature",
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
    problem = GeometryProblem(problem)
    if problem in (GeometryProblem.INVALID, GeometryProblem.COLLAPSED) and detail:
        detail = invalid_reason_label(detail, lang)
    return tr(lang, "labels", PROBLEM_LABELS[problem], detail=detail)


#: GEOS' kinds of invalidity in words (English source texts, context ``labels``).
INVALID_WORDS: dict[InvalidKind, str] = {
    InvalidKind.SELF_INTERSECTION: "the outline crosses itself",
    InvalidKind.RING_SELF_INTERSECTION: "the outline crosses itself",
    InvalidKind.TOO_FEW_POINTS: "too few distinct corners",
    InvalidKind.HOLE_OUTSIDE_SHELL: "a hole lies outside the area",
    InvalidKind.NESTED_HOLES: "two holes lie inside each other",
    InvalidKind.DISCONNECTED_INTERIOR: "the holes cut the area into pieces",
    InvalidKind.NESTED_SHELLS: "two parts lie inside each other",
    InvalidKind.DUPLICATE_RINGS: "two rings are the same",
    InvalidKind.INVALID_COORDINATE: "a corner has an invalid coordinate",
    InvalidKind.RING_NOT_CLOSED: "the outline is not closed",
}


def invalid_reason_label(reason: str, lang: str | None = None) -> str:
    """GEOS' *reason* (``shapely.is_valid_reason``) in words, the place to whole metres:
    "omridset krydser sig selv ved Ø 553.387, N 6.315.873"; a reason GEOS words otherwise
    is given as it came."""
    place = parse_reason(reason)
    if place.kind not in INVALID_WORDS:
        return reason
    what = tr(lang, "labels", INVALID_WORDS[place.kind])
    if place.x is None or place.y is None:
        return what
    return tr(lang, "labels", "{what} at E {x}, N {y}", what=what,
              x=format_number(place.x, 0, lang or "da"),
              y=format_number(place.y, 0, lang or "da"))


def target_share_text(target: Target, lang: str | None = None) -> str:
    """A target's share as people read it: ``17 %``, ``17,5 %`` (no decimal unless needed)."""
    percent = target.share * 100.0
    decimals = 0 if abs(percent - round(percent)) < 1e-9 else 1
    return format_percent(target.share, decimals, lang or "da")


def target_label(target: Target, lang: str | None = None) -> str:
    """A target's name for people, built from the target itself: who set it, its share and
    its year ("Aalborg Kommune 17 %", "Grøn trepart 20 % (2030)"), in any municipality.

    A target without a holder is labelled by its own *name*.
    """
    if not target.holder:
        return target.name
    holder = tr(lang, "targets", target.holder)
    share = target_share_text(target, lang)
    if target.year is None:
        return tr(lang, "targets", "{holder} {share}", holder=holder, share=share)
    return tr(lang, "targets", "{holder} {share} ({year})", holder=holder, share=share,
              year=str(target.year))
