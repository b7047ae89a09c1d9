"""The analysis numbers of the candidate table (issue 11 in the issue 10 exports).

:func:`measure_plan` measures what each candidate of a :class:`~naturplan.export.plan_data.PlanData`
does (:func:`naturplan.core.analysis.assessment.assess_candidate`, connectivity against today's
protected nature) and fills ``data.measures`` with
:func:`naturplan.export.analysis.candidate_measures`, the numbers the columns of
:data:`~naturplan.export.tables.columns.MEASURE_COLUMNS` read.

An input that is missing is never a measurement of zero: without a lowland layer a lowland
candidate's CO2e is unknown, not 0 t. :func:`missing_inputs` names what the dataset lacks,
the numbers that depend on it are set to None (empty cells, NULL in a data file), and
:func:`measure_notes` says why, in the table's notes (the Excel "About" sheet, the GeoPackage
layer's description, the command's output, the web map's ledger box).

Only what the table needs is measured: each candidate's numbers, today's network once and each
candidate's change against it; not the plan's totals, the projected network, the scenarios or
nature at risk.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from naturplan.core.analysis.connectivity import ConnectivityNetwork
from naturplan.core.errors import OperationCancelled
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.roles import Role
from naturplan.export.i18n import tr
from naturplan.export.numbers import format_number

if TYPE_CHECKING:
    from naturplan.export.plan_data import PlanData

#: A missing input → the keys of :func:`~naturplan.export.analysis.candidate_measures` it
#: leaves unmeasured.
GAP_KEYS: dict[str, tuple[str, ...]] = {
    "lowland": ("co2e_t_per_year", "co2e_t_per_ha", "klima_lavbund", "kl_area_ha",
                "kl_organic_share", "kl_reduction_t_per_ha", "conflict_organic_soil_m2",
                "firefighter", "firefighter_order"),
    "nature_p3": ("conflict_nature_p3_m2", "firefighter", "firefighter_order"),
    "natura2000": ("conflict_natura2000_m2",),
    "nature": ("firefighter", "firefighter_order"),
    "forest_zones": ("conflict_unwanted_forest_m2",),
    "flood": ("flood_m2", "flood_share", "flood_mean_depth_m", "flood_max_depth_m",
              "conflict_flood_m2"),
    "connectivity": ("delta_eca_m2", "delta_pc_percent", "joins_patches"),
    "connectivity_cancelled": ("delta_eca_m2", "delta_pc_percent", "joins_patches"),
}
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
    "connectivity": "Connectivity (ΔECA, ΔPC, joined patches) is not measured: the export "
                    "was told to skip it (empty cells).",
    "connectivity_cancelled": "Connectivity (ΔECA, ΔPC, joined patches) is not measured: "
                              "it was cancelled during the export (empty cells).",
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
    """

    gaps: tuple[str, ...] = ()
    provenance: Mapping[str, Any] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)


def missing_inputs(dataset: Dataset, has_flood: bool) -> list[str]:
    """The analysis inputs *dataset* lacks (keys of :data:`GAP_KEYS` but ``connectivity``).

    A lowland layer given as a raster is not read by the analysis: it counts as missing.
    """
    gaps = []
    present = {role: bool(dataset.vector(role)) for role in (
        Role.LOWLAND, Role.NATURE_P3, Role.NATURA2000, Role.FOREST_ZONES)}
    if not present[Role.LOWLAND]:
        gaps.append("lowland")
    if not present[Role.NATURE_P3]:
        gaps.append("nature_p3")
    if not present[Role.NATURA2000]:
        gaps.append("natura2000")
    if not present[Role.NATURE_P3] and not present[Role.NATURA2000]:
        gaps.append("nature")
    if not present[Role.FOREST_ZONES]:
        gaps.append("forest_zones")
    if not has_flood:
        gaps.append("flood")
    return gaps


def blank_gaps(measures: Mapping[str, Mapping[str, Any]], gaps: Iterable[str]
               ) -> dict[str, dict[str, Any]]:
    """*measures* with every number that depends on a missing input set to None."""
    keys = {k for gap in gaps for k in GAP_KEYS[gap]}
    return {cid: {k: (None if k in keys else v) for k, v in row.items()}
            for cid, row in measures.items()}


