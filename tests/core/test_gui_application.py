"""No Qt application is made as a side effect (issue 21 §4): the command line makes one on
purpose before it draws pages; the drawing functions refuse to run without one instead of
making a bare QGuiApplication (after which no widget could be made in that process)."""

from __future__ import annotations

import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import naturplan

PACKAGE = Path(naturplan.__file__).parent

_PROBE = textwrap.dedent("""
    import os, tempfile
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtGui import QGuiApplication
    from naturplan.render.atlas import write_atlas_pdf
    from naturplan.render.page import page_image, write_pdf
    from naturplan.render.parcel_page import write_parcel_page
    assert QGuiApplication.instance() is None, "made at import"
    out = Path(tempfile.mkdtemp()) / "x.pdf"
    calls = [lambda: write_pdf(None, out, None), lambda: page_image(None, 300.0),
             lambda: write_parcel_page(out, None, None, [], None),
             lambda: write_atlas_pdf(out, None, 0, None, None)]
    for call in calls:
        try:
            call()
        except RuntimeError as exc:
            assert "ensure_gui_application" in str(exc), exc
        else:
            raise AssertionError("drew without an application")
        assert QGuiApplication.instance() is None, "made by a drawing function"
    assert not out.exists()
    from naturplan.render.application import ensure_gui_application
    app = ensure_gui_application()
    assert QGuiApplication.instance() is app and ensure_gui_application() is app
    print("ok")
""")


def test_drawing_never_makes_the_application_itself():
    done = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True,
                          timeout=120, cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_the_command_line_makes_it_for_the_commands_that_draw():
    import argparse

    from naturplan.cli import draws_pages

    assert draws_pages(argparse.Namespace(command="export"))
    assert draws_pages(argparse.Namespace(command="parcel", pdf=Path("p.pdf")))
    assert not draws_pages(argparse.Namespace(command="parcel", pdf=None))
    assert not draws_pages(argparse.Namespace(command="stats"))


def test_only_two_places_make_a_qt_application():
    makers = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in {"QGuiApplication", "QApplication",
                                         "QCoreApplication"}):
                makers.append(str(path.relative_to(PACKAGE)))
    assert sorted(set(makers)) == ["gui/app.py", "render/application.py"]
