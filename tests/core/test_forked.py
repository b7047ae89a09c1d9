"""One call in a forked child (:mod:`naturplan.core.forked`, used by the suggested plan and
the parcel batch): the child's result is the one this process computes; a child that raises
or dies is replaced by the call made here; a cancelled parent or Ctrl-C leaves no child
behind; and no child is made where fork is unsafe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
import shapely
from shapely.geometry import box

from naturplan.core import forked
from naturplan.core.errors import OperationCancelled

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux")

PARENT = os.getpid()


@pytest.fixture(autouse=True)
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Earlier tests in this process may have loaded the window's modules or run HiGHS,
    after which no child is made: here the rules are those of the command line."""
    global PARENT
    PARENT = os.getpid()
    monkeypatch.setattr(forked, "FORK", True)
    monkeypatch.delitem(sys.modules, "PySide6.QtWidgets", raising=False)
    mip = sys.modules.get("naturplan.core.optimise.mip")
    if mip is not None:
        monkeypatch.setattr(mip, "can_fork", lambda: True)


def _union_area(side: float) -> tuple[int, float]:
    """(this process, the area of two squares of *side* overlapping by a quarter)."""
    squares = [box(0, 0, side, side), box(side / 2, side / 2, 1.5 * side, 1.5 * side)]
    return os.getpid(), float(shapely.area(shapely.union_all(squares)))


def _fails() -> int:
    if os.getpid() != PARENT:
        raise RuntimeError("only in the child")
    return 7


def _dies() -> int:
    if os.getpid() != PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return 8


def _exits() -> int:
    if os.getpid() != PARENT:
        os._exit(0)  # a child that leaves without a word: nothing was sent
    return 9


def _sleeps() -> int:
    time.sleep(120)
    return 1


def _gone(pid: int) -> bool:
    """*pid* is no process at all: not running, and no zombie waiting to be waited for."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_the_child_s_result_is_the_one_computed_here() -> None:
    pending = forked.start(_union_area, 2.0)
    assert pending.forked and pending.pid is not None
    child_pid, area = pending.result()
    assert child_pid != os.getpid()  # computed in the child
    here_pid, here = _union_area(2.0)
    assert here_pid == os.getpid() and area == here
    assert area == pytest.approx(2 * 4.0 - 1.0)  # two 2x2 squares sharing a 1x1 corner
    assert pending.pid is None and _gone(child_pid)  # waited for


def test_a_child_that_fails_is_replaced_by_the_call_made_here() -> None:
    assert forked.start(_fails).result() == 7  # the child raised: computed here
    assert forked.start(_dies).result() == 8  # the child was killed: computed here
    assert forked.start(_exits).result() == 9  # the child sent nothing
    pending = forked.start(_fails)
    assert pending.result_or(lambda: 70) == 70  # the caller's own way of computing it


def test_without_fork_the_call_is_made_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked, "FORK", False)
    pending = forked.start(_union_area, 2.0)
    assert not pending.forked and pending.pid is None
    assert pending.result() == (os.getpid(), pytest.approx(7.0))


def test_no_process_left_to_make_the_call_is_made_here(monkeypatch: pytest.MonkeyPatch
                                                      ) -> None:
    def no_fork() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    before = len(os.listdir("/proc/self/fd"))
    monkeypatch.setattr(os, "fork", no_fork)
    pending = forked.start(_union_area, 2.0)
    assert not pending.forked and pending.result() == (os.getpid(), pytest.approx(7.0))
    assert len(os.listdir("/proc/self/fd")) == before  # the pipe was closed again


def test_a_cancelled_parent_stops_its_child() -> None:
    began = time.monotonic()
    with pytest.raises(OperationCancelled):
        with forked.start(_sleeps) as pending:
            pid = pending.pid
            assert pid is not None and not _gone(pid)
            raise OperationCancelled("cancelled")
    assert _gone(pid)  # killed and waited for: no zombie
    assert pid not in forked._LIVE
    assert time.monotonic() - began < 30  # not the child's two minutes
    other = forked.start(_sleeps)
    other_pid = other.pid
    assert other_pid is not None
    other.cancel()
    assert _gone(other_pid) and other.pid is None


_SCRIPT = """
import sys, time
from naturplan.core import forked

def sleeps():
    time.sleep(120)
    return 1

try:
    if sys.argv[1] == "with":  # the parcel batch's way
        with forked.start(sleeps) as pending:
            print(pending.pid, flush=True)
            time.sleep(120)  # this process's own half
    else:  # the suggested plan's way: the result is taken later, if ever
        pending = forked.start(sleeps)
        print(pending.pid, flush=True)
        time.sleep(120)
except KeyboardInterrupt:
    print("interrupted", file=sys.stderr)
    sys.exit(130)
"""


@pytest.mark.parametrize("way", ["with", "bare"])
def test_ctrl_c_in_the_parent_leaves_no_child_behind(tmp_path: Path, way: str) -> None:
    script = tmp_path / "parent.py"
    script.write_text(textwrap.dedent(_SCRIPT), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(forked.__file__).parents[2])}
    parent = subprocess.Popen([sys.executable, str(script), way], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env,
                              start_new_session=True)
    try:
        assert parent.stdout is not None
        child = int(parent.stdout.readline())
        assert not _gone(child)
        os.killpg(parent.pid, signal.SIGINT)  # Ctrl-C: the terminal signals the whole group
        _, err = parent.communicate(timeout=60)
    finally:
        if parent.poll() is None:
            parent.kill()
    assert parent.returncode == 130
    assert err.strip() == "interrupted"  # once, and no traceback from the child
    deadline = time.monotonic() + 10
    while not _gone(child) and time.monotonic() < deadline:  # reaped by the parent: at once
        time.sleep(0.05)
    assert _gone(child)


def test_no_fork_in_the_window_s_process(monkeypatch: pytest.MonkeyPatch) -> None:
    assert forked.can_fork()
    monkeypatch.setitem(sys.modules, "PySide6.QtWidgets", object())
    assert not forked.can_fork()
    pending = forked.start(_union_area, 2.0)
    assert not pending.forked and pending.result()[0] == os.getpid()


def test_no_fork_after_highs_ran_here(monkeypatch: pytest.MonkeyPatch) -> None:
    from naturplan.core.optimise import mip

    monkeypatch.undo()  # mip's own rule
    monkeypatch.delitem(sys.modules, "PySide6.QtWidgets", raising=False)
    monkeypatch.setattr(forked, "FORK", True)
    monkeypatch.setattr(mip, "_HIGHS_RAN_HERE", threading.Event())
    assert forked.can_fork()
    mip._HIGHS_RAN_HERE.set()  # what a HiGHS run in this process does
    assert not forked.can_fork()


def test_alone_means_no_other_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lock another thread holds would stay locked in the child for ever."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    assert forked.can_fork(alone=True) == (threading.active_count() == 1)
    other.start()
    try:
        assert forked.can_fork() and not forked.can_fork(alone=True)
        pending = forked.start(_union_area, 2.0, alone=True)
        assert not pending.forked and pending.result()[0] == os.getpid()
    finally:
        stop.set()
        other.join()
