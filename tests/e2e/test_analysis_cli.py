"""`candidates list --json`, `--sort firefighter` and `stats --project --json` with the
analysis numbers, on hand-made layers whose answers are computed by hand here."""

from __future__ import annotations

import json
import math

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from affine import Affine
from cli_runner import run_cli
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario
from naturplan.io import paths
from naturplan.io.project.gpkg_store import GeoPackageStore

HA = 10_000.0
ROTATION_HIGH = 42.17 + 3.87 - 6.8


def _run(args):
    return run_cli(args)


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    """Two §3 hectares 500 m apart, a lowland polygon, a flood block, and three candidates:
    a lowland area half on >12 % soil (its east half flooded 1 m deep), a corridor joining the
    hectares and a forest overlapping one hectare by 0.5 ha."""
    folder = tmp_path_factory.mktemp("analysis")
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    x, y = round(p.x, -1), round(p.y, -1)
    crs = 25832
    gpd.GeoDataFrame({"Objekt_id": ["A", "B"], "Natyp_kode": [1, 1],
                      "Natyp_navn": ["Eng", "Eng"], "Besig_dato": ["2024-01-01"] * 2},
                     geometry=[box(x, y, x + 100, y + 100), box(x + 600, y, x + 700, y + 100)],
                     crs=crs).to_file(folder / "p3.gpkg")
    gpd.GeoDataFrame({"carbon_class": [">12"], "land_use": ["rotation"]},
                     geometry=[box(x - 200, y + 2000, x + 500, y + 3000)],
                     crs=crs).to_file(folder / "lowland.gpkg")
    gpd.GeoDataFrame({"Site_ident": ["X"], "Objektnavn": ["Fjernt"], "kind": ["habitat"]},
                     geometry=[box(x + 20_000, y + 20_000, x + 20_100, y + 20_100)],
                     crs=crs).to_file(folder / "n2000.gpkg")
    depth = np.zeros((300, 300), dtype="float32")  # 10 m cells from (x - 1000, y + 3500)
    depth[100:150, 150:200] = 1.0  # x + 500 .. x + 1000, y + 2000 .. y + 2500
    with rasterio.open(folder / "flood.tif", "w", driver="GTiff", width=300, height=300,
                       count=1, dtype="float32", crs="EPSG:25832", nodata=-9999,
                       transform=Affine(10, 0, x - 1000, 0, -10, y + 3500)) as dst:
        dst.write(depth, 1)
    layers = [f"nature_p3={folder / 'p3.gpkg'}", f"lowland={folder / 'lowland.gpkg'}",
              f"natura2000={folder / 'n2000.gpkg'}", f"flood={folder / 'flood.tif'}"]
    options = [a for layer in layers for a in ("--layer", layer)] + ["--no-sample"]
    project = folder / "plan.gpkg"
    with GeoPackageStore(project, author="test") as store:
        low = store.insert(Candidate.new("lowland", box(x, y + 2000, x + 1000, y + 2500), "L"))
        corridor = store.insert(Candidate.new("connectivity", box(x + 100, y + 40, x + 600,
                                                                   y + 60), "K"))
        forest = store.insert(Candidate.new("afforestation", box(x - 150, y, x + 50, y + 100),
                                            "F"))
        store.insert_scenario(Scenario.new("Forslag A", [low.id, corridor.id]))
    return {"project": str(project), "options": options,
            "ids": {"L": low.id, "K": corridor.id, "F": forest.id}}


