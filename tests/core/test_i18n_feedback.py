"""The non-Qt translation (text/i18n.py) and the progress/cancel object (core/feedback.py)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from naturplan.core.errors import LayerLoadError, NaturplanError, OperationCancelled
from naturplan.core.feedback import Feedback
from naturplan.text.i18n import Translator, error_text, read_ts_files, translator

TS = """<?xml version="1.0" encoding="utf-8"?>
<TS version="2.1" language="da_DK">
<context><name>errors</name>
  <message><source>{path}: no polygons (found {found}).</source>
    <translation>{path}: ingen polygoner (fandt {found}).</translation></message>
  <message numerus="yes"><source>{n} features were left out.</source>
    <translation><numerusform>{n} objekt blev udeladt.</numerusform>
    <numerusform>{n} objekter blev udeladt.</numerusform></translation></message>
  <message><source>Untranslated.</source><translation type="unfinished"></translation></message>
</context>
</TS>
"""


@pytest.fixture()
def danish(tmp_path: Path) -> Translator:
    (tmp_path / "test_da.ts").write_text(TS, encoding="utf-8")
    (tmp_path / "broken_da.ts").write_text("<TS><context>", encoding="utf-8")
    return Translator("da", read_ts_files(tmp_path, "da"))


def test_plural_forms_and_danish_numbers(danish: Translator) -> None:
    src = "{n} features were left out."
    assert danish.tr("errors", src, n=1) == "1 objekt blev udeladt."
    assert danish.tr("errors", src, n=2) == "2 objekter blev udeladt."
    assert danish.tr("errors", src, n=12345) == "12.345 objekter blev udeladt."
    assert danish.tr("errors", src, n=0) == "0 objekter blev udeladt."


def test_missing_or_empty_translation_falls_back_to_english(danish: Translator) -> None:
    assert danish.tr("errors", "Untranslated.") == "Untranslated."
    assert danish.tr("other", "{x} left", x="a") == "a left"


def test_error_text_translates_the_template_with_its_values(danish: Translator) -> None:
    error = LayerLoadError("{path}: no polygons (found {found}).", path="a.gpkg", found="Point")
    assert str(error) == "a.gpkg: no polygons (found Point)."
    assert error.code == "layer_load"
    assert danish.tr("errors", error.template, **error.params) == (
        "a.gpkg: ingen polygoner (fandt Point).")


def test_shipped_messages_speak_danish_and_english() -> None:
    assert translator("da").tr("labels", "{n} features", n=1) == "1 objekt"
    assert translator("da").tr("labels", "{n} features", n=3) == "3 objekter"
    assert translator("en").tr("labels", "{n} features", n=1) == "1 feature"
    assert translator("en").tr("labels", "{n} features", n=1000) == "1,000 features"
    assert error_text(OperationCancelled(), "da") == "Annulleret."
    assert error_text(OperationCancelled(), "en") == "Cancelled."
    assert error_text(NaturplanError("{a} and {b}", a=1, b="x"), "en") == "1 and x"
    assert error_text(ValueError("bad"), "da") == "ValueError: bad"


def test_feedback_reports_parts_and_cancels_across_threads() -> None:
    seen: list[tuple[float, str]] = []
    feedback = Feedback(lambda f, m: seen.append((f, m)))
    part = feedback.part(0.5, 1.0)
    part.report(0.5, "half of the second half")
    assert seen == [(0.75, "half of the second half")]
    part.check()  # not cancelled: no error
    worker = threading.Thread(target=feedback.cancel)
    worker.start()
    worker.join()
    assert part.is_cancelled
    with pytest.raises(OperationCancelled):
        part.check()
