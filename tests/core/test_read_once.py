"""Reading the inputs of ``naturplan suggest`` without doing anything twice (issue 23: ≤ 3 s
end to end): a GeoPackage table is described once per read, a clean layer is typed and
tested for emptiness once, and the protected area comes back from its forked child as one
WKB array. The results are what plain shapely and sqlite give."""

from __future__ import annotations

import pickle
import sqlite3
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import GeometryCollection, LineString, Point, Polygon, box

from naturplan.core.geometry import clean_polygons
from naturplan.core.layers.roles import Role
from naturplan.core.share.protected import ProtectedIndex
from naturplan.io import geopackage
from naturplan.io.loading import LayerRequest, read_polygons


def _layer(path: Path, geoms: list, **columns) -> Path:
    gpd.GeoDataFrame(columns, geometry=geoms, crs="EPSG:25832").to_file(
        path, layer="jordstykke", driver="GPKG")
    return path


def _counted(monkeypatch: pytest.MonkeyPatch, module, name: str) -> list[int]:
    calls = [0]
    real = getattr(module, name)

    def counted(*args, **kwargs):
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def test_a_geopackage_layer_is_described_once_per_read(tmp_path: Path, monkeypatch) -> None:
    squares = [box(500_000 + 100 * k, 6_200_000, 500_050 + 100 * k, 6_200_050) for k in range(5)]
    path = _layer(tmp_path / "p.gpkg", squares, ejerlavskode=[1000] * 5,
                  matrikelnummer=[f"{k}a" for k in range(5)])
    described = _counted(monkeypatch, geopackage, "describe_layer")
    read = read_polygons(LayerRequest(Role.PARCELS, path))
    assert described[0] == 1  # was 2: once to inspect, again to read
    # the polygons and their count, as sqlite holds them (an independent read of the file)
    with sqlite3.connect(path) as conn:
        blobs = [row[0] for row in conn.execute("SELECT geom FROM jordstykke ORDER BY fid")]
    assert len(read.geometries) == read.summary.features == 5
    assert [round(a, 6) for a in shapely.area(read.geometries)] == [2500.0] * 5
    assert all(shapely.equals(g, s) for g, s in zip(read.geometries, squares, strict=True))
    assert len(blobs) == 5


def test_geopackage_fields_and_features_are_what_sqlite_says(tmp_path: Path) -> None:
    path = _layer(tmp_path / "p.gpkg", [box(0, 0, 1, 1), box(2, 2, 3, 3)], navn=["a", "b"],
                  areal=[1.0, 2.0])
    layer = geopackage.describe_layer(path, "jordstykke")
    with sqlite3.connect(path) as conn:
        table = conn.execute("PRAGMA table_info(jordstykke)").fetchall()
        count = conn.execute("SELECT count(*) FROM jordstykke").fetchone()[0]
    assert layer.fields == tuple(r[1] for r in table if not r[5] and r[1] != "geom")
    assert layer.features == count == 2


def test_cleaning_a_clean_layer_types_it_once_and_keeps_every_polygon(monkeypatch) -> None:
    geoms = np.array([box(0, 0, 1, 1), box(2, 0, 3, 1), None,
                      shapely.MultiPolygon([box(5, 5, 6, 6), box(7, 7, 8, 8)])], dtype=object)
    geoms = shapely.transform(geoms, lambda xy: xy + (500_000, 6_200_000))  # in Denmark
    typed = _counted(monkeypatch, shapely, "get_type_id")
    emptied = _counted(monkeypatch, shapely, "is_empty")
    result = clean_polygons(geoms)
    assert typed[0] == 1 and emptied[0] == 1  # was 2 each
    assert result.keep.tolist() == [True, True, False, True]
    assert result.dropped_empty == 1 and result.repaired == 0 and not result.z_dropped


