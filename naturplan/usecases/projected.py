"""The projected share of a project's candidates, added to ``naturplan stats --json``.

Adds ``doc["projected"] = {"area_m2", "share", "gain_m2", "gain_m2_by_kind", "candidates",
"candidates_total", "project", "definition", "left_out"}`` (``left_out``: ``{"code",
"params"}`` of each stored row another program wrote unusable, not measured) and to each
entry of ``doc["targets"]`` ``"projected_gap_m2"`` (and ``"projected_reached"``). Areas in
m², shares as fractions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shapely

from naturplan.core.plan.ledger import Ledger, LedgerResult
from naturplan.core.share.protected import ProtectedIndex, ProtectedShare
from naturplan.io.project.open import open_store, project_label, require_project


def projected_document(
    doc: dict[str, Any],
    municipality: shapely.Geometry,
    share: ProtectedShare,
    index: ProtectedIndex,
    project_path: str | Path,
) -> dict[str, Any]:
    """Add the projected share of *project_path*'s candidates to the stats *doc* (in place).

    Raises
    ------
    StoreError
        If the project file does not exist; :class:`~naturplan.io.project.store.NotAProjectError`
        if it is not a naturplan project. The file is opened read-only.
    """
    require_project(project_path)
    with open_store(project_path, create=False, readonly=True) as store:
        candidates = store.candidates()
        left_out = getattr(store, "left_out", ())
    ledger = Ledger(municipality, index, share)
    ledger.reset(candidates)
    result = ledger.result()
    doc["projected"] = _projected(result, len(candidates), project_label(project_path))
    # Rows another program wrote unusable: named, not measured (io/project/rows.py).
    doc["projected"]["left_out"] = [n.as_dict() for n in left_out]
    by_key = {g.target.key: g for g in result.gaps}
    for entry in doc.get("targets", []):
        gap = by_key.get(entry.get("key", ""))
        if gap is not None:
            entry["projected_gap_m2"] = gap.projected.gap_m2
            entry["projected_reached"] = gap.projected.reached
    return doc


def _projected(result: LedgerResult, total: int, project: str) -> dict[str, Any]:
    return {
        "area_m2": result.area_m2,
        "share": result.share,
        "gain_m2": result.gain_m2,
        "gain_m2_by_kind": dict(result.gain_m2_by_kind),
        "candidates": result.count,
        "candidates_total": total,
        "project": project,
        "definition": "area(union(protected roles ∪ counting candidates) ∩ municipality) / "
        "area(municipality); candidates count when counts_toward_target and not rejected",
    }
