"""``naturplan scenarios list|create|rename|add|remove|delete``: the project's scenarios,
headless (issue 20 item 1).

The same stored, audited edits as the window's scenario view: each command is one store
write (``insert_scenario``/``update_scenario``/``delete_scenario``, with the author in the
audit trail and the version read just before, so a colleague's change in between is a
conflict, not an overwrite). Scenarios are named in any case ("forslag a" finds "Forslag A");
candidate areas by their id or its first characters, as ``naturplan candidates list`` shows
them. An unknown scenario, an unknown id or a name already taken ends with one Danish line on
stderr and exit code 1; nothing is written then.

Messages: context ``cli_scenarios`` of ``resources/translations/desk_*.ts``.
"""

from __future__ import annotations

import argparse
from typing import Any

from naturplan.core import jsontext
from naturplan.core.errors import CandidateNotFoundError, ScenarioError
from naturplan.core.plan.plan import CandidatePlan
from naturplan.core.plan.scenarios import Scenario
from naturplan.io.project.open import open_plan, open_store, project_arg, project_label
from naturplan.text.i18n import DEFAULT_LANGUAGE, tr
from naturplan.text.numbers import format_ha

CONTEXT = "cli_scenarios"


def add_parser(subparsers: Any, data_parent: argparse.ArgumentParser) -> None:
    """Add ``scenarios list|create|rename|add|remove|delete`` to the ``naturplan`` parser."""
    parser = subparsers.add_parser("scenarios", help="list, make and edit the project's "
                                   "scenarios (named sets of candidate areas)")
    sub = parser.add_subparsers(dest="scenarios_command", metavar="ACTION", required=True)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[data_parent], help=help_text)
        p.add_argument("--project", type=project_arg, required=True, metavar="PROJECT",
                       help="the project (a .gpkg file or a PostGIS connection string)")
        if name != "list":
            p.add_argument("--author", help="name for the audit trail (default: login name)")
        return p

    lst = command("list", "list the scenarios with their candidate areas")
    lst.add_argument("--json", action="store_true", help="print JSON")
    create = command("create", "make a scenario of candidate areas")
    create.add_argument("--name", required=True, help="the scenario's name")
    create.add_argument("ids", nargs="*", metavar="ID",
                        help="candidate areas: the id or its first characters")
    rename = command("rename", "rename a scenario")
    rename.add_argument("old", metavar="OLD", help="the scenario's name now (any case)")
    rename.add_argument("new", metavar="NEW", help="the new name")
    for name, text in (("add", "add candidate areas to a scenario"),
                       ("remove", "remove candidate areas from a scenario")):
        p = command(name, text)
        p.add_argument("name", metavar="NAME", help="the scenario (any case)")
        p.add_argument("ids", nargs="+", metavar="ID",
                       help="candidate areas: the id or its first characters")
    delete = command("delete", "delete a scenario (its candidate areas stay)")
    delete.add_argument("name", metavar="NAME", help="the scenario (any case)")


def run(args: argparse.Namespace) -> int:
    """Run ``naturplan scenarios …``; returns the exit code.

    Raises
    ------
    NaturplanError
        With a one-line message for the user (the CLI prints it and exits 1).
    """
    if args.scenarios_command == "list":
        return _run_list(args)
    store, plan = open_plan(args.project, args.author, create=False)
    with store:
        edit = {"create": _create, "rename": _rename, "add": _add, "remove": _remove,
                "delete": _delete}[args.scenarios_command]
        print(edit(args, store, plan))
    return 0


def _t(args: argparse.Namespace, source: str, n: int | None = None, **params: Any) -> str:
    return tr(args.lang or DEFAULT_LANGUAGE, CONTEXT, source, n, **params)


def find_scenario(scenarios: list[Scenario], name: str) -> Scenario:
    """The scenario called *name*, compared without case and extra spaces.

    Raises
    ------
    ScenarioError
        If there is none.
    """
    key = " ".join(name.split()).casefold()
    for s in scenarios:
        if s.name.casefold() == key:
            return s
    raise ScenarioError("No scenario named '{name}' in the project.", name=name)


def _members(plan: CandidatePlan, ids: list[str]) -> list[str]:
    """The full ids of the candidates *ids* name (CandidateNotFoundError for an unknown one)."""
    return [plan.find(i).id for i in ids]


def _create(args: argparse.Namespace, store: Any, plan: CandidatePlan) -> str:
    stored = store.insert_scenario(Scenario.new(args.name, _members(plan, args.ids)))
    return _t(args, "Created scenario '{name}' with {n} candidate areas.",
              n=len(stored.candidate_ids), name=stored.name)


