"""The candidate table as one use case: measure → records → file → notes.

``naturplan candidates export`` and the window's *Filer → Eksportér kandidatområder…* both
build a :class:`CandidateTableRequest` and call :func:`export_candidate_table` (issue 21 §2).

The rules, decided once:

- With ``analysis`` on (both front ends' default; ``--no-analysis`` turns it off) every
  candidate is measured first (CO2e, Klima-Lavbund, conflicts, flood, connectivity). Cancel
  while connectivity is measured skips connectivity: its cells stay empty, the notes and
  :attr:`CandidateTableReport.gaps` say why, and the table is still written.
- Progress: measuring takes the first 90 %, writing the rest (a second or less, not
  cancelled once begun); without measuring, writing takes all of it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from naturplan.core.feedback import Feedback, as_feedback
from naturplan.export.model import PlanData

#: The share of the progress bar the measuring takes.
MEASURE_SHARE = 0.9


@dataclass
class CandidateTableRequest:
    """What to export, as a front end fills it in.

    Attributes
    ----------
    path
        The file; its suffix names the format (.xlsx, .csv, .gpkg, .shp, .geojson).
    data
        The plan (not changed: the measuring works on a copy).
    lang
        ``da`` or ``en``.
    analysis
        Measure what each candidate does (see the module docstring).
    network
        Today's measured connectivity network when the caller has it (the window's analysis).
    """

    path: Path
    data: PlanData
    lang: str = "da"
    analysis: bool = True
    network: Any = None


@dataclass
class CandidateTableReport:
    """What :func:`export_candidate_table` wrote.

    Attributes
    ----------
    path, size, rows
        The file, its size in bytes and the candidates written.
    notes
        What the format could not hold and was cleaned (translated, once per file).
    gaps
        What could not be measured (translated lines; empty when all was measured or
        nothing was asked).
    """

    path: Path
    size: int
    rows: int
    notes: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()


def export_candidate_table(request: CandidateTableRequest,
                           feedback: Feedback | None = None) -> CandidateTableReport:
    """Measure (if asked) and write the candidate table.

    Raises
    ------
    ExportError
        If the suffix names no table format; :class:`FileWriteError` if the file cannot be
        written completely (nothing is left behind); :class:`FactorTableError` if the
        project's factor table is broken.
    OperationCancelled
        If *feedback* is cancelled before connectivity is measured (no file is written).
    """
    from naturplan.export.measure_notes import gap_notes, table_notes
    from naturplan.export.tables import export_candidates
    from naturplan.usecases.measures import measure_plan

    fb = as_feedback(feedback)
    data, lang, writing = request.data, request.lang, fb
    if request.analysis:
        data = replace(request.data)
        measure_plan(data, skip_connectivity_on_cancel=True, network=request.network,
                     feedback=fb.part(0.0, MEASURE_SHARE))
        writing = Feedback(fb.part(MEASURE_SHARE, 1.0).report)
    records = data.records()
    table = export_candidates(request.path, records, lang, table_notes(data, lang),
                              data.columns(), feedback=writing)
    return CandidateTableReport(table.path, table.size, table.rows, table.notes,
                                gap_notes(data.measured, lang))
