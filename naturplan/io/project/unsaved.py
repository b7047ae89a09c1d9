"""Unsaved projects: made for an app session that has not named its project, locked while in
use, and cleaned up when a killed session left them behind empty.

The app always edits *some* project file, so that every edit is on disk the moment it is made;
until the user names one it is ``unsaved-<timestamp>.gpkg`` in the user's data folder. A
session that ends normally deletes its unsaved project if it stayed empty. One that is killed
cannot, so the next start cleans up: an unsaved project is removed only if

- its lock file ``unsaved-….gpkg.lock`` exists and no running naturplan holds its lock (the
  operating system releases the lock of a killed process: ``fcntl.flock`` on Linux and macOS,
  ``msvcrt.locking`` on Windows), and
- it holds no candidate and no scenario, and its audit trail records nothing but its
  creation and settings (:func:`project_is_empty`: the app writes which layers the plan is
  measured against and which factor table it uses into every new project; any other row is
  the user's work).

A file without a lock file is left alone: it was made by an older naturplan, which may still
be running.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import IO, Any

PREFIX = "unsaved-"
LOCK_SUFFIX = ".lock"


class ProjectLock:
    """An exclusive lock on ``<project>.lock``, held by the session that uses the project.

    Parameters
    ----------
    project
        The project file the lock belongs to.
    """

    def __init__(self, project: Path) -> None:
        self.project = Path(project)
        self.path = Path(f"{project}{LOCK_SUFFIX}")
        self._handle: IO[bytes] | None = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._handle is not None

    def acquire(self) -> bool:
        """Take the lock without waiting (creating the lock file); False if another process
        holds it or the file cannot be made."""
        if self._handle is not None:
            return True
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 - kept open while the lock is held
        except OSError:
            return False
        if not _try_lock(handle):
            handle.close()
            return False
        self._handle = handle
        return True

    def release(self, remove: bool = False) -> None:
        """Give the lock back; with *remove* also delete the lock file (first, while it is
        still held, so that nobody takes a lock on a file that is going away)."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        if remove:
            _unlink(self.path)
        _unlock(handle)
        handle.close()


def new_unsaved_project(folder: Path) -> tuple[Path, ProjectLock]:
    """A fresh name for an unsaved project in *folder* and its lock, already held.

    The lock is taken before the project file exists, so a cleanup running in another
    instance never sees the new file unlocked.

    Raises
    ------
    OSError
        If *folder* cannot be made or no lock can be taken in it.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):
        suffix = "" if n == 1 else f"-{n}"
        path = folder / f"{PREFIX}{stamp}{suffix}.gpkg"
        lock = ProjectLock(path)
        if path.exists() or lock.path.exists():
            continue
        if lock.acquire():
            if not path.exists():
                return path, lock
            lock.release()
    raise OSError(f"no free name for an unsaved project in {folder}")


def clean_stale_unsaved(folder: Path, is_empty: Any = None) -> list[Path]:
    """Remove the unsaved projects in *folder* that a killed session left behind empty.

    Parameters
    ----------
    folder
        The user's data folder.
    is_empty
        ``is_empty(path) -> bool``: whether a project holds no work of the user's; default
        :func:`project_is_empty`.

    Returns
    -------
    list of Path
        The project files removed.
    """
    check = is_empty or project_is_empty
    removed = []
    for path in sorted(folder.glob(f"{PREFIX}*.gpkg")):
        lock = ProjectLock(path)
        if not lock.path.exists() or not lock.acquire():
            continue  # an older naturplan's file, or a running session's
        stale = False
        try:
            stale = path.exists() and bool(check(path))
            if stale:
                remove_project_file(path)
                removed.append(path)
        finally:
            lock.release(remove=stale or not path.exists())
    return removed


#: Audit actions that record no work of the user's: the project's creation and the settings
#: the app writes into every new project (``plan``: the layers it is measured against;
#: ``analysis``: its factor table).
BOOKKEEPING_ACTIONS = frozenset({"create", "settings"})


def project_is_empty(path: Path) -> bool:
    """True if the project at *path* holds no work of the user's: no candidate, no scenario,
    and no audit row but its creation and settings (a scenario made, a candidate drawn and
    deleted again: not empty). A project that cannot be read counts as not empty: it is never
    deleted."""
    from naturplan.core.errors import NaturplanError
    from naturplan.io.project.gpkg_store import GeoPackageStore

    try:
        with GeoPackageStore(path, create=False, readonly=True) as store:
            return (not store.candidates() and not store.scenarios()
                    and all(r.action in BOOKKEEPING_ACTIONS for r in store.audit()))
    except (NaturplanError, OSError):
        return False


def remove_project_file(path: Path) -> None:
    """Delete a project file and SQLite's side files (journal, WAL)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        _unlink(Path(f"{path}{suffix}"))


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _try_lock(handle: IO[bytes]) -> bool:
    if os.name == "nt":  # pragma: no cover - Windows
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    try:
        if os.name == "nt":  # pragma: no cover - Windows
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined]
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    except OSError:
        pass
