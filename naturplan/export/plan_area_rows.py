"""The ledger's rows for a plan area and for nitrogen (issue 22 items 3 and 5), added to
:func:`~naturplan.export.ledger_table.ledger_table` without touching its other rows.

- A plan area of several municipalities: one row per municipality ("Aalborg Kommune",
  protected share now and with the candidates) and a first note naming the plan area.
- The plan's kg N per year (the counting candidates' union over the ``n_retention`` layer,
  :attr:`PlanData.nitrogen_kg`); without the layer the cell is empty and a note says why.
  Without a plan (no project, no candidates) there is nothing to sum and no row.
"""

from __future__ import annotations

from naturplan.core.layers.roles import Role
from naturplan.export.model import PlanData
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_number, format_share
from naturplan.text.plan_area import CONTEXT, area_with_municipalities, is_single


def plan_area_rows(data: PlanData, lang: str) -> list[tuple[str, str, str]]:
    """(label, now, with the candidates) rows: each municipality, then the kg N total."""
    rows = []
    for part in data.by_municipality:
        later = ((part.protected_m2 + part.candidates_new_m2) / part.area_m2
                 if part.area_m2 > 0 else 0.0)
        rows.append((tr(lang, CONTEXT, "{name} Municipality", name=part.name or part.code),
                     format_share(part.share, lang), format_share(later, lang)))
    if data.project is not None or data.candidates:
        total = data.nitrogen_kg
        rows.append((tr(lang, CONTEXT, "Nitrogen reduction (kg N/yr)"), "",
                     "" if total is None else format_number(total, 0, lang)))
    return rows


def plan_area_notes(data: PlanData, lang: str) -> tuple[str, ...]:
    """The plan area's name first (several municipalities or a catchment); why the kg N
    cell is empty."""
    notes = []
    municipality = data.dataset.municipality
    if not is_single(municipality):
        notes.append(tr(lang, CONTEXT, "Plan area: {area}.",
                        area=area_with_municipalities(municipality, lang)))
    planned = data.project is not None or bool(data.candidates)
    if planned and data.nitrogen_kg is None and not data.dataset.vector(Role.N_RETENTION):
        notes.append(tr(lang, CONTEXT, "The nitrogen reduction is not measured: no "
                        "N-retention layer (role n_retention) is loaded."))
    return tuple(notes)