def test_cleaning_what_needs_repair_gives_what_shapely_gives() -> None:
    """The steps skipped for a clean layer still run when something changed."""
    bowtie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])
    collection = GeometryCollection([box(10, 10, 11, 11), LineString([(0, 0), (1, 1)])])
    collapsed = Polygon([(0, 0), (1, 1), (2, 2), (0, 0)])  # invalid: becomes a line
    geoms = np.array([bowtie, collection, collapsed, Point(1, 1), Polygon(), box(0, 0, 1, 1),
                      shapely.force_3d(box(3, 3, 4, 4), 7.0)], dtype=object)
    result = clean_polygons(geoms, bounds=None)  # anywhere finite
    assert result.keep.tolist() == [True, True, False, False, False, True, True]
    kept = result.geometries[result.keep]
    expected = [shapely.make_valid(bowtie), box(10, 10, 11, 11), box(0, 0, 1, 1),
                box(3, 3, 4, 4)]
    assert all(shapely.equals(k, e) for k, e in zip(kept, expected, strict=True))
    assert shapely.area(kept[0]) == pytest.approx(2.0)  # two triangles of 1 m²
    assert not shapely.has_z(kept).any() and result.z_dropped
    assert result.repaired == 2 and result.dropped_empty == 1  # the empty polygon
    assert result.dropped_non_polygon == 2  # the point, the ring collapsed to a line
    assert result.dropped_types == {"Point": 1}


def test_the_protected_index_travels_as_one_wkb_array(monkeypatch) -> None:
    rng = np.random.default_rng(3)
    pieces = shapely.buffer(shapely.points(rng.uniform(0, 10_000, (300, 2))),
                            rng.uniform(1, 30, 300))
    pieces[7] = shapely.polygons(shapely.linearrings([[0, 0], [1e-3, 0], [0, 1e-3]]))
    index = ProtectedIndex(pieces, 500.0)
    data = pickle.dumps(index, pickle.HIGHEST_PROTOCOL)
    decoded = _counted(monkeypatch, shapely, "from_wkb")
    back = pickle.loads(data)
    assert decoded[0] == 1  # one vectorised decode, not one per polygon
    # the very coordinates: shapely's own WKB of the given polygons
    assert list(shapely.to_wkb(back.pieces)) == list(shapely.to_wkb(index.pieces))
    assert list(shapely.to_wkb(back._given)) == list(shapely.to_wkb(pieces))
    assert back.area_m2 == float(shapely.area(pieces).sum())
    probe = np.array([box(0, 0, 5_000, 5_000)], dtype=object)
    assert back.overlap_areas(probe)[0] == index.overlap_areas(probe)[0] > 0


def test_the_forked_dissolve_runs_on_one_thread_with_the_numbers_of_the_pool(monkeypatch) -> None:
    """In the forked child the protected dissolve gives way to the parent's reading (its
    threads took turns with it on two cores): no thread pool, the same share and pieces to
    the bit as with the pool, and the area of shapely's own union."""
    from naturplan.core import geometry_kernels
    from naturplan.core.share.protected import ProtectedSource, compute_protected
    from naturplan.usecases.suggest_data import _on_one_thread

    pools = [0]
    real = geometry_kernels.ThreadPoolExecutor

    class Counted(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs) -> None:
            pools[0] += 1
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(geometry_kernels, "ThreadPoolExecutor", Counted)
    monkeypatch.setattr(geometry_kernels, "WORKERS", 2)  # as on the 2-core machine
    rng = np.random.default_rng(5)
    xy = rng.uniform((500_000, 6_200_000), (520_000, 6_220_000), (3000, 2))
    squares = shapely.box(xy[:, 0], xy[:, 1], xy[:, 0] + rng.uniform(50, 900, 3000),
                          xy[:, 1] + rng.uniform(50, 900, 3000))  # many overlap
    municipality = box(501_000, 6_201_000, 519_000, 6_219_000)
    args = (municipality, [ProtectedSource("nature_p3", squares)], (), None, ["nature_p3"])
    share, index = compute_protected(*args)
    assert pools[0] >= 1  # the pool the child now does without
    pools[0] = 0
    alone_share, alone_index = _on_one_thread(*args)
    assert pools[0] == 0 and geometry_kernels.WORKERS == 2  # none made; given back after
    assert alone_share == share
    assert list(shapely.to_wkb(alone_index.pieces)) == list(shapely.to_wkb(index.pieces))
    union = shapely.intersection(shapely.union_all(squares), municipality)
    assert alone_share.area_m2 == pytest.approx(shapely.area(union), rel=1e-9)


