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
