"""Which candidates an atlas holds and how it is split: a scenario's candidates, and one file
per kind or status (``--split-by``).

A split atlas keeps each candidate's number from the whole atlas, so that a page cited in one
file means the same candidate in every other; each file is named after the atlas with the
group's value in Danish (``bilag-lavbund.pdf``, ``bilag-vedtaget.pdf``) or, in English, the
value itself (``bilag-lowland.pdf``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from naturplan.core.errors import ExportError
from naturplan.core.plan.candidates import CandidateKind, CandidateStatus
from naturplan.export.model import PlanData
from naturplan.export.tables.columns import CandidateRecord
from naturplan.text.labels import kind_label, status_label

SPLITS = ("kind", "status")
#: The file-name part of each group in Danish (no æøå: file names travel by mail).
DANISH_SLUGS = {
    "lowland": "lavbund", "afforestation": "skovrejsning", "connectivity": "forbindelse",
    "restore": "genopretning",
    "idea": "ide", "proposed": "forslag", "adopted": "vedtaget", "rejected": "afvist",
}


@dataclass(frozen=True)
class AtlasGroup:
    """One file of an atlas: its path, the group's words and its candidates with numbers."""

    path: Path
    value: str
    label: str
    numbers: tuple[int, ...]
    records: tuple[CandidateRecord, ...]


def atlas_groups(path: Path, records: Sequence[CandidateRecord], split_by: str | None,
                 lang: str = "da") -> list[AtlasGroup]:
    """The files of an atlas of *records* (page order) written to *path*.

    Without *split_by*, one file; with ``kind`` or ``status``, one per value present, in the
    order of the enum, each named ``<stem>-<value><suffix>``.

    Raises
    ------
    ExportError
        If *split_by* is neither ``kind`` nor ``status``.
    """
    numbered = list(enumerate(records, start=1))
    if split_by is None:
        return [AtlasGroup(path, "", "", tuple(n for n, _ in numbered),
                           tuple(r for _, r in numbered))]
    if split_by not in SPLITS:
        raise ExportError("An atlas is split by kind or by status, not by '{value}'.",
                          value=split_by)
    values: Sequence[Any] = list(CandidateKind) if split_by == "kind" else list(CandidateStatus)
    groups = []
    for value in values:
        members = [(n, r) for n, r in numbered if getattr(r.candidate, split_by) is value]
        if not members:
            continue
        slug = DANISH_SLUGS[value.value] if lang == "da" else value.value
        label = kind_label(value, lang) if split_by == "kind" else status_label(value, lang)
        groups.append(AtlasGroup(path.with_name(f"{path.stem}-{slug}{path.suffix}"),
                                 value.value, label, tuple(n for n, _ in members),
                                 tuple(r for _, r in members)))
    return groups


def scenario_plan(data: PlanData, name: str) -> PlanData:
    """*data* with only the candidates of the scenario *name* (case-insensitive) and their
    ledger.

    Raises
    ------
    ExportError
        If the plan has no project, or no scenario of that name (the message lists them).
    """
    from naturplan.io.project.open import open_store

    if data.project is None:
        raise ExportError("An atlas of a scenario needs the project that holds it.")
    with open_store(data.project, readonly=True) as store:
        scenarios = store.scenarios()
    wanted = " ".join(name.split()).casefold()
    found = [s for s in scenarios if s.name.casefold() == wanted]
    if not found:
        names = ", ".join(s.name for s in scenarios) or "-"
        raise ExportError("No scenario named '{name}' in the project (scenarios: {names}).",
                          name=name, names=names)
    return subset_plan(data, found[0].candidate_ids)


def subset_plan(data: PlanData, ids: Sequence[str]) -> PlanData:
    """*data* with only the candidates *ids* (a scenario's), their measures and their ledger
    (measured again: the protected share is measured once more, seconds at full scale)."""
    from naturplan.core.plan.ledger import Ledger
    from naturplan.core.share.targets import targets_for

    wanted = set(ids)
    candidates = [c for c in data.candidates if c.id in wanted]
    dataset = data.dataset
    share, index = dataset.protected(data.roles, targets_for(dataset.municipality.code))
    ledger = Ledger(dataset.municipality.geometry, index, share)
    ledger.reset(candidates)
    return replace(data, candidates=candidates, ledger=ledger.result(),
                   measures={k: v for k, v in data.measures.items() if k in wanted})