# --- a layer read near the municipality only (natura2000 for a suggested plan) -------------

def _zones(path: Path, **options) -> list:
    """Three squares near the plan, two far away (one of them a bow-tie to repair)."""
    near = [box(500_000, 6_200_000, 500_100, 6_200_100),
            box(509_950, 6_209_950, 512_000, 6_212_000),
            box(505_000, 6_190_000, 505_010, 6_200_000)]  # the last one touches the box's edge
    far = [Polygon([(700_000, 6_100_000), (700_100, 6_100_100), (700_100, 6_100_000),
                    (700_000, 6_100_100)]), box(600_000, 6_300_000, 600_500, 6_300_500)]
    geoms = [near[0], far[0], near[1], far[1], near[2]]
    gpd.GeoDataFrame({"Objektnavn": list("abcde"), "Site_ident": list("ABCDE")}, geometry=geoms,
                     crs=options.pop("crs", "EPSG:25832")).to_file(path, driver="GPKG",
                                                                   **options)
    return geoms


PLAN_BOX = (500_000.0, 6_200_000.0, 510_000.0, 6_210_000.0)


def test_a_layer_read_near_the_plan_leaves_out_far_features_unrepaired(tmp_path: Path) -> None:
    geoms = _zones(tmp_path / "n.gpkg")
    request = LayerRequest(Role.NATURA2000, tmp_path / "n.gpkg")
    whole = read_polygons(request, ("Objektnavn",))
    near = read_polygons(request, ("Objektnavn",), near=PLAN_BOX)
    # independent: the features whose own boxes meet the plan's box, in the file's order
    meets = [k for k, g in enumerate(geoms) if shapely.intersects(shapely.envelope(g),
                                                                   box(*PLAN_BOX))]
    assert meets == [0, 2, 4]
    assert near.columns["Objektnavn"].tolist() == [list("abcde")[k] for k in meets]
    assert list(shapely.to_wkb(near.geometries)) == list(shapely.to_wkb(
        whole.geometries[[0, 2, 4]]))
    assert whole.summary.report.repaired == 1 and near.summary.report.repaired == 0
    assert len(whole.geometries) == 5


@pytest.mark.parametrize("options", [{"SPATIAL_INDEX": "NO"}, {"crs": "EPSG:3044"}])
def test_a_layer_without_an_rtree_or_in_another_crs_is_read_whole(tmp_path: Path,
                                                                  options) -> None:
    """No R-tree to ask, or boxes in another CRS: every feature, as without *near*."""
    _zones(tmp_path / "n.gpkg", **dict(options))
    request = LayerRequest(Role.NATURA2000, tmp_path / "n.gpkg")
    near = read_polygons(request, ("Objektnavn",), near=PLAN_BOX)
    whole = read_polygons(request, ("Objektnavn",))
    assert near.columns["Objektnavn"].tolist() == list("abcde")
    assert list(shapely.to_wkb(near.geometries)) == list(shapely.to_wkb(whole.geometries))


