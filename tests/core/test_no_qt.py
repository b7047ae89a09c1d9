"""naturplan.core, naturplan.io and naturplan.export import with PySide6 unavailable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import naturplan

PACKAGE = Path(naturplan.__file__).parent

BLOCKER = """
import importlib.abc, sys
class _Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
            raise ImportError("PySide6 is blocked in this test")
        return None
sys.meta_path.insert(0, _Block())
"""


def _modules(*subpackages: str) -> list[str]:
    out = []
    for sub in subpackages:
        for path in sorted((PACKAGE / sub).rglob("*.py")):
            parts = path.relative_to(PACKAGE).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            out.append(".".join(("naturplan", *parts)))
    return out


def test_core_io_export_import_without_pyside6() -> None:
    modules = _modules("core", "io", "export", "cli")
    code = BLOCKER + "\n".join(f"import {m}" for m in modules) + (
        "\nassert not any(m.startswith('PySide6') for m in sys.modules)\nprint('ok')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert len(modules) > 10


def test_import_contracts_hold() -> None:
    """The import-linter contracts in pyproject.toml (gui → export → render → io → core)."""
    root = PACKAGE.parent
    result = subprocess.run(
        ["lint-imports", str(root / "pyproject.toml")],
        capture_output=True, text=True, timeout=300, cwd=root,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_render_uses_no_widgets() -> None:
    """render/ draws with QtGui only so the print export can use it without a window."""
    for path in (PACKAGE / "render").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "QtWidgets" not in text, f"{path.name} imports QtWidgets"
