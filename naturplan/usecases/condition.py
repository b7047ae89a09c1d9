"""The condition of §3 nature for every front end (issue 25 item 1): today's and the plan's
(with its "restore" candidates' lifts) area by condition group, the JSON of ``stats --json``
(``"condition"``), and the text of a candidate's lifts.

The condition class is the ``Naturtilstand`` field of the ``nature_p3`` layers (a field
mapping maps another name to it). Without a §3 layer there is no number: ``"condition":
null`` and ``"condition_missing"`` says why; a §3 layer without the field has every feature
"not assessed" (never good).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import Candidate, CandidateStatus
from naturplan.core.share.condition import (
    CONDITION_FIELD,
    ConditionClass,
    ConditionShare,
    ConditionTarget,
    condition_classes,
    condition_share,
    parse_condition,
    projected_classes,
)

#: ``stats --json`` without ``--condition`` (it reads no §3 fields: stats reads only what it
#: needs).
CONDITION_NOT_ASKED = {"condition": None, "condition_missing": "not measured by stats unless "
                       "asked (it reads the §3 fields): naturplan stats --json --condition"}
NO_P3 = "no §3 nature layer is loaded (role nature_p3): condition is not measured"
#: How a "restore" candidate named what it lifts before the project's ``restoration`` record
#: (:mod:`naturplan.io.restoration`), in its note: ``løfter: ID1, ID2 → II`` (also ``lifts:``;
#: the class after the arrow, ``->`` or ``til``); still read for a candidate without a record.
LIFT_PATTERN = re.compile(
    r"(?:løfter|lifts)\s*:\s*(?P<ids>[^→>\n]+?)\s*(?:→|->|\btil\b|\bto\b)\s*(?P<cls>\S+)",
    re.IGNORECASE)


@dataclass(frozen=True)
class P3Condition:
    """The §3 features with their ids and classes (in layer order)."""

    geoms: Any
    ids: list[str]
    classes: list[ConditionClass | None]
    synthetic: bool
    #: Each feature's nature type (``Natyp_navn``; "" where the layer has none).
    types: list[str] = field(default_factory=list)


def p3_condition(dataset: Dataset) -> P3Condition | None:
    """The §3 features of *dataset* with their condition classes (None without §3)."""
    layers = dataset.vector(Role.NATURE_P3)
    if not layers:
        return None
    geoms = np.concatenate([layer.frame.geometry.to_numpy() for layer in layers])
    values: list[Any] = []
    ids: list[str] = []
    types: list[str] = []
    for layer in layers:
        frame = layer.frame
        n = len(frame)
        values += (list(frame[CONDITION_FIELD]) if CONDITION_FIELD in frame.columns
                   else [None] * n)
        ids += ([str(v) for v in frame["Objekt_id"]] if "Objekt_id" in frame.columns
                else [""] * n)
        types += ([_text(v) for v in frame["Natyp_navn"]] if "Natyp_navn" in frame.columns
                  else [""] * n)
    synthetic = any(layer.source.synthetic for layer in layers)
    return P3Condition(geoms, ids, condition_classes(values), synthetic, types)


def _text(value: Any) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def restore_lifts(candidates: Iterable[Candidate],
                  stored: Mapping[str, Mapping[str, ConditionClass]] | None = None
                  ) -> dict[str, ConditionClass]:
    """Feature id → the class the plan's not rejected candidates lift it to (the best one
    named); *stored*: the project's record (:func:`naturplan.io.restoration.stored_lifts`)."""
    out: dict[str, ConditionClass] = {}
    for c in candidates:
        if c.status is CandidateStatus.REJECTED:
            continue
        for fid, cls in candidate_lifts(c, stored).items():
            if fid not in out or cls < out[fid]:
                out[fid] = cls
    return out


