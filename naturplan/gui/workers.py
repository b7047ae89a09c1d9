"""Background work: loading a dataset or a layer in a QThread with progress and Cancel."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from naturplan.core.errors import NaturplanError, OperationCancelled

Job = Callable[[Callable[[float, str], None], Callable[[], bool]], Any]


class Task(QObject):
    """Runs ``job(progress, cancelled)`` in its own thread; reports back on the GUI thread.

    Signals: ``progress(fraction, message)``, ``succeeded(result)``, ``failed(error)`` with the
    exception (a :class:`NaturplanError` has a message for the user), ``cancelled()``, and
    ``done()`` after any of those.
    """

    progress = Signal(float, str)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    done = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self._stop = threading.Event()
        self._thread = QThread()
        self._runner = _Runner(self)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.finished.connect(self._on_finished)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 60_000) -> bool:
        return self._thread.wait(ms)

    def _on_finished(self, kind: str, value: object) -> None:
        self._thread.quit()
        self._thread.wait()
        if kind == "ok":
            self.succeeded.emit(value)
        elif kind == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(value)
        self.done.emit()


class _Runner(QObject):
    finished = Signal(str, object)

    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        task = self._task
        try:
            result = task._job(lambda f, m: task.progress.emit(float(f), str(m)),
                               task._stop.is_set)
        except OperationCancelled:
            self.finished.emit("cancelled", None)
        except NaturplanError as exc:
            self.finished.emit("error", exc)
        except Exception as exc:  # noqa: BLE001 - shown to the user, the app keeps working
            exc.details = traceback.format_exc()  # type: ignore[attr-defined]
            self.finished.emit("error", exc)
        else:
            self.finished.emit("ok", result)
        finally:
            # The thread's work is done: end its event loop here, so that Task.wait() returns
            # now even while the GUI thread is blocked in it (a window closing during a job
            # used to wait out its timeout, then Qt aborted on the still-running QThread).
            QThread.currentThread().quit()
