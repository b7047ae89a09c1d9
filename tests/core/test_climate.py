"""Lowland CO2e, Klima-Lavbund and afforestation sequestration against hand-made answers."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
import shapely

from naturplan.core.analysis.climate import (
    Criterion,
    klima_lavbund,
    lowland_climate,
    sequestration,
)
from naturplan.core.analysis.factors import provenance
from naturplan.core.analysis.layers import PolygonSet
from naturplan.core.errors import FactorTableError
from naturplan.io.factors import factor_table_names, load_factor_table
from naturplan.io.paths import resources_dir


def soils(*rows):
    """PolygonSet from (geometry, carbon_class, land_use) rows."""
    return PolygonSet(
        np.array([r[0] for r in rows], dtype=object),
        {"carbon_class": np.array([r[1] for r in rows], dtype=object),
         "land_use": np.array([r[2] for r in rows], dtype=object)},
    )


@pytest.fixture(scope="module")
def table():
    return load_factor_table("co2e_v1")


def test_half_on_high_carbon_rotation(table):
    # 50 ha candidate (1000 m x 500 m); its western half lies on >12 % soil under rotation.
    candidate = shapely.box(0, 0, 1000, 500)
    layer = soils((shapely.box(-200, -100, 500, 600), ">12", "rotation"))
    climate = lowland_climate(candidate, layer, table)
    assert climate.area_m2 == pytest.approx(500_000)
    assert climate.lowland_m2 == pytest.approx(250_000)
    assert climate.reduction_t == pytest.approx(25 * (42.17 + 3.87 - 6.8))
    assert climate.reduction_t_per_ha == pytest.approx(25 * (42.17 + 3.87 - 6.8) / 50)
    result = klima_lavbund(climate, table)
    assert result.get(Criterion.MIN_AREA).value == pytest.approx(50.0)
    assert result.get(Criterion.MIN_AREA).passed
    assert result.get(Criterion.ORGANIC_SHARE).value == pytest.approx(0.5)
    assert not result.get(Criterion.ORGANIC_SHARE).passed  # 50 % < 60 %
    assert result.get(Criterion.REDUCTION_PER_HA).passed  # 19.62 t/ha >= 10
    assert not result.eligible


def test_each_soil_class_and_use(table):
    # Four 1-ha squares side by side, one per class/use; the candidate covers all four and a
    # fifth hectare of mineral soil under rotation.
    layer = soils(
        (shapely.box(0, 0, 100, 100), ">12", "permanent_grass"),
        (shapely.box(100, 0, 200, 100), "6-12", "rotation"),
        (shapely.box(200, 0, 300, 100), "6-12", "permanent_grass"),
        (shapely.box(300, 0, 400, 100), "<6", "rotation"),
    )
    climate = lowland_climate(shapely.box(0, 0, 500, 100), layer, table)
    expected = (30.8 + 2.44 - 6.8) + (21.08 - 6.8) + (15.4 - 6.8) + 0.0
    assert climate.reduction_t == pytest.approx(expected)
    assert climate.organic_m2(table) == pytest.approx(30_000)
    assert {(s.carbon_class, s.land_use) for s in climate.soils} == {
        (">12", "permanent_grass"), ("6-12", "rotation"), ("6-12", "permanent_grass"),
        ("<6", "rotation")}


def test_unknown_use_takes_the_permanent_grass_factors(table):
    layer = soils((shapely.box(0, 0, 100, 100), ">12", None))
    climate = lowland_climate(shapely.box(0, 0, 100, 100), layer, table)
    assert climate.reduction_t == pytest.approx(30.8 + 2.44 - 6.8)
    assert not climate.soils[0].use_known


def test_overlapping_soil_polygons_count_once_at_the_lower_factor(table):
    # Two soil polygons overlap on 0.5 ha: rotation (39.24 t/ha) and grass (26.44 t/ha).
    layer = soils(
        (shapely.box(0, 0, 100, 100), ">12", "rotation"),
        (shapely.box(50, 0, 150, 100), ">12", "permanent_grass"),
    )
    climate = lowland_climate(shapely.box(0, 0, 150, 100), layer, table)
    assert climate.lowland_m2 == pytest.approx(15_000)
    rotation, grass = 42.17 + 3.87 - 6.8, 30.8 + 2.44 - 6.8
    assert climate.reduction_t == pytest.approx(0.5 * rotation + 1.0 * grass)


def test_no_lowland_is_no_reduction(table):
    climate = lowland_climate(shapely.box(0, 0, 10, 10), soils(), table)
    assert climate.reduction_t == 0.0 and climate.soils == ()


@pytest.mark.parametrize(("width", "passes"), [(1000.0, True), (990.0, False)])
def test_area_criterion_on_both_sides_of_10_ha(table, width, passes):
    climate = lowland_climate(shapely.box(0, 0, width, 100), soils(), table)
    criterion = klima_lavbund(climate, table).get(Criterion.MIN_AREA)
    assert criterion.value == pytest.approx(width * 100 / 10_000)
    assert criterion.threshold == 10.0
    assert criterion.passed is passes


@pytest.mark.parametrize(("organic_width", "passes"), [(600.0, True), (590.0, False)])
def test_organic_share_on_both_sides_of_60_percent(table, organic_width, passes):
    # A 10 ha candidate; organic_width metres of its 1000 m are on 6-12 % soil.
    layer = soils((shapely.box(0, 0, organic_width, 100), "6-12", "rotation"))
    climate = lowland_climate(shapely.box(0, 0, 1000, 100), layer, table)
    criterion = klima_lavbund(climate, table).get(Criterion.ORGANIC_SHARE)
    assert criterion.value == pytest.approx(organic_width / 1000)
    assert criterion.passed is passes


@pytest.mark.parametrize(("use", "per_ha", "passes"), [
    ("rotation", 21.08 - 6.8, True),          # 14.28 t/ha
    ("permanent_grass", 15.4 - 6.8, False),   # 8.6 t/ha
])
def test_reduction_per_ha_on_both_sides_of_10_t(table, use, per_ha, passes):
    layer = soils((shapely.box(0, 0, 1000, 100), "6-12", use))
    climate = lowland_climate(shapely.box(0, 0, 1000, 100), layer, table)
    result = klima_lavbund(climate, table)
    assert result.get(Criterion.REDUCTION_PER_HA).value == pytest.approx(per_ha)
    assert result.get(Criterion.REDUCTION_PER_HA).passed is passes
    assert result.eligible is passes  # 10 ha and 100 % organic pass either way


def test_sequestration_by_forest_type(table):
    assert sequestration(100_000, table).t_per_year == pytest.approx(100.0)  # 10 ha x 10
    assert sequestration(100_000, table, "conifer").t_per_year == pytest.approx(220.0)
    assert sequestration(100_000, table, "broadleaf").rate_t_per_ha == 7.0
    with pytest.raises(FactorTableError, match="no afforestation rate for 'palm'"):
        sequestration(1.0, table, "palm")


@pytest.fixture
def resources_copy(tmp_path, monkeypatch):
    target = tmp_path / "resources"
    shutil.copytree(resources_dir(), target)
    monkeypatch.setenv("NATURPLAN_RESOURCES_DIR", str(target))
    return target


def test_a_new_table_works_without_code(resources_copy):
    text = (resources_copy / "factors" / "co2e_v1.toml").read_text(encoding="utf-8")
    text = text.replace('id = "co2e_v1"', 'id = "co2e_v2"').replace("42.17", "40.0")
    (resources_copy / "factors" / "co2e_v2.toml").write_text(text, encoding="utf-8")
    assert factor_table_names() == ["co2e_v1", "co2e_v2"]
    new = load_factor_table("co2e_v2")
    layer = soils((shapely.box(0, 0, 100, 100), ">12", "rotation"))
    climate = lowland_climate(shapely.box(0, 0, 100, 100), layer, new)
    assert climate.reduction_t == pytest.approx(40.0 + 3.87 - 6.8)
    assert climate.table == "co2e_v2"


def test_a_changed_table_shows_in_the_provenance(resources_copy):
    path = resources_copy / "factors" / "co2e_v1.toml"
    recorded = load_factor_table("co2e_v1").reference()
    assert not provenance(load_factor_table("co2e_v1"), recorded).changed
    path.write_text(path.read_text(encoding="utf-8").replace("15.4", "15.5"), encoding="utf-8")
    changed = provenance(load_factor_table("co2e_v1"), recorded)
    assert changed.changed
    doc = changed.as_dict()
    assert doc["recorded"]["sha256"] == recorded["sha256"] != doc["sha256"]
    assert doc["changed_since_recorded"] is True
    assert "SEGES" in doc["source"]
    assert not provenance(load_factor_table("co2e_v1"), None).changed


@pytest.mark.parametrize(("edit", "message"), [
    (lambda t: t.replace("[rewetted]", "[rewet]"), "no \\[rewetted\\] section"),
    (lambda t: t.replace("min_area_ha = 10.0", 'min_area_ha = "ten"'),
     "klima_lavbund.min_area_ha must be a number"),
    (lambda t: t + "\n[[broken", "cannot be read"),
])
def test_a_broken_table_says_what_is_wrong(resources_copy, edit, message):
    path = resources_copy / "factors" / "co2e_v1.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(FactorTableError, match=message):
        load_factor_table("co2e_v1")


def test_an_unknown_table_lists_the_known_ones():
    with pytest.raises(FactorTableError, match="No factor table named nope .*co2e_v1"):
        load_factor_table("nope")
