"""Issue 24 §4: IIC and a share of the path sums on the other core (a forked child) while
the rest of the path sums run here; the same indices and kept pairs whichever process
measured them."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from naturplan.core import forked
from naturplan.core.analysis.connectivity import ConnectivityNetwork, ConnectivityParams

HA = 10_000.0
LANDSCAPE = shapely.box(-5000, -5000, 5000, 5000)


def hectare(x0, y0=0.0):
    return shapely.box(x0, y0, x0 + 100, y0 + 100)


def test_iic_in_a_child_equals_the_hand_made_sum_and_the_pc_is_unchanged():
    # A chain of three hectares 400 m apart (IIC links ≤ 500 m) and one 2 km off (alone).
    geoms = np.array([hectare(0), hectare(500), hectare(1000), hectare(3100)], dtype=object)
    started = []

    def start(function, *args):
        pending = forked.start(function, *args)
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
    assert started[0].forked == forked.can_fork()  # never a child in the window's process


@pytest.mark.parametrize("iic", [True, False])
def test_a_split_network_equals_the_one_measured_here(iic, monkeypatch):
    # 1,100 patches: three search blocks of 512, the last two on the other core
    rng = np.random.default_rng(3)
    geoms = shapely.buffer(shapely.points(rng.uniform(-4000, 4000, (1100, 2))), 20)
    started = []

    def start(function, *args):
        pending = forked.start(function, *args)
        started.append(pending)
        return pending

    here = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, ConnectivityParams(), iic=iic)
    split = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, ConnectivityParams(), iic=iic,
                                            start=start)
    assert len(here.patches) > 1024
    assert split.indices == here.indices
    np.testing.assert_array_equal(split.row_sums, here.row_sums)
    np.testing.assert_array_equal(split.paths.toarray(), here.paths.toarray())
    assert len(started) == 1 and started[0].forked == forked.can_fork()
    if not iic:
        return
    # and where no child may be made, all of it here
    monkeypatch.setattr(forked, "FORK", False)
    alone = ConnectivityNetwork.of_polygons(geoms, LANDSCAPE, ConnectivityParams(), iic=iic,
                                            start=forked.start)
    assert alone.indices == here.indices
