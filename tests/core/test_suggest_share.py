"""The suggested plan's projected share on two cores (issue 23): the larger areas' new parts
measured in a forked child, the rest in this process, give the very share of one process,
and that share is the union's, measured by plain shapely."""

from __future__ import annotations

import os

import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, box

from naturplan.core import forked as forked_module
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.ledger import Ledger
from naturplan.core.share.protected import ProtectedSource, compute_protected
from naturplan.core.share.targets import AALBORG_17
from naturplan.usecases.suggest_share import SplitShare, child_takes, share_of

MUNI = box(0, 0, 10_000, 10_000)  # 100 km²
P3 = [box(1000, 1000, 2000, 2000), box(1500, 1500, 2500, 2500)]  # union 1.75 km²


@pytest.fixture(autouse=True)
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork whenever FORK says so (earlier tests in this process may have run HiGHS)."""
    monkeypatch.setattr(forked_module, "can_fork", lambda alone=False: forked_module.FORK)


def _ledger() -> Ledger:
    share, index = compute_protected(
        MUNI, [ProtectedSource("nature_p3", np.array(P3, dtype=object))],
        targets=(AALBORG_17,))
    return Ledger(MUNI, index, share)


def _ring(x: float, y: float, r: float, n: int) -> Polygon:
    """A polygon of *n* vertices: its size for :func:`child_takes`."""
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return Polygon(np.column_stack([x + r * np.cos(t), y + r * np.sin(t)]))


def _plan() -> list[Candidate]:
    """Areas over §3, over each other, across the municipality's edge, and one corridor
    (which does not count), of very different vertex counts."""
    geoms = [_ring(1800, 1800, 600, 400), box(2200, 2200, 3000, 3000),
             _ring(9900, 5000, 300, 200), box(4000, 4000, 4100, 4100),
             _ring(2600, 2600, 500, 60), box(6000, 6000, 6500, 6200)]
    made = [Candidate.new("lowland", g, f"Forslag {k}") for k, g in enumerate(geoms)]
    made.insert(3, Candidate.new("connectivity", box(7000, 7000, 8000, 8000), "Korridor"))
    return made


def _by_shapely(plan: list[Candidate]) -> float:
    counting = [c.geometry for c in plan if c.counts_toward_target]
    union = shapely.intersection(shapely.union_all([*P3, *counting]), MUNI)
    return float(union.area / MUNI.area)


def test_the_child_takes_the_largest_areas_first_up_to_its_part() -> None:
    plan = [c for c in _plan() if c.counts_toward_target]
    sizes = [shapely.get_num_coordinates(c.geometry) for c in plan]  # 401 5 201 5 61 5
    assert sizes == [401, 5, 201, 5, 61, 5]
    assert child_takes(plan, 0.5).tolist() == [True, False, False, False, False, False]
    assert child_takes(plan, 0.7).tolist() == [True, False, True, False, False, False]
    assert child_takes(plan, 0.9).tolist() == [True, False, True, False, True, False]
    assert not child_takes(plan, 0.0).any() and child_takes(plan, 1.0).all()


@pytest.mark.parametrize("part", [0.3, 0.7, 1.0])
def test_the_share_on_two_cores_is_the_share_on_one_and_shapelys(
        monkeypatch: pytest.MonkeyPatch, part: float) -> None:
    plan = _plan()
    monkeypatch.setattr(forked_module, "FORK", False)
    one = share_of(_ledger(), plan)
    monkeypatch.setattr(forked_module, "FORK", True)
    monkeypatch.setattr("naturplan.usecases.suggest_share.CHILD_PART", part)
    pending = SplitShare(_ledger(), plan)
    assert pending.forked
    two = pending.result()
    assert two == one  # to the bit
    assert two == pytest.approx(_by_shapely(plan), rel=1e-12)
    assert two > (1.75e6 + 0.01e6) / 1e8  # more than §3 and the smallest area alone


def test_a_failed_child_gives_the_same_share_here(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _plan()
    monkeypatch.setattr(forked_module, "FORK", False)
    one = share_of(_ledger(), plan)
    monkeypatch.setattr(forked_module, "FORK", True)
    ledger = _ledger()
    parent, real = os.getpid(), ledger.fresh_parts

    def dies_in_the_child(candidates):
        if os.getpid() != parent:
            os._exit(3)
        return real(candidates)

    monkeypatch.setattr(ledger, "fresh_parts", dies_in_the_child)
    pending = SplitShare(ledger, plan)
    assert pending.forked and pending.result() == one
