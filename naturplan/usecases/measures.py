"""The analysis numbers of the candidate table (issue 11 in the issue 10 exports).

:func:`measure_plan` measures what each candidate of a :class:`~naturplan.export.model.PlanData`
does (:func:`naturplan.core.analysis.assessment.assess_candidate`, connectivity against today's
protected nature) and fills ``data.measures`` with
:func:`naturplan.usecases.analysis.candidate_measures`, the numbers the columns of
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

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from naturplan.core.analysis.connectivity import ConnectivityNetwork
from naturplan.core.errors import OperationCancelled
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.roles import Role
from naturplan.export.measure_notes import MeasuredPlan

if TYPE_CHECKING:
    from naturplan.export.model import PlanData

#: A missing input → the keys of :func:`~naturplan.usecases.analysis.candidate_measures` it
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
    "n_retention": ("nitrogen_kg_per_year",),
    "connectivity": ("delta_eca_m2", "delta_pc_percent", "joins_patches",
                     "joins_municipalities"),
    "connectivity_cancelled": ("delta_eca_m2", "delta_pc_percent", "joins_patches",
                               "joins_municipalities"),
    "addresses": ("access_300_m", "access_1000_m"),
}
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
    if not dataset.vector(Role.N_RETENTION):
        gaps.append("n_retention")
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
    from naturplan.usecases.analysis import assess_each, layers_of, measures_of
    from naturplan.usecases.analysis_context import analysis_context

    fb = as_feedback(feedback)
    context = analysis_context(data.settings)
    settings, table = context.settings, context.table
    layers = layers_of(data.dataset, data.roles)
    candidates = data.candidates
    gaps = missing_inputs(data.dataset, layers.flood is not None)
    if connectivity and candidates:
        try:  # one pass over the candidates: each assessed with its connectivity change
            if network is None:
                from naturplan.core import forked  # not in the window
                from naturplan.core.analysis.projected import todays_network

                network = todays_network(
                    layers, settings.connectivity, feedback=fb.part(0.0, 0.5),
                    start=forked.start if forked.can_fork() else None)
            assessments = assess_each(candidates, layers, table, settings, network,
                                      feedback=fb.part(0.5, 1.0), step="connectivity")
        except OperationCancelled:
            if not skip_connectivity_on_cancel:
                raise
            gaps.append("connectivity_cancelled")  # the rest is milliseconds per candidate
            assessments = assess_each(candidates, layers, table, settings, step="analysis")
    else:
        assessments = assess_each(candidates, layers, table, settings, feedback=fb,
                                  step="analysis")
        if not connectivity:
            gaps.append("connectivity")
    measures = _with_border(measures_of(assessments), assessments, network, layers)
    measures, access_method = _with_access(measures, data, gaps)
    data.measures = blank_gaps(measures, gaps)
    data.measured = MeasuredPlan(tuple(gaps), context.provenance.as_dict(),
                                 settings.as_dict(), access_method)
    fb.report(1.0, "analysis")
    return data.measured


def _with_border(measures: dict[str, dict[str, Any]], assessments: Mapping[str, Any],
                 network: ConnectivityNetwork | None, layers: Any
                 ) -> dict[str, dict[str, Any]]:
    """*measures* with the municipalities of the patches each candidate joins (issue 25
    item 3), for a plan area of several municipalities: "Aalborg, Rebild" when it joins
    nature across their border."""
    from naturplan.core.analysis.border import municipalities_joined

    if len(layers.municipalities) < 2:
        return measures
    out = {}
    for cid, row in measures.items():
        names = municipalities_joined(network, assessments[cid].connectivity,
                                      layers.municipalities)
        out[cid] = {**row, "joins_municipalities": None if names is None else ", ".join(names)}
    return out


def _with_access(measures: dict[str, dict[str, Any]], data: PlanData, gaps: list[str]
                 ) -> tuple[dict[str, dict[str, Any]], str | None]:
    """*measures* with each candidate's new addresses within 300 m / 1 km of nature (issue
    25), and how the distances were measured (None: not measured); ``addresses`` in *gaps*
    without an addresses layer (empty cells and the reason)."""
    from naturplan.usecases.access import access_measures, access_settings, dataset_plan_access

    settings = access_settings(data.settings)
    ledger = dataset_plan_access(data.dataset, settings, data.candidates)
    if ledger is None:
        gaps.append("addresses")
    found = access_measures(ledger, settings, measures)
    method = ledger.index.method if ledger is not None else None
    return {cid: {**row, **found[cid]} for cid, row in measures.items()}, method