def test_candidates_list_json_has_each_candidates_numbers(plan):
    result = _run(["candidates", "list", "--project", plan["project"], "--json",
                   *plan["options"]])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    rows = {r["name"]: r["analysis"] for r in doc["candidates"]}
    low, corridor, forest = rows["L"], rows["K"], rows["F"]
    assert low["co2e_reduction_t_per_year"] == pytest.approx(25 * ROTATION_HIGH)
    criteria = {c["criterion"]: c for c in low["klima_lavbund"]["criteria"]}
    assert criteria["min_area"]["value"] == pytest.approx(50.0) and criteria["min_area"]["passed"]
    assert criteria["organic_share"]["value"] == pytest.approx(0.5)
    assert not criteria["organic_share"]["passed"]
    assert criteria["reduction_per_ha"]["value"] == pytest.approx(25 * ROTATION_HIGH / 50)
    assert low["klima_lavbund"]["eligible"] is False
    assert low["flood"]["wet_m2"] == pytest.approx(25 * HA)
    assert low["flood"]["share"] == pytest.approx(0.5)
    assert low["flood"]["max_depth_m"] == pytest.approx(1.0)
    # The corridor joins the two hectares: ECA from √3 ha to 3 ha.
    assert corridor["connectivity"]["eca_after_m2"] == pytest.approx(3 * HA)
    assert corridor["connectivity"]["delta_eca_m2"] == pytest.approx((3 - math.sqrt(3)) * HA)
    assert corridor["connectivity"]["delta_pc_percent"] == pytest.approx(200.0)
    assert sorted(i for j in corridor["connectivity"]["joins"] for i in j["ids"]) == ["A", "B"]
    assert forest["sequestration_t_per_year"] == pytest.approx(20.0)
    assert forest["conflicts"] == [{"kind": "nature_p3", "area_m2": pytest.approx(5000.0),
                                    "details": ["Eng"]}]
    assert [low["firefighter"]["tag"], forest["firefighter"]["tag"],
            corridor["firefighter"]["tag"]] == ["restores", "creates", "creates"]
    ids = plan["ids"]
    assert doc["firefighter_order"] == [ids["L"], ids["F"], ids["K"]]
    totals = doc["totals"]
    assert totals["co2e_reduction_t_per_year"] == pytest.approx(25 * ROTATION_HIGH)
    assert totals["sequestration_t_per_year"] == pytest.approx(20.0)
    assert totals["conflicts_m2"]["nature_p3"] == pytest.approx(5000.0)
    now, projected = totals["connectivity"]["now"], totals["connectivity"]["projected"]
    assert now["eca_m2"] == pytest.approx(math.sqrt(3) * HA)
    # Projected: A, B, the corridor and the forest are one patch of 4.5 ha; L (50 ha) is
    # 1.9 km away, beyond the 1 km links.
    assert projected["eca_m2"] == pytest.approx(math.sqrt(4.5**2 + 50**2) * HA)
    assert projected["patches"] == 2
    [scenario] = doc["scenarios"]
    assert scenario["name"] == "Forslag A" and scenario["candidate_ids"] == [ids["L"], ids["K"]]
    assert scenario["eca_m2"] == pytest.approx(math.sqrt(3**2 + 50**2) * HA)
    assert scenario["co2e_reduction_t_per_year"] == pytest.approx(25 * ROTATION_HIGH)
    assert doc["provenance"]["table"] == "co2e_v1" and "SEGES" in doc["provenance"]["source"]
    assert [t["type"] for t in doc["nature_at_risk"]] == ["Eng"]


def test_list_sorted_by_the_firefighters_rule(plan):
    result = _run(["candidates", "list", "--project", plan["project"], "--sort",
                   "firefighter", *plan["options"]])
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Brandmandens lov" in lines[0]
    assert [line.split()[1] for line in lines[1:4]] == ["L", "F", "K"]  # id, then name
    assert "genopretter" in lines[1] and "skaber ny natur" in lines[2]


def test_stats_project_json_adds_the_totals(plan):
    result = _run(["stats", "--project", plan["project"], "--json", *plan["options"]])
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout)["analysis"]
    totals = analysis["totals"]
    assert totals["co2e_reduction_t_per_year"] == pytest.approx(25 * ROTATION_HIGH)
    assert totals["sequestration_t_per_year"] == pytest.approx(20.0)
    assert totals["conflicts_m2"]["nature_p3"] == pytest.approx(5000.0)
    assert totals["flood_m2"] == pytest.approx(25 * HA)  # L's east half; K and F are dry
    # The network is left to candidates list --json unless asked for, and the JSON says so.
    assert totals["connectivity"] is None
    assert "--connectivity" in totals["connectivity_skipped"]
    [scenario] = analysis["scenarios"]
    assert scenario["name"] == "Forslag A" and scenario["eca_m2"] is None
    assert scenario["flood_m2"] == pytest.approx(25 * HA)
    assert analysis["nature_at_risk"] == [{"type": "Eng", "area_m2": pytest.approx(2 * HA),
                                           "wet_m2": 0.0, "wet_share": 0.0,
                                           "mean_depth_m": None}]


