"""Per-candidate assessment, totals over a set of candidates and scenario results against
hand-made answers."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from analysis_fixtures import layers, polygons, write_depth

from naturplan.core.analysis.assessment import AnalysisSettings, assess_candidate, totals
from naturplan.core.analysis.firefighter import Tag
from naturplan.core.analysis.scenarios import LedgerInputs, evaluate
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario
from naturplan.core.share.protected import ProtectedSource, compute_protected
from naturplan.core.share.targets import DEFAULT_TARGETS
from naturplan.io.factors import load_factor_table

ROTATION_HIGH = 42.17 + 3.87 - 6.8  # t CO2e per ha and year on >12 % soil under rotation
MUNI = shapely.box(0, 0, 10_000, 10_000)  # 10,000 ha


@pytest.fixture(scope="module")
def table():
    return load_factor_table("co2e_v1")


@pytest.fixture
def lay(tmp_path):
    nature = polygons([shapely.box(0, 0, 1000, 1000)], type=["Mose"], id=["M1"])  # 100 ha
    lowland = polygons([shapely.box(5000, 0, 6000, 1000)], carbon_class=[">12"],
                       land_use=["rotation"])
    depth = np.zeros((100, 100))
    depth[:, 50:] = 0.8  # the east half of the municipality is flooded
    flood = write_depth(tmp_path / "d.tif", depth, origin=(0.0, 10_000.0), res=100.0)
    return layers(municipality=MUNI, nature=nature, lowland=lowland, flood=flood,
                  protected=nature.geoms)


def test_a_lowland_candidate(lay, table):
    c = Candidate.new("lowland", shapely.box(4500, 0, 5500, 500), "Eng")  # 50 ha, half on soil
    a = assess_candidate(c, lay, table)
    assert a.reduction_t == pytest.approx(25 * ROTATION_HIGH)
    assert not a.eligibility.eligible  # 50 % organic
    assert a.sequestration is None and a.conflicts == ()
    assert a.flood.wet_m2 == pytest.approx(25 * 10_000)  # x >= 5000 is flooded
    assert a.flood.share == pytest.approx(0.5)
    assert a.flood.max_depth == pytest.approx(0.8)
    assert a.firefighter.tag is Tag.RESTORES  # 25 ha degraded, 25 ha new: a tie restores


def test_an_afforestation_candidate(lay, table):
    c = Candidate.new("afforestation", shapely.box(900, 0, 1900, 500), "Skov")  # 50 ha
    a = assess_candidate(c, lay, table, AnalysisSettings(forest_type="conifer"))
    assert a.sequestration_t == pytest.approx(50 * 22.0)
    assert [k.kind.value for k in a.conflicts] == ["nature_p3"]
    assert a.conflicts[0].area_m2 == pytest.approx(100 * 500)
    assert a.lowland is None and a.eligibility is None


def test_totals_count_overlaps_once_and_skip_rejected(lay, table):
    a = Candidate.new("lowland", shapely.box(5000, 0, 6000, 1000), "A")  # 100 ha on soil
    b = Candidate.new("lowland", shapely.box(5500, 0, 6500, 1000), "B")  # half over A
    gone = Candidate.new("lowland", shapely.box(5000, 0, 6000, 1000), "C", status="rejected")
    forest = Candidate.new("afforestation", shapely.box(500, 0, 1500, 1000), "F")
    result = totals([a, b, gone, forest], lay, table)
    assert result.candidates == 3
    assert result.area_m2 == pytest.approx((150 + 100) * 10_000)
    assert result.reduction_t == pytest.approx(100 * ROTATION_HIGH)  # the soil is 100 ha
    assert result.sequestration_t == pytest.approx(100 * 10.0)
    assert result.conflicts_m2["nature_p3"] == pytest.approx(50 * 10_000)
    assert result.flood_m2 == pytest.approx(150 * 10_000)
    assert set(result.eligible) == {a.id}  # B: 50 % organic


def test_a_scenario(lay, table):
    share, index = compute_protected(MUNI, [ProtectedSource("nature_p3", lay.nature.geoms)],
                                     DEFAULT_TARGETS)
    a = Candidate.new("lowland", shapely.box(5000, 5000, 6000, 5500), "A")  # 50 ha
    b = Candidate.new("connectivity", shapely.box(1000, 400, 3000, 600), "B")  # no count
    plan = {c.id: c for c in (a, b)}
    scenario = Scenario.new("Forslag A", [a.id, "deleted-id"])
    result = evaluate(scenario, plan, LedgerInputs(MUNI, index, share), lay, table)
    assert result.found == (a.id,) and result.missing == ("deleted-id",)
    assert result.ledger.share == pytest.approx(0.015)  # (100 + 50) / 10,000 ha
    gap17 = next(g for g in result.ledger.gaps if g.target.key == "aalborg_17")
    assert gap17.projected.gap_m2 == pytest.approx((1700 - 150) * 10_000)
    # Patches of 100 ha and 50 ha, 4 km apart: not connected.
    assert result.connectivity.eca_m2 == pytest.approx(math.sqrt(100**2 + 50**2) * 10_000)
    with_b = evaluate(scenario.with_changes(candidate_ids=[a.id, b.id]), plan,
                      LedgerInputs(MUNI, index, share), lay, table)
    assert with_b.ledger.share == pytest.approx(0.015)  # the corridor does not count
    assert with_b.connectivity.patches == 2  # the corridor joins the moor ...
    assert with_b.totals.area_m2 == pytest.approx(90 * 10_000)
