"""What a suggested plan measures only for the chosen units (issue 23): their new parts, area,
flooded m² and N effect; the flood share on the other core where the plan is large
(:mod:`naturplan.core.forked`)."""

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

    The flood share (a raster read and a zonal pass, the longest of the numbers: 0.4-0.55 s
    CPU on the full sample, 0.12 s of it importing rasterio) is begun first, in a forked
    child, so that it runs beside all of this process's work that follows: the new parts,
    the areas' union, the candidates. (Begun after the parts, with half of them cut in a
    second child, it ended after the areas, and the numbers waited for it: full sample,
    load 3.3-3.6, 8 runs each, the numbers took 0.26 s median, now 0.15 s.) :meth:`numbers`
    measures the N effect and takes the flood numbers last. Each unit's numbers are its own:
    the same in one process or two."""

    def __init__(self, units: PlanningUnits, index: NDArray[np.intp]) -> None:
        self._units, self._index = units, index
        self._wet: Pending[NDArray[np.float64] | None] = (
            Pending(flood_wet, (units, index)) if len(index) < FORK_MIN_CHOSEN
            else start(flood_wet, units, index))
        self.parts = units.new_part(index)

    def numbers(self) -> dict[str, NDArray[np.float64] | None]:
        """One value per chosen unit: ``area`` (m²), ``wet`` (flooded m², None without a
        flood layer) and ``nitrogen`` (kg N/yr, None without an N-retention layer)."""
        units, index = self._units, self._index
        return {"area": np.asarray(shapely.area(units.geoms[index]), dtype=np.float64),
                "nitrogen": units.nitrogen_kg(index, self.parts), "wet": self._wet.result()}


def flood_wet(units: PlanningUnits, index: NDArray[np.intp]) -> NDArray[np.float64] | None:
    """``units.flood_wet(index)`` with the flood raster opened once (:func:`kept_open`), not
    once per block of units: the same cells, so the same numbers to the last bit."""
    from naturplan.io.raster import kept_open

    flood = units.flood
    raster = None if flood is None or flood.cached is not None else flood.raster
    with kept_open(raster):
        return units.flood_wet(index)
