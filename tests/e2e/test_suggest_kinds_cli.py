"""`naturplan suggest --target-ha KIND=HA` on the small sample (issue 23 §2, targets by kind):
each kind's stored areas hold at least its hectares (measured with plain shapely); a kind
out of reach says per kind how many ha can be reached, and writes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import shapely

from naturplan.cli import main
from naturplan.io.project.open import open_plan, open_store


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


def test_hectares_by_kind_are_reached_per_kind(project, capsys):
    code, out, err = _run(capsys, "--project", str(project), "--target-ha", "lowland=20",
                          "--target-ha", "afforestation=10", "--scenario", "Arter", "--json")
    assert code == 0, err
    doc = json.loads(out)
    candidates, scenarios = _stored(project)
    assert [s.name for s in scenarios] == ["Arter"]
    assert "Udtagning af lavbundsjord 20 ha" in scenarios[0].description
    for kind, ha in (("lowland", 20), ("afforestation", 10)):
        area = shapely.area(shapely.union_all([c.geometry for c in candidates
                                               if c.kind.value == kind]))
        assert area >= ha * 10_000 - 1e-6
        assert doc["kinds"][kind]["chosen_m2"] == pytest.approx(area, rel=1e-6)
    assert doc["solver"]["objective"] <= doc["greedy"]["objective"] + 1e-9


def test_a_kind_out_of_reach_says_how_many_hectares_each_kind_can_reach(project, capsys):
    code, out, err = _run(capsys, "--project", str(project), "--target-ha",
                          "lowland=1000000", "--target-ha", "afforestation=5",
                          "--scenario", "For meget")
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    # the kind by its Danish label (text/labels), not the command line's name
    assert len(lines) == 1 and "Udtagning af lavbundsjord: 1.000.000 >" in lines[0]
    assert "lowland" not in lines[0] and "Skovrejsning" not in lines[0]
    assert "Målene pr. slags kan ikke nås" in lines[0]
    assert _stored(project) == ([], [])


@pytest.mark.parametrize("value", ["forest=3", "lowland=-2", "lowland=x", "lowland"])
def test_a_bad_target_by_kind_is_one_danish_line(project, capsys, value):
    code, out, err = _run(capsys, "--project", str(project), "--target-ha", value,
                          "--scenario", "X")
    assert code == 1 and out == ""
    assert err.strip().splitlines() == [err.strip()] and "--target-ha" in err
    # the kinds it may name, each with its Danish label
    assert "lowland (Udtagning af lavbundsjord), afforestation (Skovrejsning)" in err
    assert _stored(project) == ([], [])


def test_each_area_says_its_sequestration_and_flood_share(project, capsys, sample_env):
    from naturplan.core.layers.roles import Role
    from naturplan.io.datasets import DatasetRequest, open_dataset

    code, out, err = _run(capsys, "--project", str(project), "--target-ha", "afforestation=10",
                          "--scenario", "Skov", "--json")
    assert code == 0, err
    doc = json.loads(out)
    candidates, _ = _stored(project)
    by_id = {c.id: c for c in candidates}
    assert [a["id"] for a in doc["areas"]] == doc["candidates"]
    sample = open_dataset(DatasetRequest(sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"])))
    has_flood = bool(sample.by_role(Role.FLOOD))
    for area in doc["areas"]:
        note = by_id[area["id"]].note
        assert "Som ny skov:" in note
        # the area's new ha measured with shapely on the stored candidate
        assert area["new_m2"] == pytest.approx(shapely.area(by_id[area["id"]].geometry),
                                               rel=1e-6)
        assert (area["flood_share"] is not None) == has_flood
        if area["flood_share"] is not None:
            assert 0.0 <= area["flood_share"] <= 1.0
            assert "Andel i oversvømmelseszonen" in note
