"""Reading the windowed layers' features for the view on screen, off the GUI thread.

A :class:`~naturplan.core.layers.layer.WindowedLayer` (the national parcels) holds only the
features of one window. After the view settles, :class:`WindowReader` checks each shown
windowed layer: if its window does not cover the view (a pan beyond the margin, a zoom in),
the view grown by half its size on every side is read in a worker thread through the
GeoPackage's R-tree (:func:`naturplan.io.windowed.read_window`) and the layer is replaced on
the map (``MapLayerList.replace_layer``: the renderer forgets the old window). A newer view
cancels a read in progress between its steps, and a stale result is never shown.
"""

from __future__ import annotations

import itertools
import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as wait_for

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from naturplan.core.errors import OperationCancelled
from naturplan.core.layers.layer import WindowedLayer
from naturplan.gui.map.map_layers import MapLayerList
from naturplan.render import MapView

#: Wait this long after the last change of view before reading (a drag, a wheel burst).
SETTLE_MS = 120

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(int, object, object)  # generation, old layer, new layer
    failed = Signal(int, object)  # generation, exception


class _ReadJob:
    def __init__(self, reader: WindowReader, generation: int, layer: WindowedLayer,
                 view: MapView) -> None:
        self.reader, self.generation, self.layer, self.view = reader, generation, layer, view

    def run(self) -> None:
        from naturplan.io.windowed import read_window, window_around

        try:
            new = read_window(self.layer, window_around(self.view.bounds),
                              self.view.resolution, self.reader.stale(self.generation))
        except OperationCancelled:
            self.reader.note_cancelled()
            self.reader.signals.failed.emit(self.generation, None)
            return
        except Exception as exc:  # noqa: BLE001 - a failed read must not kill the thread
            log.exception("a window of a layer could not be read")
            self.reader.signals.failed.emit(self.generation, exc)
            return
        self.reader.signals.done.emit(self.generation, self.layer, new)


class WindowReader(QObject):
    """Keeps the windowed layers of *layers* filled for the view of the canvas it follows.

    ``windows_read`` is emitted after a window has been put on the map; ``cancelled`` counts
    the reads given up for a newer view (tests, benchmarks).
    """

    windows_read = Signal()

    def __init__(self, layers: MapLayerList, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.layers = layers
        self.view: MapView | None = None
        self.cancelled = 0
        self._lock = threading.Lock()
        self._generation = itertools.count(1)
        self._latest = 0
        self._running = 0
        self.signals = _Signals(self)
        self.signals.done.connect(self._on_done)
        self.signals.failed.connect(self._on_failed)
        # A Python thread, not a QThreadPool's: pyproj 3.7's per-thread context crashes in
        # threads Python did not create (pyproj4/pyproj#1509), and a window is read with
        # its CRS (pyogrio → geopandas).
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="naturplan-window")
        self._futures: list[Future[None]] = []
        self._timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._timer.timeout.connect(self._start)
        layers.structure_changed.connect(self._timer.start)

    def follow(self, view: MapView) -> None:
        """The view changed: read what it needs once it settles (cancels a stale read)."""
        self.view = view
        self._latest = next(self._generation)
        if any(isinstance(entry.layer, WindowedLayer) for entry in self.layers):
            self._timer.start()  # no windowed layer (the Aalborg sample): nothing to wait for

    def stale(self, generation: int):  # type: ignore[no-untyped-def]
        """A ``cancelled()`` for the read of *generation*: True once a newer view came."""
        return lambda: self._latest != generation

    def note_cancelled(self) -> None:
        with self._lock:
            self.cancelled += 1

    @property
    def busy(self) -> bool:
        """True while a read is waiting or running."""
        return self._timer.isActive() or self._running > 0

    def wanted(self) -> list[WindowedLayer]:
        """The shown windowed layers whose window does not hold the current view."""
        view = self.view
        if view is None:
            return []
        out = []
        for entry in self.layers:
            layer = entry.layer
            if (isinstance(layer, WindowedLayer) and entry.visible
                    and entry.style.visible_at(view.scale_denominator)
                    and not layer.covers(view.bounds, view.resolution)):
                out.append(layer)
        return out

    def _start(self) -> None:
        view = self.view
        if view is None:
            return
        generation = self._latest
        for layer in self.wanted():
            self._running += 1
            self._futures = [f for f in self._futures if not f.done()]
            self._futures.append(self._pool.submit(_ReadJob(self, generation, layer, view).run))

    def _on_done(self, generation: int, old: WindowedLayer, new: WindowedLayer) -> None:
        self._running -= 1
        if generation != self._latest:
            return  # a newer view: its own read follows
        try:
            self.layers.replace_layer(old, new)
        except ValueError:
            return  # the layer was removed meanwhile
        self.windows_read.emit()

    def _on_failed(self, generation: int, error: object) -> None:
        self._running -= 1

    def wait(self, ms: int = 60_000) -> None:
        """Run a pending read now and wait for every read (screenshots, tests)."""
        if self._timer.isActive():
            self._timer.stop()
            self._start()
        wait_for(list(self._futures), timeout=ms / 1000)
        QCoreApplication.sendPostedEvents(self)  # the results, in this thread

    def shutdown(self, ms: int = 5000) -> None:
        """Stop: a read in progress gives up, none starts."""
        self._timer.stop()
        self._latest = next(self._generation)
        wait_for(list(self._futures), timeout=ms / 1000)
        self._pool.shutdown(wait=False, cancel_futures=True)
