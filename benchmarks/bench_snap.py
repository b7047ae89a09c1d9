"""Issue 4 benchmark: building the snap index and snapping queries at full Aalborg scale.

    python benchmarks/bench_snap.py [--scale 1] [--queries 2000]

Queries are random cursor positions inside the municipality with an 8 px tolerance at
1:5,000 (about 11 m on a 96 dpi screen) and at 1:25,000 (about 53 m).
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np
import shapely

from naturplan.core.layers.roles import Role
from naturplan.core.plan.snapping import SnapIndex
from naturplan.io.datasets import DatasetRequest, open_dataset


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--queries", type=int, default=2000)
    args = parser.parse_args()
    dataset = open_dataset(DatasetRequest(sample_scale=args.scale))
    parcels = dataset.vector(Role.PARCELS)[0].frame.geometry.to_numpy()
    nature = dataset.vector(Role.NATURE_P3)[0].frame.geometry.to_numpy()
    t0 = time.perf_counter()
    index = SnapIndex({"parcels": parcels, "nature_p3": nature})
    build = time.perf_counter() - t0
    rng = np.random.default_rng(1)
    minx, miny, maxx, maxy = dataset.municipality.geometry.bounds
    pts = rng.uniform([minx, miny], [maxx, maxy], size=(args.queries * 3, 2))
    inside = shapely.contains_xy(dataset.municipality.geometry, pts[:, 0], pts[:, 1])
    pts = pts[inside][: args.queries]
    print(f"parcels {len(parcels)}, §3 {len(nature)}; index build {build * 1000:.1f} ms")
    for label, tol in (("1:5.000, 8 px = 11 m", 11.0), ("1:25.000, 8 px = 53 m", 53.0)):
        times, hits = [], 0
        for x, y in pts:
            t = time.perf_counter()
            hit = index.snap(float(x), float(y), tol)
            times.append(time.perf_counter() - t)
            hits += hit is not None
        times_ms = np.array(times) * 1000
        print(f"{label}: median {statistics.median(times_ms):.3f} ms, "
              f"p95 {np.percentile(times_ms, 95):.3f} ms, max {times_ms.max():.2f} ms, "
              f"{hits}/{len(pts)} snapped")


if __name__ == "__main__":
    main()
