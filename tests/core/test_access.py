"""Access to nature near home (issue 25 item 2): hand-made addresses at known distances."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
import shapely
from shapely.geometry import Point, box

from naturplan.core.analysis.access import (
    AccessIndex,
    AccessLedger,
    AccessSettings,
    access_for,
)
from naturplan.core.plan.candidates import Candidate, CandidateStatus, translate

#: A square of nature, 100 × 100 m, at the origin.
SQUARE = box(0, 0, 100, 100)
#: Ten addresses east of the square at these distances from its edge (one inside it).
DISTANCES = (0.0, 100.0, 200.0, 299.0, 300.0, 301.0, 500.0, 999.0, 1000.0, 1500.0)


def _addresses() -> np.ndarray:
    # d = 0 is inside the square; the others lie on y = 50, d metres east of x = 100.
    return np.array([Point(50, 50)] + [Point(100 + d, 50) for d in DISTANCES[1:]],
                    dtype=object)


def test_today_counts_exactly_the_addresses_within_each_distance() -> None:
    index = AccessIndex(_addresses(), np.array([SQUARE], dtype=object))
    now = index.now()
    assert now.addresses == 10 and now.total == 10 and not now.weighted
    assert now.reached == (5.0, 9.0)  # 0, 100, 200, 299, 300 m | and 301, 500, 999, 1000 m
    assert now.shares == (0.5, 0.9)
    assert np.isinf(index.baseline[-1])  # 1,500 m: beyond, not a distance


def test_a_candidate_that_brings_four_more_within_300_m_says_plus_four() -> None:
    index = AccessIndex(_addresses(), np.array([SQUARE], dtype=object))
    # x 600..900: 199 m from the 301-m address (x 401), 0 from x 600, 199 and 200 from x 1099
    # and 1100; 700 m from x 1600 (today beyond 1 km); the addresses within 300 m today
    # (x ≤ 400) are not counted again.
    gain = index.gain(box(600, 0, 900, 100))
    assert gain.addresses == (4, 1)
    assert gain.weighted == (4.0, 1.0)


def test_residents_are_counted_where_a_count_is_given() -> None:
    residents = np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, np.nan])
    index = AccessIndex(_addresses(), np.array([SQUARE], dtype=object), residents)
    now = index.now()
    assert now.weighted and now.total == 45 and index.unknown_weights == 1
    assert now.reached == (15.0, 45.0)  # 1+2+3+4+5 | + 6+7+8+9
    gain = index.gain(box(600, 0, 900, 100))
    assert gain.weighted == (6 + 7 + 8 + 9, 0.0)  # the 1,500-m address has no count


def test_no_addresses_is_no_share() -> None:
    index = AccessIndex(np.array([], dtype=object), np.array([SQUARE], dtype=object))
    assert index.now().shares == (None, None)


def _expected(points: np.ndarray, geoms: list[shapely.Geometry]) -> tuple[float, float]:
    """Plain shapely: each address's distance to the union of everything accessible."""
    union = shapely.union_all(geoms)
    dist = shapely.distance(points, union)
    return float((dist <= 300).sum()), float((dist <= 1000).sum())


def test_the_plan_counts_each_address_once_and_follows_edits() -> None:
    rng = np.random.default_rng(25)
    points = shapely.points(rng.uniform(-3000, 3000, (2000, 2)))
    index = AccessIndex(points, np.array([SQUARE], dtype=object))
    ledger = AccessLedger(index)
    a = Candidate.new("afforestation", box(600, 0, 900, 100))
    b = Candidate.new("lowland", box(700, 50, 1500, 400))  # overlaps a's reach
    c = Candidate.new("connectivity", box(-2000, -2000, -1500, -1200))
    ledger.reset([a, b, c])
    assert ledger.result().reached == _expected(points, [SQUARE, a.geometry, b.geometry,
                                                         c.geometry])
    moved = replace(b, geometry=translate(b.geometry, 1000, 1000))
    ledger.apply_edit([c.id], [moved])  # c deleted, b moved: only their addresses touched
    assert ledger.result().reached == _expected(points, [SQUARE, a.geometry, moved.geometry])
    rejected = replace(a, status=CandidateStatus.REJECTED)
    ledger.apply_edit([], [rejected])  # a rejected candidate is not nature near home
    assert ledger.gain(a.id) is None
    assert ledger.result().reached == _expected(points, [SQUARE, moved.geometry])
    d300 = shapely.distance(points, moved.geometry) <= 300
    today = shapely.distance(points, SQUARE) <= 300
    assert ledger.gain(moved.id).addresses[0] == int((d300 & ~today).sum())


def test_candidates_count_only_when_the_setting_says_so() -> None:
    cand = Candidate.new("afforestation", box(600, 0, 900, 100))
    _, ledger = access_for(_addresses(), [SQUARE], [cand],
                           settings=AccessSettings(roles=("nature_p3",)))
    assert ledger.result().reached == (5.0, 9.0) and ledger.gain(cand.id) is None


@pytest.mark.parametrize("stored", [{"distances_m": [0]}, {"distances_m": "300"},
                                    {"roles": "nature_p3"}, {"distances_m": [True]}])
def test_settings_of_the_wrong_kind_are_refused(stored: dict[str, object]) -> None:
    with pytest.raises((TypeError, ValueError)):
        AccessSettings.from_mapping(stored)


def test_settings_round_trip() -> None:
    s = AccessSettings(("nature_p3", "natura2000"), (500.0, 250.0))
    back = AccessSettings.from_mapping(s.as_dict())
    assert back.roles == ("nature_p3", "natura2000") and back.distances_m == (250.0, 500.0)
