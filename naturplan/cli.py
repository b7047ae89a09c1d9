"""Command line: ``naturplan`` opens the app; subcommands work headless.

Every command takes the same data options (``--layer ROLE=PATH[:LAYER]``, ``--kommune``,
``--assume-crs``, ``--field``). Bad input ends with one clear line on stderr and a non-zero
exit code, never a traceback (set ``NATURPLAN_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from naturplan import cli_candidates
from naturplan.core.errors import NaturplanError
from naturplan.core.roles import Role, parse_role

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2


def _data_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("data")
    group.add_argument(
        "--layer", action="append", default=[], metavar="ROLE=PATH[:LAYER]",
        help="use this file for ROLE (municipality, parcels, nature_p3, natura2000, lowland, "
        "flood, forest_zones); repeatable; replaces the sample's layers of that role",
    )
    group.add_argument(
        "--kommune", metavar="KOMKODE",
        help="municipality by its 4-digit code from the national DAGI file (default 0851 Aalborg)",
    )
    group.add_argument(
        "--assume-crs", metavar="EPSG",
        help="CRS of --layer files that declare none (never overrides a declared CRS)",
    )
    group.add_argument(
        "--field", action="append", default=[], metavar="ROLE.FIELD=SOURCE",
        help="map a source field to a role's field, e.g. nature_p3.Natyp_navn=TYPE; repeatable",
    )
    group.add_argument(
        "--sample-scale", type=float, default=None, metavar="S",
        help="scale of the synthetic Aalborg sample (1 = ~100,000 parcels; default: "
        "$NATURPLAN_SAMPLE_SCALE or 1)",
    )
    group.add_argument("--no-sample", action="store_true", help="open real data only")
    group.add_argument(
        "--protected-roles", metavar="ROLES",
        help="comma-separated roles that count as protected (default nature_p3)",
    )
    group.add_argument(
        "--lang", choices=("da", "en"), default=None, help="language (default da)"
    )
    return parent


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command."""
    data = _data_options()
    parser = argparse.ArgumentParser(
        prog="naturplan",
        description="Desktop GIS for municipal nature planning (Aalborg Kommune). Without a "
        "command it opens the app on the shipped sample.",
        parents=[data],
    )
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="open the main window, save it to PNG and exit")
    parser.add_argument("--project", type=Path, metavar="P.gpkg", help="open this project file")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    stats = sub.add_parser("stats", parents=[data], help="protected share and the gap to targets")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.add_argument("--project", type=Path, metavar="P.gpkg",
                       help="add the project's candidates (projected share)")
    cli_candidates.add_parser(sub, data)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``naturplan`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "stats":
            return _run_stats(args)
        if args.command == "candidates":
            return cli_candidates.run(args)
        return _run_app(args)
    except NaturplanError as exc:
        print(f"naturplan: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("naturplan: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the user never sees a traceback unless they ask
        if os.environ.get("NATURPLAN_DEBUG"):
            traceback.print_exc()
        print(
            f"naturplan: unexpected error: {type(exc).__name__}: {exc} "
            "(set NATURPLAN_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def dataset_request(args: argparse.Namespace) -> Any:
    """The :class:`DatasetRequest` the data options describe."""
    from naturplan.io.datasets import DatasetRequest
    from naturplan.io.loading import parse_layer_arg

    fields = _parse_fields(args.field)
    layers = []
    for text in args.layer:
        request = parse_layer_arg(text, assume_crs=args.assume_crs)
        if request.role in fields:
            request = dataclasses.replace(request, fields=fields[request.role])
        layers.append(request)
    scale = args.sample_scale
    if scale is None:
        scale = float(os.environ.get("NATURPLAN_SAMPLE_SCALE", "1"))
    if not 0 < scale <= 4:
        raise NaturplanError(f"--sample-scale must be in (0, 4], got {scale:g}.")
    return DatasetRequest(
        kommune=args.kommune, layers=tuple(layers), sample_scale=scale,
        use_sample=not args.no_sample,
    )


def explicit_data(args: argparse.Namespace) -> bool:
    """True if the user gave any data option (else a project's own record applies)."""
    return bool(
        args.layer or args.kommune or args.field or args.no_sample
        or args.sample_scale is not None or args.protected_roles
    )


def data_for(args: argparse.Namespace) -> tuple[Any, tuple[Role, ...]]:
    """The dataset request and protected roles to use.

    With ``--project`` and no data options: what the project was last measured against
    (its settings), so that a plan reopens with its own layers; otherwise the options.
    """
    project = getattr(args, "project", None)
    if project is not None and not explicit_data(args):
        from naturplan.io.plan_settings import recorded_request

        recorded = recorded_request(project)
        if recorded is not None:
            return recorded
    return dataset_request(args), protected_roles(args)


def protected_roles(args: argparse.Namespace) -> tuple[Role, ...]:
    """The roles that count as protected, from ``--protected-roles``."""
    from naturplan.core.dataset import DEFAULT_PROTECTED_ROLES

    if not args.protected_roles:
        return DEFAULT_PROTECTED_ROLES
    return tuple(parse_role(name) for name in args.protected_roles.split(",") if name.strip())


def _parse_fields(items: Sequence[str]) -> dict[Role, dict[str, str]]:
    out: dict[Role, dict[str, str]] = {}
    for item in items:
        key, sep, source = item.partition("=")
        role_name, dot, field_name = key.partition(".")
        if not sep or not dot or not field_name or not source:
            raise NaturplanError(f"--field wants ROLE.FIELD=SOURCE, got '{item}'.")
        out.setdefault(parse_role(role_name), {})[field_name.strip()] = source.strip()
    return out


def _progress_printer(enabled: bool) -> Any:
    last = [-1]

    def report(fraction: float, message: str) -> None:
        step = int(fraction * 20)
        if enabled and step != last[0]:
            last[0] = step
            print(f"  {fraction * 100:5.1f} %  {message}", file=sys.stderr, flush=True)

    return report


def _run_stats(args: argparse.Namespace) -> int:
    from naturplan.export.stats import stats_document, stats_text
    from naturplan.io.datasets import open_dataset

    request, roles = data_for(args)
    dataset = open_dataset(request, progress=_progress_printer(sys.stderr.isatty()))
    doc = stats_document(dataset, roles, project=args.project)
    if args.json:
        print(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        print(stats_text(doc, lang=args.lang or "da"))
    return EXIT_OK


def _run_app(args: argparse.Namespace) -> int:
    try:
        from naturplan.gui.app import run_app
    except ImportError as exc:
        raise NaturplanError(f"The desktop app is not available here: {exc}") from None
    return int(run_app(args, *data_for(args)))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
