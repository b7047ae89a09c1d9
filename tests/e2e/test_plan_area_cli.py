"""Plan areas larger than one municipality from the command line (issue 22 item 3):
``--kommune 0851,0840,0820`` from the real national DAGI layer and ``--area FILE`` (a
catchment polygon in another CRS), each municipality's numbers checked against plain
geopandas/shapely sums over the same files; a typo in a code and a file without a CRS give
one Danish line; one municipality's output is as before."""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from cli_runner import run_cli
from shapely.geometry import box

from naturplan.core.layers.roles import Role
from naturplan.io.datasets import DatasetRequest
from naturplan.io.loading import LayerRequest
from naturplan.io.paths import NATIONAL_MUNICIPALITIES, layers_dir
from naturplan.io.project.settings import request_from_settings, settings_from_request

CODES = ["0851", "0840", "0820"]  # Aalborg, Rebild, Vesthimmerlands
# §3 polygons near the borders (EPSG:25832): one across Aalborg|Rebild, one in Rebild, one
# across Aalborg|Vesthimmerlands; read back through the real DAGI borders.
P3 = [box(552_000, 6_305_000, 560_000, 6_311_000), box(545_000, 6_290_000, 547_000, 6_292_000),
      box(528_000, 6_310_000, 536_000, 6_316_000)]


def _dagi() -> gpd.GeoDataFrame:
    """The national DAGI file read plainly, dissolved by KOMKODE (the independent side)."""
    frame = gpd.read_file(layers_dir() / NATIONAL_MUNICIPALITIES).to_crs(25832)
    frame["KOMKODE"] = frame["KOMKODE"].astype(str).str.zfill(4)
    return frame.dissolve("KOMKODE")


@pytest.fixture()
def p3(tmp_path: Path) -> Path:
    path = tmp_path / "p3.gpkg"
    gpd.GeoDataFrame({"Natyp_navn": ["Mose", "Eng", "Hede"]}, geometry=P3,
                     crs=25832).to_file(path)
    return path


def _stats(*args: str) -> dict:
    done = run_cli(["stats", "--json", "--no-sample", *args])
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_three_municipalities_by_code_equal_independent_sums(p3: Path) -> None:
    doc = _stats("--kommune", ",".join(CODES), "--layer", f"nature_p3={p3}")
    dagi = _dagi()
    union = shapely.union_all(P3)
    got = {e["code"]: e for e in doc["municipalities"]}
    assert list(got) == CODES  # the user's order
    assert [e["name"] for e in doc["municipalities"]] == ["Aalborg", "Rebild",
                                                         "Vesthimmerlands"]
    whole = 0.0
    for code in CODES:
        shape = dagi.loc[code].geometry
        whole += shape.area
        assert got[code]["area_ha"] == pytest.approx(shape.area / 1e4, rel=1e-6)
        inside = union.intersection(shape).area
        assert inside > 0
        assert got[code]["protected_ha"] == pytest.approx(inside / 1e4, rel=1e-6)
        assert got[code]["share"] == pytest.approx(inside / shape.area, rel=1e-6)
    assert doc["municipality"]["code"] == "0851,0840,0820"
    assert doc["municipality"]["area_m2"] == pytest.approx(whole, rel=1e-6)
    assert doc["protected"]["area_m2"] == pytest.approx(
        sum(e["protected_ha"] for e in got.values()) * 1e4, rel=1e-9)


def test_the_stats_text_names_every_municipality(p3: Path) -> None:
    done = run_cli(["stats", "--no-sample", "--kommune", ",".join(CODES),
                    "--layer", f"nature_p3={p3}"])
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first == ("Beskyttet natur i Aalborg, Rebild og Vesthimmerlands Kommuner "
                     "(0851,0840,0820)")
    english = run_cli(["stats", "--no-sample", "--lang", "en", "--kommune", ",".join(CODES),
                       "--layer", f"nature_p3={p3}"])
    assert english.stdout.splitlines()[0].startswith(
        "Protected nature in Aalborg, Rebild and Vesthimmerlands Municipalities")


def test_a_catchment_polygon_in_another_crs(tmp_path: Path, p3: Path) -> None:
    drawn = box(545_000, 6_300_000, 565_000, 6_320_000)  # across Aalborg and Rebild
    area = tmp_path / "opland.geojson"
    gpd.GeoDataFrame({"navn": ["Limfjorden"]}, geometry=[drawn], crs=25832).to_crs(
        4326).to_file(area)
    doc = _stats("--area", str(area), "--layer", f"nature_p3={p3}")
    # Independently: the polygon back from WGS84 (as GDAL reads it), cut by the DAGI borders.
    back = gpd.read_file(area).to_crs(25832).geometry.iloc[0]
    dagi = _dagi()
    want = {code: back.intersection(row.geometry) for code, row in dagi.iterrows()
            if back.intersection(row.geometry).area > 100}
    assert sorted(want) == ["0840", "0851"]
    assert doc["municipality"]["name"] == "Limfjorden"
    assert doc["municipality"]["catchment"] is True
    union = shapely.union_all(P3)
    for entry in doc["municipalities"]:
        part = want[entry["code"]]
        assert entry["area_ha"] == pytest.approx(part.area / 1e4, rel=1e-4)
        assert entry["protected_ha"] == pytest.approx(union.intersection(part).area / 1e4,
                                                      rel=1e-4)
    assert doc["municipality"]["area_m2"] == pytest.approx(
        sum(p.area for p in want.values()), rel=1e-4)
    text = run_cli(["stats", "--no-sample", "--area", str(area)])
    assert text.stdout.splitlines()[0] == "Beskyttet natur i Limfjorden (0840,0851)"


