"""The firefighter's rule read as the planner reads it (issue 19, item 12): protect = the
candidate secures existing nature; restore = it brings degraded nature back; create = new
nature on land that is not nature today. Afforestation on §3 nature is a conflict, never
"protects"; a Natura 2000 designation on cropland is not existing nature.

Hand-made layers: a §3 bog, a Natura 2000 site over cropland, drained organic soil, mineral
soil; every expected area is a rectangle's area worked out by hand.
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from analysis_fixtures import layers as make_layers
from analysis_fixtures import polygons

from naturplan.core.analysis.firefighter import Tag, firefighter_order, firefighter_tag
from naturplan.core.analysis.layers import AnalysisLayers
from naturplan.io.factors import load_factor_table
from naturplan.text.analysis_words import firefighter_label

BOG = shapely.box(0, 0, 100, 100)  # §3 mose, 1 ha
N2000_FIELDS = shapely.box(200, 0, 400, 100)  # a Natura 2000 site on cropland, 2 ha
ORGANIC = shapely.box(500, 0, 600, 100)  # drained soil > 12 % organic carbon, 1 ha
MINERAL = shapely.box(700, 0, 800, 100)  # mineral soil


@pytest.fixture(scope="module")
def table():  # type: ignore[no-untyped-def]
    return load_factor_table("co2e_v1")


@pytest.fixture(scope="module")
def layers() -> AnalysisLayers:
    return make_layers(
        nature=polygons([BOG], type=["Mose"], id=["1"]),
        natura2000=polygons([N2000_FIELDS], name=["SYN-H99"], kind=["habitat"]),
        lowland=polygons([ORGANIC, MINERAL, N2000_FIELDS], carbon_class=[">12", "<6", "<6"],
                         land_use=["rotation", "rotation", "rotation"]))


def test_forest_on_a_bog_is_a_conflict_never_protection(layers, table) -> None:  # type: ignore[no-untyped-def]
    tag = firefighter_tag(BOG, layers, table, "afforestation")
    assert tag.nature_m2 == pytest.approx(BOG.area)
    assert tag.tag is Tag.CONFLICTS
    assert firefighter_label(tag.tag, "da") == (
        "i konflikt med eksisterende natur (skovrejsning på §3)")
    # Three quarters on the bog: still a conflict; a quarter on it: creates (the §3 part is
    # reported as a conflict in the conflict columns), never protects.
    mostly = firefighter_tag(shapely.box(25, 0, 125, 100), layers, table, "afforestation")
    assert mostly.tag is Tag.CONFLICTS
    little = firefighter_tag(shapely.box(75, 0, 175, 100), layers, table, "afforestation")
    assert little.part(Tag.CONFLICTS) == pytest.approx(25 * 100)
    assert little.tag is Tag.CREATES


def test_rewetting_a_bog_protects_it(layers, table) -> None:  # type: ignore[no-untyped-def]
    for kind in ("lowland", "connectivity"):
        assert firefighter_tag(BOG, layers, table, kind).tag is Tag.PROTECTS


def test_natura2000_on_cropland_creates_or_restores(layers, table) -> None:  # type: ignore[no-untyped-def]
    for kind in ("lowland", "afforestation", "connectivity"):
        tag = firefighter_tag(N2000_FIELDS, layers, table, kind)
        assert tag.nature_m2 == 0.0  # a designation is not nature by itself
        assert tag.tag is Tag.CREATES
    # Half of it on drained organic soil inside the site: a rewetting restores.
    half = shapely.box(450, 0, 550, 100)
    assert firefighter_tag(half, layers, table, "lowland").tag is Tag.RESTORES


def test_forest_on_drained_organic_soil_does_not_restore(layers, table) -> None:  # type: ignore[no-untyped-def]
    lowland = firefighter_tag(ORGANIC, layers, table, "lowland")
    assert lowland.tag is Tag.RESTORES and lowland.degraded_m2 == pytest.approx(ORGANIC.area)
    forest = firefighter_tag(ORGANIC, layers, table, "afforestation")
    assert forest.tag is Tag.CREATES


def test_conflicts_sort_last(layers, table) -> None:  # type: ignore[no-untyped-def]
    tags = [("forest_on_bog", firefighter_tag(BOG, layers, table, "afforestation")),
            ("new", firefighter_tag(MINERAL, layers, table, "lowland")),
            ("rewet", firefighter_tag(ORGANIC, layers, table, "lowland")),
            ("protect", firefighter_tag(BOG, layers, table, "lowland"))]
    assert firefighter_order(tags) == ["protect", "rewet", "new", "forest_on_bog"]
    assert np.isclose(tags[1][1].part(Tag.CREATES), MINERAL.area)
