"""Candidate values and the pure geometry edits, checked against hand-made shapes."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box

from naturplan.core.plan.candidates import (
    Candidate,
    CandidateError,
    CandidateKind,
    CandidateStatus,
    GeometryEditError,
    GeometryProblem,
    InvalidGeometryError,
    VertexRef,
    clip_against,
    delete_vertex,
    insert_vertex,
    merge_geometries,
    move_vertex,
    split_geometry,
    translate,
    validate_geometry,
    vertices,
)

SQUARE = box(0, 0, 100, 100)  # 1 ha


def test_new_candidate_defaults_by_kind() -> None:
    low = Candidate.new("lowland", SQUARE, "Mose")
    forest = Candidate.new(CandidateKind.AFFORESTATION, SQUARE)
    corridor = Candidate.new("connectivity", SQUARE)
    assert low.counts_toward_target and forest.counts_toward_target
    assert not corridor.counts_toward_target
    assert low.status is CandidateStatus.IDEA and low.version == 0
    assert low.id != forest.id and len(low.id) == 36
    assert low.area_m2 == pytest.approx(10_000.0)
    assert Candidate.new("connectivity", SQUARE, counts_toward_target=True).counts_toward_target


def test_new_candidate_refuses_bad_geometry_and_values() -> None:
    with pytest.raises(InvalidGeometryError):
        Candidate.new("lowland", Point(0, 0))
    with pytest.raises(InvalidGeometryError):
        Candidate.new("lowland", Polygon())
    with pytest.raises(ValueError):
        Candidate.new("swamp", SQUARE)


def test_with_changes_validates() -> None:
    c = Candidate.new("lowland", SQUARE, "A")
    d = c.with_changes(name="B", status="adopted")
    assert d.name == "B" and d.status is CandidateStatus.ADOPTED and d.id == c.id
    with pytest.raises(CandidateError):
        c.with_changes(version=7)
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])
    with pytest.raises(InvalidGeometryError):
        c.with_changes(geometry=bowtie)


def test_validate_geometry_reports_each_problem() -> None:
    assert validate_geometry(SQUARE).ok
    assert validate_geometry(None).problem is GeometryProblem.MISSING
    assert validate_geometry(Polygon()).problem is GeometryProblem.EMPTY
    line = validate_geometry(LineString([(0, 0), (1, 1)]))
    assert line.problem is GeometryProblem.NOT_POLYGON and line.detail == "LineString"
    bowtie = validate_geometry(Polygon([(0, 0), (10, 10), (10, 0), (0, 10)]))
    assert bowtie.problem is GeometryProblem.INVALID and bowtie.repaired
    assert bowtie.geometry is not None and bowtie.geometry.is_valid
    assert bowtie.geometry.area == pytest.approx(50.0)  # two triangles of 25 m²
    z = validate_geometry(shapely.force_3d(SQUARE, 5.0))
    assert z.ok and z.geometry is not None and not z.geometry.has_z


def test_validate_geometry_passes_a_usable_polygon_as_it_is_without_the_arrays(
        monkeypatch) -> None:
    """Every candidate is checked when made and again when stored (a suggested plan stores
    hundreds, issue 23): a usable polygon is passed without the vectorised check, itself;
    anything else still gets the full check's answer."""
    import naturplan.core.plan.candidates as candidates

    real = candidates.validate_geometries
    calls: list[int] = []
    monkeypatch.setattr(candidates, "validate_geometries",
                        lambda geoms, *a: calls.append(len(geoms)) or real(geoms, *a))
    two = MultiPolygon([SQUARE, box(200, 0, 300, 100)])
    holed = box(0, 0, 100, 100).difference(box(40, 40, 60, 60))
    for usable in (SQUARE, two, holed):
        check = validate_geometry(usable)
        assert check.ok and check.geometry is usable and check.problem is None
    assert calls == []
    with np.errstate(invalid="ignore"):  # shapely warns of the NaN it is given
        nan = Polygon([(0, 0), (float("nan"), 0), (10, 10)])
    assert validate_geometry(nan).problem is GeometryProblem.NON_FINITE
    bowtie = validate_geometry(Polygon([(0, 0), (10, 10), (10, 0), (0, 10)]))
    assert bowtie.problem is GeometryProblem.INVALID
    z = validate_geometry(shapely.force_3d(SQUARE, 5.0))
    assert z.ok and z.geometry is not None and not z.geometry.has_z
    assert calls == [1, 1, 1]


def test_clip_against_reports_what_was_removed() -> None:
    new = box(0, 0, 100, 100)
    others = {"a": box(50, 0, 150, 100), "b": box(-50, 80, 20, 200), "far": box(500, 500, 600, 600)}
    result = clip_against(new, others)
    assert result.removed_m2["a"] == pytest.approx(50 * 100)
    assert result.removed_m2["b"] == pytest.approx(20 * 20)
    assert "far" not in result.removed_m2
    expected = new.difference(shapely.union_all([others["a"], others["b"]]))
    assert result.geometry is not None
    assert result.geometry.area == pytest.approx(expected.area)
    assert result.geometry.area == pytest.approx(10_000 - 5_000 - 400)
    assert clip_against(new, {}).removed_m2 == {}
    assert clip_against(new, {"all": box(-1, -1, 101, 101)}).geometry is None


def test_merge_touching_and_separate() -> None:
    merged = merge_geometries(box(0, 0, 10, 10), box(10, 0, 20, 10))
    assert merged.geom_type == "Polygon" and merged.area == pytest.approx(200)
    apart = merge_geometries(box(0, 0, 10, 10), box(20, 0, 30, 10))
    assert apart.geom_type == "MultiPolygon" and apart.area == pytest.approx(200)


