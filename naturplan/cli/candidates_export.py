"""``naturplan candidates export``: the plan's candidate table as xlsx, csv, gpkg, shp or
geojson (the format follows the suffix of ``--out``).

The new-nature column needs the protected layers: they are the project's own (its settings),
or those the data options name. The analysis columns (CO2e, Klima-Lavbund, sequestration,
conflicts, flood, connectivity, the firefighter's rule) are measured against the same layers;
``--no-analysis`` leaves them out. What could not be measured is said after the file is written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from naturplan.cli.analysis import add_no_analysis
from naturplan.cli.mars import add_export_options
from naturplan.cli.options import data_for, progress_printer
from naturplan.io.project.open import project_arg


def add_parser(subparsers: Any, data_parent: argparse.ArgumentParser) -> None:
    """Add ``candidates export`` to the ``candidates`` sub-parsers."""
    exp = subparsers.add_parser(
        "export", parents=[data_parent],
        help="export the candidate table (xlsx, csv, gpkg, shp, geojson)",
    )
    exp.add_argument("--project", type=project_arg, required=True, metavar="PROJECT",
                     help="the project file, or a PostGIS connection string")
    exp.add_argument("--out", type=Path, required=True, metavar="FILE",
                     help="FILE.xlsx, .csv, .gpkg, .shp or .geojson")
    add_export_options(exp)
    add_no_analysis(exp, "only the plan's columns, without what each candidate does "
                    "(CO2e, Klima-Lavbund, conflicts, flood, connectivity)")


def run(args: argparse.Namespace) -> int:
    """Export the candidates of ``--project`` to ``--out``
    (:func:`naturplan.usecases.candidate_table.export_candidate_table`); returns the exit code.

    Raises
    ------
    NaturplanError
        With a one-line message (missing project, unknown format, unwritable file).
    """
    from naturplan.core.feedback import Feedback
    from naturplan.export.tables import export_candidates
    from naturplan.export.tables.writers import FORMATS
    from naturplan.io.atomic import check_writable
    from naturplan.io.datasets import open_dataset
    from naturplan.io.project.open import require_project
    from naturplan.text.i18n import tr
    from naturplan.text.terminal import terminal_text
    from naturplan.usecases.candidate_table import CandidateTableRequest, export_candidate_table
    from naturplan.usecases.plan_data import load_plan_data

    if args.export_format == "mars":
        from naturplan.cli.mars import run_export

        return run_export(args)
    lang = args.lang or "da"
    if args.out.suffix.lower() not in FORMATS:
        export_candidates(args.out, [], lang)  # raises the format message
    check_writable(args.out)  # before the layers are read and the candidates measured
    require_project(args.project)
    request, roles = data_for(args)
    progress = progress_printer(sys.stderr.isatty())
    dataset = open_dataset(request, progress=progress)
    data = load_plan_data(dataset, roles, args.project)
    report = export_candidate_table(
        CandidateTableRequest(args.out, data, lang, analysis=not args.no_analysis),
        Feedback(progress))
    print(terminal_text(tr(lang, "export", "Wrote {n} candidate areas to {path}.",
                           n=report.rows, path=str(args.out))))
    for line in report.notes:  # what the format could not hold, said once
        print(f"naturplan: {tr(lang, 'cli', 'note')}: {line}", file=sys.stderr)
    for line in report.gaps:
        print(line)
    return 0
