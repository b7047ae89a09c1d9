"""Generated names and notes through every candidate export and back (issue 18, beyond the
cases): xlsx, csv, GeoPackage, GeoJSON and the web map's candidate data.

Each value comes back exactly, or cleaned the documented way and said once in the report's
notes; nothing ever executes: no formula cell in the workbook, every CSV text cell that a
spreadsheet would run neutralised, no ``<`` that could close the web map's script. The
expected values are computed here from the rules (XML 1.0's Char production, OWASP's prefix
list, GDAL's NUL-ended strings), not by the writers' code. h18g's corpus covers geometries and
coordinates; this one covers the words.
"""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pyogrio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from shapely.geometry import box

from naturplan.core.layers.style import default_style
from naturplan.core.plan.candidates import Candidate
from naturplan.export.model import candidates_layer
from naturplan.export.tables import export_candidates
from naturplan.export.tables.columns import CANDIDATE_COLUMNS, CandidateRecord
from naturplan.export.webmap.features import candidate_web_layer
from naturplan.pagemodel.layers import ExportLayer

#: Any character but lone surrogates (no file format can hold them; Python's str can).
_CHARS = st.characters(exclude_categories=("Cs",))
#: Starts the tester tried and Hypothesis would rarely find alone.
_STARTS = st.sampled_from(["", "=", "+", "-", "@", "\t", "\r", "\n", "\x00", "\x1b[31m",
                           '=HYPERLINK("http://x","', "<script>", "</script>", "'", '"', ";",
                           " ", "-1", "=1+1", "\u202e"])
TEXT = st.builds(lambda start, rest: start + rest, _STARTS, st.text(_CHARS, max_size=40))

NAME = 1 + [c.key for c in CANDIDATE_COLUMNS].index("name")
NOTE = 1 + [c.key for c in CANDIDATE_COLUMNS].index("note")


def _xml_char(ch: str) -> bool:
    """XML 1.0's Char production (W3C XML 1.0, section 2.2)."""
    cp = ord(ch)
    return (ch in "\t\n\r" or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD
            or cp >= 0x10000)


def _in_excel(value: str) -> str | None:
    cleaned = "".join(ch if _xml_char(ch) else "\ufffd" for ch in value)
    return cleaned or None  # an empty text is an empty cell


def _in_csv(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _in_gdal(value: str) -> str:
    return value.replace("\x00", "\ufffd")


def _records(pairs: list[tuple[str, str]]) -> list[CandidateRecord]:
    return [CandidateRecord(Candidate.new(
        "lowland", box(550_000 + 300 * k, 6_320_000, 550_200 + 300 * k, 6_320_200), name,
        note=note)) for k, (name, note) in enumerate(pairs)]


CASES = settings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])
PAIRS = st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=4)


@CASES
@given(pairs=PAIRS)
def test_names_through_excel(tmp_path: Path, pairs: list[tuple[str, str]]) -> None:
    out = tmp_path / "k.xlsx"
    report = export_candidates(out, _records(pairs))
    with zipfile.ZipFile(out) as archive:
        for member in archive.namelist():
            if member.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(member) and b"<f " not in archive.read(member)
    sheet = load_workbook(out).worksheets[0]
    for row, (name, note) in enumerate(pairs, start=2):
        for column, value in ((NAME, name), (NOTE, note)):
            cell = sheet.cell(row=row, column=column)
            assert cell.value == _in_excel(value)
            assert cell.value is None or cell.data_type == "s"
    changed = any(_in_excel(v) != (v or None) for pair in pairs for v in pair)
    assert bool(report.notes) == changed  # said once when cleaned, silent otherwise
    assert len(report.notes) <= 2


@CASES
@given(pairs=PAIRS)
def test_names_through_csv(tmp_path: Path, pairs: list[tuple[str, str]]) -> None:
    out = tmp_path / "k.csv"
    report = export_candidates(out, _records(pairs))
    with open(out, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert len(rows) == len(pairs) + 1
    for row, (name, note) in zip(rows[1:], pairs, strict=True):
        assert row[NAME - 1] == _in_csv(name)
        assert row[NOTE - 1] == _in_csv(note)
    assert report.notes == ()  # a CSV holds any text


@CASES
@given(pairs=PAIRS, suffix=st.sampled_from([".gpkg", ".geojson"]))
def test_names_through_gdal_formats(tmp_path: Path, pairs: list[tuple[str, str]],
                                    suffix: str) -> None:
    out = tmp_path / f"k{suffix}"
    report = export_candidates(out, _records(pairs))
    frame = pyogrio.read_dataframe(out)
    assert list(frame["name"]) == [_in_gdal(n) for n, _ in pairs]
    assert [v or "" for v in frame["note"]] == [_in_gdal(n) for _, n in pairs]
    assert bool(report.notes) == any("\x00" in v for pair in pairs for v in pair)


@CASES
@given(pairs=PAIRS)
def test_names_through_the_web_map_data(pairs: list[tuple[str, str]]) -> None:
    records = _records(pairs)
    entry = ExportLayer(candidates_layer([r.candidate for r in records], None),
                        default_style("candidates"))
    web = candidate_web_layer(entry, records, 1.0, "da")
    assert "<" not in web.geojson and ">" not in web.geojson  # nothing can close the script
    got = [f["properties"] for f in json.loads(web.geojson)["features"]]
    assert [p.get("name", "") for p in got] == [n for n, _ in pairs]
    assert [p.get("note", "") for p in got] == [n for _, n in pairs]
