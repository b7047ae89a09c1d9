"""Hostile names through the table writers and the terminal (issue 18, serious #2 and #4 and
the defects on control characters, NUL, 1 MB names and ESC sequences).

The expected values are written out by hand from the rules (OWASP's CSV-injection prefix, the
XML 1.0 character range, Excel's 32,767-character cell, dBASE's 254-byte field), never taken
from the writers' own output.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pandas as pd
import pyogrio
import pytest
from openpyxl import load_workbook
from shapely.geometry import box

from naturplan.core.errors import ExportError
from naturplan.core.plan.candidates import Candidate
from naturplan.export.tables import export_candidates
from naturplan.export.tables.columns import CANDIDATE_COLUMNS, CandidateRecord
from naturplan.text.i18n import error_text

#: Values a spreadsheet would run, each with the cell the CSV must hold instead (OWASP:
#: a leading single quote before = + - @ tab CR).
FORMULAS = {
    '=HYPERLINK("http://x","klik")': '\'=HYPERLINK("http://x","klik")',
    "+1+2": "'+1+2",
    "-2+3": "'-2+3",
    "@SUM(A1:A9)": "'@SUM(A1:A9)",
    "\t=1": "'\t=1",
    "\r=1": "'\r=1",
    "=cmd|' /C calc'!A0": "'=cmd|' /C calc'!A0",
}
PLAIN = ["Vådlægning ved Æbelø Å", "a=b", "Mose 2+3", "x@y.dk", "'citat'"]


def _records(names: list[str], notes: list[str] | None = None,
             co2e: float | None = None) -> list[CandidateRecord]:
    notes = notes or [""] * len(names)
    return [
        CandidateRecord(
            Candidate.new("lowland", box(550_000 + 300 * k, 6_320_000, 550_200 + 300 * k,
                                         6_320_200), name, note=note),
            gain_m2=40_000.0, counts=True,
            measures={"co2e_t_per_year": co2e} if co2e is not None else {},
        )
        for k, (name, note) in enumerate(zip(names, notes, strict=True))
    ]


def _sheet_xml(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()
                if n.startswith("xl/worksheets/")}


def test_no_value_becomes_a_formula_in_the_workbook(tmp_path: Path) -> None:
    names = [*FORMULAS, *PLAIN]
    out = tmp_path / "k.xlsx"
    export_candidates(out, _records(names, notes=list(reversed(names))))
    for member, xml in _sheet_xml(out).items():
        assert b"<f>" not in xml and b"<f " not in xml, member
    sheet = load_workbook(out).worksheets[0]
    name_col = 1 + [c.key for c in CANDIDATE_COLUMNS].index("name")
    note_col = 1 + [c.key for c in CANDIDATE_COLUMNS].index("note")
    got = [sheet.cell(row=r, column=name_col) for r in range(2, 2 + len(names))]
    assert [c.value for c in got] == names  # as typed, character for character
    assert {c.data_type for c in got} == {"s"}
    assert [sheet.cell(row=r, column=note_col).value
            for r in range(2, 2 + len(names))] == list(reversed(names))


def _csv(path: Path, delimiter: str = ";", encoding: str = "utf-8-sig") -> list[list[str]]:
    with open(path, encoding=encoding, newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_csv_neutralises_formulas_and_leaves_numbers_and_plain_text(tmp_path: Path,
                                                                        lang: str) -> None:
    names = [*FORMULAS, *PLAIN]
    out = tmp_path / "k.csv"
    export_candidates(out, _records(names, co2e=-12.5), lang)
    rows = _csv(out, ";" if lang == "da" else ",")
    header, body = rows[0], rows[1:]
    name = [r[header.index("Navn" if lang == "da" else "Name")] for r in body]
    assert name == [*FORMULAS.values(), *PLAIN]
    co2e = header.index("CO2e-reduktion (t CO2e/år)" if lang == "da"
                        else "CO2e reduction (t CO2e/yr)")
    # a negative number is a number: no quote in front, the language's decimal mark
    assert {r[co2e] for r in body} == {"-12,5" if lang == "da" else "-12.5"}


def test_the_parcel_batch_csv_neutralises_text_and_keeps_numbers(tmp_path: Path) -> None:
    from naturplan.export.parcel_table import write_parcel_table

    table = pd.DataFrame({
        "ejerlavskode": ["1", "2"], "ejerlavsnavn": ['=HYPERLINK("http://x")', "Tylstrup By"],
        "matrikelnummer": ["-1a", "7b"], "area_m2": [-3.5, 1200.0],
    })
    context = SimpleNamespace(sources=lambda: [], geometries=[box(0, 0, 1, 1)] * 2)
    out = tmp_path / "p.csv"
    write_parcel_table(table, context, out)  # type: ignore[arg-type]
    rows = _csv(out, ",", "utf-8")
    assert rows[1][:4] == ["1", '\'=HYPERLINK("http://x")', "'-1a", "-3.5000"]
    assert rows[2][:4] == ["2", "Tylstrup By", "7b", "1200.0000"]


def test_control_characters_and_nul_go_into_the_workbook_cleaned_and_said_once(
        tmp_path: Path) -> None:
    """Today: ``IllegalCharacterError`` and no file."""
    names = ["Mose\x00A", "Eng\x1b[31mrød", "Sø\x07", "Skov\tmed tab\r\nog linjeskift"]
    out = tmp_path / "k.xlsx"
    report = export_candidates(out, _records(names))
    sheet = load_workbook(out).worksheets[0]
    got = [sheet.cell(row=r, column=1).value for r in range(2, 6)]
    # XML 1.0 holds tab, CR and LF; NUL, ESC and BEL become U+FFFD, the rest stays
    assert got == ["Mose\ufffdA", "Eng\ufffd[31mrød", "Sø\ufffd", names[3]]
    assert report.notes == ("3 værdier indeholdt tegn, som Excel ikke kan rumme (kontroltegn, "
                            "NUL); de vises som \ufffd.",)
    about = load_workbook(out).worksheets[1]
    assert report.notes[0] in [c.value for row in about.iter_rows() for c in row]


def test_a_one_megabyte_name_is_cut_to_an_excel_cell_and_said(tmp_path: Path) -> None:
    """Today it is cut silently (by Excel, or not at all and refused by Excel)."""
    long_name = "Å" * 1_000_000
    out = tmp_path / "k.xlsx"
    report = export_candidates(out, _records([long_name, "kort"]))
    value = load_workbook(out).worksheets[0].cell(row=2, column=1).value
    assert len(value) == 32_767 and value.startswith("Å" * 32_000)
    assert report.notes == ("1 værdi var længere, end Excel kan rumme (32.767 tegn), og blev "
                            "afkortet.",)


def test_the_shapefile_cuts_a_long_value_quietly_and_says_so_once(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    """Today GDAL prints the whole 1 MB value to stderr as a warning."""
    long_name = "ø" * 500_000
    out = tmp_path / "k.shp"
    report = export_candidates(out, _records([long_name, "Mose\x00B"]))
    captured = capfd.readouterr()
    assert len(captured.err) < 1000 and "øøøøø" not in captured.err
    frame = pyogrio.read_dataframe(out)
    assert len(frame["navn"][0].encode("utf-8")) <= 254
    assert frame["navn"][0].startswith("ø" * 100)
    assert frame["navn"][1] == "Mose\ufffdB"  # GDAL would have ended the text at NUL
    assert report.notes == (
        "1 værdi indeholdt tegn, som Shapefile ikke kan rumme (kontroltegn, NUL); de vises "
        "som \ufffd.",
        "1 værdi var længere, end Shapefile kan rumme (254 byte), og blev afkortet.")


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson"])
def test_gdal_formats_keep_a_long_name_whole(tmp_path: Path, suffix: str) -> None:
    long_name = "Ø" * 300_000 + "=1"
    out = tmp_path / f"k{suffix}"
    report = export_candidates(out, _records([long_name]))
    assert pyogrio.read_dataframe(out)["name"][0] == long_name
    assert report.notes == ()


def test_the_terminal_shows_control_characters_escaped() -> None:
    from naturplan.text.terminal import terminal_text

    assert terminal_text("Mose\x1b[2J\x1b]52;c;ZXZpbA==\x07") == \
        "Mose\\x1b[2J\\x1b]52;c;ZXZpbA==\\x07"
    assert terminal_text("a\rb\nc\td\x00e\x7f\x9b") == "a\\rb\\nc\\td\\x00e\\x7f\\x9b"
    assert terminal_text("right\u202eleft") == "right\\u202eleft"
    assert terminal_text("Vådlægning ved Æbelø Å, 3 ha") == "Vådlægning ved Æbelø Å, 3 ha"
    assert terminal_text("to\nlinjer\x1b", keep_newlines=True) == "to\nlinjer\\x1b"


def test_candidates_list_sends_no_escape_sequence_to_the_terminal(tmp_path: Path) -> None:
    from naturplan.io.project.gpkg_store import GeoPackageStore

    path = tmp_path / "plan.gpkg"
    hostile = "Mose\x1b[2J\x1b[31m\rFALSK\nlinje"
    with GeoPackageStore(path, author="test") as store:
        store.insert(Candidate.new("lowland", box(550_000, 6_320_000, 550_200, 6_320_200),
                                   hostile))
    result = subprocess.run([sys.executable, "-m", "naturplan", "candidates", "list",
                             "--project", str(path)], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f]", result.stdout)  # only line ends
    assert "Mose\\x1b[2J\\x1b[31m\\rFALSK" in result.stdout
    assert len(result.stdout.splitlines()) == 3  # header, the candidate, the total


def test_a_value_named_n_that_is_no_count_is_written_not_a_type_error() -> None:
    """Today: ``TypeError: Translator.tr() got multiple values for argument 'n'``."""
    for value, shown in [(0.0, "0"), (-5000.0, "-5.000"), (float("nan"), "nan"),
                         (2500.5, "2.500,50")]:
        error = ExportError("The map scale must be a positive number, got {n}.", n=value)
        assert error_text(error, "da") == f"Målestokken skal være et positivt tal, fik {shown}."


@pytest.mark.parametrize("args, said", [
    (["--scale", "0"], "--scale skal være et tal N fra 1 til 100.000.000 (målestok 1:N), fik 0."),
    (["--scale=-5000"], "--scale skal være et tal N fra 1 til 100.000.000 (målestok 1:N), "
                        "fik -5000."),
    (["--scale", "inf"], "fik inf."),
    (["--extent", "nan,nan,nan,nan"], "--extent skal være MINX,MINY,MAXX,MAXY i meter, fik "
                                      "'nan,nan,nan,nan'."),
    (["--extent", "550000,6320000,inf,6330000"], "fik '550000,6320000,inf,6330000'."),
])
def test_export_refuses_a_bad_scale_or_extent_in_one_danish_line(
        tmp_path: Path, args: list[str], said: str) -> None:
    out = tmp_path / "kort.pdf"
    result = subprocess.run([sys.executable, "-m", "naturplan", "export", "--out", str(out),
                             *args], capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("naturplan: fejl: ")
    assert lines[0].endswith(said)
    assert "TypeError" not in result.stderr and not out.exists()
