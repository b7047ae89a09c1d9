"""Planning units from parcels (issue 23 §1) against hand-made layers with known answers."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from analysis_fixtures import layers, polygons

from naturplan.core.optimise.units import AFFORESTATION, LOWLAND, planning_units
from naturplan.io.factors import load_factor_table


@pytest.fixture(scope="module")
def table():
    return load_factor_table("co2e_v1")


def parcels():
    # Four 100 x 100 m parcels in a row (1 ha each), x = 0..400.
    return np.array([shapely.box(100 * k, 0, 100 * (k + 1), 100) for k in range(4)],
                    dtype=object)


def test_new_area_co2e_kind_and_exclusions(table):
    protected = [shapely.box(0, 0, 50, 100),          # half of parcel 0 is §3 already
                 shapely.box(25, 0, 75, 100)]         # overlapping it: counted once
    lowland = polygons([shapely.box(100, 0, 200, 80), shapely.box(0, 0, 100, 100)],
                       carbon_class=[">12", "6-12"], land_use=["rotation", "permanent_grass"])
    natura = polygons([shapely.box(290, 0, 310, 100)], name=["Site"], kind=["habitat"])
    forest = polygons([shapely.box(350, 0, 450, 100)], zone=["unwanted"])
    units = planning_units(parcels(), layers(lowland=lowland, natura2000=natura,
                                             forest=forest, protected=protected), table)
    assert list(units.source) == [0, 1, 2, 3]
    # parcel 0: 75 x 100 m protected (the union of the two), 25 x 100 m new
    assert units.new_m2 == pytest.approx([2500.0, 10_000.0, 10_000.0, 10_000.0])
    # lowland on the new part only: parcel 0's 0.25 ha at 6-12/permanent grass, parcel 1's
    # 0.8 ha at >12/rotation
    assert units.lowland_m2 == pytest.approx([2500.0, 8000.0, 0.0, 0.0])
    expected = [0.25 * table.reduction_t_per_ha("6-12", "permanent_grass"),
                0.8 * table.reduction_t_per_ha(">12", "rotation"), 0.0, 0.0]
    assert units.co2e_t == pytest.approx(expected)
    assert list(units.kind) == [LOWLAND, LOWLAND, AFFORESTATION, AFFORESTATION]
    # forest cannot go on Natura 2000 (parcel 2) or in an unwanted zone (parcel 3)
    assert list(units.excluded) == [False, False, True, True]
    # default cost: the farmland taken, in ha
    assert units.cost == pytest.approx([0.25, 1.0, 1.0, 1.0])
    assert units.perimeter_m == pytest.approx([400.0] * 4)
    assert len(units.edges) == 3 and np.allclose(units.edges.length_m, 100.0)
    part = units.new_part(np.array([0, 1]))
    assert shapely.equals(part[0], shapely.box(75, 0, 100, 100))
    assert shapely.equals(part[1], shapely.box(100, 0, 200, 100))


def test_covered_parcels_drop_out_and_a_cost_field_and_locks(table):
    protected = [shapely.box(0, 0, 100, 100)]  # parcel 0 wholly protected
    counted = np.array([shapely.box(200, 0, 300, 100)], dtype=object)  # a candidate
    cost = [5.0, 7.0, float("nan"), -1.0]
    out = np.array([False, True, False, False])
    units = planning_units(parcels(), layers(protected=protected), table, counted=counted,
                           cost=cost, locked_out=out)
    assert list(units.source) == [1, 3]
    assert units.cost[0] == 7.0
    assert list(units.excluded) == [True, True]  # locked out; a negative cost


def test_connectivity_proxy_decays_with_distance(table):
    # A patch west of the row overlapping parcel 0 by 10 m: parcel 0 is at distance 0; the
    # others at the distance of their centroid less the radius of a 1 ha circle.
    patch = shapely.box(-100, 0, 10, 100)
    k = 0.001
    units = planning_units(parcels(), layers(protected=[patch]), table, decay_per_m=k)
    radius = np.sqrt(10_000 / np.pi)
    distance = [0.0] + [shapely.distance(shapely.centroid(p), patch) - radius
                        for p in parcels()[1:]]
    new_ha = np.array([0.9, 1.0, 1.0, 1.0])
    assert units.connectivity == pytest.approx(new_ha * np.exp(-k * np.array(distance)),
                                               rel=1e-6)


def test_parcels_are_cut_to_the_municipality(table):
    municipality = shapely.box(-1000, -1000, 350, 1000)
    units = planning_units(parcels(), layers(municipality=municipality), table)
    assert units.new_m2 == pytest.approx([10_000.0, 10_000.0, 10_000.0, 5000.0])


def test_edges_and_connectivity_are_measured_on_first_use_only(table, monkeypatch):
    """A plan at the least cost without a boundary penalty needs neither the shared edges
    nor the connectivity proxy (issue 23: 0.8 s of the full sample); asked for, they are
    what shapely measures."""
    import naturplan.core.optimise.units as units_module

    calls: list[str] = []
    for name in ("shared_edges", "_connectivity"):
        real = getattr(units_module, name)
        monkeypatch.setattr(units_module, name,
                            lambda *a, _real=real, _name=name: calls.append(_name) or _real(*a))
    patch = shapely.box(-100, 0, 10, 100)
    units = planning_units(parcels(), layers(protected=[patch]), table, decay_per_m=0.001)
    assert calls == []
    squares = parcels()
    shared = {(i, j): shapely.length(shapely.intersection(squares[i], squares[j]))
              for i in range(4) for j in range(i + 1, 4)}
    found = {(int(i), int(j)): float(m) for i, j, m in zip(units.edges.i, units.edges.j,
                                                             units.edges.length_m, strict=True)}
    assert found == pytest.approx({k: v for k, v in shared.items() if v > 0})
    assert units.connectivity[0] == pytest.approx(0.9)  # overlaps the patch: distance 0
    assert units.edges is units.edges and calls == ["shared_edges", "_connectivity"]


def test_forest_is_forbidden_where_a_units_interior_meets_a_zone(table):
    """Natura 2000 and unwanted-forest zones against units inside, across, along the edge
    of and at a corner of a zone, and away from it; the answer is plain shapely's: some
    zone intersects the unit and does not only touch it."""
    from naturplan.core.optimise.units import _forbids_forest

    natura = polygons([shapely.box(0, 0, 100, 100)], name=["Site"], kind=["habitat"])
    forest = polygons([shapely.box(500, 0, 600, 100), shapely.box(700, 0, 800, 100)],
                      zone=["unwanted", "wanted"])
    units = np.array([
        shapely.box(10, 10, 20, 20),      # inside Natura 2000
        shapely.box(90, 10, 120, 20),     # across its edge
        shapely.box(100, 10, 120, 20),    # along its edge only
        shapely.box(100, 100, 110, 110),  # at its corner only
        shapely.box(200, 0, 300, 100),    # away
        shapely.box(510, 10, 520, 20),    # inside the unwanted zone
        shapely.box(600, 0, 650, 100),    # along the unwanted zone's edge only
        shapely.box(710, 10, 720, 20),    # inside a zone where forest is wanted
    ], dtype=object)
    zones = [natura.geoms[0], forest.geoms[0]]
    want = [any(shapely.intersects(u, z) and not shapely.touches(u, z) for z in zones)
            for u in units]
    assert want == [True, True, False, False, False, True, False, False]
    found = _forbids_forest(units, layers(natura2000=natura, forest=forest))
    assert found.tolist() == want
    tree = shapely.STRtree(units)  # a tree given, and only some units asked for
    only = np.array([1, 2, 5], dtype=np.intp)
    found = _forbids_forest(units, layers(natura2000=natura, forest=forest), tree, only)
    assert found.tolist() == [k in (1, 5) for k in range(len(units))]


def test_only_units_that_overlap_what_counts_are_cut_again(table, monkeypatch):
    """The chosen units' new parts: a unit that overlaps nothing already counted is its
    whole parcel, not looked up again; the others are parcel − protected (plain shapely)."""
    import naturplan.core.optimise.units as units_module

    protected = [shapely.box(0, 0, 50, 100), shapely.box(350, 50, 400, 100)]
    units = planning_units(parcels(), layers(protected=protected), table)
    looked_up: list[int] = []
    real = units_module.intersect_pairs
    monkeypatch.setattr(units_module, "intersect_pairs",
                        lambda left, right: looked_up.append(len(left)) or real(left, right))
    index = np.array([3, 1, 0, 2], dtype=np.intp)
    parts = units.new_part(index)
    assert looked_up == [2]  # parcels 3 and 0, not 1 and 2
    for k, part in zip(index, parts, strict=True):
        want = shapely.difference(parcels()[k], shapely.union_all(protected))
        assert shapely.equals(part, want)
    assert parts[1] is units.geoms[1] and parts[3] is units.geoms[2]
