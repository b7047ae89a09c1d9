"""Which plan areas have today's network measured on load (issue 24 §2), and the network the
window's job measures on request: Qt-free, hand-made squares with a known answer."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely

from naturplan.core.analysis.connectivity import ConnectivityParams
from naturplan.core.analysis.layers import AnalysisLayers, PolygonSet
from naturplan.usecases import todays_network
from naturplan.usecases.todays_network import (
    NetworkDeferred,
    deferred_on_load,
    network_and_risk,
)


def _layers(squares: list[shapely.Geometry]) -> AnalysisLayers:
    empty = PolygonSet(np.empty(0, dtype=object))
    return AnalysisLayers(shapely.box(0, 0, 100_000, 100_000), empty, empty, empty, empty,
                          protected=np.array(squares, dtype=object))


# Two 100 m squares that touch (one patch of 2 ha) and one 50 m square 20 km away: beyond
# the 1 % limit (6.6 km at 500 m for p = 0.5), so PC's sum is the patches' own terms.
SQUARES = [shapely.box(1000, 1000, 1100, 1100), shapely.box(1100, 1000, 1200, 1100),
           shapely.box(40_000, 1000, 40_050, 1050)]


def test_the_network_is_deferred_only_above_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    layers = _layers(SQUARES)
    monkeypatch.setattr(todays_network, "NETWORK_ON_LOAD_MAX_POLYGONS", 3)
    assert deferred_on_load(layers) is None
    monkeypatch.setattr(todays_network, "NETWORK_ON_LOAD_MAX_POLYGONS", 2)
    assert deferred_on_load(layers) == NetworkDeferred(polygons=3, limit=2)


def test_the_job_measures_what_it_is_asked_for() -> None:
    layers = _layers(SQUARES)
    params = ConnectivityParams()
    assert network_and_risk(layers, params, network=False, at_risk=True) == (None, None)
    network, risk = network_and_risk(layers, params, network=True, at_risk=True)
    assert risk is None  # no flood layer: nothing measured, not a 0
    assert network is not None
    ix = network.indices
    assert ix.patches == 2
    assert ix.pc_sum == pytest.approx(20_000.0**2 + 2_500.0**2, rel=1e-9)
    assert ix.eca_m2 == pytest.approx(math.sqrt(20_000.0**2 + 2_500.0**2), rel=1e-9)
