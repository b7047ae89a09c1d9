"""``naturplan stats``: the protected share and the gap to the targets."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from naturplan.cli.options import data_for, progress_printer
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


def run(args: argparse.Namespace) -> int:
    from naturplan.export.stats import stats_document, stats_text
    from naturplan.io.datasets import open_dataset

    request, roles = data_for(args)
    dataset = open_dataset(request, progress=progress_printer(sys.stderr.isatty()))
    doc = stats_document(dataset, roles, project=args.project)
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print(stats_text(doc, lang=args.lang or "da"))
    return EXIT_OK
