"""Start-up of every ``naturplan`` command (issue 24): a command imports its own module only,
never the other subcommands' (nor PySide6), and ``naturplan --help`` lists every command
without importing any of them; the lazily built parsers say exactly what the modules declare."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd

from naturplan.cli.commands import COMMANDS

ROOT = Path(__file__).resolve().parents[2]

#: The modules of the subcommands (and of the app), by the command that needs them.
COMMAND_MODULES = {
    "naturplan.cli.stats", "naturplan.cli.candidates", "naturplan.cli.candidates_export",
    "naturplan.cli.restore", "naturplan.cli.project", "naturplan.cli.export",
    "naturplan.cli.parcel", "naturplan.cli.data", "naturplan.cli.scenarios",
    "naturplan.cli.suggest", "naturplan.cli.plandata", "naturplan.cli.app",
    "naturplan.cli.atlas", "naturplan.cli.analysis", "naturplan.cli.mars",
}


def _imports(args: list[str], env: dict[str, str]) -> tuple[set[str], subprocess.CompletedProcess]:
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "naturplan", *args],
                          env={**env, "PYTHONPATH": str(ROOT)}, cwd=ROOT, capture_output=True,
                          text=True, check=False, timeout=300)
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines()
                if line.startswith("import time:")}
    return imported, done


def test_stats_imports_no_other_command_and_no_qt(sample_env: dict[str, str]) -> None:
    imported, done = _imports(["stats", "--json", "--sample-scale",
                               sample_env["NATURPLAN_SAMPLE_SCALE"]], sample_env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "naturplan.cli.stats" in imported  # the list is real: the command's own module
    assert imported & COMMAND_MODULES == {"naturplan.cli.stats"}
    assert not any(name.split(".")[0] == "PySide6" for name in imported)
    report = json.loads(done.stdout)  # and the command did its work
    assert 0 < report["protected"]["share"] < 1


def test_parcels_out_imports_no_other_command_and_no_cloud_sessions(
        sample_env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "parcels.csv"
    imported, done = _imports(["parcels", "--out", str(out), "--sample-scale",
                               sample_env["NATURPLAN_SAMPLE_SCALE"]], sample_env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert imported & COMMAND_MODULES == {"naturplan.cli.parcel"}
    tops = {name.split(".")[0] for name in imported}
    assert "rasterio" in tops  # the flood raster was read...
    assert not {"botocore", "s3transfer", "PySide6"} & tops  # ...without boto3's sessions
    table = pd.read_csv(out)
    assert len(table) > 0 and table["flood_share"].notna().any()  # flood columns measured


def test_help_lists_every_command_without_importing_one() -> None:
    imported, done = _imports(["--help", "--lang", "en"], dict(os.environ))
    assert done.returncode == 0, done.stderr[-2000:]
    assert not imported & COMMAND_MODULES
    assert not {"shapely", "numpy", "pandas", "PySide6"} & {n.split(".")[0] for n in imported}
    for command in COMMANDS:
        assert f"    {command.name} " in done.stdout


def _eager_choices(lang: str) -> dict[str, tuple[str | None, str]]:
    """Every command's help line and full help, its module's ``add_parser`` called directly
    on a plain argparse sub-parser action (the way the parser was built before)."""
    import importlib

    from naturplan.cli.options import data_options
    from naturplan.cli.parsing import NaturplanParser

    parser = NaturplanParser(lang=lang, prog="naturplan")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    data = data_options()
    for module in dict.fromkeys(command.module for command in COMMANDS):
        importlib.import_module(module).add_parser(sub, data)
    lines = {a.dest: a.help for a in sub._choices_actions}
    return {name: (lines[name], p.format_help()) for name, p in sub.choices.items()}


def test_declared_commands_are_what_the_modules_build() -> None:
    from naturplan.cli import build_parser

    for lang in ("da", "en"):
        eager = _eager_choices(lang)
        action = next(a for a in build_parser(lang)._actions
                      if isinstance(a, argparse._SubParsersAction))
        lazy_lines = {a.dest: a.help for a in action._choices_actions}
        lazy = {name: (lazy_lines[name], p.format_help()) for name, p in action.choices.items()}
        assert list(lazy) == list(eager) == [c.name for c in COMMANDS]
        assert lazy == eager


def test_a_wrong_command_names_every_command_in_order(capsys) -> None:
    import pytest

    from naturplan.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["statz", "--lang", "en"])
    assert stop.value.code == 2
    names = ", ".join(repr(c.name) for c in COMMANDS)
    assert f"invalid choice: 'statz' (choose from {names})" in capsys.readouterr().err
