"""The Plandata export as one operation for the command line and the window (issue 22, item
1): read the plan, check every feature against the data model, and write one shapefile per
theme only if no feature is refused (or never, with ``check_only``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.errors import UsageError
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.layers.dataset import Municipality
from naturplan.core.national.marks import NationalRecord
from naturplan.core.national.plandata import PlandataCheck, check_plan
from naturplan.core.national.plandata_model import PlandataModel
from naturplan.core.plan.candidates import Candidate
from naturplan.export.plandata import RemovedTheme, WrittenTheme, remove_stale, write_plandata

__all__ = ["DEFAULT_STATUSES", "PlandataReport", "PlandataRequest", "export_plandata",
           "parse_statuses", "read_plan"]

#: What is exported unless the user chooses: proposals as F, adopted areas as V.
DEFAULT_STATUSES = ("F", "V")


@dataclass(frozen=True)
class PlandataRequest:
    """What to export: the plan (candidates and national record), the municipality it is
    reported for, the Plandata statuses to export, and the folder."""

    candidates: Sequence[Candidate]
    record: NationalRecord
    municipality: Municipality
    folder: Path
    statuses: tuple[str, ...] = DEFAULT_STATUSES
    check_only: bool = False
    model: PlandataModel | None = None
    #: KOMKODE of the municipality to report for when *municipality* is a plan area of
    #: several (a retningslinje is each municipality's own plan); None for one municipality.
    kommune: str | None = None


def reported_municipality(municipality: Municipality, kommune: str | None
                          ) -> tuple[str, BaseGeometry]:
    """The code and area a Plandata export is made for: the one municipality, or the part of a
    plan area of several that *kommune* names (``851`` or ``0851``).

    Raises
    ------
    UsageError
        If the plan area holds several municipalities and none (or an unknown one) is named.
    """
    parts = municipality.parts
    if len(parts) < 2:
        return municipality.code, municipality.geometry
    codes = ", ".join(p.code for p in parts)
    if kommune is None:
        raise UsageError("The plan area holds several municipalities ({codes}); Plandata takes "
                         "one municipality's plan at a time: choose one of them.", codes=codes)
    wanted = kommune.strip().lstrip("0")
    for part in parts:
        if part.code.strip().lstrip("0") == wanted:
            return part.code, part.geometry
    raise UsageError("The plan area holds no municipality {code}; choose one of {codes}.",
                     code=kommune, codes=codes)


@dataclass(frozen=True)
class PlandataReport:
    """The check per feature and the files written (none if a feature was refused or only
    a check was asked)."""

    check: PlandataCheck
    model: PlandataModel
    written: tuple[WrittenTheme, ...] = field(default=())
    #: The files of themes no longer exported, removed from the folder (issue 22).
    removed: tuple[RemovedTheme, ...] = field(default=())


def parse_statuses(text: str, model: PlandataModel) -> tuple[str, ...]:
    """``F,V`` → ("F", "V"): known codes that can be exported, at most one of a proposal's
    (F, KF) and one of an adoption's (V, KV).

    Raises
    ------
    UsageError
        For an unknown code, ``A`` (a cancellation is made in Plandata itself) or both forms
        of one stage.
    """
    chosen = tuple(dict.fromkeys(s.strip().upper() for s in text.split(",") if s.strip()))
    exportable = (*model.proposed, *model.adopted)
    wrong = [s for s in chosen if s not in exportable]
    if wrong or not chosen:
        raise UsageError("Unknown Plandata status {status}; use {known}.",
                         status=",".join(wrong) or text, known=", ".join(exportable))
    for stage in (model.proposed, model.adopted):
        if len([s for s in chosen if s in stage]) > 1:
            raise UsageError("Choose one of {one} and {other}, not both.", one=stage[0],
                             other=stage[1])
    return chosen


def read_plan(project: str | Path) -> tuple[list[Candidate], NationalRecord]:
    """The candidates and national record of *project* (opened read-only).

    Raises
    ------
    StoreError
        If the project does not exist or cannot be read.
    """
    from naturplan.io.national import read_national
    from naturplan.io.project.open import open_store, require_project

    require_project(project)
    with open_store(project, create=False, readonly=True) as store:
        return list(store.candidates()), read_national(store)


def export_plandata(request: PlandataRequest, feedback: Feedback | None = None
                    ) -> PlandataReport:
    """Check the plan of *request* and, unless a feature is refused or only a check is
    asked, write its files.

    Raises
    ------
    FileWriteError
        If the folder or a file cannot be written.
    UsageError
        If the plan area holds several municipalities and none (or an unknown one) is named.
    NationalDataError
        If the data model cannot be read.
    """
    from naturplan.io.atomic import check_writable
    from naturplan.io.national import load_plandata_model

    fb = as_feedback(feedback)
    model = request.model or load_plandata_model()
    if not request.check_only:
        check_writable(Path(request.folder) / "plandata.shp")
    fb.report(0.1, "check")
    code, area = reported_municipality(request.municipality, request.kommune)
    candidates = request.candidates
    if len(request.municipality.parts) > 1:  # the other municipalities' areas are their plans
        candidates = [c for c in candidates if c.geometry is not None
                      and shapely.intersection(c.geometry, area).area > 0]
    check = check_plan(candidates, request.record, code, area, request.statuses, model)
    fb.check()
    if request.check_only or check.refused:
        return PlandataReport(check, model)
    fb.report(0.6, "write")
    written = write_plandata(Path(request.folder), check, model)
    removed = remove_stale(Path(request.folder), model, [w.theme for w in written])
    fb.report(1.0, "done")
    return PlandataReport(check, model, tuple(written), tuple(removed))
