"""Issue 21 §4: the operations that use the group-union kernel, end to end, with their numbers.

Only public functions that existed before the kernel was made one, so the same script runs on
an older checkout (``PYTHONPATH=<old checkout> python benchmarks/bench_kernel_e2e.py``) and the
two outputs can be compared: the numbers must be equal to the last digit, the times say what
the one kernel changed. Prints one JSON object:

    python benchmarks/bench_kernel_e2e.py [--scale 1] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from naturplan.core.analysis.flood import nature_at_risk
from naturplan.core.analysis.layers import analysis_layers
from naturplan.core.analysis.patches import dissolve_patches, patch_links
from naturplan.core.layers.dataset import Dataset, parcel_overlaps
from naturplan.core.layers.roles import Role
from naturplan.core.parcels.batch import parcel_table
from naturplan.io.datasets import DatasetRequest, open_dataset
from naturplan.io.parcels import parcel_context
from naturplan.io.raster import read_grid


def timed(fn: Callable[[], Any], repeat: int) -> tuple[Any, list[float]]:
    """(result, [median wall s, median CPU s of this process]): on a shared machine the CPU
    time says what a change cost when the wall time is mostly waiting for a core."""
    wall, cpu, out = [], [], None
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        out = fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return out, [statistics.median(wall), statistics.median(cpu)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    dataset = open_dataset(DatasetRequest(sample_scale=args.scale))
    muni = dataset.municipality
    p3 = dataset.vector(Role.NATURE_P3)
    parcels = dataset.vector(Role.PARCELS)[0]
    times: dict[str, list[float]] = {}
    numbers: dict[str, Any] = {}

    (share, index), times["protected share (§3 only)"] = timed(
        lambda: Dataset(muni, list(p3)).protected(), args.repeat)
    numbers["share_m2"] = share.area_m2
    numbers["by_type"] = dict(share.by_type)
    (share_all, _), times["protected share (every protected role)"] = timed(
        lambda: Dataset(muni, list(dataset.layers)).protected(), args.repeat)
    numbers["share_all_m2"] = share_all.area_m2
    numbers["by_role"] = dict(share_all.by_role)
    (hit, areas), times["parcels × protected index"] = timed(
        lambda: parcel_overlaps(parcels, Dataset(muni, list(p3)).protected()[1]), args.repeat)
    numbers["parcels_touching"] = len(hit)
    numbers["parcel_overlap_m2"] = float(areas.sum())
    context = parcel_context(dataset)
    table, times["parcel table (every parcel, every theme)"] = timed(
        lambda: parcel_table(context), args.repeat)
    numeric = table.select_dtypes("number")
    numbers["parcel_table"] = {c: float(np.nansum(numeric[c].to_numpy(float)))
                               for c in numeric.columns}
    layers = analysis_layers(dataset, read_grid)
    risk, times["§3 at flood risk (tiles)"] = timed(lambda: nature_at_risk(layers), args.repeat)
    numbers["at_risk"] = ([[t.nature_type, t.area_m2, t.wet_m2] for t in risk.types]
                          if risk else None)
    geoms = np.concatenate([la.frame.geometry.to_numpy() for la in p3])
    patches, times["habitat patches (dissolve)"] = timed(
        lambda: dissolve_patches(geoms, muni.geometry), args.repeat)
    numbers["patch_area_m2"] = float(patches.areas.sum())
    links, times["patch links (cut pieces, 500 m)"] = timed(
        lambda: patch_links(patches.geoms, 500.0), args.repeat)
    numbers["links"] = [len(links), float(np.sum(links.d))]
    print(json.dumps({"wall_cpu_s": times, "numbers": numbers}, indent=1))


if __name__ == "__main__":
    main()
