"""Issue 21 §4 benchmark: which group-union kernel is fastest, on the full-scale sample.

Three kernels unioned "the geometries that share a group key" before issue 21: a Python loop
over the groups (``share/tiles.py``), the same loop dealt over a thread pool
(``share/overlap.py``), and ``shapely.union_all(axis=1)`` over arrays padded per size class
(``analysis/overlay.py``). This script times them, and a fourth (padded, rows dealt over
threads), in one run on the same inputs, interleaved, and checks they give the same areas:

- **share**: the protected share's union - the §3 polygons cut to the municipality, grouped by
  the connected groups of overlapping polygons (what ``compute_protected`` unions);
- **overlay**: the parcel overlay - every parcel ∩ §3 feature, grouped by parcel (the parcel
  status table's "union area per parcel");
- **tiles**: §3 cut by the 1 km tile grid, grouped by (type, tile) (the flood analysis).

The operations end to end, before and after, with their numbers: bench_kernel_e2e.py. Run by
hand:

    python benchmarks/bench_kernel.py [--scale 1] [--repeat 5]

Prints a Markdown block for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from typing import Any

import numpy as np
import shapely

from naturplan.core import geometry_kernels as kernel
from naturplan.core.analysis.overlay import intersect_pairs
from naturplan.core.layers.roles import Role
from naturplan.core.share.overlap import connected_groups, overlap_pairs
from naturplan.core.share.tiles import TileGrid
from naturplan.io.datasets import DatasetRequest, open_dataset

Kernel = Callable[[Any, Any], tuple[Any, Any]]


def _sorted_groups(geoms: Any, groups: Any) -> tuple[Any, Any, Any, Any]:
    order = np.argsort(groups, kind="stable")
    geoms, groups = geoms[order], groups[order]
    keys, starts, counts = np.unique(groups, return_index=True, return_counts=True)
    return geoms, keys, starts, counts


def loop(geoms: Any, groups: Any) -> tuple[Any, Any]:
    """share/tiles.py's kernel: one union_all per group of two or more."""
    geoms, keys, starts, counts = _sorted_groups(geoms, groups)
    out = geoms[starts].copy()
    for i in np.flatnonzero(counts > 1):
        out[i] = shapely.union_all(geoms[starts[i]: starts[i] + counts[i]])
    return out, keys


def loop_threads(geoms: Any, groups: Any, workers: int) -> tuple[Any, Any]:
    """share/overlap.py's kernel: the loop, biggest groups first, dealt over *workers*."""
    geoms, keys, starts, counts = _sorted_groups(geoms, groups)
    out = geoms[starts].copy()
    multi = np.flatnonzero(counts > 1)
    multi = multi[np.argsort(-counts[multi], kind="stable")]
    tasks = max(1, min(len(multi), 4 * workers))
    chunks = [multi[k::tasks] for k in range(tasks)]

    def union(chunk: Any) -> list[Any]:
        return [shapely.union_all(geoms[starts[i]: starts[i] + counts[i]]) for i in chunk]

    with ThreadPoolExecutor(workers) as pool:
        for chunk, unions in zip(chunks, pool.map(union, chunks), strict=True):
            out[chunk] = unions
    return out, keys


def _padded_classes(geoms: Any, starts: Any, counts: Any) -> list[tuple[Any, Any]]:
    multi = np.flatnonzero(counts > 1)
    classes = []
    size_class = np.ceil(np.log2(counts[multi])).astype(int)
    for cls in np.unique(size_class):
        members = multi[size_class == cls]
        width = int(counts[members].max())
        padded = np.full((len(members), width), None, dtype=object)
        rows = np.repeat(np.arange(len(members)), counts[members])
        offsets = np.arange(int(counts[members].sum())) - np.repeat(
            np.cumsum(counts[members]) - counts[members], counts[members])
        padded[rows, offsets] = geoms[np.repeat(starts[members], counts[members]) + offsets]
        classes.append((members, padded))
    return classes


def padded(geoms: Any, groups: Any) -> tuple[Any, Any]:
    """analysis/overlay.py's kernel: union_all(axis=1) per size class, one thread."""
    geoms, keys, starts, counts = _sorted_groups(geoms, groups)
    out = geoms[starts].copy()
    for members, rows in _padded_classes(geoms, starts, counts):
        out[members] = shapely.union_all(rows, axis=1)
    return out, keys


