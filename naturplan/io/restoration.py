"""The plan's restoration lifts in the project (issue 25 item 1): per "restore" candidate the
§3 features it lifts and to which condition class, in the project's settings (key
``restoration``: ``{candidate id: {§3 feature id: "I".."V"}}``, kept by the settings model as
one of its other keys, written in one audited settings change like h22's ``national``).

Before this record a candidate named its lifts in its note (``løfter: ID, ID → II``); a
candidate without a stored record is still read from its note
(:func:`naturplan.usecases.condition.candidate_lifts`), so an old project reads as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from naturplan.core.plan.stores import SettingsStore
from naturplan.core.share.condition import ConditionClass, parse_condition

__all__ = ["RESTORATION_KEY", "Lifts", "read_restoration", "stored_lifts",
           "write_restoration"]

#: The settings key of the record.
RESTORATION_KEY = "restoration"
#: Candidate id → §3 feature id → the class it is lifted to.
Lifts = dict[str, dict[str, ConditionClass]]


def stored_lifts(settings: Mapping[str, Any] | None) -> Lifts:
    """The record in a store's settings mapping; what is not a feature id → class I-V pair
    (written by something else) is left out."""
    raw = (settings or {}).get(RESTORATION_KEY)
    out: Lifts = {}
    if not isinstance(raw, Mapping):
        return out
    for cid, lifts in raw.items():
        if not isinstance(lifts, Mapping):
            continue
        parsed = {str(fid): cls for fid, value in lifts.items()
                  if isinstance(value, str) and (cls := parse_condition(value)) is not None}
        out[str(cid)] = parsed
    return out


def read_restoration(store: SettingsStore) -> Lifts:
    """The record of *store* (empty if none)."""
    return stored_lifts(store.settings())


def write_restoration(store: SettingsStore, candidate_id: str,
                      lifts: Mapping[str, ConditionClass]) -> bool:
    """Store *candidate_id*'s lifts (replacing its earlier ones; an empty mapping keeps an
    empty record, so its note is no longer read). One audited settings change; True if
    something changed."""
    from naturplan.io.project.settings_model import read_settings, write_settings

    extra = dict(read_settings(store).extra)
    record = {cid: {fid: cls.name for fid, cls in given.items()}
              for cid, given in stored_lifts(extra).items()}
    record[candidate_id] = {fid: ConditionClass(cls).name for fid, cls in lifts.items()}
    extra[RESTORATION_KEY] = record
    return write_settings(store, extra=extra)
