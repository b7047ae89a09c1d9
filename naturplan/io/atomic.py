"""The one way a file naturplan writes for the user reaches the disk (issue 18).

Every writer (print map PDF/PNG, parcel PDF, web map HTML, tables as xlsx/csv/gpkg/shp/geojson,
the parcel batch table, a project copy, the window's screenshot) calls :func:`write_file`:

1. the target's folder is checked first (it exists, it is a folder, a file can be made in
   it), so that nothing is drawn or computed for a file that cannot be written;
2. the writer writes a ``.part`` file beside the target (same folder, so the rename is
   atomic);
3. the ``.part`` is checked as a complete file of its format (:mod:`naturplan.io.verify`:
   a PDF has its trailer, a PNG its IEND chunk, a workbook opens, a GeoPackage holds every
   feature …), flushed to the disk (``fsync``) and only then renamed over the target;
4. on any failure the ``.part`` (and a shapefile's side files) is removed and one
   :class:`~naturplan.core.errors.FileWriteError` is raised, whose text says why (disk full,
   folder missing or read-only, incomplete) in the user's language.

A file is therefore never reported as written unless it is complete, and a failed write
leaves the folder as it was (an earlier file of that name is kept).
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from naturplan.core.errors import FileWriteError, NaturplanError

#: A check of a written ``.part`` file; raises :class:`FileWriteError` if it is incomplete.
Verifier = Callable[[Path], None]

_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_DENIED = {errno.EACCES, errno.EPERM, errno.EROFS}
#: Phrases by which libraries that hide the errno (GDAL, SQLite, libpng) say the disk is full.
_FULL_WORDS = ("no space left", "disk is full", "disk full", "not enough space", "quota")
_DENIED_WORDS = ("permission denied", "read-only", "readonly", "attempt to write a readonly")
#: Free bytes below which a library's unexplained write failure is taken for a full disk.
NEARLY_FULL = 1 << 20
#: The longest library message quoted to the user (GDAL may quote a whole 1 MB value).
MAX_REASON = 160

FULL_TEMPLATE = "Cannot write {file}: the disk is full; nothing was written."
DENIED_TEMPLATE = ("Cannot write {file}: the folder is read-only (no permission to write);"
                   " nothing was written.")
NO_FOLDER_TEMPLATE = ("Cannot write {file}: the folder {folder} does not exist;"
                      " nothing was written.")
IS_FOLDER_TEMPLATE = "Cannot write {file}: it is a folder; nothing was written."
OTHER_TEMPLATE = "Cannot write {file}: {reason}; nothing was written."


def part_path(target: Path, keep_suffix: bool = False) -> Path:
    """The ``.part`` file beside *target*: ``kort.pdf.part``, or ``kort.part.gpkg`` with
    *keep_suffix* (for libraries that choose by the suffix or demand it)."""
    if keep_suffix:
        return target.with_name(f"{target.stem}.part{target.suffix}")
    return target.with_name(target.name + ".part")


def check_writable(target: Path) -> None:
    """Refuse at once a *target* whose folder is missing or cannot be written.

    Called before anything is drawn or computed, so that a read-only or missing folder is one
    line, not a page of painter warnings. Tries to make (and removes) an empty ``.part`` file:
    the only test that also holds for root and for network shares.

    Raises
    ------
    FileWriteError
        If the folder does not exist, *target* is a folder, or no file can be made there.
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise FileWriteError(NO_FOLDER_TEMPLATE, file=str(target), folder=str(folder))
    if target.is_dir():
        raise FileWriteError(IS_FOLDER_TEMPLATE, file=str(target))
    probe = part_path(target)
    try:
        with open(probe, "wb"):
            pass
    except OSError as exc:
        raise (write_error(exc, target)
               or FileWriteError(OTHER_TEMPLATE, file=str(target), reason=short_reason(exc))
               ) from None
    finally:
        _unlink(probe)


