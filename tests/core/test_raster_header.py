"""A GeoTIFF described from its header is described as rasterio describes it (issue 23:
``suggest`` describes the flood raster without importing rasterio)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from naturplan.core.layers.roles import Role
from naturplan.io import raster


def _write(path: Path, crs: str | None, transform: Any, nodata: float | None = None,
           **options: Any) -> Path:
    import rasterio

    with rasterio.open(path, "w", driver="GTiff", width=37, height=23, count=1,
                       dtype="float32", crs=crs, transform=transform, nodata=nodata,
                       **options) as dst:
        dst.write(np.arange(37 * 23, dtype="float32").reshape(1, 23, 37))
        dst.update_tags(NATURPLAN_SYNTHETIC="true", TIFFTAG_IMAGEDESCRIPTION="Oversvømmelse")
    return path


def _by_rasterio(path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as m:
        m.setattr(raster, "_from_header", lambda role, path: None)
        return raster.describe_raster(Role.FLOOD, path, value_range=False)


@pytest.mark.parametrize(("origin", "cell", "nodata", "options"), [
    ((500_000, 6_300_000), (10, 10), None, {}),
    ((512_345.125, 6_301_234.75), (0.4, 0.4), -9999.0, {"BIGTIFF": "YES"}),
    ((550_000.3, 6_320_000.7), (1.6, 2.5), 0.0,
     {"ENDIANNESS": "BIG", "TILED": "YES", "COMPRESS": "DEFLATE"}),
])
def test_a_plain_geotiff_is_described_from_its_header_as_by_rasterio(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, origin: tuple[float, float],
    cell: tuple[float, float], nodata: float | None, options: dict[str, str],
) -> None:
    from rasterio.transform import from_origin

    tif = _write(tmp_path / "d.tif", "EPSG:25832",
                 from_origin(origin[0], origin[1], cell[0], cell[1]), nodata, **options)
    header = raster._from_header(Role.FLOOD, tif)
    assert header is not None  # this one needs no rasterio
    assert header == _by_rasterio(tif, monkeypatch)
    assert header.bounds == pytest.approx(
        (origin[0], origin[1] - 23 * cell[1], origin[0] + 37 * cell[0], origin[1]), rel=1e-15)
    assert raster.describe_raster(Role.FLOOD, tif, value_range=False) == header


def test_other_rasters_are_left_to_rasterio(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from affine import Affine
    from rasterio.transform import from_origin

    cases = {
        "wgs84": _write(tmp_path / "a.tif", "EPSG:4326", from_origin(9.9, 57.1, 0.001, 0.001)),
        "rotated": _write(tmp_path / "b.tif", "EPSG:25832",
                          Affine(10, 1, 500_000, 1, -10, 6_300_000)),
        "points": _write(tmp_path / "c.tif", "EPSG:25832",
                         from_origin(500_000, 6_300_000, 10, 10)),
        "no crs": _write(tmp_path / "e.tif", None, from_origin(500_000, 6_300_000, 10, 10)),
    }
    import rasterio

    with rasterio.open(cases["points"], "r+") as dst:
        dst.update_tags(AREA_OR_POINT="Point")
    for name, tif in cases.items():
        assert raster._from_header(Role.FLOOD, tif) is None, name
    by_rasterio = _by_rasterio(cases["wgs84"], monkeypatch)
    assert raster.describe_raster(Role.FLOOD, cases["wgs84"], value_range=False) == by_rasterio
    # the value range is read through rasterio: min and max of the cells
    ranged = raster.describe_raster(Role.FLOOD, cases["rotated"], value_range=True)
    assert ranged.value_range == (0.0, 37 * 23 - 1.0)


def test_the_samples_flood_raster_is_described_as_by_rasterio(
    sample_env: dict[str, str], monkeypatch: pytest.MonkeyPatch,
) -> None:
    tifs = sorted(Path(sample_env["NATURPLAN_SAMPLE_DIR"]).rglob("*.tif"))
    assert tifs
    for tif in tifs:
        header = raster._from_header(Role.FLOOD, tif)
        assert header is not None
        assert header == _by_rasterio(tif, monkeypatch)
