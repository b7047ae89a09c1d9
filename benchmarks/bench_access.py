"""Issue 25 benchmark: access to nature near home on the full sample, per edit.

Loads the full-scale sample (its ~63,000 synthetic addresses and ~10,000 §3 polygons), measures
today's access once (one STRtree query of every address), places ``--candidates`` candidate
areas and times single edits of the plan's access ledger: ``AccessLedger.apply_edit`` plus
``result()`` (what the dashboard does after each edit) and the candidate's own gain. Target:
< 50 ms per edit. Checks the ledger against plain shapely (distance of every address to the
union of §3 and the candidates) at the end. Run by hand (not in CI):

    python benchmarks/bench_access.py [--scale 1] [--candidates 300] [--edits 200]
                                      [--distance straight|network]

With ``--distance network`` the distances are walked on the sample's synthetic roads
(:mod:`naturplan.core.analysis.walking`) and the check is a fresh walking index over today's
nature and every candidate at once (every address's distance from scratch, not per edit).

Prints medians and 95th percentiles in ms as a Markdown block for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import shapely

from naturplan.core.analysis.access import AccessLedger, AccessSettings, dataset_access
from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import (
    Candidate,
    CandidateKind,
    move_vertex,
    translate,
    vertices,
)

KINDS = list(CandidateKind)


def _time(fn: Callable[[], Any], times: list[float]) -> None:
    t0 = time.perf_counter()
    fn()
    times.append((time.perf_counter() - t0) * 1000.0)


def _stats(times: list[float]) -> str:
    return (f"median {statistics.median(times):6.2f} ms | p95 "
            f"{np.percentile(times, 95):6.2f} ms | max {max(times):6.2f} ms")


def _candidates(index: Any, n: int, rng: np.random.Generator) -> list[Candidate]:
    """Blobs of 150-500 m around random addresses (where access changes most)."""
    at = index.points[rng.integers(0, len(index.points), n)]
    blobs = shapely.buffer(at, rng.uniform(150, 500, n), quad_segs=4)
    return [Candidate.new(KINDS[i % 3], b, f"k{i}") for i, b in enumerate(blobs)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--distance", choices=("straight", "network"), default="straight")
    args = parser.parse_args()
    from naturplan.io.datasets import DatasetRequest, open_dataset

    t0 = time.perf_counter()
    dataset = open_dataset(DatasetRequest(sample_scale=args.scale))
    t_open = time.perf_counter() - t0
    t0 = time.perf_counter()
    settings = AccessSettings(distance=args.distance)
    index = dataset_access(dataset, settings)
    t_index = time.perf_counter() - t0
    assert index is not None
    rng = np.random.default_rng(25)
    cands = _candidates(index, args.candidates, rng)
    ledger = AccessLedger(index)
    t0 = time.perf_counter()
    ledger.reset(cands)
    ledger.result()
    t_reset = time.perf_counter() - t0
    by_id = {c.id: c for c in cands}
    ids = list(by_id)
    out: dict[str, list[float]] = {k: [] for k in (
        "move a candidate", "move a vertex", "add a candidate", "delete a candidate")}
    for _ in range(args.edits):
        cid = ids[rng.integers(0, len(ids))]
        c = by_id[cid]
        moved = c.with_changes(geometry=translate(c.geometry, *rng.uniform(-80, 80, 2)))
        _time(lambda m=moved: (ledger.apply_edit((), [m]), ledger.result(),
                               ledger.gain(m.id)), out["move a candidate"])
        ref, x, y = vertices(moved.geometry)[0]
        dragged = moved.with_changes(geometry=move_vertex(moved.geometry, ref, (x + 5, y + 5)))
        _time(lambda d=dragged: (ledger.apply_edit((), [d]), ledger.result()),
              out["move a vertex"])
        by_id[cid] = dragged
    for _ in range(args.edits):
        new = _candidates(index, 1, rng)[0]
        _time(lambda n=new: (ledger.apply_edit((), [n]), ledger.result()),
              out["add a candidate"])
        by_id[new.id] = new
        gone = ids.pop(int(rng.integers(0, len(ids))))
        _time(lambda g=gone: (ledger.apply_edit([g], ()), ledger.result()),
              out["delete a candidate"])
        del by_id[gone]
        ids.append(new.id)
    # the check: every address's distance to everything at once, from scratch
    nature = [layer.frame.geometry.to_numpy() for role in (Role.NATURE_P3, Role.FOREST)
              for layer in dataset.vector(role)]
    everything = np.concatenate([*nature, [c.geometry for c in by_id.values()]])
    if args.distance == "network":
        from naturplan.core.analysis.access import AccessIndex

        assert index.roads is not None
        fresh = AccessIndex(index.points, everything, None, index.distances_m, index.roads)
        dist = fresh.baseline
    else:
        dist = shapely.distance(index.points, shapely.union_all(everything))
    expected = tuple(float((dist <= d).sum()) for d in index.distances_m)
    got = ledger.result().reached
    now = index.now()
    print(f"distance: {args.distance}")
    print(f"addresses {now.addresses:,}; open {t_open:.1f} s; today's access (one STRtree "
          f"query) {t_index * 1000:.0f} ms; reset with {args.candidates} candidates "
          f"{t_reset * 1000:.0f} ms")
    print(f"today: {now.shares[0]:.4f} within 300 m, {now.shares[1]:.4f} within 1 km; "
          f"with the plan {got[0] / now.total:.4f}, {got[1] / now.total:.4f}")
    print(f"check against plain shapely: ledger {got}, expected {expected}, "
          f"{'equal' if got == expected else 'DIFFERENT'}")
    print("\n| edit | median | p95 | max |\n|---|---|---|---|")
    for name, times in out.items():
        print(f"| {name} | " + _stats(times) + " |")


if __name__ == "__main__":
    main()
