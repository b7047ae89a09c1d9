"""MARS on the command line (issue 22, item 4): a MARS-shaped shapefile round-trips through
``candidates import --format mars`` and ``candidates export --format mars`` with geometry and
the mapped fields equal; the project list's hectares equal plain shapely sums; an unmeasured
number is an empty cell with its reason."""

from __future__ import annotations

import csv
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely
from cli_runner import run_cli
from shapely.geometry import MultiPolygon, box

X0, Y0 = 550_000.0, 6_320_000.0
MUNICIPALITY = box(X0, Y0, X0 + 5_000, Y0 + 5_000)
PROJECTS = [
    # id, name, type, phase, kommune, geometry
    ("MARS-101", "Klima-lavbund Vestmose", "Klima-lavbund", "Forundersøgelse", "0999",
     MultiPolygon([box(X0 + 100, Y0 + 100, X0 + 500, Y0 + 400),
                   box(X0 + 600, Y0 + 100, X0 + 700, Y0 + 200)])),
    ("MARS-102", "Skov ved Åen", "Skovrejsning", "Anlagt", "0999",
     box(X0 + 1000, Y0 + 1000, X0 + 1300, Y0 + 1200)),
    ("MARS-103", "Vådområde Syd", "Kvælstofvådområde", "Skitseprojekt", "0999",
     box(X0 + 2000, Y0 + 100, X0 + 2200, Y0 + 300)),
]


def _mars_file(path: Path, name_field: str = "navn") -> Path:
    frame = gpd.GeoDataFrame(
        {"projekt_id": [p[0] for p in PROJECTS], name_field: [p[1] for p in PROJECTS],
         "type": [p[2] for p in PROJECTS], "fase": [p[3] for p in PROJECTS],
         "kommune": [p[4] for p in PROJECTS],
         "areal_ha": [p[5].area / 10_000 for p in PROJECTS]},
        geometry=[p[5] for p in PROJECTS], crs=25832)
    frame.to_file(path, engine="pyogrio", encoding="UTF-8")
    return path


@pytest.fixture()
def data(tmp_path: Path) -> list[str]:
    muni = tmp_path / "kommune.gpkg"
    gpd.GeoDataFrame({"KOMKODE": ["0999"], "KOMNAVN": ["Testrup"]}, geometry=[MUNICIPALITY],
                     crs=25832).to_file(muni)
    lowland = tmp_path / "lavbund.gpkg"  # >12 % in the west half of the first project
    gpd.GeoDataFrame({"carbon_class": [">12", "6-12"]},
                     geometry=[box(X0, Y0, X0 + 300, Y0 + 5000),
                               box(X0 + 300, Y0, X0 + 450, Y0 + 5000)],
                     crs=25832).to_file(lowland)
    return ["--no-sample", "--layer", f"municipality={muni}", "--layer", f"lowland={lowland}"]


