"""What every feature needs of the window it lives in: :class:`WindowHost`.

Each GUI feature (editing, measuring, the layer menu, export, basemap, help, analysis, team)
is written against a small protocol of exactly what it uses of the window (its *host*), not
against ``MainWindow``: named public attributes and methods, never the window's private ones.
``MainWindow`` implements every host; a test hosts features in a bare ``QMainWindow``. The
feature's own protocol extends this one; Qt's window-level calls (docks, the status bar as a
widget, the parent of a dialog) go through :meth:`WindowHost.main_window`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from naturplan.gui.map.canvas import MapCanvas

#: The menus a host offers by name.
MENUS = ("file", "edit", "view", "map")


class WindowHost(Protocol):
    """The part of the window every feature may use (``MainWindow`` implements it).

    Attributes
    ----------
    lang
        The interface language (``da``/``en``), for texts made outside Qt's ``tr()``.
    settings
        The user's settings.
    canvas
        The map.
    """

    lang: str
    settings: QSettings
    canvas: MapCanvas

    def main_window(self) -> QMainWindow:
        """The window that toolbars and docks go into, and the parent of dialogs."""
        ...

    def make_action(self, name: str, text: str, slot: Callable[..., Any],
                    shortcut: Any = None, checkable: bool = False) -> QAction:
        """An action with the icon *name*, object name ``action_<name>`` and *slot*."""
        ...

    def menu(self, name: str) -> QMenu:
        """The menu *name*, one of :data:`MENUS`."""
        ...

    def show_status(self, text: str, msecs: int = 0) -> None:
        """A message in the status bar (for *msecs* ms; 0 = until the next one)."""
        ...
