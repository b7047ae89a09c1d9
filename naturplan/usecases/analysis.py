"""What each candidate does, for the headless output and the exports (issue 11).

:func:`analyse_plan` measures a plan once: every candidate's
:class:`~naturplan.core.analysis.assessment.CandidateAssessment` (with its connectivity change
against today's network), the plan's totals, connectivity now and with every not rejected
candidate, the scenarios and the §3 nature at risk of flooding. The front ends take what
they need from the :class:`PlanAnalysis`:

- :func:`analysis_document`: the JSON of ``naturplan candidates list --json`` and the
  ``"analysis"`` block of ``naturplan stats --project P --json`` (m², t per year, fractions;
  NaN written as null);
- :func:`candidate_measures`: one flat dict of numbers per candidate, keyed like the columns of
  the candidate table (:mod:`naturplan.export.tables.columns`), for the xlsx/csv/GeoPackage
  exports.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from naturplan.core.analysis.assessment import (
    AnalysisSettings,
    CandidateAssessment,
    Totals,
    assess_candidate,
    totals,
)
from naturplan.core.analysis.climate import Criterion
from naturplan.core.analysis.connectivity import (
    CandidateConnectivity,
    ConnectivityIndices,
    ConnectivityNetwork,
)
from naturplan.core.analysis.connectivity_iic import IIC_MAX_PAIRS
from naturplan.core.analysis.factors import FactorTable, Provenance
from naturplan.core.analysis.firefighter import firefighter_order
from naturplan.core.analysis.flood import NatureAtRisk, nature_at_risk
from naturplan.core.analysis.layers import (
    ROLE_FIELDS,
    AnalysisLayers,
    RolePolygons,
    analysis_layers,
    build_layers,
    municipality_parts,
)
from naturplan.core.analysis.scenarios import LedgerInputs, ScenarioResult, evaluate
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.layers.dataset import DEFAULT_PROTECTED_ROLES, Dataset
from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario
from naturplan.core.share.targets import targets_for
from naturplan.export.designations import designations_json

#: The roles the analysis reads besides the protected ones (the parcels and addresses are not
#: needed: :func:`analysis_roles`).
ANALYSIS_ROLES: tuple[Role, ...] = (Role.NATURE_P3, Role.NATURA2000, Role.LOWLAND,
                                    Role.FOREST_ZONES, Role.FLOOD)

#: The roles only a candidate's own numbers read (its kg N, the designations it lies in; not
#: the plan's totals): :func:`analysis_roles` with ``per_candidate``.
CANDIDATE_ROLES: tuple[Role, ...] = (Role.N_RETENTION, Role.DESIGNATIONS, Role.MARS_PROJECTS)

#: Why ``stats --project --json`` has no connectivity unless asked (said in its JSON).
CONNECTIVITY_SKIPPED = ("not measured by stats (the whole network takes seconds): "
                        "naturplan stats --connectivity, or candidates list --json")

CRITERION_UNITS = {Criterion.MIN_AREA: "ha", Criterion.ORGANIC_SHARE: "fraction",
                   Criterion.REDUCTION_PER_HA: "t CO2e/ha/yr"}


@dataclass
class PlanAnalysis:
    """One plan measured (see the module docstring)."""

    layers: AnalysisLayers
    table: FactorTable
    settings: AnalysisSettings
    provenance: Provenance
    candidates: list[Candidate]
    assessments: dict[str, CandidateAssessment]
    totals: Totals
    network: ConnectivityNetwork | None = None
    projected: ConnectivityIndices | None = None
    scenarios: list[ScenarioResult] = field(default_factory=list)
    at_risk: NatureAtRisk | None = None
    connectivity_skipped: str | None = None

    def order(self) -> list[str]:
        """Candidate ids in the firefighter's order."""
        return firefighter_order((i, a.firefighter) for i, a in self.assessments.items())


