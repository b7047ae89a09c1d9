"""Structured restoration lifts (issue 25 item 1): ``candidates restore ID --lift FEATURE=II``
stores per candidate the §3 features it lifts in the project (settings key ``restoration``,
audited); the projected good-condition share, the ledger and the list use them; bad ids and
classes are one Danish line with nothing written; a project whose notes name lifts the old way
(``løfter: ID → II``) still reads."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
from cli_runner import run_cli
from shapely.geometry import Polygon, box
from shapely.ops import unary_union

from naturplan.core.plan.candidates import Candidate
from naturplan.io import paths
from naturplan.io.project.gpkg_store import GeoPackageStore


@pytest.fixture()
def layer(tmp_path):
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    x, y = round(p.x, -1), round(p.y, -1)
    # features of different sizes and shapes; B (III) and D (IV) are the ones lifted
    shapes = {"A": box(x, y, x + 100, y + 100),                       # I
              "B": box(x + 200, y, x + 330, y + 70),                  # III
              "C": box(x + 400, y, x + 460, y + 100),                 # II
              "D": Polygon([(x + 600, y), (x + 750, y), (x + 600, y + 90)]),  # IV
              "E": box(x + 800, y, x + 850, y + 50)}                  # not assessed
    frame = gpd.GeoDataFrame({"Objekt_id": list(shapes), "Natyp_kode": [1] * 5,
                              "Natyp_navn": ["Eng"] * 5, "Besig_dato": ["2024-01-01"] * 5,
                              "Naturtilstand": ["I", "III", "II", "IV", None]},
                             geometry=list(shapes.values()), crs=25832)
    frame.to_file(tmp_path / "p3.gpkg")
    project = tmp_path / "plan.gpkg"
    with GeoPackageStore(project, author="test") as store:
        restore = store.insert(Candidate.new("connectivity", box(x, y + 200, x + 100, y + 300),
                                             "Pleje"))
    return {"options": ["--no-sample", "--layer", f"nature_p3={tmp_path / 'p3.gpkg'}"],
            "project": str(project), "shapes": shapes, "id": restore.id, "x": x, "y": y}


def _condition(layer) -> dict:
    result = run_cli(["stats", "--json", "--condition", "--project", layer["project"],
                      *layer["options"]])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["condition"]


def _restore(layer, *lifts: str, author: str = "planlægger"):
    args = [x for lift in lifts for x in ("--lift", lift)]
    return run_cli(["candidates", "restore", layer["id"][:8], *args, "--author", author,
                    "--project", layer["project"], *layer["options"]])


def test_lifting_two_features_to_ii_adds_exactly_their_area_to_good(layer):
    s = layer["shapes"]
    before = _condition(layer)
    assert before["projected"]["area_m2"]["good"] == pytest.approx(
        unary_union([s["A"], s["C"]]).area)
    result = _restore(layer, "B=II", "D=ii")
    assert result.returncode == 0, result.stderr
    assert "løfter 2 §3-objekter" in result.stdout
    block = _condition(layer)
    lifted = unary_union([s["B"], s["D"]]).area  # independent: plain shapely
    assert block["projected"]["area_m2"]["good"] - block["now"]["area_m2"]["good"] == (
        pytest.approx(lifted))
    total = unary_union(list(s.values())).area
    assert block["projected"]["good_share"] == pytest.approx(
        unary_union([s["A"], s["B"], s["C"], s["D"]]).area / total)
    with GeoPackageStore(Path(layer["project"]), create=False) as store:
        assert store.settings()["restoration"] == {layer["id"]: {"B": "II", "D": "II"}}
        row = store.audit()[-1]
    assert row.who == "planlægger" and "restoration" in row.details["keys"]
    listed = run_cli(["candidates", "list", "--json", "--project", layer["project"],
                      *layer["options"]])
    [candidate] = json.loads(listed.stdout)["candidates"]
    assert candidate["condition_lifts"] == {"B": "II", "D": "II"}


def test_the_ledger_uses_the_stored_lifts(layer):
    from naturplan.core.layers.roles import Role
    from naturplan.export.ledger_table import ledger_table
    from naturplan.io.datasets import DatasetRequest, open_dataset
    from naturplan.io.loading import LayerRequest
    from naturplan.text.numbers import format_percent
    from naturplan.usecases.plan_data import load_plan_data

    assert _restore(layer, "B=II", "D=I").returncode == 0
    s = layer["shapes"]
    path = layer["options"][-1].split("=", 1)[1]
    dataset = open_dataset(DatasetRequest(use_sample=False, layers=(
        LayerRequest(Role.NATURE_P3, Path(path)),)))
    rows = {label: (now, later) for label, now, later in
            ledger_table(load_plan_data(dataset, project=layer["project"]), "da").rows}
    total = unary_union(list(s.values())).area
    good_later = unary_union([s["A"], s["B"], s["C"], s["D"]]).area / total
    assert rows["§3-natur i god tilstand"][1] == format_percent(good_later, 1, "da")


@pytest.mark.parametrize(("lift", "danish"), [
    ("Z=II", "Intet §3-objekt med id Z i §3-laget; intet blev ændret."),
    ("B=VI", "Tilstandsklassen 'VI' for objekt B er ikke en af I, II, III, IV, V."),
    ("B=god", "Tilstandsklassen 'god' for objekt B er ikke en af I, II, III, IV, V."),
    ("B", "'B' er ikke OBJEKT_ID=KLASSE (fx 123456=II)."),
    ("'; DROP TABLE settings; --=II", "Intet §3-objekt med id '; DROP TABLE settings; --"),
])
def test_an_unknown_feature_or_a_class_outside_i_v_is_one_danish_line(layer, lift, danish):
    result = _restore(layer, "B=II", lift)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert danish in result.stderr and len(result.stderr.strip().splitlines()) == 1
    with GeoPackageStore(Path(layer["project"]), create=False) as store:
        assert "restoration" not in store.settings()


def test_an_unknown_candidate_is_one_danish_line(layer):
    result = run_cli(["candidates", "restore", "ffffffff", "--lift", "B=II",
                      "--project", layer["project"], *layer["options"]])
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Intet kandidatområde med id ffffffff" in result.stderr


def test_an_old_project_with_lifts_in_the_note_still_reads(layer):
    s = layer["shapes"]
    with GeoPackageStore(Path(layer["project"]), author="test", create=False) as store:
        from dataclasses import replace

        old = next(c for c in store.candidates() if c.id == layer["id"])
        store.update(replace(old, note="Rydning. løfter: B, E → II"), old.version)
    block = _condition(layer)  # read from the note: B and E lifted
    assert block["projected"]["area_m2"]["good"] - block["now"]["area_m2"]["good"] == (
        pytest.approx(unary_union([s["B"], s["E"]]).area))
    assert _restore(layer, "D=II").returncode == 0  # the stored record now wins
    block = _condition(layer)
    assert block["projected"]["area_m2"]["good"] - block["now"]["area_m2"]["good"] == (
        pytest.approx(s["D"].area))


def test_clear_stores_no_lifts_and_the_note_is_no_longer_read(layer):
    with GeoPackageStore(Path(layer["project"]), author="test", create=False) as store:
        from dataclasses import replace

        old = next(c for c in store.candidates() if c.id == layer["id"])
        store.update(replace(old, note="løfter: B → II"), old.version)
    result = run_cli(["candidates", "restore", layer["id"], "--clear",
                      "--project", layer["project"], *layer["options"]])
    assert result.returncode == 0, result.stderr
    block = _condition(layer)
    assert block["projected"]["area_m2"]["good"] == pytest.approx(block["now"]["area_m2"]["good"])
    both = run_cli(["candidates", "restore", layer["id"], "--clear", "--lift", "B=II",
                    "--project", layer["project"], *layer["options"]])
    assert both.returncode == 1 and "Angiv --lift OBJEKT_ID=KLASSE" in both.stderr
