"""``naturplan stats --all-kommuner``: one row per municipality (issue 24 §2).

The municipalities are the national DAGI file's (or those of ``--layer municipality=FILE``);
the protected layers are the ``--layer`` files of the protected roles (a national §3 layer),
read one municipality's box at a time, or the team database's when ``--project`` names one
that holds them (``data load``). ``--out`` writes CSV, xlsx or JSON; without it a line per
municipality is printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from naturplan.core import jsontext
from naturplan.core.errors import NaturplanError
from naturplan.core.layers.roles import Role

EXIT_OK = 0


def run(args: argparse.Namespace) -> int:
    from naturplan.cli.database_batch import database_with_layers
    from naturplan.cli.options import protected_roles
    from naturplan.io.loading import parse_layer_arg
    from naturplan.io.sample.national import national_municipalities
    from naturplan.usecases.all_kommuner import kommune_shares

    lang = args.lang or "da"
    if args.out is not None:
        _check_out(args.out)
    roles = protected_roles(args)
    layers = [parse_layer_arg(text, assume_crs=args.assume_crs) for text in args.layer]
    given = [r for r in layers if r.role is Role.MUNICIPALITY]
    requests = [r for r in layers if r.role in roles]
    kommuner = national_municipalities(given[0].path if given else None)
    database = None
    if not requests:
        database = database_with_layers(_without_layers(args), Role.NATURE_P3)
        if database is None:
            raise NaturplanError(
                "--all-kommuner needs the protected layers for the whole country: "
                "--layer nature_p3=FILE, or a team database with them (data load).")
    workers = min(2, os.cpu_count() or 1) if args.workers is None else args.workers
    rows = list(kommune_shares(kommuner, requests, database=database, workers=workers,
                               progress=_progress(sys.stderr.isatty())))
    return _show(args, rows, lang)


def _without_layers(args: argparse.Namespace) -> argparse.Namespace:
    """*args* without the municipality file (it says where to measure, not which data)."""
    return argparse.Namespace(**{**vars(args), "layer": []})


def _check_out(path: Any) -> None:
    from naturplan.export.kommune_table import FORMATS
    from naturplan.io.atomic import check_writable

    if path.suffix.lower() not in FORMATS:
        raise NaturplanError("The table must end in .csv, .xlsx or .json, got '{name}'.",
                             name=path.name)
    check_writable(path)


def _progress(enabled: bool) -> Any:
    def report(fraction: float, name: str) -> None:
        if enabled:
            print(f"\r{fraction * 100:5.1f} %  {name[:40]:<40}", end="", file=sys.stderr,
                  flush=True)
    return report


def _show(args: argparse.Namespace, rows: list[Any], lang: str) -> int:
    from naturplan.export.kommune_table import kommune_rows, write_kommune_table
    from naturplan.text.i18n import tr
    from naturplan.text.numbers import format_ha, format_percent
    from naturplan.text.terminal import terminal_text

    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.out is not None:
        write_kommune_table(rows, args.out)
        print(terminal_text(str(args.out)))
        return EXIT_OK
    if args.json:
        header, values = kommune_rows(rows)
        print(jsontext.dumps([dict(zip(header, v, strict=True)) for v in values], indent=2))
        return EXIT_OK
    for r in rows:
        print(terminal_text(tr(
            lang, "national", "{code} {name}: {share} protected; to 17 %: {gap17}, "
            "to 20 %: {gap20}", code=r.code, name=r.name,
            share=format_percent(r.share, lang=lang), gap17=format_ha(r.gap_m2(0.17), lang=lang),
            gap20=format_ha(r.gap_m2(0.20), lang=lang))))
    return EXIT_OK