def analysis_roles(protected: Sequence[Role] = DEFAULT_PROTECTED_ROLES,
                   per_candidate: bool = False) -> tuple[Role, ...]:
    """The roles :func:`analyse_plan` reads: :data:`ANALYSIS_ROLES` and the *protected* ones
    (for ``open_dataset(..., roles=...)``), with *per_candidate* also
    :data:`CANDIDATE_ROLES`."""
    extra = CANDIDATE_ROLES if per_candidate else ()
    return tuple(dict.fromkeys((*ANALYSIS_ROLES, *protected, *extra)))


def layers_of(dataset: Dataset, roles: Sequence[Role] = DEFAULT_PROTECTED_ROLES
              ) -> AnalysisLayers:
    """The :class:`AnalysisLayers` of *dataset*, the flood raster read from its file."""
    from naturplan.io.raster import read_grid

    return analysis_layers(dataset, read_grid, roles)


def read_analysis_layers(request: Any, roles: Sequence[Role] = DEFAULT_PROTECTED_ROLES
                         ) -> AnalysisLayers:
    """The :class:`AnalysisLayers` of the dataset *request* (a ``DatasetRequest``), read as
    lightly as ``measure_dataset`` reads: the polygons of :func:`analysis_roles` with the few
    fields the analysis uses, no attribute tables (no pandas), the flood raster described.

    Raises
    ------
    NaturplanError
        As ``open_dataset`` would raise it for these layers.
    """
    from naturplan.io.datasets import resolve_dataset
    from naturplan.io.loading import read_polygons
    from naturplan.io.raster import describe_raster, is_raster_path, read_grid

    resolved = resolve_dataset(request)
    wanted = analysis_roles(roles)
    parts, raster = [], None
    for r in resolved.requests:
        if r.role not in wanted:
            continue
        if r.role is Role.FLOOD and is_raster_path(r.path):
            if raster is None:
                raster = describe_raster(r.role, r.path, r.assume_crs, value_range=False)
            continue
        read = read_polygons(r, ROLE_FIELDS.get(r.role, ()))
        parts.append(RolePolygons(r.role, read.geometries, read.columns,
                                  read.summary.source.synthetic))
    synthetic = {p.role.value for p in parts if p.synthetic}
    if raster is not None and raster.source.synthetic:
        synthetic.add(raster.role.value)
    return build_layers(resolved.municipality.geometry, parts, raster, read_grid, roles,
                        tuple(sorted(synthetic)), municipality_parts(resolved.municipality))


