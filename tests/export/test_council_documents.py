"""The council's documents (issue 19, items 8-11): the Excel table's notes, total row and
dates, the ledger's statuses, and the print map (neighbours as land, candidates findable on
overview maps, layout, labels once in the PDF's text).

Every expected value comes from the fixture's hand-made candidates or a plain computation,
never from the function under test.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from export_helpers import Plan
from openpyxl import load_workbook

from naturplan.core.layers.roles import Role
from naturplan.export.ledger_table import ledger_table
from naturplan.export.plan_data import load_plan_data
from naturplan.io.paths import resource

#: What must never reach a reader: our own documents and issue numbers.
INTERNAL = re.compile(r"DESIGN\.md|STYLE\.md|ARCHITECTURE\.md|\bissue\s*#?\d+", re.IGNORECASE)
#: English words of the factor table that a Danish note must not carry.
ENGLISH = re.compile(r"\b(Drained|rewetted|formulas|inventory|Check against|organic carbon)\b")


@pytest.fixture()
def measured(plan: Plan):  # type: ignore[no-untyped-def]
    from naturplan.export.measures import measure_plan

    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    measure_plan(data, connectivity=False)
    return data


@pytest.fixture()
def workbook(measured, tmp_path: Path):  # type: ignore[no-untyped-def]
    from naturplan.export.measures import table_notes
    from naturplan.export.tables import export_candidates

    out = tmp_path / "bilag.xlsx"
    export_candidates(out, measured.records(), "da", table_notes(measured, "da"),
                      measured.columns())
    return load_workbook(out)


def test_about_sheet_is_danish_and_names_no_internal_document(workbook) -> None:  # type: ignore[no-untyped-def]
    about = workbook["Om tabellen"]
    texts = [str(v) for row in about.iter_rows(values_only=True) for v in row if v]
    assert any("SEGES" in t for t in texts)  # the factor table's source is there ...
    for text in texts:
        assert not INTERNAL.search(text), text  # ... without "naturplan DESIGN.md", "issue 11"
        assert not ENGLISH.search(text), text  # ... and in Danish


def test_nothing_shown_to_users_names_internal_documents() -> None:
    """The factor tables' descriptions (shown in the notes) and the print presets."""
    shown = [*resource("factors").glob("*.toml"), *resource("print_presets").glob("*.toml")]
    assert shown
    for path in shown:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#"):
                continue  # a comment for the file's editor is not shown
            assert not INTERNAL.search(line), f"{path.name}: {line}"


def test_total_row_sums_co2e_and_sequestration(workbook, measured) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook["Kandidatområder"]
    header = [c.value for c in sheet[1]]
    total = [c.value for c in sheet[sheet.max_row]]
    assert total[0] == "I alt"
    for title, key in (("CO2e-reduktion (t CO2e/år)", "co2e_t_per_year"),
                       ("Kulstofbinding (t CO2/år)", "sequestration_t_per_year")):
        expected = sum(v for m in measured.measures.values()
                       if (v := m.get(key)) is not None)
        cell = total[header.index(title)]
        assert cell is not None and cell == pytest.approx(expected)
    # The fixture's forests bind carbon (its lowland lies on mineral soil: 0 t CO2e).
    assert total[header.index("Kulstofbinding (t CO2/år)")] > 0


def test_dates_are_date_cells(workbook, plan: Plan) -> None:  # type: ignore[no-untyped-def]
    sheet = workbook["Kandidatområder"]
    header = [c.value for c in sheet[1]]
    names = [c.value for c in sheet["A"][1:len(plan.candidates) + 1]]
    created = header.index("Oprettet") + 1
    for row, name in enumerate(names, start=2):
        candidate = next(c for c in plan.candidates if c.name == name)
        cell = sheet.cell(row=row, column=created)
        assert isinstance(cell.value, datetime), cell.value
        stored = datetime.fromisoformat(candidate.created.replace("Z", "+00:00"))
        assert cell.value == stored.astimezone().replace(tzinfo=None, microsecond=0)
        assert cell.number_format == "dd-mm-yyyy hh:mm"
    exported = next(r for r in workbook["Om tabellen"].iter_rows() if r[0].value == "Eksporteret")
    assert exported[1].is_date


def test_ledger_says_which_statuses_it_includes(plan: Plan) -> None:
    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    notes = ledger_table(data, "da").notes
    counting = Counter(c.status.value for c in plan.candidates
                       if c.counts_toward_target)
    words = {"idea": "Idé", "proposed": "Forslag", "adopted": "Vedtaget"}
    line = next(n for n in notes if n.startswith("»Med kandidatområder« omfatter"))
    for status, word in words.items():
        assert f"{word} {counting.get(status, 0)}" in line
    assert "Afvist" not in line
    rejected = sum(c.status.value == "rejected" for c in plan.candidates)
    assert rejected and f"Ikke med: Afvist {rejected}" in " ".join(notes)
