"""The ledger's numbers do not depend on the process's hash seed (issue 23: ``share_after``
moved in its 17th digit from run to run).

A candidate's gain is its fresh part less the union of the earlier candidates' fresh parts
near it. GEOS's union of many polygons follows their order where their envelopes' centres tie
(polygons on one line), and the earlier candidates used to come from a set of ids, whose order
follows ``PYTHONHASHSEED``. Each run below is a new interpreter under its own seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import shapely
from shapely import affinity
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate, ids_in_order
from naturplan.core.plan.ledger import Ledger
from naturplan.core.share.protected import ProtectedSource, compute_protected
from naturplan.core.share.targets import AALBORG_17

ROOT = Path(__file__).resolve().parents[2]
MUNI = box(0, 0, 10_000, 10_000)
P3 = [box(6000, 6000, 7000, 7000)]
#: Thirteen rectangles of 160 x 120 m turned about their centres, all centres on 150 m of the line
#: x = 2,000 m: each overlaps several others, and their envelopes' centres tie in x.
COUNT = 13


def candidates() -> list[Candidate]:
    rng = np.random.default_rng(3)
    out = []
    for k in range(COUNT):
        y = 2000.0 + float(rng.uniform(0, 150))
        g = affinity.rotate(box(1920, y - 60, 2080, y + 60), float(rng.uniform(0, 90)),
                            origin=(2000.0, y))
        c = Candidate.new("lowland", g)
        out.append(c.__class__(**{**c.__dict__, "id": f"c{k:02d}",
                                  "created": f"2026-01-{k + 1:02d}T00:00:00.000Z"}))
    return out


def ledger_numbers() -> dict[str, str]:
    """Every candidate's gain and the projected area, as exact hexadecimal floats."""
    share, index = compute_protected(MUNI, [ProtectedSource("nature_p3",
                                                            np.array(P3, dtype=object))],
                                     targets=(AALBORG_17,))
    ledger = Ledger(MUNI, index, share)
    ledger.reset(candidates())
    result = ledger.result()
    numbers = {i: float(g).hex() for i, g in result.gain_m2_by_candidate.items()}
    numbers["area"] = float(result.area_m2).hex()
    return numbers


def _under_seed(seed: int) -> dict[str, str]:
    code = ("import json, sys; sys.path.insert(0, 'tests/core'); "
            "from test_ledger_order import ledger_numbers; print(json.dumps(ledger_numbers()))")
    env = {**os.environ, "PYTHONHASHSEED": str(seed), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True, timeout=120)
    numbers: dict[str, str] = json.loads(out.stdout)
    return numbers


def test_the_gains_are_bit_identical_under_every_hash_seed() -> None:
    runs = [_under_seed(seed) for seed in range(8)]
    assert all(run == runs[0] for run in runs), [r["area"] for r in runs]
    # and they are the gains plain shapely gives, the earlier candidates taking the overlap
    cands = candidates()
    for k, c in enumerate(cands):
        earlier = shapely.union_all([d.geometry for d in cands[:k]]) if k else None
        expected = c.geometry.area if earlier is None else c.geometry.difference(earlier).area
        assert abs(float.fromhex(runs[0][c.id]) - expected) <= 1e-6 * c.geometry.area
    union = shapely.union_all([c.geometry for c in cands] + P3)
    assert abs(float.fromhex(runs[0]["area"]) - union.area) <= 1e-6 * union.area


def test_ids_made_at_once_are_new_uuid4s_that_sort_in_the_made_order() -> None:
    import uuid

    for _ in range(20):
        ids = ids_in_order(300)
        assert sorted(ids) == ids
        assert len(set(ids)) == 300
        assert all(uuid.UUID(i).version == 4 and str(uuid.UUID(i)) == i for i in ids)
    assert ids_in_order(3)[0] != ids_in_order(3)[0]  # a new random base each time


def test_an_overlap_between_candidates_made_at_once_goes_to_the_first_made() -> None:
    """Candidates made at once share their created time (the store stamps them together), so
    the ledger's order among them is their ids': made with :func:`ids_in_order`, the first
    made takes the overlap every time (with independent uuid4s, a coin toss per pair; 12
    pairs)."""
    share, index = compute_protected(MUNI, [ProtectedSource("nature_p3",
                                                            np.array(P3, dtype=object))],
                                     targets=(AALBORG_17,))
    ledger = Ledger(MUNI, index, share)
    for _ in range(12):
        first, second = box(1000, 1000, 1100, 1100), box(1050, 1000, 1200, 1100)
        made = [replace(Candidate.new("lowland", g), id=i, created="2026-01-01T00:00:00.000Z")
                for g, i in zip((first, second), ids_in_order(2), strict=True)]
        ledger.reset(made)
        gains = ledger.result().gain_m2_by_candidate
        assert gains[made[0].id] == first.area == 10_000.0
        assert gains[made[1].id] == second.difference(first).area == 10_000.0