def test_split_by_a_crossing_line() -> None:
    pieces = split_geometry(SQUARE, LineString([(30, -10), (30, 110)]))
    assert [round(p.area) for p in pieces] == [7000, 3000]
    assert shapely.union_all(pieces).equals(SQUARE)


def test_split_with_a_hole_and_a_multipolygon() -> None:
    donut = box(0, 0, 100, 100).difference(box(40, 40, 60, 60))
    pieces = split_geometry(donut, LineString([(50, -10), (50, 110)]))
    assert len(pieces) == 2 and sum(p.area for p in pieces) == pytest.approx(donut.area)
    multi = MultiPolygon([box(0, 0, 10, 10), box(20, 0, 30, 10)])
    pieces = split_geometry(multi, LineString([(4, -1), (4, 11)]))
    # Only the cut part is separated; the part the line missed stays with the larger piece.
    assert [round(p.area) for p in pieces] == [160, 40]
    assert pieces[0].geom_type == "MultiPolygon"
    assert pieces[0].contains(box(21, 1, 29, 9)) and pieces[1].equals(box(0, 0, 4, 10))


def test_split_refuses_a_line_that_cuts_nothing_in_a_multipolygon() -> None:
    """Issue 7: a line that cuts no part used to turn a MultiPolygon into its parts."""
    multi = MultiPolygon([box(0, 0, 10, 10), box(20, 0, 30, 10)])
    for line in (LineString([(15, -5), (15, 15)]),  # between the parts
                 LineString([(100, 0), (100, 10)]),  # far away
                 LineString([(5, -1), (5, 5)]),  # ends inside one part
                 LineString([(0, -1), (10, -1)])):  # runs along, outside
        with pytest.raises(GeometryEditError, match="does not cut"):
            split_geometry(multi, line)


def test_split_refuses_a_line_that_does_not_cross() -> None:
    with pytest.raises(GeometryEditError):
        split_geometry(SQUARE, LineString([(200, 0), (200, 100)]))
    with pytest.raises(GeometryEditError):  # ends inside: does not cut through
        split_geometry(SQUARE, LineString([(50, -10), (50, 50)]))
    with pytest.raises(GeometryEditError):
        split_geometry(SQUARE, Point(1, 1))


def test_vertex_edits() -> None:
    refs = vertices(SQUARE)
    assert len(refs) == 4
    ref, x, y = refs[0]
    moved = move_vertex(SQUARE, ref, (x + 10, y + 10))
    assert moved.is_valid and len(moved.exterior.coords) == 5
    assert (x + 10, y + 10) in list(moved.exterior.coords)
    if ref.index == 0:  # the closing vertex moves with the first one
        assert moved.exterior.coords[0] == moved.exterior.coords[-1]
    inserted = insert_vertex(SQUARE, VertexRef(0, 0, 0), (refs[0][1] + 1, refs[0][2] + 1))
    assert len(vertices(inserted)) == 5
    triangle = delete_vertex(SQUARE, VertexRef(0, 0, 1))
    assert len(vertices(triangle)) == 3 and triangle.area == pytest.approx(5000)
    with pytest.raises(GeometryEditError):
        delete_vertex(triangle, VertexRef(0, 0, 0))
    with pytest.raises(GeometryEditError):
        move_vertex(SQUARE, VertexRef(0, 0, 9), (0, 0))


def test_vertex_move_that_breaks_the_polygon_is_refused() -> None:
    # Dragging a corner across the opposite edge makes a bow-tie: refused, not repaired.
    coords = list(SQUARE.exterior.coords)[:-1]
    i = coords.index((100.0, 100.0))
    with pytest.raises(GeometryEditError):
        move_vertex(SQUARE, VertexRef(0, 0, i), (-50, 50))


def test_vertex_edits_on_holes_and_parts() -> None:
    donut = box(0, 0, 100, 100).difference(box(40, 40, 60, 60))
    hole_refs = [r for r, _, _ in vertices(donut) if r.ring == 1]
    assert len(hole_refs) == 4
    smaller = delete_vertex(donut, hole_refs[0])
    assert smaller.area == pytest.approx(10_000 - 200)
    multi = MultiPolygon([box(0, 0, 10, 10), box(20, 0, 30, 10)])
    ref = next(r for r, x, y in vertices(multi) if r.part == 1 and (x, y) == (30.0, 10.0))
    edited = move_vertex(multi, ref, (35, 10))
    assert edited.geom_type == "MultiPolygon" and edited.area > multi.area


def test_translate() -> None:
    moved = translate(SQUARE, 1000, -50)
    assert moved.bounds == (1000, -50, 1100, 50) and moved.area == SQUARE.area


def test_plan_split_with_a_line_that_cuts_nothing_writes_nothing(tmp_path) -> None:
    """Issue 7: ``plan.split`` made a new candidate of a multipolygon's other part."""
    from naturplan.core.plan.plan import CandidatePlan
    from naturplan.io.project.gpkg_store import GeoPackageStore

    with GeoPackageStore(tmp_path / "p.gpkg") as store:
        plan = CandidatePlan(store)
        multi = MultiPolygon([box(0, 0, 10, 10), box(20, 0, 30, 10)])
        c = plan.add(Candidate.new("lowland", multi, "Øer")).after[0]
        audit = len(store.audit())
        with pytest.raises(GeometryEditError, match="does not cut"):
            plan.split(c.id, LineString([(15, -5), (15, 15)]))
        assert len(plan) == 1 and len(store.audit()) == audit
        assert plan.get(c.id).geometry.equals(multi)
