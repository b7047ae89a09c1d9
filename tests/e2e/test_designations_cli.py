"""Today's designations on the command line (issue 22 item 2): ``candidates list --json`` and
``naturplan parcel`` (text and ``--json``) carry the retningslinjer and MARS projects an area
lies in, as an independent shapely cut gives them; without the layers the part is null with
the reason, never 0."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
from cli_runner import run_cli
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate
from naturplan.io import paths
from naturplan.io.project.gpkg_store import GeoPackageStore


@pytest.fixture(scope="module")
def plan(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("designations")
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    x, y = round(p.x, -1), round(p.y, -1)
    shapes = {
        "forest": box(x, y, x + 300, y + 200),            # 1112 V, 6 ha
        "lowland": box(x + 1000, y, x + 1400, y + 300),   # 1113 F, 12 ha
        "project": box(x + 1200, y + 100, x + 1600, y + 400),  # MARS klima-lavbund
        "afforest": box(x + 100, y + 50, x + 400, y + 150),    # candidate, 3 ha
        "wet": box(x + 1100, y + 200, x + 1300, y + 300),      # candidate, 2 ha
        "parcel": box(x + 1300, y + 200, x + 1500, y + 300),   # 2 ha
    }
    gpd.GeoDataFrame({"temakode": [1112, 1113], "status": ["V", "F"],
                      "plannavn": ["Skov Øst", "Lavbund Ådal"], "planid": [1, 2]},
                     geometry=[shapes["forest"], shapes["lowland"]],
                     crs=25832).to_file(folder / "retningslinjer.gpkg")
    gpd.GeoDataFrame({"projekt_id": ["M-7"], "navn": ["Ådalen"], "type": ["Klima-lavbund"],
                      "fase": ["Forundersøgelse"]}, geometry=[shapes["project"]],
                     crs=25832).to_file(folder / "mars.gpkg")
    gpd.GeoDataFrame({"ejerlavskode": [1234], "ejerlavsnavn": ["Testby"],
                      "matrikelnummer": ["1a"]}, geometry=[shapes["parcel"]],
                     crs=25832).to_file(folder / "parcels.gpkg")
    project = folder / "plan.gpkg"
    with GeoPackageStore(project, author="test") as store:
        store.insert(Candidate.new("afforestation", shapes["afforest"], "Skov"))
        store.insert(Candidate.new("lowland", shapes["wet"], "Eng"))
    base = ["--no-sample", "--layer", f"parcels={folder / 'parcels.gpkg'}"]
    layers = ["--layer", f"designations={folder / 'retningslinjer.gpkg'}",
              "--layer", f"mars_projects={folder / 'mars.gpkg'}"]
    return {"project": str(project), "base": base, "layers": layers, "shapes": shapes}


def _analysis(doc: dict, name: str) -> dict:  # type: ignore[type-arg]
    [row] = [c for c in doc["candidates"] if c["name"] == name]
    return row["analysis"]["designations"]


def test_the_list_carries_what_each_candidate_lies_in(plan) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(["candidates", "list", "--json", "--project", plan["project"],
                      *plan["base"], *plan["layers"]])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    s = plan["shapes"]
    forest = _analysis(doc, "Skov")
    inside = s["afforest"].intersection(s["forest"]).area  # 200 × 100 m = 2 ha by hand
    assert inside == pytest.approx(20_000.0)
    assert forest["plandata"] == [{"temakode": 1112, "status": "V", "plannavn": ["Skov Øst"],
                                   "area_m2": pytest.approx(inside),
                                   "share": pytest.approx(inside / s["afforest"].area)}]
    assert forest["mars"] == []
    wet = _analysis(doc, "Eng")
    low = s["wet"].intersection(s["lowland"]).area
    in_project = s["wet"].intersection(s["project"]).area  # 100 × 100 m = 1 ha by hand
    assert in_project == pytest.approx(10_000.0)
    assert [(h["temakode"], h["status"], h["area_m2"]) for h in wet["plandata"]] == [
        (1113, "F", pytest.approx(low))]
    assert wet["mars"] == [{"projekt_id": "M-7", "navn": "Ådalen", "type": "Klima-lavbund",
                            "fase": "Forundersøgelse", "area_m2": pytest.approx(in_project),
                            "share": pytest.approx(0.5)}]
    assert "plandata_missing" not in wet and "mars_missing" not in wet


def test_without_the_layers_the_list_says_why(plan) -> None:  # type: ignore[no-untyped-def]
    result = run_cli(["candidates", "list", "--json", "--project", plan["project"],
                      *plan["base"]])
    assert result.returncode == 0, result.stderr
    found = _analysis(json.loads(result.stdout), "Skov")
    assert found["plandata"] is None and "role designations" in found["plandata_missing"]
    assert found["mars"] is None and "role mars_projects" in found["mars_missing"]


def test_the_parcel_card_in_text_and_json(plan) -> None:  # type: ignore[no-untyped-def]
    s = plan["shapes"]
    args = ["parcel", "--ejerlav", "1234", "--matrikel", "1a", *plan["base"], *plan["layers"]]
    text = run_cli(args)
    assert text.returncode == 0, text.stderr
    # the parcel's left half is in the 1113 area and all of it in the project (by hand)
    assert "ligger i forslag til lavbundsareal (1113): 1,0 ha (50 %)" in text.stdout
    assert ("overlapper MARS-projekt Ådalen (klima-lavbund, forundersøgelse): 2,0 ha (100 %)"
            in text.stdout)
    doc = json.loads(run_cli([*args, "--json"]).stdout)["designations"]
    assert doc["plandata"][0]["area_m2"] == pytest.approx(
        s["parcel"].intersection(s["lowland"]).area)
    assert doc["mars"][0]["area_m2"] == pytest.approx(s["parcel"].intersection(s["project"]).area)
    bare = run_cli(["parcel", "--ejerlav", "1234", "--matrikel", "1a", *plan["base"]])
    assert bare.returncode == 0, bare.stderr
    assert "ikke kontrolleret: intet lag med MARS-projekter (rollen mars_projects)" in bare.stdout
    assert "ligger i" not in bare.stdout and "0,0 ha" not in bare.stdout
