"""The N effect per planning unit (issue 23 §1): overlap of the unit's new part (ha) × the
N-retention layer's rate, against hand-made layers worked out by hand; None without the
layer (never 0 for "not measured")."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import shapely
from analysis_fixtures import layers, polygons

from naturplan.core.optimise.units import planning_units
from naturplan.io.factors import load_factor_table


@pytest.fixture(scope="module")
def table():
    return load_factor_table("co2e_v1")


def parcels():
    # Four 100 x 100 m parcels in a row (1 ha each), x = 0..400.
    return np.array([shapely.box(100 * k, 0, 100 * (k + 1), 100) for k in range(4)],
                    dtype=object)


def test_the_n_effect_is_the_new_part_times_the_rate_of_each_retention_polygon(table):
    # catchment A (x < 150) retains 20 kg N/ha/yr, catchment B (x >= 150) 50; one polygon
    # without a rate counts for nothing
    retention = polygons([shapely.box(0, 0, 150, 100), shapely.box(150, 0, 400, 100),
                          shapely.box(0, 100, 400, 200)], rate=[20.0, 50.0, None])
    protected = [shapely.box(0, 0, 40, 100)]   # parcel 0: 0.6 ha new, all in A
    units = replace(planning_units(parcels(), layers(protected=protected), table),
                    n_retention=retention)
    kg = units.nitrogen_kg(np.array([0, 1, 2]))
    # parcel 1: 0.5 ha in A, 0.5 ha in B; parcel 2: 1 ha in B
    assert kg == pytest.approx([0.6 * 20, 0.5 * 20 + 0.5 * 50, 1.0 * 50])
    assert units.nitrogen_kg(np.array([], dtype=np.intp)).shape == (0,)


def test_without_a_retention_layer_the_n_effect_is_not_measured(table):
    units = planning_units(parcels(), layers(), table)
    assert units.nitrogen_kg(np.array([0, 1])) is None


def test_the_layers_retention_polygons_reach_the_units(table):
    base = layers()
    retention = polygons([shapely.box(0, 0, 400, 100)], rate=[10.0])
    units = planning_units(parcels(), replace(base, n_retention=retention), table)
    assert units.nitrogen_kg(np.array([3])) == pytest.approx([10.0])
