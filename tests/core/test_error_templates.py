"""Errors are raised with a fixed English template and their values apart (issue 21 §4): the
template is the key of its Danish translation, so a template built with an f-string has no
translation and shows English in the Danish program. And one error line for every command."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import naturplan
import naturplan.core.errors as errors
from naturplan.io.paths import translations_dir
from naturplan.text.i18n import error_line, error_text, read_ts_files

PACKAGE = Path(naturplan.__file__).parent
ERROR_CLASSES = {name for name, cls in vars(errors).items()
                 if inspect.isclass(cls) and issubclass(cls, errors.NaturplanError)}


def _built_templates(tree: ast.AST) -> list[int]:
    """Lines where an error class is called with a template built at run time (an f-string,
    ``+``/``%`` or ``.format()``)."""
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else (
            func.attr if isinstance(func, ast.Attribute) else "")
        first = node.args[0]
        built = isinstance(first, ast.JoinedStr | ast.BinOp) or (
            isinstance(first, ast.Call) and isinstance(first.func, ast.Attribute)
            and first.func.attr == "format")
        if name in ERROR_CLASSES and built:
            lines.append(node.lineno)
    return lines


def test_no_error_template_is_built_at_run_time():
    found = {str(p.relative_to(PACKAGE)): lines for p in sorted(PACKAGE.rglob("*.py"))
             if (lines := _built_templates(ast.parse(p.read_text(encoding="utf-8"))))}
    assert found == {}, f"raise Error('template {{name}}', name=...) instead: {found}"


def test_the_scan_finds_a_built_template():
    assert _built_templates(ast.parse('raise StyleError(f"{where}: bad")')) == [1]
    assert _built_templates(ast.parse('raise errors.StoreError("a " + b)')) == [1]
    assert _built_templates(ast.parse('raise StyleError("{w}".format(w=1))')) == [1]
    assert _built_templates(ast.parse('raise StyleError("{where}: bad", where=w)')) == []


@pytest.mark.parametrize("data, danish", [
    ({"opacity": 2}, "nature_p3.toml: 'opacity' skal være mellem 0 og 1, men er 2.0."),
    ({"colour": "#fff"}, "nature_p3.toml: ukendt(e) nøgle(r) colour; tilladt: categories, "
                         "labels, max_scale, opacity, ramp, symbol, title."),
    ({"symbol": {"fill": "green"}},
     "nature_p3.toml [symbol]: 'fill' skal være en farve som \"#1f78b4\", men er 'green'."),
    ({"max_scale": -1}, "nature_p3.toml: 'max_scale' skal være mindst 0, men er -1."),
])
def test_a_bad_style_file_is_told_in_danish_with_its_values(data, danish):
    from naturplan.io.styles import parse_style

    with pytest.raises(errors.StyleError) as caught:
        parse_style("nature_p3", data, "nature_p3.toml")
    assert error_text(caught.value, "da") == danish
    assert caught.value.params["where"].startswith("nature_p3.toml")


def test_every_style_template_has_its_danish_text():
    from naturplan.io import styles

    danish = read_ts_files(translations_dir(), "da")
    raised = [node.args[0].value for node in ast.walk(ast.parse(Path(styles.__file__).read_text(
        encoding="utf-8"))) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        and node.func.id == "StyleError" and node.args and isinstance(node.args[0], ast.Constant)]
    assert len(raised) >= 19
    assert [t for t in raised if ("errors", t) not in danish] == []


def test_one_error_line_for_the_command_line_and_the_app():
    error = errors.NaturplanError("Cannot write the screenshot to {path}.", path="k.png")
    assert error_line(error, "da") == "naturplan: fejl: Kan ikke gemme skærmbilledet som k.png."
    assert error_line(error, "en") == "naturplan: error: Cannot write the screenshot to k.png."
    hand_made = [(str(p.relative_to(PACKAGE)), n.lineno) for p in sorted(PACKAGE.rglob("*.py"))
                 for n in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
                 if isinstance(n, ast.Constant) and isinstance(n.value, str)
                 and n.value.startswith("naturplan: error")]
    assert hand_made == []


def test_the_app_refuses_a_screenshot_in_danish_like_every_command(tmp_path, capsys):
    from naturplan.cli import main

    not_a_folder = tmp_path / "some.gpkg"
    not_a_folder.write_bytes(b"x")
    assert main(["--no-sample", "--screenshot", str(not_a_folder / "x.png")]) == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        f"naturplan: fejl: Kan ikke gemme skærmbilledet som {not_a_folder / 'x.png'}: "
        f"{not_a_folder} er ikke en mappe."]
