"""Build hook: the package carries the repository's shipped folders.

``layers/``, ``styles/`` and ``resources/`` stay at the top of the repository. Building a wheel
(``python -m build``, ``pip install .``, ``pipx install``) copies every file in them, by rule
and not by list, into ``naturplan/shipped/`` of the build; the translations ship as the
``resources/translations/*.ts`` they are (the program reads them itself: nothing is compiled).
An editable install copies nothing:
``naturplan/io/paths.py`` reads the checkout's folders directly. The sdist carries the folders
themselves (``MANIFEST.in``), so a wheel built from it is the same.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
SHIPPED_FOLDERS = ("layers", "styles", "resources")
#: Never shipped: the sample a checkout may have built in older versions, Python caches, and
#: translations that older versions compiled in a checkout (``.qm``, no longer read).
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


class BuildWithShippedFiles(build_py):
    """``build_py`` that also fills ``naturplan/shipped/`` (not in editable mode)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "naturplan" / "shipped"
        shutil.rmtree(target, ignore_errors=True)
        copied = copy_shipped(ROOT, target)
        print(f"naturplan: shipped {copied} files")


if __name__ == "__main__":  # setuptools runs this file as __main__; tests import its helpers
    setup(cmdclass={"build_py": BuildWithShippedFiles})
