"""Hostile input through the command line (issue 18, geometry and input): absurd and
non-finite coordinates, a cp1252 shapefile, a service that sends NaN, the small `candidates
set` defects. The CLI runs in-process (``naturplan.cli.main``) with its output captured."""

from __future__ import annotations

import json
import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from hostile_service import OgcApi, feature, good_absurd_nan
from shapely.geometry import Polygon, box

from naturplan.cli import main

X, Y = 555_000.0, 6_320_000.0  # near Aalborg, EPSG:25832
GOOD = box(X, Y, X + 500, Y + 500)  # 25 ha
ABSURD = Polygon([(X, Y), (X + 500, Y), (1e300, Y + 500), (X, Y + 500)])
with np.errstate(invalid="ignore"):
    NAN = Polygon([(X, Y), (X + 500, Y), (math.nan, Y + 500), (X, Y + 500)])


def strict_json(text: str) -> object:
    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_danish_error(code: int, err: str) -> str:
    """Exit 1 and the error as the last line, "naturplan: fejl: …", never a traceback."""
    assert code == 1, err
    assert "Traceback" not in err and "unexpected error" not in err
    assert "RuntimeWarning" not in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("naturplan: fejl: "), err
    return last


def _file(path: Path, geoms: list, names: list[str] | None = None) -> Path:
    names = names or [f"område {i}" for i in range(len(geoms))]
    gpd.GeoDataFrame({"navn": names, "Objekt_id": list(range(1, len(geoms) + 1)),
                      "Natyp_kode": [1] * len(geoms), "Natyp_navn": ["Eng"] * len(geoms)},
                     geometry=geoms, crs=25832).to_file(path)
    return path


@pytest.mark.parametrize("bad", [ABSURD, NAN], ids=["1e300", "nan"])
def test_an_absurd_candidate_is_refused_and_no_project_is_made(
    sample_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    bad: Polygon,
) -> None:
    """Was: "(inf ha)" imported and `stats --project` said both targets reached; NaN ended in
    an English `unexpected error: GEOSException`."""
    source = _file(tmp_path / "forslag.gpkg", [GOOD, bad], ["god", "skæv"])
    project = tmp_path / "plan.gpkg"
    code, _, err = run(capsys, "candidates", "import", "--project", str(project),
                       "--from", str(source), "--kind", "lowland")
    one_danish_error(code, err)
    assert "forslag.gpkg: objekt 2 'skæv': " in err
    assert not project.exists()
    # --skip-broken imports the good one alone: 25 ha, as plain shapely measures it.
    code, out, err = run(capsys, "candidates", "import", "--project", str(project),
                         "--from", str(source), "--kind", "lowland", "--skip-broken")
    assert code == 0, err
    code, out, _ = run(capsys, "candidates", "list", "--project", str(project), "--json",
                       "--no-analysis")
    doc = strict_json(out)
    assert [(c["name"], c["area_m2"]) for c in doc["candidates"]] == [("god", GOOD.area)]


