"""Issue 23: the suggested plan on the full sample, beside its baselines in the same run.

    NATURPLAN_SAMPLE_DIR=... python benchmarks/bench_suggest.py [--scale 1.0] [--reference 60]

Steps and what is printed (markdown rows for benchmarks/RESULTS.md):

1. preparation: open the sample, dissolve the protected area, the planning units;
2. per case (:data:`CASES`): the target 17 % at the least cost (default cost: farmland taken;
   or a synthetic land value per ha, lognormal, seed 23), targets by kind, or the most CO2e /
   connectivity within a budget of ha, each with and without a boundary penalty W per km:
   ``solve`` vs the plain greedy vs a plain HiGHS MIP of the whole problem (warm start = the
   greedy; the linearised boundary) with a time limit, under the solver's watchdog;
3. with ``--eca``: the exact ΔECA (connectivity) of the optimiser's and the greedy's plan.

Wall times on a shared machine: compare within a run. CPU seconds are printed beside them.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np
import shapely

from naturplan.core.feedback import Feedback
from naturplan.core.layers.roles import Role
from naturplan.core.optimise.cut import lagrangian
from naturplan.core.optimise.mip import solve_mip
from naturplan.core.optimise.problem import KindTarget, Problem, linear_bound
from naturplan.core.optimise.solve import baseline, solve
from naturplan.core.optimise.units import M2_PER_HA, planning_units
from naturplan.io.datasets import DatasetRequest, open_dataset
from naturplan.io.factors import load_factor_table
from naturplan.usecases.analysis import layers_of


def clock() -> tuple[float, float]:
    """Wall and CPU seconds, the CPU of this process and its finished children (HiGHS runs
    in a child process)."""
    cpu = os.times()
    return time.perf_counter(), cpu.user + cpu.system + cpu.children_user + cpu.children_system


def since(start: tuple[float, float]) -> str:
    wall, cpu = clock()
    return f"{wall - start[0]:.2f} s (CPU {cpu - start[1]:.2f} s)"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--reference", type=float, default=60.0, help="HiGHS reference limit, s")
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--cut", type=float, default=0.0,
                    help="also the reference's Lagrangian min-cut alone, limit s (0: not run)")
    ap.add_argument("--eca", action="store_true", help="also measure the exact ΔECA")
    ap.add_argument("--only", nargs="*", help="only these weights (e.g. 'land value')")
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
    centre = shapely.get_coordinates(shapely.centroid(units.geoms))
    kinds = (KindTarget("lowland", np.asarray(units.kind == "lowland"), 300 * M2_PER_HA),
             KindTarget("afforestation", np.asarray(units.kind == "afforestation"),
                        200 * M2_PER_HA))
    weights = {"farmland ha": units.cost, "land value": value * units.new_m2 / M2_PER_HA,
               "co2e": -units.co2e_t, "connectivity": -units.connectivity}
    print("| problem | `solve` | plain greedy | HiGHS alone (warm start = greedy) |"
          + (" the reference's cut alone |" if args.cut > 0 else ""))
    print("|---|---|---|---|" + ("---|" if args.cut > 0 else ""))
    results = {}
    for label, w, case in CASES:
        if args.only and label not in args.only:
            continue
        budget = need * 1.05 if label in ("co2e", "connectivity") else None
        problem = Problem(units.new_m2, weights[label], 0.0 if case == "kinds" else need,
                          budget, w / 1000.0, outer, units.edges, np.zeros(len(units), bool),
                          units.excluded, kinds if case else (), planar=True,
                          centre=centre)
        results[(label, w, case)] = run_case(problem, label, w, case, args)
    if args.eca:
        for key in ECA_CASES:
            if key in results:
                eca(layers, units, key, results[key])


#: (weight, W per km, targets: "" the 17 % share, "kinds" lowland 300 + afforestation 200 ha,
#: "share+kinds" both); co2e and connectivity within a budget of the need + 5 %.
CASES = [("farmland ha", 0.0, ""), ("farmland ha", 1.0, ""), ("farmland ha", 10.0, ""),
         ("farmland ha", 100.0, ""),
         ("land value", 0.0, ""), ("land value", 20.0, ""), ("land value", 100.0, ""),
         ("land value", 500.0, ""),
         ("land value", 100.0, "kinds"), ("land value", 100.0, "share+kinds"),
         ("farmland ha", 1.0, "kinds"),
         ("co2e", 0.0, ""), ("co2e", 100.0, ""), ("connectivity", 0.0, ""),
         ("connectivity", 1.0, "")]
ECA_CASES = [("farmland ha", 1.0, ""), ("land value", 100.0, "")]


def run_case(problem: Problem, label: str, w: float, case: str, args: argparse.Namespace):
    t = clock()
    found = solve(problem, time_limit=args.time_limit)
    ours = since(t)
    t = clock()
    greedy = baseline(problem)
    greedy_time = since(t)
    ref_text = reference(problem, greedy.chosen, found.bound, args.reference)
    cut_text = f" {cut_alone(problem, found.bound, args.cut)} |" if args.cut > 0 else ""
    print(f"| {label}, W {w:g}/km{', ' + case if case else ''} | {found.method} "
          f"({found.status}): {found.objective:,.1f}, bound {found.bound:,.1f}, gap "
          f"{100 * found.gap:.3f} %, {ours} | {greedy.objective:,.1f} ("
          f"{100 * gap(greedy.objective, found.bound):.2f} % above our bound), {greedy_time} | "
          f"{ref_text} |{cut_text}", flush=True)
    return found, greedy


def reference(problem: Problem, start, bound: float, limit: float) -> str:
    """HiGHS alone on the whole problem (warm start: the greedy), under the solver's own
    watchdog (a child process killed at the limit + 1 s)."""
    if limit <= 0:
        return "not run"
    t = clock()
    found = solve_mip(problem, start, Feedback(), time_limit=limit, gap=1e-3)
    better = "its warm start kept" if np.array_equal(found.chosen, start) else "improved"
    own = f"own bound {found.bound:,.1f}" if np.isfinite(found.bound) else "no bound"
    return (f"{found.objective:,.1f} ({better}), {100 * gap(found.objective, bound):.2f} % "
            f"above our bound, {own} ({found.status}), {since(t)}")


def cut_alone(problem: Problem, bound: float, limit: float) -> str:
    """The issue's second reference: the Lagrangian on the area target, each step a minimum
    s-t cut (with its repairs of the cuts nearest the target), alone, from the LP's price."""
    t = clock()
    found = lagrangian(problem, Feedback(), time.monotonic() + limit,
                       start_price=linear_bound(problem)[1])
    if found.chosen is None:
        return f"no plan reaching the target, own bound {found.bound:,.1f}, {since(t)}"
    own, ours = gap(found.objective, found.bound), gap(found.objective, bound)
    return (f"{found.objective:,.1f}, own bound {found.bound:,.1f}, own gap {100 * own:.2f} % "
            f"({100 * ours:.2f} % above our bound), {found.steps} cuts, {since(t)}")


def gap(value: float, bound: float) -> float:
    return (value - bound) / max(abs(value), 1e-9)


def eca(layers, units, key, pair) -> None:
    from naturplan.core.analysis.connectivity import ConnectivityNetwork

    t = clock()
    today = ConnectivityNetwork.of_polygons(layers.protected, layers.municipality,
                                            keep_paths=False).indices.eca_m2
    label, w, case = key
    for name, solution in (("optimiser", pair[0]), ("greedy", pair[1])):
        added = units.new_part(np.flatnonzero(solution.chosen))
        patches = np.concatenate([layers.protected, added])
        after = ConnectivityNetwork.of_polygons(patches, layers.municipality,
                                                keep_paths=False).indices.eca_m2
        print(f"| ΔECA, {label} W {w:g}/km{', ' + case if case else ''}, {name} | "
              f"{(after - today) / M2_PER_HA:,.1f} ha |", flush=True)
    print(f"(ECA measured in {since(t)})")


if __name__ == "__main__":
    main()
