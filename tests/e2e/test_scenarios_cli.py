"""`naturplan scenarios list|create|rename|add|remove|delete` as a planner runs them (issue 20
item 1): the same audited store edits as the window, names in any case, ids as `candidates
list` shows them, one Danish line and exit code 1 for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import shapely

from naturplan.cli import main
from naturplan.core.plan.candidates import Candidate
from naturplan.io.project.open import open_plan, open_store

X0, Y0 = 555_000.0, 6_320_000.0


@pytest.fixture
def project(tmp_path: Path) -> tuple[Path, dict[str, Candidate]]:
    """A project with three candidate areas of known size (1, 4 and 9 ha)."""
    path = tmp_path / "plan.gpkg"
    store, plan = open_plan(path, "tester")
    made = {}
    with store:
        for k, (name, side) in enumerate((("Mose", 100), ("Skov", 200), ("Eng", 300))):
            geom = shapely.box(X0 + 1000 * k, Y0, X0 + 1000 * k + side, Y0 + side)
            made[name] = plan.add(Candidate.new("lowland", geom, name)).after[0]
    return path, made


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["scenarios", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _stored(path: Path) -> dict[str, tuple[str, ...]]:
    with open_store(path, readonly=True) as store:
        return {s.name: s.candidate_ids for s in store.scenarios()}


def test_create_rename_add_remove_delete_and_list(project, capsys) -> None:
    path, c = project
    p = str(path)
    code, out, err = _run(capsys, "create", "--project", p, "--name", "Forslag A",
                          c["Mose"].id[:8], c["Skov"].id[:8], "--author", "Birte")
    assert (code, err) == (0, "")
    assert out.strip() == "Scenariet 'Forslag A' er oprettet med 2 kandidatområder."
    assert _stored(path) == {"Forslag A": (c["Mose"].id, c["Skov"].id)}
    assert _run(capsys, "rename", "--project", p, "forslag a", "Forslag A med eng")[0] == 0
    assert _run(capsys, "add", "--project", p, "FORSLAG A MED ENG", c["Eng"].id[:6])[0] == 0
    code, out, _ = _run(capsys, "remove", "--project", p, "Forslag A med eng", c["Mose"].id)
    assert code == 0 and "Fjernede 1 kandidatområde fra scenariet" in out
    assert _stored(path) == {"Forslag A med eng": (c["Skov"].id, c["Eng"].id)}
    assert _run(capsys, "create", "--project", p, "--name", "Forslag B", c["Mose"].id[:8])[0] == 0
    code, out, _ = _run(capsys, "list", "--project", p, "--json")
    doc = json.loads(out)
    listed = {s["name"]: s for s in doc["scenarios"]}
    assert [m["name"] for m in listed["Forslag A med eng"]["candidates"]] == ["Skov", "Eng"]
    assert listed["Forslag A med eng"]["area_m2"] == pytest.approx(200**2 + 300**2)
    assert listed["Forslag B"]["area_m2"] == pytest.approx(100**2)
    code, out, _ = _run(capsys, "list", "--project", p)
    assert "Forslag A med eng: 2 kandidatområder, 13,00 ha" in out
    assert f"  {c['Eng'].id[:8]}  Eng" in out
    assert "2 scenarier i" in out
    code, out, _ = _run(capsys, "delete", "--project", p, "forslag b")
    assert code == 0 and list(_stored(path)) == ["Forslag A med eng"]
    with open_store(path, readonly=True) as store:
        ops = [r.details.get("op") for r in store.audit() if r.details.get("op", "")
               .startswith("scenario_")]
        authors = {r.who for r in store.audit() if r.details.get("op") == "scenario_insert"}
    assert ops == ["scenario_insert", "scenario_update", "scenario_update", "scenario_update",
                   "scenario_insert", "scenario_delete"]
    assert "Birte" in authors


def test_bad_input_is_one_danish_line_and_changes_nothing(project, capsys) -> None:
    path, c = project
    p = str(path)
    assert _run(capsys, "create", "--project", p, "--name", "Forslag A", c["Mose"].id[:8])[0] == 0
    before = _stored(path)
    cases = [
        (("create", "--project", p, "--name", "forslag a", c["Skov"].id[:8]),
         "Et scenarie med navnet 'Forslag A' er allerede i projektet."),
        (("create", "--project", p, "--name", "Forslag C", "ffffffff"),
         "ffffffff"),
        (("rename", "--project", p, "Forslag Z", "Forslag Y"),
         "Intet scenarie med navnet 'Forslag Z' i projektet."),
        (("add", "--project", p, "Forslag A", "0000zzzz"), "0000zzzz"),
        (("remove", "--project", p, "Forslag A", c["Skov"].id[:8]),
         f"Kandidatområdet {c['Skov'].id[:8]} er ikke i scenariet 'Forslag A'."),
        (("delete", "--project", p, "Forslag Q"),
         "Intet scenarie med navnet 'Forslag Q' i projektet."),
    ]
    for args, said in cases:
        code, out, err = _run(capsys, *args)
        assert code == 1, args
        assert out == "" and err.count("\n") == 1 and said in err, (args, err)
        assert err.startswith("naturplan: fejl: ") and "Traceback" not in err
    assert _stored(path) == before


def test_the_command_exits_1_in_a_real_process(project) -> None:
    path, _ = project
    result = subprocess.run(
        [sys.executable, "-m", "naturplan", "scenarios", "delete", "--project", str(path),
         "Ingen"], capture_output=True, text=True, timeout=120, env=dict(os.environ))
    assert result.returncode == 1
    assert result.stderr.strip() == ("naturplan: fejl: Intet scenarie med navnet 'Ingen' i "
                                     "projektet.")


# --- argparse's own words and the help texts in Danish (issue 20 item 4) ---------------------


def test_usage_errors_and_help_are_danish(project, capsys) -> None:
    path, _ = project
    with pytest.raises(SystemExit) as stop:
        main(["scenarios", "create", "--project", str(path)])
    err = capsys.readouterr().err
    assert stop.value.code == 2
    assert err.startswith("brug: naturplan scenarios create")
    assert err.rstrip().endswith("naturplan scenarios create: fejl: disse argumenter mangler: "
                                 "--name")
    with pytest.raises(SystemExit):
        main(["candidates", "import", "--project", "x", "--from", "y", "--kind", "skov"])
    err = capsys.readouterr().err
    assert "fejl: argument --kind: ugyldigt valg: 'skov' (vælg mellem 'lowland', " in err
    with pytest.raises(SystemExit):
        main(["stats", "--ukendt"])
    assert capsys.readouterr().err.rstrip().endswith("naturplan: fejl: ukendte argumenter: "
                                                     "--ukendt")
    with pytest.raises(SystemExit) as stop:
        main(["scenarios", "rename", "--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0
    assert out.startswith("brug: naturplan scenarios rename")
    assert "positionelle argumenter:" in out and "tilvalg:" in out
    assert "vis denne hjælp og afslut" in out and "scenariets navn nu" in out
    for english in ("usage:", "options:", "positional arguments", "show this help",
                    "the new name"):
        assert english not in out


def test_english_stays_english_with_lang_en(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--lang", "en", "scenarios", "delete"])
    err = capsys.readouterr().err
    assert err.startswith("usage: naturplan scenarios delete")
    assert "error: the following arguments are required: --project, NAME" in err


def test_every_help_text_has_a_danish_translation() -> None:
    """New options need their Danish help in resources/translations/*_da.ts (context
    cli_help); the list says which are missing."""
    import argparse

    from naturplan.cli import build_parser
    from naturplan.text.i18n import tr

    texts: list[str] = []

    def walk(parser: argparse.ArgumentParser) -> None:
        texts.append(parser.description or "")
        for action in parser._actions:
            texts.append(action.help or "")
            if isinstance(action, argparse._SubParsersAction):
                texts.extend(a.help or "" for a in action._choices_actions)
                for sub in action.choices.values():
                    walk(sub)

    walk(build_parser("en"))  # the English source texts
    missing = sorted({t for t in texts if t and t != argparse.SUPPRESS
                      and tr("da", "cli_help", t) == t})
    assert missing == []


def test_the_same_commands_on_a_team_project_in_postgis(pg_project: str, capsys) -> None:
    store, plan = open_plan(pg_project, "tester")
    with store:
        ids = [plan.add(Candidate.new("lowland", shapely.box(X0 + 500 * k, Y0, X0 + 500 * k + 100,
                                                              Y0 + 100), f"Ø{k}")).after[0].id
               for k in range(2)]
    code, _, err = _run(capsys, "create", "--project", pg_project, "--name", "Ålborg Øst",
                        ids[0][:8], ids[1][:8])
    assert (code, err) == (0, "")
    code, _, err = _run(capsys, "create", "--project", pg_project, "--name", "ÅLBORG ØST")
    assert code == 1 and "Et scenarie med navnet 'Ålborg Øst' er allerede i projektet." in err
    assert _run(capsys, "rename", "--project", pg_project, "ålborg øst", "Ålborg Vest")[0] == 0
    assert _run(capsys, "remove", "--project", pg_project, "ÅLBORG VEST", ids[0][:8])[0] == 0
    with open_store(pg_project, readonly=True) as store:
        assert {s.name: s.candidate_ids for s in store.scenarios()} == {"Ålborg Vest": (ids[1],)}
