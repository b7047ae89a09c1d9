"""Zonal statistics (flood exposure) against hand-made answers and an independent
cell-by-cell computation with shapely."""

from __future__ import annotations

import numpy as np
import pytest
import rasterio
import shapely
from affine import Affine

from naturplan.core.analysis.overlay import intersect_pairs
from naturplan.core.analysis.zonal import RasterGrid, flood_exposure, zone_exposure
from naturplan.core.errors import OperationCancelled
from naturplan.core.feedback import Feedback
from naturplan.core.geometry_kernels import union_by_group
from naturplan.core.layers.roles import Role
from naturplan.io.raster import describe_raster, read_grid


def _write_tif(path, values, origin=(1000.0, 2000.0), res=1.0, nodata=-9999.0):
    rows, cols = values.shape
    transform = Affine(res, 0, origin[0], 0, -res, origin[1])
    data = np.where(np.isnan(values), nodata, values).astype("float32")
    with rasterio.open(path, "w", driver="GTiff", width=cols, height=rows, count=1,
                       dtype="float32", crs="EPSG:25832", transform=transform,
                       nodata=nodata) as dst:
        dst.write(data, 1)
    return describe_raster(Role.FLOOD, path)


def test_half_the_parcel_in_a_one_metre_block(tmp_path):
    # 20 x 20 cells of 1 m; the western half (x < 1010) is 1 m deep, the rest dry.
    values = np.zeros((20, 20))
    values[:, :10] = 1.0
    layer = _write_tif(tmp_path / "flood.tif", values)
    grid = read_grid(layer)
    assert grid.bounds == (1000.0, 1980.0, 1020.0, 2000.0)
    # A parcel 8 m x 6 m centred on the edge of the wet block: exactly half is flooded.
    parcel = shapely.box(1006.0, 1985.0, 1014.0, 1991.0)
    result = flood_exposure(np.array([parcel]), grid)
    assert result.area_m2[0] == pytest.approx(48.0)
    assert result.wet_m2[0] == pytest.approx(24.0)
    assert result.wet_share[0] == pytest.approx(0.5)
    assert result.mean_depth[0] == pytest.approx(1.0)
    assert result.max_depth[0] == pytest.approx(1.0)
    assert result.data_share[0] == pytest.approx(1.0)


def test_partial_cells_count_with_their_covered_fraction():
    # Cells of 10 m; a parcel covering a quarter of one wet cell and nothing else.
    values = np.zeros((4, 4))
    values[1, 1] = 2.0
    grid = RasterGrid(values, (0.0, 0.0, 40.0, 40.0))
    parcel = shapely.box(10.0, 25.0, 15.0, 30.0)  # 5 x 5 m in the cell x 10-20, y 20-30
    result = flood_exposure(np.array([parcel]), grid)
    assert result.wet_m2[0] == pytest.approx(25.0)
    assert result.wet_share[0] == pytest.approx(1.0)
    assert result.max_depth[0] == pytest.approx(2.0)


def _independent(polygon, values, bounds, res):
    """Cell by cell with shapely: the covered area of every cell, no coverage library."""
    rows, cols = values.shape
    xs = bounds[0] + np.arange(cols) * res
    ys = bounds[3] - (np.arange(rows) + 1) * res
    gx, gy = np.meshgrid(xs, ys)
    cells = shapely.box(gx, gy, gx + res, gy + res)
    covered = shapely.area(shapely.intersection(cells, polygon))
    valid = np.isfinite(values)
    wet = valid & (values > 0)
    wet_area = covered[wet].sum()
    depth_area = (covered[wet] * values[wet]).sum()
    touched = wet & (covered > 0)
    max_depth = values[touched].max() if touched.any() else 0.0
    return wet_area, covered[valid].sum(), depth_area / wet_area if wet_area else np.nan, max_depth


def test_random_polygons_match_a_cell_by_cell_computation():
    rng = np.random.default_rng(7)
    res = 5.0
    values = np.zeros((80, 80))
    # A wet patch with varied depths, a hole of no data, the rest dry: both the fast path
    # (dry, full data) and the exact path are exercised.
    values[10:40, 20:60] = np.round(rng.uniform(0.05, 2.5, size=(30, 40)), 2)
    values[50:56, 5:12] = np.nan
    bounds = (500_000.0, 6_200_000.0, 500_000.0 + 80 * res, 6_200_000.0 + 80 * res)
    grid = RasterGrid(values, bounds)
    centres = rng.uniform(30, 370, size=(40, 2)) + np.array(bounds[:2])
    polygons = shapely.buffer(shapely.points(centres), rng.uniform(3, 40, 40), quad_segs=3)
    result = flood_exposure(polygons, grid)
    assert (result.wet_m2 == 0).sum() > 5 and (result.wet_m2 > 0).sum() > 5
    # exactextract keeps coverage fractions in single precision: agree to ~1e-7 relative.
    for i, polygon in enumerate(polygons):
        wet, data, mean, top = _independent(polygon, values, bounds, res)
        assert result.wet_m2[i] == pytest.approx(wet, rel=1e-6, abs=1e-4)
        assert result.data_m2[i] == pytest.approx(data, rel=1e-6, abs=1e-4)
        assert result.max_depth[i] == pytest.approx(top, abs=1e-6)
        if wet > 0:
            assert result.mean_depth[i] == pytest.approx(mean, rel=1e-6)
        else:
            assert np.isnan(result.mean_depth[i])


