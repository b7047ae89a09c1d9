"""Which candidates the plan's projected numbers ("Med kandidatområder") include, by status,
in words for the ledger (print map, web map) and the Excel table's notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from naturplan.core.plan.candidates import Candidate, CandidateKind, CandidateStatus
from naturplan.text.i18n import tr
from naturplan.text.labels import status_label


def status_notes(candidates: Sequence[Candidate], lang: str = "da") -> list[str]:
    """Which candidates the column "With candidate areas" holds, by status: every status
    but rejected, with how many of each count toward the target; then what is left out
    (rejected ones, and those set not to count)."""
    def t(text: str, **params: Any) -> str:
        return tr(lang, "export", text, **params)

    counting = [c for c in candidates if _adds_area(c)]
    included = ", ".join(
        f"{status_label(status, lang)} {sum(c.status is status for c in counting)}"
        for status in CandidateStatus if status is not CandidateStatus.REJECTED)
    notes = [t("“With candidate areas” includes, by status: {included}.", included=included)]
    rejected = sum(c.status is CandidateStatus.REJECTED for c in candidates)
    not_counted = sum(not _adds_area(c) and c.status is not CandidateStatus.REJECTED
                      for c in candidates)
    left_out = [f"{status_label(CandidateStatus.REJECTED, lang)} {rejected}"] if rejected else []
    if not_counted:
        left_out.append(tr(lang, "export", "{n} set not to count toward the target",
                           n=not_counted))
    if left_out:
        notes.append(t("Not included: {left_out}.", left_out=", ".join(left_out)))
    return notes


def _adds_area(candidate: Candidate) -> bool:
    """Set to count toward the target (a restoration never adds area)."""
    return candidate.counts_toward_target and candidate.kind is not CandidateKind.RESTORE
