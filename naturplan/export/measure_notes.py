"""What the candidate table's analysis numbers mean and what was not measured, in words.

:class:`MeasuredPlan` is what :func:`naturplan.usecases.measures.measure_plan` found besides the
numbers; :func:`measure_notes`, :func:`gap_notes` and :func:`table_notes` turn it into the
table's notes (the Excel "About" sheet, the GeoPackage layer's description, the command's
output, the web map's ledger box and the atlas).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from naturplan.text.i18n import tr
from naturplan.text.numbers import format_number

if TYPE_CHECKING:
    from naturplan.export.model import PlanData

#: Why, for the table's notes (context ``export_table``).
GAP_REASONS = {
    "lowland": "No lowland soil layer: CO2e reduction, Klima-Lavbund, the organic-soil "
               "conflict and the firefighter's rule are not measured (empty cells).",
    "nature_p3": "No §3 nature layer: the §3 conflict and the firefighter's rule are not "
                 "measured (empty cells).",
    "natura2000": "No Natura 2000 layer: the Natura 2000 conflict is not measured "
                  "(empty cells).",
    "nature": "Neither a §3 nor a Natura 2000 layer: the firefighter's rule is not measured "
              "(empty cells).",
    "forest_zones": "No afforestation zones layer: the unwanted-forest conflict is not "
                    "measured (empty cells).",
    "flood": "No flood layer: flood exposure and the flood conflict are not measured "
             "(empty cells).",
    "n_retention": "No N-retention layer (role n_retention): the nitrogen reduction is not "
                   "measured (empty cells).",
    "connectivity": "Connectivity (ΔECA, ΔPC, joined patches) is not measured: the export "
                    "was told to skip it (empty cells).",
    "connectivity_cancelled": "Connectivity (ΔECA, ΔPC, joined patches) is not measured: "
                              "it was cancelled during the export (empty cells).",
    "addresses": "No addresses layer: the addresses each candidate brings within 300 m and "
                 "1 km of nature are not measured (empty cells).",
}

#: How the new addresses with nature near home were measured (context ``export_table``).
ACCESS_METHOD_NOTES = {
    "straight": "Nature near home: straight-line distance from each address.",
    "network": "Nature near home: walking distance from each address on the road network "
               "(role roads).",
}


@dataclass
class MeasuredPlan:
    """What :func:`measure_plan` found besides the numbers (for the notes).

    Attributes
    ----------
    gaps
        Missing inputs (keys of :data:`GAP_KEYS`), in the order of :data:`GAP_KEYS`.
    provenance
        The factor table used (:meth:`Provenance.as_dict`).
    settings
        The analysis settings used (:meth:`AnalysisSettings.as_dict`).
    access_method
        How nature near home was measured (``"straight"`` or ``"network"``), None when not.
    """

    gaps: tuple[str, ...] = ()
    provenance: Mapping[str, Any] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    access_method: str | None = None


def gap_notes(measured: MeasuredPlan | None, lang: str) -> tuple[str, ...]:
    """Only what was not measured, and why, in *lang* (for the command's output)."""
    if measured is None:
        return ()
    return tuple(tr(lang, "export_table", GAP_REASONS[gap]) for gap in measured.gaps)


def table_notes(data: PlanData, lang: str) -> Any:
    """The :class:`~naturplan.export.tables.writers.TableNotes` of *data*'s table."""
    from naturplan.export.model import project_name
    from naturplan.export.tables.writers import TableNotes
    from naturplan.text.statuses import status_notes

    synthetic = tuple(layer.source.label for layer in data.protected_layers()
                      if layer.source.synthetic)
    return TableNotes(project=project_name(data.project),
                      municipality=_municipality_words(data, lang),
                      exported=data.today.strftime("%d-%m-%Y"), exported_on=data.today,
                      synthetic=synthetic,
                      analysis=measure_notes(data.measured, lang),
                      statuses=tuple(status_notes(data.candidates, lang)))


def _municipality_words(data: PlanData, lang: str) -> str:
    """The municipality's name; a plan area's municipalities or its catchment (issue 22)."""
    from naturplan.text.plan_area import area_with_municipalities, is_single

    municipality = data.dataset.municipality
    if is_single(municipality):
        return municipality.name
    return area_with_municipalities(municipality, lang)


def measure_notes(measured: MeasuredPlan | None, lang: str) -> tuple[str, ...]:
    """What the analysis columns mean and what was not measured, in *lang* (one line each).

    Empty without an analysis (``--no-analysis``: the table has no analysis columns).
    """
    if measured is None:
        return ()
    lines = [tr(lang, "export_table",
                "Empty cells: the number does not apply to the candidate's kind (CO2e and "
                "Klima-Lavbund for lowland withdrawal, sequestration and conflicts for "
                "afforestation) or was not measured.")]
    lines += gap_notes(measured, lang)
    lines += _method_lines(measured, lang)
    return tuple(lines)


def _method_lines(measured: MeasuredPlan, lang: str) -> list[str]:
    from naturplan.io.factors import load_factor_table

    p = measured.provenance
    # The table's own words in the reader's language where the file has them (title_da).
    own = lambda key: p.get(f"{key}_{lang}") or p.get(key, "")  # noqa: E731
    lines = [tr(lang, "export_table", "CO2e factors: {title}, version {version} ({source}).",
                title=own("title"), version=p.get("version", ""), source=own("source"))]
    if p.get("changed_since_recorded"):
        lines.append(tr(lang, "export_table",
                        "The factor table has changed since the project recorded it."))
    rules = load_factor_table(str(p.get("table"))).klima_lavbund if p.get("table") else None
    if rules is not None:
        lines.append(tr(
            lang, "export_table",
            "Klima-Lavbund: at least {area} ha, at least {share} % of the area on soil > 6 % "
            "organic carbon and at least {reduction} t CO2e per ha and year.",
            area=format_number(rules.min_area_ha, 0, lang),
            share=format_number(100 * rules.min_organic_share, 0, lang),
            reduction=format_number(rules.min_reduction_t_per_ha, 0, lang)))
    conn = measured.settings.get("connectivity") or {}
    if not {"connectivity", "connectivity_cancelled"} & set(measured.gaps) and conn:
        lines.append(tr(
            lang, "export_table",
            "ΔECA and ΔPC: the change each candidate alone makes to today's protected nature "
            "(probability {p} at {d} m).",
            p=format_number(float(conn.get("p_at_dispersal", 0.5)), 2, lang),
            d=format_number(float(conn.get("dispersal_m", 500.0)), 0, lang)))
    if measured.access_method is not None:
        lines.append(tr(lang, "export_table", ACCESS_METHOD_NOTES[measured.access_method]))
    lines.append(tr(lang, "export_table", "Firefighter's order: 1 first (protect existing "
                    "nature, then restore, then create; afforestation on §3 nature is a "
                    "conflict and comes last)."))
    return lines
