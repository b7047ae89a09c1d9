"""The batch in the team database (issue 24 §3): ``data load`` and the SQL paths of
``stats`` and ``parcels --out``.

``naturplan data load ROLE=FILE[:LAYER] … --project postgresql://…`` loads files into the
project database (:mod:`naturplan.io.postgis_layers`). Afterwards ``stats --project DB`` and
``parcels --out FILE.csv --project DB``, given no data options of their own, measure the
layers where they live: as SQL in PostGIS, the rows streamed back.
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


def add_load_parser(sub: Any) -> None:
    """Add ``data load`` to the ``data`` parser's actions."""
    load = sub.add_parser("load", help="load layers into the team database (PostGIS)")
    load.add_argument("layers", nargs="+", metavar="ROLE=FILE[:LAYER]",
                      help="the file for ROLE, read as --layer reads it; repeatable")
    load.add_argument("--project", required=True, metavar="postgresql://…",
                      help="the team project's database (postgresql://host/db or service=NAME)")
    load.add_argument("--field", action="append", default=[], metavar="ROLE.FIELD=SOURCE",
                      help="map a source field to a role's field, e.g. "
                           "nature_p3.Natyp_navn=TYPE; repeatable")
    load.add_argument("--assume-crs", metavar="EPSG",
                      help="CRS of --layer files that declare none (never overrides a "
                           "declared CRS)")
    load.add_argument("--lang", choices=("da", "en"), default=None, help="language (default da)")


def run_load(args: argparse.Namespace) -> int:
    """``naturplan data load``: every file loaded as locally, then written in one
    transaction; one line per role on stdout."""
    import dataclasses

    from naturplan.cli.options import _parse_fields
    from naturplan.io.loading import parse_layer_arg
    from naturplan.io.postgis_layers import load_into_database
    from naturplan.io.project.open import is_database
    from naturplan.text.i18n import tr

    lang = args.lang or "da"
    if not is_database(args.project):
        raise NaturplanError("data load needs a team database (postgresql://… or "
                             "service=NAME), got '{name}'.", name=args.project)
    fields = _parse_fields(args.field)
    requests = []
    for text in args.layers:
        request = parse_layer_arg(text, assume_crs=args.assume_crs)
        if request.role in fields:
            request = dataclasses.replace(request, fields=fields[request.role])
        requests.append(request)
    for item in load_into_database(args.project, requests):
        print(tr(lang, "national", "{role}: {n} features loaded into {table}", n=item.features,
                 role=item.role.value, table=item.table))
    return EXIT_OK


def database_with_layers(args: argparse.Namespace, needed: Role) -> str | None:
    """The team database to measure in: ``--project`` is one, no data option was given, and
    it holds a layer of *needed* (``data load``); else None (the local path)."""
    from naturplan.cli.options import explicit_data
    from naturplan.io.project.open import is_database

    project = getattr(args, "project", None)
    if project is None or not is_database(os.fspath(project)) or explicit_data(args):
        return None
    from naturplan.io.postgis_layers import database_layers

    return str(project) if needed in database_layers(str(project)) else None


def run_stats(args: argparse.Namespace, conninfo: str) -> int:
    """``stats`` on the layers in the database: the protected share and the gaps."""
    from naturplan.core.share.targets import gap_to, targets_for
    from naturplan.io.loading import load_municipality
    from naturplan.io.postgis_layers import protected_share
    from naturplan.text.i18n import tr
    from naturplan.text.numbers import format_ha, format_percent

    lang = args.lang or "da"
    municipality = load_municipality(args.kommune)
    share = protected_share(conninfo, municipality.geometry)
    whole = share.municipality_area_m2
    gaps = [gap_to(t, share.area_m2, whole) for t in targets_for(municipality.code)]
    doc = {
        "municipality": {"code": municipality.code, "name": municipality.name,
                         "area_m2": whole},
        "computed_in": "database",
        "protected_m2": share.area_m2,
        "share": min(share.area_m2 / whole, 1.0) if whole > 0 else None,
        "by_type_m2": dict(sorted(share.by_type.items())),
        "targets": [{"key": g.target.key, "share": g.target.share, "gap_m2": g.gap_m2,
                     "surplus_m2": g.surplus_m2} for g in gaps],
    }
    if args.json:
        print(jsontext.dumps(doc, indent=2))
        return EXIT_OK
    print(tr(lang, "national", "{name}: {share} protected ({area}), measured in the database",
             name=municipality.name or municipality.code,
             share=format_percent(doc["share"] or 0.0, lang=lang),
             area=format_ha(share.area_m2, lang=lang)))
    for g in gaps:
        print(tr(lang, "national", "  gap to {target}: {gap}",
                 target=format_percent(g.target.share, 0, lang),
                 gap=format_ha(g.gap_m2, lang=lang)))
    return EXIT_OK


def run_parcels(args: argparse.Namespace, conninfo: str) -> int:
    """``parcels --out FILE.csv`` on the layers in the database, streamed to the file."""
    from naturplan.core.parcels.overlaps import SliverRule
    from naturplan.export.parcel_stream import write_streamed_parcel_table
    from naturplan.io.postgis_layers import parcel_rows, synthetic_roles
    from naturplan.text.terminal import terminal_text

    if args.out.suffix.lower() != ".csv":
        raise NaturplanError("Measured in the database, the table is written as CSV; "
                             "got '{name}'.", name=args.out.name)
    default = SliverRule()
    area = default.min_area_m2 if args.sliver_area is None else args.sliver_area
    width = default.min_width_m if args.sliver_width is None else args.sliver_width
    if area < 0 or width < 0:
        raise NaturplanError("The sliver tolerance cannot be negative.")
    synthetic = bool(synthetic_roles(conninfo))
    write_streamed_parcel_table(parcel_rows(conninfo, area, width), args.out, synthetic,
                                args.lang or "da")
    print(terminal_text(str(args.out)), file=sys.stdout)
    return EXIT_OK
