"""``naturplan stats``: the protected share and the gap to the targets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from naturplan.cli.options import ProgressLine, data_for
from naturplan.core import jsontext
from naturplan.io.project.open import project_arg

EXIT_OK = 0


def add_parser(subparsers: Any, data_parent: argparse.ArgumentParser) -> None:
    """Add ``stats`` to the ``naturplan`` parser."""
    stats = subparsers.add_parser(
        "stats", parents=[data_parent], help="protected share and the gap to targets"
    )
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.add_argument("--project", type=project_arg, metavar="PROJECT",
                       help="add the project's candidates (projected share)")
    stats.add_argument("--connectivity", action="store_true",
                       help="with --project --json: also measure the habitat network now and "
                       "projected (seconds at municipal scale)")
    stats.add_argument("--all-kommuner", action="store_true",
                       help="one row per municipality of the country (share, gap to the 17 and 20 "
                       "percent targets, by §3 type), measured one municipality at a time")
    stats.add_argument("--out", type=Path, default=None, metavar="FILE.csv|.xlsx|.json",
                       help="with --all-kommuner: write the table to this file")
    stats.add_argument("--workers", type=int, default=None, metavar="N",
                       help="with --all-kommuner: processes that measure (default: 2 cores)")
    stats.add_argument("--access-roles", metavar="ROLES",
                       help="with --access: the roles that count as accessible nature, "
                       "comma-separated (default: the project's setting, or nature_p3,candidates)")
    stats.add_argument("--access-distance", choices=("straight", "network"), default=None,
                       help="with --access: measure distances in a straight line or walking on "
                       "the road network (a layer of role roads; default: the project's setting, "
                       "or straight)")
    stats.add_argument("--condition", action="store_true",
                       help="with --json: also measure the condition of the §3 nature (area by "
                       "naturtilstand, share in good condition; reads the §3 fields)")
    stats.add_argument("--condition-targets", metavar="FILE",
                       help="the target file for the share in good condition (TOML; default: "
                       "the shipped example)")
    stats.add_argument("--access", action="store_true",
                       help="with --json: also measure access to nature near home (the share "
                       "of addresses within 300 m and 1 km of nature; reads the addresses)")


def run(args: argparse.Namespace) -> int:
    """Print the share (text or ``--json``); warnings go to stderr in both cases.

    A share of 0 % because nothing was there (no protected layer for this municipality, a
    layer wholly outside it) is said in a warning, never left silent.
    """
    from naturplan.cli.database_batch import database_with_layers
    from naturplan.core.layers.roles import Role

    if args.all_kommuner:
        from naturplan.cli import all_kommuner

        return all_kommuner.run(args)
    from naturplan.io.datasets import measure_dataset
    from naturplan.usecases.stats import stats_document, stats_text, warning_lines

    if not args.connectivity:
        database = database_with_layers(args, Role.NATURE_P3)
        if database is not None:  # the layers live in the team database (issue 24 §3)
            from naturplan.cli.database_batch import run_stats

            return run_stats(args, database)
    lang = args.lang or "da"
    request, roles = data_for(args)
    with ProgressLine(sys.stderr, lang) as progress:
        measured = measure_dataset(request, roles, progress=progress)
    doc = stats_document(measured, project=args.project, lang=lang)
    if args.json and args.project is not None:
        from naturplan.cli.analysis import stats_analysis

        doc["analysis"] = stats_analysis(args, measured)
    if args.json:
        from naturplan.usecases.access import ACCESS_NOT_ASKED, stats_access

        doc.update(stats_access(request, args.project, args.access_roles,
                                 args.access_distance) if args.access
                   else ACCESS_NOT_ASKED)
        from naturplan.usecases.condition import CONDITION_NOT_ASKED, stats_condition

        doc.update(stats_condition(request, args.project, args.condition_targets)
                   if args.condition else CONDITION_NOT_ASKED)
    from naturplan.usecases.municipalities import municipalities_document, municipality_lines

    parts = municipalities_document(measured, args.project)
    if parts is not None:  # a plan area of several municipalities (issue 22 item 3)
        doc["municipalities"] = parts
    if args.json:
        print(jsontext.dumps(doc, indent=2))
    else:
        print("\n".join([stats_text(doc, lang=lang),
                         *(municipality_lines(parts, lang) if parts else [])]))
    for line in warning_lines(doc, lang):
        print(line, file=sys.stderr)
    return EXIT_OK
