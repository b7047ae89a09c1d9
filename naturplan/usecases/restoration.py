"""A restoration's lifts (issue 25): the §3 features under a candidate with today's class,
and storing which class each is lifted to, for ``naturplan candidates restore`` and the
window's lifts editor alike (one check, one audited settings write:
:func:`naturplan.io.restoration.write_restoration`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.errors import UsageError
from naturplan.core.plan.stores import SettingsStore
from naturplan.core.share.condition import ConditionClass
from naturplan.usecases.condition import P3Condition

__all__ = ["FeatureUnder", "check_lifts", "features_under", "store_lifts"]


@dataclass(frozen=True)
class FeatureUnder:
    """A §3 feature a candidate lies on: its id, nature type and today's class (None: not
    assessed)."""

    id: str
    type: str
    today: ConditionClass | None


def features_under(p3: P3Condition, geometry: BaseGeometry) -> list[FeatureUnder]:
    """The §3 features that share area with *geometry*, by id (one row per id; a feature
    without an id cannot be named in a lift and is left out)."""
    geoms = np.asarray(p3.geoms, dtype=object)
    hits = shapely.STRtree(geoms).query(geometry, predicate="intersects")
    hits = [int(i) for i in hits
            if p3.ids[i] and shapely.area(shapely.intersection(geoms[i], geometry)) > 0]
    out: dict[str, FeatureUnder] = {}
    for i in sorted(hits):
        fid = p3.ids[i]
        if fid not in out:
            kind = p3.types[i] if i < len(p3.types) else ""
            out[fid] = FeatureUnder(fid, kind, p3.classes[i])
    return sorted(out.values(), key=lambda f: f.id)


def check_lifts(p3: P3Condition | None, lifts: Mapping[str, ConditionClass]) -> None:
    """Refuse lifts of features the §3 layer does not hold.

    Raises
    ------
    UsageError
        Without a §3 layer, or naming a feature id it does not have (one line).
    """
    if not lifts:
        return
    if p3 is None:
        raise UsageError("No §3 nature layer is loaded (role nature_p3): its features "
                         "cannot be named.")
    known = set(p3.ids)
    unknown = [fid for fid in lifts if fid not in known]
    if unknown:
        raise UsageError("No §3 feature with id {ids} in the §3 layer; nothing was "
                         "changed.", ids=", ".join(unknown[:5]))


def store_lifts(store: SettingsStore, p3: P3Condition | None, candidate_id: str,
                lifts: Mapping[str, ConditionClass]) -> bool:
    """Check *lifts* (:func:`check_lifts`) and store them as *candidate_id*'s (replacing its
    earlier ones; empty: it lifts nothing) in one audited settings write. True if something
    changed.

    Raises
    ------
    UsageError
        See :func:`check_lifts`; nothing is written.
    StoreError
        If the project cannot be written.
    """
    from naturplan.io.restoration import write_restoration

    check_lifts(p3, lifts)
    return write_restoration(store, candidate_id, dict(lifts))
