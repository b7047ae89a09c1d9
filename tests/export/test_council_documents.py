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
from naturplan.io.paths import resource
from naturplan.usecases.plan_data import load_plan_data

#: What must never reach a reader: our own documents and issue numbers.
INTERNAL = re.compile(r"DESIGN\.md|STYLE\.md|ARCHITECTURE\.md|\bissue\s*#?\d+", re.IGNORECASE)
#: English words of the factor table that a Danish note must not carry.
ENGLISH = re.compile(r"\b(Drained|rewetted|formulas|inventory|Check against|organic carbon)\b")


@pytest.fixture()
def measured(plan: Plan):  # type: ignore[no-untyped-def]
    from naturplan.usecases.measures import measure_plan

    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    measure_plan(data, connectivity=False)
    return data


@pytest.fixture()
def workbook(measured, tmp_path: Path):  # type: ignore[no-untyped-def]
    from naturplan.export.measure_notes import table_notes
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
    """The factor tables' descriptions (shown in the notes), the print presets and every
    translated message."""
    shown = [*resource("factors").glob("*.toml"), *resource("print_presets").glob("*.toml")]
    assert shown
    for path in shown:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#"):
                continue  # a comment for the file's editor is not shown
            assert not INTERNAL.search(line), f"{path.name}: {line}"
    # every translated message (comments in the .ts files are for translators)
    import xml.etree.ElementTree as ET

    for path in resource("translations").glob("*.ts"):
        root = ET.parse(path).getroot()
        for element in [*root.iter("translation"), *root.iter("numerusform")]:
            assert not INTERNAL.search(element.text or ""), f"{path.name}: {element.text}"


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


def test_new_nature_by_kind_lists_the_kinds_that_add_area(plan: Plan) -> None:
    """A restoration adds no new nature by definition: the ledger's "new nature by kind" lists
    the three kinds that can add area, each with the plan's new hectares, not a row of 0,0 ha
    for a kind that cannot add any."""
    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    labels = [label for label, _ in ledger_table(data, "da").by_kind]
    assert labels == ["Udtagning af lavbundsjord", "Skovrejsning", "Økologisk forbindelse"]
    assert "Genopretning af natur" not in labels


def test_excel_says_which_statuses_the_plan_includes(workbook, plan: Plan) -> None:  # type: ignore[no-untyped-def]
    about = [str(r[1]) for r in workbook["Om tabellen"].iter_rows(values_only=True) if r[1]]
    line = next(t for t in about if t.startswith("»Med kandidatområder« omfatter"))
    adopted = sum(c.status.value == "adopted" and c.counts_toward_target
                  for c in plan.candidates)
    assert f"Vedtaget {adopted}" in line


# --- the print map -------------------------------------------------------------------------


def _entries(plan: Plan):  # type: ignore[no-untyped-def]
    from naturplan.export.map_layers import ordered_layers
    from naturplan.io.styles import load_styles

    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    return data, ordered_layers([*plan.dataset.layers, data.candidates_layer()], load_styles())


