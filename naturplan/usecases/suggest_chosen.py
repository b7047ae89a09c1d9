"""What a suggested plan measures only for the chosen units (issue 23): their new parts, area,
flooded m² and N effect, on two cores where the plan is large (:mod:`naturplan.core.forked`)."""

from __future__ import annotations

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.forked import Pending, start
from naturplan.core.optimise.units import PlanningUnits

#: Fewest chosen units whose flood share is measured in a forked child.
FORK_MIN_CHOSEN = 500


class ChosenMeasures:
    """The chosen units *index*: their new parts (:attr:`parts`, cut here at once) and
    their numbers (:meth:`numbers`).

    The new parts are cut half in a forked child, half here; then the flood share (a raster
    read and a zonal pass) is begun in a forked child, while the caller merges the areas
    (and begins what needs only their outlines); :meth:`numbers` measures the N effect
    and takes the flood numbers last. Each unit's numbers
    are its own: the same in one process or two."""

    def __init__(self, units: PlanningUnits, index: NDArray[np.intp]) -> None:
        self._units, self._index = units, index
        if len(index) < FORK_MIN_CHOSEN:
            self._wet: Pending[NDArray[np.float64] | None] = Pending(units.flood_wet, (index,))
            self.parts = units.new_part(index)
            return
        # each unit's new part is its own: half are cut in a child, half here at once;
        # the flood share then begins on the other core (this process merges the areas)
        half = _half(units, index)
        theirs = start(units.new_part, index[half:])
        self.parts = np.concatenate([units.new_part(index[:half]), theirs.result()])
        self._wet = start(units.flood_wet, index)

    def numbers(self) -> dict[str, NDArray[np.float64] | None]:
        """One value per chosen unit: ``area`` (m²), ``wet`` (flooded m², None without a
        flood layer) and ``nitrogen`` (kg N/yr, None without an N-retention layer)."""
        units, index = self._units, self._index
        return {"area": np.asarray(shapely.area(units.geoms[index]), dtype=np.float64),
                "nitrogen": units.nitrogen_kg(index, self.parts), "wet": self._wet.result()}


def _half(units: PlanningUnits, index: NDArray[np.intp]) -> int:
    """Where to split the units *index* so that each process cuts half of those with a part
    to cut off (the units that overlap what already counts; the others cost nothing,
    :meth:`PlanningUnits.new_part`)."""
    if units.later is None:
        return len(index) // 2
    cut = np.cumsum(units.later.touched[index])
    if len(cut) == 0 or cut[-1] == 0:
        return len(index) // 2
    return int(np.searchsorted(cut, cut[-1] / 2)) + 1
