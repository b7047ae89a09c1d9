"""Work for a second core in a forked child (issue 23: the suggested plan in ≤ 3 s).

Most of the planning units' measuring holds the GIL (building and querying trees, numpy
glue between shapely calls), so threads gain little there; a forked child does: it inherits
the inputs (nothing is pickled on the way in) and sends back only its result (numbers, by
pickle through a pipe). The issue 24 rule: processes where the GIL binds.

:func:`start` forks where that is safe and cheap (Linux, not inside a daemon process, not
after HiGHS ran here: the same rule as the solver's watchdog, :func:`.mip.can_fork`; not in
the window's process, whose Qt threads may hold locks at the fork); else,
or when the child fails in any way, :meth:`Pending.result` computes the same call here. The
result is the function's, whichever process computed it.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable
from typing import Any, Generic, TypeVar

_R = TypeVar("_R")

#: Set by tests to run every call here instead of in a child.
FORK = True


def can_fork() -> bool:
    """A child by fork is safe here (see the module docstring)."""
    if not FORK or not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if "PySide6.QtWidgets" in sys.modules:  # the window: its threads may hold locks a
        return False                        # child would wait for; one process there
    from naturplan.core.optimise.mip import can_fork as solver_can_fork

    return solver_can_fork()


class Pending(Generic[_R]):
    """``function(*args)``, computed in a forked child or on :meth:`result`."""

    def __init__(self, function: Callable[..., _R], args: tuple[Any, ...]) -> None:
        self._function, self._args = function, args
        self._pid: int | None = None
        self._read: int | None = None
        self.forked = False

    def _fork(self) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send, leave without running the parent's code
            status = 1
            try:
                os.close(read)
                data = pickle.dumps(self._function(*self._args), pickle.HIGHEST_PROTOCOL)
                with os.fdopen(write, "wb") as out:
                    out.write(data)
                status = 0
            finally:
                os._exit(status)
        os.close(write)
        self._pid, self._read, self.forked = pid, read, True

    def result(self) -> _R:
        """The result: the child's, or computed here if there is none."""
        if self._read is None:
            return self._function(*self._args)
        with os.fdopen(self._read, "rb") as incoming:
            data = incoming.read()
        self._read = None
        assert self._pid is not None
        _, status = os.waitpid(self._pid, 0)
        if status != 0 or not data:  # the child failed: the same call here
            return self._function(*self._args)
        found: _R = pickle.loads(data)
        return found


def start(function: Callable[..., _R], *args: Any) -> Pending[_R]:
    """``function(*args)`` begun in a forked child where one can be made (see the module
    docstring); :meth:`Pending.result` waits for it."""
    pending: Pending[_R] = Pending(function, args)
    if can_fork():
        try:
            pending._fork()
        except OSError:  # no process left to make: computed on result()
            pass
    return pending
