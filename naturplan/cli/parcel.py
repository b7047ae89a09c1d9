"""``naturplan parcel`` and ``naturplan parcels``: a parcel's status card, and every parcel's.

::

    naturplan parcel --ejerlav "Nørre Vadum By" --matrikel 7a [--json | --pdf OUT.pdf]
    naturplan parcel --address "Vesterbro 14, 9000"
    naturplan parcel --search "7a, nr vadum"
    naturplan parcels --out status.csv|status.gpkg

Both take the common data options. A search that finds nothing exits 1 with what was not
found and the nearest matches on stderr ("Mente du: …?"), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from naturplan.cli.options import data_for, progress_printer, without_cloud_sessions
from naturplan.core import jsontext
from naturplan.core.errors import NaturplanError
from naturplan.io.project.open import project_arg
from naturplan.text.terminal import terminal_text

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_USAGE = 2


def add_parser(subparsers: Any, data_parent: argparse.ArgumentParser) -> None:
    """Add ``parcel`` and ``parcels`` to the ``naturplan`` parser."""
    one = subparsers.add_parser(
        "parcel", parents=[data_parent],
        help="everything that applies to one parcel (by ejerlav and matrikelnummer, or address)",
    )
    one.add_argument("--ejerlav", metavar="CODE_OR_NAME",
                     help="the ejerlav: its code (60851) or its name, whole or in part")
    one.add_argument("--matrikel", metavar="NR", help="the matrikelnummer (7a, 12bø)")
    one.add_argument("--address", metavar="TEXT", help='an address: "Vesterbro 14, 9000"')
    one.add_argument("--search", metavar="TEXT",
                     help='one line as typed in the search box: "7a, Nørre Vadum By"')
    out = one.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the card as JSON")
    out.add_argument("--pdf", type=Path, metavar="OUT.pdf",
                     help="write a one-page A4 PDF for the case file")
    _common(one)
    batch = subparsers.add_parser(
        "parcels", parents=[data_parent],
        help="every parcel's status to a CSV or GeoPackage file, one row per parcel",
    )
    batch.add_argument("--out", type=Path, required=True, metavar="FILE.csv|FILE.gpkg")
    _common(batch)
    from naturplan.cli.parcels_tiles import add_options

    add_options(batch)  # a national layer tile by tile (issue 24 §2)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--project", type=project_arg, metavar="PROJECT",
                        help="include the candidate areas of this project")
    parser.add_argument("--ejerlav-names", type=Path, default=None, metavar="FILE",
                        help="a table of ejerlav (code and name, CSV or GeoPackage) for a "
                        "parcel file that has only the codes")
    parser.add_argument("--sliver-area", type=float, default=None, metavar="M2",
                        help="overlaps smaller than this are slivers, not protection "
                        "(default 5 m²)")
    parser.add_argument("--sliver-width", type=float, default=None, metavar="M",
                        help="overlaps nowhere wider than this are slivers (default 1 m)")


def _rule(args: argparse.Namespace) -> Any:
    """The sliver tolerance the options give."""
    from naturplan.core.parcels.overlaps import SliverRule

    default = SliverRule()
    area = default.min_area_m2 if args.sliver_area is None else args.sliver_area
    width = default.min_width_m if args.sliver_width is None else args.sliver_width
    if area < 0 or width < 0:
        raise NaturplanError("The sliver tolerance cannot be negative.")
    return SliverRule(area, width)


def _context(args: argparse.Namespace, batch: bool = False) -> Any:
    """The parcel context and the dataset; for the *batch* only the layers its table uses
    are read (the parcels and every theme layer, not the addresses, roads and designations
    that only a card or the map shows)."""
    from naturplan.io.datasets import open_dataset
    from naturplan.io.parcels import load_ejerlav_names, parcel_context, project_candidates

    rule = _rule(args)
    project = args.project
    request, _ = data_for(args)
    roles = None
    if batch:
        from naturplan.core.layers.roles import Role
        from naturplan.core.parcels.themes import ROLE_THEMES

        roles = {Role.PARCELS, *ROLE_THEMES}
    dataset = open_dataset(request, progress=progress_printer(sys.stderr.isatty()), roles=roles)
    candidates = project_candidates(project) if project is not None else None
    names = load_ejerlav_names(args.ejerlav_names) if args.ejerlav_names else None
    return parcel_context(dataset, candidates=candidates, rule=rule,
                          ejerlav_names=names), dataset


def run_parcel(args: argparse.Namespace) -> int:
    """``naturplan parcel …``; returns the exit code.

    Raises
    ------
    NaturplanError
        For bad input (no such file, no parcels loaded); printed by ``main``.
    """
    from naturplan.export.parcel_card import card_document
    from naturplan.io.atomic import check_writable
    from naturplan.io.parcels import load_legal_bases
    from naturplan.text.i18n import tr
    from naturplan.usecases.parcel_status import ParcelQuery, parcel_status

    lang = args.lang or "da"
    by_key = args.ejerlav is not None or args.matrikel is not None
    chosen = sum([by_key, args.address is not None, args.search is not None])
    if chosen != 1 or (by_key and (not args.ejerlav or not args.matrikel)):
        print("naturplan parcel: " + tr(lang, "parcels", "give --ejerlav and --matrikel, or "
              "--address, or --search"), file=sys.stderr)
        return EXIT_USAGE
    legal = load_legal_bases()
    if args.pdf is not None:
        check_writable(args.pdf)
    context, dataset = _context(args)
    query = ParcelQuery(args.search, args.ejerlav if by_key else None,
                        args.matrikel if by_key else None, args.address, lang)
    report = parcel_status(context, query, legal)
    said = report.miss
    if said is not None:  # no single parcel: what was not found, and "Mente du: …?"
        print(terminal_text(f"naturplan: {said.message}"), file=sys.stderr)
        if said.question:
            print(terminal_text(said.question), file=sys.stderr)
        return EXIT_NOT_FOUND
    card, text = report.card, report.text
    assert card is not None and text is not None  # parcel_status: a card, or a miss
    if args.json:
        print(jsontext.dumps(card_document(card, legal, lang), indent=2))
    elif args.pdf is not None:
        from naturplan.export.parcel_pdf import write_parcel_pdf
        from naturplan.io.styles import load_styles

        write_parcel_pdf(args.pdf, card, text, dataset.layers, load_styles(), lang)
        print(terminal_text(str(args.pdf)))
    else:
        print("\n".join(terminal_text(line) for line in text.lines()))
    return EXIT_OK


def run_parcels(args: argparse.Namespace) -> int:
    """``naturplan parcels --out FILE``; returns the exit code."""
    from naturplan.core.feedback import Feedback
    from naturplan.core.parcels.batch import parcel_table
    from naturplan.export.parcel_table import table_notes, write_parcel_table
    from naturplan.io.atomic import check_writable

    suffix = args.out.suffix.lower()
    if suffix not in (".csv", ".gpkg"):
        raise NaturplanError("The output file must end in .csv or .gpkg, got '{name}'.",
                             name=args.out.name)
    check_writable(args.out)  # before minutes of work, not after
    from naturplan.cli.database_batch import database_with_layers
    from naturplan.core.layers.roles import Role

    database = database_with_layers(args, Role.PARCELS)
    if database is not None:  # the layers live in the team database (issue 24 §3)
        from naturplan.cli.database_batch import run_parcels

        return run_parcels(args, database)
    without_cloud_sessions()  # the flood rasters are local files
    from naturplan.cli.parcels_tiles import run_by_tile

    bar = ProgressBar(sys.stderr, enabled=sys.stderr.isatty())
    streamed = run_by_tile(args, _rule(args), bar)  # a national parcel layer (issue 24 §2)
    if streamed is not None:
        return streamed
    context, _ = _context(args, batch=True)
    lang = args.lang or "da"
    if suffix == ".csv":  # both cores: half of the parcels in a forked child
        from naturplan.export.parcel_table import write_parcel_csv
        from naturplan.usecases.parcel_batch import parcel_csv

        synthetic = any(s.synthetic for s in context.sources())
        done = parcel_csv(context, synthetic, Feedback(bar.report))
        bar.finish()
        notes = done.notes(lang)
        write_parcel_csv(done.text, done.rows, args.out, notes)
    else:
        table = parcel_table(context, Feedback(bar.report))  # no search index: not a card
        bar.finish()
        write_parcel_table(table, context, args.out, lang)
        notes = table_notes(table, lang)
    for line in notes:
        print(f"naturplan: {line}", file=sys.stderr)
    print(terminal_text(str(args.out)))
    return EXIT_OK


class ProgressBar:
    """A one-line progress bar on a terminal: ``[#########-----------]  45 %  §3``."""

    WIDTH = 30

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.start = time.perf_counter()
        self._last = ""

    def report(self, fraction: float, message: str) -> None:
        if not self.enabled:
            return
        filled = int(round(fraction * self.WIDTH))
        line = (f"\r[{'#' * filled}{'-' * (self.WIDTH - filled)}] {fraction * 100:5.1f} %  "
                f"{message[:40]:<40}")
        if line != self._last:
            self._last = line
            self.stream.write(line)
            self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.report(1.0, f"{time.perf_counter() - self.start:.1f} s")
            self.stream.write("\n")
            self.stream.flush()

