"""The window's words from the program's one catalogue: ``resources/translations/*.ts`` as
:mod:`naturplan.text.i18n` reads them, answered to Qt by a :class:`CatalogueTranslator`.

One catalogue and one runtime (issue 21 §4): ``self.tr()`` in a widget, the command line, the
exporters and the shared words all look a message up in the same
:class:`~naturplan.text.i18n.Translator`; nothing is compiled (no ``lrelease``, no ``.qm``,
no cache folder), so a checkout always shows the words of its own ``.ts`` files.

Source strings are English (``self.tr()``); Danish is the default interface language.
Nothing happens at import time: :func:`install_translator` is called from ``run_app``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from naturplan.text.i18n import DEFAULT_LANGUAGE, LANGUAGES, Translator, translator

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "CatalogueTranslator", "install_translator",
           "qt_translator"]


class CatalogueTranslator(QTranslator):
    """A :class:`QTranslator` that answers from the Python catalogue of one language.

    Qt asks it for ``(context, source, disambiguation, n)``; it returns the translation as the
    ``.ts`` file has it (the form for *n* of a numerus message: the first for exactly 1, else
    the second, as Danish and English both need), or nothing for a message it does not know
    (None, a null string: Qt then asks the next translator, Qt's own
    ``qtbase`` words, and shows the English source at last). Qt fills ``%n`` itself afterwards.
    """

    def __init__(self, catalogue: Translator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalogue = catalogue

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str | None:  # type: ignore[override]
        forms = self.catalogue.messages.get((context, source))
        if not forms:
            return None  # a null QString: Qt asks the next translator (Qt's own words)
        index = 0 if n == 1 or len(forms) == 1 else 1
        return forms[min(index, len(forms) - 1)]

    def isEmpty(self) -> bool:  # noqa: N802 - Qt's name
        return not self.catalogue.messages

    def language(self) -> str:
        return "da_DK" if self.catalogue.lang == "da" else "en_GB"


def qt_translator(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Qt's own words in *lang* (the buttons of ``QDialogButtonBox`` and ``QMessageBox``,
    ``QFileDialog``): the ``qtbase_<lang>.qm`` that the PySide6 wheel ships in
    ``QLibraryInfo``'s translations folder. None for English (Qt's source language) or when
    the file is not there (Qt's words then stay English)."""
    if lang == "en":
        return None
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    return qt_own if qt_own.load(f"qtbase_{lang}", folder) else None


def install_translator(app: QCoreApplication, lang: str | None) -> list[QTranslator]:
    """Install the catalogue of *lang* (default Danish: every
    ``resources/translations/*_<lang>.ts``, read by :func:`naturplan.text.i18n.translator`)
    on *app*, and Qt's own (:func:`qt_translator`); returns them (keep them alive).

    Also sets the default QLocale so number widgets use a decimal comma in Danish.
    """
    lang = lang or DEFAULT_LANGUAGE
    language = QLocale.Language.Danish if lang == "da" else QLocale.Language.English
    QLocale.setDefault(QLocale(language, QLocale.Country.Denmark))
    installed: list[QTranslator] = []
    qt_own = qt_translator(app, lang)
    if qt_own is not None:  # installed first: ours is asked before it
        app.installTranslator(qt_own)
        installed.append(qt_own)
    ours = CatalogueTranslator(translator(lang), app)
    if not ours.isEmpty():
        app.installTranslator(ours)
        installed.append(ours)
    return installed
