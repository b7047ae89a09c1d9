"""Issue 24 §4: IIC is left out above its size bound (``connectivity_iic.IIC_MAX_PAIRS``),
with the count of pairs it would have visited, never as a 0."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from naturplan.core.analysis import connectivity
from naturplan.core.analysis.connectivity import ConnectivityNetwork, ConnectivityParams
from naturplan.core.analysis.connectivity_iic import IIC_MAX_PAIRS, iic_pairs
from naturplan.core.analysis.patches import Links
from naturplan.usecases.analysis import indices_json

HA = 10_000.0
LANDSCAPE = shapely.box(-5000, -5000, 5000, 5000)


def hectare(x0, y0=0.0):
    return shapely.box(x0, y0, x0 + 100, y0 + 100)


def three_in_a_row():
    # Gaps of 300 m: linked at <= 500 m, a component of 3 patches (9 ordered pairs), and
    # a fourth hectare 2 km away on its own (1 pair).
    geoms = [hectare(0), hectare(400), hectare(800), hectare(0, 2000)]
    return ConnectivityNetwork.of_polygons(np.array(geoms, dtype=object), LANDSCAPE,
                                           ConnectivityParams())


def test_linked_pairs_are_the_squared_component_sizes():
    links = Links(np.array([0, 1, 4]), np.array([1, 2, 5]), np.array([1.0, 1.0, 1.0]))
    assert iic_pairs(7, links) == 3 * 3 + 2 * 2 + 1 + 1  # {0,1,2}, {4,5}, {3}, {6}
    assert IIC_MAX_PAIRS >= 2 * 10_261**2  # the sample at double density keeps its IIC


def test_over_the_bound_iic_is_left_out_with_its_count(monkeypatch):
    monkeypatch.setattr(connectivity, "IIC_MAX_PAIRS", 10)
    net = three_in_a_row()
    assert net.indices.iic == pytest.approx((4 + 2 * (0.5 + 0.5 + 1 / 3)) * HA**2 / 1e8**2)
    assert net.indices.iic_skipped_pairs is None
    monkeypatch.setattr(connectivity, "IIC_MAX_PAIRS", 9)
    net = three_in_a_row()
    assert net.indices.iic is None and net.indices.iic_sum is None
    assert net.indices.iic_skipped_pairs == 10
    assert net.indices.eca_m2 > 0  # PC and ECA are still measured
    doc = indices_json(net.indices)
    assert doc["iic"] is None and "10 linked pairs" in doc["iic_skipped"]
