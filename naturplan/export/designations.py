"""Today's designations of a candidate or a parcel as JSON (issue 22 item 2): the
retningslinjer and MARS projects it lies in, m² and share; a part whose layer is not loaded is
``null`` with the reason beside it (``plandata_missing``, ``mars_missing``), never 0."""

from __future__ import annotations

from typing import Any

from naturplan.core.analysis.designations import DesignationCheck, DesignationHit
from naturplan.text.designation_words import NO_MARS, NO_PLANDATA


def hit_json(hit: DesignationHit) -> dict[str, Any]:
    """One designation: a retningslinje group or a MARS project."""
    if hit.source == "plandata":
        return {"temakode": hit.theme, "status": hit.status, "plannavn": list(hit.names),
                "area_m2": hit.area_m2, "share": hit.share}
    return {"projekt_id": hit.project_id, "navn": hit.names[0] if hit.names else None,
            "type": hit.project_type, "fase": hit.phase,
            "area_m2": hit.area_m2, "share": hit.share}


def designations_json(check: DesignationCheck | None) -> dict[str, Any]:
    """The check as JSON; a missing layer's part is null with its reason."""
    check = check or DesignationCheck()
    out: dict[str, Any] = {
        "plandata": None if check.plandata is None else [hit_json(h) for h in check.plandata],
        "mars": None if check.mars is None else [hit_json(h) for h in check.mars],
    }
    if check.plandata is None:
        out["plandata_missing"] = NO_PLANDATA
    if check.mars is None:
        out["mars_missing"] = NO_MARS
    return out
