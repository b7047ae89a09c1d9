"""What the analysis columns cost a candidate-table export at full Aalborg scale (issues 10/11).

Run by hand (not a test)::

    python3 benchmarks/bench_measures.py [--scale 1.0] [--out /tmp/naturplan-bench]

For 100 candidates spread over the municipality (the same as ``bench_export.py``):

- ``measure_plan`` without connectivity (CO2e, Klima-Lavbund, conflicts, flood, tags);
- ``measure_plan`` with connectivity: today's network built, then each candidate's change
  (what ``naturplan candidates export`` does);
- ``measure_plan`` with today's network given (the window's export: its analysis has it);
- baseline in the same run: ``analyse_plan`` (``candidates list --json``: also the projected
  network, the scenarios and nature at risk), and the xlsx/gpkg writes without and with the
  analysis columns.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench_export import _candidates, _timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=Path("/tmp/naturplan-bench"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from naturplan.core.analysis.connectivity import ConnectivityNetwork
    from naturplan.core.layers.roles import Role
    from naturplan.core.plan.candidates import Candidate
    from naturplan.core.plan.ledger import Ledger
    from naturplan.export.measure_notes import table_notes
    from naturplan.export.tables import export_candidates
    from naturplan.export.tables.columns import PLAN_COLUMNS
    from naturplan.io.datasets import DatasetRequest, open_dataset
    from naturplan.usecases.analysis import analyse_plan, layers_of
    from naturplan.usecases.measures import measure_plan
    from naturplan.usecases.plan_data import load_plan_data

    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; {time.strftime('%Y-%m-%d %H:%M')}")
    dataset, _ = _timed("open dataset", lambda: open_dataset(DatasetRequest(
        sample_scale=args.scale)))
    data = load_plan_data(dataset, (Role.NATURE_P3,))
    data.candidates = _candidates(dataset, Candidate)
    share, index = dataset.protected((Role.NATURE_P3,))
    ledger = Ledger(dataset.municipality.geometry, index, share)
    ledger.reset(data.candidates)
    data.ledger = ledger.result()
    n = len(data.candidates)

    print(f"analysis of {n} candidates:")
    _timed("measure_plan, no connectivity", lambda: measure_plan(data, connectivity=False))
    _timed("measure_plan (CLI: network + each change)", lambda: measure_plan(data))
    layers = layers_of(dataset, (Role.NATURE_P3,))
    network, _ = _timed("  today's network alone", lambda: ConnectivityNetwork.of_polygons(
        layers.protected, layers.municipality))
    _timed("measure_plan, network given (window)",
           lambda: measure_plan(data, network=network))
    _timed("baseline: analyse_plan (candidates list --json)",
           lambda: analyse_plan(dataset, data.candidates, (Role.NATURE_P3,)))

    print("writing the table:")
    records, notes = data.records(), table_notes(data, "da")
    for suffix in (".xlsx", ".gpkg"):
        plain = args.out / f"plain{suffix}"
        _timed(f"baseline: {suffix} without analysis columns",
               lambda p=plain: export_candidates(p, records, "da", notes, PLAN_COLUMNS))
        full = args.out / f"measures{suffix}"
        _timed(f"{suffix} with analysis columns",
               lambda p=full: export_candidates(p, records, "da", notes, data.columns()))


if __name__ == "__main__":
    main()
