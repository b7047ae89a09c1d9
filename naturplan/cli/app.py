"""``naturplan`` without a command: the desktop app (or ``--screenshot``)."""

from __future__ import annotations

import argparse

from naturplan.cli.options import data_for
from naturplan.core.errors import NaturplanError


def run(args: argparse.Namespace) -> int:
    try:
        from naturplan.gui.app import run_app
    except ImportError as exc:
        raise NaturplanError("The desktop app is not available here: {reason}",
                             reason=str(exc)) from None
    return int(run_app(args, *data_for(args)))