def test_a_mars_file_round_trips_with_geometry_and_fields(tmp_path: Path, data) -> None:  # type: ignore[no-untyped-def]
    source = _mars_file(tmp_path / "mars_eksport.shp")
    project = tmp_path / "plan.gpkg"
    done = run_cli(["candidates", "import", "--project", str(project), "--from", str(source),
                    "--format", "mars", *data])
    assert done.returncode == 0, done.stderr
    assert "Importerede 3 MARS-projekter." in done.stdout
    listed = run_cli(["candidates", "list", "--project", str(project), "--json",
                      "--no-analysis"])
    import json

    kinds = {c["name"]: (c["kind"], c["status"]) for c in json.loads(listed.stdout)["candidates"]}
    assert kinds == {"Klima-lavbund Vestmose": ("lowland", "proposed"),
                     "Skov ved Åen": ("afforestation", "adopted"),
                     "Vådområde Syd": ("lowland", "idea")}
    again = run_cli(["candidates", "import", "--project", str(project), "--from", str(source),
                     "--format", "mars", *data])
    assert "Importerede 0 MARS-projekter." in again.stdout and "MARS-101" in again.stdout
    out = tmp_path / "ud"
    out.mkdir()
    exported = run_cli(["candidates", "export", "--project", str(project), "--format", "mars",
                        "--out", str(out), *data])
    assert exported.returncode == 0, exported.stderr
    back = pyogrio.read_dataframe(out / "mars_projektomraader.shp")
    assert pyogrio.read_info(out / "mars_projektomraader.shp")["crs"] == "EPSG:25832"
    by_id = {row.projekt_id: row for row in back.itertuples()}
    assert set(by_id) == {p[0] for p in PROJECTS}
    for pid, name, mars_type, phase, kommune, geom in PROJECTS:
        row = by_id[pid]
        assert (row.navn, row.type, row.fase, row.kommune) == (name, mars_type, phase, kommune)
        assert shapely.equals_exact(shapely.normalize(row.geometry),
                                    shapely.normalize(geom), tolerance=1e-6)
        assert row.areal_ha == pytest.approx(geom.area / 10_000)
    # the project list: hectares against plain shapely, no N layer: empty, with the reason
    with open(out / "mars_projektliste.csv", encoding="utf-8", newline="") as handle:
        rows = {r["projekt_id"]: r for r in csv.DictReader(handle, delimiter=";")}
    first = PROJECTS[0][5]
    over12 = first.intersection(box(X0, Y0, X0 + 300, Y0 + 5000)).area / 10_000  # 8 ha
    mid = first.intersection(box(X0 + 300, Y0, X0 + 450, Y0 + 5000)).area / 10_000  # 4.5 ha
    assert rows["MARS-101"]["lavbund_ha_over12"] == f"{over12:.2f}".replace(".", ",")
    assert rows["MARS-101"]["lavbund_ha_6_12"] == f"{mid:.2f}".replace(".", ",")
    assert rows["MARS-101"]["lavbund_ha_under6"] == "0,00"
    assert rows["MARS-102"]["skov_ha"] == "6,00" and rows["MARS-101"]["skov_ha"] == "0,00"
    assert rows["MARS-101"]["areal_ha"] == f"{first.area / 10_000:.2f}".replace(".", ",")
    assert all(r["kvaelstof_kg_aar"] == "" for r in rows.values())
    assert "Kvælstof (kg N pr. år) er tom" in exported.stdout


def test_field_names_can_be_overridden_and_an_unknown_type_is_refused(
        tmp_path: Path, data) -> None:  # type: ignore[no-untyped-def]
    source = _mars_file(tmp_path / "mars.shp", name_field="PROJNAVN")
    project = tmp_path / "plan.gpkg"
    done = run_cli(["candidates", "import", "--project", str(project), "--from", str(source),
                    "--format", "mars", "--mars-field", "name=PROJNAVN", *data])
    assert done.returncode == 0, done.stderr
    listed = run_cli(["candidates", "list", "--project", str(project), "--json",
                      "--no-analysis"])
    assert "Skov ved Åen" in listed.stdout
    odd = gpd.read_file(source)
    odd.loc[0, "type"] = "Solceller"
    odd.to_file(tmp_path / "odd.shp")
    refused = run_cli(["candidates", "import", "--project", str(tmp_path / "p2.gpkg"),
                       "--from", str(tmp_path / "odd.shp"), "--format", "mars",
                       "--mars-field", "name=PROJNAVN", *data])
    assert refused.returncode == 1
    assert "Ukendt MARS-type 'Solceller'" in refused.stderr
    assert not (tmp_path / "p2.gpkg").exists()


def test_the_project_list_gives_nitrogen_with_a_retention_layer(tmp_path: Path, data) -> None:  # type: ignore[no-untyped-def]
    retention = tmp_path / "retention.gpkg"
    west, east = box(X0, Y0, X0 + 400, Y0 + 5000), box(X0 + 400, Y0, X0 + 5000, Y0 + 5000)
    gpd.GeoDataFrame({"rate_kg_n_ha": [15.0, 25.0]}, geometry=[west, east],
                     crs=25832).to_file(retention)
    source = _mars_file(tmp_path / "mars.shp")
    project = tmp_path / "plan.gpkg"
    more = [*data, "--layer", f"n_retention={retention}"]
    assert run_cli(["candidates", "import", "--project", str(project), "--from", str(source),
                    "--format", "mars", *more]).returncode == 0
    out = tmp_path / "ud"
    out.mkdir()
    done = run_cli(["candidates", "export", "--project", str(project), "--format", "mars",
                    "--out", str(out), *more])
    assert done.returncode == 0, done.stderr
    with open(out / "mars_projektliste.csv", encoding="utf-8", newline="") as handle:
        rows = {r["projekt_id"]: r for r in csv.DictReader(handle, delimiter=";")}
    for pid, *_rest, geom in PROJECTS:
        expected = (geom.intersection(west).area / 10_000 * 15.0
                    + geom.intersection(east).area / 10_000 * 25.0)
        assert rows[pid]["kvaelstof_kg_aar"] == f"{expected:.2f}".replace(".", ",")
    assert "Kvælstof" not in done.stdout
