"""The import use case's decisions (core) and the raw reader (io), without a front end."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely
from shapely.geometry import MultiPolygon, Polygon, box

from naturplan.core.errors import BrokenFeaturesError, ImportRefused, SeveralLayersError
from naturplan.core.feedback import Feedback
from naturplan.core.plan.candidates import Candidate, CandidateKind, GeometryProblem
from naturplan.core.plan.importing import (
    ImportOptions,
    check_features,
    outside_areas,
    prepare_import,
)
from naturplan.io.project.candidate_file import describe_layers, read_candidate_file

X, Y = 550_000.0, 6_320_000.0
BOWTIE = Polygon([(X, Y), (X + 100, Y + 100), (X + 100, Y), (X, Y + 100)])


def _check(names, geoms):
    return check_features("f.gpkg", None, list(range(1, len(names) + 1)), names, geoms)


def test_check_sorts_every_feature() -> None:
    check = _check(["ok", "bow", "empty", "none", "line"],
                   [box(X, Y, X + 10, Y + 10), BOWTIE, Polygon(), None,
                    shapely.LineString([(X, Y), (X + 1, Y)])])
    assert [f for f, _, _ in check.good] == [1]
    assert [(i.fid, i.problem) for i, _ in check.repairable] == [(2, GeometryProblem.INVALID)]
    assert [(i.fid, i.problem, i.detail) for i in check.broken] == [
        (3, GeometryProblem.EMPTY, ""), (4, GeometryProblem.MISSING, ""),
        (5, GeometryProblem.NOT_POLYGON, "LineString")]


def test_policy_refuses_or_skips() -> None:
    check = _check(["ok", "bow", "empty"], [box(X, Y, X + 10, Y + 10), BOWTIE, Polygon()])
    with pytest.raises(BrokenFeaturesError) as info:
        prepare_import(check, ImportOptions(CandidateKind.LOWLAND, repair=True))
    assert info.value.params == {"n": 1, "total": 3, "file": "f.gpkg"}
    with pytest.raises(BrokenFeaturesError) as info:  # the bow-tie counts without repair
        prepare_import(check, ImportOptions(CandidateKind.LOWLAND))
    assert info.value.params["n"] == 2
    todo = prepare_import(check, ImportOptions(CandidateKind.LOWLAND, repair=True,
                                               skip_broken=True))
    assert [c.name for c in todo.candidates] == ["ok", "bow"]  # file order
    assert [i.fid for i in todo.repaired] == [2] and [i.fid for i in todo.skipped] == [3]
    assert todo.details[1] == {"source": "f.gpkg", "fid": 2,
                               "repaired": todo.repaired[0].detail}
    assert todo.candidates[1].area_m2 == pytest.approx(5000.0)  # two triangles of 2,500 m²
    assert todo.area_m2 == pytest.approx(100 + 5000)
    nothing = _check(["empty"], [Polygon()])
    with pytest.raises(ImportRefused, match="no usable polygons"):
        prepare_import(nothing, ImportOptions(CandidateKind.LOWLAND, skip_broken=True))


def test_duplicates_are_the_same_name_and_shape_however_stored() -> None:
    square = box(X, Y, X + 50, Y + 50)
    # Stored: the same square, as a one-part MultiPolygon starting at another corner.
    turned = MultiPolygon([Polygon([(X + 50, Y + 50), (X, Y + 50), (X, Y), (X + 50, Y)])])
    existing = [Candidate.new("lowland", turned, "A")]
    check = _check(["A", "A", "B", "A"], [square, square, square, box(X, Y, X + 51, Y + 50)])
    todo = prepare_import(check, ImportOptions(CandidateKind.LOWLAND), existing)
    assert [c.name for c in todo.candidates] == ["B", "A"]  # the renamed and the reshaped
    assert todo.duplicates == ((1, "A"), (2, "A"))
    again = prepare_import(check, ImportOptions(CandidateKind.LOWLAND, allow_duplicates=True),
                           existing)
    assert len(again.candidates) == 4 and again.duplicates == ()


def test_outside_areas_against_plain_shapely() -> None:
    muni = box(X, Y, X + 1000, Y + 1000)
    cands = [Candidate.new("lowland", g, n) for n, g in [
        ("inside", box(X + 10, Y + 10, X + 20, Y + 20)),
        ("half", box(X + 990, Y, X + 1010, Y + 10)),
        ("out", box(X - 500, Y, X - 400, Y + 100))]]
    out = outside_areas(cands, muni)
    assert [(o.name, o.outside_m2, o.area_m2) for o in out] == [
        ("half", pytest.approx(100.0), pytest.approx(200.0)),
        ("out", pytest.approx(10_000.0), pytest.approx(10_000.0))]


def test_the_reader_keeps_every_feature_and_its_fid(tmp_path: Path) -> None:
    path = tmp_path / "c.gpkg"
    frame = gpd.GeoDataFrame({"navn": ["A", None, "C"]},
                             geometry=[box(X, Y, X + 10, Y + 10), Polygon(), BOWTIE], crs=25832)
    pyogrio.write_dataframe(frame.to_crs(4326), path, layer="forslag")
    seen = []
    check = read_candidate_file(path, feedback=Feedback(lambda f, m: seen.append(f)))
    assert check.total == 3 and seen[0] == 0.0 and seen[-1] == 1.0
    assert [(f, n) for f, n, _ in check.good] == [(1, "A")]
    assert check.good[0][2].area == pytest.approx(100.0, rel=1e-6)  # back in EPSG:25832
    assert [(i.fid, i.name) for i in check.broken] == [(2, "")]
    assert [i.fid for i, _ in check.repairable] == [3]
    pyogrio.write_dataframe(frame.iloc[:1], path, layer="andet")
    with pytest.raises(SeveralLayersError, match="forslag, andet"):
        read_candidate_file(path)
    assert [(la.name, la.features, la.crs, la.fields) for la in describe_layers(path)] == [
        ("forslag", 3, "EPSG:4326", ("navn",)), ("andet", 1, "EPSG:25832", ("navn",))]
    assert len(read_candidate_file(path, "andet").good) == 1


def test_a_geopackage_without_a_crs_is_said_to_have_none(tmp_path: Path) -> None:
    """GDAL writes such a layer with its own "Undefined SRS" (a LOCAL_CS): that is no CRS,
    not one that cannot be transformed."""
    from naturplan.core.errors import MissingCRSError

    path = tmp_path / "nocrs.gpkg"
    with pytest.warns(UserWarning, match="crs"):
        pyogrio.write_dataframe(gpd.GeoDataFrame({"navn": ["A"]},
                                                 geometry=[box(X, Y, X + 10, Y + 10)]), path)
    with pytest.raises(MissingCRSError):
        read_candidate_file(path)
    check = read_candidate_file(path, assume_crs="25832")
    assert check.good[0][2].area == pytest.approx(100.0)