def measure_plan(data: PlanData, *, connectivity: bool = True,
                 skip_connectivity_on_cancel: bool = False,
                 network: ConnectivityNetwork | None = None,
                 feedback: Feedback | None = None) -> MeasuredPlan:
    """Measure every candidate of *data* and fill ``data.measures`` (see the module docstring).

    Parameters
    ----------
    data
        The plan; its ``settings`` (the project's stored settings) choose the factor table,
        the forest type and the connectivity parameters.
    connectivity
        Measure each candidate's connectivity change (seconds at municipal scale: today's
        network is built first).
    skip_connectivity_on_cancel
        A cancel while connectivity is measured skips connectivity (its cells stay empty and
        the notes say so) instead of cancelling (the window's export: Cancel means "skip").
    network
        Today's network when the caller has it already (the window's analysis).
    feedback
        Progress and cancel.

    Raises
    ------
    FactorTableError
        If the project's factor table is missing or broken.
    OperationCancelled
        If *feedback* is cancelled (during connectivity only without
        *skip_connectivity_on_cancel*).
    """
    from naturplan.export.analysis import assess_each, layers_of, measures_of
    from naturplan.export.analysis_context import analysis_context

    fb = as_feedback(feedback)
    context = analysis_context(data.settings)
    settings, table = context.settings, context.table
    layers = layers_of(data.dataset, data.roles)
    candidates = data.candidates
    assessments = assess_each(candidates, layers, table, settings,
                              feedback=fb.part(0.0, 0.3), step="analysis")
    gaps = missing_inputs(data.dataset, layers.flood is not None)
    if connectivity and candidates:
        try:
            changes = _connectivity(candidates, layers, settings, network, fb.part(0.3, 1.0))
        except OperationCancelled:
            if not skip_connectivity_on_cancel:
                raise
            changes = None
        if changes is None:
            gaps.append("connectivity_cancelled")
        else:
            assessments = {cid: replace(a, connectivity=changes[cid])
                           for cid, a in assessments.items()}
    elif not connectivity:
        gaps.append("connectivity")
    data.measures = blank_gaps(measures_of(assessments), gaps)
    data.measured = MeasuredPlan(tuple(gaps), context.provenance.as_dict(),
                                 settings.as_dict())
    fb.report(1.0, "analysis")
    return data.measured


def _connectivity(candidates: Sequence[Any], layers: Any, settings: Any,
                  network: ConnectivityNetwork | None, fb: Feedback) -> dict[str, Any]:
    if network is None:
        from naturplan.core.analysis.projected import todays_network

        network = todays_network(layers, settings.connectivity, feedback=fb.part(0.0, 0.7))
    changes = {}
    for k, c in enumerate(candidates):
        fb.check()
        changes[c.id] = network.candidate(c.geometry)
        fb.report(0.7 + 0.3 * (k + 1) / len(candidates), "connectivity")
    return changes


def gap_notes(measured: MeasuredPlan | None, lang: str) -> tuple[str, ...]:
    """Only what was not measured, and why, in *lang* (for the command's output)."""
    if measured is None:
        return ()
    return tuple(tr(lang, "export_table", GAP_REASONS[gap]) for gap in measured.gaps)


def table_notes(data: PlanData, lang: str) -> Any:
    """The :class:`~naturplan.export.tables.writers.TableNotes` of *data*'s table."""
    from naturplan.export.plan_data import project_name
    from naturplan.export.statuses import status_notes
    from naturplan.export.tables.writers import TableNotes

    synthetic = tuple(layer.source.label for layer in data.protected_layers()
                      if layer.source.synthetic)
    return TableNotes(project=project_name(data.project),
                      municipality=data.dataset.municipality.name,
                      exported=data.today.strftime("%d-%m-%Y"), exported_on=data.today,
                      synthetic=synthetic,
                      analysis=measure_notes(data.measured, lang),
                      statuses=tuple(status_notes(data.candidates, lang)))


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
    lines.append(tr(lang, "export_table", "Firefighter's order: 1 first (protect existing "
                    "nature, then restore, then create; afforestation on §3 nature is a "
                    "conflict and comes last)."))
    return lines
