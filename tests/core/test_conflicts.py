"""Afforestation conflicts, the firefighter's tag and flood exposure against hand-made
answers."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from analysis_fixtures import layers, polygons, write_depth

from naturplan.core.analysis.conflicts import ConflictKind, afforestation_conflicts
from naturplan.core.analysis.firefighter import Tag, firefighter_order, firefighter_tag
from naturplan.core.analysis.flood import (
    exposure_of_parts,
    exposures,
    flood_geometry,
    nature_at_risk,
    wet_cells,
)
from naturplan.core.analysis.zonal import RasterGrid
from naturplan.io.factors import load_factor_table


@pytest.fixture(scope="module")
def table():
    return load_factor_table("co2e_v1")


def test_afforestation_touching_p3_reports_the_exact_overlap(table):
    # Candidate 200 x 100 m; a §3 meadow overlaps its corner by 50 x 50 m; a second §3
    # polygon only shares the candidate's western edge (no area).
    candidate = shapely.box(0, 0, 200, 100)
    nature = polygons([shapely.box(150, -50, 300, 50), shapely.box(-100, 0, 0, 100)],
                      type=["Eng", "Mose"], id=["A", "B"])
    found = afforestation_conflicts(candidate, layers(nature=nature), table)
    assert [c.kind for c in found] == [ConflictKind.NATURE_P3]
    assert found[0].area_m2 == pytest.approx(2500.0)
    assert shapely.equals(shapely.normalize(found[0].geometry),
                          shapely.normalize(shapely.box(150, 0, 200, 50)))
    assert found[0].details == ("Eng",)


def test_every_conflict_kind_with_its_area(table, tmp_path):
    candidate = shapely.box(0, 0, 1000, 100)  # 10 ha
    # Two overlapping §3 polygons: their overlap with the candidate is counted once.
    nature = polygons([shapely.box(0, 0, 100, 100), shapely.box(50, 0, 150, 100)],
                      type=["Eng", "Mose"], id=["1", "2"])
    natura = polygons([shapely.box(900, -50, 1100, 50)], name=["Ulvedybet"], kind=["habitat"])
    lowland = polygons(
        [shapely.box(200, 0, 300, 100), shapely.box(300, 0, 400, 100),
         shapely.box(400, 0, 500, 100)],
        carbon_class=[">12", "6-12", "<6"], land_use=["rotation"] * 3)
    forest = polygons([shapely.box(500, 0, 600, 100), shapely.box(600, 0, 700, 100)],
                      zone=["unwanted", "wanted"])
    # Flood raster, 10 m cells from x=0: the cells of x 700..760 are wet (depth 0.5).
    depth = np.zeros((20, 110))
    depth[:, 70:76] = 0.5
    flood = write_depth(tmp_path / "d.tif", depth, origin=(0.0, 150.0))
    found = {c.kind: c for c in afforestation_conflicts(
        candidate, layers(nature=nature, natura2000=natura, lowland=lowland, forest=forest,
                          flood=flood), table)}
    assert list(found) == list(ConflictKind)
    assert found[ConflictKind.NATURE_P3].area_m2 == pytest.approx(150 * 100)
    assert found[ConflictKind.NATURE_P3].details == ("Eng", "Mose")
    assert found[ConflictKind.NATURA2000].area_m2 == pytest.approx(100 * 50)
    assert found[ConflictKind.NATURA2000].details == ("Ulvedybet",)
    assert found[ConflictKind.ORGANIC_SOIL].area_m2 == pytest.approx(2 * 100 * 100)
    assert found[ConflictKind.ORGANIC_SOIL].details == ("6-12", ">12")
    assert found[ConflictKind.UNWANTED_FOREST].area_m2 == pytest.approx(100 * 100)
    assert found[ConflictKind.FLOOD].area_m2 == pytest.approx(60 * 100)
    assert shapely.equals(shapely.normalize(found[ConflictKind.FLOOD].geometry),
                          shapely.normalize(shapely.box(700, 0, 760, 100)))


def test_a_union_is_measured_part_by_part(table, tmp_path):
    # 10 m cells from x=0: x 0..50 is 1.0 m deep, x 900..950 is 3.0 m deep, the rest dry.
    depth = np.zeros((20, 100))
    depth[:, 0:5] = 1.0
    depth[:, 90:95] = 3.0
    flood = write_depth(tmp_path / "d.tif", depth, origin=(0.0, 200.0))
    union = shapely.union_all([shapely.box(0, 0, 100, 100), shapely.box(900, 0, 1000, 100)])
    result = exposure_of_parts(union, flood)
    # Each hectare has 50 x 100 m flooded: 1 ha of 2 ha, mean depth (1·0.5 + 3·0.5) / 1.
    assert len(result) == 1
    assert result.area_m2[0] == pytest.approx(20_000.0)
    assert result.wet_m2[0] == pytest.approx(10_000.0)
    assert result.wet_share[0] == pytest.approx(0.5)
    assert result.mean_depth[0] == pytest.approx(2.0)
    assert result.max_depth[0] == pytest.approx(3.0)
    whole = exposures(np.array([union]), flood)  # the same as one polygon
    for name in ("area_m2", "wet_m2", "mean_depth", "max_depth"):
        assert getattr(result, name)[0] == pytest.approx(getattr(whole, name)[0])
    # The totals' conflicts: the same flooded area without building the flooded cells.
    drawn, counted = (afforestation_conflicts(union, layers(flood=flood), table, shapes=s)
                      for s in (True, False))
    assert [c.kind for c in counted] == [ConflictKind.FLOOD]
    assert counted[0].area_m2 == pytest.approx(10_000.0) == drawn[0].area_m2
    assert counted[0].geometry.is_empty and drawn[0].geometry.area == pytest.approx(10_000.0)
    dry = exposure_of_parts(shapely.union_all([shapely.box(300, 0, 400, 100),
                                               shapely.box(500, 0, 600, 100)]), flood)
    assert dry.wet_m2[0] == 0.0 and np.isnan(dry.mean_depth[0]) and dry.max_depth[0] == 0.0


def test_no_conflict_in_open_fields(table):
    assert afforestation_conflicts(shapely.box(0, 0, 10, 10), layers(), table) == ()


def test_wet_cells_become_one_polygon():
    values = np.array([[0, 1, 1, 0], [0, 1, 1, 1], [np.nan, 0, 0, 2.0]])
    zone = wet_cells(RasterGrid(values, (0.0, 0.0, 40.0, 30.0)))
    assert zone.area == pytest.approx(6 * 100)
    assert zone.geom_type == "Polygon"  # the corner cell shares an edge with the row above
    assert shapely.equals(
        shapely.normalize(zone),
        shapely.normalize(shapely.union_all([
            shapely.box(10, 20, 30, 30), shapely.box(10, 10, 40, 20), shapely.box(30, 0, 40, 10)
        ])))


def test_flood_depths_under_a_polygon(tmp_path):
    # 10 m cells; a 40 x 20 m polygon covers 8 cells: depths 0.0, 1.0, 2.0, 3.0 in each row,
    # the polygon starts mid-cell so it covers half of the first and last column.
    depth = np.tile(np.array([[0.0, 1.0, 2.0, 3.0, 4.0, 0.0]]), (4, 1))
    flood = write_depth(tmp_path / "d.tif", depth, origin=(0.0, 40.0))
    polygon = shapely.box(5.0, 10.0, 45.0, 30.0)
    result = exposures(np.array([polygon]), flood)
    # Covered: col0 half (dry), col1 full (1.0), col2 full (2.0), col3 full (3.0),
    # col4 half (4.0); two rows each: wet area = 2 x (100 + 100 + 100 + 50) = 700 m².
    assert result.area_m2[0] == pytest.approx(800.0)
    assert result.wet_m2[0] == pytest.approx(700.0)
    assert result.wet_share[0] == pytest.approx(700 / 800)
    assert result.mean_depth[0] == pytest.approx((1 * 100 + 2 * 100 + 3 * 100 + 4 * 50) / 350)
    assert result.max_depth[0] == pytest.approx(4.0)
    shape = flood_geometry(polygon, flood)
    assert shape.area == pytest.approx(700.0)


def test_nature_at_risk_by_type_strandeng_first(tmp_path):
    # Raster: the west half (x < 100) is flooded 1 m deep, the east half dry.
    depth = np.zeros((10, 20))
    depth[:, :10] = 1.0
    flood = write_depth(tmp_path / "d.tif", depth, origin=(0.0, 100.0))
    nature = polygons(
        [shapely.box(0, 0, 20, 20), shapely.box(10, 0, 30, 20),   # two overlapping Eng
         shapely.box(90, 50, 110, 70),                           # Strandeng half wet
         shapely.box(150, 0, 160, 10)],                          # dry Mose
        type=["Eng", "Eng", "Strandeng", "Mose"], id=["1", "2", "3", "4"])
    result = nature_at_risk(layers(municipality=shapely.box(0, 0, 200, 100), nature=nature,
                                   flood=flood))
    names = [t.nature_type for t in result.types]
    assert names == ["Strandeng", "Eng", "Mose"]
    by = {t.nature_type: t for t in result.types}
    assert by["Eng"].area_m2 == pytest.approx(600.0)  # the overlap counted once
    assert by["Eng"].wet_m2 == pytest.approx(600.0)
    assert by["Strandeng"].wet_m2 == pytest.approx(200.0)
    assert by["Strandeng"].wet_share == pytest.approx(0.5)
    assert by["Strandeng"].mean_depth == pytest.approx(1.0)
    assert by["Mose"].wet_m2 == 0.0
    assert result.wet_m2 == pytest.approx(800.0)


def test_firefighter_tags_and_order(table):
    nature = polygons([shapely.box(0, 0, 60, 100)], type=["Eng"], id=["1"])
    lowland = polygons([shapely.box(0, 200, 100, 300), shapely.box(0, 400, 100, 500)],
                       carbon_class=[">12", "<6"], land_use=["rotation", "rotation"])
    lay = layers(nature=nature, lowland=lowland)
    protects = firefighter_tag(shapely.box(0, 0, 100, 100), lay, table)  # 60 % on §3
    restores = firefighter_tag(shapely.box(0, 200, 100, 280), lay, table)  # all organic
    creates = firefighter_tag(shapely.box(0, 400, 100, 500), lay, table)  # mineral soil
    assert protects.tag is Tag.PROTECTS
    assert protects.nature_m2 == pytest.approx(6000.0) and protects.new_m2 == pytest.approx(4000)
    assert restores.tag is Tag.RESTORES and restores.degraded_m2 == pytest.approx(8000.0)
    assert creates.tag is Tag.CREATES and creates.new_m2 == pytest.approx(10_000.0)
    # A tie goes to the earlier tag: half on §3, half new.
    tie = firefighter_tag(shapely.box(0, 0, 120, 100), lay, table)
    assert tie.nature_m2 == pytest.approx(tie.new_m2) and tie.tag is Tag.PROTECTS
    bigger = firefighter_tag(shapely.box(0, 400, 100, 600), lay, table)
    order = firefighter_order([("c", creates), ("b", bigger), ("r", restores), ("p", protects)])
    assert order == ["p", "r", "b", "c"]


def test_a_restoration_on_nature_restores_it(table):
    """The restore kind (issue 25) is the rule's middle step: on §3 nature it restores what a
    lowland withdrawal on the same ground would protect."""
    nature = polygons([shapely.box(0, 0, 60, 100)], type=["Eng"], id=["1"])
    lowland = polygons([shapely.box(0, 200, 100, 300)], carbon_class=[">12"],
                       land_use=["rotation"])
    lay = layers(nature=nature, lowland=lowland)
    on_nature = shapely.box(0, 0, 100, 100)  # 60 % on §3, 40 % new
    assert firefighter_tag(on_nature, lay, table, "lowland").tag is Tag.PROTECTS
    restore = firefighter_tag(on_nature, lay, table, "restore")
    assert restore.tag is Tag.RESTORES and restore.part(Tag.RESTORES) == pytest.approx(6000.0)
    assert restore.part(Tag.PROTECTS) == 0.0 and restore.part(Tag.CREATES) == pytest.approx(4000)
    mostly_new = firefighter_tag(shapely.box(0, 0, 160, 100), lay, table, "restore")
    assert mostly_new.tag is Tag.CREATES  # 6,000 m² on §3 against 10,000 m² new
    soil = firefighter_tag(shapely.box(0, 200, 100, 300), lay, table, "restore")
    assert soil.tag is Tag.RESTORES and soil.part(Tag.RESTORES) == pytest.approx(10_000.0)


def test_a_preloaded_raster_gives_the_same_windows(tmp_path):
    rng = np.random.default_rng(3)
    depth = np.where(rng.random((60, 80)) < 0.4, rng.uniform(0.1, 2.0, (60, 80)), 0.0)
    flood = write_depth(tmp_path / "d.tif", depth, origin=(0.0, 600.0))
    polygons_ = np.array([shapely.box(35, 47, 333, 281), shapely.box(-50, -50, 20, 20),
                          shapely.box(700, 500, 900, 700)], dtype=object)
    before = exposures(polygons_, flood)
    shapes = [flood_geometry(g, flood) for g in polygons_]
    flood.preload()
    after = exposures(polygons_, flood)
    for name in ("wet_m2", "data_m2", "mean_depth", "max_depth"):
        np.testing.assert_allclose(getattr(after, name), getattr(before, name))
    for g, shape in zip(polygons_, shapes, strict=True):
        assert flood_geometry(g, flood).area == pytest.approx(shape.area)
