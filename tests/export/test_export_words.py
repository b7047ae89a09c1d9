"""Every word the exports show has its Danish translation (export_da.ts and the shared files),
so a council map never shows English in the middle of Danish."""

from __future__ import annotations

import re
from pathlib import Path

import naturplan
from naturplan.io.paths import translations_dir
from naturplan.text.i18n import read_ts_files

PACKAGE = Path(naturplan.__file__).parent
MODULES = [*sorted((PACKAGE / "export").rglob("*.py")), *sorted((PACKAGE / "text").rglob("*.py")),
           *sorted((PACKAGE / "usecases").rglob("*.py")), PACKAGE / "cli" / "export.py",
           PACKAGE / "cli" / "candidates_export.py"]
GUI = sorted((PACKAGE / "gui" / "export").glob("*.py"))
_TR = re.compile(r'\btr\(\s*lang,\s*"(\w+)",\s*((?:"[^"]*"\s*)+)', re.S)
_T = re.compile(r'\bt\(\s*((?:"[^"]*"\s*)+)', re.S)
_SELF_TR = re.compile(r'self\.tr\(\s*((?:"[^"]*"\s*)+)\)', re.S)
_CLASS = re.compile(r"^class (\w+)", re.M)


def _joined(literals: str) -> str:
    return "".join(re.findall(r'"([^"]*)"', literals))


def test_every_export_text_has_a_danish_translation() -> None:
    danish = read_ts_files(translations_dir(), "da")
    missing = []
    checked = 0
    for path in MODULES:
        text = path.read_text(encoding="utf-8")
        for context, literals in _TR.findall(text):
            checked += 1
            if (context, _joined(literals)) not in danish:
                missing.append((path.name, context, _joined(literals)))
        context = "export_table" if "tables" in path.parts else "export"
        for literals in _T.findall(text):
            checked += 1
            if (context, _joined(literals)) not in danish:
                missing.append((path.name, context, _joined(literals)))
    for path in GUI:
        text = path.read_text(encoding="utf-8")
        classes = [(m.start(), m.group(1)) for m in _CLASS.finditer(text)]
        for match in _SELF_TR.finditer(text):
            owner = [name for start, name in classes if start < match.start()][-1]
            checked += 1
            if (owner, _joined(match.group(1))) not in danish:
                missing.append((path.name, owner, _joined(match.group(1))))
    assert missing == []
    assert checked > 60  # the scan finds the texts at all


def test_field_and_column_labels_are_translated() -> None:
    from naturplan.export.tables import CANDIDATE_COLUMNS
    from naturplan.export.webmap.features import FIELD_LABELS

    danish = read_ts_files(translations_dir(), "da")
    assert [c.header for c in CANDIDATE_COLUMNS
            if ("export_table", c.header) not in danish] == []
    assert [v for v in FIELD_LABELS.values() if ("export_fields", v) not in danish] == []
