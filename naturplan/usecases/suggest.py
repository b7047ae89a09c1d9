"""A suggested plan (issue 23): the optimiser's answer as an ordinary scenario.

``suggest_plan(dataset, SuggestRequest, feedback)`` measures the planning units (the parcels,
:mod:`naturplan.core.optimise.units`), states the problem (reach the target share at the least
cost, or the most CO2e / connectivity within a budget of hectares; a boundary penalty for
compact areas; what already counts is kept), solves it
(:mod:`naturplan.core.optimise.solve`, the greedy baseline beside it) and stores the chosen
units merged into areas per kind as new candidates (status idea, counting toward the target),
each with a note saying why, grouped in a new scenario. The CLI (``naturplan suggest``) and
the window (*Analyse → Foreslå plan…*) both call it; they only fill the request and show the
:class:`SuggestReport`.

Nothing is written before the scenario's name is known to be free and a plan is found; the
candidates and the scenario are written one after the other, the candidates in one
transaction.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.errors import KindsOutOfReachError, OptimiseError, ScenarioError
from naturplan.core.feedback import Feedback
from naturplan.core.forked import Pending
from naturplan.core.layers.dataset import DEFAULT_PROTECTED_ROLES, Dataset
from naturplan.core.layers.roles import Role
from naturplan.core.optimise.edges import no_edges
from naturplan.core.optimise.problem import KindTarget, Problem, Solution
from naturplan.core.optimise.solve import baseline, solve
from naturplan.core.optimise.units import M2_PER_HA, PlanningUnits, planning_units
from naturplan.core.optimise.units_grid import CELL_M, grid_cells
from naturplan.core.plan.candidates import Candidate, CandidateKind, ids_in_order
from naturplan.core.plan.ledger import Ledger, counts
from naturplan.core.plan.plan import CandidatePlan
from naturplan.core.plan.scenarios import Scenario
from naturplan.text.i18n import tr
from naturplan.text.labels import kind_label
from naturplan.text.numbers import format_ha, format_number, format_percent
from naturplan.usecases.suggest_areas import areas_of, begin_union
from naturplan.usecases.suggest_chosen import ChosenMeasures
from naturplan.usecases.suggest_data import SuggestInputs, inputs_of
from naturplan.usecases.suggest_share import SplitShare, share_of
from naturplan.usecases.suggest_ties import tie_order

OBJECTIVES = ("cost", "co2e", "connectivity")
#: The planning units: the parcels, or 1-ha grid cells.
PARCELS, GRID = "parcels", "grid"
UNIT_KINDS = (PARCELS, GRID)
#: Without --budget-ha, the co2e and connectivity objectives may use the target's need plus
#: this share of it (they maximise a benefit, so the area needs an upper bound).
DEFAULT_BUDGET_SLACK = 0.05
CONTEXT = "suggest"
#: Context of this round's messages (``suggest_speed_*.ts``).
CONTEXT_N = "suggest_speed"
#: Why a unit's N effect is empty (JSON ``nitrogen_reason``).
NO_NITROGEN = "n_retention"
CLI_CONTEXT = "cli_suggest"
NEED_MARGIN_M2 = 1.0


@dataclass(frozen=True)
class SuggestRequest:
    """What the planner asks (see the module docstring).

    ``boundary`` is the penalty per km of the suggested areas' outline, in the objective's
    unit (cost, t CO2e/yr or connectivity ha); ``cost`` names a number field of the parcels
    as ``parcels.FIELD`` (None: the farmland taken in ha); ``locked_out`` parcel rows.
    ``target`` may be None when ``target_ha`` gives hectares of new nature per kind
    (``(("lowland", 300.0), ("afforestation", 200.0))``), each reached exactly.
    """

    project: Any
    target: float | None
    scenario: str
    objective: str = "cost"
    cost: str | None = None
    budget_ha: float | None = None
    boundary: float = 0.0
    time_limit: float = 10.0
    author: str | None = None
    lang: str = "da"
    roles: tuple[Role, ...] = DEFAULT_PROTECTED_ROLES
    locked_out: tuple[int, ...] = ()
    target_ha: tuple[tuple[str, float], ...] = ()
    #: The planning units: ``parcels`` (the parcel layer) or ``grid`` (1-ha cells of the
    #: municipality, for one without a parcel layer).
    units: str = "parcels"


#: The kinds a target in hectares may name (the planning units' kinds).
TARGET_KINDS = (CandidateKind.LOWLAND.value, CandidateKind.AFFORESTATION.value)


@dataclass(frozen=True)
class SuggestReport:
    """What was found and written. Areas in m², times in seconds."""

    scenario: str
    candidate_ids: tuple[str, ...]
    need_m2: float
    chosen_m2: float
    units: int
    excluded: int
    chosen_units: int
    solution: Solution
    greedy: Solution
    co2e_t: float
    cost: float
    share_before: float
    share_after: float
    seconds: dict[str, float] = field(default_factory=dict)
    #: Per kind with a target in ha: its need and the chosen new area (m²).
    kinds: dict[str, dict[str, float]] = field(default_factory=dict)
    #: Per suggested area (as the candidates): its numbers (m², t/yr, flood share or None).
    areas: tuple[dict[str, Any], ...] = ()
    #: The planning units (``parcels`` or ``grid``).
    unit_kind: str = "parcels"


@dataclass(frozen=True)
class Suggestion:
    """A plan found but not yet stored: the new candidates, their scenario and the numbers
    (:func:`find_suggestion`); :func:`store_suggestion` writes it."""

    candidates: tuple[Candidate, ...]
    scenario: Scenario
    report: SuggestReport
    ledger: Ledger
    #: The projected share of the plan with these candidates, begun when they were made
    #: (:func:`store_suggestion` takes it if the stored plan is that plan).
    share_after: Pending[float] | None = None


def suggest_plan(dataset: Dataset | SuggestInputs, request: SuggestRequest,
                 feedback: Feedback | None = None) -> SuggestReport:
    """Find the plan and store it in ``request.project`` (see the module docstring).
    *dataset* is a loaded dataset or the inputs read for the plan
    (:func:`naturplan.usecases.suggest_data.read_inputs`).

    Raises
    ------
    OptimiseError
        A target out of reach or already reached, an unknown cost field, no parcels.
    ScenarioError
        If the scenario's name is taken.
    StoreError
        If the project cannot be opened or written.
    """
    from naturplan.io.project.open import open_plan

    store, plan = open_plan(request.project, request.author, create=False)
    with store:
        found = find_suggestion(dataset, request, plan.candidates(), store.settings(),
                                [s.name for s in store.scenarios()], feedback)
        return store_suggestion(store, plan, found)


def find_suggestion(dataset: Dataset | SuggestInputs, request: SuggestRequest,
                    candidates: list[Candidate], settings: Any, scenario_names: list[str],
                    feedback: Feedback | None = None) -> Suggestion:
    """The plan for *request* given the plan's *candidates* and stored *settings*; nothing
    is written (a worker thread may run it). Raises as :func:`suggest_plan`."""
    from naturplan.usecases.analysis_context import analysis_context

    feedback = feedback or Feedback()
    clock = {"start": time.monotonic()}
    _require_free_name(scenario_names, request.scenario)
    context = analysis_context(settings)
    data = (dataset if isinstance(dataset, SuggestInputs)
            else inputs_of(dataset, request.roles, request.cost))
    share, index = data.share, data.index
    ledger = Ledger(data.municipality, index, share)
    ledger.reset(candidates)
    before = ledger.result()
    _check_kinds(request)
    # a square metre more: the ledger measures the stored areas again, to 1e-9
    need = 0.0 if request.target is None else (
        request.target * before.municipality_area_m2 - before.area_m2 + NEED_MARGIN_M2)
    if request.target is not None and need <= NEED_MARGIN_M2 and not request.target_ha:
        raise OptimiseError("The plan already reaches {target} %; there is nothing to "
                            "suggest.", target=round(100 * request.target, 2))
    need = max(need, 0.0)
    feedback.report(0.02, "suggest")
    units = _units(data, request, candidates, context)
    clock["units"] = time.monotonic()
    feedback.check()  # a cancel before the solver starts leaves nothing; after, the best so far
    problem = _problem(units, request, need)
    ties = tie_order(units, request)
    solver_problem = ties.problem(problem)
    try:
        solved = solve(solver_problem, feedback.part(0.1, 0.95), time_limit=request.time_limit)
    except KindsOutOfReachError as exc:
        raise kinds_in_words(exc, request.lang) from None
    solution, greedy = ties.back(solved), ties.back(greedy_baseline(solver_problem, solved))
    clock["solve"] = time.monotonic()
    made_numbers, share_after = _candidates(
        units, solution.chosen, request,
        lambda made: SplitShare(ledger, [*candidates, *made]))
    made = [c for c, _ in made_numbers]
    scenario = Scenario.new(request.scenario, [c.id for c in made],
                            _description(request, solution))
    chosen = solution.chosen
    report = SuggestReport(
        scenario.name, tuple(c.id for c in made),
        max(need, sum(k.need for k in problem.kinds)), float(units.new_m2[chosen].sum()),
        len(units), int(units.excluded.sum()), int(chosen.sum()), solution, greedy,
        float(units.co2e_t[chosen].sum()), float(units.cost[chosen].sum()),
        before.share, before.share,
        {"units": clock["units"] - clock["start"], "solve": clock["solve"] - clock["units"]},
        {k.kind: {"need_m2": k.need, "chosen_m2": float(units.new_m2[chosen & k.member].sum())}
         for k in problem.kinds},
        tuple({"id": c.id, **numbers} for c, numbers in made_numbers), request.units)
    return Suggestion(tuple(made), scenario, report, ledger, share_after)


def greedy_baseline(problem: Problem, solved: Solution) -> Solution:
    """The plain greedy's solution of *problem*: *solved* itself where the solver kept the
    greedy's plan without a penalty or kinds (it starts from that very plan, with the same
    bound: 0.03-0.06 s not spent again on the full sample), else computed."""
    if solved.method == "greedy" and not problem.penalised and not problem.kinds:
        return replace(solved, status="stopped")
    return baseline(problem)


def store_suggestion(store: Any, plan: CandidatePlan, found: Suggestion) -> SuggestReport:
    """Write *found*: its candidates in one transaction, then its scenario; the report with
    the projected share measured again from the stored plan.

    Raises
    ------
    ScenarioError
        If the name was taken meanwhile (the candidates are then removed again).
    """
    began = time.monotonic()
    # the plan as it will be stored, measured (in a forked child) since it was made
    planned = [*plan.candidates(), *found.candidates]
    share = found.share_after or Pending(share_of, (found.ledger, planned))
    change = plan.add_many(list(found.candidates), action="suggest")
    try:
        stored = store.insert_scenario(found.scenario)
    except ScenarioError:
        plan.revert(change)
        raise
    now = {c.id: c for c in plan.candidates()}
    same = len(now) == len(planned) and all(
        c.id in now and now[c.id].geometry is c.geometry and counts(now[c.id]) == counts(c)
        for c in planned)
    after = share.result() if same else share_of(found.ledger, list(now.values()))
    seconds = {**found.report.seconds, "store": time.monotonic() - began}
    return replace(found.report, scenario=stored.name, share_after=after, seconds=seconds)


def _require_free_name(names: list[str], name: str) -> None:
    key = " ".join(name.split()).casefold()
    if any(n.casefold() == key for n in names):
        raise ScenarioError("A scenario named '{name}' is already in the project.", name=name)


def _units(data: SuggestInputs, request: SuggestRequest, candidates: list[Candidate],
           context: Any) -> PlanningUnits:
    counted = np.array([c.geometry for c in candidates if counts(c)], dtype=object)
    k = context.settings.connectivity.k
    if request.units not in UNIT_KINDS:
        raise OptimiseError("Unknown planning units '{units}'; choose parcels or grid.",
                            units=request.units)
    if request.units == GRID:
        if request.cost is not None:
            raise OptimiseError("A cost field of the parcels needs the parcels as planning "
                                "units, not the grid.")
        return planning_units(grid_cells(data.municipality, CELL_M), data.layers,
                              context.table, pieces=data.index.pieces, counted=counted,
                              decay_per_m=k, grid_m=CELL_M)
    if data.parcels is None:
        raise OptimiseError("A suggested plan on parcels needs a parcel layer; without one, "
                            "plan on 1-ha grid cells.")
    parcels = data.parcels
    out = np.zeros(len(parcels), dtype=bool)
    out[[i for i in request.locked_out if 0 <= i < len(parcels)]] = True
    return planning_units(parcels, data.layers, context.table, pieces=data.index.pieces,
                          counted=counted, cost=data.cost, locked_out=out, decay_per_m=k)


def _problem(units: PlanningUnits, request: SuggestRequest, need: float) -> Problem:
    if request.objective not in OBJECTIVES:
        raise OptimiseError("Unknown objective '{objective}'; choose cost, co2e or "
                            "connectivity.", objective=request.objective)
    weight = (units.cost if request.objective == "cost" else -units.co2e_t
              if request.objective == "co2e" else -units.connectivity)
    budget = None if request.budget_ha is None else request.budget_ha * M2_PER_HA
    kinds = tuple(KindTarget(kind, np.asarray(units.kind == kind, dtype=bool), ha * M2_PER_HA)
                  for kind, ha in request.target_ha)
    if budget is None and request.objective != "cost":
        budget = max(need, sum(k.need for k in kinds)) * (1 + DEFAULT_BUDGET_SLACK)
    # the shared edges only for a boundary penalty (without one they weigh 0)
    edges = units.edges if request.boundary > 0 else no_edges()
    shared = edges.shared_per_unit(len(units))
    return Problem(units.new_m2, np.asarray(weight, dtype=np.float64), need, budget,
                   request.boundary / 1000.0, units.perimeter_m - shared, edges,
                   np.zeros(len(units), dtype=bool), units.excluded.copy(), kinds,
                   planar=True,
                   centre=_centres(units) if request.boundary > 0 else np.zeros((0, 2)))


def _centres(units: PlanningUnits) -> np.ndarray:
    """The units' centres: with them plans near a disc grow as the crow flies (a disc on a
    grid, not a diamond; core/optimise/grow.ball_plans)."""
    return np.asarray(shapely.get_coordinates(shapely.centroid(units.geoms)), dtype=np.float64)


def _check_kinds(request: SuggestRequest) -> None:
    """A target at all, and each kind's hectares known and positive."""
    if request.target is None and not request.target_ha:
        raise OptimiseError("Give a target share or hectares of new nature by kind.")
    for kind, ha in request.target_ha:
        if kind not in TARGET_KINDS or not (math.isfinite(ha) and ha > 0):
            raise OptimiseError("A target by kind is KIND=HA with KIND one of {kinds} and HA "
                                "above 0; '{kind}={ha}' is not.", kind=kind, ha=ha,
                                kinds=kind_choices(request.lang))


