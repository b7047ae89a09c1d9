"""Notices (:mod:`naturplan.core.notices`) in the user's language.

The dashboard and the command line show the same sentences: the notice's English template
is the key of its translation in context ``warnings`` (``stats_*.ts``), counts are written
in the language's format, and ``n`` chooses the numerus form ("1 objekt" / "2 objekter").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from naturplan.core.notices import Notice
from naturplan.text.i18n import translator
from naturplan.text.numbers import format_number


def notice_text(notice: Notice, lang: str | None = None) -> str:
    """The sentence of *notice* in *lang* (Danish by default)."""
    t = translator(lang)
    params = {k: _word(v, t.lang) for k, v in notice.params.items()}
    count = notice.params.get("n")
    n = count if isinstance(count, int) and not isinstance(count, bool) else None
    params.pop("n", None)
    return t.tr("warnings", notice.template, n=n, **params)


def notices_json(notices: Sequence[Notice], lang: str | None = None) -> list[dict[str, Any]]:
    """``[{"code", "params", "message"}]`` for a JSON document (message in *lang*)."""
    return [{**n.as_dict(), "message": notice_text(n, lang)} for n in notices]


def _word(value: Any, lang: str) -> Any:
    """A count in the language's format; a type → count mapping as "1.202 Point, 3 Polygon"."""
    if isinstance(value, int) and not isinstance(value, bool):
        return format_number(value, 0, lang)
    if isinstance(value, Mapping):
        ordered = sorted(value.items(), key=lambda kv: (-kv[1], kv[0]))
        return ", ".join(f"{format_number(count, 0, lang)} {name}" for name, count in ordered)
    return value
