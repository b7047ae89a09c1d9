"""Issue 9 benchmark: the parcel status card, the every-parcel batch, and its §3 part.

Times, in one run on the full synthetic Aalborg sample (~99,000 parcels, every role):

- one status card once the layers are loaded and prepared (300 random parcels), against a
  naive card in the same run (geopandas: every layer's ``intersects`` scan and
  ``intersection`` with the parcel, the flood raster masked per parcel with ``rasterio.mask``);
- the batch (``parcel_table``: every parcel, every role), cold (with preparing) and warm;
- the §3 part alone (per-parcel overlap, union not sum), against naive geopandas
  (``overlay`` + ``dissolve`` by parcel) and, with ``--qgis``, QGIS 3.22 processing
  (``native:intersection`` + ``native:dissolve``) in its own process
  (``benchmarks/qgis_p3_overlap.py``); the three results are compared parcel by parcel.

Run by hand (not in CI)::

    PYTHONPATH=. python3 benchmarks/bench_parcels.py [--qgis] [--cards 300]

Prints a Markdown block for benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from naturplan.core.layers.layer import RasterLayer, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.core.parcels.batch import parcel_table
from naturplan.core.parcels.overlaps import (
    PreparedTheme,
    SliverRule,
    feature_overlaps,
    union_area_per,
)
from naturplan.core.parcels.themes import Theme
from naturplan.io.datasets import DatasetRequest, open_dataset
from naturplan.io.parcels import parcel_context

HERE = Path(__file__).resolve().parent


def _ms(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[int(0.95 * (len(values) - 1))]
    return (f"median {statistics.median(values) * 1000:.2f} ms, p95 {p95 * 1000:.2f} ms, "
            f"max {values[-1] * 1000:.2f} ms")


def naive_card(parcel: shapely.Geometry, layers: list, flood: RasterLayer | None) -> dict:
    """What a card costs without indexes: scan every layer, intersect, union per layer."""
    out = {}
    for layer in layers:
        frame = layer.frame
        hit = frame[frame.intersects(parcel)]
        if len(hit):
            pieces = hit.geometry.intersection(parcel)
            out[layer.name] = shapely.union_all(pieces.values).area
    if flood is not None:
        import rasterio
        from rasterio.mask import mask

        with rasterio.open(flood.source.path) as src:
            data, _ = mask(src, [parcel], crop=True, filled=False)
            wet = (data > 0).sum() * abs(src.res[0] * src.res[1])
            out["flood"] = float(wet)
    return out


def cards(context, dataset, n: int) -> tuple[list[float], list[float]]:
    rng = np.random.default_rng(9)
    positions = rng.integers(0, len(context.geometries), n)
    ours = []
    for p in positions:
        t0 = time.perf_counter()
        context.card(int(p))
        ours.append(time.perf_counter() - t0)
    layers = [la for la in dataset.layers if isinstance(la, VectorLayer)
              and la.role not in (Role.MUNICIPALITY, Role.PARCELS, Role.ADDRESSES)]
    flood = next((la for la in dataset.layers if isinstance(la, RasterLayer)), None)
    naive = []
    for p in positions[: max(n // 3, 30)]:
        t0 = time.perf_counter()
        naive_card(context.geometries[int(p)], layers, flood)
        naive.append(time.perf_counter() - t0)
    return ours, naive


def searches(context, n: int) -> list[float]:
    frame = context.parcels
    rng = np.random.default_rng(4)
    rows = rng.integers(0, len(frame), n)
    times = []
    for r in rows:
        text = f"{frame['matrikelnummer'].iloc[r]}, {frame['ejerlavsnavn'].iloc[r]}"
        t0 = time.perf_counter()
        result = context.search(text)
        context.card_for(result)
        times.append(time.perf_counter() - t0)
    return times


def p3_ours(context) -> tuple[float, pd.Series]:
    layer = next(t for t in context.themes if t.theme is Theme.NATURE_P3)
    t0 = time.perf_counter()
    prepared = PreparedTheme(layer, context.extent)
    overlaps = feature_overlaps(context.geometries, prepared, SliverRule(0.0, 0.0))
    keys, areas = union_area_per(overlaps, overlaps.parcel.astype(np.int64))
    seconds = time.perf_counter() - t0
    ids = context.parcels["featureID"].to_numpy()
    return seconds, pd.Series(areas, index=ids[keys])


def p3_naive(gpkg: Path) -> tuple[float, pd.Series]:
    parcels = gpd.read_file(gpkg, layer="jordstykke", engine="pyogrio")[["featureID", "geometry"]]
    nature = gpd.read_file(gpkg, layer="beskyttede_naturtyper", engine="pyogrio")[["geometry"]]
    t0 = time.perf_counter()
    cut = gpd.overlay(parcels, nature, how="intersection", keep_geom_type=True)
    dissolved = cut.dissolve(by="featureID")
    areas = dissolved.geometry.area
    return time.perf_counter() - t0, areas


def p3_qgis(gpkg: Path) -> tuple[float, pd.Series, float] | None:
    out = Path(tempfile.mkdtemp()) / "qgis.csv"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ""}
    t0 = time.perf_counter()
    done = subprocess.run(["/usr/bin/python3", str(HERE / "qgis_p3_overlap.py"), str(gpkg),
                           str(out)], capture_output=True, text=True, env=env, timeout=1800)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        print("QGIS failed:", done.stderr.strip().splitlines()[-3:], file=sys.stderr)
        return None
    seconds = float(done.stdout.strip().splitlines()[-1])
    table = pd.read_csv(out)
    return seconds, pd.Series(table["area_m2"].to_numpy(), index=table["featureID"]), wall


def _agree(a: pd.Series, b: pd.Series) -> str:
    a, b = a[a > 1e-6], b[b > 1e-6]
    both = a.index.union(b.index)
    diff = (a.reindex(both, fill_value=0) - b.reindex(both, fill_value=0)).abs()
    return f"{len(a)} vs {len(b)} parcels, max |Δ| {diff.max():.2e} m², sum {a.sum():.6e}"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cards", type=int, default=300)
    parser.add_argument("--qgis", action="store_true", help="run QGIS processing as reference")
    args = parser.parse_args()
    t0 = time.perf_counter()
    dataset = open_dataset(DatasetRequest(sample_scale=1.0))
    t_open = time.perf_counter() - t0
    t0 = time.perf_counter()
    context = parcel_context(dataset)
    context.prepare()
    t_prepare = time.perf_counter() - t0
    ours, naive = cards(context, dataset, args.cards)
    found = searches(context, 100)
    t0 = time.perf_counter()
    table = parcel_table(context)
    t_batch = time.perf_counter() - t0
    cold = parcel_context(dataset)
    t0 = time.perf_counter()
    parcel_table(cold)
    t_cold = time.perf_counter() - t0
    gpkg = dataset.vector(Role.PARCELS)[0].source.path
    mine_s, mine = p3_ours(context)
    naive_s, naive_areas = p3_naive(gpkg)
    qgis = p3_qgis(gpkg) if args.qgis else None
    print(f"## Issue 9: parcel status (`bench_parcels.py`), {date.today().isoformat()}\n")
    print(f"Machine: {platform.node()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; {len(context.geometries):,} parcels, "
          f"load average {os.getloadavg()[0]:.1f} at the end.\n")
    print("| what | time |\n|---|---|")
    print(f"| open the dataset | {t_open:.2f} s |")
    print(f"| build the lookup (search index, every layer cut and indexed, flood raster "
          f"read) | {t_prepare:.2f} s |")
    print(f"| one card, {len(ours)} random parcels | {_ms(ours)} |")
    print(f"| baseline in the same run: naive card ({len(naive)} parcels) | {_ms(naive)} |")
    print(f"| search + card, {len(found)} typed parcels | {_ms(found)} |")
    print(f"| batch, every parcel and role, warm | {t_batch:.2f} s |")
    print(f"| batch, cold (cutting and indexing included) | {t_cold:.2f} s |")
    print(f"| §3 part (prepare, overlaps, union per parcel) | {mine_s:.2f} s |")
    print(f"| baseline: naive geopandas overlay + dissolve | {naive_s:.2f} s "
          f"({naive_s / mine_s:.1f}×) |")
    if qgis is not None:
        print(f"| reference: QGIS 3.22 processing, intersection + dissolve (start-up "
              f"excluded; {qgis[2]:.1f} s wall) | {qgis[0]:.2f} s ({qgis[0] / mine_s:.1f}×) |")
    print(f"\nAgreement with naive geopandas: {_agree(mine, naive_areas)}.")
    if qgis is not None:
        print(f"Agreement with QGIS: {_agree(mine, qgis[1])}.")
    print(f"Batch: {int((table['p3_m2'] > 0).sum()):,} parcels touch §3 (slivers excluded).")


if __name__ == "__main__":
    main()
