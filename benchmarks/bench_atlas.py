"""The candidate atlas at full Aalborg scale beside QGIS's own atlas (issue 19 item 13).

Run by hand (not a test)::

    python3 benchmarks/bench_atlas.py [--scale 1.0] [--pages 300] [--out /tmp/naturplan-atlas]
                                      [--no-qgis]

300 candidates spread over the municipality (deterministic). The plan is measured once
(``measure_plan``: CO2e, conflicts, flood, ΔECA), then timed:

- ours on QGIS's layers: §3 nature by type, the flood raster, the parcels, the candidates;
- ours as the product draws it: every layer of the dataset;
- QGIS 3.22's atlas (``benchmarks/qgis_atlas.py``, Debian's ``/usr/bin/python3`` with
  ``python3-qgis``) on the same files: A4, 300 dpi, legend filtered to the map, scale bar,
  north arrow, label box; one PDF.

Both run in the same process tree, one after the other (ours, QGIS, ours again), so the load
of a shared machine is reported with each.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
QGIS_PYTHON = Path("/usr/bin/python3")


def candidates(dataset, n: int):  # type: ignore[no-untyped-def]
    """*n* candidate areas of 2–80 ha inside the municipality (deterministic)."""
    import numpy as np
    import shapely

    from naturplan.core.plan.candidates import Candidate

    muni = dataset.municipality.geometry
    shapely.prepare(muni)
    minx, miny, maxx, maxy = muni.bounds
    rng = np.random.default_rng(19)
    kinds = ("lowland", "afforestation", "connectivity")
    statuses = ("idea", "proposed", "adopted")
    out = []
    while len(out) < n:
        x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        geom = shapely.box(x, y, x + rng.uniform(150, 900), y + rng.uniform(150, 900))
        if muni.contains(geom):
            k = len(out)
            out.append(Candidate.new(kinds[k % 3], geom, f"Område {k + 1}",
                                     status=statuses[(k // 3) % 3]))
    return out


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"{one:.1f} (5 min {five:.1f})"


def timed(label: str, fn):  # type: ignore[no-untyped-def]
    start_load = load()
    start = time.perf_counter()
    cpu = time.process_time()
    value = fn()
    seconds = time.perf_counter() - start
    print(f"  {label:<46} {seconds:7.2f} s wall, {time.process_time() - cpu:6.2f} s CPU; "
          f"load {start_load} -> {load()}", flush=True)
    return value, seconds


def qgis(sample: Path, flood: Path, cand: Path, out: Path
         ) -> tuple[float, int, float, float] | str:
    """QGIS's export time and pages (its own timer), the process's wall and CPU time, or why
    not."""
    import resource

    if not QGIS_PYTHON.exists():
        return "no /usr/bin/python3"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    start = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = subprocess.run([str(QGIS_PYTHON), str(ROOT / "benchmarks" / "qgis_atlas.py"),
                          str(sample), str(flood), str(cand), str(out)],
                         capture_output=True, text=True, env=env, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    for line in run.stdout.splitlines():
        if line.startswith("QGIS_SECONDS"):
            parts = line.split()
            return float(parts[1]), int(parts[3]), wall, cpu
    return f"QGIS failed ({run.returncode}): {(run.stderr or run.stdout)[-800:]}"


def main() -> None:  # noqa: PLR0915 - a linear script
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--out", type=Path, default=Path("/tmp/naturplan-atlas"))
    parser.add_argument("--no-qgis", action="store_true")
    parser.add_argument("--threads", type=int, default=None)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    import geopandas as gpd

    from naturplan.core.layers.roles import Role
    from naturplan.export.atlas import AtlasOptions, export_atlas
    from naturplan.export.map_layers import ordered_layers
    from naturplan.io.datasets import DatasetRequest, open_dataset
    from naturplan.io.styles import load_styles
    from naturplan.usecases.measures import measure_plan
    from naturplan.usecases.plan_data import load_plan_data

    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M %Z')}; "
          f"load {load()}")
    dataset, _ = timed("open dataset", lambda: open_dataset(DatasetRequest(
        sample_scale=args.scale)))
    data = load_plan_data(dataset, (Role.NATURE_P3,))
    data.candidates = candidates(dataset, args.pages)
    from naturplan.core.plan.ledger import Ledger

    share, index = dataset.protected((Role.NATURE_P3,))
    ledger = Ledger(dataset.municipality.geometry, index, share)
    ledger.reset(data.candidates)
    data.ledger = ledger.result()
    timed("measure the plan once (measure_plan)", lambda: measure_plan(data))
    styles = load_styles()
    everything = ordered_layers([*dataset.layers, data.candidates_layer()], styles)
    same = [e for e in everything if e.layer.role in (
        Role.PARCELS, Role.NATURE_P3, Role.FLOOD, Role.CANDIDATES)]
    options = AtlasOptions(threads=args.threads)
    ours_pdf = args.out / "atlas_naturplan.pdf"
    results: dict[str, float] = {}
    counts: dict[str, int] = {}
    report, results["ours"] = timed(
        f"ours, QGIS's layers ({args.pages} candidates)",
        lambda: export_atlas(ours_pdf, same, data, options))
    print(f"    {report.pages} pages, {ours_pdf.stat().st_size / 1e6:.1f} MB")
    counts["ours"] = counts["ours_again"] = counts["all"] = report.pages
    if not args.no_qgis:
        flood = next(e.layer for e in everything if e.layer.role is Role.FLOOD)
        p3 = next(e.layer for e in everything if e.layer.role is Role.NATURE_P3)
        cand = args.out / "candidates.gpkg"
        frame = gpd.GeoDataFrame({"name": [c.name for c in data.candidates]},
                                 geometry=[c.geometry for c in data.candidates], crs=25832)
        cand.unlink(missing_ok=True)
        frame.to_file(cand, driver="GPKG", layer="candidates")
        qpdf = args.out / "atlas_qgis.pdf"
        outcome, _ = timed("QGIS 3.22 atlas (subprocess)", lambda: qgis(
            p3.source.path, flood.source.path, cand, qpdf))
        if isinstance(outcome, str):
            print(f"    QGIS: {outcome}")
        else:
            q_s, q_pages, q_wall, q_cpu = outcome
            results["qgis"] = q_s
            counts["qgis"] = q_pages
            print(f"    QGIS: {q_pages} pages in {q_s:.2f} s (its export call), process "
                  f"{q_wall:.2f} s wall, {q_cpu:.2f} s CPU, "
                  f"{qpdf.stat().st_size / 1e6:.1f} MB")
    _, results["ours_again"] = timed("ours again, QGIS's layers", lambda: export_atlas(
        ours_pdf, same, data, options))
    all_pdf = args.out / "atlas_all_layers.pdf"
    _, results["all"] = timed("ours, every layer (as the product)", lambda: export_atlas(
        all_pdf, everything, data, options))
    for key, seconds in results.items():
        print(f"  {key:<12} {seconds:7.2f} s  {counts[key]:4d} pages  "
              f"{counts[key] / seconds:5.1f} pages/s")


if __name__ == "__main__":
    main()
