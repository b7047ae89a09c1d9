"""``naturplan export --atlas``: the candidate atlas, the council's appendix (issue 19).

    naturplan export --atlas --out bilag.pdf --project P [--scenario NAME]
                     [--split-by kind|status] [--title T] [--no-analysis]

An overview page (the plan's map, the ledger, the key) and one page per candidate (of the
scenario, with ``--scenario``); with ``--split-by`` one PDF per kind or status, named after
``--out`` (``bilag-lavbund.pdf``, …). The command says which files it wrote and their pages.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from naturplan.core.errors import ExportError


def add_atlas_arguments(parser: argparse.ArgumentParser) -> None:
    """``--atlas``, ``--scenario`` and ``--split-by`` on ``naturplan export``."""
    parser.add_argument("--atlas", action="store_true",
                        help="the candidate atlas: an overview page and one page per "
                        "candidate (PDF; needs --project)")
    parser.add_argument("--scenario", metavar="NAME",
                        help="atlas of the candidates of this scenario only")
    parser.add_argument("--split-by", choices=("kind", "status"),
                        help="one atlas PDF per kind or status (named after --out)")


def run_atlas(args: argparse.Namespace) -> int:
    """Write the atlas; returns the exit code.

    Raises
    ------
    NaturplanError
        With a one-line message (no project, unknown scenario, not a PDF, unwritable file).
    """
    from naturplan.cli.options import data_for, progress_printer
    from naturplan.core.feedback import Feedback
    from naturplan.export.atlas import AtlasOptions, export_atlas, scenario_plan
    from naturplan.export.map_layers import ordered_layers
    from naturplan.io.datasets import open_dataset
    from naturplan.io.styles import load_styles
    from naturplan.text.i18n import tr
    from naturplan.usecases.measures import measure_plan
    from naturplan.usecases.plan_data import load_plan_data

    lang = args.lang or "da"
    if not args.atlas:
        raise ExportError("--scenario and --split-by belong to the atlas: add --atlas.")
    if args.project is None:
        raise ExportError("The atlas shows a project's candidates: give --project.")
    if (args.format or args.out.suffix.lower().lstrip(".")) != "pdf":
        raise ExportError("The atlas is a PDF: give --out a .pdf name.")
    request, roles = data_for(args)
    progress = progress_printer(sys.stderr.isatty())
    dataset = open_dataset(request, progress=progress)
    data = load_plan_data(dataset, roles, args.project)
    if args.scenario:
        data = scenario_plan(data, args.scenario)
    feedback = Feedback(progress)
    if not args.no_analysis:
        measure_plan(data, feedback=feedback.part(0.0, 0.3))
    layers = ordered_layers([*dataset.layers, data.candidates_layer()], load_styles())
    preset = _preset(args.preset)
    report = export_atlas(args.out, layers, data,
                          AtlasOptions(title=args.title, split_by=args.split_by,
                                       preset=preset),
                          lang, feedback.part(0.3, 1.0))
    for f in report.files:
        size = f"{f.size / 1e6:.1f}".replace(".", "," if lang == "da" else ".")
        print(tr(lang, "atlas", "Wrote {path}: {n} pages ({size} MB).", n=f.pages,
                 path=str(f.path), size=size) + (f" [{f.group}]" if f.group else ""))
    return 0


def _preset(name: str | None) -> Any:
    if not name:
        return None
    from naturplan.export.layout.presets import find_preset

    return find_preset(name)
