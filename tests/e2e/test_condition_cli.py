"""The condition of §3 nature in ``stats --json --condition`` (issue 25 item 1): a hand-made
§3 layer with known classes, a target file with its source, and a candidate that lifts two
features."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
from cli_runner import run_cli
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate
from naturplan.io import paths
from naturplan.io.project.gpkg_store import GeoPackageStore

HA = 10_000.0


@pytest.fixture(scope="module")
def p3(tmp_path_factory):
    folder = tmp_path_factory.mktemp("condition")
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    x, y = round(p.x, -1), round(p.y, -1)
    # five 1-ha squares: I, II, III, IV and one never surveyed
    classes = ["I", "II", "III", "IV", None]
    gpd.GeoDataFrame({"Objekt_id": list("ABCDE"), "Natyp_kode": [1] * 5,
                      "Natyp_navn": ["Eng"] * 5, "Besig_dato": ["2024-01-01"] * 5,
                      "Naturtilstand": classes},
                     geometry=[box(x + 200 * k, y, x + 200 * k + 100, y + 100)
                               for k in range(5)], crs=25832).to_file(folder / "p3.gpkg")
    (folder / "mål.toml").write_text(
        '[[target]]\nkey = "test"\nname = "Testmål"\nshare = 0.6\nsource = "Håndlavet"\n',
        encoding="utf-8")
    project = folder / "plan.gpkg"
    with GeoPackageStore(project, author="test") as store:
        store.insert(Candidate.new("connectivity", box(x, y + 200, x + 100, y + 300),
                                   "Pleje", note="Rydning. løfter: C, E → II"))
    return {"options": ["--no-sample", "--layer", f"nature_p3={folder / 'p3.gpkg'}"],
            "targets": str(folder / "mål.toml"), "project": str(project)}


def test_stats_json_condition_by_group_and_against_the_target(p3):
    result = run_cli(["stats", "--json", "--condition", "--condition-targets", p3["targets"],
                      "--project", p3["project"], *p3["options"]])
    assert result.returncode == 0, result.stderr
    block = json.loads(result.stdout)["condition"]
    now = block["now"]
    assert now["area_m2"] == pytest.approx({"good": 2 * HA, "moderate": HA, "poor": HA,
                                            "not_assessed": HA})
    assert now["good_share"] == pytest.approx(0.4)
    assert now["gap_to_target_m2"] == pytest.approx(0.6 * 5 * HA - 2 * HA)
    assert block["targets"] == [{"key": "test", "name": "Testmål", "share": 0.6,
                                 "source": "Håndlavet", "year": None}]
    later = block["projected"]  # C (III) and E (none) lifted to II
    assert later["area_m2"]["good"] == pytest.approx(4 * HA)
    assert later["good_share"] == pytest.approx(0.8)
    assert later["gap_to_target_m2"] == 0.0


def test_without_the_flag_or_the_layer_there_is_no_number(p3):
    doc = json.loads(run_cli(["stats", "--json", *p3["options"]]).stdout)
    assert doc["condition"] is None and "--condition" in doc["condition_missing"]
    doc = json.loads(run_cli(["stats", "--json", "--condition", "--no-sample"]).stdout)
    assert doc["condition"] is None and "nature_p3" in doc["condition_missing"]


def test_a_broken_target_file_is_one_danish_line(p3, tmp_path):
    bad = tmp_path / "mål.toml"
    bad.write_text('[[target]]\nname = "x"\nshare = 2\nsource = "y"\n', encoding="utf-8")
    result = run_cli(["stats", "--json", "--condition", "--condition-targets", str(bad),
                      *p3["options"]])
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "en andel mellem 0 og 1" in result.stderr


def test_the_ledger_and_the_list_show_the_good_share_with_the_lifts(p3):
    from naturplan.core.layers.roles import Role
    from naturplan.export.ledger_table import ledger_table
    from naturplan.io.datasets import DatasetRequest, open_dataset
    from naturplan.io.loading import LayerRequest
    from naturplan.usecases.plan_data import load_plan_data

    path = p3["options"][-1].split("=", 1)[1]
    dataset = open_dataset(DatasetRequest(use_sample=False, layers=(
        LayerRequest(Role.NATURE_P3, Path(path)),)))
    rows = {label: (now, later) for label, now, later in
            ledger_table(load_plan_data(dataset, project=p3["project"]), "da").rows}
    assert rows["§3-natur i god tilstand"] == ("40,0 %", "80,0 %")
    result = run_cli(["candidates", "list", "--json", "--project", p3["project"],
                      *p3["options"]])
    assert result.returncode == 0, result.stderr
    [row] = json.loads(result.stdout)["candidates"]
    assert row["condition_lifts"] == {"C": "II", "E": "II"}
