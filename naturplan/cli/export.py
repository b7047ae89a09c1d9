"""``naturplan export``: the plan as a print map (PDF, PNG) or an interactive web map (HTML).

    naturplan export --format pdf|png|html --out FILE [--preset NAME] [--project P.gpkg]
                     [--title T] [--subtitle S] [--extent minx,miny,maxx,maxy] [--scale N]
    naturplan export --atlas --out bilag.pdf --project P [--scenario NAME]
                     [--split-by kind|status]  (the candidate atlas: naturplan.cli.atlas)

with the data options every command takes. Without ``--format`` the suffix of ``--out``
decides. The map shows every layer of the dataset and, with ``--project``, its candidates; the
web map's candidate popups say what each one does (CO2e, conflicts, flood, ΔECA), unless
``--no-analysis``.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

from naturplan.cli.analysis import add_no_analysis
from naturplan.cli.options import data_for, progress_printer
from naturplan.core.errors import ExportError
from naturplan.io.atomic import check_writable
from naturplan.io.project.open import project_arg

#: The formats for ``--format`` (``naturplan.usecases.map_export.FORMATS``, not imported: the
#: parser is built at every start; a test keeps them equal).
FORMATS = ("pdf", "png", "html")
#: The largest --scale denominator (1:100,000,000 shows all of Europe on a page).
MAX_SCALE = 100_000_000
#: The largest coordinate of an --extent in EPSG:25832 metres (beyond it is off the earth).
MAX_COORDINATE = 100_000_000


def add_parser(subparsers: Any, data_parent: argparse.ArgumentParser) -> None:
    """Add ``export`` to the ``naturplan`` parser."""
    exp = subparsers.add_parser(
        "export", parents=[data_parent],
        help="export a print map (pdf, png) or a self-contained web map (html)",
    )
    exp.add_argument("--format", choices=FORMATS, help="default: the suffix of --out")
    exp.add_argument("--out", type=Path, required=True, metavar="FILE")
    exp.add_argument("--preset", metavar="NAME",
                     help="print preset (file name or title in resources/print_presets)")
    exp.add_argument("--project", type=project_arg, metavar="PROJECT",
                     help="the project (file or PostGIS connection string) whose candidates "
                     "and ledger the map shows")
    exp.add_argument("--title", help="the map's title")
    exp.add_argument("--subtitle", help="the map's subtitle")
    exp.add_argument("--extent", metavar="MINX,MINY,MAXX,MAXY",
                     help="map extent in EPSG:25832 metres (default: the municipality)")
    exp.add_argument("--scale", type=float, metavar="N",
                     help="map scale 1:N (default: the extent fits, rounded)")
    exp.add_argument("--basemap", metavar="NAME|URL",
                     help="background map under a print map: skaermkort_daempet, skaermkort, "
                     "ortofoto, osm or a WMTS/WMS/XYZ URL (its attribution goes in the sources)")
    add_no_analysis(exp, "web map popups without what each candidate does (CO2e, conflicts, "
                    "flood, connectivity)")
    from naturplan.cli.atlas import add_atlas_arguments

    add_atlas_arguments(exp)


def parse_extent(text: str | None) -> tuple[float, float, float, float] | None:
    """``"550000,6320000,560000,6330000"`` → a bounds tuple.

    Raises
    ------
    ExportError
        If it is not four numbers with min < max.
    """
    if not text:
        return None
    try:
        minx, miny, maxx, maxy = (float(v) for v in text.split(","))
    except ValueError:
        raise ExportError("--extent wants MINX,MINY,MAXX,MAXY in metres, got '{text}'.",
                          text=text) from None
    values = (minx, miny, maxx, maxy)
    if (not all(math.isfinite(v) and abs(v) <= MAX_COORDINATE for v in values)
            or minx >= maxx or miny >= maxy):
        raise ExportError("--extent wants MINX,MINY,MAXX,MAXY in metres, got '{text}'.",
                          text=text)
    return values


def check_scale(scale: float | None) -> None:
    """Refuse a ``--scale`` that is no map scale (0, negative, not finite, absurd).

    Raises
    ------
    ExportError
        If *scale* is given and not in 1 … :data:`MAX_SCALE`.
    """
    if scale is not None and not (math.isfinite(scale) and 1 <= scale <= MAX_SCALE):
        raise ExportError("--scale wants a number N from 1 to 100,000,000 (map scale 1:N), "
                          "got {value}.", value=f"{scale:g}")


def output_format(args: argparse.Namespace) -> str:
    """The format: ``--format`` or the suffix of ``--out``."""
    fmt = args.format or args.out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ExportError("Cannot tell the format of {name}: use --format pdf, png or html.",
                          name=args.out.name)
    return str(fmt)


def run(args: argparse.Namespace) -> int:
    """Export the map (:func:`naturplan.usecases.map_export.export_map`); returns the exit code.

    Raises
    ------
    NaturplanError
        With a one-line message (bad option, missing project or preset, unwritable file).
    """
    from naturplan.core.feedback import Feedback
    from naturplan.text.i18n import tr
    from naturplan.usecases.map_export import export_map

    if getattr(args, "atlas", False) or getattr(args, "split_by", None) or getattr(
            args, "scenario", None):
        from naturplan.cli.atlas import run_atlas

        return run_atlas(args)
    lang = args.lang or "da"
    progress = progress_printer(sys.stderr.isatty())
    report = export_map(_request(args, lang, progress), Feedback(progress))
    for notice in report.notices:  # what the page does not show as asked
        print(notice, file=sys.stderr)
    print(tr(lang, "export", "Wrote {path} ({size} MB).", path=str(args.out),
             size=report.size_text(lang)))
    return 0


def _request(args: argparse.Namespace, lang: str, progress: Any) -> Any:
    """The :class:`MapExportRequest` of the options, with the dataset and project read
    (every option is checked before the data is read)."""
    from naturplan.export.layout.page import PrintOptions
    from naturplan.export.map_layers import ordered_layers
    from naturplan.io.datasets import open_dataset
    from naturplan.io.styles import load_styles
    from naturplan.usecases.map_export import MapExportRequest
    from naturplan.usecases.plan_data import load_plan_data

    fmt = output_format(args)
    extent = parse_extent(args.extent)
    check_scale(args.scale)
    check_writable(args.out)  # before the data is read and the map drawn
    basemap = _basemap(args.basemap, fmt, lang) if args.basemap else None
    preset = None
    if fmt != "html":
        from naturplan.export.layout.presets import find_preset

        preset = find_preset(args.preset)
    request, roles = data_for(args)
    dataset = open_dataset(request, progress=progress)
    data = load_plan_data(dataset, roles, args.project)
    layers = [*dataset.layers] + ([data.candidates_layer()] if args.project else [])
    options = PrintOptions(title=args.title, subtitle=args.subtitle, extent=extent,
                           scale=args.scale, basemap=basemap)
    return MapExportRequest(args.out, ordered_layers(layers, load_styles()), data, fmt,
                            preset, options, lang, analysis=not args.no_analysis)


def _basemap(spec: str, fmt: str, lang: str) -> Any:
    """The tile source of ``--basemap`` (None for ``none``).

    Raises
    ------
    ExportError
        For the web map, which has no basemap (its tiles would need the network and
        could carry a token into the page).
    ServiceError
        If the basemap cannot be reached or understood.
    """
    from naturplan.io.services.basemaps import resolve_basemap
    from naturplan.io.services.cache import TileCache

    if fmt == "html":
        raise ExportError("A basemap goes into print maps (pdf, png); the web map has none.")
    return resolve_basemap(spec, TileCache(), lang)
