"""``naturplan project copy|info``: move a plan between a file and a team database, look at one.

A project is named the same way everywhere: a GeoPackage file (``plan.gpkg``) or a PostGIS
connection string (``postgresql://host/db``, ``service=naturplan``); the password comes from
the libpq password file, the service file or ``PGPASSWORD``, never from naturplan's files.

- ``project copy SRC DST [--replace]``: candidates, scenarios, audit trail and settings,
  losslessly, in either direction; a destination that already holds a plan is refused unless
  ``--replace``.
- ``project info PROJECT [--json]``: where it is, its schema, how many candidates, scenarios
  and edits.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from naturplan.cli.options import progress_printer
from naturplan.core import jsontext
from naturplan.core.feedback import Feedback
from naturplan.io.project.open import open_store, project_arg, project_label
from naturplan.io.project.settings_model import VERSION_KEY
from naturplan.text.i18n import tr

_CONTEXT = "cli_project"


def add_parser(subparsers: Any, data_parent: argparse.ArgumentParser) -> None:
    """Add ``project copy`` and ``project info`` to the ``naturplan`` parser."""
    parser = subparsers.add_parser("project", help="copy a project between a file and PostGIS")
    sub = parser.add_subparsers(dest="project_command", metavar="ACTION", required=True)
    copy = sub.add_parser(
        "copy", parents=[data_parent],
        help="copy a plan (candidates, scenarios, audit trail, settings) to a file or a "
             "database",
    )
    copy.add_argument("source", type=project_arg, metavar="SRC",
                      help="P.gpkg, postgresql://host/db or service=NAME")
    copy.add_argument("destination", type=project_arg, metavar="DST",
                      help="P.gpkg, postgresql://host/db or service=NAME")
    copy.add_argument("--replace", action="store_true",
                      help="replace a destination that already holds a plan")
    info = sub.add_parser("info", parents=[data_parent], help="what a project holds")
    info.add_argument("project", type=project_arg, metavar="PROJECT")
    info.add_argument("--json", action="store_true", help="print JSON")


def run(args: argparse.Namespace) -> int:
    """Run ``naturplan project …``; returns the exit code.

    Raises
    ------
    NaturplanError
        With a one-line message for the user (the CLI prints it and exits 1).
    """
    if args.project_command == "copy":
        return _run_copy(args)
    return _run_info(args)


def _run_copy(args: argparse.Namespace) -> int:
    from naturplan.io.project.copy import copy_project

    lang = args.lang or "da"
    feedback = Feedback(progress_printer(sys.stderr.isatty()))
    report = copy_project(args.source, args.destination, overwrite=args.replace,
                          feedback=feedback)
    print(tr(lang, _CONTEXT, "Copied {n} candidate areas, {edits} audit entries and "
             "{settings} settings from {src} to {dst}.", n=report.candidates,
             edits=report.audit_rows, settings=report.settings, src=report.source,
             dst=report.destination))
    print(tr(lang, _CONTEXT, "{n} scenarios copied.", n=report.scenarios))
    return 0


def project_info(project: Any) -> dict[str, Any]:
    """What *project* holds, JSON-ready (no password in ``project``)."""
    with open_store(project, create=False, readonly=True) as store:
        candidates = store.candidates()
        audit = store.audit()
        settings = store.settings()
        scenarios = store.scenarios()
    return {
        "project": project_label(project),
        "store": type(store).__name__,
        "schema_version": settings.get("schema_version"),
        "schema_step": getattr(store, "schema_step", None),
        "candidates": len(candidates),
        "area_m2": sum(c.area_m2 for c in candidates),
        "scenarios": len(scenarios),
        "audit_rows": len(audit),
        "last_change": max((r.at for r in audit), default=""),
        "settings": sorted(k for k in settings
                           if k not in ("application", "schema_version", VERSION_KEY)),
    }


def _run_info(args: argparse.Namespace) -> int:
    from naturplan.text.numbers import format_ha

    info = project_info(args.project)
    if args.json:
        print(jsontext.dumps(info, indent=2))
        return 0
    lang = args.lang or "da"
    print(info["project"])
    print(tr(lang, _CONTEXT, "{n} candidate areas, {area}", n=info["candidates"],
             area=format_ha(info["area_m2"], 2, lang)))
    print(tr(lang, _CONTEXT, "{n} scenarios", n=info["scenarios"]))
    print(tr(lang, _CONTEXT, "{n} audit entries, last {at}", n=info["audit_rows"],
             at=info["last_change"] or "-"))
    print(tr(lang, _CONTEXT, "Project schema {version}", version=info["schema_version"]))
    return 0
