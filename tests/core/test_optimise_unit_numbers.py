"""The planning units' afforestation sequestration and flood share (issue 23 §1), against
hand-made layers whose answers are worked out by hand."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from analysis_fixtures import layers, polygons, write_depth

from naturplan.core.analysis.layers import FloodSource
from naturplan.core.optimise.units import planning_units
from naturplan.io.factors import load_factor_table


@pytest.fixture(scope="module")
def table():
    return load_factor_table("co2e_v1")


def parcels():
    # Four 100 x 100 m parcels in a row (1 ha each), x = 0..400.
    return np.array([shapely.box(100 * k, 0, 100 * (k + 1), 100) for k in range(4)],
                    dtype=object)


def test_sequestration_is_the_forest_rate_on_new_ha_where_forest_is_allowed(table):
    protected = [shapely.box(0, 0, 40, 100)]   # parcel 0: 0.6 ha new
    natura = polygons([shapely.box(290, 0, 310, 100)], name=["Site"], kind=["habitat"])
    forest = polygons([shapely.box(350, 0, 450, 100)], zone=["unwanted"])
    units = planning_units(parcels(), layers(natura2000=natura, forest=forest,
                                             protected=protected), table)
    rate = table.afforestation.rate()
    # parcel 2 meets Natura 2000, parcel 3 an unwanted-forest zone: no forest there
    assert units.sequestration_t == pytest.approx([0.6 * rate, 1.0 * rate, 0.0, 0.0])
    assert rate > 0
    # without a flood layer the share is not measured: None, never 0
    assert units.flood_wet_m2 is None
    assert units.flood_share(np.array([0, 1])) is None


def test_flood_share_over_flood_zones(table):
    zones = FloodSource(zones=polygons([shapely.box(0, 0, 100, 50), shapely.box(180, 0, 260, 100)],
                                       depth=[None, None]))
    units = planning_units(parcels(), layers(flood=zones), table)
    # parcel 0 half wet, parcel 1 20 x 100 m, parcel 2 60 x 100 m, parcel 3 dry
    assert units.flood_wet_m2 == pytest.approx([5000.0, 2000.0, 6000.0, 0.0])
    assert units.flood_share(np.array([0, 3])) == pytest.approx(5000 / 20_000)
    assert units.flood_share(np.array([3])) == 0.0  # measured and dry


def test_flood_share_over_a_depth_raster(table, tmp_path):
    depth = np.zeros((100, 40))          # 10 m cells, x 0..400, y 900..0 top to bottom
    depth[90:100, 10:15] = 1.2           # x 100..150, y 0..100: half of parcel 1
    depth[95:100, 30:40] = 0.4           # x 300..400, y 0..50: half of parcel 3
    flood = write_depth(tmp_path / "depth.tif", depth)
    units = planning_units(parcels(), layers(flood=flood), table)
    assert units.flood_wet_m2 == pytest.approx([0.0, 5000.0, 0.0, 5000.0])
    assert units.flood_share(np.array([1, 2, 3])) == pytest.approx(10_000 / 30_000)
