"""The analysis of a project's candidates for the headless commands (issue 11):
``candidates list --json`` and ``--sort firefighter``, ``stats --project P --json``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from naturplan.cli.options import ProgressLine, data_for
from naturplan.core.feedback import Feedback


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``--sort`` and ``--no-analysis`` of ``candidates list``."""
    parser.add_argument("--sort", choices=("created", "firefighter"), default="created",
                        help="order: oldest first, or by the firefighter's rule (protect, "
                        "restore, create)")
    add_no_analysis(parser, "--json without the analysis numbers (no layers are read)")
    parser.add_argument("--access-distance", choices=("straight", "network"), default=None,
                        help="with --json: measure access to nature in a straight line or "
                        "walking on the road network (a layer of role roads; default: the "
                        "project's setting, or straight)")


def add_no_analysis(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``--no-analysis``: leave out what each candidate does (CO2e, conflicts, flood,
    connectivity), which takes seconds at municipal scale."""
    parser.add_argument("--no-analysis", action="store_true", help=help_text)


def plan_analysis(args: argparse.Namespace, *, connectivity: bool = True,
                  per_candidate: bool = True, each: bool = True,
                  connectivity_skipped: str | None = None) -> Any:
    """The :class:`~naturplan.usecases.analysis.PlanAnalysis` of ``args.project``, measured
    against the project's recorded layers (or the data options), progress on stderr. Only
    the layers the analysis reads are loaded (not the parcels or addresses); the other
    arguments are :func:`~naturplan.usecases.analysis.analyse_plan`'s.

    Raises
    ------
    NaturplanError
        If the layers, the project or the factor table cannot be read.
    """
    from naturplan.io.datasets import open_dataset
    from naturplan.usecases.analysis import analysis_roles, open_plan_analysis

    lang = args.lang or "da"
    request, roles = data_for(args)
    with ProgressLine(sys.stderr, lang) as progress:
        dataset = open_dataset(request, progress=lambda f, m: progress(0.4 * f, m),
                               roles=analysis_roles(roles, per_candidate=per_candidate))
        feedback = Feedback(lambda f, m: progress(0.4 + 0.6 * f, m or "analysis"))
        return open_plan_analysis(dataset, args.project, roles, connectivity=connectivity,
                                  per_candidate=per_candidate, each=each,
                                  connectivity_skipped=connectivity_skipped,
                                  feedback=feedback)


def stats_analysis(args: argparse.Namespace, measured: Any) -> dict[str, Any]:
    """The ``"analysis"`` block of ``stats --project P --json`` (the plan's totals).

    No candidate is measured on its own, and the connectivity network (seconds at municipal
    scale) only with ``--connectivity``; without it the JSON says why it is null. The layers
    are read without their tables (as ``stats`` reads its own), and the scenarios' ledgers
    start from *measured* (the ``MeasuredDataset`` stats has just measured).
    """
    from naturplan.core.analysis.scenarios import LedgerInputs
    from naturplan.usecases.analysis import (
        CONNECTIVITY_SKIPPED,
        open_plan_analysis,
        read_analysis_layers,
        stats_analysis_document,
    )

    request, roles = data_for(args)
    layers = read_analysis_layers(request, roles)
    inputs = LedgerInputs(measured.municipality.geometry, measured.index, measured.share)
    with ProgressLine(sys.stderr, args.lang or "da") as progress:
        feedback = Feedback(lambda f, m: progress(f, m or "analysis"))
        pa = open_plan_analysis(None, args.project, roles, connectivity=args.connectivity,
                                per_candidate=False, each=False,
                                connectivity_skipped=CONNECTIVITY_SKIPPED, layers=layers,
                                ledger_inputs=inputs, feedback=feedback)
    return stats_analysis_document(pa)


def list_document(rows: list[dict[str, Any]], pa: Any) -> dict[str, Any]:
    """``candidates list --json``'s extra keys: each row's ``analysis``, the totals, the
    scenarios, nature at risk, the provenance and the firefighter's order."""
    from naturplan.usecases.analysis import analysis_document

    doc = analysis_document(pa)
    per = doc.pop("candidates")
    for row in rows:
        row["analysis"] = per.get(row["id"])
    return doc


def firefighter_words(pa: Any, lang: str) -> dict[str, str]:
    """Candidate id → its firefighter's tag in *lang* ("" → the column's heading); {} without
    an analysis."""
    from naturplan.text.analysis_words import firefighter_label
    from naturplan.text.i18n import tr

    if pa is None:
        return {}
    words = {cid: firefighter_label(a.firefighter.tag, lang)
             for cid, a in pa.assessments.items()}
    words[""] = tr(lang, "analysis", "Firefighter's rule")
    return words


def add_access(args: argparse.Namespace, rows: list[dict[str, Any]], doc: dict[str, Any]
               ) -> None:
    """``candidates list --json``'s access: each row's ``access`` (the addresses it newly
    brings within reach of nature) and the plan's ``access`` now and projected (issue 25).

    Raises
    ------
    NaturplanError
        If the layers or the project cannot be read.
    """
    from naturplan.io.project.open import open_store
    from naturplan.usecases.access import (
        access_document,
        access_settings,
        add_scenario_access,
        candidate_access,
        plan_access,
        read_access,
        with_distance,
    )

    with open_store(args.project, create=False, readonly=True) as store:
        stored, candidates = store.settings(), store.candidates()
    settings = with_distance(access_settings(stored), getattr(args, "access_distance", None))
    request, _ = data_for(args)
    ledger = plan_access(read_access(request, settings), settings, candidates)
    by_id = {c.id: c for c in candidates}
    for row in rows:
        row["access"] = candidate_access(ledger, settings, by_id[row["id"]])
    doc.update(access_document(ledger, settings, projected=True))
    add_scenario_access(doc.get("scenarios", []), ledger, settings, by_id)
    from naturplan.io.restoration import stored_lifts
    from naturplan.usecases.condition import candidate_lifts

    lifts = stored_lifts(stored)
    for row in rows:  # the §3 features a candidate lifts, and to which class
        row["condition_lifts"] = {fid: cls.name for fid, cls in
                                  candidate_lifts(by_id[row["id"]], lifts).items()}
