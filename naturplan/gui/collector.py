"""Python's garbage collector runs on the GUI thread only.

Python collects cyclic garbage in whichever thread happens to allocate when a generation's
count passes its threshold. In a Qt program that may be a worker thread (loading, rendering,
exporting), and if the garbage holds Qt objects that live on the GUI thread (an old dialog, a
timer, a signal connection), destroying them there makes Qt abort the process (seen here during
a full test run with an export worker). So automatic collection is switched off and the same
thresholds are checked by a timer on the GUI thread, which collects what is due there.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

#: How often the GUI thread looks whether a collection is due.
INTERVAL_MS = 250
_PROPERTY = "naturplan_collector"


class GuiThreadCollector(QObject):
    """Disables automatic collection and collects on the GUI thread when a generation is due.

    The thresholds are Python's own (``gc.get_threshold()`` at install time), so memory
    behaves as before; only the thread changes.
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start()

    def collect_if_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold; returns what
        ``gc.collect`` found (0 when nothing was due)."""
        counts = gc.get_count()
        generation = -1
        for index, (count, threshold) in enumerate(zip(counts, self.thresholds, strict=True)):
            if threshold and count > threshold:
                generation = index
        return gc.collect(generation) if generation >= 0 else 0

    def stop(self) -> None:
        """Give collection back to Python (automatic, any thread)."""
        self.timer.stop()
        gc.enable()


def install_collector(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector on *app* once (later calls return the same one)."""
    existing = app.property(_PROPERTY)
    if isinstance(existing, GuiThreadCollector):
        return existing
    collector = GuiThreadCollector(app)
    app.setProperty(_PROPERTY, collector)
    return collector
