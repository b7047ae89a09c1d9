"""The live ledger against plain shapely: union not sum, incremental equals from scratch."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate, CandidateStatus, translate
from naturplan.core.plan.ledger import Ledger
from naturplan.core.share.protected import ProtectedSource, compute_protected
from naturplan.core.share.targets import AALBORG_17, NATIONAL_20

MUNI = box(0, 0, 10_000, 10_000)  # 100 km²
P3 = [box(1000, 1000, 2000, 2000), box(1500, 1500, 2500, 2500)]  # union 1.75 km²


def _ledger() -> Ledger:
    share, index = compute_protected(
        MUNI, [ProtectedSource("nature_p3", np.array(P3, dtype=object))],
        targets=(AALBORG_17, NATIONAL_20),
    )
    return Ledger(MUNI, index, share)


def _cand(kind: str, geom: shapely.Geometry, created: str, **kw: object) -> Candidate:
    c = Candidate.new(kind, geom, created, **kw)  # type: ignore[arg-type]
    return c.__class__(**{**c.__dict__, "created": created})


def _expected(cands: list[Candidate]) -> float:
    counting = [c.geometry for c in cands
                if c.counts_toward_target and c.status is not CandidateStatus.REJECTED]
    union = shapely.union_all(P3 + counting)
    return float(shapely.intersection(union, MUNI).area)


def test_hand_made_case_with_known_numbers() -> None:
    ledger = _ledger()
    # a: 1 km² lowland, a quarter over §3 (the square 1500–2000 × 1000–1500 is §3)
    a = _cand("lowland", box(1500, 500, 2500, 1500), "2026-01-01")
    # b: 1 km² forest overlapping a by 0.25 km² and nothing else
    b = _cand("afforestation", box(2000, 0, 3000, 1000), "2026-01-02")
    # c: corridor (does not count by default) and d: rejected lowland
    c = _cand("connectivity", box(5000, 5000, 6000, 6000), "2026-01-03")
    d = _cand("lowland", box(7000, 7000, 8000, 8000), "2026-01-04", status="rejected")
    # e: half outside the municipality
    e = _cand("lowland", box(-500, 9000, 500, 10_000), "2026-01-05")
    for cand in (a, b, c, d, e):
        ledger.update(cand)
    r = ledger.result()
    a_gain = 1_000_000 - 250_000  # minus §3 overlap (1500–2000 × 1000–1500)
    b_gain = 1_000_000 - 250_000  # minus a (2000–2500 × 500–1000); a is earlier
    e_gain = 500_000
    assert r.gain_m2_by_candidate == {a.id: pytest.approx(a_gain), b.id: pytest.approx(b_gain),
                                      e.id: pytest.approx(e_gain)}
    assert r.gain_m2_by_kind == {"lowland": pytest.approx(a_gain + e_gain),
                                 "afforestation": pytest.approx(b_gain), "connectivity": 0.0,
                                 "restore": 0.0}
    assert r.current_area_m2 == pytest.approx(1_750_000)
    assert r.area_m2 == pytest.approx(1_750_000 + a_gain + b_gain + e_gain)
    assert r.area_m2 == pytest.approx(_expected([a, b, c, d, e]))
    assert r.share == pytest.approx(r.area_m2 / 100_000_000)
    assert r.count == 3
    g17 = r.gaps[0]
    assert g17.target is AALBORG_17
    assert g17.current.gap_m2 == pytest.approx(17_000_000 - 1_750_000)
    assert g17.projected.gap_m2 == pytest.approx(17_000_000 - r.area_m2)


def test_earlier_candidate_gets_the_overlap() -> None:
    ledger = _ledger()
    late = _cand("afforestation", box(4000, 4000, 5000, 5000), "2026-02-01")
    early = _cand("lowland", box(4500, 4000, 5500, 5000), "2026-01-01")
    ledger.update(late)
    ledger.update(early)  # added later, but created earlier: it keeps the overlap
    r = ledger.result()
    assert r.gain_m2_by_candidate[early.id] == pytest.approx(1_000_000)
    assert r.gain_m2_by_candidate[late.id] == pytest.approx(500_000)
    assert sum(r.gain_m2_by_kind.values()) == pytest.approx(r.gain_m2)


def test_incremental_edits_equal_a_fresh_computation() -> None:
    rng = np.random.default_rng(7)
    ledger = _ledger()
    cands: dict[str, Candidate] = {}
    kinds = ["lowland", "afforestation", "connectivity"]
    for step in range(120):
        action = rng.integers(0, 4)
        if action == 0 and cands:
            cid = list(cands)[rng.integers(0, len(cands))]
            del cands[cid]
            ledger.remove(cid)
        elif action == 1 and cands:
            cid = list(cands)[rng.integers(0, len(cands))]
            x, y = rng.uniform(-500, 9500, 2)
            moved = cands[cid].with_changes(geometry=box(x, y, x + 800, y + 600))
            cands[cid] = moved
            ledger.update(moved)
        elif action == 2 and cands:
            cid = list(cands)[rng.integers(0, len(cands))]
            flipped = cands[cid].with_changes(
                counts_toward_target=not cands[cid].counts_toward_target)
            cands[cid] = flipped
            ledger.update(flipped)
        else:
            x, y = rng.uniform(0, 3000, 2)  # crowd them near the §3 squares
            c = _cand(kinds[step % 3], box(x, y, x + 900, y + 700), f"2026-03-{step:03d}",
                      counts_toward_target=True)
            cands[c.id] = c
            ledger.update(c)
        r = ledger.result()
        assert r.area_m2 == pytest.approx(_expected(list(cands.values())), rel=1e-9, abs=1e-3)
        assert sum(r.gain_m2_by_kind.values()) == pytest.approx(r.gain_m2, abs=1e-3)
    fresh = _ledger()
    fresh.reset(cands.values())
    assert fresh.result().gain_m2_by_candidate == pytest.approx(
        ledger.result().gain_m2_by_candidate)


def test_candidate_inside_protected_area_gains_nothing() -> None:
    ledger = _ledger()
    inside = _cand("lowland", box(1100, 1100, 1400, 1400), "2026-01-01")
    ledger.update(inside)
    r = ledger.result()
    assert r.gain_m2 == 0.0 and r.area_m2 == pytest.approx(1_750_000) and r.count == 1


def test_ledger_follows_a_plan(tmp_path: object) -> None:
    from pathlib import Path

    from naturplan.core.plan.plan import CandidatePlan
    from naturplan.io.project.gpkg_store import GeoPackageStore

    with GeoPackageStore(Path(str(tmp_path)) / "p.gpkg", author="t") as store:
        plan = CandidatePlan(store)
        ledger = _ledger()
        ledger.follow(plan)
        a = plan.add(Candidate.new("lowland", box(5000, 5000, 6000, 6000), "A")).after[0]
        assert ledger.result().gain_m2 == pytest.approx(1_000_000)
        plan.update(a.id, status="rejected")
        assert ledger.result().gain_m2 == 0.0
        plan.update(a.id, status="adopted", geometry=box(5000, 5000, 5500, 6000))
        assert ledger.result().gain_m2 == pytest.approx(500_000)
        change = plan.delete(a.id)
        assert ledger.result().count == 0
        plan.revert(change)
        assert ledger.result().gain_m2 == pytest.approx(500_000)


def test_batch_edits_equal_a_fresh_computation() -> None:
    """``apply_edit`` with many candidates at once (an import, a multi-delete, an undo of
    either) gives the same numbers as plain shapely and as one-by-one updates."""
    rng = np.random.default_rng(11)
    cands: dict[str, Candidate] = {}
    ledger, single = _ledger(), _ledger()
    for step in range(6):
        new = []
        for i in range(40):
            x, y = rng.uniform(-500, 9500, 2)
            new.append(_cand(("lowland", "afforestation")[i % 2], box(x, y, x + 700, y + 500),
                             f"2026-04-{step:02d}-{i:03d}"))
        ledger.apply_edit(removed=(), current=new)  # import 40
        for c in new:
            single.update(c)
            cands[c.id] = c
        gone = list(cands)[::3]  # delete a third, moving two others, in one edit
        moved = [cands[i].with_changes(geometry=translate(cands[i].geometry, 300, 200))
                 for i in list(cands)[1:3]]
        ledger.apply_edit(removed=gone, current=moved)
        for cid in gone:
            single.remove(cid)
            del cands[cid]
        for c in moved:
            single.update(c)
            cands[c.id] = c
        r = ledger.result()
        assert r.area_m2 == pytest.approx(_expected(list(cands.values())), rel=1e-9, abs=1e-3)
        assert r.gain_m2_by_candidate == pytest.approx(single.result().gain_m2_by_candidate)


def test_one_event_per_transaction(tmp_path: object) -> None:
    """Issue 8: importing or deleting N candidates is one ``committed`` event, not N."""
    from pathlib import Path

    from naturplan.core.plan.plan import CandidatePlan
    from naturplan.io.project.gpkg_store import GeoPackageStore

    with GeoPackageStore(Path(str(tmp_path)) / "p.gpkg", author="t") as store:
        plan = CandidatePlan(store)
        ledger = _ledger()
        ledger.follow(plan)
        events: list[object] = []
        plan.committed.connect(events.append)
        batch = [Candidate.new("lowland", box(x, 5000, x + 50, 5050), f"c{x}")
                 for x in range(0, 10_000, 100)]
        change = plan.add_many(batch, details=[{"fid": i} for i in range(len(batch))])
        assert len(events) == 1 and events[0] is change and len(change.added) == 100
        assert ledger.result().gain_m2 == pytest.approx(100 * 2500)  # none over §3
        assert [r.details["fid"] for r in store.audit() if r.action == "import"] == list(
            range(100))
        deleted = plan.apply_states(plan.candidates(), [], "delete")
        assert len(events) == 2 and len(deleted.removed) == 100 and len(plan) == 0
        assert ledger.result().count == 0
        plan.revert(deleted)
        assert len(events) == 3 and ledger.result().gain_m2 == pytest.approx(100 * 2500)
        ledger.unfollow()
        plan.apply_states(plan.candidates(), [], "delete")
        assert ledger.result().count == 100  # no longer following
