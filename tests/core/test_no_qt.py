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
    modules = _modules("core", "io", "text", "pagemodel", "usecases", "export", "cli")
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


def test_no_import_cycles() -> None:
    """No two modules import each other, directly or round a longer circle (issue 8).

    Imports under ``TYPE_CHECKING`` and inside functions count: they are circles too. The
    only allowed ones are those the acyclic contract in ``pyproject.toml`` ignores by name.
    """
    import tomllib

    import grimp

    root = PACKAGE.parent
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    allowed = {
        tuple(part.strip() for part in item.split("->"))
        for contract in config["tool"]["importlinter"]["contracts"]
        if contract["type"] == "acyclic_siblings"
        for item in contract.get("ignore_imports", [])
    }
    graph = grimp.build_graph("naturplan")
    for importer, imported in allowed:
        graph.remove_import(importer=importer, imported=imported)
    cycles = _cycles(graph, {m for m in graph.modules if m.startswith("naturplan")})
    assert cycles == [], "import circles: " + "; ".join(" <-> ".join(c) for c in cycles)


def _cycles(graph: object, modules: set[str]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def imports(module: str) -> list[str]:
        found = graph.find_modules_directly_imported_by(module)  # type: ignore[attr-defined]
        return sorted(m for m in found if m in modules)

    for start in sorted(modules):
        if start in index:
            continue
        work = [(start, iter(imports(start)))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(imports(child))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    out.append(sorted(component))
    return out
