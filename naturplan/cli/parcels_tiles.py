"""``naturplan parcels --out`` tile by tile, for a national parcel layer (issue 24 §2).

Chosen by ``parcels`` itself when the parcels are one GeoPackage layer with an R-tree and
more than :data:`~naturplan.io.windowed.WINDOWED_MIN_FEATURES` features (the national
world's 2.5 million), or with ``--by-tile``; the rows are the whole-layer run's
(:mod:`naturplan.usecases.parcels_stream`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from typing import Any

from naturplan.core.errors import NaturplanError
from naturplan.core.layers.roles import Role
from naturplan.text.terminal import terminal_text

EXIT_OK = 0
#: Layers whose sources count for the table's ``synthetic_data`` besides the batch's own
#: (as the whole-layer run's :meth:`ParcelContext.sources` has them).
_SOURCE_ROLES = (Role.PARCELS, Role.ADDRESSES, Role.DESIGNATIONS, Role.MARS_PROJECTS)


def add_options(parser: argparse.ArgumentParser) -> None:
    """``--by-tile``, ``--workers`` and ``--tile-parcels`` of ``parcels``."""
    parser.add_argument("--by-tile", action="store_true",
                        help="read and compute the parcels tile by tile in bounded memory "
                        "(chosen by itself for a GeoPackage of more than 200,000 parcels)")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="processes that compute the tiles (default 2)")
    parser.add_argument("--tile-parcels", type=int, default=None, metavar="N",
                        help="at most N parcels per tile (default 40,000)")


def run_by_tile(args: argparse.Namespace, rule: Any, bar: Any) -> int | None:
    """Run ``parcels --out`` tile by tile if it applies (see the module), showing its
    progress on *bar* (``report(fraction, message)``, ``finish()``); None if it does not
    apply (the whole-layer run follows).

    Raises
    ------
    NaturplanError
        For bad input, as the whole-layer run would say it.
    """
    from naturplan.cli.options import data_for, progress_printer
    from naturplan.io.datasets import resolve_dataset
    from naturplan.io.windowed import can_window

    for name in ("workers", "tile_parcels"):
        value = getattr(args, name, None)
        if value is not None and value < 1:
            raise NaturplanError("{option} must be at least 1, got {value}.",
                                 option="--" + name.replace("_", "-"), value=value)
    wanted = bool(getattr(args, "by_tile", False))
    if not wanted and not _national(args):
        return None  # (the common case decided without opening anything)
    request, _ = data_for(args)
    tty = sys.stderr.isatty()
    resolved = resolve_dataset(request, progress=progress_printer(tty))
    parcels = [r for r in resolved.requests if r.role is Role.PARCELS]
    if not parcels:
        raise NaturplanError("No parcels are loaded.")
    if len(parcels) != 1 or not (wanted or can_window(parcels[0])):
        if wanted:
            raise NaturplanError("--by-tile needs the parcels as one GeoPackage layer with a "
                                 "spatial index (R-tree).")
        return None
    return _run(args, resolved, parcels[0], rule, bar)


def _national(args: argparse.Namespace) -> bool:
    """True if ``--layer parcels=…`` names one layer that is read by tile by itself."""
    from naturplan.io.loading import parse_layer_arg
    from naturplan.io.windowed import can_window

    given = [parse_layer_arg(text, assume_crs=args.assume_crs) for text in args.layer]
    parcels = [r for r in given if r.role is Role.PARCELS]
    return len(parcels) == 1 and can_window(parcels[0])


def _run(args: argparse.Namespace, resolved: Any, parcels: Any, rule: Any, bar: Any) -> int:
    from naturplan.io.loading import inspect_layer
    from naturplan.io.parcels import load_ejerlav_names, project_candidates
    from naturplan.io.tiles import TILE_FEATURES, parcel_tiles
    from naturplan.usecases.parcels_stream import (
        StreamJob,
        batch_layers,
        stream_parcel_table,
    )

    lang = args.lang or "da"
    layers = batch_layers(resolved.requests)
    sources = [parcels, *layers, *(r for r in resolved.requests
                                   if r.role in _SOURCE_ROLES and r is not parcels)]
    # Every layer checked as a whole load checks it (file, CRS, schema), nothing read yet.
    synthetic = any(inspect_layer(r).source.synthetic for r in sources)
    candidates = project_candidates(args.project) if args.project is not None else None
    names = load_ejerlav_names(args.ejerlav_names) if args.ejerlav_names else None
    workers = args.workers or min(2, os.cpu_count() or 1)
    tiles = parcel_tiles(parcels, args.tile_parcels or TILE_FEATURES)
    with tempfile.TemporaryDirectory(prefix="naturplan-parcels-") as chunks:
        job = StreamJob(parcels, layers, resolved.municipality, rule, synthetic,
                        _path(chunks), args.out.suffix.lower() == ".gpkg", candidates, names)
        result = stream_parcel_table(job, args.out, lang, workers=workers,
                                     progress=bar.report, tiles=tiles)
    bar.finish()
    from naturplan.usecases.parcels_stream import notes

    for line in notes(result.not_evaluated, result.registered, lang):
        print(f"naturplan: {line}", file=sys.stderr)
    print(terminal_text(str(args.out)))
    return EXIT_OK


def _path(text: str) -> Any:
    from pathlib import Path

    return Path(text)
