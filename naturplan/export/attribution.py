"""Who made the data on an exported map: one line per source, from ``resources/attribution.toml``.

"© SDFI (Geodatastyrelsen), DAGI kommuneinddeling (FOT), 13-02-2014" for a shipped real file;
the producer of a known schema and the file's date for a user's own download; "syntetiske
eksempeldata" for every synthetic layer (issue 7: synthetic is said out loud in every export);
the project file and the export date for the candidates.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from naturplan.core.layers.roles import Role
from naturplan.io.paths import resource
from naturplan.pagemodel.layers import ExportLayer
from naturplan.text.i18n import tr


@dataclass(frozen=True)
class Attribution:
    """One attribution line.

    Attributes
    ----------
    titles
        The layers it covers (their legend titles).
    text
        Producer, dataset and date, or the synthetic mark.
    synthetic
        True if the layers are synthetic sample data.
    """

    titles: tuple[str, ...]
    text: str
    synthetic: bool = False

    def line(self) -> str:
        """``Beskyttet natur (§3): syntetiske eksempeldata``."""
        return f"{', '.join(self.titles)}: {self.text}"


def load_table(path: Path | None = None) -> dict[str, Any]:
    """The attribution table (``files`` and ``mappings``); empty if the file is unreadable."""
    try:
        with (path or resource("attribution.toml")).open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def format_date(value: str | date, lang: str) -> str:
    """``2014-02-13`` → ``13-02-2014`` (da) or ``2014-02-13`` (en)."""
    when = value if isinstance(value, date) else date.fromisoformat(str(value))
    return when.strftime("%d-%m-%Y") if lang == "da" else when.isoformat()


def source_text(entry: ExportLayer, lang: str, table: Mapping[str, Any],
                today: date | None = None) -> str:
    """The attribution of one layer (without its title)."""
    source = entry.layer.source
    if source.synthetic:
        return tr(lang, "export", "synthetic sample data (naturplan)")
    if entry.layer.role is Role.CANDIDATES:
        return tr(lang, "export", "naturplan project {name}, {date}", name=source.path.name,
                  date=format_date(today or date.today(), lang))
    known = table.get("files", {}).get(source.path.name)
    if known is None:
        known = table.get("mappings", {}).get(source.mapping)
    when = (known or {}).get("date") or _file_date(source.path)
    parts = [known["producer"], known["dataset"]] if known else [source.label]
    if when:
        parts.append(format_date(when, lang))
    return ", ".join(str(p) for p in parts if p)


def attributions(layers: Sequence[ExportLayer], lang: str = "da",
                 table: Mapping[str, Any] | None = None,
                 today: date | None = None) -> list[Attribution]:
    """One line per distinct source of the visible *layers*, in drawing order."""
    table = load_table() if table is None else table
    lines: dict[str, list[str]] = {}
    synthetic: dict[str, bool] = {}
    for entry in layers:
        if not entry.visible:
            continue
        text = source_text(entry, lang, table, today)
        title = entry.style.title.get(lang)
        if title not in lines.setdefault(text, []):
            lines[text].append(title)
        synthetic[text] = entry.synthetic
    return [Attribution(tuple(titles), text, synthetic[text]) for text, titles in lines.items()]


def _file_date(path: Path) -> str:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).date().isoformat()
    except OSError:
        return ""
