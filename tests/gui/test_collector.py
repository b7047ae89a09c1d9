"""Cyclic garbage is collected on the GUI thread, never in a worker (gui/collector.py)."""

from __future__ import annotations

import gc
import threading

from naturplan.gui.collector import install_collector


class _Cycle:
    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _FINALIZED.append(threading.current_thread().name)


_FINALIZED: list[str] = []


def test_cycles_made_in_a_worker_are_freed_on_the_gui_thread(qapp, qtbot) -> None:
    collector = install_collector(qapp)
    assert install_collector(qapp) is collector  # once per application
    assert not gc.isenabled()
    _FINALIZED.clear()

    def worker() -> None:
        # Far more cyclic garbage than one generation's threshold: with automatic collection
        # on, Python would collect some of it here, in this thread.
        for _ in range(collector.thresholds[0] * 20):
            _Cycle()

    thread = threading.Thread(target=worker, name="worker")
    thread.start()
    thread.join()
    assert "worker" not in _FINALIZED
    qtbot.waitUntil(lambda: len(_FINALIZED) > 0, timeout=5000)
    assert set(_FINALIZED) == {threading.main_thread().name}
