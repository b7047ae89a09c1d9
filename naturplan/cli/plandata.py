"""``naturplan plandata export|mark|plan``: the plan as Plandata.dk's kommuneplanretningslinjer
(issue 22, item 1).

- ``export``: checks every candidate of the chosen statuses against the data model of
  ``resources/national/`` and prints a line per feature; writes one shapefile per theme into
  ``--out`` only if no feature is refused (``--check-only`` never writes). Exit code 1 if a
  feature is refused.
- ``mark``: designates candidates for a theme other than their kind's (1114
  Naturbeskyttelsesområder, 1115 Økologiske forbindelser: Grønt Danmarkskort), or ``none``.
- ``plan``: the plan's facts Plandata asks for (plan id, name, dates, document link).

The municipality is the project's (its recorded layers) or the data options'.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from naturplan.io.project.open import project_arg

CONTEXT = "plandata"


def add_parser(subparsers: Any, data_parent: argparse.ArgumentParser) -> None:
    """Add ``plandata export|mark|plan`` to the ``naturplan`` parser."""
    parser = subparsers.add_parser("plandata", help="export the plan to Plandata.dk "
                                   "(kommuneplanretningslinjer 1112-1115)")
    sub = parser.add_subparsers(dest="plandata_command", metavar="ACTION", required=True)
    exp = sub.add_parser("export", parents=[data_parent],
                         help="check the plan and write one shapefile per theme")
    _project(exp)
    exp.add_argument("--out", type=Path, metavar="DIR",
                     help="the folder the shapefiles are written to")
    exp.add_argument("--status", default="F,V", metavar="F,V",
                     help="Plandata statuses to export: F or KF for proposals, V or KV for "
                     "adopted areas (default F,V)")
    exp.add_argument("--check-only", action="store_true",
                     help="check and print the report, write nothing")
    mark = sub.add_parser("mark", help="designate candidate areas for a Plandata theme")
    _project(mark)
    mark.add_argument("--id", dest="ids", action="append", required=True, metavar="ID",
                      help="the candidate area, or the first characters of its id (repeat "
                      "for more)")
    mark.add_argument("--theme", required=True, metavar="1114|1115|kind|none",
                      help="1114 or 1115 (Grønt Danmarkskort), kind: the theme of its kind, "
                      "none: never exported")
    plan = sub.add_parser("plan", help="the plan's facts for Plandata (id, name, dates)")
    _project(plan)
    plan.add_argument("--plan-id", type=int, metavar="N", help="Plandata's id of the plan")
    plan.add_argument("--name", metavar="TEXT", help="the plan's name")
    plan.add_argument("--proposed", metavar="YYYY-MM-DD", help="date of the proposal")
    plan.add_argument("--adopted", metavar="YYYY-MM-DD", help="date of the adoption")
    plan.add_argument("--link", metavar="URL", help="link to the plan document")


def _project(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", type=project_arg, required=True, metavar="PROJECT",
                        help="the project file, or a PostGIS connection string")


def run(args: argparse.Namespace) -> int:
    """Run ``plandata ACTION``; returns the exit code.

    Raises
    ------
    NaturplanError
        With a one-line message (missing project, unknown status, unwritable folder).
    """
    if args.plandata_command == "export":
        return run_export(args)
    if args.plandata_command == "mark":
        return run_mark(args)
    return run_plan(args)


def run_export(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from naturplan.cli.options import data_for
    from naturplan.core.errors import PlandataRefused, UsageError
    from naturplan.core.layers.roles import Role
    from naturplan.io.datasets import municipality_for
    from naturplan.io.national import load_plandata_model
    from naturplan.text.i18n import tr
    from naturplan.text.national_words import check_lines
    from naturplan.text.terminal import terminal_text
    from naturplan.usecases.plandata import (
        PlandataRequest,
        export_plandata,
        parse_statuses,
        read_plan,
    )

    lang = args.lang or "da"
    if args.out is None and not args.check_only:
        raise UsageError("Name the folder with --out DIR, or check only with --check-only.")
    model = load_plandata_model()
    statuses = parse_statuses(args.status, model)
    candidates, record = read_plan(args.project)
    request, _roles = data_for(args)
    municipality, kommune = municipality_for(request), None
    if request.kommune and any(r.role is Role.MUNICIPALITY for r in request.layers):
        area = municipality_for(replace(request, kommune=None))
        if len(area.parts) > 1:  # --kommune names one municipality of a plan area
            municipality, kommune = area, request.kommune
    report = export_plandata(PlandataRequest(
        candidates, record, municipality, args.out or Path("."), statuses,
        check_only=args.check_only, model=model, kommune=kommune))
    for line in check_lines(report.check, lang):
        print(terminal_text(line))
    for written in report.written:
        print(terminal_text(tr(lang, CONTEXT, "Wrote {n} areas of theme {theme} to {path}.",
                               n=written.features, theme=written.theme,
                               path=str(written.path))))
    for gone in report.removed:
        print(terminal_text(tr(lang, "area", "Removed {path}: theme {theme} is no longer "
                               "exported.", theme=gone.theme, path=str(gone.path))))
    if report.check.refused:
        raise PlandataRefused("{n} areas break the rules of Plandata's data model; nothing "
                              "was written.", n=len(report.check.refused))
    return 0


def run_mark(args: argparse.Namespace) -> int:
    from naturplan.core.errors import UsageError
    from naturplan.io.national import load_plandata_model, read_national, write_national
    from naturplan.io.project.open import open_plan, require_project
    from naturplan.text.i18n import tr

    lang = args.lang or "da"
    model = load_plandata_model()
    theme = args.theme.strip().lower()
    if theme not in ("kind", "none") and theme not in model.themes:
        raise UsageError("Unknown Plandata theme {theme}; use {known}, kind or none.",
                         theme=args.theme, known=", ".join(model.themes))
    require_project(args.project)
    store, plan = open_plan(args.project, create=False)
    with store:
        record = read_national(store)
        for given in args.ids:  # an id or its first characters, as `candidates set` takes
            record = record.with_mark(plan.find(given).id,
                                      plandata_theme=None if theme == "kind" else theme)
        write_national(store, record)
    print(tr(lang, CONTEXT, "Marked {n} areas for theme {theme}.", n=len(args.ids),
             theme=args.theme))
    return 0


def run_plan(args: argparse.Namespace) -> int:
    from dataclasses import replace
    from datetime import date

    from naturplan.core.errors import UsageError
    from naturplan.io.national import read_national, write_national
    from naturplan.io.project.open import open_store, require_project
    from naturplan.text.i18n import tr

    lang = args.lang or "da"
    for text in (args.proposed, args.adopted):
        try:
            if text is not None:
                date.fromisoformat(text)
        except ValueError:
            raise UsageError("{date} is not a date as YYYY-MM-DD.", date=text) from None
    require_project(args.project)
    with open_store(args.project, create=False) as store:
        record = read_national(store)
        facts = record.facts
        changes = {"plan_id": args.plan_id, "plan_name": args.name,
                   "date_proposed": args.proposed, "date_adopted": args.adopted,
                   "document_link": args.link}
        facts = replace(facts, **{k: v for k, v in changes.items() if v is not None})
        write_national(store, replace(record, facts=facts))
    shown = ", ".join(f"{k}={v}" for k, v in facts.as_dict().items() if v not in (None, ""))
    print(tr(lang, CONTEXT, "The plan's facts for Plandata: {facts}.", facts=shown or "-"))
    return 0
