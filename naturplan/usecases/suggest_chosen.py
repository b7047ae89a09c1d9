"""What a suggested plan measures only for the chosen units (issue 23): their new parts, area,
flooded m² and N effect, on two cores where the plan is large (:mod:`.units_fork`)."""

from __future__ import annotations

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.optimise.units import PlanningUnits
from naturplan.core.optimise.units_fork import start

#: Fewest chosen units whose flood share is measured in a forked child, and the share of
#: their new parts (and N effect) cut there too (the flood share is the larger part).
FORK_MIN_CHOSEN = 500
CHILD_SHARE = 0.0


def measured_chosen(units: PlanningUnits, index: NDArray[np.intp]
                     ) -> tuple[NDArray[np.object_], dict[str, NDArray[np.float64] | None]]:
    """The new parts of the chosen units *index* and their numbers (area, flooded m², N).

    The flood share (a raster read and a zonal pass) is measured in a forked child while
    this process cuts the new parts and measures their N effect (and the child cuts
    :data:`CHILD_SHARE` of them): each unit's numbers are its own, the same either way."""
    split = len(index) - int(len(index) * CHILD_SHARE)
    theirs = (start(_chosen_numbers, units, index, index[split:])
              if len(index) >= FORK_MIN_CHOSEN else None)
    if theirs is None or not theirs.forked:
        parts, per_unit = _chosen_numbers(units, index, index)
    else:
        own, numbers = _chosen_numbers(units, None, index[:split])
        rest, their_numbers = theirs.result()
        parts = np.concatenate([own, rest])
        n_own, n_theirs = numbers["nitrogen"], their_numbers["nitrogen"]
        per_unit = {"wet": their_numbers["wet"],
                    "nitrogen": None if n_own is None or n_theirs is None
                    else np.concatenate([n_own, n_theirs])}
    per_unit["area"] = np.asarray(shapely.area(units.geoms[index]), dtype=np.float64)
    return parts, per_unit


def _chosen_numbers(units: PlanningUnits, index: NDArray[np.intp] | None,
                    cut: NDArray[np.intp]
                    ) -> tuple[NDArray[np.object_], dict[str, NDArray[np.float64] | None]]:
    """What is measured only for chosen units: the new parts of the units *cut* and their
    N effect (None without the layer), and the flooded m² of the units *index* (None
    without the layer, or when *index* is None)."""
    parts = units.new_part(cut)
    return parts, {"nitrogen": units.nitrogen_kg(cut, parts),
                   "wet": None if index is None else units.flood_wet(index)}
