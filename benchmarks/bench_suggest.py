"""Issue 23: the suggested plan on the full sample, beside its baselines in the same run.

    NATURPLAN_SAMPLE_DIR=... python benchmarks/bench_suggest.py [--scale 1.0] [--reference 60]

Steps and what is printed (markdown rows for benchmarks/RESULTS.md):

1. preparation: open the sample, dissolve the protected area, the planning units;
2. the target 17 % at the least cost, default cost (farmland taken) and a synthetic land value
   per ha (lognormal, seed 23): ``solve`` (greedy + LP bound, HiGHS on what reduced-cost
   fixing leaves) vs the plain greedy vs a plain HiGHS MIP of the whole problem (warm start and
   the objective row, as the issue's reference) with a time limit;
3. the same with a boundary penalty W per km at three sizes: ``solve`` (Lagrangian min-cut,
   then HiGHS for the time left) vs greedy vs the linearised HiGHS MIP with a time limit;
4. the exact ΔECA (connectivity) of the optimiser's and the greedy's plan.

Wall times on a shared machine: compare within a run. CPU seconds are printed beside them.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from naturplan.core.feedback import Feedback
from naturplan.core.layers.roles import Role
from naturplan.core.optimise.mip import solve_mip
from naturplan.core.optimise.problem import Problem
from naturplan.core.optimise.solve import baseline, solve
from naturplan.core.optimise.units import M2_PER_HA, planning_units
from naturplan.io.datasets import DatasetRequest, open_dataset
from naturplan.io.factors import load_factor_table
from naturplan.usecases.analysis import layers_of


def clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def since(start: tuple[float, float]) -> str:
    wall, cpu = clock()
    return f"{wall - start[0]:.2f} s (CPU {cpu - start[1]:.2f} s)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--reference", type=float, default=60.0, help="HiGHS reference limit, s")
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--eca", action="store_true", help="also measure the exact ΔECA")
    args = ap.parse_args()
    t = clock()
    ds = open_dataset(DatasetRequest(sample_scale=args.scale))
    print(f"| open the sample ({os.environ.get('NATURPLAN_SAMPLE_DIR', '')}) | {since(t)} |")
    t = clock()
    share, index = ds.protected()
    layers = layers_of(ds)
    parcels = ds.vector(Role.PARCELS)[0].frame.geometry.to_numpy()
    units = planning_units(parcels, layers, load_factor_table(), pieces=index.pieces,
                           decay_per_m=0.0013862943611198906)
    print(f"| preparation: dissolve + {len(parcels):,} parcels → {len(units):,} units, "
          f"{len(units.edges):,} shared edges, {int(units.excluded.sum()):,} excluded | "
          f"{since(t)} |")
    need = 0.17 * share.municipality_area_m2 - share.area_m2 + 1.0
    print(f"\nneed {need / M2_PER_HA:,.1f} ha\n")
    rng = np.random.default_rng(23)
    value = rng.lognormal(np.log(200.0), 0.5, len(units))  # kDKK per ha, synthetic
    outer = units.perimeter_m - units.edges.shared_per_unit(len(units))
    results = {}
    for label, weight in (("farmland ha", units.cost),
                          ("land value", value * units.new_m2 / M2_PER_HA)):
        for w in (0.0, 20.0, 100.0, 500.0) if label == "land value" else (0.0, 1.0):
            problem = Problem(units.new_m2, weight, need, None, w / 1000.0, outer,
                              units.edges, np.zeros(len(units), bool), units.excluded)
            results[(label, w)] = run_case(problem, label, w, args)
    if args.eca and ("land value", 100.0) in results:
        eca(layers, units, results[("land value", 100.0)])


def run_case(problem: Problem, label: str, w: float, args: argparse.Namespace):
    t = clock()
    found = solve(problem, time_limit=args.time_limit)
    ours = since(t)
    t = clock()
    greedy = baseline(problem)
    greedy_time = since(t)
    ref_text = reference(problem, greedy.chosen, found.bound, args.reference)
    print(f"| {label}, W {w:g}/km | {found.method} ({found.status}): {found.objective:,.1f}, "
          f"bound {found.bound:,.1f}, gap {100 * found.gap:.4f} %, {ours} | greedy "
          f"{greedy.objective:,.1f} (gap {100 * gap(greedy.objective, found.bound):.3f} %), "
          f"{greedy_time} | HiGHS alone: {ref_text} |", flush=True)
    return found, greedy


def _reference_child(problem: Problem, start, limit: float, out) -> None:
    began = time.perf_counter()
    found = solve_mip(problem, start, Feedback(), time_limit=limit, gap=1e-3)
    out.put((found.objective, found.bound, found.status, time.perf_counter() - began))


def reference(problem: Problem, start, bound: float, limit: float) -> str:
    """HiGHS alone on the whole problem (warm start: the greedy), in a child process that is
    stopped at twice its time limit: HiGHS's presolve does not look at the clock."""
    import multiprocessing as mp

    if limit <= 0:
        return "not run"
    ctx = mp.get_context("fork")
    out = ctx.Queue()
    child = ctx.Process(target=_reference_child, args=(problem, start, limit, out))
    began = time.perf_counter()
    child.start()
    child.join(2 * limit + 5)
    if child.is_alive():
        child.kill()
        child.join()
        return f"no answer after {time.perf_counter() - began:.0f} s (stopped)"
    if out.empty():
        return f"failed (exit code {child.exitcode})"
    value, own, status, seconds = out.get()
    return (f"{value:,.1f}, gap {100 * gap(value, bound):.3f} % to our bound ({status}, "
            f"own bound {own:,.1f}) in {seconds:.1f} s")


def gap(value: float, bound: float) -> float:
    return (value - bound) / max(abs(value), 1e-9)


def eca(layers, units, pair) -> None:
    from naturplan.core.analysis.connectivity import ConnectivityNetwork

    t = clock()
    today = ConnectivityNetwork.of_polygons(layers.protected, layers.municipality,
                                            keep_paths=False).indices.eca_m2
    for name, solution in (("optimiser", pair[0]), ("greedy", pair[1])):
        added = units.new_part(np.flatnonzero(solution.chosen))
        patches = np.concatenate([layers.protected, added])
        after = ConnectivityNetwork.of_polygons(patches, layers.municipality,
                                                keep_paths=False).indices.eca_m2
        print(f"| ΔECA, land value W 100/km, {name} | {(after - today) / M2_PER_HA:,.1f} ha |")
    print(f"(ECA measured in {since(t)})")


if __name__ == "__main__":
    main()