def analyse_plan(
    dataset: Dataset | None,
    candidates: Sequence[Candidate],
    roles: Sequence[Role] = DEFAULT_PROTECTED_ROLES,
    stored_settings: Mapping[str, Any] | None = None,
    scenarios: Sequence[Scenario] = (),
    *,
    connectivity: bool = True,
    per_candidate: bool = True,
    each: bool = True,
    connectivity_skipped: str | None = None,
    layers: AnalysisLayers | None = None,
    ledger_inputs: LedgerInputs | None = None,
    feedback: Feedback | None = None,
) -> PlanAnalysis:
    """Measure every candidate of a plan, its totals and its scenarios.

    The flood raster is read from its file once, whole, and every window is cut from it.

    Parameters
    ----------
    dataset
        The loaded layers (None with both *layers* and *ledger_inputs*).
    candidates
        The plan's candidates (rejected ones are listed but left out of the totals).
    roles
        The protected roles: today's habitat patches.
    stored_settings
        The project's settings (key ``analysis`` chooses the factor table and parameters).
    scenarios
        The project's scenarios.
    connectivity
        Measure connectivity (today's network, each candidate's change, the projected network
        and each scenario's): seconds at municipal scale.
    per_candidate
        Measure each candidate's connectivity change (a fraction of a second each).
    each
        Measure each candidate (False: only the totals, the scenarios and nature at risk, as
        ``stats --project`` shows them; :attr:`PlanAnalysis.assessments` is then empty).
    connectivity_skipped
        Without *connectivity*: why, said in the JSON in place of the indices.
    layers, ledger_inputs
        What is measured against and the protected share the scenarios' ledgers start
        from, if already at hand (default: from *dataset*).
    feedback
        Progress and cancel.

    Raises
    ------
    FactorTableError
        If the project's factor table is missing or broken.
    OperationCancelled
        If *feedback* was cancelled.
    """
    from naturplan.core.analysis.projected import projected_network, todays_network
    from naturplan.usecases.analysis_context import analysis_context

    fb = as_feedback(feedback)
    context = analysis_context(stored_settings)
    settings, table = context.settings, context.table
    if layers is None:
        assert dataset is not None, "analyse_plan needs a dataset or its layers"
        layers = layers_of(dataset, roles)
    if layers.flood is not None:
        layers.flood.preload()
    from naturplan.core import forked  # the other core, outside the window

    # (in the window's process every search stays here, with its progress and cancel)
    start = forked.start if forked.can_fork() else None
    network = None
    if connectivity:
        network = todays_network(layers, settings.connectivity, feedback=fb.part(0.0, 0.35),
                                 start=start)
    assessments = assess_each(candidates if each else (), layers, table, settings,
                              network if per_candidate else None, fb.part(0.35, 0.55))
    result = PlanAnalysis(layers, table, settings, context.provenance,
                          list(candidates), assessments,
                          totals(candidates, layers, table, settings, assessments), network,
                          connectivity_skipped=None if connectivity else connectivity_skipped)
    if network is not None:
        result.projected = projected_network(layers, candidates, settings.connectivity,
                                             feedback=fb.part(0.55, 0.75), start=start)
    if scenarios:
        inputs = ledger_inputs
        if inputs is None:
            assert dataset is not None, "analyse_plan needs a dataset or the ledger's inputs"
            share, index = dataset.protected(tuple(roles),
                                             targets_for(dataset.municipality.code))
            inputs = LedgerInputs(dataset.municipality.geometry, index, share)
        plan = {c.id: c for c in candidates}
        result.scenarios = [
            evaluate(s, plan, inputs, layers, table, settings, connectivity=connectivity,
                     feedback=fb.part(0.75 + 0.2 * k / len(scenarios),
                                      0.75 + 0.2 * (k + 1) / len(scenarios)))
            for k, s in enumerate(scenarios)]
    result.at_risk = nature_at_risk(layers, dataset.grid if dataset is not None else None,
                                    fb.part(0.95, 1.0))
    return result


def assess_each(candidates: Sequence[Candidate], layers: AnalysisLayers, table: FactorTable,
                settings: AnalysisSettings, network: ConnectivityNetwork | None = None,
                feedback: Feedback | None = None, step: str = "candidates"
                ) -> dict[str, Any]:
    """Candidate id → its assessment, with its connectivity change when *network* (today's
    network) is given; progress reported as *step* (the plan analysis and the table
    exports both measure their candidates here)."""
    fb = as_feedback(feedback)
    assessments = {}
    for k, c in enumerate(candidates):
        fb.check()
        change = network.candidate(c.geometry) if network is not None else None
        assessments[c.id] = assess_candidate(c, layers, table, settings, change)
        fb.report((k + 1) / max(len(candidates), 1), step)
    return assessments


def open_plan_analysis(dataset: Dataset | None, project: Any,
                       roles: Sequence[Role] = DEFAULT_PROTECTED_ROLES, *,
                       connectivity: bool = True, per_candidate: bool = True,
                       each: bool = True, connectivity_skipped: str | None = None,
                       layers: AnalysisLayers | None = None,
                       ledger_inputs: LedgerInputs | None = None,
                       feedback: Feedback | None = None) -> PlanAnalysis:
    """:func:`analyse_plan` of the project *project* (a file or a database), read-only.

    Raises
    ------
    StoreError
        If the project does not exist or is not a naturplan project.
    """
    from naturplan.io.project.open import open_store, require_project
    from naturplan.io.project.store import ScenarioStore

    require_project(project)
    with open_store(project, create=False, readonly=True) as store:
        candidates, settings = store.candidates(), store.settings()
        scenarios = store.scenarios() if isinstance(store, ScenarioStore) else []
    return analyse_plan(dataset, candidates, roles, settings, scenarios,
                        connectivity=connectivity, per_candidate=per_candidate, each=each,
                        connectivity_skipped=connectivity_skipped, layers=layers,
                        ledger_inputs=ledger_inputs, feedback=feedback)


