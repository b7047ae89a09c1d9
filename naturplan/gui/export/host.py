"""What the export dialogs and actions need of the window: :class:`ExportHost`."""

from __future__ import annotations

from typing import Protocol

from naturplan.gui.analysis.actions import AnalysisActions
from naturplan.gui.basemap import Services
from naturplan.gui.editing.session import EditSession
from naturplan.gui.host import WindowHost
from naturplan.gui.map.map_layers import MapLayerList
from naturplan.io.workspace import Workspace


class ExportHost(WindowHost, Protocol):
    """The window the map, candidate-table and atlas exports are made from (``MainWindow``
    implements it); dialogs are parented to ``main_window()``.

    Attributes
    ----------
    workspace
        The loaded dataset, its protected share and the roles counted (None before a
        load), the project's plan and store (its settings).
    session
        The edit session: the live ledger and the project's path.
    layers
        The map's layers as drawn (order, style, shown or not).
    services
        The basemap and web services (the basemap shown goes under an exported map).
    analysis
        The analysis: today's measured network, reused by an export when it fits.
    """

    workspace: Workspace
    session: EditSession
    layers: MapLayerList
    services: Services
    analysis: AnalysisActions
