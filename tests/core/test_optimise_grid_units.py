"""1-ha grid cells as planning units (issue 23 §1), on a hand-made area: the cells are cut to
the municipality, existing §3 is not new, the cells' areas and shared edges are checked
against plain shapely."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import shapely
from analysis_fixtures import layers

from naturplan.core.optimise.units import planning_units
from naturplan.core.optimise.units_grid import grid_cells, grid_edges
from naturplan.io.factors import load_factor_table

# A municipality of 350 x 250 m with a notch and a slanted side: whole cells, cut cells,
# and a cell the notch splits off from its neighbour.
AREA = shapely.Polygon([(0, 0), (350, 0), (350, 180), (300, 250), (0, 250), (0, 130),
                        (130, 130), (130, 110), (0, 110)])


@pytest.fixture(scope="module")
def table():
    return load_factor_table("co2e_v1")


def test_cells_cover_the_area_exactly_and_each_is_its_square_cut_to_it():
    cells = grid_cells(AREA)
    # every square of the 100 m grid over the area's box, cut with plain shapely
    squares = [shapely.box(x, y, x + 100, y + 100)
               for x, y in itertools.product(range(0, 400, 100), range(0, 300, 100))]
    expected = sorted(a for a in (shapely.area(shapely.intersection(s, AREA)) for s in squares)
                      if a > 0)
    assert sorted(shapely.area(cells)) == pytest.approx(expected)
    assert float(shapely.area(cells).sum()) == pytest.approx(shapely.area(AREA))
    assert len(cells) == 12
    assert shapely.area(shapely.union_all(cells)) == pytest.approx(shapely.area(AREA))


def test_shared_edges_are_the_common_boundaries_shapely_measures():
    cells = grid_cells(AREA)
    rng = np.random.default_rng(3)
    order = rng.permutation(len(cells))  # any order, any subset
    cells = cells[order]
    edges = grid_edges(cells)
    found = {(int(i), int(j)): float(m) for i, j, m in zip(edges.i, edges.j, edges.length_m,
                                                           strict=True)}
    expected = {}
    for i, j in itertools.combinations(range(len(cells)), 2):
        common = shapely.intersection(shapely.boundary(cells[i]), shapely.boundary(cells[j]))
        if shapely.length(common) > 0:
            expected[(i, j)] = shapely.length(common)
    assert found.keys() == expected.keys()
    for pair, length in expected.items():
        assert found[pair] == pytest.approx(length)
    # the notch (x < 130, 110 < y < 130) cuts the cells at x 0..100 apart along y = 100..200
    assert any(0 < m < 100 for m in found.values())


def test_grid_units_have_the_same_numbers_as_parcels_minus_existing_nature(table):
    cells = grid_cells(AREA)
    protected = [shapely.box(0, 0, 150, 60)]  # covers cell (0,0) in part, (1,0) in part
    units = planning_units(cells, layers(municipality=AREA, protected=protected), table,
                           grid_m=100.0)
    new = shapely.area(shapely.difference(cells, shapely.union_all(protected)))
    keep = new >= 1.0
    assert units.new_m2 == pytest.approx(new[keep])
    assert units.cost == pytest.approx(new[keep] / 10_000)  # farmland taken, ha
    assert float(units.new_m2.sum()) == pytest.approx(
        shapely.area(AREA) - shapely.area(shapely.intersection(AREA, protected[0])))
    # the edges of the kept cells equal what shapely measures between them
    geoms = units.geoms
    total = sum(shapely.length(shapely.intersection(shapely.boundary(geoms[i]),
                                                    shapely.boundary(geoms[j])))
                for i, j in itertools.combinations(range(len(geoms)), 2))
    assert float(units.edges.length_m.sum()) == pytest.approx(total)


def test_a_cell_wholly_in_existing_nature_is_no_unit(table):
    cells = grid_cells(shapely.box(0, 0, 300, 100))
    units = planning_units(cells, layers(municipality=shapely.box(0, 0, 300, 100),
                                         protected=[shapely.box(100, 0, 200, 100)]),
                           table, grid_m=100.0)
    assert len(units) == 2
    assert units.new_m2 == pytest.approx([10_000.0, 10_000.0])
    assert len(units.edges) == 0  # the two left are not neighbours
