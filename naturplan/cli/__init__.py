"""Command line: ``naturplan`` opens the app; subcommands work headless.

Every command takes the same data options (``--layer ROLE=PATH[:LAYER]``, ``--kommune``,
``--assume-crs``, ``--field``). Bad input ends with one clear line on stderr and a non-zero
exit code, never a traceback (set ``NATURPLAN_DEBUG=1`` to see one). The line is the error's
text in the user's language (``error_text``) plus, for some error codes, a hint that names the
command-line option that helps (:data:`HINTS`); the core's messages never name options.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from naturplan.cli.commands import COMMANDS, LazySubParsersAction, runner
from naturplan.cli.options import data_options
from naturplan.core.errors import NaturplanError
from naturplan.io.project.open import project_arg

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2

#: Error code → the command-line hint added after the message (context "cli" translates it;
#: ``{name}`` placeholders are filled from the error's params).
HINTS = {
    "missing_crs": "State it with --assume-crs EPSG (for example --assume-crs 25832 for "
                   "ETRS89 / UTM 32N).",
    "broken_features": "--skip-broken imports the others; --repair imports invalid polygons "
                       "repaired.",
    "several_layers": "Name one as FILE:LAYER.",
    "unknown_schema": "Map the fields with --field {role}.{field}=SOURCE_FIELD.",
    "several_municipalities": "Choose one with --kommune KOMKODE.",
    "project_not_empty": "--replace replaces it.",
    "service_layer": "Name it with --layer NAME (naturplan data services lists the presets).",
}


def error_line(exc: NaturplanError, lang: str | None) -> str:
    """``naturplan: error: <message in lang>`` and the hint for its code, if any."""
    from naturplan.text.i18n import error_line as line
    from naturplan.text.i18n import tr

    hint = HINTS.get(exc.code)
    return line(exc, lang, tr(lang, "cli", hint, **exc.params) if hint else "")


def draws_pages(args: argparse.Namespace) -> bool:
    """True for a command that paints pages with QtGui (the print map, the atlas, the
    parcel PDF): it needs a Qt application, made once by :func:`main` before it runs."""
    return args.command == "export" or (
        args.command == "parcel" and getattr(args, "pdf", None) is not None)


def package_version() -> str:
    """The installed version of naturplan (the wheel's, the bundle's or the editable one)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("naturplan")
    except PackageNotFoundError:
        return "(not installed)"


class _Version(argparse._VersionAction):
    """``--version``: the installed version looked up only when asked for (the package
    metadata cost every start-up 20-40 ms)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        self.version = f"naturplan {package_version()}"
        super().__call__(parser, *args)


def build_parser(lang: str | None = None) -> argparse.ArgumentParser:
    """The argument parser for every command, its help and errors in *lang* (default da)."""
    from naturplan.cli.parsing import NaturplanParser

    data = data_options()
    parser = NaturplanParser(
        lang=lang,
        prog="naturplan",
        description="Desktop GIS for municipal nature planning (Aalborg Kommune). Without a "
        "command it opens the app on the shipped sample.",
        parents=[data],
    )
    parser.add_argument("--version", action=_Version)
    parser.add_argument("--screenshot", type=Path, metavar="PNG",
                        help="open the main window, save it to PNG and exit")
    parser.add_argument("--project", type=project_arg, metavar="PROJECT",
                        help="open this project: a file P.gpkg, or a team project in PostGIS "
                        "(postgresql://host/db or service=NAME)")
    parser.add_argument("--basemap", metavar="NAME|URL",
                        help="background map: skaermkort_daempet, skaermkort, ortofoto, osm, "
                        "none, or a WMTS/WMS/XYZ URL")
    # each command's parser is built (and its module imported) when argparse first needs it
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", action=LazySubParsersAction)
    sub.set_parent(data)
    for command in COMMANDS:
        sub.declare(command)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``naturplan`` console script (and ``python -m naturplan``).

    Called as the script (*argv* None) for a headless command, the process ends here, by
    :func:`fast_exit`, once the command has returned; called with *argv* (tests, other
    Python code), it returns the exit code.
    """
    from naturplan.cli.parsing import language_of

    parser = build_parser(language_of(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    code = _main(args)
    if argv is None and args.command is not None:
        fast_exit(code)
    return code


def fast_exit(code: int) -> None:
    """End this process with *code* now, skipping the interpreter's teardown, when that is
    safe; otherwise return (the caller exits the ordinary way).

    The teardown frees every module and object one by one: 0.11 s median after ``naturplan
    suggest`` on the full sample, 0.03 s this way (issue 23). Nothing is lost: the standard
    streams are flushed first, then the ``atexit`` handlers run (the forked children are
    stopped, logging is flushed); files are closed by the commands themselves (written
    through :mod:`naturplan.io.atomic`, complete before they are renamed into place) and
    project stores are closed by their ``with`` blocks. Not done where the teardown may still
    have work: a Qt module loaded (the window, or pages painted offscreen), another
    non-daemon thread still running (the interpreter would wait for it), or a stream that
    cannot be flushed (the reader went away).
    """
    import threading

    if any(name.startswith("PySide6") for name in sys.modules):
        return
    if any(t.is_alive() and not t.daemon for t in threading.enumerate()
           if t is not threading.main_thread()):
        return
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):  # a closed pipe or stream: the ordinary exit copes
        return
    import atexit

    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):  # what a handler may have printed
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        code = code or EXIT_ERROR
    os._exit(code)


def _main(args: argparse.Namespace) -> int:
    """Run the command *args* names (the app without one); returns the exit code."""
    from naturplan.cli.store_notices import show_left_out_rows

    stop_notices = show_left_out_rows(getattr(args, "lang", None))
    try:
        if draws_pages(args):
            from naturplan.render.application import ensure_gui_application

            ensure_gui_application()  # offscreen; never made at import or inside a writer
        if args.command is not None:
            return runner(args.command)(args)
        from naturplan.cli import app as cli_app

        return cli_app.run(args)
    except NaturplanError as exc:
        from naturplan.text.terminal import terminal_text

        # a name or a path in the message is user data: shown, never obeyed by the terminal
        print(terminal_text(error_line(exc, getattr(args, "lang", None))), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("naturplan: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`naturplan stats | head`): nothing more to say to it. Point
        # stdout at /dev/null so that the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as exc:  # the user never sees a traceback unless they ask
        if os.environ.get("NATURPLAN_DEBUG"):
            traceback.print_exc()
        from naturplan.text.terminal import terminal_text

        said = str(exc).splitlines()[0] if str(exc) else ""
        said = said if len(said) <= 300 else said[:299] + "…"  # GDAL may quote a whole value
        print(terminal_text(
            f"naturplan: unexpected error: {type(exc).__name__}: {said} "
            "(set NATURPLAN_DEBUG=1 for details)"),
            file=sys.stderr,
        )
        return EXIT_ERROR
    finally:
        stop_notices()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
