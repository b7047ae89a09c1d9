"""The user's language outside Qt: the command line, the exporters, and shared words.

One translation for the whole program (issue 7): the same ``resources/translations/*_<lang>.ts``
files that Qt compiles for the window are read here directly (they are small XML files), so
the CLI, the PDF/HTML exports and the GUI's shared words (error texts, kind labels) speak the
same Danish. Source strings are English with ``{name}`` placeholders; a message that depends on
a count is a *numerus* message (``<message numerus="yes">`` with one ``<numerusform>`` for 1
and one for every other count, as Danish and English both need) and is looked up with ``n=``.

Nothing is read at import time; :func:`translator` reads the files on first use per language.

Usage::

    t = translator("da")
    t.tr("cli", "Imported {n} candidate areas ({area}).", n=3, area=format_ha(a, 2, "da"))
    error_text(exc, "da")
"""

from __future__ import annotations

import threading
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from naturplan.core.errors import NaturplanError
from naturplan.io.paths import translations_dir
from naturplan.text.numbers import format_number

LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"


@dataclass
class Translator:
    """Translations of one language: ``(context, source) -> forms``."""

    lang: str
    messages: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)

    def tr(self, context: str, source: str, /, n: int | None = None, **params: Any) -> str:
        """The translation of *source* in *context*, with ``{name}`` filled from *params*.

        With *n* the singular or plural form is chosen (form 0 for exactly 1, else form 1)
        and ``{n}`` is the count written in this language (``1.234`` in Danish). An untranslated
        message falls back to the English source. Integers and floats in *params* are written
        as they are; format them first (``format_ha``) for units and decimals.
        """
        return self.text(context, source, n, params)

    def text(self, context: str, source: str, n: int | None = None,
             params: dict[str, Any] | None = None) -> str:
        """:meth:`tr` with the values as one dict, so that a value named ``n`` that is not
        the count (a scale of 0.5, an error's parameter) never collides with *n*."""
        forms = self.messages.get((context, source))
        text = source
        if forms:
            index = 0 if n == 1 or len(forms) == 1 else 1
            text = forms[min(index, len(forms) - 1)] or source
        elif n is not None and n == 1:
            text = source  # English source is the plural; an en .ts gives the singular
        values = dict(params or {})
        if n is not None:
            values.setdefault("n", format_number(n, 0, self.lang))
        if not values:
            return text
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError):
            return text


_cache: dict[str, Translator] = {}
_lock = threading.Lock()


def translator(lang: str | None = None) -> Translator:
    """The translator for *lang* (``da`` default, ``en``), read once from the ``.ts`` files."""
    lang = lang or DEFAULT_LANGUAGE
    with _lock:
        if lang not in _cache:
            _cache[lang] = Translator(lang, read_ts_files(translations_dir(), lang))
        return _cache[lang]


def read_ts_files(folder: Path, lang: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """Every finished or unfinished translation in ``folder/*_<lang>.ts``.

    A message whose translation is empty is left out (the English source shows instead);
    a broken file is skipped rather than taking the program down.
    """
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for path in sorted(folder.glob(f"*_{lang}.ts")):
        try:
            root = ET.parse(path).getroot()
        except (ET.ParseError, OSError):
            continue
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                element = message.find("translation")
                if source is None or element is None:
                    continue
                if message.get("numerus") == "yes":
                    forms = tuple((f.text or "") for f in element.iter("numerusform"))
                else:
                    forms = (element.text or "",)
                if any(forms):
                    out[(name, source)] = forms
    return out


def tr(
    lang: str | None, context: str, source: str, /, n: int | None = None, **params: Any
) -> str:
    """Shortcut for ``translator(lang).tr(context, source, n, **params)``."""
    return translator(lang).tr(context, source, n, **params)


def error_text(error: BaseException, lang: str | None = None) -> str:
    """The message of *error* in *lang*: its template translated (context ``errors``).

    Counts among the parameters (ints) are written in the language's format; an error that is
    not a :class:`NaturplanError` keeps its English text with its type name.
    """
    if not isinstance(error, NaturplanError):
        return f"{type(error).__name__}: {error}"
    t = translator(lang)
    params = {
        k: format_number(v, 0, t.lang) if isinstance(v, int) and not isinstance(v, bool) else v
        for k, v in error.params.items()
    }
    count = error.params.get("n")
    n = count if isinstance(count, int) and not isinstance(count, bool) else None
    if n is not None:
        del params["n"]  # text() writes the count itself
    elif isinstance(count, float):
        params["n"] = _plain_number(count, t.lang)  # a value named n, not a count
    return t.text("errors", error.template, n, params)


def _plain_number(value: float, lang: str) -> str:
    """A float parameter in the language's format (``-5.000``, ``0,5``; ``nan`` as is)."""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value.is_integer():
        return format_number(value, 0, lang)
    return format_number(value, 2, lang)


def error_line(message: BaseException | str, lang: str | None = None, hint: str = "") -> str:
    """The one line a command (the CLI, the app's ``--screenshot``) prints on stderr before
    it exits 1: ``naturplan: fejl: <message in lang>`` (``naturplan: error: …`` in English).

    *message* is an error (its text through :func:`error_text`) or a text already in *lang*;
    *hint* (the CLI's, translated) is added after it.
    """
    text = message if isinstance(message, str) else error_text(message, lang)
    if hint:
        text = f"{text} {hint}"
    return f"naturplan: {tr(lang, 'cli', 'error')}: {text}"