def kinds_in_words(error: KindsOutOfReachError, lang: str) -> OptimiseError:
    """*error* with each kind out of reach named by its label in *lang* (not the code the
    command line takes): "Udtagning af lavbundsjord: 1.300 > 120"."""
    return OptimiseError(error.template, kinds="; ".join(
        f"{kind_label(kind, lang)}: {format_number(need, 0, lang)} > "
        f"{format_number(reachable, 0, lang)}" for kind, need, reachable in error.short))


def kind_choices(lang: str) -> str:
    """The kinds a target in hectares may name, each with its label in *lang*:
    "lowland (Udtagning af lavbundsjord), afforestation (Skovrejsning)"."""
    return ", ".join(f"{kind} ({kind_label(kind, lang)})" for kind in TARGET_KINDS)


def _candidates(units: PlanningUnits, chosen: NDArray[np.bool_], request: SuggestRequest,
                share_of: Callable[[list[Candidate]], Pending[float]]
                ) -> tuple[list[tuple[Candidate, dict[str, Any]]], Pending[float]]:
    """The chosen units' new parts, merged per kind into connected areas, as candidates
    with their numbers; and the projected share with them, begun by *share_of* as soon as
    their outlines are known (the numbers and notes come after)."""
    index = np.flatnonzero(chosen)
    measures = ChosenMeasures(units, index)  # the flood share begun on the other core
    kinds = [(kind, mine) for kind in (CandidateKind.LOWLAND, CandidateKind.AFFORESTATION)
             if len(mine := np.flatnonzero(units.kind[index] == kind.value))]
    with ExitStack() as children:  # an error or Ctrl-C here stops the unions' children
        # each kind's union begun in a child (issue 23: the longest step after the solve)
        # while this process measures the units' numbers
        unions = [children.enter_context(begin_union(measures.parts[mine]))
                  for _, mine in kinds]
        per_unit = measures.numbers()
        groups = [(kind, mine, geom, at)
                  for (kind, mine), union in zip(kinds, unions, strict=True)
                  for geom, at in areas_of(measures.parts[mine], union.result())]
    # ids in the made order: an overlap goes to the same area in every run (ledger)
    made = [replace(Candidate.new(kind, geom, tr(request.lang, CONTEXT, "Suggestion {number}",
                                                 number=k + 1)), id=made_id)
            for k, ((kind, _, geom, _), made_id)
            in enumerate(zip(groups, ids_in_order(len(groups)), strict=True))]
    share = share_of(made)
    out: list[tuple[Candidate, dict[str, Any]]] = []
    for candidate, (_, mine, _, at) in zip(made, groups, strict=True):
        numbers = _numbers(units, index[mine[at]], {key: None if v is None else v[mine[at]]
                                                    for key, v in per_unit.items()})
        out.append((replace(candidate, note=_why(numbers, request)), numbers))
    return out, share