def candidate_lifts(candidate: Candidate,
                    stored: Mapping[str, Mapping[str, ConditionClass]] | None = None
                    ) -> dict[str, ConditionClass]:
    """What *candidate* lifts: its record in *stored* (the project's ``restoration``
    setting); without one (a project from before the record), its note's
    ``løfter: ID, ID → II`` lines."""
    if stored is not None and candidate.id in stored:
        return dict(stored[candidate.id])
    out: dict[str, ConditionClass] = {}
    for match in LIFT_PATTERN.finditer(candidate.note or ""):
        cls = parse_condition(match.group("cls"))
        if cls is None:
            continue
        for fid in re.split(r"[,;\s]+", match.group("ids").strip()):
            if fid:
                out[fid] = cls
    return out


def condition_now_and_planned(dataset: Dataset, candidates: Iterable[Candidate],
                              stored: Mapping[str, Mapping[str, ConditionClass]] | None = None
                              ) -> tuple[ConditionShare, ConditionShare, P3Condition] | None:
    """Today's condition and the plan's (the lifts applied; *stored*: the project's record of
    lifts); None without §3."""
    p3 = p3_condition(dataset)
    if p3 is None:
        return None
    muni = dataset.municipality.geometry
    now = condition_share(p3.geoms, p3.classes, muni)
    lifts = restore_lifts(candidates, stored)
    planned = (condition_share(p3.geoms, projected_classes(p3.ids, p3.classes, lifts), muni)
               if lifts else now)
    return now, planned, p3


def share_json(share: ConditionShare, target: ConditionTarget | None = None
               ) -> dict[str, Any]:
    return {
        "area_m2": {g.value: a for g, a in share.area_m2.items()},
        "features": {g.value: n for g, n in share.features.items()},
        "total_m2": share.total_m2,
        "good_share": share.good_share,
        "assessed_share": share.assessed_share,
        **({"gap_to_target_m2": share.gap_m2(target)} if target is not None else {}),
    }


def condition_document(dataset: Dataset, candidates: Iterable[Candidate] = (),
                       targets: tuple[ConditionTarget, ...] = (),
                       projected: bool = False,
                       stored: Mapping[str, Mapping[str, ConditionClass]] | None = None
                       ) -> dict[str, Any]:
    """``{"condition": …}`` (or ``null`` and ``"condition_missing"``) for a JSON document."""
    found = condition_now_and_planned(dataset, candidates, stored)
    if found is None:
        return {"condition": None, "condition_missing": NO_P3}
    now, planned, p3 = found
    target = targets[0] if targets else None
    block: dict[str, Any] = {
        "field": CONDITION_FIELD,
        "groups": {"good": "I-II", "moderate": "III", "poor": "IV-V",
                   "not_assessed": "no class (never counted as good)"},
        "now": share_json(now, target),
        "targets": [{"key": t.key, "name": t.name, "share": t.share, "source": t.source,
                     "year": t.year} for t in targets],
        "synthetic": p3.synthetic,
    }
    if projected:
        block["projected"] = share_json(planned, target)
    return {"condition": block}


def stats_condition(request: Any, project: Any = None, targets_file: Any = None
                    ) -> dict[str, Any]:
    """The condition block of ``stats --json --condition`` (with *project*: projected with
    its candidates' lifts).

    Raises
    ------
    NaturplanError
        If the layers, the project or the target file cannot be read.
    """
    from naturplan.io.condition_targets import load_condition_targets
    from naturplan.io.datasets import open_dataset

    targets = load_condition_targets(targets_file)
    candidates: list[Candidate] = []
    stored = None
    if project is not None:
        from naturplan.io.project.open import open_store, require_project
        from naturplan.io.restoration import stored_lifts

        require_project(project)
        with open_store(project, create=False, readonly=True) as store:
            candidates = store.candidates()
            stored = stored_lifts(store.settings())
    dataset = open_dataset(request, roles=(Role.NATURE_P3,))
    return condition_document(dataset, candidates, targets, projected=project is not None,
                              stored=stored)
