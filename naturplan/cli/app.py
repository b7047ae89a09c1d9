"""``naturplan`` without a command: the desktop app (or ``--screenshot``)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from naturplan.cli.options import data_for
from naturplan.core.errors import NaturplanError

if TYPE_CHECKING:
    from naturplan.gui.app import AppOptions


def run(args: argparse.Namespace) -> int:
    try:
        from naturplan.gui.app import run_app
    except ImportError as exc:
        raise NaturplanError("The desktop app is not available here: {reason}",
                             reason=str(exc)) from None
    return int(run_app(app_options(args), *data_for(args)))


def app_options(args: argparse.Namespace) -> AppOptions:
    """The app's options from the command line's (``--lang``, ``--screenshot``,
    ``--project``, ``--basemap``)."""
    from naturplan.gui.app import AppOptions

    return AppOptions(lang=args.lang or "da", screenshot=args.screenshot,
                      project=args.project, basemap=args.basemap)
