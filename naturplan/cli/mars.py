"""MARS on the command line (issue 22, item 4): ``candidates import --format mars`` and
``candidates export --format mars --out DIR``, with the mapping of
``resources/national/mars_v1.toml`` and ``--mars-field KEY=FIELD`` overrides. The options are
added to the ``candidates`` commands by :func:`add_import_options` and
:func:`add_export_options`; the work is :mod:`naturplan.usecases.mars`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

CONTEXT = "mars"


def add_import_options(parser: argparse.ArgumentParser) -> None:
    """``--format`` and ``--mars-field`` of ``candidates import``."""
    parser.add_argument("--format", dest="import_format", choices=["file", "mars"],
                        default="file", help="mars: a MARS export of project areas (kind "
                        "and status from the MARS type and phase; --kind is not needed)")
    parser.add_argument("--mars-field", action="append", default=[], metavar="KEY=FIELD",
                        help="the file's field for a MARS key (id, name, type, phase, "
                        "municipality, area_ha)")


def add_export_options(parser: argparse.ArgumentParser) -> None:
    """``--format`` of ``candidates export``."""
    parser.add_argument("--format", dest="export_format", choices=["table", "mars"],
                        default="table", help="mars: project areas (shapefile) and project "
                        "list (CSV) for MARS into the folder --out")


def _overrides(items: list[str]) -> dict[str, str]:
    from naturplan.core.errors import UsageError

    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise UsageError("Write --mars-field as KEY=FIELD, not {item}.", item=item)
        out[key.strip()] = value.strip()
    return out


def run_import(args: argparse.Namespace) -> int:
    """Import a MARS file into ``--project``; returns the exit code."""
    from naturplan.io.loading import split_path_layer
    from naturplan.io.national import load_mars_mapping, read_mars_file
    from naturplan.text.i18n import tr
    from naturplan.usecases.mars import import_mars

    lang = args.lang or "da"
    mapping = load_mars_mapping().with_fields(_overrides(args.mars_field))
    source, layer = split_path_layer(str(args.source))
    frame = read_mars_file(Path(source), layer, args.assume_crs)
    report = import_mars(args.project, frame, mapping, args.author)
    print(tr(lang, CONTEXT, "Imported {n} MARS projects.", n=report.imported))
    if report.skipped:
        print(tr(lang, CONTEXT, "Skipped {n} projects already in the plan: {ids}.",
                 n=len(report.skipped), ids=", ".join(report.skipped)))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Write the MARS files of ``--project`` into the folder ``--out``; returns the exit
    code."""
    import sys

    from naturplan.cli.options import data_for, progress_printer
    from naturplan.io.atomic import check_writable
    from naturplan.io.datasets import open_dataset
    from naturplan.io.national import load_mars_mapping, read_national
    from naturplan.io.project.open import open_store, require_project
    from naturplan.text.i18n import tr
    from naturplan.text.national_words import gap_text
    from naturplan.usecases.mars import export_mars
    from naturplan.usecases.measures import measure_plan
    from naturplan.usecases.plan_data import load_plan_data

    lang = args.lang or "da"
    mapping = load_mars_mapping()
    check_writable(Path(args.out) / "mars.csv")
    require_project(args.project)
    with open_store(args.project, create=False, readonly=True) as store:
        record = read_national(store)
    request, roles = data_for(args)
    dataset = open_dataset(request, progress=progress_printer(sys.stderr.isatty()))
    data = load_plan_data(dataset, roles, args.project)
    measure_plan(data, connectivity=False)
    report = export_mars(Path(args.out), data, record, mapping)
    for path in report.paths:
        print(tr(lang, CONTEXT, "Wrote {n} MARS projects to {path}.", n=report.rows,
                 path=str(path)))
    for gap in report.gaps:
        print(gap_text(gap, lang))
    return 0
