"""The shipped sample over a plan area of several municipalities (issue 22 item 3):
``--kommune 0851,0840,0820`` opens Aalborg's sample as it is plus synthetic layers for Rebild
and Vesthimmerland, so every municipality's share is measured; each share is checked
against an independent geopandas union of the §3 layers the sample wrote, cut by the real
DAGI border."""

from __future__ import annotations

import json
import os
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from cli_runner import run_cli

from naturplan.io.paths import NATIONAL_MUNICIPALITIES, layers_dir

CODES = ["0851", "0840", "0820"]  # Aalborg, Rebild, Vesthimmerlands


def _stats(env: dict[str, str], *args: str) -> dict:
    done = run_cli(["stats", "--json", *args], env=env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _dagi() -> gpd.GeoDataFrame:
    frame = gpd.read_file(layers_dir() / NATIONAL_MUNICIPALITIES).to_crs(25832)
    frame["KOMKODE"] = frame["KOMKODE"].astype(str).str.zfill(4)
    return frame.dissolve("KOMKODE")


def test_every_municipality_of_the_plan_area_is_measured_on_the_sample(
    sample_env: dict[str, str],
) -> None:
    doc = _stats(sample_env, "--kommune", ",".join(CODES))
    layers = doc["layers"][1:]
    # Every layer but the real bird protection areas is synthetic, the neighbours' too.
    assert all(e["synthetic"] for e in layers if "fuglebeskyttelse" not in e["path"])
    p3 = [e for e in layers if e["role"] == "nature_p3"]
    assert len({e["path"] for e in p3}) == 2  # Aalborg's sample and the neighbours'
    frames = [gpd.read_file(e["path"], layer=e["source"].split(":")[1]) for e in p3]
    union = shapely.union_all(pd.concat(frames).geometry.to_numpy())
    dagi = _dagi()
    got = {e["code"]: e for e in doc["municipalities"]}
    assert list(got) == CODES
    for code in CODES:
        shape = dagi.loc[code].geometry
        inside = union.intersection(shape).area
        assert got[code]["share"] > 0.05  # measured, not a 0 beside Aalborg's nature
        assert got[code]["protected_ha"] == pytest.approx(inside / 1e4, rel=1e-6)
        assert got[code]["share"] == pytest.approx(inside / shape.area, rel=1e-6)
    roles = {e["role"] for e in layers if "kommuner-0820-0840" in e["path"]}
    assert roles == {"parcels", "addresses", "nature_p3", "natura2000", "lowland", "flood"}


def test_the_plan_area_sample_is_built_once_and_aalborgs_is_unchanged(
    sample_env: dict[str, str],
) -> None:
    folder = Path(sample_env["NATURPLAN_SAMPLE_DIR"])
    aalborg = next(folder.glob("aalborg-scale-*/aalborg_sample.gpkg"))
    before = aalborg.read_bytes()
    _stats(sample_env, "--kommune", ",".join(CODES))
    built = next(folder.glob("kommuner-0820-0840-scale-*/national_world.gpkg"))
    stamp = os.stat(built).st_mtime_ns
    again = _stats(sample_env, "--kommune", "0840,0851,0820")  # same set, other order
    assert os.stat(built).st_mtime_ns == stamp  # cached, not built again
    assert [e["code"] for e in again["municipalities"]] == ["0840", "0851", "0820"]
    assert aalborg.read_bytes() == before


def test_a_plan_area_without_aalborg_still_opens_with_real_layers_only(
    sample_env: dict[str, str],
) -> None:
    doc = _stats(sample_env, "--kommune", "0840,0820")
    assert not any(e["synthetic"] for e in doc["layers"])
    assert "sample_not_here" in [w["code"] for w in doc["warnings"]]


def test_a_cancelled_build_keeps_nothing_and_the_next_run_builds_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    from naturplan.core.errors import OperationCancelled
    from naturplan.io.datasets import DatasetRequest, resolve_dataset

    monkeypatch.setenv("NATURPLAN_SAMPLE_DIR", str(tmp_path))
    request = DatasetRequest(kommune="0851,0840", sample_scale=0.001)
    with pytest.raises(OperationCancelled):
        resolve_dataset(request, cancelled=lambda: True)
    assert not list(tmp_path.glob("*/plan_area.json"))
    assert not list(tmp_path.glob("*/national_world.gpkg"))
    assert not list(tmp_path.glob("aalborg-*/sample.json"))
    resolved = resolve_dataset(request)
    p3 = [r for r in resolved.requests if r.role.value == "nature_p3"]
    assert [r.path.name for r in p3] == ["aalborg_sample.gpkg", "national_world.gpkg"]
    assert list(tmp_path.glob("kommuner-0840-scale-0.001/plan_area.json"))


def test_a_catchment_across_aalborg_and_rebild_is_measured_on_the_sample(
    sample_env: dict[str, str], tmp_path: Path,
) -> None:
    area = shapely.geometry.box(540_000, 6_290_000, 570_000, 6_320_000)
    path = tmp_path / "opland.gpkg"
    gpd.GeoDataFrame({"navn": ["Opland"]}, geometry=[area], crs=25832).to_file(path)
    doc = _stats(sample_env, "--area", str(path))
    p3 = [e for e in doc["layers"] if e["role"] == "nature_p3"]
    frames = [gpd.read_file(e["path"], layer=e["source"].split(":")[1]) for e in p3]
    union = shapely.union_all(pd.concat(frames).geometry.to_numpy())
    dagi = _dagi()
    got = {e["code"]: e for e in doc["municipalities"]}
    assert {"0851", "0840"} <= set(got)
    for code, entry in got.items():
        part = dagi.loc[code].geometry.intersection(area)
        if part.area > 1e7:  # not the 2 ha sliver of Vesthimmerland the box touches
            assert entry["share"] > 0.03
        assert entry["share"] == pytest.approx(union.intersection(part).area / part.area,
                                               rel=1e-6)
