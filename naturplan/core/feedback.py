"""One object for progress and cancellation, passed into every long operation.

Like QGIS processing's ``feedback``: the CLI prints the progress on the terminal, the GUI shows
it in the status bar and sets ``cancel()`` from its Cancel button (from another thread), tests
pass ``Feedback()`` and look at what was reported. A long loop calls :meth:`Feedback.check`
between steps; it raises :class:`OperationCancelled` once cancellation was asked for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from naturplan.core.errors import OperationCancelled

ProgressCallback = Callable[[float, str], None]


class Feedback:
    """Progress (a fraction 0..1 and a short message) and a cancel flag.

    Parameters
    ----------
    progress
        Called with ``(fraction, message)`` on every :meth:`report`; may be None.
    cancelled
        An extra "was it cancelled?" predicate (e.g. a worker thread's flag); may be None.
    """

    def __init__(
        self,
        progress: ProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> None:
        self._progress = progress
        self._cancelled = cancelled
        self._event = threading.Event()

    def report(self, fraction: float, message: str = "") -> None:
        """Say how far the work is (0..1) and what it does now."""
        if self._progress is not None:
            self._progress(min(max(float(fraction), 0.0), 1.0), message)

    def cancel(self) -> None:
        """Ask the work to stop (thread-safe); it stops at its next :meth:`check`."""
        self._event.set()

    @property
    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called or the *cancelled* predicate says so."""
        return self._event.is_set() or (self._cancelled is not None and self._cancelled())

    def check(self) -> None:
        """Raise :class:`OperationCancelled` if the work should stop.

        Raises
        ------
        OperationCancelled
            If cancellation was asked for.
        """
        if self.is_cancelled:
            raise OperationCancelled()

    def part(self, start: float, end: float) -> Feedback:
        """A feedback for a sub-step that fills ``start..end`` of this one's range.

        Cancelling this feedback is seen by the part, and the part's checks see it.
        """
        span = end - start

        def scaled(fraction: float, message: str) -> None:
            self.report(start + span * fraction, message)

        sub = Feedback(scaled, lambda: self.is_cancelled)
        return sub


def as_feedback(feedback: Feedback | None) -> Feedback:
    """*feedback*, or a silent one that is never cancelled."""
    return feedback if feedback is not None else Feedback()
