"""The one place every writer goes through (issue 18): ``naturplan.io.atomic`` and its
checks per format (``naturplan.io.verify``), without Qt.

A failed write is a real one where it can be (a read-only folder, a missing folder, a write
that raises ENOSPC as the kernel does on a full disk); an incomplete file is a real file of
its format cut short, as a full disk leaves it.
"""

from __future__ import annotations

import errno
import io
import os
import sqlite3
import zipfile
from pathlib import Path

import geopandas as gpd
import pytest
from openpyxl import Workbook
from shapely.geometry import box

from naturplan.core.errors import ExportError, FileWriteError
from naturplan.io import verify
from naturplan.io.atomic import check_writable, part_path, write_error, write_file
from naturplan.text.i18n import error_text

#: A minimal, complete PDF (one empty page), written by hand from the PDF 1.4 reference.
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n"
       b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n"
       b"0000000101 00000 n \ntrailer<</Size 4/Root 1 0 R>>\nstartxref\n160\n%%EOF\n")


def _png() -> bytes:
    """A 1×1 PNG built by hand (signature, IHDR, IDAT, IEND) with zlib and crc32."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (verify.PNG_SIGNATURE + chunk(b"IHDR", ihdr)
            + chunk(b"IDAT", zlib.compress(b"\0\xff\x00\x00")) + chunk(b"IEND", b""))


def _xlsx(rows: int) -> bytes:
    book = Workbook()
    for k in range(rows):
        book.active.append([f"række {k}", k])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_complete_file_is_renamed_into_place_and_no_part_is_left(tmp_path: Path) -> None:
    target = tmp_path / "kort.pdf"
    size = write_file(target, lambda part: part.write_bytes(PDF), verify.pdf)
    assert target.read_bytes() == PDF and size == len(PDF)
    assert _leftovers(tmp_path) == ["kort.pdf"]


@pytest.mark.parametrize("cut", [0.3, 0.9])
def test_a_pdf_without_its_trailer_is_refused_and_the_old_file_kept(tmp_path: Path,
                                                                    cut: float) -> None:
    """The case of the issue: a PDF cut short by a full disk, written and reported as done."""
    target = tmp_path / "kort.pdf"
    target.write_bytes(b"the old map")
    with pytest.raises(FileWriteError) as caught:
        write_file(target, lambda part: part.write_bytes(PDF[: int(len(PDF) * cut)]),
                   verify.pdf)
    assert error_text(caught.value, "da") == (
        f"Kan ikke skrive {target}: den skrevne PDF-fil var ufuldstændig; intet blev gemt.")
    assert target.read_bytes() == b"the old map"
    assert _leftovers(tmp_path) == ["kort.pdf"]


def test_a_png_without_its_end_chunk_is_refused(tmp_path: Path) -> None:
    png = _png()
    verify.png(_write(tmp_path / "ok.png", png))
    with pytest.raises(FileWriteError):
        verify.png(_write(tmp_path / "cut.png", png[:-6]))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_a_cut_workbook_is_refused_and_a_whole_one_passes(tmp_path: Path) -> None:
    data = _xlsx(5)
    verify.xlsx(5)(_write(tmp_path / "ok.xlsx", data))
    for cut in (len(data) // 2, len(data) - 30):
        with pytest.raises(FileWriteError):
            verify.xlsx(5)(_write(tmp_path / f"cut{cut}.xlsx", data[:cut]))
    with pytest.raises(FileWriteError):  # whole, but fewer rows than were written
        verify.xlsx(6)(tmp_path / "ok.xlsx")


def test_a_csv_with_missing_rows_is_refused(tmp_path: Path) -> None:
    data = "a;b\r\n1;2\r\n3;4\r\n".encode("utf-8-sig")
    verify.csv_rows(3, "utf-8-sig", ";")(_write(tmp_path / "ok.csv", data))
    with pytest.raises(FileWriteError):
        verify.csv_rows(3, "utf-8-sig", ";")(_write(tmp_path / "cut.csv", data[:-6]))
    with pytest.raises(FileWriteError):
        verify.exact(data, "CSV")(tmp_path / "cut.csv")


def test_vector_files_are_counted_back_with_gdal(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame({"navn": ["a", "b", "c"]},
                             geometry=[box(0, 0, 1, 1), box(2, 2, 3, 3), box(4, 4, 5, 5)],
                             crs=25832)
    path = tmp_path / "k.gpkg"
    frame.to_file(path, layer="kandidatomraader", driver="GPKG")
    verify.features(3, "GeoPackage", "kandidatomraader")(path)
    with pytest.raises(FileWriteError):
        verify.features(4, "GeoPackage", "kandidatomraader")(path)
    with pytest.raises(FileWriteError):  # half a GeoPackage is no GeoPackage
        verify.features(3, "GeoPackage")(_write(tmp_path / "cut.gpkg",
                                                path.read_bytes()[:20_000]))


def test_a_damaged_database_fails_the_integrity_check(tmp_path: Path) -> None:
    path = tmp_path / "p.gpkg"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE candidates (name TEXT)")
        conn.executemany("INSERT INTO candidates VALUES (?)", [("x" * 3000,)] * 50)
    conn.close()
    verify.sqlite_database("SELECT count(*) FROM candidates", 50)(path)
    with pytest.raises(FileWriteError):
        verify.sqlite_database("SELECT count(*) FROM candidates", 51)(path)
    data = bytearray(path.read_bytes())
    data[4096 * 3: 4096 * 3 + 200] = b"\xff" * 200  # a page of the table overwritten
    with pytest.raises(FileWriteError):
        verify.sqlite_database("SELECT count(*) FROM candidates", 50)(
            _write(tmp_path / "bad.gpkg", bytes(data)))


def test_a_full_disk_is_one_danish_line_and_nothing_is_left(tmp_path: Path) -> None:
    """ENOSPC as the kernel raises it, halfway through the write."""
    target = tmp_path / "tabel.csv"

    def write(part: Path) -> None:
        with open(part, "wb") as handle:
            handle.write(b"a;b\r\n")
            handle.flush()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(FileWriteError) as caught:
        write_file(target, write, verify.not_empty("CSV"))
    assert caught.value.code == "file_write" and isinstance(caught.value, ExportError)
    assert error_text(caught.value, "da") == (
        f"Kan ikke skrive {target}: disken er fuld; intet blev skrevet.")
    assert error_text(caught.value, "en") == (
        f"Cannot write {target}: the disk is full; nothing was written.")
    assert _leftovers(tmp_path) == []


def test_a_missing_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    target = tmp_path / "ingen" / "kort.pdf"
    called = []
    with pytest.raises(FileWriteError) as caught:
        write_file(target, lambda part: called.append(part), verify.pdf)
    assert called == []
    assert error_text(caught.value, "da") == (
        f"Kan ikke skrive {target}: mappen {target.parent} findes ikke; intet blev skrevet.")


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "kort.pdf").mkdir()
    with pytest.raises(FileWriteError) as caught:
        check_writable(tmp_path / "kort.pdf")
    assert "det er en mappe" in error_text(caught.value, "da")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder "
                    "(tests/e2e/test_full_disk.py mounts a read-only one)")
def test_a_read_only_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(FileWriteError) as caught:
            check_writable(folder / "kort.pdf")
    finally:
        folder.chmod(0o755)
    assert "skrivebeskyttet" in error_text(caught.value, "da")
    assert _leftovers(folder) == []


def test_an_error_that_is_not_about_writing_is_not_dressed_up(tmp_path: Path) -> None:
    """A programming error stays what it is (the CLI's "unexpected error"), and the .part
    is removed all the same."""
    def write(part: Path) -> None:
        part.write_bytes(b"half")
        raise KeyError("a bug")

    with pytest.raises(KeyError):
        write_file(tmp_path / "k.html", write, verify.not_empty("HTML"))
    assert _leftovers(tmp_path) == []
    assert write_error(KeyError("x"), tmp_path / "k.html") is None


def test_a_library_message_is_cut_to_one_short_line(tmp_path: Path) -> None:
    """GDAL quotes a whole 1 MB value in its message: the user gets its first 160
    characters."""
    from pyogrio.errors import DataSourceError

    error = write_error(DataSourceError("Could not write '" + "x" * 1_000_000 + "'\nmore"),
                        tmp_path / "k.gpkg")
    assert error is not None
    text = error_text(error, "da")
    assert len(text) < 300 and "more" not in text


def test_shapefile_side_files_move_and_vanish_with_the_part(tmp_path: Path) -> None:
    frame = gpd.GeoDataFrame({"navn": ["a"]}, geometry=[box(0, 0, 1, 1)], crs=25832)
    target = tmp_path / "k.shp"
    sidecars = (".shx", ".dbf", ".prj", ".cpg")
    write_file(target, lambda part: frame.to_file(part, driver="ESRI Shapefile",
                                                  encoding="UTF-8"),
               verify.features(1, "Shapefile"), keep_suffix=True, sidecars=sidecars)
    assert {p.suffix for p in tmp_path.iterdir()} >= {".shp", ".shx", ".dbf", ".prj"}
    assert not [p for p in tmp_path.iterdir() if ".part" in p.name]
    with pytest.raises(FileWriteError):  # 2 features were promised, 1 was written
        write_file(tmp_path / "b.shp", lambda part: frame.to_file(
            part, driver="ESRI Shapefile"), verify.features(2, "Shapefile"),
            keep_suffix=True, sidecars=sidecars)
    assert not [p for p in tmp_path.iterdir() if p.stem.startswith("b")]


def test_part_names_sit_beside_the_target() -> None:
    assert part_path(Path("/a/kort.pdf")) == Path("/a/kort.pdf.part")
    assert part_path(Path("/a/k.gpkg"), keep_suffix=True) == Path("/a/k.part.gpkg")


def test_a_zip_that_ends_early_is_not_a_workbook(tmp_path: Path) -> None:
    """The openpyxl failure the tester saw (``Exception ignored in ZipFile.__del__``) came
    from a zip written straight to a full disk; a zip cut anywhere fails the check."""
    data = _xlsx(2)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
    for cut in range(100, len(data), max(1, len(data) // 7)):
        with pytest.raises(FileWriteError):
            verify.xlsx(2)(_write(tmp_path / "cut.xlsx", data[:cut]))
