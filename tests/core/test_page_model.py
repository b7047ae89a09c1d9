"""The Qt-free page model (issue 21 §1): ``render/page.py`` draws a typed
:class:`~naturplan.pagemodel.page.PageLayout` (no ``Any``), and the renderer says numbers with
the program's one number format (``text/numbers.py``), not with a QLocale of its own."""

from __future__ import annotations

import ast
import typing
from pathlib import Path

import naturplan

PACKAGE = Path(naturplan.__file__).parent


def _tree(rel: str) -> ast.Module:
    return ast.parse((PACKAGE / rel).read_text(encoding="utf-8"))


def _names(tree: ast.AST) -> set[str]:
    found = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    found |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    found |= {a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) for a in n.names}
    # string annotations (``from __future__ import annotations`` keeps them as code, but a
    # quoted one would hide an Any)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and node.value.strip() == "Any":
            found.add("Any")
    return found


def test_render_page_has_no_any() -> None:
    assert "Any" not in _names(_tree("render/page.py"))


def test_render_page_takes_the_page_model() -> None:
    from naturplan.core.feedback import Feedback
    from naturplan.pagemodel.page import Box, LedgerTable, LegendGroup, PageLayout
    from naturplan.render import page

    assert typing.get_type_hints(page.PagePainter.__init__)["layout"] is PageLayout
    assert typing.get_type_hints(page.PagePainter.rect)["box"] is Box
    assert typing.get_type_hints(page.PagePainter._ledger_widths)["table"] is LedgerTable
    assert typing.get_type_hints(page.PagePainter._legend_group)["group"] is LegendGroup
    for writer in (page.write_pdf, page.write_png):
        hints = typing.get_type_hints(writer)
        assert hints["layout"] is PageLayout and hints["feedback"] is Feedback
    assert typing.get_type_hints(page.page_image)["layout"] is PageLayout


def test_the_page_model_is_what_the_writers_build() -> None:
    """The layout the print writer builds is the class the renderer is typed with (one
    model, not a copy beside the writer)."""
    from naturplan.export.layout import page as layout_page
    from naturplan.pagemodel import page as model

    assert layout_page.PageLayout is model.PageLayout
    assert typing.get_type_hints(layout_page.build_layout)["return"] is model.PageLayout
    for name in ("Box", "PageLayout", "PrintPreset", "LegendGroup", "LedgerTable", "KeyRow"):
        defined = [n.name for n in ast.walk(_tree("pagemodel/page.py"))
                   if isinstance(n, ast.ClassDef)]
        assert name in defined
        for rel in ("export/layout/page.py", "export/layout/presets.py", "export/legend.py",
                    "export/ledger_table.py", "export/layout/key.py"):
            assert name not in [n.name for n in ast.walk(_tree(rel))
                                if isinstance(n, ast.ClassDef)], (rel, name)


def test_the_scale_bar_uses_the_shared_number_format() -> None:
    tree = _tree("render/decorations.py")
    assert "QLocale" not in _names(tree)
    imported = {(n.module, a.name) for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                for a in n.names}
    assert ("naturplan.text.numbers", "format_number") in imported
