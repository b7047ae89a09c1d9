"""The basemap under the map canvas: which one, shown or not, its opacity, its status.

The controller resolves a basemap (a preset or a URL; reading capabilities may touch the
network, so it happens in a worker thread), draws it under the canvas's frame on every
paint from memory alone (``canvas.underlays``), repaints when tiles arrive, writes its
attribution in the corner of the map, and shows one calm status-bar message while the
service fails (and clears it when the service answers again). Its choice is remembered in
the user's settings (never a token).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QLabel, QStatusBar

from naturplan.core.errors import NaturplanError
from naturplan.core.layers.roles import Role
from naturplan.gui.map.canvas import MapCanvas
from naturplan.io.services.basemaps import NO_BASEMAP, resolve_basemap
from naturplan.io.services.cache import TileCache
from naturplan.io.services.loader import ServiceStatus
from naturplan.io.services.sources import TileSource
from naturplan.render.basemap import BasemapLayer, draw_attribution
from naturplan.text.i18n import error_text

#: The user's settings keys.
KEY_SPEC, KEY_OPACITY, KEY_VISIBLE = "basemap/spec", "basemap/opacity", "basemap/visible"
#: The first start's basemap: the muted screen map if a Dataforsyningen token is set,
#: else none (nothing is asked of any service until the user chooses).
AUTO = "auto"
DEFAULT_SPEC = "skaermkort_daempet"


#: How long closing the window waits for a basemap service still being asked (s): the
#: answer of a live service, not a hanging one's timeout (it then finishes unseen).
RESOLVE_WAIT_S = 2.0


class BasemapController(QObject):
    """Owns the current :class:`BasemapLayer` and ties it to a canvas and a status bar."""

    #: A tile arrived (emitted from a worker thread; delivered on the GUI thread).
    tile_ready = Signal()
    #: The service started or stopped failing (from a worker thread).
    status_changed = Signal(object)
    #: A basemap was resolved (TileSource) or failed (NaturplanError), in a worker thread.
    _resolved = Signal(int, object)
    #: The basemap or its visibility changed (the panel follows).
    changed = Signal()

    def __init__(self, canvas: MapCanvas, status_bar: QStatusBar | None, settings: QSettings,
                 lang: str = "da", cache: TileCache | None = None) -> None:
        super().__init__(canvas)
        self.canvas = canvas
        self.settings = settings
        self.lang = lang
        self._cache = cache
        self.layer: BasemapLayer | None = None
        self.spec = ""
        self.visible = bool(settings.value(KEY_VISIBLE, True, bool))
        self.opacity = float(settings.value(KEY_OPACITY, 1.0, float))
        self.error: NaturplanError | None = None
        self.offline = False
        self._generation = 0
        self._resolver: threading.Thread | None = None  # the last worker asking a service
        self._closed = False
        self.status_label = QLabel()
        self.status_label.setObjectName("basemap_status")
        self.status_label.setStyleSheet("color: #8a5a00;")
        self.status_label.setVisible(False)
        if status_bar is not None:
            status_bar.addPermanentWidget(self.status_label)
        self.tile_ready.connect(canvas.update, Qt.ConnectionType.QueuedConnection)
        self.status_changed.connect(self._show_status, Qt.ConnectionType.QueuedConnection)
        self._resolved.connect(self._on_resolved, Qt.ConnectionType.QueuedConnection)
        canvas.overlays.insert(0, self.paint_attribution)
        canvas.layers.structure_changed.connect(self._adapt_land)

    @property
    def cache(self) -> TileCache:
        if self._cache is None:
            self._cache = TileCache()
        return self._cache

    @property
    def source(self) -> TileSource | None:
        return None if self.layer is None else self.layer.source

    @property
    def active(self) -> bool:
        """True while a basemap is chosen and shown."""
        return self.layer is not None and self.visible

    # -- choosing -----------------------------------------------------------------------
    def restore(self) -> None:
        """Open the basemap the user chose last time (``NATURPLAN_BASEMAP`` overrides it;
        at first the muted screen map when a token is set)."""
        import os

        spec = os.environ.get("NATURPLAN_BASEMAP") or self.settings.value(KEY_SPEC, AUTO)
        self.set_basemap(str(spec), remember=False)

    def set_basemap(self, spec: str, wait: bool = False, remember: bool = True) -> None:
        """Show basemap *spec* (a preset name or URL; ``none`` for none).

        The service is asked in a worker thread; with *wait* in this one (screenshots).
        """
        self._generation += 1
        generation = self._generation
        self.spec = spec.strip()
        if remember:
            self.settings.setValue(KEY_SPEC, self._storable(self.spec))
        if self.spec.lower() in NO_BASEMAP:
            self._install(None)
            return

        def job() -> None:
            spec = self.spec
            if spec == AUTO:
                from naturplan.io.services.tokens import DATAFORSYNINGEN, get_token

                spec = DEFAULT_SPEC if get_token(DATAFORSYNINGEN) else "none"
            try:
                result: object = None if spec.lower() in NO_BASEMAP else resolve_basemap(
                    spec, self.cache, self.lang, offline=self.offline)
            except NaturplanError as exc:
                result = exc
            if wait:
                self._on_resolved(generation, result)
            elif not self._closed:  # after shutdown nobody is there to show it
                self._resolved.emit(generation, result)

        if wait:
            job()
        else:
            self._resolver = threading.Thread(target=job, daemon=True, name="basemap-resolve")
            self._resolver.start()

    @staticmethod
    def _storable(spec: str) -> str:
        from naturplan.io.services.http import redact_url

        return redact_url(spec) if "://" in spec else spec

    def _on_resolved(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # the user chose another basemap meanwhile
        if isinstance(result, NaturplanError):
            self._install(None)
            self.error = result
            self._show_message(error_text(result, self.lang))
            self.changed.emit()
            return
        assert result is None or isinstance(result, TileSource)
        self._install(result)

    def _install(self, source: TileSource | None) -> None:
        if self.layer is not None:
            self.layer.close()
        self.error = None
        self._show_message("")
        self.layer = None if source is None else BasemapLayer(
            source, self.cache, on_ready=self.tile_ready.emit,
            on_status=self.status_changed.emit, offline=self.offline)
        self._adapt_land()
        self._sync_underlay()
        self.changed.emit()

    def set_visible(self, visible: bool) -> None:
        self.visible = bool(visible)
        self.settings.setValue(KEY_VISIBLE, self.visible)
        self._adapt_land()
        self._sync_underlay()
        self.changed.emit()
        self.canvas.update()

    def _sync_underlay(self) -> None:
        """Draw under the canvas only while a basemap is shown: frames then have no
        background of their own (and get it back without one)."""
        underlays = self.canvas.underlays
        if self.active and self.paint not in underlays:
            underlays.append(self.paint)
        elif not self.active and self.paint in underlays:
            underlays.remove(self.paint)
        else:
            return
        self.canvas.request_render()

    def set_opacity(self, opacity: float) -> None:
        self.opacity = min(max(float(opacity), 0.0), 1.0)
        self.settings.setValue(KEY_OPACITY, self.opacity)
        self.canvas.update()

    def shutdown(self) -> None:
        """The window closes: tiles stop, and a service still being asked is waited for up
        to :data:`RESOLVE_WAIT_S` and then left to finish unseen. The process may end right
        after (a screenshot refused for a bad basemap exits at once), and a worker still
        running into Qt then can abort it as Python finalises (``FATAL: exception not
        rethrown``, exit -6: seen in two full test runs)."""
        self._closed = True
        if self.layer is not None:
            self.layer.close()
        resolver = self._resolver
        if resolver is not None and resolver is not threading.current_thread():
            resolver.join(RESOLVE_WAIT_S)

    # -- drawing ------------------------------------------------------------------------
    def paint(self, painter: QPainter) -> None:
        """Under the frame: the tiles in memory for the canvas's current view."""
        if self.active and self.layer is not None:
            self.layer.draw(painter, self.canvas.view, self.opacity)

    def paint_attribution(self, painter: QPainter) -> None:
        """The source's attribution in the map's bottom-right corner (a basemap that gives
        none is credited to where its tiles come from)."""
        if not self.active or self.layer is None:
            return
        source = self.layer.source
        text = source.attribution or self.tr("Basemap: %1").replace("%1", source.credit)
        # Above the canvas's own corner note ("synthetic sample") when it shows one.
        lift = 26 if getattr(self.canvas, "watermark", "") else 0
        draw_attribution(painter, text, self.canvas.width(), self.canvas.height() - lift)

    def ensure(self, timeout: float = 30.0) -> Any:
        """Load the tiles of the current view now (screenshots; never on screen)."""
        if self.layer is None:
            return None
        return self.layer.ensure(self.canvas.view, timeout)

    def _adapt_land(self) -> None:
        """With a basemap shown, the municipality's pale fill would hide it: keep its
        outline only (the style file is untouched; without basemap the fill returns)."""
        changed = False
        for entry in self.canvas.layers.by_role(Role.MUNICIPALITY):
            original = getattr(entry, "_filled_style", None) or entry.style
            wanted = original
            if self.active:
                wanted = replace(original, symbol=replace(original.symbol, fill_opacity=0.0))
            if entry.style != wanted:
                entry._filled_style = original  # type: ignore[attr-defined]
                entry.style = wanted
                changed = True
        if changed:
            self.canvas.layers.changed.emit()

    # -- status -------------------------------------------------------------------------
    def _show_status(self, status: ServiceStatus) -> None:
        if status.ok or self.layer is None:
            self._show_message("")
            return
        error = status.error
        reason = error_text(error, self.lang) if error is not None else ""
        self._show_message(self.tr("Basemap %1 does not answer; showing saved tiles.")
                           .replace("%1", self.layer.source.title), reason)

    def _show_message(self, text: str, details: str = "") -> None:
        self.status_label.setText(text)
        self.status_label.setToolTip(details or text)
        self.status_label.setVisible(bool(text))