def test_a_polygon_sticking_out_of_the_raster_reports_the_covered_part():
    values = np.ones((10, 10))
    grid = RasterGrid(values, (0.0, 0.0, 10.0, 10.0))
    polygon = shapely.box(5.0, 5.0, 15.0, 15.0)
    result = flood_exposure(np.array([polygon]), grid)
    assert result.data_m2[0] == pytest.approx(25.0)
    assert result.wet_m2[0] == pytest.approx(25.0)
    assert result.wet_share[0] == pytest.approx(0.25)


def test_threshold_and_empty_inputs():
    values = np.array([[0.1, 0.6], [0.0, 0.3]])
    grid = RasterGrid(values, (0.0, 0.0, 2.0, 2.0))
    whole = np.array([shapely.box(0, 0, 2, 2)])
    assert flood_exposure(whole, grid).wet_m2[0] == pytest.approx(3.0)
    deep = flood_exposure(whole, grid, min_depth=0.2)
    assert deep.wet_m2[0] == pytest.approx(2.0)
    assert deep.mean_depth[0] == pytest.approx(0.45)
    assert len(flood_exposure(np.empty(0, dtype=object), grid)) == 0


def test_cancel_stops_the_exact_pass():
    values = np.ones((10, 10))
    grid = RasterGrid(values, (0.0, 0.0, 10.0, 10.0))
    feedback = Feedback()
    feedback.cancel()
    with pytest.raises(OperationCancelled):
        flood_exposure(np.array([shapely.box(1, 1, 3, 3)]), grid, feedback=feedback)


def test_zone_polygons_count_their_union_not_their_sum():
    parcel = shapely.box(0, 0, 10, 10)
    zones = np.array([shapely.box(-5, 0, 5, 10), shapely.box(0, 0, 5, 5)])  # nested
    result = zone_exposure(np.array([parcel, shapely.box(20, 20, 21, 21)]), zones,
                           depths=np.array([1.0, 3.0]))
    assert result.wet_m2[0] == pytest.approx(50.0)
    assert result.wet_share[0] == pytest.approx(0.5)
    assert result.max_depth[0] == pytest.approx(3.0)
    # Area-weighted over the overlapping parts: (50 x 1 + 25 x 3) / 75.
    assert result.mean_depth[0] == pytest.approx(125.0 / 75.0)
    assert result.wet_m2[1] == 0 and result.max_depth[1] == 0
    no_depth = zone_exposure(np.array([parcel]), zones)
    assert np.isnan(no_depth.max_depth[0]) and no_depth.wet_m2[0] == pytest.approx(50.0)


def test_union_per_group_matches_a_plain_union():
    rng = np.random.default_rng(3)
    geoms = shapely.buffer(shapely.points(rng.uniform(0, 100, size=(300, 2))), 6.0)
    groups = rng.integers(0, 40, 300)
    unions, keys = union_by_group(geoms, groups)
    for union, key in zip(unions, keys, strict=True):
        expected = shapely.union_all(geoms[groups == key])
        assert shapely.area(union) == pytest.approx(shapely.area(expected), rel=1e-9)


def test_intersect_pairs_drops_touching_pairs():
    left = np.array([shapely.box(0, 0, 1, 1), shapely.box(5, 5, 6, 6)])
    right = np.array([shapely.box(1, 0, 2, 1), shapely.box(0.5, 0.5, 5.5, 5.5)])
    pairs = intersect_pairs(left, right)
    assert sorted(zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)) == [(0, 1), (1, 1)]
    assert pairs.areas.tolist() == pytest.approx([0.25, 0.25])


def test_polygons_wholly_outside_the_raster_have_no_data(tmp_path):
    layer = _write_tif(tmp_path / "flood.tif", np.ones((4, 4)))
    grid = read_grid(layer, (5000.0, 5000.0, 5010.0, 5010.0))  # no cell of the raster here
    assert grid.values.size == 0
    result = flood_exposure(np.array([shapely.box(5000, 5000, 5010, 5010)]), grid)
    assert result.wet_m2[0] == 0.0 and result.data_m2[0] == 0.0
    assert result.area_m2[0] == pytest.approx(100.0)
    assert np.isnan(result.max_depth[0])
