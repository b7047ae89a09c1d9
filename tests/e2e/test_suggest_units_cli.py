"""`naturplan suggest` on the small sample, third round of issue 23: 1-ha grid units, the N
effect per suggested area, the light read of the command against the loaded dataset, the
Danish kind names in errors. Checked with plain shapely."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import shapely

from naturplan.cli import main
from naturplan.core.layers.roles import Role
from naturplan.io.project.open import open_plan, open_store


@pytest.fixture(scope="module")
def sample(sample_env):
    from naturplan.io.datasets import DatasetRequest, open_dataset

    return open_dataset(DatasetRequest(sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"])))


@pytest.fixture
def project(tmp_path: Path, sample_env) -> Path:
    path = tmp_path / "plan.gpkg"
    store, _ = open_plan(path, "tester")
    store.close()
    return path


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["suggest", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _stored(path: Path):
    with open_store(path, readonly=True) as store:
        return store.candidates(), store.scenarios()


def _geoms(sample, role: Role) -> np.ndarray:
    return np.concatenate([layer.frame.geometry.to_numpy() for layer in sample.vector(role)])


def test_grid_units_reach_the_target_outside_existing_nature(sample, project, capsys):
    code, out, err = _run(capsys, "--project", str(project), "--target", "0.17",
                          "--units", "grid", "--scenario", "Net", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["unit_kind"] == "grid"
    candidates, scenarios = _stored(project)
    assert set(scenarios[0].candidate_ids) == {c.id for c in candidates}
    municipality = sample.municipality.geometry
    nature = shapely.union_all(_geoms(sample, Role.NATURE_P3))
    plan = shapely.union_all([c.geometry for c in candidates])
    share = shapely.area(shapely.intersection(shapely.union(nature, plan), municipality)) \
        / shapely.area(municipality)
    assert 0.17 <= share < 0.171
    assert shapely.area(shapely.difference(plan, municipality)) < 1.0
    assert shapely.area(shapely.intersection(plan, nature)) < 1.0
    # each area is made of whole 1-ha cells (cut only by the municipality and §3): its new
    # area is the plan's, and the cells are counted in its why
    assert sum(a["new_m2"] for a in doc["areas"]) == pytest.approx(shapely.area(plan), rel=1e-6)
    assert all("1-ha-celler" in c.note for c in candidates)
    assert "Valgte 1-ha-celler:" not in out  # JSON, not the text


def test_grid_units_and_a_cost_field_is_one_danish_line(project, capsys):
    code, out, err = _run(capsys, "--project", str(project), "--target", "0.17",
                          "--units", "grid", "--cost", "parcels.registreretAreal",
                          "--scenario", "X")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "1-ha-cellerne" in err
    assert _stored(project) == ([], [])


def test_each_area_says_its_n_effect_over_the_retention_layer(sample, project, capsys):
    code, out, err = _run(capsys, "--project", str(project), "--target", "0.17",
                          "--scenario", "N", "--json")
    assert code == 0, err
    doc = json.loads(out)
    layer = sample.vector(Role.N_RETENTION)[0].frame
    polygons = layer.geometry.to_numpy()
    rates = layer["rate_kg_n_ha"].to_numpy(dtype=float)
    by_id = {c.id: c for c in _stored(project)[0]}
    assert doc["areas"]
    for area in doc["areas"]:
        geom = by_id[area["id"]].geometry
        expected = float(np.nansum(shapely.area(shapely.intersection(geom, polygons))
                                   / 10_000 * rates))
        assert area["nitrogen_kg_per_year"] == pytest.approx(expected, rel=1e-6, abs=1e-6)
        assert area["nitrogen_reason"] is None
        assert "Kvælstofreduktion" in by_id[area["id"]].note


def test_without_a_retention_layer_the_n_effect_is_empty_with_the_reason(sample_env):
    from naturplan.io.datasets import DatasetRequest
    from naturplan.usecases.suggest import SuggestRequest, find_suggestion
    from naturplan.usecases.suggest_data import read_inputs

    request = DatasetRequest(sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"]))
    inputs = read_inputs(request)
    assert inputs.layers.n_retention is not None
    inputs = replace(inputs, layers=replace(inputs.layers, n_retention=None))
    found = find_suggestion(inputs, SuggestRequest(None, 0.17, "S"), [], {}, [])
    assert found.report.areas
    for area in found.report.areas:
        assert area["nitrogen_kg_per_year"] is None and area["nitrogen_reason"] == "n_retention"
    assert all("Kvælstofreduktion ikke målt" in c.note for c in found.candidates)


def test_the_light_read_finds_the_plan_the_loaded_dataset_finds(sample, sample_env):
    from naturplan.io.datasets import DatasetRequest
    from naturplan.usecases.suggest import SuggestRequest, find_suggestion
    from naturplan.usecases.suggest_data import read_inputs

    request = DatasetRequest(sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"]))
    ask = SuggestRequest(None, 0.17, "S", cost="parcels.registreretAreal")
    light = find_suggestion(read_inputs(request, cost=ask.cost), ask, [], {}, []).report
    loaded = find_suggestion(sample, ask, [], {}, []).report
    assert light.units == loaded.units and light.excluded == loaded.excluded
    assert light.share_before == pytest.approx(loaded.share_before, abs=1e-12)
    assert light.cost == pytest.approx(loaded.cost, rel=1e-12)
    assert light.chosen_m2 == pytest.approx(loaded.chosen_m2, rel=1e-12)


def test_a_municipality_without_parcels_plans_on_grid_cells(project, capsys, sample_env):
    gpkg = next(Path(sample_env["NATURPLAN_SAMPLE_DIR"]).rglob("aalborg_sample.gpkg"))
    data = ["--no-sample", "--kommune", "0851",
            "--layer", f"nature_p3={gpkg}:beskyttede_naturtyper"]
    code, out, err = _run(capsys, "--project", str(project), *data, "--target", "0.17",
                          "--scenario", "Matrikler")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "kræver et matrikellag" in err and "1-ha-celler" in err
    assert _stored(project) == ([], [])
    code, out, err = _run(capsys, "--project", str(project), *data, "--target", "0.17",
                          "--units", "grid", "--scenario", "Net", "--json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["unit_kind"] == "grid" and doc["share_after"] >= 0.17
    assert len(_stored(project)[0]) == len(doc["candidates"]) > 0