# --- JSON -----------------------------------------------------------------------------------


def analysis_document(pa: PlanAnalysis) -> dict[str, Any]:
    """The JSON of a :class:`PlanAnalysis` (see the module docstring)."""
    order = pa.order()
    rank = {cid: k for k, cid in enumerate(order)}
    doc = {
        "provenance": pa.provenance.as_dict(),
        "settings": pa.settings.as_dict(),
        "synthetic_roles": list(pa.layers.synthetic),
        "candidates": {cid: {**candidate_json(a, pa), "firefighter_order": rank[cid]}
                       for cid, a in pa.assessments.items()},
        "firefighter_order": order,
        "totals": totals_document(pa),
        "scenarios": [scenario_json(s, pa.network) for s in pa.scenarios],
        "nature_at_risk": at_risk_json(pa.at_risk),
    }
    return clean_json(doc)


def stats_analysis_document(pa: PlanAnalysis) -> dict[str, Any]:
    """The ``"analysis"`` block of ``stats --project P --json``: the totals, connectivity now
    and projected, the scenarios' sums, nature at risk and the provenance."""
    return clean_json({
        "provenance": pa.provenance.as_dict(),
        "totals": totals_document(pa),
        "scenarios": [scenario_json(s, pa.network) for s in pa.scenarios],
        "nature_at_risk": at_risk_json(pa.at_risk),
        "synthetic_roles": list(pa.layers.synthetic),
    })


def totals_document(pa: PlanAnalysis) -> dict[str, Any]:
    """The plan's totals and its connectivity now and with the candidates (``null`` and
    ``connectivity_skipped`` with the reason when it was not measured)."""
    t = pa.totals
    if pa.connectivity_skipped is not None:
        return clean_json({**totals_json(t), "connectivity": None,
                           "connectivity_skipped": pa.connectivity_skipped})
    return clean_json({
        **totals_json(t),
        "connectivity": {
            "now": indices_json(pa.network.indices) if pa.network else None,
            "projected": indices_json(pa.projected) if pa.projected else None,
            "params": pa.settings.connectivity.as_dict(),
            "definition": "PC = ΣΣ aᵢaⱼp*ᵢⱼ / A², ECA = √(ΣΣ aᵢaⱼp*ᵢⱼ), p*ᵢⱼ = best product "
                          "of exp(−k·dᵢⱼ) over paths; IIC with links ≤ the IIC threshold; "
                          "m_eff = Σaᵢ² / A; A = the municipality; projected = today's "
                          "patches plus every candidate not rejected",
        },
    })


def totals_json(t: Totals) -> dict[str, Any]:
    return {
        "candidates": t.candidates, "area_m2": t.area_m2,
        "co2e_reduction_t_per_year": t.reduction_t,
        "sequestration_t_per_year": t.sequestration_t,
        "conflicts_m2": dict(t.conflicts_m2), "flood_m2": t.flood_m2,
        "klima_lavbund_eligible": list(t.eligible),
    }


def indices_json(ix: ConnectivityIndices) -> dict[str, Any]:
    """The indices; IIC ``null`` with ``iic_skipped`` (the reason) when it was left out for
    the network's size (``connectivity_iic.IIC_MAX_PAIRS``)."""
    out = {"patches": ix.patches, "habitat_m2": ix.habitat_m2, "pc": ix.pc,
           "eca_m2": ix.eca_m2, "iic": ix.iic, "meff_m2": ix.meff_m2,
           "landscape_m2": ix.landscape_m2}
    if ix.iic_skipped_pairs is not None:
        out["iic_skipped"] = (f"{ix.iic_skipped_pairs} linked pairs, over {IIC_MAX_PAIRS}: "
                              "IIC counts every pair of a component however many links "
                              "apart, too slow at this size; PC and ECA are computed")
    return out