def test_a_section3_layer_with_an_absurd_vertex_measures_as_without_it(
    sample_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was "20,2 % - 17 % nået": the share with the absurd feature equals the share of the
    good one alone, and a warning names the count."""
    with_bad = _file(tmp_path / "p3_bad.gpkg", [ABSURD, GOOD, NAN])
    only_good = _file(tmp_path / "p3_good.gpkg", [GOOD])
    code, out, err = run(capsys, "stats", "--layer", f"nature_p3={with_bad}", "--json")
    assert code == 0, err
    bad_doc = strict_json(out)
    code, out, _ = run(capsys, "stats", "--layer", f"nature_p3={only_good}", "--json")
    good_doc = strict_json(out)
    assert bad_doc["protected"] == good_doc["protected"]
    assert bad_doc["protected"]["area_m2"] == pytest.approx(GOOD.area)
    assert [t["reached"] for t in bad_doc["targets"]] == [False, False]
    [warning] = [w for w in bad_doc["warnings"] if w["code"] == "coordinates_left_out"]
    assert warning["params"]["n"] == 2
    assert "2 objekter i p3_bad.gpkg" in err  # the text run says it too, in Danish


def test_a_cp1252_shapefile_without_cpg_imports_its_names(
    sample_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was UnicodeDecodeError as `--from` (fine as a `--layer`)."""
    shp = tmp_path / "konsulent.shp"
    frame = gpd.GeoDataFrame({"navn": ["Ådalen øst", "Lille Vildmose æble"]},
                             geometry=[GOOD, box(X + 1000, Y, X + 1200, Y + 200)], crs=25832)
    pyogrio.write_dataframe(frame, shp, encoding="cp1252")
    shp.with_suffix(".cpg").unlink(missing_ok=True)
    assert "Å".encode("cp1252") in shp.with_suffix(".dbf").read_bytes()
    project = tmp_path / "plan.gpkg"
    code, out, err = run(capsys, "candidates", "import", "--project", str(project),
                         "--from", str(shp), "--kind", "lowland")
    assert code == 0, err
    code, out, _ = run(capsys, "candidates", "list", "--project", str(project), "--json",
                       "--no-analysis")
    assert [c["name"] for c in strict_json(out)["candidates"]] == [
        "Ådalen øst", "Lille Vildmose æble"]


def test_set_with_nothing_or_both_counts_is_one_danish_line(
    sample_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _file(tmp_path / "f.gpkg", [GOOD], ["a"])
    project = tmp_path / "plan.gpkg"
    assert run(capsys, "candidates", "import", "--project", str(project), "--from",
               str(source), "--kind", "lowland")[0] == 0
    code, out, _ = run(capsys, "candidates", "list", "--project", str(project), "--json",
                       "--no-analysis")
    [cand] = strict_json(out)["candidates"]
    code, _, err = run(capsys, "candidates", "set", cand["id"][:8], "--project", str(project))
    assert "Intet at ændre" in one_danish_error(code, err)
    code, _, err = run(capsys, "candidates", "set", cand["id"][:8], "--project", str(project),
                       "--counts", "--no-counts")
    assert "udelukker hinanden" in one_danish_error(code, err)
    code, out, _ = run(capsys, "candidates", "list", "--project", str(project), "--json",
                       "--no-analysis")
    after = strict_json(out)["candidates"][0]
    assert after["version"] == 1 and after["counts_toward_target"] is True
    assert run(capsys, "candidates", "set", cand["id"][:8], "--project", str(project),
               "--no-counts")[0] == 0
    code, out, _ = run(capsys, "candidates", "list", "--project", str(project), "--json",
                       "--no-analysis")
    assert strict_json(out)["candidates"][0]["counts_toward_target"] is False


# --- a service that sends absurd coordinates (tests/hostile_service.py) ---------------------


@pytest.fixture()
def hostile_service():
    service = OgcApi(good_absurd_nan())
    yield service
    service.stop()


def test_fetch_leaves_out_absurd_features_and_asks_with_a_plain_bbox(
    sample_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    hostile_service: OgcApi,
) -> None:
    """Was: bbox=np.float64(9.38…),…, then a traceback and the bad file left behind."""
    out = tmp_path / "p3.gpkg"
    code, stdout, err = run(capsys, "data", "fetch", "nature_p3", "--service",
                            hostile_service.url, "--layer", "p3", "--out", str(out))
    assert code == 0, err
    [items] = [q for q in hostile_service.queries if q["path"][0].endswith("/items")]
    bbox = [float(v) for v in items["bbox"][0].split(",")]  # plain numbers
    assert "np." not in items["bbox"][0] and len(bbox) == 4
    assert 9 < bbox[0] < bbox[2] < 11 and 56 < bbox[1] < bbox[3] < 58  # Aalborg in CRS84
    fetched = pyogrio.read_dataframe(out)
    assert list(fetched["Objekt_id"]) == [1]
    assert shapely.area(fetched.geometry.to_numpy())[0] == pytest.approx(GOOD.area, rel=1e-6)
    assert "naturplan: advarsel: 2 objekter i p3.gpkg:p3 (nature_p3) har koordinater" in err
    assert [p.name for p in tmp_path.iterdir()] == ["p3.gpkg"]


def test_fetch_of_only_absurd_features_writes_nothing(
    sample_env: dict[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    service = OgcApi([feature(1, [[1e300, 57.0], [10.0, 57.0], [10.0, 57.1], [1e300, 57.0]])])
    try:
        out = tmp_path / "p3.gpkg"
        code, _, err = run(capsys, "data", "fetch", "nature_p3", "--service", service.url,
                           "--layer", "p3", "--out", str(out))
    finally:
        service.stop()
    assert "intet blev skrevet" in one_danish_error(code, err)
    assert list(tmp_path.iterdir()) == []