def _numbers(units: PlanningUnits, members: NDArray[np.intp],
             measured: dict[str, NDArray[np.float64] | None]) -> dict[str, Any]:
    """The numbers of the units *members* together (their "why"); *measured* holds their
    :func:`_chosen_numbers`."""
    seq, wet, nitrogen = units.sequestration_t, measured["wet"], measured["nitrogen"]
    area = measured["area"]
    assert area is not None
    flood = None if wet is None or area.sum() <= 0 else float(wet.sum() / area.sum())
    return {"kind": str(units.kind[members[0]]) if len(members) else None,
            "parcels": len(members), "new_m2": float(units.new_m2[members].sum()),
            "co2e_t_per_year": float(units.co2e_t[members].sum()),
            "sequestration_t_per_year": None if seq is None else float(seq[members].sum()),
            "flood_share": flood,
            "nitrogen_kg_per_year": None if nitrogen is None else float(nitrogen.sum()),
            "nitrogen_reason": None if nitrogen is not None else NO_NITROGEN,
            "cost": float(units.cost[members].sum())}


def _why(numbers: dict[str, Any], request: SuggestRequest) -> str:
    lang = request.lang
    term = {"cost": tr(lang, CONTEXT, "the least cost per new hectare"),
            "co2e": tr(lang, CONTEXT, "the most CO2e reduction per hectare"),
            "connectivity": tr(lang, CONTEXT, "the most connectivity per hectare")}
    values: dict[str, Any] = {"parcels": numbers["parcels"], "term": term[request.objective],
              "area": format_ha(numbers["new_m2"], 2, lang),
              "co2e": format_number(numbers["co2e_t_per_year"], 1, lang),
              "cost": format_number(numbers["cost"], 2, lang)}
    if request.units == GRID:
        why = tr(lang, CONTEXT_N, "Suggested for {term}: 1-ha cells {parcels}, {area} new "
                 "nature, {co2e} t CO2e/yr, cost {cost}.", **values)
    else:
        why = tr(lang, CONTEXT, "Suggested for {term}: parcels {parcels}, {area} new nature, "
                 "{co2e} t CO2e/yr, cost {cost}.", **values)
    seq, flood = numbers["sequestration_t_per_year"], numbers["flood_share"]
    if seq is not None:
        why += " " + tr(lang, CONTEXT, "As new forest: {seq} t CO2/yr sequestration.",
                        seq=format_number(seq, 1, lang))
    if flood is not None:
        why += " " + tr(lang, CONTEXT, "Flood share {share}.",
                        share=format_percent(flood, 1, lang))
    nitrogen = numbers["nitrogen_kg_per_year"]
    if nitrogen is not None:
        why += " " + tr(lang, CONTEXT_N, "N effect {kg} kg N/yr.",
                        kg=format_number(nitrogen, 1, lang))
    else:
        why += " " + tr(lang, CONTEXT_N, "N effect not measured: no N-retention layer "
                        "(role n_retention).")
    return why