def test_stats_connectivity_measures_the_network(plan):
    result = _run(["stats", "--project", plan["project"], "--json", "--connectivity",
                   *plan["options"]])
    assert result.returncode == 0, result.stderr
    analysis = json.loads(result.stdout)["analysis"]
    connectivity = analysis["totals"]["connectivity"]
    assert "connectivity_skipped" not in analysis["totals"]
    assert connectivity["now"]["eca_m2"] == pytest.approx(math.sqrt(3) * HA)
    assert connectivity["projected"]["eca_m2"] == pytest.approx(math.sqrt(4.5**2 + 50**2) * HA)
    assert analysis["scenarios"][0]["eca_m2"] == pytest.approx(math.sqrt(3**2 + 50**2) * HA)


def test_stats_project_reads_the_raster_once_and_no_parcels(plan, sample_env, monkeypatch,
                                                             capsys):
    """The flood raster is read from its file once per run (not once per candidate and
    total), and only the layers the totals need are read, without their tables (the
    sample's parcels and addresses are not read at all)."""
    import naturplan.io.datasets as datasets
    import naturplan.io.loading as loading
    import naturplan.io.raster as raster
    from naturplan.cli import main

    reads, polygons, tables = [], [], []
    read_grid, read_polygons = raster.read_grid, loading.read_polygons

    def counting_read(layer, bounds=None):
        reads.append(bounds)
        return read_grid(layer, bounds)

    def recording_polygons(request, *args, **kwargs):
        polygons.append(request.role.value)
        return read_polygons(request, *args, **kwargs)

    monkeypatch.setattr(raster, "read_grid", counting_read)
    monkeypatch.setattr(loading, "read_polygons", recording_polygons)  # the analysis' reads
    monkeypatch.setattr(datasets, "load_layer", lambda *a, **k: tables.append(a) or None)
    options = [a for a in plan["options"] if a != "--no-sample"]
    assert main(["stats", "--project", plan["project"], "--json", *options]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert reads == [None]
    assert "parcels" in {layer["role"] for layer in doc["layers"]}  # in the data, not read
    assert sorted(set(polygons) - {"municipality"}) == [
        "forest_zones", "lowland", "natura2000", "nature_p3"]
    assert len(polygons) == len(set(polygons)) + 1  # each once (the boundary: stats', ours)
    assert tables == []  # no layer loaded whole (no attribute tables, no pandas)
    assert doc["analysis"]["totals"]["co2e_reduction_t_per_year"] == pytest.approx(
        25 * ROTATION_HIGH)
    assert doc["analysis"]["synthetic_roles"] == ["forest_zones"]  # the sample's, used


def test_a_changed_factor_table_shows_in_the_json(plan, tmp_path):
    """A project that recorded the table with another SHA-256 (the file changed since) says
    so next to the numbers; the recorded reference is given as it was stored."""
    import shutil

    from naturplan.io.factors import load_factor_table

    project = tmp_path / "plan.gpkg"
    shutil.copy(plan["project"], project)
    recorded = {**load_factor_table("co2e_v1").reference(), "sha256": "0" * 64}
    with GeoPackageStore(project, author="test") as store:
        store.set_settings({"analysis": {"factors": "co2e_v1", "recorded": recorded}})
    result = _run(["stats", "--project", str(project), "--json", *plan["options"]])
    assert result.returncode == 0, result.stderr
    provenance = json.loads(result.stdout)["analysis"]["provenance"]
    assert provenance["changed_since_recorded"] is True
    assert provenance["recorded"]["sha256"] == "0" * 64 != provenance["sha256"]
    result = _run(["stats", "--project", plan["project"], "--json", *plan["options"]])
    assert json.loads(result.stdout)["analysis"]["provenance"]["changed_since_recorded"] is False
