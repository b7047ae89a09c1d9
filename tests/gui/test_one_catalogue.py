"""One catalogue, one runtime (issue 21 §4): the window's ``self.tr()`` is answered from the
same Python catalogue as the command line and the exports (``naturplan.text.i18n``), read
from the checkout's own ``.ts`` files; nothing is compiled (no ``lrelease``, no ``.qm``, no
cache folder), so two checkouts on a machine can never show each other's words."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from naturplan.text import i18n

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>demo</name>
    <message>
        <source>Hello</source>
        <translation>{word}</translation>
    </message>
    <message numerus="yes">
        <source>%n areas</source>
        <translation>
            <numerusform>%n område</numerusform>
            <numerusform>%n områder</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


def _checkout(folder: Path, word: str) -> Path:
    translations = folder / "resources" / "translations"
    translations.mkdir(parents=True)
    (translations / "demo_da.ts").write_text(TS.format(word=word), encoding="utf-8")
    return translations


def _window_words(qapp, monkeypatch: pytest.MonkeyPatch, translations: Path) -> list[str]:  # type: ignore[no-untyped-def]
    from naturplan.gui.i18n import install_translator

    monkeypatch.setattr(i18n, "translations_dir", lambda: translations)
    monkeypatch.setattr(i18n, "_cache", {})
    installed = install_translator(qapp, "da")
    try:
        return [QCoreApplication.translate("demo", "Hello"),
                QCoreApplication.translate("demo", "%n areas", None, 1),
                QCoreApplication.translate("demo", "%n areas", None, 3),
                i18n.tr("da", "demo", "Hello")]
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_each_checkout_shows_its_own_words_without_compiling(
        qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    def no_compiler(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError(f"a translation was compiled: {args}")

    monkeypatch.setattr(subprocess, "run", no_compiler)
    monkeypatch.setattr(subprocess, "Popen", no_compiler)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    mine = _checkout(tmp_path / "clone", "Goddag")
    theirs = _checkout(tmp_path / "worktree", "Hej")
    assert _window_words(qapp, monkeypatch, theirs) == ["Hej", "1 område", "3 områder", "Hej"]
    assert _window_words(qapp, monkeypatch, mine) == ["Goddag", "1 område", "3 områder",
                                                      "Goddag"]
    # An edited .ts shows at the next start, whatever the file times say.
    (theirs / "demo_da.ts").write_text(TS.format(word="Halløj"), encoding="utf-8")
    assert _window_words(qapp, monkeypatch, theirs)[0] == "Halløj"
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".qm", ".part")]
    assert not (tmp_path / "cache").exists()


def test_the_window_and_the_command_line_say_every_message_alike(qapp) -> None:  # type: ignore[no-untyped-def]
    """Every Danish message as the window gets it (through Qt, with Qt's ``%n``) is the
    catalogue's form, counted by hand here: the first for 1, the second for any other
    count."""
    catalogue = i18n.translator("da").messages
    assert len(catalogue) > 300
    wrong = []
    for (context, source), forms in catalogue.items():
        if len(forms) == 1:
            expected = {-1: forms[0]}
        else:
            expected = {1: forms[0].replace("%n", "1"), 7: forms[1].replace("%n", "7")}
        for n, text in expected.items():
            if QCoreApplication.translate(context, source, None, n) != text:
                wrong.append((context, source, n))
    assert wrong == []
