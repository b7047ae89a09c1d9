"""The candidate atlas (issue 19 item 13): the council's appendix as one PDF, an overview page
and one page per candidate; optionally one PDF per kind or status.

:func:`export_atlas` is the one use case the command line (``naturplan export --atlas``) and
the window (*Filer → Eksportér atlas…*) call. The pages are decided in
:mod:`naturplan.export.atlas.pages` (no Qt) and drawn by :mod:`naturplan.render.atlas`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from naturplan.core.errors import ExportError
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.export.atlas.groups import SPLITS, AtlasGroup, atlas_groups, scenario_plan
from naturplan.export.atlas.pages import AtlasContext, overview_page
from naturplan.export.model import PlanData
from naturplan.export.tables.columns import CandidateRecord
from naturplan.io import verify
from naturplan.io.atomic import check_writable, part_path, write_error
from naturplan.pagemodel.layers import ExportLayer
from naturplan.pagemodel.page import PrintPreset
from naturplan.text.i18n import tr

__all__ = ["SPLITS", "AtlasFile", "AtlasOptions", "AtlasReport", "export_atlas",
           "scenario_plan"]

#: The preset of the atlas's pages (a case appendix, A4 portrait).
ATLAS_PRESET = "sagsbilag_a4_staaende"


@dataclass(frozen=True)
class AtlasOptions:
    """What the user chose: a title, one file per ``kind`` or ``status``, a preset, the
    worker threads (None: one per core)."""

    title: str | None = None
    split_by: str | None = None
    preset: PrintPreset | None = None
    threads: int | None = None


@dataclass(frozen=True)
class AtlasFile:
    """One written file: where, how many pages, its group ("" when not split), its size."""

    path: Path
    pages: int
    group: str
    size: int


@dataclass(frozen=True)
class AtlasReport:
    """What :func:`export_atlas` wrote and how long it took."""

    files: tuple[AtlasFile, ...]
    seconds: float

    @property
    def pages(self) -> int:
        return sum(f.pages for f in self.files)


def page_order(record: CandidateRecord) -> tuple[str, list[Any], str]:
    """The atlas's page order: oldest first, and among candidates made together (an import)
    by name with numbers as numbers ("Område 2" before "Område 10")."""
    name = record.candidate.name.casefold()
    natural = [(0, int(part), "") if part.isdigit() else (1, 0, part)
               for part in re.split(r"(\d+)", name) if part]
    return record.candidate.created, natural, record.candidate.id


def export_atlas(path: Path, layers: Sequence[ExportLayer], data: PlanData,
                 options: AtlasOptions | None = None, lang: str = "da",
                 feedback: Feedback | None = None) -> AtlasReport:
    """Write the atlas of *data*'s candidates (:func:`page_order`) to *path* (or one file per
    group, see :func:`~naturplan.export.atlas.groups.atlas_groups`).

    Every file is written next to its target as ``.part`` and renamed only when all are
    complete; nothing is left behind on an error or a cancel.

    Raises
    ------
    ExportError
        If the plan has no candidates, the split is unknown or a file cannot be written.
    OperationCancelled
        If *feedback* is cancelled.
    """
    from naturplan.export.layout.presets import find_preset
    from naturplan.render.atlas import write_atlas_pdf

    start = time.perf_counter()
    fb = as_feedback(feedback)
    options = options or AtlasOptions()
    preset = options.preset or find_preset(ATLAS_PRESET)
    check_writable(Path(path))  # a missing or read-only folder: one line before any drawing
    records = sorted(data.records(), key=page_order)
    if not records:
        raise ExportError("The atlas has no pages: the plan has no candidate areas.")
    groups = atlas_groups(Path(path), records, options.split_by, lang)
    title = options.title or atlas_title(data.dataset.municipality, lang)
    total = sum(len(g.records) + 1 for g in groups)
    parts: list[Path] = []
    written: list[tuple[AtlasGroup, int]] = []
    try:
        done = 0
        for group in groups:
            part = part_path(group.path)  # renamed once every file is whole
            parts.append(part)
            context = AtlasContext(preset, layers, data, group.records, lang, group.numbers)
            heading = f"{title} – {group.label}" if group.label else title
            overview = overview_page(preset, layers, data, group.records, heading, lang,
                                     group.numbers)
            share = fb.part(done / total, (done + len(group.records) + 1) / total)
            try:
                pages = write_atlas_pdf(part, overview, len(group.records),
                                        context.candidate_page, share, options.threads)
            finally:
                context.close()
            verify.pdf(part)  # whole, or FileWriteError: nothing is renamed
            written.append((group, pages))
            done += len(group.records) + 1
        for part, (group, _) in zip(parts, written, strict=True):
            part.replace(group.path)
    except OSError as exc:
        raise write_error(exc, Path(path)) or ExportError(
            "Cannot write {path}: {reason}", path=str(path),
            reason=exc.strerror or str(exc)) from None
    finally:
        for part in parts:
            part.unlink(missing_ok=True)
    files = tuple(AtlasFile(g.path, pages, g.label, g.path.stat().st_size)
                  for g, pages in written)
    return AtlasReport(files, time.perf_counter() - start)


def atlas_title(municipality: Any, lang: str) -> str:
    """"Kandidatområder, Aalborg Kommune"; a plan area names all its municipalities or its
    catchment (issue 22 item 3)."""
    from naturplan.text.plan_area import CONTEXT, area_name, is_single

    if is_single(municipality):
        return tr(lang, "atlas", "Candidate areas, {name} Municipality",
                  name=municipality.name)
    return tr(lang, CONTEXT, "Candidate areas, {area}", area=area_name(municipality, lang))
