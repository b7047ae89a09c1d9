"""What the editing side needs of the window it lives in: :class:`EditHost`.

:class:`~naturplan.gui.editing.actions.EditActions` is written against this protocol, not
against ``MainWindow``: the main window imports the editing package, never the other way round
(an import-linter contract in ``pyproject.toml`` keeps it so), and a test hosts the editing
actions in a bare window.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np
from numpy.typing import NDArray
from PySide6.QtCore import QSettings
from PySide6.QtGui import QActionGroup, QUndoStack

from naturplan.core.layers.layer import VectorLayer
from naturplan.core.plan.ledger import LedgerResult
from naturplan.gui.host import MENUS, WindowHost
from naturplan.gui.map.canvas import MapCanvas

__all__ = ["MENUS", "EditHost"]


class EditHost(WindowHost, Protocol):
    """The window that hosts the editing actions (``MainWindow`` implements it).

    Attributes
    ----------
    undo_stack
        The one undo stack of the window.
    settings
        The user's settings (recent projects).
    canvas
        The map the edit tools work on.
    lang
        The interface language (``da``/``en``), for texts made outside Qt's ``tr()``.
    tool_group
        The exclusive group of map-tool actions (pan, identify, the edit tools).
    """

    undo_stack: QUndoStack
    settings: QSettings
    canvas: MapCanvas
    lang: str
    tool_group: QActionGroup

    def set_candidates_layer(self, layer: VectorLayer, kept: NDArray[np.intp] | None = None
                             ) -> None:
        """Show *layer* as the project's candidate areas (replacing the previous one); with
        *kept* (per row of *layer*: its row in the previous one if unchanged, else -1) the
        map keeps what it drew for the unchanged rows."""
        ...

    def show_ledger(self, result: LedgerResult) -> None:
        """Show the live ledger's numbers (the dashboard)."""
        ...
