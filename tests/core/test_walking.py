"""Walking distance to nature on a road network (issue 25 item 2, the option): hand-made
streets whose walking distances are measured by hand."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, box

from naturplan.core.analysis.access import AccessIndex, AccessLedger, network_access
from naturplan.core.analysis.walking import RoadNetwork
from naturplan.core.plan.candidates import Candidate, CandidateKind

#: A square of nature; a spur leaves its top edge at (50, 100) north to a street at y = 190,
#: which runs from x = 0 to x = 400 and is split at its junctions (as vejmidter are); a side
#: street runs south from (310, 190) to (310, 0).
NATURE = box(0, 0, 100, 100)
ROADS = [
    LineString([(50, 100), (50, 190)]),
    LineString([(0, 190), (50, 190)]),
    LineString([(50, 190), (310, 190)]),
    LineString([(310, 190), (400, 190)]),
    LineString([(310, 190), (310, 0)]),
]
#: name: (point, straight distance, walking distance), each measured by hand on the drawing.
ADDRESSES = {
    # 200 m straight east of the square, 10 m from the side street: 10 + 140 + 260 + 90.
    "A": (Point(300, 50), 200.0, 500.0),
    # On the spur: 50 m along it.
    "B": (Point(50, 150), 50.0, 50.0),
    # 10 m north of the street: 10 + 150 along it + 90 down the spur.
    "C": (Point(200, 200), float(np.hypot(100, 100)), 250.0),
    # 20 m from the square, 86 m from any road: the garden gate, straight.
    "D": (Point(120, 50), 20.0, 20.0),
    # 80 m west of... the side street: 80 + 140 + 260 + 90.
    "E": (Point(390, 50), 290.0, 570.0),
    # Beyond 1 km both ways.
    "F": (Point(1500, 50), 1400.0, float("inf")),
}
POINTS = np.array([a[0] for a in ADDRESSES.values()], dtype=object)
NAMES = list(ADDRESSES)


def _walking() -> AccessIndex:
    return network_access(POINTS, np.array([NATURE], dtype=object), np.array(ROADS))


def test_the_hand_made_streets_walk_as_measured_by_hand() -> None:
    index = _walking()
    expected = np.array([a[2] for a in ADDRESSES.values()])
    assert np.allclose(index.baseline, expected, atol=1e-6, equal_nan=False)
    # The straight index of the same addresses, checked against shapely.
    straight = AccessIndex(POINTS, np.array([NATURE], dtype=object))
    plain = shapely.distance(POINTS, NATURE)
    assert np.allclose(straight.baseline[plain <= 1000], plain[plain <= 1000])


def test_200_m_straight_but_500_m_walking_is_within_300_m_straight_only() -> None:
    walking = _walking().now()
    straight = AccessIndex(POINTS, np.array([NATURE], dtype=object)).now()
    reached_straight = [n for n, a in ADDRESSES.items() if a[1] <= 300]
    reached_walking = [n for n, a in ADDRESSES.items() if a[2] <= 300]
    assert "A" in reached_straight and "A" not in reached_walking
    assert straight.reached[0] == len(reached_straight) == 5
    assert walking.reached[0] == len(reached_walking) == 3
    assert walking.reached[1] == 5  # A and E within 1 km walking


def test_a_candidate_on_the_side_street_brings_a_and_e_within_300_m_walking() -> None:
    index = _walking()
    # Across the side street 50 m north of A: A walks 10 + 50, E 80 + 50.
    candidate = Candidate.new(CandidateKind.CONNECTIVITY, box(300, 100, 320, 120), "c")
    idx, dist = index.near(candidate.geometry)
    got = dict(zip((NAMES[i] for i in idx), dist, strict=True))
    assert got["A"] == pytest.approx(60.0) and got["E"] == pytest.approx(130.0)
    gain = index.gain(candidate.geometry)
    assert gain.addresses[0] == 2  # A and E: not within 300 m walking today
    ledger = AccessLedger(index)
    ledger.reset([candidate])
    assert ledger.result().reached[0] == 5


def test_lines_that_share_an_end_meet_and_a_crossing_without_one_does_not() -> None:
    net = RoadNetwork(np.array([LineString([(0, 0), (100, 0)]), LineString([(100, 0), (100, 50)]),
                                LineString([(50, -50), (50, 50)])], dtype=object))
    from scipy.sparse.csgraph import connected_components

    count, labels = connected_components(net.graph, directed=False)
    assert count == 2  # the bridge at x = 50 crosses without a shared vertex
    assert np.isclose(net.lengths.sum(), 100 + 50 + 100)


def test_without_roads_every_address_falls_back_to_the_straight_line() -> None:
    index = network_access(POINTS, np.array([NATURE], dtype=object), np.empty(0, dtype=object))
    plain = shapely.distance(POINTS, NATURE)
    expected = np.where(plain <= 1000, plain, np.inf)
    assert np.allclose(index.baseline, expected)


def test_the_distance_setting_is_straight_or_network_and_round_trips() -> None:
    from naturplan.core.analysis.access import AccessSettings

    walking = AccessSettings(distance="network")
    assert AccessSettings.from_mapping(walking.as_dict()) == walking
    assert AccessSettings.from_mapping({"roles": ["forest"]}).distance == "straight"
    with pytest.raises(ValueError):
        AccessSettings.from_mapping({"distance": "bus"})
    assert "forest" in AccessSettings().roles  # forest counts by default where it is loaded
