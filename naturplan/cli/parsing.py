"""The command line's parser in the user's language (issue 20 item 4).

argparse writes its own words in English ("usage:", "options:", "the following arguments
are required", "invalid choice") through the module's ``gettext`` functions, and our help
texts are English source strings. :class:`NaturplanParser` speaks the language the command
line asks for (``--lang``, Danish by default): argparse's own messages are looked up in
context ``argparse`` and every help text and description in context ``cli_help`` of
``resources/translations/*_<lang>.ts`` (an untranslated text stays English), through the same
translations as the rest of the program (:mod:`naturplan.text.i18n`).

argparse calls its module-level ``_``/``ngettext`` while it builds, parses and formats; the
parser lends them its language for the length of each of those calls and puts them back after
(nothing is changed at import time, and a parser in another language is not affected).
"""

from __future__ import annotations

import argparse
import functools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from naturplan.text.i18n import DEFAULT_LANGUAGE, tr


def language_of(argv: Sequence[str] | None) -> str:
    """The ``--lang`` of *argv* (before it is parsed), else the default (Danish)."""
    args = list(argv or [])
    for k, arg in enumerate(args):
        if arg == "--lang" and k + 1 < len(args):
            return args[k + 1] if args[k + 1] in ("da", "en") else DEFAULT_LANGUAGE
        if arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
            return value if value in ("da", "en") else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE


@contextmanager
def _argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's own words in *lang* while the block runs."""
    module: Any = argparse
    saved = module._, module.ngettext

    def gettext(text: str) -> str:
        return tr(lang, "argparse", text)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return tr(lang, "argparse", singular if n == 1 else plural)

    module._, module.ngettext = gettext, ngettext
    try:
        yield
    finally:
        module._, module.ngettext = saved


class NaturplanHelpFormatter(argparse.HelpFormatter):
    """Help texts and descriptions translated (context ``cli_help``)."""

    lang = DEFAULT_LANGUAGE

    def _get_help_string(self, action: argparse.Action) -> str:
        return tr(self.lang, "cli_help", action.help or "")

    def add_text(self, text: str | None) -> None:
        super().add_text(tr(self.lang, "cli_help", text) if text else text)


class NaturplanParser(argparse.ArgumentParser):
    """An ArgumentParser in *lang* (see the module docstring); its subcommands' parsers too."""

    def __init__(self, *args: Any, lang: str | None = None, **kwargs: Any) -> None:
        self.lang = lang or DEFAULT_LANGUAGE
        kwargs.setdefault("formatter_class", NaturplanHelpFormatter)
        with _argparse_speaks(self.lang):
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs.setdefault("parser_class", functools.partial(type(self), lang=self.lang))
        with _argparse_speaks(self.lang):
            return super().add_subparsers(**kwargs)

    def _get_formatter(self) -> argparse.HelpFormatter:
        formatter = super()._get_formatter()
        if isinstance(formatter, NaturplanHelpFormatter):
            formatter.lang = self.lang
        return formatter

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:  # type: ignore[override]
        with _argparse_speaks(self.lang):
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        with _argparse_speaks(self.lang):
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with _argparse_speaks(self.lang):
            return super().format_usage()

    def format_help(self) -> str:
        with _argparse_speaks(self.lang):
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        with _argparse_speaks(self.lang):
            super().error(message)
