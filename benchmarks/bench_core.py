"""Issue 2 benchmark: protected share and the parcel overlap table at full Aalborg scale.

Times, in one run on the same files,
- naturplan's pipeline: read with pyogrio, dissolve tile by tile, overlap table via STRtree;
- the naive geopandas pipeline: read with fiona, ``dissolve``, ``overlay`` against the
  dissolved layer, ``clip`` to the municipality.
and checks the two agree. Run by hand (not in CI):

    python benchmarks/bench_core.py [--scale 1] [--repeat 5] [--naive-timeout 900]

Prints a Markdown block for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import platform
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely

from naturplan.core.layers.dataset import Dataset, parcel_overlaps
from naturplan.core.layers.roles import Role
from naturplan.io.datasets import DatasetRequest, open_dataset
from naturplan.io.loading import LayerRequest, load_layer, load_municipality


def _timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def _files(scale: float) -> dict[str, tuple[Path, str | None]]:
    dataset = open_dataset(DatasetRequest(sample_scale=scale))
    out = {}
    for role in (Role.PARCELS, Role.NATURE_P3):
        layer = dataset.vector(role)[0]
        out[role.value] = (layer.source.path, layer.source.layer)
    return out


def fast_share(files: dict[str, tuple[Path, str | None]]) -> float:
    municipality = load_municipality()
    p3 = load_layer(LayerRequest(Role.NATURE_P3, *files["nature_p3"]))
    dataset = Dataset(municipality, [p3])
    share, _ = dataset.protected()
    return share.area_m2


def fast_parcels(files: dict[str, tuple[Path, str | None]]) -> tuple[int, float]:
    municipality = load_municipality()
    p3 = load_layer(LayerRequest(Role.NATURE_P3, *files["nature_p3"]))
    parcels = load_layer(LayerRequest(Role.PARCELS, *files["parcels"]))
    dataset = Dataset(municipality, [p3, parcels])
    _, index = dataset.protected()
    touching, areas = parcel_overlaps(parcels, index)
    return len(touching), float(areas.sum())


def naive(files: dict[str, tuple[Path, str | None]], out: Any) -> None:
    t0 = time.perf_counter()
    muni = gpd.read_file(
        Path(__file__).resolve().parents[1] / "layers" / "aalborg_kommune_0851_dagi2014.gpkg",
        engine="fiona",
    )
    p3 = gpd.read_file(files["nature_p3"][0], layer=files["nature_p3"][1], engine="fiona")
    p3["geometry"] = p3.geometry.make_valid()
    dissolved = p3[["geometry"]].dissolve()
    protected = gpd.clip(dissolved, muni)
    share_area = float(protected.area.sum())
    t_share = time.perf_counter() - t0
    parcels = gpd.read_file(files["parcels"][0], layer=files["parcels"][1], engine="fiona")
    pieces = gpd.overlay(parcels, protected, how="intersection", keep_geom_type=True)
    table = pieces.assign(a=pieces.area).groupby("featureID")["a"].sum()
    out.put((t_share, time.perf_counter() - t0, share_area, len(table), float(table.sum())))


def run_naive(files: dict[str, tuple[Path, str | None]], timeout: float) -> tuple | None:
    queue: Any = mp.Queue()
    proc = mp.Process(target=naive, args=(files, queue))
    proc.start()
    proc.join(timeout)
    if proc.is_alive():
        proc.terminate()
        return None
    return queue.get()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--naive-timeout", type=float, default=900.0)
    args = parser.parse_args()
    files = _files(args.scale)
    t_share, area = _timed(lambda: fast_share(files), args.repeat)
    t_parcels, (n_touch, overlap) = _timed(lambda: fast_parcels(files), args.repeat)
    naive_result = run_naive(files, args.naive_timeout)
    print(f"## bench_core: {date.today().isoformat()}, scale {args.scale:g}")
    cpu = platform.processor() or platform.machine()
    print(f"machine: {platform.node()}, {mp.cpu_count()} cores, {cpu}, "
          f"Python {platform.python_version()}, shapely {shapely.__version__}, "
          f"geopandas {gpd.__version__}")
    print(f"- protected share from files (median of {args.repeat}): {t_share:.3f} s "
          f"(area {area / 1e4:,.1f} ha)")
    print(f"- load + share + parcel overlap table: {t_parcels:.3f} s "
          f"({n_touch} parcels touch §3, {overlap / 1e4:,.1f} ha)")
    if naive_result is None:
        print(f"- naive pipeline: did not finish in {args.naive_timeout:.0f} s; "
              f"ratio > {args.naive_timeout / t_parcels:.0f}x")
        return
    n_share, n_total, n_area, n_touch2, n_overlap = naive_result
    print(f"- naive (fiona + dissolve + clip) share: {n_share:.3f} s (area {n_area / 1e4:,.1f} ha)")
    print(f"- naive + overlay table: {n_total:.3f} s ({n_touch2} parcels, "
          f"{n_overlap / 1e4:,.1f} ha), run once")
    print(f"- ratio share: {n_share / t_share:.1f}x, ratio with table: {n_total / t_parcels:.1f}x")
    print(f"- agreement: share {abs(n_area - area) / area:.2e} rel, "
          f"table {abs(n_overlap - overlap) / overlap:.2e} rel")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