def joined_ids(pa: PlanAnalysis, patch: int, limit: int = 20) -> list[str]:
    """The ids of the protected polygons in today's patch *patch* (at most *limit*)."""
    if pa.network is None:
        return []
    ids = pa.layers.protected_ids[pa.network.patches.sources(patch)]
    return [str(i) for i in ids[:limit]]


def candidate_json(a: CandidateAssessment, pa: PlanAnalysis | None = None) -> dict[str, Any]:
    """One candidate's numbers (see the module docstring)."""
    f = a.firefighter
    out: dict[str, Any] = {
        "firefighter": {"tag": f.tag.value, "rank": f.rank, "nature_m2": f.nature_m2,
                        "degraded_m2": f.degraded_m2, "new_m2": f.new_m2},
        "co2e_reduction_t_per_year": a.lowland.reduction_t if a.lowland else None,
        "co2e_reduction_t_per_ha": a.lowland.reduction_t_per_ha if a.lowland else None,
        "soils": [{"carbon_class": s.carbon_class, "land_use": s.land_use,
                   "use_known": s.use_known, "area_m2": s.area_m2,
                   "reduction_t_per_ha": s.reduction_t_per_ha, "reduction_t": s.reduction_t}
                  for s in (a.lowland.soils if a.lowland else ())],
        "klima_lavbund": None,
        "sequestration_t_per_year": a.sequestration.t_per_year if a.sequestration else None,
        "forest_type": a.sequestration.forest_type if a.sequestration else None,
        "nitrogen_kg_per_year": a.nitrogen_kg,
        "designations": designations_json(a.designations),
        "conflicts": [{"kind": c.kind.value, "area_m2": c.area_m2, "details": list(c.details)}
                      for c in a.conflicts],
        "flood": None,
        "connectivity": None,
    }
    if a.eligibility is not None:
        out["klima_lavbund"] = {
            "eligible": a.eligibility.eligible,
            "criteria": [{"criterion": c.criterion.value, "value": c.value,
                          "threshold": c.threshold, "unit": CRITERION_UNITS[c.criterion],
                          "passed": c.passed} for c in a.eligibility.criteria],
        }
    if a.flood is not None:
        out["flood"] = {"wet_m2": a.flood.wet_m2, "share": a.flood.share,
                        "mean_depth_m": a.flood.mean_depth, "max_depth_m": a.flood.max_depth}
    if a.connectivity is not None:
        ch = a.connectivity
        out["connectivity"] = {
            "delta_eca_m2": ch.delta_eca_m2, "delta_pc_percent": ch.delta_pc_percent,
            "eca_after_m2": ch.eca_after_m2, "new_patch_m2": ch.new_area_m2,
            "joins": [{"patch": j.patch, "area_m2": j.area_m2,
                       "ids": joined_ids(pa, j.patch) if pa is not None else []}
                      for j in ch.joins],
            # issue 25 item 3: the municipalities of the joined patches (two or more: it
            # joins nature across a border); null for a plan area of one municipality
            "joins_municipalities": _joined_names(pa, ch),
        }
    return out


def _joined_names(pa: PlanAnalysis | None, change: CandidateConnectivity
                  ) -> list[str] | None:
    from naturplan.core.analysis.border import municipalities_joined

    if pa is None:
        return None
    names = municipalities_joined(pa.network, change, pa.layers.municipalities)
    return None if names is None else list(names)


def scenario_json(s: ScenarioResult, network: ConnectivityNetwork | None) -> dict[str, Any]:
    delta = s.delta_eca_m2(network.indices) if network is not None else None
    return {
        "id": s.scenario.id, "name": s.scenario.name, "description": s.scenario.description,
        "candidate_ids": list(s.found), "missing": list(s.missing),
        "version": s.scenario.version,
        "projected_share": s.ledger.share, "new_nature_m2": s.ledger.gain_m2,
        "targets": [{"key": g.target.key, "share": g.target.share,
                     "projected_gap_m2": g.projected.gap_m2,
                     "reached": g.projected.reached} for g in s.ledger.gaps],
        **totals_json(s.totals),
        "eca_m2": s.connectivity.eca_m2 if s.connectivity else None,
        "delta_eca_m2": delta,
    }


