"""Walking distance on the command line (issue 25): ``--access-distance network`` on
hand-made streets whose walking distances are measured by hand; without a roads layer one
Danish line and exit code 1."""

from __future__ import annotations

import json

import geopandas as gpd
import pytest
from cli_runner import run_cli
from shapely.geometry import LineString, box

from naturplan.core.plan.candidates import Candidate
from naturplan.io import paths
from naturplan.io.project.gpkg_store import GeoPackageStore

#: (dx, dy) of each address from the corner of a 100 m square of §3 nature at (x, y), with
#: its straight and walking distance (a spur from the square's top edge at x + 50 north to a
#: street at y + 190, which runs east to x + 400, split at x + 50 and x + 310, and a side street
#: south from (x + 310, y + 190) to y).
ADDRESSES = [((300, 50), 200, 500), ((50, 150), 50, 50), ((200, 200), 141.4, 250),
             ((120, 50), 20, 20), ((390, 50), 290, 570), ((1500, 50), 1400, None)]


@pytest.fixture(scope="module")
def streets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("walk")
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    x, y = round(p.x, -1), round(p.y, -1)
    gpd.GeoDataFrame({"Objekt_id": ["A"], "Natyp_kode": [1], "Natyp_navn": ["Eng"]},
                     geometry=[box(x, y, x + 100, y + 100)], crs=25832).to_file(
        folder / "p3.gpkg")
    rows = ["vejnavn;husnr;etrs89koordinat_øst;etrs89koordinat_nord"]
    rows += [f"Skovvej;{k + 1};{x + dx};{y + dy}" for k, ((dx, dy), _, _) in
             enumerate(ADDRESSES)]
    (folder / "adresser.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    lines = [[(50, 100), (50, 190)], [(0, 190), (50, 190)], [(50, 190), (310, 190)],
             [(310, 190), (400, 190)], [(310, 190), (310, 0)]]
    gpd.GeoDataFrame({"vejnavn": ["Sti", "Vej", "Vej", "Vej", "Sidevej"]},
                     geometry=[LineString([(x + a, y + b) for a, b in line]) for line in lines],
                     crs=25832).to_file(folder / "veje.gpkg")
    base = ["--no-sample", "--layer", f"nature_p3={folder / 'p3.gpkg'}",
            "--layer", f"addresses={folder / 'adresser.csv'}"]
    project = folder / "plan.gpkg"
    with GeoPackageStore(project, author="test") as store:
        # Across the side street 50 m north of the first address: it walks 10 + 50 m, the
        # fifth 80 + 50 m; today both walk more than 300 m.
        store.insert(Candidate.new("afforestation", box(x + 300, y + 100, x + 320, y + 120),
                                   "Ved sidevejen"))
    return base, ["--layer", f"roads={folder / 'veje.gpkg'}"], str(project)


def test_walking_counts_what_is_measured_by_hand_and_says_so(streets):
    base, roads, _ = streets
    walked = run_cli(["stats", "--json", "--access", "--access-distance", "network",
                      *base, *roads])
    assert walked.returncode == 0, walked.stderr
    block = json.loads(walked.stdout)["access"]
    assert block["distance"] == "network" and "walking" in block["definition"]
    for d, key in ((300, "within_300_m"), (1000, "within_1000_m")):
        expected = sum(1 for _, _, w in ADDRESSES if w is not None and w <= d)
        assert block["now"][key]["reached"] == expected
    straight = json.loads(run_cli(["stats", "--json", "--access", *base, *roads]).stdout)
    assert straight["access"]["distance"] == "straight"
    assert straight["access"]["now"]["within_300_m"]["reached"] == sum(
        1 for _, s, _ in ADDRESSES if s <= 300)  # the 200 m / 500 m address counts here


def test_walking_without_roads_is_one_danish_line(streets):
    base, _, _ = streets
    result = run_cli(["stats", "--json", "--access", "--access-distance", "network", *base])
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == ["naturplan: fejl: Gåafstand kræver et lag med veje (rollen roads); der er "
                     "ikke indlæst noget."]
    assert "Traceback" not in result.stderr


def test_candidates_list_says_what_a_candidate_brings_within_walking_reach(streets):
    base, roads, project = streets
    result = run_cli(["candidates", "list", "--json", "--project", project,
                      "--access-distance", "network", *base, *roads])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    [row] = doc["candidates"]
    assert row["access"]["within_300_m"]["addresses"] == 2  # the first and the fifth
    assert doc["access"]["distance"] == "network"
    straight = json.loads(run_cli(["candidates", "list", "--json", "--project", project,
                                   *base, *roads]).stdout)
    # In a straight line both were within 300 m already: nothing new.
    assert straight["candidates"][0]["access"]["within_300_m"]["addresses"] == 0