def padded_threads(geoms: Any, groups: Any, workers: int) -> tuple[Any, Any]:
    """The padded kernel with each size class's rows dealt over *workers* threads."""
    geoms, keys, starts, counts = _sorted_groups(geoms, groups)
    out = geoms[starts].copy()
    with ThreadPoolExecutor(workers) as pool:
        for members, rows in _padded_classes(geoms, starts, counts):
            parts = np.array_split(np.arange(len(members)), min(len(members), 4 * workers))
            done = pool.map(lambda p, r=rows: shapely.union_all(r[p], axis=1), parts)
            for part, unions in zip(parts, done, strict=True):
                out[members[part]] = unions
    return out, keys


def inputs(scale: float) -> dict[str, tuple[Any, Any]]:
    dataset = open_dataset(DatasetRequest(sample_scale=scale))
    muni = dataset.municipality.geometry
    p3 = dataset.vector(Role.NATURE_P3)[0]
    parcels = dataset.vector(Role.PARCELS)[0].frame.geometry.to_numpy()
    nature = np.asarray(p3.frame.geometry.to_numpy(), dtype=object)
    shapely.prepare(muni)
    inside = nature[shapely.intersects(muni, nature)]
    clipped = np.asarray(shapely.intersection(inside, muni), dtype=object)
    clipped = clipped[shapely.area(clipped) > 0]
    left, right = overlap_pairs(clipped)
    share = (clipped, connected_groups(len(clipped), left, right))
    pairs = intersect_pairs(parcels, nature)
    overlay = (pairs.geometries, pairs.left.astype(np.int64))
    grid = TileGrid(muni)
    pieces, src, tile = grid.cut(nature)
    types = np.asarray(p3.frame["Natyp_navn"].astype(str).to_numpy(), dtype=object)[src]
    code = np.unique(types, return_inverse=True)[1].reshape(-1)
    tiles = (pieces, code.astype(np.int64) * (len(grid) + 1) + tile)
    return {"share": share, "overlay": overlay, "tiles": tiles}


def describe(geoms: Any, groups: Any) -> str:
    counts = np.unique(groups, return_counts=True)[1]
    return (f"{len(geoms):,} geometries, {len(counts):,} groups, "
            f"{int((counts > 1).sum()):,} of ≥ 2, largest {int(counts.max()):,}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    workers = kernel.WORKERS
    variants: dict[str, Kernel] = {
        "loop (share/tiles.py)": loop,
        f"loop, {workers} threads (share/overlap.py)": lambda g, k: loop_threads(g, k, workers),
        "padded union_all(axis=1) (analysis/overlay.py)": padded,
        f"padded, {workers} threads": lambda g, k: padded_threads(g, k, workers),
        "kept: geometry_kernels.union_by_group": kernel.union_by_group,
    }
    data = inputs(args.scale)
    print(f"## bench_kernel: {date.today().isoformat()}, scale {args.scale:g}")
    print(f"machine: {platform.node()}, {os.cpu_count()} cores, load "
          f"{os.getloadavg()[0]:.2f} at start, shapely {shapely.__version__}, "
          f"GEOS {shapely.geos_version_string}, WORKERS={workers}\n")
    for name, (geoms, groups) in data.items():
        print(f"### {name}: {describe(geoms, groups)}\n")
        print("| kernel | median | min | union area (m²) |")
        print("|---|---|---|---|")
        times: dict[str, list[float]] = {v: [] for v in variants}
        areas: dict[str, float] = {}
        for _ in range(args.repeat):  # interleaved, so load changes hit every variant
            for vname, fn in variants.items():
                t0 = time.perf_counter()
                out, _ = fn(geoms, groups)
                times[vname].append(time.perf_counter() - t0)
                areas[vname] = float(shapely.area(out).sum())
        base = areas[next(iter(variants))]
        for vname, ts in times.items():
            same = "same" if areas[vname] == base else f"DIFFERS by {areas[vname] - base:.3g}"
            print(f"| {vname} | {statistics.median(ts) * 1000:,.0f} ms | "
                  f"{min(ts) * 1000:,.0f} ms | {areas[vname]:,.1f} ({same}) |")
        print()


if __name__ == "__main__":
    main()
