"""Translations: ``resources/translations/*.ts`` compiled to ``.qm`` and installed once.

The build compiles them into the package (``setup.py``); a source checkout compiles them at
run time into the user's cache folder.

Source strings are English (``self.tr()``); Danish is the default interface language.
Nothing happens at import time: :func:`install_translator` is called from ``run_app``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from naturplan.export.i18n import DEFAULT_LANGUAGE, LANGUAGES
from naturplan.io.paths import is_packaged, translations_dir, user_cache_dir

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "compiled_translation", "install_translator",
           "qt_translator"]


def _cache_dir() -> Path:
    return user_cache_dir() / "translations"


def lrelease_command() -> list[str] | None:
    """The ``lrelease`` of the installed PySide6 (the console script or the binary)."""
    script = shutil.which("pyside6-lrelease")
    if script:
        return [script]
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / "lrelease", folder / "Qt" / "libexec" / "lrelease"):
        if candidate.exists():
            return [str(candidate)]
    return None


def compiled_translation(source: Path) -> Path | None:
    """The ``.qm`` for the ``.ts`` file *source*.

    A packaged install (wheel, pipx, bundle) ships it beside the ``.ts``, compiled by the
    build. In a source checkout it is compiled into the user's cache folder when missing or
    older than the ``.ts`` (never into the checkout or an install folder). Returns None when
    there is no ``.ts`` or nothing to compile it with (the UI then stays English).
    """
    if not source.exists():
        return None
    shipped = source.with_suffix(".qm")
    if is_packaged() and shipped.exists():
        return shipped
    target = _cache_dir() / shipped.name
    if target.exists() and target.stat().st_mtime >= source.stat().st_mtime:
        return target
    command = lrelease_command()
    if command is None:
        return target if target.exists() else None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [*command, "-silent", str(source), "-qm", str(target)],
            check=True, capture_output=True, timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        pass
    return target if target.exists() else None


def qt_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Qt's own words in *lang* (the buttons of ``QDialogButtonBox`` and ``QMessageBox``,
    ``QFileDialog``): the ``qtbase_<lang>.qm`` that the PySide6 wheel ships in
    ``QLibraryInfo``'s translations folder. None for English (Qt's source language) or when
    the file is not there (Qt's words then stay English)."""
    if lang == "en":
        return None
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    return translator if translator.load(f"qtbase_{lang}", folder) else None


def install_translator(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Install a translator per ``resources/translations/*_<lang>.ts`` (default Danish) on
    *app*, and Qt's own (:func:`qt_translator`); returns them (keep them alive).

    Every area of the program may keep its words in a file of its own (``naturplan_da.ts``,
    ``messages_da.ts``, …); the CLI reads the same files (``naturplan.export.i18n``). Also sets
    the default QLocale so number widgets use a decimal comma in Danish.
    """
    lang = lang or DEFAULT_LANGUAGE
    language = QLocale.Language.Danish if lang == "da" else QLocale.Language.English
    QLocale.setDefault(QLocale(language, QLocale.Country.Denmark))
    installed = []
    qt_own = qt_translator(app, lang)
    if qt_own is not None:  # installed first: ours are asked before it
        app.installTranslator(qt_own)
        installed.append(qt_own)
    for source in sorted(translations_dir().glob(f"*_{lang}.ts")):
        qm = compiled_translation(source)
        if qm is None:
            continue
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