def at_risk_json(result: NatureAtRisk | None) -> list[dict[str, Any]] | None:
    if result is None:
        return None
    return [{"type": t.nature_type, "area_m2": t.area_m2, "wet_m2": t.wet_m2,
             "wet_share": t.wet_share, "mean_depth_m": t.mean_depth} for t in result.types]


def clean_json(value: Any) -> Any:
    """*value* with NaN and infinities as None (JSON has no NaN) and numpy numbers as floats."""
    if isinstance(value, dict):
        return {k: clean_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_json(v) for v in value]
    if isinstance(value, bool | int | str) or value is None:
        return value
    if isinstance(value, float | np.floating):
        number = float(value)
        return number if math.isfinite(number) else None
    return value


# --- flat numbers for the candidate table (naturplan.export.tables) --------------------------


def candidate_measures(pa: PlanAnalysis) -> dict[str, dict[str, Any]]:
    """Candidate id → flat numbers for the table exports (raw units: m², t/yr, fractions).

    Keys: ``co2e_t_per_year``, ``co2e_t_per_ha``, ``klima_lavbund`` (bool or None),
    ``kl_area_ha``, ``kl_organic_share``, ``kl_reduction_t_per_ha``,
    ``sequestration_t_per_year``, ``conflict_<kind>_m2`` for each conflict kind (afforestation
    only), ``flood_m2``, ``flood_share``, ``flood_mean_depth_m``, ``flood_max_depth_m``,
    ``delta_eca_m2``, ``delta_pc_percent``, ``joins_patches``, ``firefighter`` (tag) and
    ``firefighter_order`` (0 first).
    """
    return measures_of(pa.assessments)


def measures_of(assessments: Mapping[str, CandidateAssessment]) -> dict[str, dict[str, Any]]:
    """:func:`candidate_measures` of the assessed candidates alone (no plan totals needed)."""
    from naturplan.core.analysis.conflicts import ConflictKind

    order = firefighter_order((i, a.firefighter) for i, a in assessments.items())
    rank = {cid: k for k, cid in enumerate(order)}
    out: dict[str, dict[str, Any]] = {}
    for cid, a in assessments.items():
        row: dict[str, Any] = {
            "co2e_t_per_year": a.lowland.reduction_t if a.lowland else None,
            "co2e_t_per_ha": a.lowland.reduction_t_per_ha if a.lowland else None,
            "klima_lavbund": a.eligibility.eligible if a.eligibility else None,
            "sequestration_t_per_year": a.sequestration_t if a.sequestration else None,
            "nitrogen_kg_per_year": a.nitrogen_kg,
            "flood_m2": a.flood.wet_m2 if a.flood else None,
            "flood_share": a.flood.share if a.flood else None,
            "flood_mean_depth_m": a.flood.mean_depth if a.flood else None,
            "flood_max_depth_m": a.flood.max_depth if a.flood else None,
            "delta_eca_m2": a.connectivity.delta_eca_m2 if a.connectivity else None,
            "delta_pc_percent": a.connectivity.delta_pc_percent if a.connectivity else None,
            "joins_patches": len(a.connectivity.joins) if a.connectivity else None,
            "firefighter": a.firefighter.tag.value,
            "firefighter_order": rank[cid],
        }
        for criterion, key in ((Criterion.MIN_AREA, "kl_area_ha"),
                               (Criterion.ORGANIC_SHARE, "kl_organic_share"),
                               (Criterion.REDUCTION_PER_HA, "kl_reduction_t_per_ha")):
            row[key] = a.eligibility.get(criterion).value if a.eligibility else None
        found = {c.kind: c.area_m2 for c in a.conflicts}
        for kind in ConflictKind:
            row[f"conflict_{kind.value}_m2"] = (found.get(kind, 0.0) if a.sequestration
                                                else None)
        out[cid] = clean_json(row)
    return out
