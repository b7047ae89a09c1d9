"""The chosen units' new parts on two cores (issue 23): the split gives each process half of
the units that have a part to cut off."""

from __future__ import annotations

import numpy as np
import shapely
from analysis_fixtures import layers

from naturplan.core.optimise.units import planning_units
from naturplan.io.factors import load_factor_table
from naturplan.usecases.suggest_chosen import _half


def test_each_process_cuts_half_of_the_units_that_overlap_what_counts() -> None:
    # ten 100 m squares in a row; the protected strip overlaps the first four only
    squares = np.array([shapely.box(100 * k, 0, 100 * (k + 1), 100) for k in range(10)],
                       dtype=object)
    protected = [shapely.box(0, 0, 400, 20)]
    units = planning_units(squares, layers(protected=protected), load_factor_table("co2e_v1"))
    index = np.arange(10, dtype=np.intp)
    overlapping = [shapely.intersection(s, protected[0]).area > 0 for s in squares]
    assert overlapping == [True] * 4 + [False] * 6
    half = _half(units, index)
    assert half == 2  # not 5: the child's five would all be whole parcels, nothing to cut
    assert sum(overlapping[:half]) == sum(overlapping[half:]) == 2
    assert _half(units, index[::-1]) == 8  # the four at the end of the order
    assert _half(units, index[4:]) == 3  # none to cut: half the units
