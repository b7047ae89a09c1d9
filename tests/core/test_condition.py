"""The condition of §3 nature (issue 25 item 1) on a hand-made §3 layer."""

from __future__ import annotations

import numpy as np
import pytest
from shapely.geometry import box

from naturplan.core.share.condition import (
    ConditionClass,
    ConditionGroup,
    ConditionTarget,
    condition_classes,
    condition_share,
    parse_condition,
    projected_classes,
)

#: A municipality of 10 km × 10 km.
MUNI = box(0, 0, 10_000, 10_000)
HA = 10_000.0


def _layer():
    # Six features of 1 ha each (100 × 100 m), one half outside the municipality, and a
    # 1 ha "poor" feature overlapping the "good" one by 0.5 ha.
    geoms = np.array([
        box(0, 0, 100, 100),        # I      good
        box(200, 0, 300, 100),      # II     good
        box(400, 0, 500, 100),      # III    moderate
        box(600, 0, 700, 100),      # IV     poor
        box(800, 0, 900, 100),      # none   not assessed
        box(9950, 0, 10050, 100),   # "V"    poor, half outside: 0.5 ha
        box(50, 0, 150, 100),       # 5      poor, half over the class I feature
    ], dtype=object)
    values = ["I", "II", "moderat", 4, None, "V", 5.0]
    return geoms, values


def test_areas_by_group_from_a_hand_made_layer():
    geoms, values = _layer()
    result = condition_share(geoms, condition_classes(values), MUNI)
    a = result.area_m2
    # poor: IV (1 ha) + V inside (0.5 ha) + the overlapping 5 (1 ha): 2.5 ha; the class I
    # feature keeps only its 0.5 ha not under the poor one.
    assert a[ConditionGroup.POOR] == pytest.approx(2.5 * HA)
    assert a[ConditionGroup.GOOD] == pytest.approx(1.5 * HA)
    assert a[ConditionGroup.MODERATE] == pytest.approx(1.0 * HA)
    assert a[ConditionGroup.NOT_ASSESSED] == pytest.approx(1.0 * HA)
    assert result.total_m2 == pytest.approx(6.0 * HA)  # the union, not the sum (6.5)
    assert result.good_share == pytest.approx(1.5 / 6.0)
    assert result.assessed_share == pytest.approx(5.0 / 6.0)
    assert result.features[ConditionGroup.POOR] == 3


def test_not_assessed_is_never_good():
    geoms = np.array([box(0, 0, 100, 100), box(200, 0, 300, 100)], dtype=object)
    result = condition_share(geoms, condition_classes([None, "ukendt"]), MUNI)
    assert result.good_share == 0.0 and result.area_m2[ConditionGroup.GOOD] == 0.0
    assert result.area_m2[ConditionGroup.NOT_ASSESSED] == pytest.approx(2 * HA)


def test_no_p3_area_is_no_share():
    result = condition_share(np.array([], dtype=object), [], MUNI)
    assert result.good_share is None and result.total_m2 == 0.0


@pytest.mark.parametrize(("value", "expected"), [
    ("I", ConditionClass.I), ("iv", ConditionClass.IV), (" III ", ConditionClass.III),
    (2, ConditionClass.II), ("5", ConditionClass.V), ("god", ConditionClass.II),
    ("Dårlig", ConditionClass.V), ("II (god)", ConditionClass.II), (0, None), (6, None),
    ("", None), (None, None), (True, None), (float("nan"), None), (2.5, None)])
def test_parse_condition(value, expected):
    assert parse_condition(value) is expected


def test_a_restore_candidate_lifts_the_features_it_names():
    geoms, values = _layer()
    ids = ["a", "b", "c", "d", "e", "f", "g"]
    classes = projected_classes(ids, condition_classes(values),
                                {"c": ConditionClass.II, "e": ConditionClass.I,
                                 "a": ConditionClass.III})  # never lowered: a stays I
    result = condition_share(geoms, classes, MUNI)
    assert result.area_m2[ConditionGroup.GOOD] == pytest.approx(3.5 * HA)
    assert result.area_m2[ConditionGroup.NOT_ASSESSED] == 0.0
    target = ConditionTarget("t", "test", 0.75, "hand-made")
    assert result.gap_m2(target) == pytest.approx(0.75 * 6 * HA - 3.5 * HA)
