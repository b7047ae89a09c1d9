"""Across the border (issue 25 item 3): two hand-made municipalities side by side, a §3 patch
on each side of the border and a corridor candidate between them."""

from __future__ import annotations

import numpy as np
from shapely.geometry import Point, box

from naturplan.core.analysis.access import AccessIndex
from naturplan.core.analysis.border import joined_municipalities, plan_area
from naturplan.core.analysis.connectivity import ConnectivityNetwork

WEST = box(0, 0, 5000, 5000)  # municipality A
EAST = box(5000, 0, 10_000, 5000)  # municipality B
PATCH_A = box(4500, 2000, 4900, 2400)  # 100 m west of the border
PATCH_B = box(5100, 2000, 5500, 2400)  # 100 m east of it
CORRIDOR = box(4850, 2150, 5150, 2250)  # overlaps both patches


def test_a_corridor_joins_patches_in_two_municipalities_on_the_plan_area():
    patches = np.array([PATCH_A, PATCH_B], dtype=object)
    network = ConnectivityNetwork.of_polygons(patches, plan_area([WEST, EAST]))
    assert network.indices.patches == 2
    assert network.indices.habitat_m2 == 2 * 400 * 400  # neither patch cut at the border
    change = network.candidate(CORRIDOR)
    assert len(change.joins) == 2
    assert joined_municipalities(network, change, {"A": WEST, "B": EAST}) == ("A", "B")


def test_cut_at_the_border_the_other_side_is_lost():
    """The same on municipality A alone: B's patch is outside the landscape (what the plan
    area avoids)."""
    patches = np.array([PATCH_A, PATCH_B], dtype=object)
    network = ConnectivityNetwork.of_polygons(patches, WEST)
    assert network.indices.patches == 1
    change = network.candidate(CORRIDOR)
    assert joined_municipalities(network, change, {"A": WEST, "B": EAST}) == ("A",)


def test_nature_across_the_border_is_nature_near_home():
    """An address in A 200 m from the border has B's patch 300 m away (and A's none within
    300 m): access counts it."""
    address = np.array([Point(4800, 1500), Point(1000, 1000)], dtype=object)
    index = AccessIndex(address, np.array([box(5100, 1400, 5500, 1600)], dtype=object))
    assert index.now().reached == (1.0, 1.0)  # the first, at exactly 300 m; not the second
