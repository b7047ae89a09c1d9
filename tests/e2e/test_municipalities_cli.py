"""A plan area of several municipalities (issue 22 item 3): ``stats`` reports each
municipality's share, gaps and the candidates' new area, checked against plain shapely sums;
one municipality's output is as before (no ``municipalities`` key)."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from cli_runner import run_cli
from shapely.geometry import box

from naturplan.core.analysis.municipalities import split_by_municipality
from naturplan.core.layers.dataset import MunicipalityPart
from naturplan.core.plan.candidates import Candidate
from naturplan.io.project.gpkg_store import GeoPackageStore

X0, Y0 = 550_000.0, 6_320_000.0
# Three 2 km squares side by side: A | B | C.
SQUARES = {("0851", "Aalborg"): box(X0, Y0, X0 + 2_000, Y0 + 2_000),
           ("0849", "Jammerbugt"): box(X0 + 2_000, Y0, X0 + 4_000, Y0 + 2_000),
           ("0813", "Frederikshavn"): box(X0 + 4_000, Y0, X0 + 6_000, Y0 + 2_000)}
P3 = [box(X0 + 100, Y0 + 100, X0 + 700, Y0 + 700),        # in A
      box(X0 + 500, Y0 + 500, X0 + 900, Y0 + 900),        # overlaps the first
      box(X0 + 1_800, Y0 + 1_000, X0 + 2_300, Y0 + 1_400),  # across A|B
      box(X0 + 5_000, Y0 + 200, X0 + 5_900, Y0 + 1_900)]   # in C
# Crosses B|C and overlaps nothing protected; a second one half on the §3 polygon in A.
CANDIDATES = [box(X0 + 3_500, Y0 + 1_500, X0 + 4_600, Y0 + 1_900),
              box(X0 + 600, Y0 + 1_200, X0 + 1_000, Y0 + 1_600)]


def _expected() -> list[dict[str, float | str]]:
    """Plain shapely: the union cut at each border, areas summed independently."""
    union = shapely.union_all(P3)
    new = shapely.union_all(CANDIDATES).difference(union)
    out = []
    for (code, name), square in SQUARES.items():
        area = square.area
        got = union.intersection(square).area
        out.append({"code": code, "name": name, "area_ha": area / 1e4,
                    "protected_ha": got / 1e4, "share": got / area,
                    "gap_17_ha": max(0.17 * area - got, 0) / 1e4,
                    "gap_20_ha": max(0.20 * area - got, 0) / 1e4,
                    "candidates_new_ha": new.intersection(square).area / 1e4})
    return out


@pytest.fixture()
def world(tmp_path: Path) -> list[str]:
    muni, p3 = tmp_path / "kommuner.gpkg", tmp_path / "p3.gpkg"
    gpd.GeoDataFrame({"KOMKODE": [c for c, _ in SQUARES], "KOMNAVN": [n for _, n in SQUARES]},
                     geometry=list(SQUARES.values()), crs=25832).to_file(muni)
    gpd.GeoDataFrame({"Natyp_navn": ["Mose", "Eng", "Hede", "Sø"]}, geometry=P3,
                     crs=25832).to_file(p3)
    return ["--no-sample", "--layer", f"municipality={muni}", "--layer", f"nature_p3={p3}"]


def _project(path: Path) -> Path:
    with GeoPackageStore(path) as store:
        for k, geom in enumerate(CANDIDATES):
            store.insert(Candidate.new("lowland", geom, f"K{k}", status="proposed"))
    return path


def test_each_municipality_equals_independent_sums(tmp_path: Path, world: list[str]) -> None:
    project = _project(tmp_path / "plan.gpkg")
    done = run_cli(["stats", "--json", "--project", str(project), *world])
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    got = doc["municipalities"]
    want = _expected()
    assert [(e["code"], e["name"]) for e in got] == sorted(
        [(e["code"], e["name"]) for e in want])  # KOMKODE order
    by_code = {e["code"]: e for e in want}
    for entry in got:
        for key, value in by_code[entry["code"]].items():
            assert entry[key] == pytest.approx(value, abs=1e-6), (entry["code"], key)
    # The candidate across B|C is split by the border: both get part of it.
    assert by_code["0849"]["candidates_new_ha"] > 0 and by_code["0813"]["candidates_new_ha"] > 0
    # The parts add up to the whole plan area.
    assert sum(e["protected_ha"] for e in got) * 1e4 == pytest.approx(
        doc["protected"]["area_m2"], abs=1e-3)
    assert doc["municipality"]["area_m2"] == pytest.approx(12_000_000.0)
    assert doc["projected"]["gain_m2"] == pytest.approx(
        sum(e["candidates_new_ha"] for e in got) * 1e4, abs=1e-3)


def test_without_a_project_the_new_area_is_null(world: list[str]) -> None:
    done = run_cli(["stats", "--json", *world])
    assert done.returncode == 0, done.stderr
    entries = json.loads(done.stdout)["municipalities"]
    assert len(entries) == 3 and all(e["candidates_new_ha"] is None for e in entries)


def test_text_has_one_line_per_municipality_in_danish(world: list[str]) -> None:
    done = run_cli(["stats", *world])
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "  Pr. kommune:" in lines
    for (code, name) in SQUARES:
        line = next(x for x in lines if f"{name} ({code}):" in x)
        assert "mangler til 17 %" in line


def test_core_split_of_a_candidate_across_a_border() -> None:
    parts = [MunicipalityPart(c, n, g) for (c, n), g in SQUARES.items()]
    shares = split_by_municipality(parts, np.asarray(P3, dtype=object),
                                   np.asarray(CANDIDATES[:1], dtype=object))
    assert [s.candidates_new_m2 for s in shares] == pytest.approx(
        [0.0, 500 * 400, 600 * 400])


def test_one_municipality_sample_has_no_municipalities_key(
        sample_env: dict[str, str]) -> None:
    done = run_cli(["stats", "--json"], sample_env)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert "municipalities" not in doc
    assert doc["municipality"]["code"] == "0851"


def test_a_plan_areas_own_municipalities_are_not_its_neighbours(tmp_path: Path) -> None:
    """The map's neighbours of a plan area of three real municipalities (DAGI) leave out
    all three, and still hold the municipalities around them."""
    from naturplan.core.layers.roles import Role
    from naturplan.io import paths
    from naturplan.io.loading import LayerRequest, load_municipality
    from naturplan.io.neighbours import neighbour_layer

    frame = gpd.read_file(paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES)
    three = frame[frame["KOMKODE"].astype(str).str.zfill(4).isin(["0851", "0849", "0813"])]
    three.to_file(tmp_path / "tre.gpkg")
    area = load_municipality(request=LayerRequest(Role.MUNICIPALITY, tmp_path / "tre.gpkg"))
    assert [p.code for p in area.parts] == ["0813", "0849", "0851"]
    layer = neighbour_layer(area)
    assert layer is not None
    codes = set(layer.frame["KOMKODE"].astype(str).str.zfill(4))
    assert codes and not codes & {"0851", "0849", "0813"}


def test_plandata_of_a_plan_area_is_one_municipalitys_plan(tmp_path: Path,
                                                          world: list[str]) -> None:
    """A retningslinje is one municipality's plan: over a plan area of three, the export asks
    which (one Danish line, nothing written); with ``--kommune 849`` the candidate across B|C
    is clipped to Jammerbugt's square and carries its code, as plain shapely cuts it (the data
    options' ``--kommune`` picks the municipality out of the layer)."""
    import pyogrio

    project = _project(tmp_path / "plan.gpkg")
    assert run_cli(["plandata", "plan", "--project", str(project),
                    "--proposed", "2026-03-01"]).returncode == 0
    out = tmp_path / "ud"
    out.mkdir()
    asked = run_cli(["plandata", "export", "--project", str(project), "--out", str(out), *world])
    assert asked.returncode == 1 and asked.stderr.count("\n") == 1
    assert "flere kommuner (0813, 0849, 0851)" in asked.stderr
    assert not list(out.iterdir())
    unknown = run_cli(["plandata", "export", "--project", str(project), "--out", str(out),
                       "--kommune", "0101", *world])
    assert unknown.returncode == 1 and "Ingen kommune med KOMKODE 0101" in unknown.stderr
    done = run_cli(["plandata", "export", "--project", str(project), "--out", str(out),
                    "--kommune", "849", *world])
    assert done.returncode == 0, done.stderr
    frame = pyogrio.read_dataframe(out / "retningslinje_1113_lavbund.shp")
    square = SQUARES[("0849", "Jammerbugt")]
    assert list(frame.objektnavn) == ["K0"] and list(frame.komnr) == [849]
    assert frame.geometry.iloc[0].area == pytest.approx(
        shapely.intersection(CANDIDATES[0], square).area)
