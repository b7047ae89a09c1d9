"""The exports of a plan area of three municipalities (issue 22 item 3) and the plan's kg N
(item 5): the print map (read back with pdftotext), the web map's HTML and the candidate
table's xlsx name every municipality; the ledger gives each one's share now and with the
candidates, checked against plain shapely over the DAGI file read with geopandas; the kg N
total equals area × rate by hand; the borders between the municipalities are a layer of
their own; one municipality's exports say what they said before."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import box

from naturplan.core.layers.dataset import BORDERS_LAYER
from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import Candidate
from naturplan.export.layout.page import build_layout, export_print, plan_heading
from naturplan.export.layout.presets import find_preset
from naturplan.export.ledger_table import ledger_table
from naturplan.export.map_layers import ordered_layers
from naturplan.export.measure_notes import table_notes
from naturplan.export.webmap import export_webmap
from naturplan.io.datasets import DatasetRequest, open_dataset
from naturplan.io.loading import LayerRequest
from naturplan.io.paths import NATIONAL_MUNICIPALITIES, layers_dir
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.styles import load_styles
from naturplan.text.numbers import format_number, format_share
from naturplan.usecases.plan_data import load_plan_data

CODES = "0851,0840,0820"
NAMES = "Aalborg, Rebild og Vesthimmerlands Kommuner"
P3 = [box(552_000, 6_305_000, 560_000, 6_311_000), box(545_000, 6_290_000, 547_000, 6_292_000)]
SPLIT_X = 556_000.0  # the two retention polygons meet here: 12 kg N/ha/yr west, 30 east
RETENTION = [(box(500_000, 6_250_000, SPLIT_X, 6_340_000), 12.0),
             (box(SPLIT_X, 6_250_000, 600_000, 6_340_000), 30.0)]
# One across Aalborg|Rebild and across the two rates; one in the west; a rejected one.
CANDIDATES = [("lowland", box(553_000, 6_296_000, 559_000, 6_300_000), "proposed"),
              ("afforestation", box(540_000, 6_312_000, 544_000, 6_314_000), "proposed"),
              ("lowland", box(530_000, 6_296_000, 532_000, 6_298_000), "rejected")]


def _files(folder: Path, retention: bool = True) -> tuple[LayerRequest, ...]:
    p3, ret = folder / "p3.gpkg", folder / "ret.gpkg"
    gpd.GeoDataFrame({"Natyp_navn": ["Mose", "Eng"]}, geometry=P3, crs=25832).to_file(p3)
    gpd.GeoDataFrame({"rate_kg_n_ha": [r for _, r in RETENTION]},
                     geometry=[g for g, _ in RETENTION], crs=25832).to_file(ret)
    layers = [LayerRequest(Role.NATURE_P3, p3)]
    return tuple(layers + ([LayerRequest(Role.N_RETENTION, ret)] if retention else []))


def _project(path: Path) -> Path:
    with GeoPackageStore(path) as store:
        for kind, geom, status in CANDIDATES:
            store.insert(Candidate.new(kind, geom, f"{kind} {status}", status=status))
    return path


@pytest.fixture(scope="module")
def area(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("area")
    dataset = open_dataset(DatasetRequest(kommune=CODES, layers=_files(folder),
                                          use_sample=False))
    data = load_plan_data(dataset, (Role.NATURE_P3,), _project(folder / "plan.gpkg"))
    return dataset, data, folder


def _dagi() -> gpd.GeoDataFrame:
    frame = gpd.read_file(layers_dir() / NATIONAL_MUNICIPALITIES).to_crs(25832)
    frame["KOMKODE"] = frame["KOMKODE"].astype(str).str.zfill(4)
    return frame.dissolve("KOMKODE")


def _kg_n_by_hand() -> float:
    """Area × rate of the counting candidates, cut at the split line by hand."""
    total = 0.0
    for _, geom, status in CANDIDATES:
        if status == "rejected":
            continue
        x0, y0, x1, y1 = geom.bounds
        west = max(min(x1, SPLIT_X) - x0, 0.0) * (y1 - y0) / 1e4
        east = max(x1 - max(x0, SPLIT_X), 0.0) * (y1 - y0) / 1e4
        total += west * 12.0 + east * 30.0
    return total


def test_the_ledger_gives_each_municipality_and_the_kg_n(area) -> None:  # type: ignore[no-untyped-def]
    _, data, _ = area
    ledger = ledger_table(data, "da")
    rows = {label: (now, later) for label, now, later in ledger.rows}
    dagi = _dagi()
    protected = shapely.union_all(P3)
    counting = shapely.union_all([g for _, g, s in CANDIDATES if s != "rejected"])
    new = counting.difference(protected)
    for code, name in (("0851", "Aalborg"), ("0840", "Rebild"), ("0820", "Vesthimmerlands")):
        shape = dagi.loc[code].geometry
        now = protected.intersection(shape).area / shape.area
        later = now + new.intersection(shape).area / shape.area
        assert rows[f"{name} Kommune"] == (format_share(now, "da"), format_share(later, "da"))
    assert _kg_n_by_hand() == pytest.approx(1200 * 12 + 1200 * 30 + 800 * 12)
    assert data.nitrogen_kg == pytest.approx(_kg_n_by_hand(), rel=1e-9)
    assert rows["Kvælstofreduktion (kg N/år)"] == ("", format_number(_kg_n_by_hand(), 0, "da"))
    assert ledger.notes[0] == f"Planområde: {NAMES}."


def test_without_a_retention_layer_the_kg_n_is_empty_with_the_reason(tmp_path: Path) -> None:
    dataset = open_dataset(DatasetRequest(kommune=CODES, use_sample=False,
                                          layers=_files(tmp_path, retention=False)))
    data = load_plan_data(dataset, (Role.NATURE_P3,), _project(tmp_path / "plan.gpkg"))
    assert data.nitrogen_kg is None
    ledger = ledger_table(data, "da")
    assert ("Kvælstofreduktion (kg N/år)", "", "") in ledger.rows
    assert ("Kvælstofreduktionen er ikke målt: der er ikke indlæst et kvælstofretentionslag "
            "(rollen n_retention).") in ledger.notes


def test_the_print_map_names_them_all_and_draws_the_borders(area, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dataset, data, _ = area
    borders = [layer for layer in dataset.layers if layer.name == BORDERS_LAYER]
    assert len(borders) == 1
    frame = borders[0].frame
    assert list(frame["KOMKODE"]) == ["0851", "0840", "0820"]
    dagi = _dagi()
    for code, geom in zip(frame["KOMKODE"], frame.geometry, strict=True):
        assert geom.area == pytest.approx(dagi.loc[code].geometry.area, rel=1e-6)
    entries = ordered_layers([*dataset.layers, data.candidates_layer()], load_styles())
    border_entry = next(e for e in entries if e.layer.name == BORDERS_LAYER)
    assert border_entry.style.symbol.fill_opacity == 0 or border_entry.style.symbol.pattern \
        .value == "none"
    assert border_entry.style.symbol.line_width < load_styles()[Role.MUNICIPALITY] \
        .symbol.line_width  # thinner than the plan area's outline
    out = tmp_path / "kort.pdf"
    export_print(out, "pdf", find_preset(None), entries, data)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                          check=True).stdout
    flat = " ".join(text.split())
    assert f"Naturplan for {NAMES}" in flat
    assert f"Planområde: {NAMES}." in flat
    assert "Kommunegrænser i planområdet" in flat  # the borders' legend entry
    assert format_number(_kg_n_by_hand(), 0, "da") in flat


def test_the_web_map_and_the_table_name_them_all(area, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dataset, data, folder = area
    entries = ordered_layers([*dataset.layers, data.candidates_layer()], load_styles())
    out = tmp_path / "kort.html"
    export_webmap(out, entries, data, "da")
    html = out.read_text(encoding="utf-8")

    def js(words: str) -> str:  # as the page's script holds a text
        return json.dumps(words)[1:-1]

    assert f"Naturplan for {js(NAMES)}" in html
    assert js(f"Planområde: {NAMES}.") in html
    assert js("Kommunegrænser i planområdet") in html
    assert table_notes(data, "da").municipality == NAMES
    from cli_runner import run_cli

    xlsx = tmp_path / "kandidater.xlsx"
    layers = [a for r in _files(folder) for a in ("--layer", f"{r.role.value}={r.path}")]
    done = run_cli(["candidates", "export", "--project", str(folder / "plan.gpkg"),
                    "--out", str(xlsx), "--no-analysis", "--no-sample", "--kommune", CODES,
                    *layers])
    assert done.returncode == 0, done.stderr
    from openpyxl import load_workbook

    sheet = load_workbook(xlsx)["Om tabellen"]
    about = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row and row[0]}
    assert about["Kommune"] == NAMES


def test_a_catchment_is_named_with_its_municipalities(tmp_path: Path) -> None:
    drawn = tmp_path / "opland.gpkg"
    gpd.GeoDataFrame({"navn": ["Limfjorden"]}, geometry=[box(545_000, 6_300_000, 565_000,
                                                             6_320_000)],
                     crs=25832).to_file(drawn)
    dataset = open_dataset(DatasetRequest(area=LayerRequest(Role.MUNICIPALITY, drawn),
                                          use_sample=False, layers=_files(tmp_path)))
    assert plan_heading(dataset.municipality, "da") == "Naturplan for Limfjorden"
    data = load_plan_data(dataset, (Role.NATURE_P3,))
    assert table_notes(data, "da").municipality == "Limfjorden (Rebild og Aalborg Kommuner)"
    assert ledger_table(data, "da").notes[0] == (
        "Planområde: Limfjorden (Rebild og Aalborg Kommuner).")


def test_one_municipality_exports_as_before(tmp_path: Path) -> None:
    dataset = open_dataset(DatasetRequest(use_sample=False, layers=_files(tmp_path)))
    assert not any(layer.name == BORDERS_LAYER for layer in dataset.layers)
    data = load_plan_data(dataset, (Role.NATURE_P3,))
    assert data.by_municipality == () and data.nitrogen_kg is None
    layout = build_layout(find_preset(None), ordered_layers(dataset.layers, load_styles()),
                          data)
    assert layout.title == "Naturplan for Aalborg Kommune"
    ledger = ledger_table(data, "da")
    assert not any("Planområde" in note for note in ledger.notes)
    assert not any(label.endswith("Kommune") or "Kvælstof" in label
                   for label, _, _ in ledger.rows)  # no project: no plan to sum
    assert table_notes(data, "da").municipality == "Aalborg"


def test_the_atlas_title_names_them_all(area) -> None:  # type: ignore[no-untyped-def]
    from naturplan.export.atlas import atlas_title
    from naturplan.io.loading import load_municipality

    dataset, _, _ = area
    assert atlas_title(dataset.municipality, "da") == f"Kandidatområder, {NAMES}"
    assert atlas_title(dataset.municipality, "en") == (
        "Candidate areas, Aalborg, Rebild and Vesthimmerlands Municipalities")
    assert atlas_title(load_municipality(), "da") == "Kandidatområder, Aalborg Kommune"
