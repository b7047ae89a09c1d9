"""Coordinates that cannot be measured (issue 18, serious 3): a vertex at 1e300, NaN or inf,
or degrees read as metres, is refused per feature on every path that takes geometry from
outside (layers, candidate import), by the one check in ``core.geometry``; and no JSON the
program writes holds NaN or Infinity (``core.jsontext``)."""

from __future__ import annotations

import ast
import json
import math
import sqlite3
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, box

import naturplan
from naturplan.core import jsontext
from naturplan.core.errors import CoordinatesError
from naturplan.core.geometry import (
    WORKING_BOUNDS,
    CoordinateProblem,
    clean_polygons,
    coordinate_problems,
)
from naturplan.core.layers.roles import Role
from naturplan.core.notices import COORDINATES_LEFT_OUT, load_notices
from naturplan.core.plan.candidates import GeometryProblem, validate_geometries
from naturplan.core.plan.importing import check_features
from naturplan.io.loading import LayerRequest, load_layer, read_polygons

#: A corner near Aalborg (EPSG:25832).
X, Y = 555_000.0, 6_320_000.0
GOOD = box(X, Y, X + 500, Y + 500)  # 25 ha
ABSURD = Polygon([(X, Y), (X + 500, Y), (1e300, Y + 500), (X, Y + 500)])
with np.errstate(invalid="ignore"):  # shapely warns on a NaN it is asked to hold
    NAN = Polygon([(X, Y), (X + 500, Y), (math.nan, Y + 500), (X, Y + 500)])
    INF = Polygon([(X, Y), (X + 500, Y), (math.inf, Y + 500), (X, Y + 500)])
DEGREES = Polygon([(9.9, 57.0), (10.0, 57.0), (10.0, 57.1)])  # lon/lat read as metres


def strict_json(text: str) -> object:
    """json.loads that refuses NaN, Infinity and -Infinity (as every other JSON reader)."""
    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def test_working_bounds_are_the_crs_area_of_use_widened_by_a_zone() -> None:
    """pyproj's area of use of EPSG:25832 (6°E-12°E) widened by 6° each side, in metres, lies
    inside WORKING_BOUNDS and they are no more than 20 km larger; Denmark with Bornholm and
    Christiansø is inside, the coordinates of a lon/lat file read as metres are not."""
    from pyproj import CRS, Transformer

    west, south, east, north = CRS.from_epsg(25832).area_of_use.bounds
    to_utm = Transformer.from_crs(4326, 25832, always_xy=True)
    wide = to_utm.transform_bounds(west - 6, south, east + 6, north, densify_pts=100)
    xmin, ymin, xmax, ymax = WORKING_BOUNDS
    assert xmin <= wide[0] < xmin + 20_000 and ymin <= wide[1] < ymin + 20_000
    assert xmax - 20_000 < wide[2] <= xmax and ymax - 20_000 < wide[3] <= ymax
    places = {"Christiansø": (15.19, 55.32), "Skagen": (10.6, 57.75), "Gedser": (11.93, 54.56),
              "Blåvandshuk": (8.08, 55.56), "Bornholm south": (14.9, 54.99)}
    for name, (lon, lat) in places.items():
        x, y = to_utm.transform(lon, lat)
        assert xmin < x < xmax and ymin < y < ymax, name
    assert coordinate_problems(np.array([DEGREES], object))[0] is CoordinateProblem.OUTSIDE


def test_coordinate_problems_per_geometry() -> None:
    with np.errstate(invalid="ignore"):
        nan_point = shapely.Point(math.nan, Y)
    geoms = np.array([GOOD, ABSURD, NAN, INF, DEGREES, None, Polygon(),
                      shapely.Point(X, Y), nan_point], dtype=object)
    got = list(coordinate_problems(geoms))
    assert got == [None, CoordinateProblem.OUTSIDE, CoordinateProblem.NON_FINITE,
                   CoordinateProblem.NON_FINITE, CoordinateProblem.OUTSIDE, None, None, None,
                   CoordinateProblem.NON_FINITE]
    # Without bounds only the finite test applies: a shape at (0, 0) is fine.
    assert list(coordinate_problems(geoms[[0, 2, 4]], None)) == [
        None, CoordinateProblem.NON_FINITE, None]


