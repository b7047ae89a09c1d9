"""One call computed in a forked child while this process does other work (issues 23, 24).

Much of the heavy work holds the GIL (building and querying trees, numpy and pandas glue
between shapely calls, CSV formatting), so threads gain little there; a forked child does:
it inherits the inputs (nothing is pickled on the way in) and sends back only its result,
by pickle through a pipe. The issue 24 rule: processes where the GIL binds. Used by the
suggested plan (the planning units, the dissolve, the chosen units, the share) and by
``parcels --out FILE.csv`` (half of the parcels).

:func:`start` forks only where that is safe and cheap (:func:`can_fork`): on Linux, not
inside a daemon process (which may not have children), not in the window's process (its Qt
threads may hold locks a child would wait for), not after HiGHS ran here (the solver's
watchdog rule, :func:`naturplan.core.optimise.mip.can_fork`) and, when the caller asks for
it, not while another Python thread runs. Otherwise, or when the child fails in any way,
:meth:`Pending.result` computes the same call here: the result is the function's, whichever
process computed it.

Ctrl-C is the parent's to handle: the child ignores it, and the parent stops its children
when it is cancelled (:meth:`Pending.cancel`; leaving a ``with`` block by an exception) or
when it exits (an ``atexit`` hook), so no child outlives the command that made it.
"""

from __future__ import annotations

import atexit
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any, Generic, TypeVar

_R = TypeVar("_R")

#: Set by tests to run every call here instead of in a child.
FORK = True

#: The children started and not yet waited for: stopped when this process exits.
_LIVE: set[int] = set()


def can_fork(alone: bool = False) -> bool:
    """A child by fork is safe here (see the module docstring); with *alone*, only while no
    other Python thread runs (a lock one holds would stay locked in the child for ever)."""
    if not FORK or not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if "PySide6.QtWidgets" in sys.modules:  # the window: its threads may hold locks a
        return False                        # child would wait for; one process there
    if alone and threading.active_count() != 1:
        return False
    import multiprocessing as mp

    if mp.current_process().daemon:
        return False
    # HiGHS can only have run here if the solver's module was imported (not imported by
    # name: the optimiser imports this module, and the parcel batch never loads the solver)
    mip = sys.modules.get("naturplan.core.optimise.mip")
    return mip is None or bool(mip.can_fork())


class Pending(Generic[_R]):
    """``function(*args)``, computed in a forked child or on :meth:`result`.

    A context manager: leaving the ``with`` block stops a child whose result was not taken
    (cancelled, or an error here).
    """

    def __init__(self, function: Callable[..., _R], args: tuple[Any, ...]) -> None:
        self._function, self._args = function, args
        self._pid: int | None = None
        self._read: int | None = None
        self.forked = False

    @property
    def pid(self) -> int | None:
        """The child's process id while it has not been waited for, else None."""
        return self._pid

    def _fork(self) -> None:
        read, write = os.pipe()
        # Ctrl-C held back until the child ignores it: one that came while the child was
        # still in the fork's own hooks would stop it there, with a traceback
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            pid = os.fork()
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            os.close(read)
            os.close(write)
            raise
        if pid == 0:  # the child: compute, send, leave without running the parent's code
            status = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent's to handle
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
                os.close(read)
                data = pickle.dumps(self._function(*self._args), pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)
        try:
            self._pid, self._read, self.forked = pid, read, True
            _LIVE.add(pid)
            os.close(write)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a Ctrl-C held back comes now

    def result(self) -> _R:
        """The result: the child's, or computed here if there is none."""
        return self.result_or(lambda: self._function(*self._args))

    def result_or(self, here: Callable[[], _R]) -> _R:
        """The child's result, or ``here()`` if there is none (no child, or it failed): the
        same call made here another way (with this process's progress, say)."""
        if self._read is None:
            return here()
        read, self._read = self._read, None
        try:
            with os.fdopen(read, "rb") as incoming:
                data = incoming.read()
        except BaseException:  # stopped while waiting (Ctrl-C): the child is not wanted
            self.cancel()
            raise
        if self._wait() != 0 or not data:  # the child failed: the same call here
            return here()
        found: _R = pickle.loads(data)
        return found

    def cancel(self) -> None:
        """Stop the child, if it still runs, and wait for it (no zombie left)."""
        if self._read is not None:
            os.close(self._read)
            self._read = None
        if self._pid is not None:
            _stop(self._pid)
            self._pid = None

    def _wait(self) -> int:
        assert self._pid is not None
        pid, self._pid = self._pid, None
        _LIVE.discard(pid)
        return os.waitpid(pid, 0)[1]

    def __enter__(self) -> Pending[_R]:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.cancel()


def start(function: Callable[..., _R], *args: Any, alone: bool = False) -> Pending[_R]:
    """``function(*args)`` begun in a forked child where one can be made (:func:`can_fork`,
    with *alone*); :meth:`Pending.result` waits for it."""
    pending: Pending[_R] = Pending(function, args)
    if can_fork(alone):
        try:
            pending._fork()
        except OSError:  # no process left to make: computed on result()
            pass
    return pending


def _stop(pid: int) -> None:
    """Kill the child *pid* and wait for it."""
    _LIVE.discard(pid)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:  # it had finished (a zombie until the wait below)
        pass
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:  # already waited for
        pass


@atexit.register
def _stop_all() -> None:
    """No child outlives this process (one left running when Ctrl-C stopped the parent)."""
    for pid in list(_LIVE):
        _stop(pid)
