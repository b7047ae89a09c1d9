"""Comparing scenarios: for each named set of candidates, the numbers the council compares.

Per scenario (:class:`ScenarioResult`): the projected protected share (the ledger over the
scenario's counting candidates) against the targets, new nature, CO2e reduction, sequestration,
conflicts and flood-exposed area (:func:`~naturplan.core.analysis.assessment.totals`, over the
union of its areas) and, when asked, ECA with its candidates added to today's patches.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.assessment import AnalysisSettings, Totals, totals
from naturplan.core.analysis.connectivity import ConnectivityIndices
from naturplan.core.analysis.factors import FactorTable
from naturplan.core.analysis.layers import AnalysisLayers
from naturplan.core.analysis.projected import projected_network
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.ledger import Ledger, LedgerResult
from naturplan.core.plan.scenarios import Scenario
from naturplan.core.share.protected import ProtectedIndex, ProtectedShare


@dataclass(frozen=True)
class LedgerInputs:
    """What a :class:`Ledger` is built from (the dataset's protected share and index)."""

    municipality: BaseGeometry
    index: ProtectedIndex
    share: ProtectedShare

    def result(self, candidates: Sequence[Candidate]) -> LedgerResult:
        ledger = Ledger(self.municipality, self.index, self.share)
        ledger.reset(candidates)
        return ledger.result()


@dataclass(frozen=True)
class ScenarioResult:
    """The numbers of one scenario.

    Attributes
    ----------
    scenario
        The scenario.
    found, missing
        Its candidate ids that are in the plan, and those that are not (deleted since).
    ledger
        Projected share, new nature and the gap to each target with its counting candidates.
    totals
        CO2e, sequestration, conflicts and flood over its (not rejected) candidates.
    connectivity
        The indices with its candidates added to today's patches, or None if not measured.
    """

    scenario: Scenario
    found: tuple[str, ...]
    missing: tuple[str, ...]
    ledger: LedgerResult
    totals: Totals
    connectivity: ConnectivityIndices | None = None

    def delta_eca_m2(self, now: ConnectivityIndices) -> float | None:
        """ECA gained against today's network (m²), or None if not measured."""
        if self.connectivity is None:
            return None
        return self.connectivity.eca_m2 - now.eca_m2


def scenario_candidates(scenario: Scenario, plan: Mapping[str, Candidate]
                        ) -> tuple[list[Candidate], tuple[str, ...]]:
    """The scenario's candidates found in *plan* (by id) and the ids that are missing."""
    found = [plan[i] for i in scenario.candidate_ids if i in plan]
    missing = tuple(i for i in scenario.candidate_ids if i not in plan)
    return found, missing


def evaluate(scenario: Scenario, plan: Mapping[str, Candidate], ledger: LedgerInputs,
             layers: AnalysisLayers, table: FactorTable,
             settings: AnalysisSettings | None = None, *, connectivity: bool = True,
             feedback: Feedback | None = None) -> ScenarioResult:
    """The :class:`ScenarioResult` of *scenario* over the candidates of *plan*.

    Connectivity (a whole network with the scenario's areas, a few seconds at municipal
    scale) is measured only with *connectivity*.

    Raises
    ------
    OperationCancelled
        If *feedback* was cancelled.
    """
    settings = settings or AnalysisSettings()
    feedback = as_feedback(feedback)
    found, missing = scenario_candidates(scenario, plan)
    result = ledger.result(found)
    sums = totals(found, layers, table, settings)
    feedback.check()
    indices = None
    if connectivity:
        indices = projected_network(layers, found, settings.connectivity, feedback=feedback)
    return ScenarioResult(scenario, tuple(c.id for c in found), missing, result, sums, indices)
