"""Across the municipal border (issue 25 item 3), through the command: a plan area of two
hand-made municipalities side by side. Its network is one landscape (a §3 area across the
border is one patch, not two halves), access counts nature on the other side, a candidate that
joins a patch in each municipality says so in ``candidates list --json`` and in the candidate
table, one that joins two patches of one municipality names only that one."""

from __future__ import annotations

import csv
import json

import geopandas as gpd
import pytest
import shapely
from cli_runner import run_cli
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate
from naturplan.io.project.gpkg_store import GeoPackageStore

X, Y = 550_000.0, 6_320_000.0  # in Aalborg's part of EPSG:25832; the border at X + 5000
WEST, EAST = box(X, Y, X + 5000, Y + 5000), box(X + 5000, Y, X + 10_000, Y + 5000)
P3 = {"A1": box(X + 4000, Y + 1000, X + 4900, Y + 1500),   # Aalborg, 100 m from the border
      "R1": box(X + 5100, Y + 1000, X + 6000, Y + 1500),   # Rebild, 100 m from the border
      "A2": box(X + 1000, Y + 3000, X + 1400, Y + 3400),   # Aalborg
      "A3": box(X + 1600, Y + 3000, X + 2000, Y + 3400),   # Aalborg, 200 m from A2
      "S": box(X + 4500, Y + 4000, X + 5500, Y + 4500)}    # across the border