def test_clean_polygons_leaves_out_what_cannot_be_measured_and_counts_it() -> None:
    bowtie = Polygon([(X, Y), (X + 10, Y + 10), (X + 10, Y), (X, Y + 10)])
    result = clean_polygons(np.array([GOOD, ABSURD, NAN, bowtie, None], dtype=object))
    assert list(result.keep) == [True, False, False, True, False]
    assert result.dropped_outside == 1 and result.dropped_non_finite == 1
    assert result.dropped_empty == 1 and result.repaired == 1
    assert shapely.area(result.geometries[result.keep]).tolist() == [250_000.0, 50.0]


def _nature_file(path: Path, geoms: list) -> Path:
    gpd.GeoDataFrame(
        {"Objekt_id": list(range(1, len(geoms) + 1)), "Natyp_kode": [1] * len(geoms),
         "Natyp_navn": ["Eng"] * len(geoms)},
        geometry=geoms, crs=25832,
    ).to_file(path)
    return path


@pytest.mark.parametrize("reader", ["read_polygons", "load_layer"])
def test_a_section3_layer_leaves_out_absurd_features_and_says_how_many(
    tmp_path: Path, reader: str
) -> None:
    """The 1e300 vertex gave "20,2 % - 17 % nået" in stats; now the layer holds only the good
    square (its area by plain shapely) and a notice names the two left out."""
    path = _nature_file(tmp_path / "p3.gpkg", [ABSURD, GOOD, NAN])
    request = LayerRequest(Role.NATURE_P3, path)
    if reader == "read_polygons":  # the measuring path (sqlite reader)
        read = read_polygons(request, ["Natyp_navn"])
        geoms, report = read.geometries, read.summary.report
    else:  # the map's path (pyogrio)
        layer = load_layer(request)
        geoms, report = layer.frame.geometry.to_numpy(), layer.report
    assert report is not None
    assert shapely.area(geoms).tolist() == [GOOD.area]
    assert (report.dropped_outside, report.dropped_non_finite) == (1, 1)
    [notice] = load_notices("nature_p3", "p3.gpkg", report)
    assert notice.code == COORDINATES_LEFT_OUT and notice.params["n"] == 2
    from naturplan.text.notices import notice_text

    assert notice_text(notice, "da").startswith("2 objekter i p3.gpkg (nature_p3) har "
                                                "koordinater")


def test_a_layer_in_degrees_declared_as_metres_is_refused(tmp_path: Path) -> None:
    path = _nature_file(tmp_path / "grader.gpkg", [DEGREES])
    with pytest.raises(CoordinatesError, match="is the CRS right") as refused:
        read_polygons(LayerRequest(Role.NATURE_P3, path))
    from naturplan.text.i18n import error_text

    assert "er koordinatsystemet rigtigt" in error_text(refused.value, "da")


def test_the_import_check_refuses_absurd_features_as_broken_not_repairable() -> None:
    geoms = np.array([GOOD, ABSURD, NAN, INF, DEGREES], dtype=object)
    check = check_features("f.gpkg", None, [1, 2, 3, 4, 5], list("abcde"), geoms)
    assert [fid for fid, _, _ in check.good] == [1]
    assert check.repairable == []
    assert [(i.fid, i.problem) for i in check.broken] == [
        (2, GeometryProblem.OUTSIDE_AREA), (3, GeometryProblem.NON_FINITE),
        (4, GeometryProblem.NON_FINITE), (5, GeometryProblem.OUTSIDE_AREA)]
    # The plan's own edits check finiteness only (hand-made shapes at (0, 0) stay usable).
    results = validate_geometries(np.array([box(0, 0, 1, 1), NAN], dtype=object))
    assert results[0].ok and results[1].problem is GeometryProblem.NON_FINITE


def test_jsontext_writes_null_with_the_reason_never_nan() -> None:
    value = {"a": math.nan, "b": [1, np.float32(math.inf), np.int64(3)], "c": {"d": -math.inf},
             "e": np.float64(2.5), "f": np.bool_(True), "g": (1.0, "x")}
    with pytest.raises(ValueError):  # what Python writes without the helper
        strict_json(json.dumps({"a": math.nan}))
    doc = strict_json(jsontext.dumps(value, indent=2))
    assert doc == {"a": None, "b": [1, None, 3], "c": {"d": None}, "e": 2.5, "f": True,
                   "g": [1.0, "x"],
                   "non_finite": {"paths": ["$.a", "$.b[1]", "$.c.d"],
                                  "reason": jsontext.NON_FINITE_REASON}}
    assert strict_json(jsontext.dumps([math.nan])) == [None]
    assert jsontext.dumps({"name": "Søren"}) == '{"name": "Søren"}'


