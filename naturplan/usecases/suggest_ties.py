"""Ties in a suggested plan broken by a stable key (issue 23).

With the default cost (the farmland taken, in ha) every unit costs the same per new hectare,
1e-4 up to rounding: the greedy's order among them (and so the plan) then followed the last
bits of each unit's area, and a faster overlay that rounds differently would change the plan.

For that cost the problem is handed to the solver so that ties are exact and broken by a key
that means something:

- the weight is the new area in units of 2¹³ m² (a power of two, so weight / area is exactly
  2⁻¹³ for every unit: an exact tie), which is the cost in ha times 10⁴ / 2¹³; the boundary
  penalty is scaled alike and the solution's objective and bound are scaled back;
- the units are put in the order of the key: more CO2e reduction per new ha first (in
  classes of 1 t/ha, so that rounding bits cannot reorder them), then the larger new area
  (to the m²), then the parcel's row (a cell's position in the grid). The solver breaks
  exact ties by position, so this key decides.

Among plans of the same cost the one with more CO2e is thereby preferred, and within a CO2e
class the one with fewer, larger parcels (fewer owners to ask; on the full sample 3,421
parcels instead of 4,840 for 0.01 % less CO2e than 10⁻⁶ t/ha classes, and ~0.3 s less to
measure and merge them). Other objectives and a cost field are handed over as they are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from naturplan.core.optimise.edges import SharedEdges
from naturplan.core.optimise.problem import KindTarget, Problem, Solution
from naturplan.core.optimise.units import M2_PER_HA, PlanningUnits

#: The weight's unit for the default cost: 2¹³ m² (see the module docstring).
WEIGHT_M2 = 2.0 ** 13
#: CO2e per ha is compared in classes this wide (t CO2e/yr per ha).
CO2E_CLASS_T_PER_HA = 1.0


@dataclass(frozen=True)
class TieOrder:
    """How a problem is handed to the solver: ``order`` holds the units' positions in the
    solver's order (None: as they are, weights as given), ``scale`` the solver's weight per
    unit of the objective; the weight is then the new area / :data:`WEIGHT_M2`."""

    order: NDArray[np.intp] | None
    scale: float = 1.0

    def problem(self, problem: Problem) -> Problem:
        """*problem* (in the units' order, weights in the objective's unit) for the solver."""
        if self.order is None:
            return problem
        o = self.order
        return replace(
            problem, area=problem.area[o], weight=problem.area[o] / WEIGHT_M2,
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
        return replace(solution, chosen=chosen, objective=solution.objective / self.scale,
                       bound=solution.bound / self.scale)


def tie_order(units: PlanningUnits, request: Any) -> TieOrder:
    """The order for *request*'s problem on *units* (see the module docstring)."""
    if request.objective != "cost" or request.cost is not None or len(units) == 0:
        return TieOrder(None)
    per_ha = np.where(units.new_m2 > 0, units.co2e_t / (units.new_m2 / M2_PER_HA), 0.0)
    co2e_class = np.floor(per_ha / CO2E_CLASS_T_PER_HA)
    order = np.lexsort((units.source, -np.round(units.new_m2), -co2e_class)).astype(np.intp)
    return TieOrder(order, M2_PER_HA / WEIGHT_M2)


def _renumbered(edges: SharedEdges, order: NDArray[np.intp]) -> SharedEdges:
    """*edges* between units at their positions in *order*."""
    if len(edges) == 0:
        return edges
    at = np.empty(len(order), dtype=np.intp)
    at[order] = np.arange(len(order), dtype=np.intp)
    i, j = np.minimum(at[edges.i], at[edges.j]), np.maximum(at[edges.i], at[edges.j])
    sort = np.lexsort((j, i))
    return SharedEdges(i[sort], j[sort], edges.length_m[sort])
