"""Every word the analysis shows outside Qt, and every error it raises, has its Danish."""

from __future__ import annotations

from pathlib import Path

from naturplan.core.analysis.climate import Criterion
from naturplan.core.analysis.conflicts import ConflictKind
from naturplan.core.analysis.firefighter import Tag
from naturplan.io.paths import translations_dir
from naturplan.io.project.store import scenario_conflict_template
from naturplan.text.analysis_words import conflict_label, criterion_label, firefighter_label
from naturplan.text.i18n import read_ts_files

ROOT = Path(__file__).resolve().parents[2] / "naturplan"
#: Modules whose errors are raised with literal English templates.
ERROR_MODULES = ["core/analysis/factors.py", "core/plan/scenarios.py",
                 "io/project/gpkg_scenarios.py", "io/project/store.py", "io/factors.py"]
_ERRORS = {"FactorTableError", "ScenarioError"}


def _templates(source: str) -> set[str]:
    """The literal templates these errors are raised with (an implicit concatenation of
    strings over several lines is one literal to the parser)."""
    import ast

    out = set()
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in _ERRORS and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            out.add(node.args[0].value)
    return out


def test_labels_are_danish():
    assert firefighter_label(Tag.PROTECTS, "da") == "beskytter eksisterende natur"
    assert conflict_label(ConflictKind.NATURE_P3, "da") == "§3-natur (ikke tilladt)"
    assert criterion_label(Criterion.MIN_AREA, "10", "da") == "mindst 10 ha"
    for tag in Tag:
        assert firefighter_label(tag, "da") != firefighter_label(tag, "en")
    for kind in ConflictKind:
        assert conflict_label(kind, "da") != conflict_label(kind, "en")
    for criterion in Criterion:
        assert criterion_label(criterion, "1", "da") != criterion_label(criterion, "1", "en")


def test_error_templates_have_danish():
    danish = read_ts_files(translations_dir(), "da")
    templates = set()
    for name in ERROR_MODULES:
        text = (ROOT / name).read_text(encoding="utf-8")
        templates |= _templates(text)
    templates |= {scenario_conflict_template(deleted=d, by=b) for d in (True, False)
                  for b in ("", "anna")}
    assert len(templates) >= 12
    missing = sorted(t for t in templates if ("errors", t) not in danish)
    assert missing == []