def test_no_module_writes_json_except_through_jsontext() -> None:
    """Every json.dumps of the program is jsontext.dumps (allow_nan=False)."""
    package = Path(naturplan.__file__).parent
    found = []
    for path in sorted(package.rglob("*.py")):
        if path == package / "core" / "jsontext.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr in ("dumps", "dump")
                    and isinstance(node.value, ast.Name) and node.value.id == "json"):
                found.append(f"{path.relative_to(package)}:{node.lineno}")
    assert found == []


def test_an_audit_row_with_a_non_finite_number_is_valid_json(tmp_path: Path) -> None:
    """The audit JSON of an 'inf ha' candidate broke ``project copy`` to PostGIS."""
    from naturplan.core.plan.candidates import Candidate, CandidateKind
    from naturplan.core.plan.plan import CandidatePlan
    from naturplan.io.project.gpkg_store import GeoPackageStore

    path = tmp_path / "p.gpkg"
    with GeoPackageStore(path, create=True, author="test") as store:
        plan = CandidatePlan(store)
        plan.add_many([Candidate.new(CandidateKind.LOWLAND, GOOD, "a")], action="import",
                      details=[{"source": "f.gpkg", "fid": 1, "score": math.inf}])
    with sqlite3.connect(path) as conn:
        rows = [r[0] for r in conn.execute("SELECT details FROM audit")]
    docs = [strict_json(r) for r in rows]
    imported = [d for d in docs if d.get("source") == "f.gpkg"]
    assert len(imported) == 1 and imported[0]["score"] is None
    assert imported[0]["non_finite"]["paths"] == ["$.score"]
    assert imported[0]["area_m2"] == GOOD.area



def test_a_share_is_never_above_one() -> None:
    """Found by the corpus (tests/e2e/test_hostile_corpus.py): candidates over the whole of
    Aalborg gave a projected share of 1.0000000000000004: the pieces of a union sum to a
    hair more than the municipality they cover. The area stays as measured."""
    from naturplan.core.plan.ledger import LedgerResult
    from naturplan.core.share.protected import ProtectedShare

    muni = 1_137_276_221.0581062
    over = muni * (1 + 4e-16)
    assert over / muni > 1.0  # what the division alone gives
    result = LedgerResult(municipality_area_m2=muni, current_area_m2=over, area_m2=over,
                          gain_m2=0.0, gain_m2_by_kind={}, gain_m2_by_candidate={}, gaps=(),
                          count=0)
    assert result.share == 1.0 and result.current_share == 1.0 and result.area_m2 == over
    half = LedgerResult(municipality_area_m2=muni, current_area_m2=muni / 4,
                        area_m2=muni / 2, gain_m2=muni / 4, gain_m2_by_kind={},
                        gain_m2_by_candidate={}, gaps=(), count=1)
    assert (half.share, half.current_share) == (0.5, 0.25)
    protected = ProtectedShare(municipality_area_m2=muni, roles=("nature_p3",), area_m2=over)
    assert protected.share == 1.0


def test_addresses_at_absurd_coordinates_are_left_out_and_counted(tmp_path: Path) -> None:
    """Address points take the same check (an address at 1e300 was kept as it was)."""
    from naturplan.io.addresses import read_addresses

    header = "vejnavn;husnr;postnr;postnrnavn;etrs89koordinat_øst;etrs89koordinat_nord\n"
    path = tmp_path / "adresser.csv"
    path.write_text(header + f"Boulevarden;1;9000;Aalborg;{X};{Y}\n"
                    f"Boulevarden;2;9000;Aalborg;1e300;{Y}\n"
                    f"Boulevarden;3;9000;Aalborg;{X};inf\n", encoding="utf-8")
    layer = read_addresses(path)
    assert list(layer.frame["husnr"]) == ["1"]
    assert (layer.report.dropped_outside, layer.report.dropped_non_finite) == (1, 1)
    [notice] = load_notices("addresses", "adresser.csv", layer.report)
    assert notice.code == COORDINATES_LEFT_OUT and notice.params["n"] == 2
    only_bad = tmp_path / "kun_skaeve.csv"
    only_bad.write_text(header + f"Boulevarden;2;9000;Aalborg;1e300;{Y}\n", encoding="utf-8")
    with pytest.raises(CoordinatesError):
        read_addresses(only_bad)
