"""The Qt application that drawing needs, made on purpose and never as a side effect.

QtGui's fonts and QPdfWriter need a ``QGuiApplication``. The window has its ``QApplication``
(``naturplan.gui.app``); the command line makes an offscreen ``QGuiApplication`` once, with
:func:`ensure_gui_application`, before a command that draws pages (``naturplan export``,
``naturplan parcel --pdf``). The drawing functions only check that one is there
(:func:`require_gui_application`): a bare ``QGuiApplication`` made in the middle of a
process would keep a later ``QApplication`` (and every widget) from being made.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

#: The application made here, kept alive for the process's life.
_MADE: list[QGuiApplication] = []


def ensure_gui_application() -> QCoreApplication:
    """The running Qt application, or a new offscreen ``QGuiApplication`` (headless: a
    command-line export needs no display). Call it once, at the start of a command."""
    app = QGuiApplication.instance()
    if app is not None:
        return app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    made = QGuiApplication(["naturplan"])
    _MADE.append(made)
    return made


def require_gui_application() -> None:
    """Refuse to draw without a Qt application (a programming error, not the user's).

    Raises
    ------
    RuntimeError
        If no application was made (the caller forgot :func:`ensure_gui_application`).
    """
    if QGuiApplication.instance() is None:
        raise RuntimeError("Drawing needs a Qt application: call "
                           "naturplan.render.application.ensure_gui_application() first.")


__all__ = ["ensure_gui_application", "require_gui_application"]
