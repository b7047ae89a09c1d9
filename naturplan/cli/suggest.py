"""``naturplan suggest``: a suggested plan as a new scenario (issue 23).

Fills a :class:`~naturplan.usecases.suggest.SuggestRequest` and prints the
:class:`~naturplan.usecases.suggest.SuggestReport`: the areas stored, the plan's numbers, the
optimality gap proven by the bound, the greedy baseline beside it. Messages: context
``cli_suggest`` of ``resources/translations/suggest_*.ts``.
"""

from __future__ import annotations

import argparse
import gc
import math
import sys
from typing import Any

from naturplan.core.errors import OptimiseError
from naturplan.io.project.open import project_arg

CONTEXT = "cli_suggest"


def add_parser(subparsers: Any, data_parent: argparse.ArgumentParser) -> None:
    """Add ``suggest`` to the ``naturplan`` parser."""
    p = subparsers.add_parser(
        "suggest", parents=[data_parent],
        help="suggest a plan that reaches a target share (an optimiser over the parcels) and "
        "store it as a scenario")
    p.add_argument("--project", type=project_arg, required=True, metavar="PROJECT",
                   help="the project (a .gpkg file or a PostGIS connection string)")
    p.add_argument("--target", type=float, metavar="SHARE",
                   help="the protected share to reach, e.g. 0.17 or 0.20")
    p.add_argument("--target-ha", action="append", default=[], metavar="KIND=HA",
                   help="hectares of new nature of one kind to reach (lowland or "
                   "afforestation), e.g. lowland=300; may be repeated and combined with "
                   "--target")
    p.add_argument("--scenario", required=True, metavar="NAME",
                   help="name of the new scenario that holds the suggested areas")
    p.add_argument("--objective", choices=("cost", "co2e", "connectivity"), default="cost",
                   help="least cost; or the most CO2e reduction or connectivity within "
                   "--budget-ha (default: the target's need + 5 %%)")
    p.add_argument("--cost", metavar="ROLE.FIELD",
                   help="the cost of a parcel from its field, e.g. parcels.pris (default: "
                   "the farmland taken in ha)")
    p.add_argument("--budget-ha", type=float, metavar="N",
                   help="at most N ha of new nature")
    p.add_argument("--boundary", type=float, default=0.0, metavar="W",
                   help="boundary penalty per km of outline, for compact areas (default 0)")
    p.add_argument("--time-limit", type=float, default=10.0, metavar="S",
                   help="seconds the solver may use (default 10)")
    p.add_argument("--units", choices=("parcels", "grid"), default="parcels",
                   help="the planning units: the parcels, or 1-ha grid cells of the "
                   "municipality (for one without a parcel layer)")
    p.add_argument("--author", help="name for the audit trail (default: login name)")
    p.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    """Run ``naturplan suggest``; returns the exit code.

    Python's cyclic garbage collector is off meanwhile: the command makes ~10⁵ geometries
    and arrays that live until it ends and form no cycles worth collecting, and the
    collector went over them ~470 times on the full sample (0.15-0.17 s CPU of this
    process's ~3 s, issue 23), and in forked children it writes to every page it
    inherited (copies, not shared). Reference counting still frees everything else.

    Raises
    ------
    NaturplanError
        With a one-line message for the user (the CLI prints it and exits 1).
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        return _run(args)
    finally:
        if was_on:
            gc.enable()


def _run(args: argparse.Namespace) -> int:
    # numpy's own `unique` imports numpy.ma (10-15 ms) in each forked child that dissolves
    # (the protected share, the planning units): imported once here, before the first fork
    import numpy.ma  # noqa: F401

    from naturplan.cli.options import ProgressLine, data_for, without_cloud_sessions
    from naturplan.core.feedback import Feedback
    from naturplan.io.project.open import require_project
    from naturplan.usecases.suggest import SuggestRequest, suggest_plan
    from naturplan.usecases.suggest_data import read_inputs

    lang = args.lang or "da"
    _check(args)
    without_cloud_sessions()
    require_project(args.project)
    request, roles = data_for(args)
    suggest = SuggestRequest(
        args.project, args.target, args.scenario, args.objective, args.cost, args.budget_ha,
        args.boundary, args.time_limit, args.author, lang, roles,
        target_ha=_kind_targets(args.target_ha, lang), units=args.units)
    with ProgressLine(sys.stderr, lang) as progress:
        inputs = read_inputs(request, roles, args.cost, parcels=args.units == "parcels",
                             progress=lambda f, m: progress(0.3 * f, m),
                             meanwhile=_import_what_comes_next)
        report = suggest_plan(inputs, suggest,
                              Feedback(lambda f, m: progress(0.3 + 0.7 * f, m or "suggest")))
    if args.json:
        from naturplan.core import jsontext

        print(jsontext.dumps(report_document(report), indent=2))
    else:
        print(report_text(report, lang))
    return 0


def _import_what_comes_next() -> None:
    """Import what finding and storing the plan use, while the inputs' forked child finishes
    (~0.05 s of imports this process would otherwise do after waiting for it)."""
    import naturplan.io.factors  # noqa: F401
    import naturplan.io.project.gpkg_store  # noqa: F401
    import naturplan.usecases.analysis_context  # noqa: F401


def _check(args: argparse.Namespace) -> None:
    """One clear line for a value out of range (nothing is read or written then)."""
    if args.target is None and not args.target_ha:
        raise OptimiseError("Give a target share (--target) or hectares by kind "
                            "(--target-ha KIND=HA).")
    checks = (
        (args.target is None or 0 < args.target < 1, "--target", args.target),
        (args.budget_ha is None or args.budget_ha > 0, "--budget-ha", args.budget_ha),
        (math.isfinite(args.boundary) and args.boundary >= 0, "--boundary", args.boundary),
        (args.time_limit > 0, "--time-limit", args.time_limit),
    )
    for ok, option, value in checks:
        if not ok:
            raise OptimiseError("{option} cannot be {value}.", option=option, value=value)


def _kind_targets(values: list[str], lang: str) -> tuple[tuple[str, float], ...]:
    """``["lowland=300"]`` → ``(("lowland", 300.0),)``; one line for a value that is not
    KIND=HA with a known kind and a number above 0, or a kind given twice."""
    from naturplan.usecases.suggest import TARGET_KINDS, kind_choices

    found: dict[str, float] = {}
    for value in values:
        kind, _, text = value.partition("=")
        kind = kind.strip().lower()
        try:
            ha = float(text.replace(",", "."))
        except ValueError:
            ha = math.nan
        if kind not in TARGET_KINDS or not (math.isfinite(ha) and ha > 0) or kind in found:
            raise OptimiseError("--target-ha cannot be {value}: give KIND=HA once per kind, "
                                "KIND one of {kinds}, HA above 0.", value=value,
                                kinds=kind_choices(lang))
        found[kind] = ha
    return tuple(found.items())


def report_document(report: Any) -> dict[str, Any]:
    """The report as JSON-ready data (areas in m², shares as fractions)."""
    from naturplan.usecases.suggest import gap_to

    s, g = report.solution, report.greedy
    return {
        "scenario": report.scenario, "candidates": list(report.candidate_ids),
        "areas": list(report.areas),
        "need_m2": report.need_m2, "chosen_m2": report.chosen_m2,
        "units": report.units, "unit_kind": report.unit_kind, "excluded": report.excluded,
        "chosen_units": report.chosen_units, "co2e_t_per_year": report.co2e_t,
        "cost": report.cost, "kinds": report.kinds, "share_before": report.share_before,
        "share_after": report.share_after,
        "solver": {"method": s.method, "status": s.status, "objective": s.objective,
                   "bound": s.bound, "gap": s.gap, "seconds": s.seconds},
        "greedy": {"objective": g.objective, "seconds": g.seconds,
                   "gap_to_bound": gap_to(g.objective, s.bound)},
        "seconds": report.seconds,
    }


def report_text(report: Any, lang: str) -> str:
    """The report in words (the window shows the same lines)."""
    from naturplan.usecases.suggest import report_lines

    return "\n".join(report_lines(report, lang))