@pytest.fixture(scope="module")
def border(tmp_path_factory):
    folder = tmp_path_factory.mktemp("border")
    gpd.GeoDataFrame({"KOMKODE": ["0851", "0840"], "KOMNAVN": ["Aalborg", "Rebild"]},
                     geometry=[WEST, EAST], crs=25832).to_file(folder / "kommuner.gpkg")
    gpd.GeoDataFrame({"Objekt_id": list(P3), "Natyp_kode": [1] * 5, "Natyp_navn": ["Eng"] * 5,
                      "Besig_dato": ["2024-01-01"] * 5}, geometry=list(P3.values()),
                     crs=25832).to_file(folder / "p3.gpkg")
    # two addresses in Aalborg: the first 800 m below A1 and 814 m from R1 (within 1 km),
    # the second within 300 m of both (219 m from A1, 228 m from R1 across the border)
    rows = ["vejnavn;husnr;etrs89koordinat_øst;etrs89koordinat_nord",
            f"Grænsevej;1;{X + 4950};{Y + 200}",
            f"Grænsevej;2;{X + 4990};{Y + 1700}"]
    (folder / "adresser.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    project = folder / "plan.gpkg"
    with GeoPackageStore(project, author="test") as store:
        bridge = store.insert(Candidate.new("connectivity",
                                            box(X + 4800, Y + 1100, X + 5200, Y + 1400), "Bro"))
        inside = store.insert(Candidate.new("connectivity",
                                            box(X + 1300, Y + 3100, X + 1700, Y + 3300),
                                            "Indenfor"))
    options = ["--no-sample", "--layer", f"municipality={folder / 'kommuner.gpkg'}",
               "--layer", f"nature_p3={folder / 'p3.gpkg'}"]
    return {"project": str(project), "options": options, "folder": folder,
            "ids": {"bridge": bridge.id, "inside": inside.id},
            "addresses": ["--layer", f"addresses={folder / 'adresser.csv'}"]}


def test_the_network_is_one_landscape_not_cut_at_the_border(border):
    result = run_cli(["stats", "--json", "--connectivity", "--project", border["project"],
                      *border["options"]])
    assert result.returncode == 0, result.stderr
    now = json.loads(result.stdout)["analysis"]["totals"]["connectivity"]["now"]
    landscape = shapely.union_all([WEST, EAST])
    patches = shapely.get_parts(shapely.intersection(shapely.union_all(list(P3.values())),
                                                     landscape))
    assert len(patches) == 5  # independent: S is one polygon across the border
    assert now["patches"] == len(patches)
    assert now["landscape_m2"] == pytest.approx(landscape.area)


def test_a_candidate_joining_patches_in_two_municipalities_says_so(border):
    result = run_cli(["candidates", "list", "--json", "--project", border["project"],
                      *border["options"]])
    assert result.returncode == 0, result.stderr
    rows = {r["name"]: r for r in json.loads(result.stdout)["candidates"]}
    bridge = rows["Bro"]["analysis"]["connectivity"]
    assert len(bridge["joins"]) == 2
    assert bridge["joins_municipalities"] == ["Aalborg", "Rebild"]
    inside = rows["Indenfor"]["analysis"]["connectivity"]
    assert len(inside["joins"]) == 2  # A2 and A3, both in Aalborg
    assert inside["joins_municipalities"] == ["Aalborg"]


def test_one_municipality_has_no_border_to_name(border, tmp_path):
    one = tmp_path / "aalborg.gpkg"
    gpd.GeoDataFrame({"KOMKODE": ["0851"], "KOMNAVN": ["Aalborg"]},
                     geometry=[shapely.union_all([WEST, EAST])], crs=25832).to_file(one)
    options = ["--no-sample", "--layer", f"municipality={one}",
               "--layer", f"nature_p3={border['folder'] / 'p3.gpkg'}"]
    result = run_cli(["candidates", "list", "--json", "--project", border["project"], *options])
    assert result.returncode == 0, result.stderr
    rows = {r["name"]: r for r in json.loads(result.stdout)["candidates"]}
    assert rows["Bro"]["analysis"]["connectivity"]["joins_municipalities"] is None


def test_the_candidate_table_names_the_municipalities(border, tmp_path):
    out = tmp_path / "kandidater.csv"
    result = run_cli(["candidates", "export", "--project", border["project"], "--out", str(out),
                      *border["options"]])
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8-sig") as f:
        rows = {r["Navn"]: r for r in csv.DictReader(f, delimiter=";")}
    assert rows["Bro"]["Forbinder natur i kommunerne"] == "Aalborg, Rebild"
    assert rows["Indenfor"]["Forbinder natur i kommunerne"] == "Aalborg"


def test_access_counts_nature_across_the_border(border):
    """Address 2 lies in Aalborg; nature on both sides is within 300 m. With only Rebild's
    §3 area loaded it is still reached: the other side's nature counts."""
    folder = border["folder"]
    rebild_only = folder / "p3_rebild.gpkg"
    gpd.GeoDataFrame({"Objekt_id": ["R1"], "Natyp_kode": [1], "Natyp_navn": ["Eng"],
                      "Besig_dato": ["2024-01-01"]}, geometry=[P3["R1"]],
                     crs=25832).to_file(rebild_only)
    options = ["--no-sample", "--layer", f"municipality={folder / 'kommuner.gpkg'}",
               "--layer", f"nature_p3={rebild_only}", *border["addresses"]]
    result = run_cli(["stats", "--json", "--access", *options])
    assert result.returncode == 0, result.stderr
    block = json.loads(result.stdout)["access"]
    address_2 = shapely.Point(X + 4990, Y + 1700)
    assert WEST.contains(address_2) and address_2.distance(P3["R1"]) < 300  # independent
    assert block["addresses"] == 2
    assert block["now"]["within_300_m"]["reached"] == 1.0
    assert block["now"]["within_1000_m"]["reached"] == 2.0


def test_the_web_map_popup_names_the_municipalities_only_when_there_are_any():
    from naturplan.core.layers.style import default_style
    from naturplan.export.model import candidates_layer
    from naturplan.export.tables.columns import CandidateRecord
    from naturplan.export.webmap.features import candidate_web_layer
    from naturplan.pagemodel.layers import ExportLayer

    bridge = Candidate.new("connectivity", box(X + 4800, Y + 1100, X + 5200, Y + 1400), "Bro")
    alone = Candidate.new("connectivity", box(X + 100, Y + 100, X + 200, Y + 200), "Alene")
    records = [CandidateRecord(bridge, measures={"joins_municipalities": "Aalborg, Rebild"}),
               CandidateRecord(alone, measures={"joins_municipalities": ""})]
    entry = ExportLayer(candidates_layer([bridge, alone], None), default_style("candidates"))
    web = candidate_web_layer(entry, records, 1.0, "da")
    props = [f["properties"] for f in json.loads(web.geojson)["features"]]
    assert props[0]["joins_municipalities"] == "Aalborg, Rebild"
    assert "joins_municipalities" not in props[1]  # joins none: no empty line in the popup
    fields = dict(json.loads(json.dumps(web.config))["fields"])
    assert fields["joins_municipalities"] == "Forbinder natur i kommunerne"
