"""Build hook: the package carries the repository's shipped folders.

``layers/``, ``styles/`` and ``resources/`` stay at the top of the repository. Building a wheel
(``python -m build``, ``pip install .``, ``pipx install``) copies every file in them, by rule
and not by list, into ``naturplan/shipped/`` of the build and compiles each translation
``resources/translations/*.ts`` to a ``.qm`` beside it with the ``lrelease`` of the PySide6
in the build environment (``[build-system] requires``). An editable install copies nothing:
``naturplan/io/paths.py`` reads the checkout's folders directly. The sdist carries the folders
themselves (``MANIFEST.in``), so a wheel built from it is the same.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED_FOLDERS = ("layers", "styles", "resources")
#: Never shipped: the sample a checkout may have built in older versions, Python caches, and
#: translations compiled at run time in a checkout (the build compiles its own).
SKIP_DIRS = {"generated", "__pycache__"}
SKIP_SUFFIXES = {".qm", ".pyc", ".pyo"}


def _keep(path: Path, top: Path) -> bool:
    parts = path.relative_to(top).parts
    return not SKIP_DIRS.intersection(parts[:-1]) and path.suffix not in SKIP_SUFFIXES


def copy_shipped(root: Path, target: Path) -> int:
    """Copy every shipped file of the checkout *root* into *target*/<folder>/…; returns how
    many were copied."""
    count = 0
    for name in SHIPPED_FOLDERS:
        top = root / name
        for path in sorted(p for p in top.rglob("*") if p.is_file() and _keep(p, top)):
            out = target / name / path.relative_to(top)
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, out)
            count += 1
    return count


def lrelease() -> list[str]:
    """The ``lrelease`` of PySide6 (a build requirement), as a command."""
    script = shutil.which("pyside6-lrelease")
    if script:
        return [script]
    spec = importlib.util.find_spec("PySide6")
    for folder in spec.submodule_search_locations if spec else ():
        for name in ("lrelease", "lrelease.exe", "Qt/libexec/lrelease"):
            if (Path(folder) / name).is_file():
                return [str(Path(folder) / name)]
    raise RuntimeError("lrelease not found: the build needs PySide6 (pip install PySide6)")


def compile_translations(folder: Path) -> int:
    """Compile every ``*.ts`` in *folder* to a ``.qm`` beside it; returns how many."""
    sources = sorted(folder.glob("*.ts"))
    command = lrelease() if sources else []
    for source in sources:
        subprocess.run([*command, "-silent", str(source), "-qm", str(source.with_suffix(".qm"))],
                       check=True)
    return len(sources)


class BuildWithShippedFiles(build_py):
    """``build_py`` that also fills ``naturplan/shipped/`` (not in editable mode)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "naturplan" / "shipped"
        shutil.rmtree(target, ignore_errors=True)
        copied = copy_shipped(ROOT, target)
        compiled = compile_translations(target / "resources" / "translations")
        print(f"naturplan: shipped {copied} files, compiled {compiled} translations")


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import its helpers
    setup(cmdclass={"build_py": BuildWithShippedFiles})