def test_a_typo_in_a_code_names_it_and_the_nearest(p3: Path) -> None:
    done = run_cli(["stats", "--no-sample", "--kommune", "0851,0815"])
    assert done.returncode == 1 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Ingen kommune med KOMKODE 0815" in lines[0]
    assert "de nærmeste koder er 0851 Aalborg" in lines[0]  # the two digits swapped
    assert "0813 Frederikshavn" in lines[0]
    assert "Traceback" not in done.stderr


def test_an_area_without_a_crs_or_with_a_broken_one_is_one_line(tmp_path: Path) -> None:
    area = tmp_path / "opland.shp"
    gpd.GeoDataFrame({"navn": ["A"]}, geometry=[box(550_000, 6_300_000, 560_000, 6_310_000)],
                     crs=25832).to_file(area)
    area.with_suffix(".prj").unlink()
    done = run_cli(["stats", "--no-sample", "--area", str(area)])
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "naturplan: fejl: 'opland.shp' har intet koordinatsystem. Angiv det med --assume-crs "
        "EPSG (for eksempel --assume-crs 25832 for ETRS89 / UTM 32N)."]
    area.with_suffix(".prj").write_text("NOT A CRS", encoding="ascii")
    broken = run_cli(["stats", "--no-sample", "--area", str(area)])
    assert broken.returncode == 1 and len(broken.stderr.strip().splitlines()) == 1
    assert "naturplan: fejl:" in broken.stderr and "Traceback" not in broken.stderr
    both = run_cli(["stats", "--no-sample", "--kommune", "0851", "--area", str(area)])
    assert both.returncode == 1
    assert both.stderr.strip() == ("naturplan: fejl: Angiv planområdet enten med --kommune "
                                   "eller med --area, ikke begge.")


def test_one_municipality_says_what_it_always_said(tmp_path: Path, p3: Path) -> None:
    muni = tmp_path / "aalborg.gpkg"
    gpd.GeoDataFrame({"KOMKODE": ["0851"], "KOMNAVN": ["Aalborg"]},
                     geometry=[box(540_000, 6_290_000, 570_000, 6_320_000)],
                     crs=25832).to_file(muni)
    args = ["--layer", f"municipality={muni}", "--layer", f"nature_p3={p3}"]
    doc = _stats(*args)
    assert "municipalities" not in doc and "catchment" not in doc["municipality"]
    assert list(doc["municipality"]) == ["code", "name", "area_m2", "source"]
    text = run_cli(["stats", "--no-sample", *args]).stdout.splitlines()
    assert text[:2] == ["Beskyttet natur i Aalborg Kommune (0851)",
                        "  Kommunens areal: 900,0 km²"]
    # one code given as a list of one is that municipality as before
    single = _stats("--kommune", "0840,", "--layer", f"nature_p3={p3}")
    assert "municipalities" not in single and single["municipality"]["code"] == "0840"


def test_the_area_is_kept_in_the_projects_settings(tmp_path: Path) -> None:
    area = LayerRequest(Role.MUNICIPALITY, tmp_path / "opland.gpkg", "oplande", assume_crs="4326")
    record = settings_from_request(DatasetRequest(area=area), [Role.NATURE_P3])
    request, _ = request_from_settings(json.loads(json.dumps(record)))
    assert request.area == LayerRequest(Role.MUNICIPALITY, (tmp_path / "opland.gpkg").resolve(),
                                        "oplande", assume_crs="4326")
    plain = settings_from_request(DatasetRequest(kommune="0851"), [Role.NATURE_P3])
    assert "area" not in plain  # one municipality's record as before
    assert request_from_settings(plain)[0].area is None


def test_an_import_reaching_outside_the_plan_area_names_it(tmp_path: Path) -> None:
    areas = tmp_path / "omraader.gpkg"
    # wholly outside the three municipalities (in Holstebro)
    gpd.GeoDataFrame({"navn": ["Ude"]}, geometry=[box(440_000, 6_300_000, 442_000, 6_302_000)],
                     crs=25832).to_file(areas)
    done = run_cli(["candidates", "import", "--project", str(tmp_path / "plan.gpkg"),
                    "--from", str(areas), "--kind", "lowland", "--no-sample",
                    "--kommune", ",".join(CODES)])
    assert done.returncode == 0, done.stderr
    assert ("1 af 1 importerede områder rækker ud over Aalborg, Rebild og Vesthimmerlands "
            "Kommuner (400,00 ha i alt)") in done.stderr
