"""Issue 24 §4: IIC searched on the other core (a forked child) while the path sums run
here; the same indices whichever process measured them."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from naturplan.core.analysis.connectivity import ConnectivityNetwork, ConnectivityParams
from naturplan.core.optimise import units_fork

HA = 10_000.0
LANDSCAPE = shapely.box(-5000, -5000, 5000, 5000)


def hectare(x0, y0=0.0):
    return shapely.box(x0, y0, x0 + 100, y0 + 100)


def test_iic_in_a_child_equals_the_hand_made_sum_and_the_pc_is_unchanged():
    # A chain of three hectares 400 m apart (IIC links ≤ 500 m) and one 2 km off (alone).
    geoms = np.array([hectare(0), hectare(500), hectare(1000), hectare(3100)], dtype=object)
    started = []

    def start(function, *args):
        pending = units_fork.start(function, *args)
        started.append(pending)
        return pending

    here = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, ConnectivityParams())
    there = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, ConnectivityParams(),
                                            start=start)
    # ordered pairs with i = j: 4 + 2·(1/2 + 1/2 + 1/3) ha² (the chain's pairs 1, 1, 2 links)
    assert there.indices.iic_sum == pytest.approx((4 + 2 * (0.5 + 0.5 + 1 / 3)) * HA**2,
                                                  rel=1e-12)
    assert there.indices.iic_sum == here.indices.iic_sum
    assert there.indices.pc_sum == here.indices.pc_sum
    assert len(started) == 1
    assert started[0].forked == units_fork.can_fork()  # never a child in the window's process


def test_a_start_that_computes_here_gives_the_same_indices():
    rng = np.random.default_rng(3)
    geoms = shapely.buffer(shapely.points(rng.uniform(-2000, 2000, (120, 2))), 30)
    calls = []

    class Here:
        def __init__(self, function, args):
            self.value = function(*args)

        def result(self):
            return self.value

    def start(function, *args):
        calls.append(function.__name__)
        return Here(function, args)

    a = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, ConnectivityParams())
    b = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, ConnectivityParams(), start=start)
    assert calls == ["iic_sum"]
    assert a.indices == b.indices