def _description(request: SuggestRequest, solution: Solution) -> str:
    lang = request.lang
    gap = "-" if not np.isfinite(solution.gap) else format_number(100 * solution.gap, 3, lang)
    if request.target_ha:
        targets = [f"{format_number(100 * request.target, 1, lang)} %"] if request.target else []
        targets += [f"{kind_label(kind, lang)} {format_ha(ha * M2_PER_HA, 0, lang)}"
                    for kind, ha in request.target_ha]
        return tr(lang, CONTEXT, "Suggested by naturplan for {targets} (objective: "
                  "{objective}, boundary penalty {boundary}); method {method}, gap {gap} %.",
                  targets=", ".join(targets), objective=request.objective,
                  boundary=format_number(request.boundary, 2, lang), method=solution.method,
                  gap=gap)
    assert request.target is not None
    return tr(lang, CONTEXT, "Suggested by naturplan for {target} % (objective: {objective}, "
              "boundary penalty {boundary}); method {method}, gap {gap} %.",
              target=format_number(100 * request.target, 1, lang),
              objective=request.objective,
              boundary=format_number(request.boundary, 2, lang), method=solution.method,
              gap=gap)


def gap_to(value: float, bound: float) -> float:
    """(value − bound) / |value|; inf without a bound."""
    if not math.isfinite(bound):
        return math.inf
    return max(0.0, (value - bound) / max(abs(value), 1e-9))