def _rename(args: argparse.Namespace, store: Any, plan: CandidatePlan) -> str:
    s = find_scenario(store.scenarios(), args.old)
    stored = store.update_scenario(s.with_changes(name=args.new), s.version)
    return _t(args, "Renamed scenario '{old}' to '{new}'.", old=s.name, new=stored.name)


def _add(args: argparse.Namespace, store: Any, plan: CandidatePlan) -> str:
    s = find_scenario(store.scenarios(), args.name)
    new = [i for i in _members(plan, args.ids) if i not in s.candidate_ids]
    if not new:
        return _t(args, "Scenario '{name}' already holds these areas; nothing changed.",
                  name=s.name)
    stored = store.update_scenario(s.with_changes(candidate_ids=[*s.candidate_ids, *new]),
                                   s.version)
    return _t(args, "Added {n} candidate areas to scenario '{name}' (now {total}).",
              n=len(new), name=stored.name, total=len(stored.candidate_ids))


def _remove(args: argparse.Namespace, store: Any, plan: CandidatePlan) -> str:
    s = find_scenario(store.scenarios(), args.name)
    gone = {_member_of(s, plan, i) for i in args.ids}
    stored = store.update_scenario(
        s.with_changes(candidate_ids=[i for i in s.candidate_ids if i not in gone]), s.version)
    return _t(args, "Removed {n} candidate areas from scenario '{name}' (now {total}).",
              n=len(gone), name=stored.name, total=len(stored.candidate_ids))


def _member_of(s: Scenario, plan: CandidatePlan, text: str) -> str:
    """The id in *s* that *text* names: a candidate of the plan, or (for one deleted since)
    an id of the scenario that starts with it.

    Raises
    ------
    ScenarioError
        If the candidate is not in the scenario.
    CandidateNotFoundError
        If no candidate area and no id of the scenario fits.
    """
    try:
        found = plan.find(text).id
    except CandidateNotFoundError:
        key = text.strip().lower()
        hits = [i for i in s.candidate_ids if len(key) >= 4 and i.lower().startswith(key)]
        if len(hits) != 1:
            raise
        return hits[0]
    if found not in s.candidate_ids:
        raise ScenarioError("Candidate area {id} is not in scenario '{name}'.", id=text,
                            name=s.name)
    return found


def _delete(args: argparse.Namespace, store: Any, plan: CandidatePlan) -> str:
    s = find_scenario(store.scenarios(), args.name)
    store.delete_scenario(s.id, s.version)
    return _t(args, "Deleted scenario '{name}' ({n} candidate areas; the areas stay).",
              n=len(s.candidate_ids), name=s.name)


def scenario_rows(store: Any) -> list[dict[str, Any]]:
    """Every scenario as a JSON-ready dict: its members with name and area (m²) where the
    candidate is still in the plan, ``missing`` ids where it was deleted."""
    candidates = {c.id: c for c in store.candidates()}
    rows = []
    for s in store.scenarios():
        members = [{"id": i, "name": candidates[i].name, "area_m2": candidates[i].area_m2}
                   for i in s.candidate_ids if i in candidates]
        rows.append({
            "id": s.id, "name": s.name, "description": s.description,
            "candidates": members,
            "missing": [i for i in s.candidate_ids if i not in candidates],
            "area_m2": sum(m["area_m2"] for m in members),
            "created": s.created, "modified": s.modified, "author": s.author,
            "modified_by": s.modified_by, "version": s.version,
        })
    return rows


def _run_list(args: argparse.Namespace) -> int:
    with open_store(args.project, readonly=True) as store:
        rows = scenario_rows(store)
    if args.json:
        doc = {"project": project_label(args.project), "scenarios": rows}
        print(jsontext.dumps(doc, indent=2))
        return 0
    lang = args.lang or DEFAULT_LANGUAGE
    for r in rows:
        print(_t(args, "{name}: {n} candidate areas, {area}", n=len(r["candidates"]),
                 name=r["name"], area=format_ha(r["area_m2"], 2, lang)))
        for m in r["candidates"]:
            print(f"  {m['id'][:8]}  {m['name']}")
        for i in r["missing"]:
            print("  " + _t(args, "{id}  (deleted from the plan)", id=i[:8]))
    print(_t(args, "{n} scenarios in {project}", n=len(rows),
             project=project_label(args.project)))
    return 0
