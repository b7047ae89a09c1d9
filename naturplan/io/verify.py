"""Checks that a written file is complete, one per format (used by :mod:`naturplan.io.atomic`).

Each check reads back what a writer wrote to its ``.part`` file and raises
:class:`~naturplan.core.errors.FileWriteError` if it is not a whole file of its format: a
writer that ran out of disk halfway, or a library that reported success on a short write, is
caught here, before the file is renamed into place and reported as written.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

from naturplan.core.errors import FileWriteError

INCOMPLETE_TEMPLATE = ("Cannot write {file}: the written {kind} file was incomplete;"
                       " nothing was kept.")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: The last chunk of every PNG: length 0, "IEND", its CRC.
PNG_END = b"\x00\x00\x00\x00IEND\xaeB`\x82"
#: How far from the end a PDF's ``startxref`` and ``%%EOF`` may stand.
PDF_TAIL = 2048


def incomplete(path: Path, kind: str) -> FileWriteError:
    """The error for a ``.part`` at *path* that is not a whole *kind* file (named by its
    target: the user never sees the ``.part``)."""
    name = path.name
    if name.endswith(".part"):
        name = name[: -len(".part")]
    else:
        name = name.replace(".part.", ".", 1)
    return FileWriteError(INCOMPLETE_TEMPLATE, file=str(path.with_name(name)), kind=kind)


def _read_ends(path: Path, size: int) -> tuple[bytes, bytes]:
    with open(path, "rb") as handle:
        head = handle.read(size)
        handle.seek(0, io.SEEK_END)
        length = handle.tell()
        handle.seek(max(0, length - size))
        return head, handle.read()


def pdf(path: Path) -> None:
    """A PDF starts with ``%PDF-`` and ends with ``startxref`` and ``%%EOF`` (the trailer
    a reader needs; a PDF cut off by a full disk has neither)."""
    head, tail = _read_ends(path, PDF_TAIL)
    if not head.startswith(b"%PDF-") or b"startxref" not in tail \
            or not tail.rstrip().endswith(b"%%EOF"):
        raise incomplete(path, "PDF")


def png(path: Path) -> None:
    """A PNG starts with its signature and ends with the IEND chunk."""
    head, tail = _read_ends(path, 16)
    if not head.startswith(PNG_SIGNATURE) or not tail.endswith(PNG_END):
        raise incomplete(path, "PNG")


def exact(data: bytes, kind: str, ending: bytes = b"") -> Callable[[Path], None]:
    """The file holds exactly *data* (which ends with *ending*): HTML and other text."""
    if ending and not data.rstrip().endswith(ending):
        raise ValueError("the data to write does not end as it should")  # a programming error

    def check(path: Path) -> None:
        if path.stat().st_size != len(data) or path.read_bytes() != data:
            raise incomplete(path, kind)

    return check


def html(data: bytes) -> Callable[[Path], None]:
    """An HTML page: exactly *data*, which ends with ``</html>``."""
    return exact(data, "HTML", b"</html>")


def csv_rows(rows: int, encoding: str, delimiter: str) -> Callable[[Path], None]:
    """A CSV file that reads back as *rows* rows (the header included)."""

    def check(path: Path) -> None:
        # one cell may be as long as the file (a 1 MB name): the reader's limit is global
        csv.field_size_limit(max(csv.field_size_limit(), path.stat().st_size + 1))
        try:
            with open(path, encoding=encoding, newline="") as handle:
                got = sum(1 for _ in csv.reader(handle, delimiter=delimiter))
        except (UnicodeDecodeError, csv.Error):
            raise incomplete(path, "CSV") from None
        if got != rows:
            raise incomplete(path, "CSV")

    return check


def xlsx(rows: int) -> Callable[[Path], None]:
    """An Excel workbook: the zip is whole, and openpyxl reads a first sheet of at least
    *rows* rows."""

    def check(path: Path) -> None:
        from openpyxl import load_workbook

        try:
            with zipfile.ZipFile(path) as archive:
                if archive.testzip() is not None:
                    raise zipfile.BadZipFile("a damaged member")
            with open(path, "rb") as handle:
                book = load_workbook(handle, read_only=True)
                try:
                    got = book.worksheets[0].max_row or 0
                finally:
                    book.close()
        except (zipfile.BadZipFile, OSError, KeyError, ValueError, IndexError):
            raise incomplete(path, "Excel") from None
        if got < rows:
            raise incomplete(path, "Excel")

    return check


def features(count: int, kind: str, layer: str | None = None) -> Callable[[Path], None]:
    """A GeoPackage, shapefile or GeoJSON that GDAL reads back with *count* features."""

    def check(path: Path) -> None:
        import pyogrio

        try:
            info = pyogrio.read_info(path, layer=layer)
        except Exception:  # GDAL's own errors: any of them means not readable
            raise incomplete(path, kind) from None
        if int(info["features"]) != count:
            raise incomplete(path, kind)

    return check


def sqlite_database(query: str | None = None, expected: int | None = None
                    ) -> Callable[[Path], None]:
    """A SQLite file (a project GeoPackage) whose ``PRAGMA integrity_check`` says ok, and
    whose *query* (a count) gives *expected*."""

    def check(path: Path) -> None:
        try:
            conn = sqlite3.connect(f"file:{path.resolve().as_posix()}?mode=ro", uri=True)
            try:
                ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
                got = conn.execute(query).fetchone()[0] if query else None
            finally:
                conn.close()
        except sqlite3.Error:
            raise incomplete(path, "GeoPackage") from None
        if ok != "ok" or (query is not None and got != expected):
            raise incomplete(path, "GeoPackage")

    return check


def all_of(*checks: Callable[[Path], None]) -> Callable[[Path], None]:
    """Every one of *checks*, in order."""

    def check(path: Path) -> None:
        for one in checks:
            one(path)

    return check


def not_empty(kind: str) -> Callable[[Path], None]:
    """A file of a format without a check of its own here: at least not empty."""

    def check(path: Path) -> None:
        if path.stat().st_size == 0:
            raise incomplete(path, kind)

    return check
