"""Translations compiled at run time in a source checkout (issue 14): every checkout on a
machine shares the user's cache folder, so a checkout must never load a ``.qm`` compiled from
another checkout's ``.ts`` (a CI clone beside a developer's worktree, two branches)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

from naturplan.gui.i18n import compiled_translation, lrelease_command

pytestmark = pytest.mark.skipif(lrelease_command() is None, reason="no lrelease")

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>demo</name>
    <message>
        <source>Hello</source>
        <translation>{word}</translation>
    </message>
</context>
</TS>
"""


def _checkout(folder: Path, word: str) -> Path:
    source = folder / "resources" / "translations" / "demo_da.ts"
    source.parent.mkdir(parents=True)
    source.write_text(TS.format(word=word), encoding="utf-8")
    return source


def _translate(qm: Path | None) -> str:
    assert qm is not None
    translator = QTranslator()
    assert translator.load(str(qm))
    return translator.translate("demo", "Hello")


def test_two_checkouts_sharing_the_cache_each_get_their_own_words(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    mine = _checkout(tmp_path / "clone", "Goddag")
    theirs = _checkout(tmp_path / "worktree", "Hej")
    os.utime(mine, (1_000_000_000, 1_000_000_000))  # cloned earlier than the other compiled
    assert _translate(compiled_translation(theirs)) == "Hej"
    assert _translate(compiled_translation(mine)) == "Goddag"
    assert _translate(compiled_translation(theirs)) == "Hej"
    # An edited .ts is compiled again, whatever the times say.
    theirs.write_text(TS.format(word="Halløj"), encoding="utf-8")
    os.utime(theirs, (1_000_000_000, 1_000_000_000))
    assert _translate(compiled_translation(theirs)) == "Halløj"
    assert not (tmp_path / "clone" / "resources" / "translations" / "demo_da.qm").exists()
    assert not list((tmp_path / "cache").rglob("*.part"))
