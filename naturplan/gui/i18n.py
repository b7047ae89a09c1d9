"""Translations: ``resources/translations/*.ts`` compiled to ``.qm`` and installed once.

The build compiles them into the package (``setup.py``); a source checkout compiles them at
run time into the user's cache folder.

Source strings are English (``self.tr()``); Danish is the default interface language.
Nothing happens at import time: :func:`install_translator` is called from ``run_app``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from naturplan.io.paths import is_packaged, translations_dir, user_cache_dir
from naturplan.text.i18n import DEFAULT_LANGUAGE, LANGUAGES

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
    build. In a source checkout it is compiled into the user's cache folder (never into the
    checkout or an install folder) under a name that carries a hash of the ``.ts`` content:
    every checkout on the machine (a CI clone, other worktrees) shares that folder, and must
    load the words of its own ``.ts``, not those of another checkout compiled later. The file
    is written under a temporary name and then renamed, so a program starting meanwhile never
    reads half a file. Returns None when there is no ``.ts`` or nothing to compile it with
    (the UI then stays English).
    """
    if not source.exists():
        return None
    shipped = source.with_suffix(".qm")
    if is_packaged() and shipped.exists():
        return shipped
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    target = _cache_dir() / f"{source.stem}-{digest}.qm"
    if target.exists():
        return target
    command = lrelease_command()
    if command is None:
        return None
    partial = target.with_name(f"{target.name}.{os.getpid()}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [*command, "-silent", str(source), "-qm", str(partial)],
            check=True, capture_output=True, timeout=60,
        )
        os.replace(partial, target)
    except (OSError, subprocess.SubprocessError):
        partial.unlink(missing_ok=True)
    _forget_old(source.stem, keep=target)
    return target if target.exists() else None


#: A compiled translation of an older ``.ts`` that no checkout used for this long is deleted.
_STALE_SECONDS = 14 * 24 * 3600


def _forget_old(stem: str, keep: Path) -> None:
    """Delete ``<stem>-*.qm`` files in the cache not changed for two weeks (other than
    *keep*): each edit of a ``.ts`` leaves one behind."""
    limit = time.time() - _STALE_SECONDS
    for old in keep.parent.glob(f"{stem}-*.qm"):
        try:
            if old != keep and old.stat().st_mtime < limit:
                old.unlink()
        except OSError:
            pass


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
    ``messages_da.ts``, …); the CLI reads the same files (``naturplan.text.i18n``). Also sets
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