def write_file(
    target: Path,
    write: Callable[[Path], object],
    verify: Verifier,
    *,
    keep_suffix: bool = False,
    sidecars: Sequence[str] = (),
) -> int:
    """Write *target* through a checked ``.part`` file; returns its size in bytes.

    Parameters
    ----------
    write
        Writes the whole file to the path it is given (the ``.part``).
    verify
        Checks the written ``.part`` (:mod:`naturplan.io.verify`).
    keep_suffix
        Name the ``.part`` ``NAME.part.SUFFIX`` (GDAL and SQLite files).
    sidecars
        Suffixes of side files the writer makes beside the ``.part`` (a shapefile's
        ``.shx``, ``.dbf``, …): renamed with it, removed with it.

    Raises
    ------
    FileWriteError
        If the target cannot be written or what was written is incomplete; nothing is left.
    NaturplanError
        Whatever *write* raises for its own reasons (cancelled, …); nothing is left.
    """
    target = Path(target)
    check_writable(target)
    part = part_path(target, keep_suffix)
    parts = [part, *(part.with_suffix(s) for s in sidecars)]
    for p in parts:
        _unlink(p)
    try:
        write(part)
        if not part.is_file():
            raise OSError(errno.EIO, "nothing was written")
        verify(part)
        for p in parts:
            if p.exists():
                _fsync(p)
        for p in parts[1:]:
            if p.exists():
                os.replace(p, target.with_suffix(p.suffix))
        os.replace(part, target)
        _fsync_folder(target.parent)
        return target.stat().st_size
    except NaturplanError:
        raise
    except Exception as exc:
        error = write_error(exc, target)
        if error is None:
            raise
        raise error from None
    finally:
        for p in parts:
            _unlink(p)


def remove_new_project(path: Path) -> None:
    """Remove a project file this run created and could not fill (a full disk), with the
    SQLite journal files beside it: "nothing was saved" leaves no empty project behind."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        _unlink(path.with_name(path.name + suffix))


def write_error(exc: BaseException, target: Path) -> FileWriteError | None:
    """The user's error for a failed write of *target*, or None for an exception that is
    not about writing (a programming error, which must not be dressed up as one)."""
    name = str(target)
    if isinstance(exc, OSError) and exc.errno is not None:
        if exc.errno in _FULL:
            return FileWriteError(FULL_TEMPLATE, file=name)
        if exc.errno in _DENIED:
            return FileWriteError(DENIED_TEMPLATE, file=name)
        if exc.errno == errno.ENOENT and not target.parent.is_dir():
            return FileWriteError(NO_FOLDER_TEMPLATE, file=name, folder=str(target.parent))
        if exc.errno == errno.EISDIR:
            return FileWriteError(IS_FOLDER_TEMPLATE, file=name)
        return FileWriteError(OTHER_TEMPLATE, file=name, reason=short_reason(exc))
    if not isinstance(exc, (OSError, sqlite3.Error)) and not _is_library_write_error(exc):
        return None
    text = str(exc).lower()
    if any(w in text for w in _FULL_WORDS) or _nearly_full(target.parent):
        return FileWriteError(FULL_TEMPLATE, file=name)
    if any(w in text for w in _DENIED_WORDS):
        return FileWriteError(DENIED_TEMPLATE, file=name)
    return FileWriteError(OTHER_TEMPLATE, file=name, reason=short_reason(exc))


def _nearly_full(folder: Path) -> bool:
    """True if *folder*'s disk has less than :data:`NEARLY_FULL` bytes free: GDAL reports a
    full disk as "Could not add feature" or a failed ``sqlite3_exec``, never by its errno."""
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL
    except OSError:
        return False


def short_reason(exc: BaseException) -> str:
    """The first line of a library's message, at most :data:`MAX_REASON` characters."""
    text = (exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    return line if len(line) <= MAX_REASON else line[: MAX_REASON - 1] + "…"


def _is_library_write_error(exc: BaseException) -> bool:
    """GDAL (pyogrio), zipfile (openpyxl) and SQLite errors raised while writing."""
    import zipfile

    if isinstance(exc, zipfile.BadZipFile):
        return True
    module = type(exc).__module__ or ""
    return module.startswith(("pyogrio", "fiona", "openpyxl"))


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # not possible on every platform (Windows)
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _unlink(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
