"""``naturplan candidates import|list|set|delete|export|restore``: the plan's candidate areas,
headless.

``export`` is :mod:`naturplan.cli.candidates_export`, ``restore`` :mod:`naturplan.cli.restore`.

Every change goes through the same plan edits as the app (:class:`CandidatePlan`): audited in
the project with the author, optimistic locking against a colleague's edit, and one edit each
(``set`` and ``delete`` are what the app's table and Delete do). The import is the app's import
use case (:mod:`naturplan.core.plan.importing`), with the policy chosen by options:

- Every feature is checked on its own, as read. Each empty, missing or non-polygon geometry,
  and each invalid one, is reported on stderr with its feature id (FID) and name.
- By default a file with any broken feature is refused as a whole: nothing is imported and the
  project is not created. ``--skip-broken`` imports the good features; ``--repair`` accepts
  invalid polygons whose ``make_valid`` repair is still a polygon. Nothing is repaired unless
  asked, and a repair is only reported when it was imported.
- A feature identical in name and geometry to a candidate already in the plan is skipped with
  a message (importing a file twice does not double the plan) unless ``--allow-duplicates``.
- Areas that reach outside the municipality the plan is measured in (its recorded layers, or
  the data options) are summed up in one line; ``--verbose`` lists them. That check is made
  before anything is written: a failure never follows committed work.

Every message is in the user's language (Danish by default, ``--lang en``), context
``cli_candidates`` of ``resources/translations/candidates_*.ts``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from naturplan.cli import analysis as cli_analysis
from naturplan.cli import candidates_export
from naturplan.cli import mars as cli_mars
from naturplan.cli import restore as cli_restore
from naturplan.core import jsontext
from naturplan.core.errors import UsageError
from naturplan.core.feedback import Feedback
from naturplan.core.plan.candidates import CandidateKind, CandidateStatus
from naturplan.core.plan.importing import (
    CandidateImport,
    FeatureIssue,
    ImportOptions,
    OutsideArea,
    outside_areas,
    prepare_import,
    refuse_if_broken,
    unusable,
)
from naturplan.io.atomic import remove_new_project
from naturplan.io.project.open import (
    is_database,
    open_plan,
    open_store,
    project_arg,
    project_label,
)
from naturplan.text.i18n import DEFAULT_LANGUAGE, tr
from naturplan.text.labels import kind_label, problem_label, status_label, yes_no
from naturplan.text.numbers import format_ha
from naturplan.text.terminal import terminal_text

CONTEXT = "cli_candidates"


def add_parser(subparsers: Any, data_parent: argparse.ArgumentParser) -> None:
    """Add ``candidates import|list|set|delete`` to the ``naturplan`` parser.

    Like every command they take the data options of *data_parent* (``--layer ROLE=PATH``,
    ``--kommune``, ``--assume-crs``, ``--lang`` …); ``--assume-crs`` also applies to the file
    imported. A layer inside a multi-layer file is named as ``--from PATH:LAYER``.
    """
    parser = subparsers.add_parser("candidates", help="import, list and edit candidate areas")
    sub = parser.add_subparsers(dest="candidates_command", metavar="ACTION", required=True)
    imp = sub.add_parser(
        "import", parents=[data_parent], help="import candidate areas from a vector file"
    )
    _project_option(imp, "the project file or PostGIS connection string (created if it "
                         "does not exist)")
    imp.add_argument("--from", dest="source", required=True, metavar="FILE[:LAYER]",
                     help="vector file with the candidate polygons (any format GDAL reads)")
    imp.add_argument("--kind", choices=[k.value for k in CandidateKind],
                     help="the kind of every area imported (required unless --format mars)")
    imp.add_argument("--name-field", metavar="F", help="field with the names "
                     "(default: the first of name, navn, Name, Navn, …)")
    imp.add_argument("--status", default="idea", choices=[s.value for s in CandidateStatus])
    imp.add_argument("--skip-broken", action="store_true",
                     help="import the good features when some are broken (default: refuse)")
    imp.add_argument("--repair", action="store_true",
                     help="import invalid polygons repaired with make_valid (reported)")
    imp.add_argument("--allow-duplicates", action="store_true",
                     help="import features already in the plan (same name and geometry) again")
    imp.add_argument("--verbose", "-v", action="store_true",
                     help="list every area that reaches outside the municipality")
    _author_option(imp)
    cli_mars.add_import_options(imp)
    lst = sub.add_parser(
        "list", parents=[data_parent], help="list the candidate areas of a project"
    )
    _project_option(lst)
    lst.add_argument("--json", action="store_true", help="print JSON")
    cli_analysis.add_arguments(lst)
    edit = sub.add_parser("set", parents=[data_parent],
                          help="change a candidate area's status, name, note or kind")
    edit.add_argument("id", metavar="ID", help="the id, or its first characters (list shows 8)")
    _project_option(edit)
    edit.add_argument("--status", choices=[s.value for s in CandidateStatus])
    edit.add_argument("--name")
    edit.add_argument("--note")
    edit.add_argument("--kind", choices=[k.value for k in CandidateKind])
    edit.add_argument("--counts", action="store_true",
                      help="the area counts toward the target")
    edit.add_argument("--no-counts", action="store_true",
                      help="the area does not count toward the target")
    _author_option(edit)
    delete = sub.add_parser("delete", parents=[data_parent], help="delete a candidate area")
    delete.add_argument("id", metavar="ID", help="the id, or its first characters")
    _project_option(delete)
    _author_option(delete)
    candidates_export.add_parser(sub, data_parent)
    cli_restore.add_parser(sub, data_parent, _project_option, _author_option)


def _project_option(parser: argparse.ArgumentParser, text: str = "the project") -> None:
    parser.add_argument("--project", type=project_arg, required=True, metavar="PROJECT",
                        help=f"{text} (a .gpkg file or a PostGIS connection string)")


def _author_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--author", help="name for the audit trail (default: login name)")


def run(args: argparse.Namespace) -> int:
    """Run ``naturplan candidates …``; returns the exit code.

    Raises
    ------
    NaturplanError
        With a one-line message for the user (the CLI prints it and exits 1).
    """
    command = {"import": _run_import, "list": _run_list, "set": _run_set,
               "delete": _run_delete, "export": candidates_export.run,
               "restore": cli_restore.run}[args.candidates_command]
    return command(args)


def _t(args: argparse.Namespace, source: str, n: int | None = None, **params: Any) -> str:
    return tr(_lang(args), CONTEXT, source, n, **params)


def _lang(args: argparse.Namespace) -> str:
    return str(args.lang or DEFAULT_LANGUAGE)


def _err(text: str) -> None:
    print(terminal_text(text, keep_newlines=True), file=sys.stderr)


def _out(text: str) -> None:
    """A line on stdout that may hold user data (names): control characters escaped."""
    print(terminal_text(text, keep_newlines=True))


# --- import ---------------------------------------------------------------------------------


def _run_import(args: argparse.Namespace) -> int:
    if args.import_format == "mars":
        return cli_mars.run_import(args)
    if args.kind is None:
        raise UsageError("Name the kind of the areas with --kind (lowland, afforestation, "
                         "connectivity or restore).")
    from naturplan.cli.options import data_for, progress_printer
    from naturplan.io.datasets import municipality_for
    from naturplan.io.loading import split_path_layer
    from naturplan.io.project.candidate_file import read_candidate_file

    source, layer = split_path_layer(str(args.source))
    options = ImportOptions(CandidateKind(args.kind), CandidateStatus(args.status),
                            repair=args.repair, skip_broken=args.skip_broken,
                            allow_duplicates=args.allow_duplicates)
    feedback = Feedback(progress_printer(sys.stderr.isatty()))
    check = read_candidate_file(source, layer, assume_crs=args.assume_crs,
                                name_field=args.name_field, feedback=feedback)
    for issue in unusable(check, options):
        _err(_issue_line(args, check.source, issue))
    refuse_if_broken(check, options)  # before the project is created or touched
    request, roles = data_for(args)
    municipality = municipality_for(request)  # before anything is written
    new_file = not is_database(args.project) and not Path(args.project).exists()
    store, plan = open_plan(args.project, args.author)
    try:
        with store:
            todo = prepare_import(check, options, plan.candidates())
            if todo.candidates:
                with store.transaction():  # the candidates and the record: all or nothing
                    _record_data_options(store, request, roles)
                    todo.apply(plan)
    except BaseException:
        if new_file:  # "nothing was saved" leaves no empty project behind either
            remove_new_project(Path(args.project))
        raise
    for issue in todo.repaired:
        _err(_t(args, "{file}: feature {fid} '{name}': invalid ({reason}), imported repaired.",
                file=check.source, fid=issue.fid, name=issue.name, reason=issue.detail))
    _out(_summary(args, todo))
    _report_outside(args, outside_areas(todo.candidates, municipality.geometry),
                    len(todo.candidates), municipality)
    return 0


def _issue_line(args: argparse.Namespace, source: str, issue: FeatureIssue) -> str:
    why = problem_label(issue.problem, issue.detail, _lang(args))
    return _t(args, "{file}: feature {fid} '{name}': {why}", file=source, fid=issue.fid,
              name=issue.name, why=why)


def _summary(args: argparse.Namespace, todo: CandidateImport) -> str:
    where = project_label(args.project)
    lines = []
    if todo.candidates:
        lines.append(_t(args, "Imported {n} candidate areas ({area}) into {project}.",
                        n=len(todo.candidates), area=format_ha(todo.area_m2, 2, _lang(args)),
                        project=where))
    if todo.skipped:
        lines.append(_t(args, "Skipped {n} broken features.", n=len(todo.skipped)))
    if todo.duplicates:
        lines.append(_t(args, "Skipped {n} areas already in the plan (same name and geometry); "
                              "--allow-duplicates imports them again.", n=len(todo.duplicates)))
    if not todo.candidates:
        lines.append(_t(args, "Nothing was imported; {project} is unchanged.", project=where))
    return "\n".join(lines)


def _report_outside(args: argparse.Namespace, outside: list[OutsideArea], total: int,
                    municipality: Any) -> None:
    """One line for all the areas that reach outside the municipality (or the plan area,
    named by its municipalities); the list with ``--verbose``."""
    from naturplan.text.plan_area import area_name, is_single

    if not outside:
        return
    area = format_ha(sum(o.outside_m2 for o in outside), 2, _lang(args))
    if is_single(municipality):
        _err(_t(args, "{n} of {total} imported areas reach outside {municipality} Municipality "
                      "({area} in all); only the part inside counts toward the share.",
                n=len(outside), total=total, municipality=municipality.name, area=area))
    else:
        _err(tr(_lang(args), "area", "{n} of {total} imported areas reach outside {plan} "
                "({area} in all); only the part inside counts toward the share.",
                n=len(outside), total=total, plan=area_name(municipality, _lang(args)),
                area=area))
    if not args.verbose:
        _err(_t(args, "--verbose lists them."))
        return
    for o in outside:
        _err(_t(args, "  '{name}': {outside} of {area} outside", name=o.name,
                outside=format_ha(o.outside_m2, 2, _lang(args)),
                area=format_ha(o.area_m2, 2, _lang(args))))


def _record_data_options(store: Any, request: Any, roles: Any) -> None:
    """A project without a record of its layers gets the data it was imported against (so
    that ``stats --project`` measures it in the same municipality)."""
    from naturplan.io.project.settings import record
    from naturplan.io.project.settings_model import read_settings

    if read_settings(store).plan is None:
        record(store, request, roles)


# --- list -----------------------------------------------------------------------------------


def candidate_rows(project: str | Path) -> list[dict[str, Any]]:
    """The candidates of *project* as JSON-ready dicts (areas in m²), oldest first.

    Raises
    ------
    StoreError
        Missing file or not a naturplan project.
    """
    with open_store(project, readonly=True) as store:
        return [
            {
                "id": c.id, "name": c.name, "kind": c.kind.value, "status": c.status.value,
                "area_m2": c.area_m2, "counts_toward_target": c.counts_toward_target,
                "note": c.note, "version": c.version, "created": c.created,
                "modified": c.modified, "author": c.author, "modified_by": c.modified_by,
            }
            for c in store.candidates()
        ]


def _run_list(args: argparse.Namespace) -> int:
    rows = candidate_rows(args.project)
    analysis = None
    if rows and ((args.json and not args.no_analysis) or args.sort == "firefighter"):
        analysis = cli_analysis.plan_analysis(args, connectivity=args.json)
        if args.sort == "firefighter":
            rank = {cid: k for k, cid in enumerate(analysis.order())}
            rows.sort(key=lambda r: rank[r["id"]])
    if args.json:
        doc = {"project": project_label(args.project), "candidates": rows}
        if analysis is not None:
            doc.update(cli_analysis.list_document(rows, analysis))
            cli_analysis.add_access(args, rows, doc)
        print(jsontext.dumps(doc, indent=2))
        return 0
    lang = _lang(args)
    head = [_t(args, h) for h in ("Id", "Name", "Kind", "Status", "Area", "Counts", "Version")]
    tags = cli_analysis.firefighter_words(analysis, lang)
    tag_head = f" {tags['']}" if tags else ""
    print(f"{head[0]:<8} {head[1]:<28} {head[2]:<26} {head[3]:<9} {head[4]:>12} "
          f"{head[5]:<6} {head[6]:>7}" + tag_head)
    for r in rows:
        tag = f" {tags[r['id']]}" if tags else ""
        name = terminal_text(r["name"])[:28]
        print(f"{r['id'][:8]:<8} {name:<28} {kind_label(r['kind'], lang):<26} "
              f"{status_label(r['status'], lang):<9} {format_ha(r['area_m2'], 2, lang):>12} "
              f"{yes_no(r['counts_toward_target'], lang):<6} {r['version']:>7}" + tag)
    total = format_ha(sum(r["area_m2"] for r in rows), 2, lang)
    print(_t(args, "{n} candidate areas, {area} in all", n=len(rows), area=total))
    return 0


# --- set, delete ----------------------------------------------------------------------------


def _run_set(args: argparse.Namespace) -> int:
    if args.counts and args.no_counts:
        raise UsageError("--counts and --no-counts exclude each other; give one of them.")
    counts = True if args.counts else False if args.no_counts else None
    changes: dict[str, Any] = {
        key: value for key, value in (("status", args.status), ("name", args.name),
                                      ("note", args.note), ("kind", args.kind),
                                      ("counts_toward_target", counts))
        if value is not None
    }
    if not changes:  # one line like every other error (it was exit 2 without "naturplan:")
        raise UsageError("Nothing to change: give --status, --name, --note, --kind, --counts "
                         "or --no-counts.")
    store, plan = open_plan(args.project, args.author, create=False)
    with store:
        old = plan.find(args.id)
        changed = {k: v for k, v in changes.items() if getattr(old, k) != v}
        if not changed:
            _out(_t(args, "'{name}' already has these values; nothing changed.",
                    name=old.name))
            return 0
        new = plan.update(old.id, **changed).after[0]
    fields = ", ".join(_t(args, f) for f in changed)
    _out(_t(args, "Changed {fields} of '{name}' (version {version}).", fields=fields,
            name=new.name, version=str(new.version)))
    return 0


def _run_delete(args: argparse.Namespace) -> int:
    store, plan = open_plan(args.project, args.author, create=False)
    with store:
        old = plan.find(args.id)
        plan.delete(old.id)
    _out(_t(args, "Deleted '{name}' ({area}).", name=old.name,
            area=format_ha(old.area_m2, 2, _lang(args))))
    return 0
