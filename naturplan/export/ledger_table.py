"""The ledger as a small table for the council: protected share now and with the candidates,
the gap to 17 % and 20 % in hectares, and the new nature by kind.

Built once from a :class:`~naturplan.export.model.PlanData` in the reader's language; the
print layout draws it as a table, the web map as a box.
"""

from __future__ import annotations

from typing import Any

from naturplan.core.plan.ledger import AREA_KINDS
from naturplan.core.share.targets import TargetGap
from naturplan.export.model import PlanData
from naturplan.export.plan_area_rows import plan_area_notes, plan_area_rows
from naturplan.pagemodel.page import LedgerTable
from naturplan.text.i18n import tr
from naturplan.text.labels import kind_label, target_label
from naturplan.text.numbers import format_ha, format_percent, format_share
from naturplan.text.statuses import status_notes


def _gap_text(gap: TargetGap, lang: str) -> str:
    if gap.reached:
        return tr(lang, "export", "reached (+{area})", area=format_ha(gap.surplus_m2, 0, lang))
    return format_ha(gap.gap_m2, 0, lang)


def ledger_table(data: PlanData, lang: str = "da") -> LedgerTable:
    """The ledger of *data* in *lang*; without a project the projected column repeats now."""
    t = lambda text, **kw: tr(lang, "export", text, **kw)  # noqa: E731
    share, ledger = data.share, data.ledger
    m_area = share.municipality_area_m2
    projected_area = ledger.area_m2 if ledger is not None else share.area_m2
    rows = [
        (t("Protected nature"), format_share(share.share, lang),
         format_share(projected_area / m_area if m_area else 0.0, lang)),
        (t("Protected area"), format_ha(share.area_m2, 0, lang),
         format_ha(projected_area, 0, lang)),
    ]
    projected_gaps = {g.target.key: g.projected for g in ledger.gaps} if ledger else {}
    for gap in share.targets:
        later = projected_gaps.get(gap.target.key, gap)
        rows.append((
            t("Gap to {target}", target=target_label(gap.target, lang)),
            _gap_text(gap, lang),
            _gap_text(later, lang),
        ))
    rows += _access_rows(data, lang)
    if data.condition is not None:  # §3 in good condition (naturtilstand I-II), issue 25
        now, planned = data.condition
        rows.append((tr(lang, "export", "§3 nature in good condition"),
                     _share_or_empty(now.good_share, lang),
                     _share_or_empty(planned.good_share, lang)))
    rows += plan_area_rows(data, lang)  # each municipality; the kg N total (issue 22)
    gains = ledger.gain_m2_by_kind if ledger is not None else {}
    by_kind = tuple(
        (kind_label(kind, lang), format_ha(gains.get(kind.value, 0.0), 1, lang))
        for kind in AREA_KINDS
    )
    return LedgerTable(
        title=t("Protected nature and targets"),
        header=("", t("Now"), t("With candidate areas")),
        rows=tuple(rows),
        by_kind_title=t("New nature by kind"),
        by_kind=by_kind,
        notes=plan_area_notes(data, lang) + _notes(data, lang),
    )


def _share_or_empty(share: float | None, lang: str) -> str:
    return "" if share is None else format_percent(share, 1, lang)


def _access_rows(data: PlanData, lang: str) -> list[tuple[str, str, str]]:
    """Addresses with nature within 300 m and 1 km, now and with the candidates (empty cells
    without an addresses layer: the notes say why)."""
    labels = (tr(lang, "export", "Addresses with nature within 300 m"),
              tr(lang, "export", "Addresses with nature within 1 km"))
    if data.access is None:
        return [(label, "", "") for label in labels]
    now, projected = data.access

    def cell(shares: Any, k: int) -> str:
        share = shares.share(k) if shares is not None else None
        return "" if share is None else format_percent(share, 1, lang)

    return [(label, cell(now, k), cell(projected or now, k))
            for k, label in enumerate(labels[:len(now.distances_m)])]


def _notes(data: PlanData, lang: str) -> tuple[str, ...]:
    t = lambda text, **kw: tr(lang, "export", text, **kw)  # noqa: E731
    from naturplan.io.styles import load_style

    names: list[str] = []
    for role in data.roles:
        title = load_style(role).title.get(lang)
        if title not in names:
            names.append(title)
    notes = [t("Protected nature counts: {roles}.", roles=", ".join(names) or "–")]
    if data.ledger is not None:
        notes.append(tr(lang, "export", "{n} candidate areas count toward the target.",
                        n=data.ledger.count))
        notes += status_notes(data.candidates, lang)
    if data.synthetic_protected():
        notes.append(t("The numbers are computed from synthetic sample data, not real data."))
    from naturplan.core.notices import dataset_notices
    from naturplan.text.notices import notice_text

    notes += [notice_text(n, lang) for n in dataset_notices(data.dataset, data.share)]
    from naturplan.export.measure_notes import gap_notes

    notes += gap_notes(data.measured, lang)  # the candidates' numbers that are missing
    if data.access is None:
        notes.append(t("Nature near home is not measured: no addresses layer is loaded."))
    elif getattr(data.access[0], "method", "straight") == "network":
        notes.append(t("Nature near home: walking distance from each address on the road "
                       "network (role roads)."))
    else:
        notes.append(t("Nature near home: straight-line distance from each address."))
    return tuple(notes)

