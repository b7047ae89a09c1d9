"""Errors in one place (issue 8): one module, a code each, no command-line hints outside the
CLI, and the Danish text of every message the plan, the store and the import raise."""

from __future__ import annotations

import ast
import inspect
import re
from pathlib import Path

import naturplan
import naturplan.core.errors as errors
from naturplan.io.paths import translations_dir
from naturplan.text.i18n import error_text, read_ts_files

PACKAGE = Path(naturplan.__file__).parent
ERROR_CLASSES = {name: cls for name, cls in vars(errors).items()
                 if inspect.isclass(cls) and issubclass(cls, errors.NaturplanError)}


def _raised_templates(*folders: str) -> list[tuple[str, int, str]]:
    """(file, line, template) of every error raised with a literal template in *folders*."""
    out = []
    for folder in folders:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                        and node.func.id in ERROR_CLASSES and node.args
                        and isinstance(node.args[0], ast.Constant)
                        and isinstance(node.args[0].value, str)):
                    out.append((str(path.relative_to(PACKAGE)), node.lineno, node.args[0].value))
    return out


def test_every_error_class_lives_in_core_errors_with_its_own_code() -> None:
    codes = {}
    for name, cls in ERROR_CLASSES.items():
        assert "code" in vars(cls), f"{name} has no code of its own"
        assert cls.code not in codes, f"{name} and {codes[cls.code]} share {cls.code!r}"
        codes[cls.code] = name
    for path in PACKAGE.rglob("*.py"):
        if path == PACKAGE / "core" / "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases = {ast.unparse(b) for b in node.bases}
                assert not bases & {"Exception", "ValueError", "RuntimeError",
                                    *ERROR_CLASSES}, f"{path.name}: class {node.name}"


def test_no_command_line_hint_outside_the_cli() -> None:
    hinted = [t for t in _raised_templates("core", "io", "text", "usecases", "export", "render",
                                        "gui")
              if re.search(r"--[a-z]", t[2])]
    assert hinted == []


def test_the_plan_store_and_import_errors_have_danish_texts() -> None:
    danish = read_ts_files(translations_dir(), "da")
    raised = _raised_templates("core/plan", "io/project", "core/layers")
    defaults = [("core/errors.py", 0, cls.template) for cls in ERROR_CLASSES.values()]
    from naturplan.io.project.store import conflict_template

    conflicts = [("io/project/store.py", 0, conflict_template(deleted=d, by=b))
                 for d in (True, False) for b in ("", "anna")]
    missing = [t for t in raised + defaults + conflicts if ("errors", t[2]) not in danish]
    assert missing == []
    assert len(raised) > 40


def test_a_conflict_says_who_in_danish_and_keeps_its_values() -> None:
    from naturplan.io.project.store import conflict_template

    error = errors.ConflictError(conflict_template(deleted=True, by="anna"), candidate_id="c1",
                                 name="Mose", by="anna", at="2026-11-28T10:00:00.000Z")
    assert (error.candidate_id, error.name, error.by) == ("c1", "Mose", "anna")
    assert error_text(error, "da").startswith("Kandidatområdet 'Mose' blev slettet af anna")
    assert str(error).startswith("Candidate area 'Mose' was deleted by anna")
