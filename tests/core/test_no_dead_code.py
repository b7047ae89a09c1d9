"""Code nothing calls is removed, not kept "just in case" (issue 21 §4): pyarrow is a
dependency (no "is it there?" module), and the functions below had no caller."""

from __future__ import annotations

import ast
import importlib.util
import tomllib
from pathlib import Path

import naturplan

PACKAGE = Path(naturplan.__file__).parent
REMOVED = {"summary_of", "load_neighbours", "has_pyarrow"}


def test_pyarrow_is_a_dependency_not_an_option():
    project = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert any(d.startswith("pyarrow") for d in project["project"]["dependencies"])
    assert importlib.util.find_spec("naturplan.io.optional") is None


def test_the_removed_functions_stay_gone():
    names = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names |= {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
        names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    assert names & REMOVED == set()
    assert "load_layer" in names  # the scan sees functions, names and attributes


def test_comments_name_modules_that_exist():
    text = (PACKAGE / "gui" / "main_window.py").read_text(encoding="utf-8")
    named = {part for part in text.split() if part.rstrip(").,").endswith(".py")}
    for name in named:
        rel = name.strip("()`,.").removeprefix("naturplan/")
        assert (PACKAGE / rel).exists() or any(PACKAGE.rglob(rel)), name
