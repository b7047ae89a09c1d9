"""Ties in a suggested plan broken by a stable key (issue 23).

With the default cost (the farmland taken, in ha) every unit costs the same per new hectare,
1e-4 up to rounding: the greedy's order among them (and so the plan) then followed the last
bits of each unit's area, and a faster overlay that rounds differently would change the plan.
The co2e and connectivity objectives tie alike: every unit wholly on one soil class gives the
same CO2e per ha, and every unit on a habitat patch the same connectivity per ha (1: the
proxy is its new ha), each up to rounding.

The problem is therefore handed to the solver so that ties are exact and broken by a key
that means something:

- **cost** (the default cost): the weight is the new area in units of 2¹³ m² (a power of
  two, so weight / area is exactly 2⁻¹³ for every unit: an exact tie), which is the cost in
  ha times 10⁴ / 2¹³; the boundary penalty is scaled alike and the solution's objective and
  bound are scaled back. The key: more CO2e reduction per new ha first (in classes of 1 t/ha,
  so that rounding bits cannot reorder them), then the larger new area (to the m²), then the
  parcel's row (a cell's position in the grid).
- **co2e** and **connectivity**: the benefit per new ha (t CO2e/yr per ha; connectivity ha
  per ha, exp(−k d)) is put in classes :data:`BENEFIT_CLASS_PER_HA` wide, rounded up (less
  :data:`CLASS_SLACK` of a class, so that a value on a class's edge a few ulps either side
  stays in it), and the solver's weight is −class × new area / 2¹³ m². Its weight per m²
  is then −class × 2⁻¹³ up to an ulp of the product, which the solver's order compares to 40
  significant bits (:func:`naturplan.core.optimise.problem.ratio_order`): an exact tie within
  a class. The key in a class: for connectivity more CO2e per ha first (1 t/ha classes),
  then, for both, the larger new area and the row. The solution's objective is the exact
  one again (the solver's plus what the classes left out of the chosen units' weights),
  and its bound stays a bound: the classes round the benefit up, so the solver's objective
  is at most the exact one, less at most the slack (subtracted from the bound).

The solver breaks exact ties by position, so the key decides. Among plans of the same cost
the one with more CO2e is thereby preferred, and within a class the one with fewer, larger
parcels (fewer owners to ask; on the full sample 3,421 parcels instead of 4,840 for 0.01 %
less CO2e than 10⁻⁶ t/ha classes, and ~0.3 s less to measure and merge them). A cost field
is handed over as it is. A value within the slack of a class's edge may still fall either
side of it; a unit of a mixed soil or at a distance is rarely tied with another anyway.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from naturplan.core.optimise.edges import SharedEdges
from naturplan.core.optimise.problem import FloatArray, KindTarget, Problem, Solution
from naturplan.core.optimise.units import M2_PER_HA, PlanningUnits

#: The weight's unit for the default cost: 2¹³ m² (see the module docstring).
WEIGHT_M2 = 2.0 ** 13
#: CO2e per ha is compared in classes this wide (t CO2e/yr per ha) as a tie key.
CO2E_CLASS_T_PER_HA = 1.0
#: The co2e and connectivity objectives' benefit per new ha in classes this wide (t CO2e/yr
#: per ha; connectivity ha per ha, at most 1): fine enough that a class holds only units
#: whose values differ by rounding (or less than this), coarse enough for ties to be exact.
BENEFIT_CLASS_PER_HA = {"co2e": 2.0 ** -16, "connectivity": 2.0 ** -16}
#: A value this part of a class above the class's edge stays in the class below (rounding
#: bits of a few ulps are ~2⁻³⁰ of a class at 40 t/ha).
CLASS_SLACK = 2.0 ** -8


@dataclass(frozen=True)
class TieOrder:
    """How a problem is handed to the solver: ``order`` holds the units' positions in the
    solver's order (None: as they are, weights as given), ``scale`` the solver's weight per
    unit of the objective; ``weight`` the solver's weights in the units' order (None: the
    new area / :data:`WEIGHT_M2`), and ``excess`` per unit its exact weight less the
    solver's, in the objective's unit (None: nothing left out)."""

    order: NDArray[np.intp] | None
    scale: float = 1.0
    weight: FloatArray | None = None
    excess: FloatArray | None = None

    def problem(self, problem: Problem) -> Problem:
        """*problem* (in the units' order, weights in the objective's unit) for the solver."""
        if self.order is None:
            return problem
        o = self.order
        weight = problem.area / WEIGHT_M2 if self.weight is None else self.weight
        return replace(
            problem, area=problem.area[o], weight=weight[o],
            boundary_w=problem.boundary_w * self.scale, outer=problem.outer[o],
            edges=_renumbered(problem.edges, o), locked_in=problem.locked_in[o],
            locked_out=problem.locked_out[o],
            kinds=tuple(KindTarget(k.kind, k.member[o], k.need) for k in problem.kinds),
            centre=problem.centre[o] if len(problem.centre) else problem.centre)

    def back(self, solution: Solution) -> Solution:
        """The solver's *solution* in the units' order and the objective's unit."""
        if self.order is None:
            return solution
        chosen = np.zeros(len(self.order), dtype=bool)
        chosen[self.order] = solution.chosen
        objective, bound = solution.objective / self.scale, solution.bound / self.scale
        if self.excess is not None:
            objective += float(self.excess[chosen].sum())
            bound += float(np.minimum(self.excess, 0.0).sum())
        return replace(solution, chosen=chosen, objective=objective, bound=bound)


