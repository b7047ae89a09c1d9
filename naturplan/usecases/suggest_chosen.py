"""What a suggested plan measures only for the chosen units (issue 23): their new parts, area,
flooded m² and N effect, on two cores where the plan is large (:mod:`.units_fork`)."""

from __future__ import annotations

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.optimise.units import PlanningUnits
from naturplan.core.optimise.units_fork import Pending, start

#: Fewest chosen units whose flood share is measured in a forked child.
FORK_MIN_CHOSEN = 500


class ChosenMeasures:
    """The chosen units *index*: their new parts (:attr:`parts`, cut here at once) and
    their numbers (:meth:`numbers`).

    The flood share (a raster read and a zonal pass, the longest step) is begun in a forked
    child first; this process meanwhile cuts the new parts, the caller merges the areas
    (and begins what needs only their outlines), then :meth:`numbers` measures the N effect
    and takes the flood numbers last. Each unit's numbers
    are its own: the same in one process or two."""

    def __init__(self, units: PlanningUnits, index: NDArray[np.intp]) -> None:
        self._wet: Pending[NDArray[np.float64] | None] = (
            start(units.flood_wet, index) if len(index) >= FORK_MIN_CHOSEN
            else Pending(units.flood_wet, (index,)))
        self._units, self._index = units, index
        self.parts = units.new_part(index)

    def numbers(self) -> dict[str, NDArray[np.float64] | None]:
        """One value per chosen unit: ``area`` (m²), ``wet`` (flooded m², None without a
        flood layer) and ``nitrogen`` (kg N/yr, None without an N-retention layer)."""
        units, index = self._units, self._index
        return {"area": np.asarray(shapely.area(units.geoms[index]), dtype=np.float64),
                "nitrogen": units.nitrogen_kg(index, self.parts), "wet": self._wet.result()}
