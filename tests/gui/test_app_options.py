"""The app takes typed options that the command line fills; it never reads the command line's
argparse namespace (issue 21 §4)."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import naturplan.gui.app as app
from naturplan.cli import build_parser
from naturplan.cli.app import app_options
from naturplan.gui.app import AppOptions


def test_the_command_line_fills_the_app_options():
    args = build_parser().parse_args(["--lang", "en", "--screenshot", "out.png", "--project",
                                      "plan.gpkg", "--basemap", "none"])
    assert app_options(args) == AppOptions(lang="en", screenshot=Path("out.png"),
                                           project=Path("plan.gpkg"), basemap="none")
    assert app_options(build_parser().parse_args([])) == AppOptions()  # Danish, no extras
    team = app_options(build_parser().parse_args(["--project", "service=naturplan"]))
    assert team.project == "service=naturplan"  # a connection string stays text


def test_the_app_never_reads_the_argparse_namespace():
    tree = ast.parse(Path(app.__file__).read_text(encoding="utf-8"))
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)
                for a in n.names} | {n.module for n in ast.walk(tree)
                                     if isinstance(n, ast.ImportFrom) and n.module}
    assert "argparse" not in imported
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Call)
                and isinstance(n.func, ast.Name) and n.func.id == "getattr"
                and isinstance(n.args[0], ast.Name) and n.args[0].id == "args"]
    first = next(iter(inspect.signature(app.run_app).parameters.values()))
    assert first.annotation in (AppOptions, "AppOptions")


def test_a_refused_screenshot_from_the_options(tmp_path, capsys):
    folder_file = tmp_path / "f.gpkg"
    folder_file.write_bytes(b"x")
    options = AppOptions(lang="en", screenshot=folder_file / "x.png")
    assert app.run_app(options, None, ()) == 1
    assert capsys.readouterr().err.strip() == (
        f"naturplan: error: Cannot write the screenshot to {folder_file / 'x.png'}: "
        f"{folder_file} is not a folder.")