def _pdf_words(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    """(word, xmin, ymin, xmax, ymax in PDF points) of every word pdftotext finds."""
    import html
    import subprocess

    xml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    pattern = (r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
               r"(.*?)</word>")
    return [(html.unescape(m[4]), float(m[0]), float(m[1]), float(m[2]), float(m[3]))
            for m in re.findall(pattern, xml)]


def _text(pdf: Path) -> str:
    import subprocess

    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_neighbouring_land_prints_in_the_land_colour(plan: Plan) -> None:
    """Pixels inside a neighbouring municipality (read from the national file with plain
    geopandas), away from every other layer, have the neighbours' land colour, not the
    sea colour."""
    import geopandas as gpd
    import numpy as np
    import shapely

    from naturplan.export.layout.page import build_layout
    from naturplan.export.layout.presets import find_preset
    from naturplan.io import paths
    from naturplan.render.page import page_image

    data, entries = _entries(plan)
    layout = build_layout(find_preset("sagsbilag_a4_staaende"), entries, data)
    national = gpd.read_file(paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES)
    national = national.to_crs(25832)
    others = national[national["KOMKODE"].astype(str).str.zfill(4) != "0851"]
    frame = shapely.box(*layout.map_bounds)
    drawn = [g for layer in plan.dataset.layers if hasattr(layer, "frame")
             for g in layer.frame.geometry.to_numpy()]
    clear = shapely.difference(
        shapely.intersection(shapely.union_all(others.geometry.to_numpy()), frame),
        shapely.buffer(shapely.union_all([*drawn, plan.dataset.municipality.geometry]), 1500))
    assert clear.area > 1e7  # Rebild, Mariagerfjord, Vesthimmerland ... around Aalborg
    dpi = 40.0
    image = page_image(layout, dpi)
    minx, miny, maxx, maxy = layout.map_bounds
    box = layout.map_box
    rng = np.random.default_rng(8)
    land, sea, n = 0, 0, 0
    x0, y0, x1, y1 = clear.bounds
    while n < 60:
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        if not clear.contains(shapely.Point(x, y)):
            continue
        n += 1
        px = (box.x + (x - minx) / (maxx - minx) * box.w) / 25.4 * dpi
        py = (box.y + (maxy - y) / (maxy - miny) * box.h) / 25.4 * dpi
        colour = image.pixelColor(int(px), int(py)).name()
        land += colour == "#e6e3d8"  # styles/neighbours.toml fill
        sea += colour == "#e6eef2"  # the map's sea background
    assert sea == 0 and land >= 0.8 * n, (land, sea, n)


@pytest.mark.parametrize("preset", ["byraadsmoede_a3_liggende", "sagsbilag_a4_staaende"])
def test_overview_map_names_every_candidate(plan: Plan, tmp_path: Path, preset: str) -> None:
    """At 1:250.000 (A3) and 1:400.000 (A4) each candidate has a number on the map and a
    row in the key: its name, kind and hectares, found by pdftotext."""
    from naturplan.export.layout.page import export_print
    from naturplan.export.layout.presets import find_preset

    data, entries = _entries(plan)
    out = tmp_path / "oversigt.pdf"
    report = export_print(out, "pdf", find_preset(preset), entries, data)
    assert report.scale >= 250_000
    text = " ".join(_text(out).split())
    assert "Kandidatområder på kortet" in text
    joined = "".join(text.split())  # a long name wraps at any character
    kinds = {"lowland": "Udtagning af lavbundsjord", "afforestation": "Skovrejsning",
             "connectivity": "Økologisk forbindelse"}
    for candidate in plan.candidates:
        hectares = f"{candidate.geometry.area / 10_000:.1f}".replace(".", ",")
        row = f"{candidate.name} – {kinds[candidate.kind.value]}, {hectares} ha"
        assert "".join(row.split()) in joined, row
    words = [w[0] for w in _pdf_words(out)]
    for number in range(1, len(plan.candidates) + 1):
        assert words.count(str(number)) >= 2  # the marker and the key's number


def test_names_at_1_50000_and_each_label_text_once(plan: Plan, tmp_path: Path) -> None:
    """At exactly 1:50.000 a candidate's name is drawn (the style says "from 1:50.000"),
    and a label with a halo is text once: the name is in the PDF's text twice, as the
    label and in the key, not once per halo offset."""
    from naturplan.export.layout.page import PrintOptions, export_print
    from naturplan.export.layout.presets import find_preset

    data, entries = _entries(plan)
    target = next(c for c in plan.candidates if c.name == "Skovrejsning Ørum Sønderskov")
    x, y = target.geometry.centroid.x, target.geometry.centroid.y
    out = tmp_path / "udsnit.pdf"
    export_print(out, "pdf", find_preset("sagsbilag_a4_staaende"), entries, data,
                 PrintOptions(extent=(x - 2000, y - 2000, x + 2000, y + 2000), scale=50_000))
    text = " ".join(_text(out).split())
    assert "1:50.000" in text
    assert text.count("Skovrejsning Ørum Sønderskov") == 2, text.count(
        "Skovrejsning Ørum Sønderskov")
    assert text.count("Ørum") == 2


def test_extent_that_does_not_fit_at_the_scale_is_shown_whole(plan: Plan) -> None:
    """--extent with a --scale at which it does not fit: the whole extent is on the map (a
    candidate inside it too) and the scale that was used is said; without --extent the
    candidates the frame leaves out are named."""
    import shapely

    from naturplan.export.layout.page import PrintOptions, build_layout
    from naturplan.export.layout.presets import find_preset

    data, entries = _entries(plan)
    preset = find_preset("sagsbilag_a4_staaende")
    minx, miny, maxx, maxy = plan.dataset.municipality.geometry.bounds
    extent = (minx, miny, maxx, maxy)
    layout = build_layout(preset, entries, data, PrintOptions(extent=extent, scale=25_000))
    bx = layout.map_bounds
    assert bx[0] <= minx and bx[1] <= miny and bx[2] >= maxx and bx[3] >= maxy
    frame = shapely.box(*bx)
    assert all(frame.contains(c.geometry) for c in plan.candidates)
    assert layout.scale > 25_000
    assert any("1:25.000" in n and f"1:{layout.scale:,.0f}".replace(",", ".") in n
               for n in layout.notices), layout.notices
    # The municipality's extent at 1:25.000 without --extent: the scale is kept, and what
    # is outside the frame is named.
    kept = build_layout(preset, entries, data, PrintOptions(scale=25_000))
    assert kept.scale == 25_000
    box = shapely.box(*kept.map_bounds)
    outside = [c.name for c in plan.candidates if not box.intersects(c.geometry)]
    assert outside  # the fixture's candidates lie kilometres apart
    said = " ".join(kept.notices)
    assert f"{len(outside)} kandidatområde" in said
    assert all(name in said for name in outside[:5])


@pytest.mark.parametrize("preset", ["byraadsmoede_a3_liggende", "sagsbilag_a4_staaende"])
def test_ledger_heading_and_header_are_whole(plan: Plan, tmp_path: Path, preset: str) -> None:
    """The ledger's heading is below the map frame (A4: the panel is under the map) and
    "kandidatområder" in the column header starts inside its column (not cut)."""
    from naturplan.export.layout.page import build_layout, export_print
    from naturplan.export.layout.presets import find_preset

    data, entries = _entries(plan)
    p = find_preset(preset)
    out = tmp_path / "kort.pdf"
    export_print(out, "pdf", p, entries, data)
    layout = build_layout(p, entries, data)
    words = _pdf_words(out)
    mm = 72 / 25.4
    frame_bottom = (layout.map_box.y + layout.map_box.h) * mm
    frame_right = (layout.map_box.x + layout.map_box.w) * mm
    heading = next(w for w in words if w[0] == "Beskyttet" and any(
        v[0] == "mål" and abs(v[2] - w[2]) < 1 for v in words))
    assert heading[2] >= frame_bottom or heading[1] >= frame_right, (heading, frame_bottom)
    now = next(w for w in words if w[0] == "Nu")
    header = next(w for w in words if w[0] == "kandidatområder" and abs(w[2] - now[2]) < 20)
    # A number column starts 1,2 mm right of the one before it ("Nu" is right-aligned in
    # its column): a word starting left of that is cut by its column (the A3 "k").
    assert header[1] >= now[3] + 1.2 * mm - 0.5, (header, now)