def test_suggest_reads_natura2000_near_the_municipality_and_finds_the_same_units(
        sample_env, monkeypatch) -> None:
    """The national bird areas are read near the municipality only; the planning units (where
    forest is forbidden among them) are those of the whole layer; counted as protected, the
    layer is read whole."""
    from naturplan.core.optimise.units import planning_units
    from naturplan.io import loading
    from naturplan.io.datasets import DatasetRequest
    from naturplan.io.factors import load_factor_table
    from naturplan.usecases import suggest_data

    request = DatasetRequest(sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"]))
    asked: list[tuple[Role, object]] = []
    real = loading.read_polygons

    def recorded(r, columns=(), bounds=None, *, near=None):
        asked.append((r.role, near))
        return real(r, columns, bounds, near=near)

    monkeypatch.setattr(loading, "read_polygons", recorded)
    near = suggest_data.read_inputs(request)
    box_ = near.municipality.bounds
    assert {n for role, n in asked if role is Role.NATURA2000} == {box_}
    assert {n for role, n in asked if role is Role.PARCELS} == {None}
    monkeypatch.setattr(suggest_data, "NEAR_ROLES", ())
    whole = suggest_data.read_inputs(request)
    assert len(near.layers.natura2000.geoms) < len(whole.layers.natura2000.geoms)
    table = load_factor_table("co2e_v1")
    a = planning_units(near.parcels, near.layers, table, pieces=near.index.pieces)
    b = planning_units(whole.parcels, whole.layers, table, pieces=whole.index.pieces)
    for name in ("source", "new_m2", "kind", "excluded", "cost", "co2e_t"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    # independent: a unit whose interior meets a bird area left out would be forbidden forest
    left_out = np.asarray([g for g in whole.layers.natura2000.geoms
                           if not any(g.equals(h) for h in near.layers.natura2000.geoms)],
                          dtype=object)
    assert not shapely.intersects(shapely.union_all(left_out), near.municipality)
    asked.clear()
    monkeypatch.setattr(suggest_data, "NEAR_ROLES", (Role.NATURA2000,))
    suggest_data.read_inputs(request, roles=(Role.NATURE_P3, Role.NATURA2000))
    assert {n for role, n in asked if role is Role.NATURA2000} == {None}


def test_the_command_imports_what_comes_next_while_the_child_dissolves(
        sample_env, monkeypatch) -> None:
    """*meanwhile* runs once every layer is read, while the forked child still owes its
    dissolve; the share is the child's all the same. If it fails, the error is the
    caller's and the child is stopped (no process left)."""
    import os

    from naturplan.core import forked
    from naturplan.io.datasets import DatasetRequest
    from naturplan.usecases import suggest_data

    monkeypatch.setattr(forked, "can_fork", lambda alone=False: True)
    request = DatasetRequest(sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"]))
    made: list[forked.Pending] = []
    real = forked.start

    def recorded(function, *args, **kwargs):
        made.append(real(function, *args, **kwargs))
        return made[-1]

    monkeypatch.setattr(forked, "start", recorded)
    seen: list[int | None] = []
    inputs = suggest_data.read_inputs(request, meanwhile=lambda: seen.append(made[0].pid))
    assert len(made) == 1 and made[0].forked and seen[0] is not None  # the child owed it
    assert made[0].pid is None  # waited for
    union = shapely.intersection(shapely.union_all(np.asarray(inputs.layers.protected,
                                                              dtype=object)),
                                 inputs.municipality)
    assert inputs.share.area_m2 == pytest.approx(shapely.area(union), rel=1e-9)

    child: list[int | None] = []

    def fails() -> None:
        child.append(made[0].pid)
        raise KeyboardInterrupt

    made.clear()
    with pytest.raises(KeyboardInterrupt):
        suggest_data.read_inputs(request, meanwhile=fails)
    assert child[0] is not None and made[0].pid is None and child[0] not in forked._LIVE
    with pytest.raises(ProcessLookupError):  # killed and waited for: not even a zombie
        os.kill(child[0], 0)


def test_an_rtree_short_of_boxes_is_not_trusted(tmp_path: Path) -> None:
    """An R-tree that lost boxes (its triggers dropped, say) would leave features out: the
    layer is read whole instead."""
    _zones(tmp_path / "n.gpkg")
    with sqlite3.connect(tmp_path / "n.gpkg") as conn:  # GDAL names it rtree_<layer>_<geom>
        conn.execute('DELETE FROM "rtree_n_geom" WHERE id = 3')  # the box of a near square
    near = read_polygons(LayerRequest(Role.NATURA2000, tmp_path / "n.gpkg"), ("Objektnavn",),
                         near=PLAN_BOX)
    assert near.columns["Objektnavn"].tolist() == list("abcde")