def tie_order(units: PlanningUnits, request: Any) -> TieOrder:
    """The order for *request*'s problem on *units* (see the module docstring)."""
    if len(units) == 0:
        return TieOrder(None)
    if request.objective == "cost":
        if request.cost is not None:
            return TieOrder(None)
        order = np.lexsort((units.source, -np.round(units.new_m2), -_co2e_class(units)))
        return TieOrder(order.astype(np.intp), M2_PER_HA / WEIGHT_M2)
    if request.objective not in BENEFIT_CLASS_PER_HA:
        return TieOrder(None)
    width = BENEFIT_CLASS_PER_HA[request.objective]
    benefit = units.co2e_t if request.objective == "co2e" else units.connectivity
    per_ha = np.where(units.new_m2 > 0, benefit / (units.new_m2 / M2_PER_HA), 0.0)
    klass = np.ceil(per_ha / width - CLASS_SLACK)
    weight = -klass * (units.new_m2 / WEIGHT_M2)
    scale = M2_PER_HA / (WEIGHT_M2 * width)
    keys = [units.source, -np.round(units.new_m2)]
    if request.objective == "connectivity":
        keys.append(-_co2e_class(units))
    order = np.lexsort((*keys, -klass)).astype(np.intp)
    return TieOrder(order, scale, weight, -benefit - weight / scale)


def _co2e_class(units: PlanningUnits) -> FloatArray:
    """Each unit's CO2e reduction per new ha in classes of :data:`CO2E_CLASS_T_PER_HA`."""
    per_ha = np.where(units.new_m2 > 0, units.co2e_t / (units.new_m2 / M2_PER_HA), 0.0)
    return np.asarray(np.floor(per_ha / CO2E_CLASS_T_PER_HA), dtype=np.float64)


def _renumbered(edges: SharedEdges, order: NDArray[np.intp]) -> SharedEdges:
    """*edges* between units at their positions in *order*."""
    if len(edges) == 0:
        return edges
    at = np.empty(len(order), dtype=np.intp)
    at[order] = np.arange(len(order), dtype=np.intp)
    i, j = np.minimum(at[edges.i], at[edges.j]), np.maximum(at[edges.i], at[edges.j])
    sort = np.lexsort((j, i))
    return SharedEdges(i[sort], j[sort], edges.length_m[sort])
