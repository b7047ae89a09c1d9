"""Issue 4 benchmark: live-ledger update time per edit at full Aalborg scale.

Loads the full-scale sample (~10,000 §3 polygons, dissolved into a ProtectedIndex), places
``--candidates`` candidate areas (a third over existing §3 nature, many overlapping each
other), then times single edits: the ledger update plus ``result()`` (what the dashboard
does after each edit), and, separately, the same edit committed to a GeoPackage project.
Target: < 50 ms per edit. Run by hand (not in CI):

    python benchmarks/bench_ledger.py [--scale 1] [--candidates 300] [--edits 200]
    python benchmarks/bench_ledger.py --synthetic   # 10,000 random polygons, no sample

Prints medians and 95th percentiles in ms as a Markdown block for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import shapely
import shapely.affinity

from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import (
    Candidate,
    CandidateKind,
    move_vertex,
    translate,
    vertices,
)
from naturplan.core.plan.ledger import Ledger
from naturplan.core.plan.plan import CandidatePlan
from naturplan.core.share.protected import ProtectedSource, compute_protected
from naturplan.core.share.targets import DEFAULT_TARGETS
from naturplan.io.project.gpkg_store import GeoPackageStore

KINDS = list(CandidateKind)


def _protected(scale: float, synthetic: bool) -> tuple[Any, Any, Any, int, float]:
    t0 = time.perf_counter()
    if synthetic:
        from naturplan.io.loading import load_municipality

        muni = load_municipality(None, None).geometry
        polys = _random_polygons(muni, 10_000, np.random.default_rng(1), 20, 150)
        share, index = compute_protected(muni, [ProtectedSource("nature_p3", polys)])
        n = len(polys)
    else:
        from naturplan.io.datasets import DatasetRequest, open_dataset

        dataset: Dataset = open_dataset(DatasetRequest(sample_scale=scale))
        muni = dataset.municipality.geometry
        n = sum(len(layer.frame) for layer in dataset.vector(Role.NATURE_P3))
        share, index = dataset.protected(targets=DEFAULT_TARGETS)
    return muni, share, index, n, time.perf_counter() - t0


def _random_polygons(
    muni: Any, n: int, rng: np.random.Generator, rmin: float, rmax: float
) -> np.ndarray:
    minx, miny, maxx, maxy = muni.bounds
    m = n * 4 + 50
    pts = shapely.points(rng.uniform(minx, maxx, m), rng.uniform(miny, maxy, m))
    pts = pts[shapely.contains(muni, pts)][:n]
    radii = rng.uniform(rmin, rmax, len(pts))
    blobs = shapely.buffer(pts, radii, quad_segs=4)
    # irregular: scale each blob along x by a random factor
    return np.array([
        shapely.affinity.scale(b, rng.uniform(0.5, 2.0), 1.0) for b in blobs
    ], dtype=object)


def _candidates(muni: Any, index: Any, n: int, rng: np.random.Generator) -> list[Candidate]:
    blobs = list(_random_polygons(muni, n - n // 3, rng, 150, 500))
    pieces = index.pieces[rng.integers(0, len(index.pieces), n // 3)]
    anchors = shapely.point_on_surface(pieces)
    blobs += list(shapely.buffer(anchors, rng.uniform(100, 400, len(anchors)), quad_segs=4))
    # cluster: every fifth candidate overlaps the previous one
    for i in range(5, len(blobs), 5):
        c = shapely.centroid(blobs[i - 1])
        blobs[i] = shapely.buffer(c, 300, quad_segs=4)
    out = []
    for i, blob in enumerate(blobs):
        c = Candidate.new(KINDS[i % 3], blob, f"k{i}", counts_toward_target=True)
        out.append(replace(c, created=f"2026-01-01T00:00:{i:06d}"))
    return out


def _time(fn: Callable[[], Any], times: list[float]) -> None:
    t0 = time.perf_counter()
    fn()
    times.append((time.perf_counter() - t0) * 1000.0)


def _stats(times: list[float]) -> str:
    return (f"median {statistics.median(times):6.2f} ms, p95 {np.percentile(times, 95):6.2f} ms,"
            f" max {max(times):6.2f} ms")


def bench_ledger(
    muni: Any, share: Any, index: Any, cands: list[Candidate], edits: int,
    rng: np.random.Generator,
) -> dict[str, list[float]]:
    """Time ledger edits (update + result) on the full-scale protected index."""
    ledger = Ledger(muni, index, share)
    t0 = time.perf_counter()
    ledger.reset(cands)
    ledger.result()
    out: dict[str, list[float]] = {"reset (all candidates)": [(time.perf_counter() - t0) * 1e3]}
    by_id = {c.id: c for c in cands}
    ids = list(by_id)
    for name in ("move candidate", "move vertex", "add candidate", "delete candidate"):
        out[name] = []
    for _ in range(edits):
        cid = ids[rng.integers(0, len(ids))]
        c = by_id[cid]
        moved = c.with_changes(geometry=translate(c.geometry, *rng.uniform(-80, 80, 2)))
        _time(lambda m=moved: (ledger.update(m), ledger.result()), out["move candidate"])
        by_id[cid] = moved
        ref, x, y = vertices(moved.geometry)[0]
        try:
            g = move_vertex(moved.geometry, ref, (x + 5.0, y + 5.0))
        except Exception:
            continue
        dragged = moved.with_changes(geometry=g)
        _time(lambda d=dragged: (ledger.update(d), ledger.result()), out["move vertex"])
        by_id[cid] = dragged
    for i in range(edits):
        new = _candidates(muni, index, 3, rng)[i % 3]
        _time(lambda n=new: (ledger.update(n), ledger.result()), out["add candidate"])
        _time(lambda n=new: (ledger.remove(n.id), ledger.result()), out["delete candidate"])
    return out


def bench_baseline(muni: Any, index: Any, cands: list[Candidate], runs: int = 5) -> list[float]:
    """The non-incremental way, same run: union of protected pieces and every candidate,
    clipped to the municipality, recomputed from scratch after an edit."""
    times: list[float] = []
    geoms = np.concatenate([index.pieces, np.array([c.geometry for c in cands], dtype=object)])
    for _ in range(runs):
        _time(lambda: shapely.intersection(shapely.union_all(geoms), muni).area, times)
    return times


def bench_store(cands: list[Candidate], edits: int, rng: np.random.Generator) -> list[float]:
    """Time one committed geometry edit in a GeoPackage project (fsync included)."""
    times: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        with GeoPackageStore(Path(tmp) / "bench.gpkg", author="bench") as store:
            plan = CandidatePlan(store)
            with store.transaction():
                for c in cands:
                    plan.add(c)
            ids = [c.id for c in plan.candidates()]
            for _ in range(edits):
                cid = ids[rng.integers(0, len(ids))]
                g = translate(plan.get(cid).geometry, 10.0, 0.0)
                _time(lambda i=cid, g=g: plan.replace_geometry(i, g), times)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--edits", type=int, default=200)
    parser.add_argument("--synthetic", action="store_true")
    args = parser.parse_args()
    rng = np.random.default_rng(42)
    muni, share, index, n_p3, t_load = _protected(args.scale, args.synthetic)
    cands = _candidates(muni, index, args.candidates, rng)
    results = bench_ledger(muni, share, index, cands, args.edits, rng)
    store_times = bench_store(cands, min(args.edits, 100), rng)
    baseline = bench_baseline(muni, index, cands)
    source = f"sample scale {args.scale:g}"
    if args.synthetic:
        source = "synthetic 10,000 random polygons"
    print(f"### Ledger per edit ({source}; {platform.python_version()}, "
          f"{platform.machine()})\n")
    print(f"- §3 polygons: {n_p3:,}; dissolved pieces: {len(index.pieces):,}; "
          f"protected share {share.share * 100:.2f} %; load + dissolve {t_load:.1f} s")
    print(f"- candidates: {len(cands)} (a third over §3, every fifth overlapping another)")
    for name, times in results.items():
        if len(times) == 1:
            print(f"- {name}: {times[0]:.1f} ms")
        else:
            print(f"- {name} (ledger update + result, n={len(times)}): {_stats(times)}")
    median_edit = statistics.median(results["move candidate"])
    print(f"- baseline, full recompute of the projected union per edit (n={len(baseline)}): "
          f"{_stats(baseline)}; incremental is {statistics.median(baseline) / median_edit:.0f}x "
          f"faster")
    print(f"- geometry edit committed to the GeoPackage (plan.replace_geometry, "
          f"synchronous=FULL, n={len(store_times)}): {_stats(store_times)}")


if __name__ == "__main__":
    main()