def _chosen_line(report: SuggestReport, lang: str) -> str:
    values: dict[str, Any] = {"chosen": format_number(report.chosen_units, 0, lang),
              "units": format_number(report.units, 0, lang),
              "excluded": format_number(report.excluded, 0, lang),
              "cost": format_number(report.cost, 2, lang),
              "co2e": format_number(report.co2e_t, 1, lang)}
    if report.unit_kind == GRID:
        return tr(lang, CONTEXT_N, "1-ha cells chosen: {chosen} of {units} ({excluded} "
                  "excluded). Cost {cost}; lowland CO2e reduction {co2e} t/yr.", **values)
    return tr(lang, CLI_CONTEXT, "Parcels chosen: {chosen} of {units} ({excluded} excluded). "
              "Cost {cost}; lowland CO2e reduction {co2e} t/yr.", **values)


def report_lines(report: SuggestReport, lang: str) -> list[str]:
    """The report in words, a few lines (the CLI prints them, the window shows them)."""

    s, g = report.solution, report.greedy

    def gap(value: float) -> str:
        return format_percent(value, 3, lang) if math.isfinite(value) else "–"

    lines = [
        tr(lang, CLI_CONTEXT, "Scenario '{name}': {areas} suggested areas, {area} new nature "
           "(needed: {need}).", name=report.scenario,
           areas=format_number(len(report.candidate_ids), 0, lang),
           area=format_ha(report.chosen_m2, 1, lang), need=format_ha(report.need_m2, 1, lang)),
        _chosen_line(report, lang),
        tr(lang, CLI_CONTEXT, "Solver: {method}, objective {objective}, gap {gap} from the bound "
           "{bound} ({seconds} s).", method=s.method,
           objective=format_number(s.objective, 2, lang), gap=gap(s.gap),
           bound=format_number(s.bound, 2, lang) if math.isfinite(s.bound) else "–",
           seconds=format_number(s.seconds, 2, lang)),
        tr(lang, CLI_CONTEXT, "Greedy baseline: objective {objective}, gap {gap}.",
           objective=format_number(g.objective, 2, lang), gap=gap(gap_to(g.objective, s.bound))),
        tr(lang, CLI_CONTEXT, "Projected share: {before} before, {after} with the suggested "
           "areas.", before=format_percent(report.share_before, 2, lang),
           after=format_percent(report.share_after, 2, lang)),
    ]
    for kind, numbers in report.kinds.items():
        lines.append(tr(lang, CLI_CONTEXT, "{kind}: {area} new nature (target: {need}).",
                        kind=kind_label(kind, lang), area=format_ha(numbers["chosen_m2"], 1, lang),
                        need=format_ha(numbers["need_m2"], 0, lang)))
    return lines
