"""``stats --all-kommuner`` on a reduced synthetic national world inside the real DAGI
boundaries (issue 24 §2): each municipality's share equals an independent union per
municipality made with plain geopandas/shapely."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely
from cli_runner import run_cli

from naturplan.io import paths
from naturplan.io.sample.national import P3_LAYER, build_national_world


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("national")
    return build_national_world(folder, density=0.01, parcels=False).path


@pytest.fixture(scope="module")
def expected(world: Path) -> dict[str, dict[str, float]]:
    """Per KOMKODE: its area, the union of all §3 polygons inside it, and per type."""
    dagi = gpd.read_file(paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES)
    dagi = dagi.set_geometry(shapely.force_2d(dagi.geometry.to_numpy())).to_crs(25832)
    nature = pyogrio.read_dataframe(world, layer=P3_LAYER)
    out = {}
    for code, group in dagi.groupby(dagi["KOMKODE"].astype(str).str.zfill(4)):
        muni = shapely.make_valid(shapely.union_all(group.geometry.to_numpy()))
        near = nature[nature.intersects(muni)]
        union = shapely.union_all(near.geometry.to_numpy())
        row = {"area": muni.area, "protected": shapely.intersection(union, muni).area}
        mose = near[near["Natyp_navn"] == "Mose"].geometry.to_numpy()
        row["mose"] = shapely.intersection(shapely.union_all(mose), muni).area if len(
            mose) else 0.0
        out[code] = row
    return out


def _layer(world: Path) -> str:
    return f"nature_p3={world}:{P3_LAYER}"


def test_every_municipality_equals_an_independent_union(world: Path, tmp_path: Path,
                                                        expected: dict) -> None:
    out = tmp_path / "kommuner.csv"
    done = run_cli(["stats", "--all-kommuner", "--layer", _layer(world), "--out", str(out),
                    "--workers", "1"])
    assert done.returncode == 0, done.stderr
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["komkode"] for r in rows] == sorted(expected) and len(rows) == 99
    measured = 0
    for r in rows:
        want = expected[r["komkode"]]
        assert float(r["area_m2"]) == pytest.approx(want["area"], rel=1e-6)
        assert float(r["protected_m2"]) == pytest.approx(want["protected"], rel=1e-6, abs=1.0)
        assert float(r["share"]) == pytest.approx(want["protected"] / want["area"], abs=1e-6)
        assert float(r["gap_17_m2"]) == pytest.approx(
            max(0.17 * want["area"] - want["protected"], 0.0), rel=1e-6, abs=1.0)
        assert float(r["gap_20_m2"]) == pytest.approx(
            max(0.20 * want["area"] - want["protected"], 0.0), rel=1e-6, abs=1.0)
        assert float(r["p3_mose_m2"]) == pytest.approx(want["mose"], rel=1e-6, abs=1.0)
        assert r["synthetic_data"] == "True"
        measured += float(r["protected_m2"]) > 0
    assert measured > 90  # nearly every municipality has nature: the check is not all zeros
    total = sum(float(r["protected_m2"]) for r in rows) / sum(float(r["area_m2"]) for r in rows)
    assert 0.07 < total < 0.11  # about the national share (≈ 10 %), less the overlaps


def test_two_worker_processes_give_the_same_rows_and_xlsx_holds_them(
        world: Path, tmp_path: Path, expected: dict) -> None:
    done = run_cli(["stats", "--all-kommuner", "--layer", _layer(world), "--json",
                    "--workers", "2"])
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert [r["komkode"] for r in rows] == sorted(expected)
    for r in rows:
        assert r["protected_m2"] == pytest.approx(expected[r["komkode"]]["protected"],
                                                  rel=1e-6, abs=1.0)
    out = tmp_path / "kommuner.xlsx"
    assert run_cli(["stats", "--all-kommuner", "--layer", _layer(world), "--out", str(out),
                    "--workers", "1"]).returncode == 0
    from openpyxl import load_workbook

    sheet = load_workbook(out, read_only=True).worksheets[0]
    table = list(sheet.values)
    assert table[0][:3] == ("komkode", "kommune", "area_m2") and len(table) == 100
    aalborg = next(r for r in table if r[0] == "0851")
    assert aalborg[3] == pytest.approx(expected["0851"]["protected"], rel=1e-6, abs=1.0)


def test_without_a_national_layer_one_danish_line(tmp_path: Path) -> None:
    done = run_cli(["stats", "--all-kommuner", "--out", str(tmp_path / "k.csv")])
    assert done.returncode == 1
    assert done.stderr.startswith("naturplan: fejl: --all-kommuner kræver")
    assert len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "k.csv").exists()
    bad = run_cli(["stats", "--all-kommuner", "--out", str(tmp_path / "k.pdf")])
    assert bad.returncode == 1 and ".csv, .xlsx eller .json" in bad.stderr
