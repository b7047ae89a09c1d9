"""A flood raster too large to hold (the national world's, issue 24 §1) is read in windows:
never preloaded whole, and areas spread over it measured block by block with the numbers of
one read."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely
from analysis_fixtures import write_depth

from naturplan.core.analysis import flood as flood_module
from naturplan.core.analysis import layers as layers_module
from naturplan.core.analysis.flood import exposures


def _depths() -> np.ndarray:
    rng = np.random.default_rng(5)
    values = rng.uniform(0.0, 2.0, (100, 120))
    values[values < 0.8] = 0.0
    values[:3, :5] = np.nan  # no data in a corner
    return values


def test_areas_spread_wide_are_measured_block_by_block_with_the_same_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = write_depth(tmp_path / "depth.tif", _depths(), origin=(0.0, 1000.0), res=10.0)
    rng = np.random.default_rng(9)
    centres = rng.uniform([20, 20], [1180, 980], (60, 2))
    areas = shapely.buffer(shapely.points(centres), rng.uniform(5, 60, 60), quad_segs=4)
    whole = exposures(areas, source)
    reads: list[tuple[float, ...]] = []
    read = source.read_grid
    assert read is not None
    monkeypatch.setattr(source, "read_grid",
                        lambda raster, bounds: reads.append(bounds) or read(raster, bounds))
    monkeypatch.setattr(flood_module, "WINDOW_CELLS", 400)  # blocks of 10 × 10 cells
    blocks = exposures(areas, source)
    assert whole is not None and blocks is not None
    assert len(reads) > 20  # many windows, each small
    assert max((b[2] - b[0]) * (b[3] - b[1]) for b in reads) < 400 * 100 / 2
    for name in ("area_m2", "wet_m2", "data_m2", "mean_depth", "max_depth"):
        np.testing.assert_allclose(getattr(blocks, name), getattr(whole, name), rtol=1e-9,
                                   atol=1e-9, err_msg=name)
    assert (whole.wet_m2 > 0).sum() > 10


def test_a_raster_over_the_limit_is_not_held_whole(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    source = write_depth(tmp_path / "depth.tif", _depths())
    monkeypatch.setattr(layers_module, "PRELOAD_CELLS", 100 * 120 - 1)
    source.preload()
    assert source.cached is None
    monkeypatch.setattr(layers_module, "PRELOAD_CELLS", 100 * 120)
    source.preload()
    assert source.cached is not None and source.cached.values.shape == (100, 120)


def test_blocks_read_through_one_open_raster_give_the_per_block_numbers_bit_for_bit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The suggested plan's flood share (issue 23) reads its blocks through one dataset
    (:func:`kept_open`): one open instead of one per block, the very same numbers; another
    thread opens its own."""
    import threading

    import rasterio

    from naturplan.io.raster import kept_open, read_grid

    source = write_depth(tmp_path / "depth.tif", _depths(), origin=(0.0, 1000.0), res=10.0)
    rng = np.random.default_rng(11)
    centres = rng.uniform([20, 20], [1180, 980], (80, 2))
    areas = shapely.buffer(shapely.points(centres), rng.uniform(5, 60, 80), quad_segs=4)
    monkeypatch.setattr(flood_module, "WINDOW_CELLS", 400)
    opens: list[str] = []
    real_open = rasterio.open
    monkeypatch.setattr(rasterio, "open", lambda path, *a, **k: opens.append(str(path))
                        or real_open(path, *a, **k))
    each = exposures(areas, source)  # the old way: a file open per block
    per_block = len(opens)
    assert per_block > 20
    opens.clear()
    with kept_open(source.raster):
        once = exposures(areas, source)
        assert len(opens) == 1
        seen: list[int] = []
        assert source.raster is not None
        other = threading.Thread(target=lambda: (read_grid(source.raster, (0, 0, 50, 50)),
                                                 seen.append(len(opens))))
        other.start()
        other.join()
        assert seen == [2]  # the other thread opened the file itself
    assert each is not None and once is not None
    for name in ("area_m2", "wet_m2", "data_m2", "mean_depth", "max_depth"):
        assert np.array_equal(getattr(once, name), getattr(each, name), equal_nan=True), name
    # and the numbers are the raster's: the flooded m² of a few areas by plain shapely over
    # the wet cells (depth > 0) of the hand-made grid
    depths = _depths()
    rows, cols = np.nonzero(np.nan_to_num(depths) > 0)
    cells = shapely.box(cols * 10.0, 1000.0 - (rows + 1) * 10.0, (cols + 1) * 10.0,
                        1000.0 - rows * 10.0)
    wet = shapely.union_all(cells)
    expected = shapely.area(shapely.intersection(areas[:10], wet))
    np.testing.assert_allclose(once.wet_m2[:10], expected, rtol=1e-7, atol=1e-3)
    opens.clear()
    exposures(areas[:5], source)  # after the block: opened again, closed again
    assert len(opens) >= 1
