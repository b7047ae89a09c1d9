"""Ties in a suggested plan (issue 23): with the default cost every unit costs the same per new
ha up to rounding; the plan must not follow the rounding bits of the areas. Ties go to more
CO2e per ha first (1 t/ha classes), then to the larger parcel, then to the lower row."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import shapely
from analysis_fixtures import layers, polygons

from naturplan.core.optimise.problem import Problem, ratio_order, significant
from naturplan.core.optimise.solve import baseline, solve
from naturplan.core.optimise.units import M2_PER_HA, planning_units
from naturplan.io.factors import load_factor_table
from naturplan.usecases.suggest import SuggestRequest, _problem
from naturplan.usecases.suggest_ties import tie_order

ULP = 2.0 ** -52
#: Just under 3 ha: three parcels, and the greedy is within the gap of the LP bound (the
#: plan at full scale; a larger gap would hand the ties to HiGHS).
NEED_HA = 2.9999


@pytest.fixture(scope="module")
def table():
    return load_factor_table("co2e_v1")


def _units(table, lowland=None):
    parcels = np.array([shapely.box(100 * k, 0, 100 * (k + 1), 100) for k in range(8)],
                       dtype=object)  # eight parcels of 1 ha in a row
    return planning_units(parcels, layers(lowland=lowland), table)


def _jittered(units, seed: int):
    """The same units with areas a few ulps off, as another overlay kernel could round them
    (the default cost follows the area)."""
    rng = np.random.default_rng(seed)
    new = units.new_m2 * (1 + rng.integers(-8, 9, len(units)) * ULP)
    return replace(units, new_m2=new, cost=new / M2_PER_HA)


def _plan(units, need_ha: float, boundary: float = 0.0):
    request = SuggestRequest(None, 0.17, "x", boundary=boundary)
    problem = _problem(units, request, need_ha * M2_PER_HA)
    ties = tie_order(units, request)
    found = ties.back(solve(ties.problem(problem), time_limit=5.0))
    return found, ties.back(baseline(ties.problem(problem)))


def test_equal_parcels_go_by_row_whatever_the_rounding(table) -> None:
    units = _units(table)
    for seed in range(12):
        found, greedy = _plan(_jittered(units, seed), NEED_HA)
        assert list(np.flatnonzero(found.chosen)) == [0, 1, 2], seed
        assert list(np.flatnonzero(greedy.chosen)) == [0, 1, 2], seed
        # the objective is the farmland taken in ha again, and the bound below it
        assert found.objective == pytest.approx(3.0, rel=1e-12)
        assert found.bound <= found.objective * (1 + 1e-12)
        assert found.bound == pytest.approx(NEED_HA, rel=1e-12)


def test_ties_go_to_more_co2e_per_ha_first(table) -> None:
    # lowland on parcel 6 (>12 % carbon, rotation: the highest factor) and 3 (6-12 %,
    # permanent grass), each over 3/4 of it; the rest of the parcels none
    lowland = polygons([shapely.box(600, 0, 700, 75), shapely.box(300, 0, 400, 75)],
                       carbon_class=[">12", "6-12"], land_use=["rotation", "permanent_grass"])
    units = _units(table, lowland)
    high = table.reduction_t_per_ha(">12", "rotation")
    low = table.reduction_t_per_ha("6-12", "permanent_grass")
    assert high > low > 0
    for seed in range(12):
        found, _ = _plan(_jittered(units, seed), NEED_HA)
        # 6 (most CO2e per ha), then 3, then the first row without lowland
        assert list(np.flatnonzero(found.chosen)) == [0, 3, 6], seed
        assert float(units.co2e_t[found.chosen].sum()) == pytest.approx(0.75 * (high + low))


def test_the_boundary_penalty_is_scaled_with_the_weight(table) -> None:
    """With a penalty the solver sees the weight in 2^13 m²; the penalty per m must be
    scaled alike, so the objective in ha is cost + W/1000 x outline (m)."""
    units = _units(table)
    found, _ = _plan(units, NEED_HA, boundary=1.0)
    chosen = np.flatnonzero(found.chosen)
    outline = shapely.union_all(units.geoms[chosen]).length
    assert found.objective == pytest.approx(float(units.cost[chosen].sum()) + outline / 1000,
                                            rel=1e-9)
    # three parcels side by side: the compact plan
    assert len(chosen) == 3 and outline == pytest.approx(800.0)


def test_within_a_co2e_class_the_larger_parcels_go_first(table) -> None:
    widths = [100, 200, 150, 50]  # 1, 2, 1.5 and 0.5 ha
    x = np.cumsum([0, *widths])
    parcels = np.array([shapely.box(x[k], 0, x[k + 1], 100) for k in range(4)], dtype=object)
    units = planning_units(parcels, layers(), table)
    for seed in range(6):
        found, _ = _plan(_jittered(units, seed), 3.4999)
        assert list(np.flatnonzero(found.chosen)) == [1, 2], seed  # 2 + 1.5 ha: two owners


def test_a_penalised_problem_carries_the_units_centres_in_the_solvers_order(table) -> None:
    """With a boundary penalty the solver gets each unit's centre (plans near a disc as the
    crow flies), reordered with the units; without one it gets none."""
    units = _units(table, polygons([shapely.box(600, 0, 700, 75)], carbon_class=[">12"],
                                   land_use=["rotation"]))
    request = SuggestRequest(None, 0.17, "x", boundary=10.0)
    problem = _problem(units, request, NEED_HA * M2_PER_HA)
    assert problem.centre.tolist() == [[100 * k + 50.0, 50.0] for k in range(8)]
    ties = tie_order(units, request)
    assert ties.order is not None and list(ties.order) != list(range(8))
    solver = ties.problem(problem)
    assert solver.centre.tolist() == problem.centre[ties.order].tolist()
    plain = _problem(units, SuggestRequest(None, 0.17, "x"), NEED_HA * M2_PER_HA)
    assert plain.centre.shape == (0, 2)


# The co2e and connectivity objectives: every unit wholly on one soil class gives the same
# CO2e per ha, every unit on a habitat patch the same connectivity per ha (1), each up to
# rounding. Within a budget the plan must not follow those bits either: more per ha first,
# then (connectivity) more CO2e per ha, then the larger parcel, then the lower row.

HIGH = (">12", "rotation")
LOW = ("6-12", "permanent_grass")


def _benefit_jittered(units, seed: int):
    """*units* with new area, CO2e and connectivity each a few ulps off (independently, as
    other overlay kernels could round them)."""
    rng = np.random.default_rng(seed)

    def off(values):
        return values * (1 + rng.integers(-8, 9, len(values)) * ULP)

    connectivity = off(units.connectivity)
    new = off(units.new_m2)
    out = replace(units, new_m2=new, cost=new / M2_PER_HA, co2e_t=off(units.co2e_t))
    out.__dict__["connectivity"] = connectivity  # the cached property, measured once
    return out


def _benefit_plan(units, objective: str, budget_ha: float, need_ha: float = 1.0):
    request = SuggestRequest(None, 0.17, "x", objective=objective, budget_ha=budget_ha)
    problem = _problem(units, request, need_ha * M2_PER_HA)
    ties = tie_order(units, request)
    found = ties.back(solve(ties.problem(problem), time_limit=5.0))
    return found, ties.back(baseline(ties.problem(problem))), problem


def _lowland_on(boxes, classes):
    return polygons(boxes, carbon_class=[c for c, _ in classes],
                    land_use=[u for _, u in classes])


def test_co2e_ties_within_a_soil_class_go_by_row_whatever_the_rounding(table) -> None:
    # eight 1-ha parcels; 2, 5, 6 wholly on the highest class, 1, 3, 7 wholly on a lower one
    rows = [2, 5, 6, 1, 3, 7]
    lowland = _lowland_on([shapely.box(100 * k, 0, 100 * (k + 1), 100) for k in rows],
                          [HIGH] * 3 + [LOW] * 3)
    units = _units(table, lowland)
    high, low = table.reduction_t_per_ha(*HIGH), table.reduction_t_per_ha(*LOW)
    assert high > low > 0
    for seed in range(16):
        # room for four parcels (and 1 m² more): the three high ones and the first low one
        found, greedy, problem = _benefit_plan(_benefit_jittered(units, seed), "co2e", 4.0001)
        assert list(np.flatnonzero(found.chosen)) == [1, 2, 5, 6], seed
        assert list(np.flatnonzero(greedy.chosen)) == [1, 2, 5, 6], seed
        # the objective is the exact CO2e of the plan (t/yr, as a cost: negative)
        assert found.objective == pytest.approx(-(3 * high + low), rel=1e-12)
        assert found.bound <= found.objective


def test_co2e_ties_go_to_the_larger_parcel_first(table) -> None:
    widths = [100, 200, 150, 50]  # 1, 2, 1.5 and 0.5 ha, all wholly on one soil class
    x = np.cumsum([0, *widths])
    boxes = [shapely.box(x[k], 0, x[k + 1], 100) for k in range(4)]
    units = planning_units(np.array(boxes, dtype=object),
                           layers(lowland=_lowland_on(boxes, [LOW] * 4)), table)
    for seed in range(8):
        found, _, _ = _benefit_plan(_benefit_jittered(units, seed), "co2e", 3.5001)
        assert list(np.flatnonzero(found.chosen)) == [1, 2], seed  # 2 + 1.5 ha: two owners


def test_connectivity_ties_go_by_co2e_then_the_larger_parcel_then_the_row(table) -> None:
    """Parcels a patch overlaps all give 1 connectivity ha per new ha: a tie, broken by
    CO2e per ha, then by area, then by row; a parcel 150 m from the patch gives less."""
    widths = [100, 100, 200, 100, 150, 100]
    x = np.cumsum([0, *widths])
    boxes = [shapely.box(x[k], 0, x[k + 1], 100) for k in range(6)]
    far = shapely.box(0, 250, 100, 350)  # 150 m north of the patch: exp(-0.01 x 150)
    patch = shapely.box(0, 90, 750, 100)  # the top 10 m of every parcel in the row
    lowland = _lowland_on([boxes[3]], [LOW])
    units = planning_units(np.array([*boxes, far], dtype=object),
                           layers(lowland=lowland, protected=[patch]), table,
                           decay_per_m=0.01)
    per_ha = units.connectivity / (units.new_m2 / M2_PER_HA)
    assert np.allclose(per_ha[:6], 1.0, rtol=1e-12) and per_ha[6] < 0.5
    for seed in range(16):
        # new parts of 0.9 ha (1.8 and 1.35 for the wide ones); room for 4.05 ha and 1 m²:
        # 3 (lowland) first, then the larger 2 and 4; no other fits (the greedy is within
        # the gap of the LP bound, so it is the plan)
        found, greedy, _ = _benefit_plan(_benefit_jittered(units, seed), "connectivity",
                                         4.0501)
        assert list(np.flatnonzero(found.chosen)) == [2, 3, 4], seed
        assert list(np.flatnonzero(greedy.chosen)) == [2, 3, 4], seed
        assert found.objective == pytest.approx(-4.05, rel=1e-9)


def test_equal_connectivity_parcels_go_by_row_whatever_the_rounding(table) -> None:
    patch = shapely.box(0, 90, 800, 100)
    units = planning_units(
        np.array([shapely.box(100 * k, 0, 100 * (k + 1), 100) for k in range(8)],
                 dtype=object), layers(protected=[patch]), table, decay_per_m=0.01)
    for seed in range(16):
        found, greedy, _ = _benefit_plan(_benefit_jittered(units, seed), "connectivity", 2.7001)
        assert list(np.flatnonzero(found.chosen)) == [0, 1, 2], seed
        assert list(np.flatnonzero(greedy.chosen)) == [0, 1, 2], seed


def test_the_solvers_order_ties_a_class_times_the_area_exactly() -> None:
    """A weight of class × area / 2¹³ (the co2e and connectivity objectives' classes) is off
    class × 2⁻¹³ per m² by an ulp of the product for many areas: the order compares the
    weights per m² to 40 bits, so a class ties and goes by position (here: by index),
    before a better class (most negative weight per m²) and after a worse one."""
    rng = np.random.default_rng(7)
    area = rng.uniform(1_000.0, 90_000.0, 200)
    klass = np.full(200, 611_059.0)  # 9.324 t/ha in classes of 2^-16 t/ha
    klass[[17, 120]] = klass[0] + 1  # one class better
    klass[[5, 60]] = klass[0] - 1  # one class worse
    weight = -klass * (area / 2.0 ** 13)
    exact = (weight / area) == -klass * 2.0 ** -13
    assert not exact.all()  # the product's rounding shows in some ratios
    order = ratio_order(Problem(area, weight, 1.0))
    middle = [i for i in range(200) if i not in (17, 120, 5, 60)]
    assert list(order) == [17, 120, *middle, 5, 60]


def test_significant_bits_round_to_the_nearest_and_leave_zero_and_inf() -> None:
    values = np.array([1.0 + 2.0 ** -45, 1.0 + 2.0 ** -38, -3.0 * (1 - 2.0 ** -50), 0.0,
                       -np.inf, 2.0 ** -1060])
    got = significant(values, 40)
    assert got[0] == 1.0 and got[1] == 1.0 + 2.0 ** -38 and got[2] == -3.0
    assert got[3] == 0.0 and got[4] == -np.inf and got[5] == 2.0 ** -1060
