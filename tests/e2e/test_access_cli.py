"""Access to nature near home in ``stats --json`` and ``candidates list --json`` (issue 25
item 2): ten hand-made addresses at known distances from a square of §3 nature."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
from cli_runner import run_cli
from shapely.geometry import box

from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario
from naturplan.io import paths
from naturplan.io.project.gpkg_store import GeoPackageStore

NEW_300, NEW_1000 = ("Nye adresser med natur inden for 300 m",
                     "Nye adresser med natur inden for 1 km")  # the table's Danish headers
DISTANCES = (0.0, 100.0, 200.0, 299.0, 300.0, 301.0, 500.0, 999.0, 1000.0, 1500.0)


@pytest.fixture(scope="module")
def access(tmp_path_factory):
    folder = tmp_path_factory.mktemp("access")
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    x, y = round(p.x, -1), round(p.y, -1)
    gpd.GeoDataFrame({"Objekt_id": ["A"], "Natyp_kode": [1], "Natyp_navn": ["Eng"],
                      "Besig_dato": ["2024-01-01"]}, geometry=[box(x, y, x + 100, y + 100)],
                     crs=25832).to_file(folder / "p3.gpkg")
    rows = ["vejnavn;husnr;etrs89koordinat_øst;etrs89koordinat_nord",
            f"Skovvej;1;{x + 50};{y + 50}"]
    rows += [f"Skovvej;{k + 2};{x + 100 + d};{y + 50}" for k, d in enumerate(DISTANCES[1:])]
    (folder / "adresser.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    project = folder / "plan.gpkg"
    with GeoPackageStore(project, author="test") as store:
        four = store.insert(Candidate.new("afforestation", box(x + 600, y, x + 900, y + 100),
                                          "Fire"))
        none = store.insert(Candidate.new("lowland", box(x, y + 150, x + 100, y + 200),
                                          "Ingen"))
        store.insert_scenario(Scenario.new("Kun Ingen", [none.id]))
        store.insert_scenario(Scenario.new("Begge", [four.id, none.id]))
    p3 = ["--no-sample", "--layer", f"nature_p3={folder / 'p3.gpkg'}"]
    return {"project": str(project), "p3": p3,
            "with": [*p3, "--layer", f"addresses={folder / 'adresser.csv'}"],
            "ids": {"four": four.id, "none": none.id}}


def test_stats_json_counts_the_addresses_within_300_m_and_1_km(access):
    result = run_cli(["stats", "--json", "--access", *access["with"]])
    assert result.returncode == 0, result.stderr
    block = json.loads(result.stdout)["access"]
    assert block["addresses"] == 10 and block["counted_in"] == "addresses"
    assert block["now"]["within_300_m"] == {"reached": 5.0, "share": 0.5}
    assert block["now"]["within_1000_m"] == {"reached": 9.0, "share": 0.9}


def test_stats_json_without_addresses_is_no_number_with_a_reason(access):
    result = run_cli(["stats", "--json", "--access", *access["p3"]])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["access"] is None and "addresses layer" in doc["access_missing"]
    result = run_cli(["stats", "--json", *access["with"]])  # not asked: not read, said why
    doc = json.loads(result.stdout)
    assert doc["access"] is None and "--access" in doc["access_missing"]


def test_candidates_list_json_says_plus_four(access):
    result = run_cli(["candidates", "list", "--project", access["project"], "--json",
                      *access["with"]])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    rows = {r["name"]: r["access"] for r in doc["candidates"]}
    assert rows["Fire"]["within_300_m"]["addresses"] == 4
    assert rows["Fire"]["within_1000_m"]["addresses"] == 1  # the 1,500-m one, now 700 m
    assert rows["Ingen"]["within_300_m"]["addresses"] == 0  # all near ones already reached
    assert doc["access"]["projected"]["within_300_m"]["reached"] == 9.0
    assert doc["access"]["projected"]["within_1000_m"]["reached"] == 10.0
    scenarios = {s["name"]: s["access"] for s in doc["scenarios"]}
    assert scenarios["Kun Ingen"]["within_300_m"] == {"reached": 5.0, "share": 0.5}
    assert scenarios["Begge"]["within_300_m"] == {"reached": 9.0, "share": 0.9}


def test_candidates_list_json_without_addresses_says_why(access):
    result = run_cli(["candidates", "list", "--project", access["project"], "--json",
                      *access["p3"]])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["access"] is None
    assert all("addresses" in r["access"]["missing"] for r in doc["candidates"])
    assert all(s["access"] is None and "addresses" in s["access_missing"]
               for s in doc["scenarios"])


def test_the_candidate_table_carries_the_new_addresses(access, tmp_path, capsys):
    from naturplan.cli import main

    out = tmp_path / "kandidater.csv"
    assert main(["candidates", "export", "--project", access["project"], "--out", str(out),
                 *access["with"]]) == 0
    import csv

    with out.open(encoding="utf-8-sig") as f:
        rows = {r["Navn"]: r for r in csv.DictReader(f, delimiter=";")}
    assert rows["Fire"][NEW_300] == "4"
    assert rows["Fire"][NEW_1000] == "1"
    assert rows["Ingen"][NEW_300] == "0"  # measured: none new
    capsys.readouterr()
    bare = tmp_path / "uden.csv"
    assert main(["candidates", "export", "--project", access["project"], "--out", str(bare),
                 *access["p3"]]) == 0
    with bare.open(encoding="utf-8-sig") as f:
        rows = {r["Navn"]: r for r in csv.DictReader(f, delimiter=";")}
    assert rows["Fire"][NEW_300] == ""  # not measured: empty, never 0
    assert "Intet adresselag" in capsys.readouterr().out


def _dataset(access, with_addresses: bool):
    from naturplan.io.datasets import DatasetRequest, open_dataset
    from naturplan.io.loading import LayerRequest

    options = access["with"] if with_addresses else access["p3"]
    layers = tuple(LayerRequest(Role(v.split("=")[0]), Path(v.split("=", 1)[1]))
                   for k, v in zip(options, options[1:], strict=False) if k == "--layer")
    return open_dataset(DatasetRequest(use_sample=False, layers=layers))


def test_the_councils_ledger_has_the_shares_now_and_with_the_candidates(access):
    from naturplan.export.ledger_table import ledger_table
    from naturplan.usecases.plan_data import load_plan_data

    data = load_plan_data(_dataset(access, True), project=access["project"])
    rows = {label: (now, later) for label, now, later in ledger_table(data, "da").rows}
    assert rows["Adresser med natur inden for 300 m"] == ("50,0 %", "90,0 %")
    assert rows["Adresser med natur inden for 1 km"] == ("90,0 %", "100,0 %")
    bare = ledger_table(load_plan_data(_dataset(access, False), project=access["project"]))
    rows = {label: (now, later) for label, now, later in bare.rows}
    assert rows["Adresser med natur inden for 300 m"] == ("", "")  # never 0
    assert any("ikke indlæst et adresselag" in note for note in bare.notes)


def test_residents_are_counted_when_the_addresses_carry_a_count(access, tmp_path):
    """The same ten addresses with 1..10 residents in a field of another name, mapped."""
    source = next(v.split("=", 1)[1] for v in access["with"] if v.startswith("addresses="))
    lines = Path(source).read_text(encoding="utf-8").splitlines()
    rows = [lines[0] + ";antal"] + [f"{line};{k + 1}" for k, line in enumerate(lines[1:])]
    counted = tmp_path / "beboere.csv"
    counted.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = run_cli(["stats", "--json", "--access", *access["p3"], "--layer",
                      f"addresses={counted}", "--field", "addresses.beboere=antal"])
    assert result.returncode == 0, result.stderr
    block = json.loads(result.stdout)["access"]
    assert block["counted_in"] == "residents" and block["total"] == 55.0
    assert block["now"]["within_300_m"]["reached"] == 1 + 2 + 3 + 4 + 5


def test_the_accessible_roles_are_a_setting(access):
    """Without §3 among the accessible roles nothing is near (a role without a layer)."""
    result = run_cli(["stats", "--json", "--access", "--access-roles", "forest_zones",
                      *access["with"]])
    assert result.returncode == 0, result.stderr
    block = json.loads(result.stdout)["access"]
    assert block["roles"] == ["forest_zones"] and block["nature_features"] == 0
    assert block["now"]["within_1000_m"]["reached"] == 0.0  # measured: no nature loaded,
    assert "no layer of the accessible roles" in block["warning"]  # and said
    bad = run_cli(["stats", "--json", "--access", "--access-roles", "skov", *access["with"]])
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
