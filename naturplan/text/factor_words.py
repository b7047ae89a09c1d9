"""A factor table as people see it: its name, version and source in their language, never
the project's internal references (issue 20 item 4).

The tables in ``resources/factors`` are data written for the project; their ``title`` and
``source`` are English and once cited the design notes ("as given in naturplan DESIGN.md …
and issue 11"), which the analysis panel then showed cut in mid-word. The Danish text comes
from the table (``title_da``/``source_da`` where a table has them) or else from the
translations (context ``factor_tables``, keyed by the English text without its internal
references), and any reference left is removed here.
"""

from __future__ import annotations

import re
from typing import Any

from naturplan.text.i18n import tr

#: Internal references that never reach a user: the design notes and the issue tracker.
_INTERNAL = (
    re.compile(r",?\s*as given in naturplan DESIGN\.md(\s*\([^)]*\))?(\s*and issue \d+)?",
               re.IGNORECASE),
    re.compile(r"\s*\(naturplan DESIGN\.md[^)]*\)", re.IGNORECASE),
    re.compile(r",?\s*\b(and |og )?(issue|sag) \d+\b", re.IGNORECASE),
    re.compile(r",?\s*\bDESIGN\.md\b[^.;:]*", re.IGNORECASE),
)


def without_internal_references(text: str) -> str:
    """*text* without references to the design notes or issues, spaces normalised."""
    for pattern in _INTERNAL:
        text = pattern.sub("", text)
    return " ".join(text.split())


def table_title(table: Any, lang: str | None) -> str:
    """The table's name in *lang*."""
    own = str(getattr(table, "title_da", "") or "") if lang in (None, "da") else ""
    return own or tr(lang, "factor_tables", without_internal_references(table.title))


def table_source(table: Any, lang: str | None) -> str:
    """Where the table's numbers come from, in *lang*, whole."""
    own = str(getattr(table, "source_da", "") or "") if lang in (None, "da") else ""
    text = own or tr(lang, "factor_tables", without_internal_references(table.source))
    return without_internal_references(text)
