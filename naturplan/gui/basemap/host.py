"""What the basemap and the web-service layers need of the window: :class:`BasemapHost`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from naturplan.core.layers.layer import Layer
from naturplan.core.layers.roles import Role
from naturplan.core.layers.style import LayerStyle
from naturplan.gui.dashboard import DashboardDock
from naturplan.gui.host import WindowHost
from naturplan.gui.map.map_layers import MapLayerList
from naturplan.gui.panels import LayersDock
from naturplan.gui.workers import Job, Task
from naturplan.io.workspace import Workspace


class BasemapHost(WindowHost, Protocol):
    """The window that hosts the basemap, the fetch/refresh actions and the layers' age
    (``MainWindow`` implements it).

    Attributes
    ----------
    styles
        The style of every role (a fetched layer is drawn in its role's).
    workspace
        The dataset (a fetched layer joins it), the roles counted as protected (a refreshed
        one measures the share again), the request the dataset was loaded with (a fetched
        layer is added to it) and the project's store (it records the layers fetched).
    layers
        The layers on the map (the layers' age follows them).
    layers_dock, dashboard_dock
        The basemap's row goes into the layer panel, the layers' age onto the dashboard.
    """

    styles: dict[Role, LayerStyle]
    workspace: Workspace
    layers: MapLayerList
    layers_dock: LayersDock
    dashboard_dock: DashboardDock

    def run_task(self, job: Job, on_success: Callable[[Any], None], message: str,
                 on_error: Callable[[BaseException], None] | None = None) -> Task:
        """Run *job* in the window's background task (progress bar, Cancel button)."""
        ...

    def add_loaded_layer(self, layer: Layer) -> None:
        """Put a layer just loaded on the map and into the dataset."""
        ...

    def refresh_share(self, then: Callable[[], None] | None = None) -> None:
        """Measure the protected share again in the background; call *then()* after."""
        ...

    def show_error(self, error: BaseException) -> None:
        """The reason in the user's language in a dialog; the app keeps working."""
        ...
