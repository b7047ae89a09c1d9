"""``stats --json``'s ``municipalities``: a plan area of several municipalities (issue 22
item 3) reports each municipality's share, gaps and the candidates' new area besides the
whole. A dataset of one municipality gets no such key (its output is as before).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from naturplan.core.analysis.municipalities import MunicipalityShare, split_by_municipality
from naturplan.core.layers.dataset import Dataset
from naturplan.core.plan.ledger import counts
from naturplan.core.share.protected import ProtectedIndex
from naturplan.io.datasets import MeasuredDataset
from naturplan.io.project.open import open_store, require_project
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_ha, format_share

_M2_PER_HA = 10_000.0


def municipalities_document(measured: MeasuredDataset,
                            project: str | Path | None = None) -> list[dict[str, Any]] | None:
    """One entry per municipality (``code``, ``name``, ``area_ha``, ``protected_ha``,
    ``share``, ``gap_17_ha``, ``gap_20_ha``, ``candidates_new_ha``; the last ``None`` without
    a project), or ``None`` for a dataset of one municipality."""
    parts = measured.municipality.parts
    if len(parts) < 2:
        return None
    candidates = None
    if project is not None:
        require_project(project)
        with open_store(project, create=False, readonly=True) as store:
            candidates = np.asarray([c.geometry for c in store.candidates() if counts(c)],
                                    dtype=object)
    shares = split_by_municipality(parts, np.asarray(measured.index.pieces, dtype=object),
                                   candidates)
    return entries_of(shares, with_candidates=candidates is not None)


def entries_of(shares: list[MunicipalityShare],
               with_candidates: bool = False) -> list[dict[str, Any]]:
    """:class:`MunicipalityShare` as ``stats --json`` entries (ha; ``candidates_new_ha``
    ``None`` unless *with_candidates*)."""
    return [{
        "code": s.code, "name": s.name, "area_ha": s.area_m2 / _M2_PER_HA,
        "protected_ha": s.protected_m2 / _M2_PER_HA, "share": s.share,
        "gap_17_ha": s.gap_17_m2 / _M2_PER_HA, "gap_20_ha": s.gap_20_m2 / _M2_PER_HA,
        "candidates_new_ha": s.candidates_new_m2 / _M2_PER_HA if with_candidates else None,
    } for s in shares]


def municipality_lines(entries: list[dict[str, Any]], lang: str = "da") -> list[str]:
    """One line per municipality for ``stats``'s text output."""
    lines = [f"  {tr(lang, 'municipalities', 'By municipality')}:"]
    for e in entries:
        new = ("" if e["candidates_new_ha"] is None else "; " + tr(
            lang, "municipalities", "candidates new {ha}",
            ha=format_ha(e["candidates_new_ha"] * _M2_PER_HA, 0, lang)))
        lines.append("    " + tr(
            lang, "municipalities", "{name} ({code}): {share} ({ha}); gap 17 % {gap17}, "
            "gap 20 % {gap20}", name=e["name"], code=e["code"],
            share=format_share(e["share"], lang),
            ha=format_ha(e["protected_ha"] * _M2_PER_HA, 0, lang),
            gap17=format_ha(e["gap_17_ha"] * _M2_PER_HA, 0, lang),
            gap20=format_ha(e["gap_20_ha"] * _M2_PER_HA, 0, lang)) + new)
    return lines


def dashboard_lines(dataset: Dataset, index: ProtectedIndex, lang: str = "da") -> list[str]:
    """The dashboard's lines per municipality of a plan area of several (none for one)."""
    parts = dataset.municipality.parts
    if len(parts) < 2:
        return []
    # The index's pieces are disjoint (ProtectedIndex): no union of the whole area needed.
    shares = split_by_municipality(parts, np.asarray(index.pieces, dtype=object),
                                   disjoint=True)
    return [line.strip() for line in municipality_lines(entries_of(shares), lang)[1:]]
