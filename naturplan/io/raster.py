"""Reading rasters (GeoTIFF and anything GDAL reads) in EPSG:25832.

Pixels stay in the file. Readers open it through :func:`open_working`, which gives a warped
view in EPSG:25832 when the file is in another CRS, so every caller measures in metres.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from naturplan.core.errors import LayerLoadError, MissingCRSError
from naturplan.core.layers.layer import LayerSource, RasterLayer
from naturplan.core.layers.roles import WORKING_EPSG, Role

if TYPE_CHECKING:  # rasterio and the zonal module (exactextract) load only when used
    import rasterio.io

    from naturplan.core.analysis.zonal import RasterGrid

RASTER_SUFFIXES = {".tif", ".tiff", ".vrt", ".asc", ".img", ".nc"}

#: Rasters held open by :func:`kept_open`: (path, stated CRS) → (process, thread, dataset).
_KEPT: dict[tuple[str, str | None], tuple[int, int, rasterio.io.DatasetReaderBase]] = {}


def is_raster_path(path: Path) -> bool:
    """True for file endings that are read as rasters."""
    return Path(path).suffix.lower() in RASTER_SUFFIXES


@contextmanager
def open_working(
    path: Path, assume_crs: str | int | None = None
) -> Iterator[rasterio.io.DatasetReaderBase]:
    """Open a raster as seen in EPSG:25832 (a warped view if needed).

    Raises
    ------
    LayerLoadError
        If the file cannot be opened.
    MissingCRSError
        If the file has no CRS and *assume_crs* is None.
    """
    import rasterio
    from rasterio.crs import CRS as RioCRS
    from rasterio.errors import RasterioIOError
    from rasterio.vrt import WarpedVRT

    try:
        src = rasterio.open(path)
    except (RasterioIOError, OSError) as exc:
        raise LayerLoadError(
            "Cannot read raster '{name}': {reason}", name=Path(path).name, reason=str(exc)
        ) from None
    with src:
        crs = src.crs
        if crs is None:
            if assume_crs is None:
                raise MissingCRSError(
                    "'{name}' has no coordinate reference system.", name=Path(path).name
                )
            crs = RioCRS.from_user_input(
                f"EPSG:{assume_crs}" if str(assume_crs).isdigit() else str(assume_crs)
            )
        if crs.to_epsg() == WORKING_EPSG and src.crs is not None:
            yield src
            return
        with WarpedVRT(src, src_crs=crs, crs=f"EPSG:{WORKING_EPSG}") as vrt:
            yield vrt


def describe_raster(
    role: Role, path: Path, assume_crs: str | int | None = None, value_range: bool = True
) -> RasterLayer:
    """Open a raster and describe it as a :class:`RasterLayer` (no pixels kept).

    With *value_range* False the band's minimum and maximum are not read (they cost a
    decimated read of the whole band) and stay ``(0, 0)``.

    A plain GeoTIFF in EPSG:25832 is described from its header when the value range is not
    wanted (:func:`_from_header`; importing rasterio costs ``suggest`` 0.1-0.2 s).

    Raises
    ------
    LayerLoadError
        If the file is missing or cannot be read.
    MissingCRSError
        If it has no CRS and *assume_crs* is None.
    """
    path = Path(path)
    if not path.exists():
        raise LayerLoadError("File not found: {path}", path=str(path))
    if not value_range and (layer := _from_header(role, path)) is not None:
        return layer
    import rasterio
    from rasterio.errors import RasterioIOError

    try:
        raw = rasterio.open(path)
    except (RasterioIOError, OSError) as exc:
        raise LayerLoadError(
            "Cannot read raster '{name}': {reason}", name=path.name, reason=str(exc)
        ) from None
    with raw:
        tags = {k.upper(): v for k, v in raw.tags().items()}
        driver = raw.driver
        source_crs = raw.crs.to_string() if raw.crs else f"EPSG:{assume_crs} (stated)"
    with open_working(path, assume_crs) as src:
        bounds = tuple(float(v) for v in src.bounds)
        values = _value_range(src) if value_range else (0.0, 0.0)
        layer = RasterLayer(
            role=role,
            source=LayerSource(
                path=path,
                driver=driver,
                source_crs=source_crs,
                mapping="raster band 1",
                synthetic=tags.get("NATURPLAN_SYNTHETIC", "").lower() == "true",
                description=tags.get("TIFFTAG_IMAGEDESCRIPTION", tags.get("DESCRIPTION", "")),
            ),
            bounds=(bounds[0], bounds[1], bounds[2], bounds[3]),
            width=src.width,
            height=src.height,
            resolution=(float(src.res[0]), float(src.res[1])),
            nodata=None if src.nodata is None else float(src.nodata),
            value_range=values,
        )
    return layer


def _from_header(role: Role, path: Path) -> RasterLayer | None:
    """*path* described from its GeoTIFF header, as :func:`describe_raster` would with
    rasterio: only for a north-up grid in EPSG:25832 with its corner tied to the first cell
    (its bounds are then the tie point and the cell size times the size, as GDAL's); None
    for anything else."""
    from naturplan.io.geotiff import read_header

    header = read_header(path)
    if header is None or header.epsg != WORKING_EPSG or header.origin is None:
        return None
    assert header.cell is not None
    try:
        nodata = None if header.nodata is None else float(header.nodata)
    except ValueError:
        return None
    (left, top), (dx, dy) = header.origin, header.cell
    tags = {k.upper(): v for k, v in header.metadata.items()}
    return RasterLayer(
        role=role,
        source=LayerSource(
            path=path,
            driver="GTiff",
            source_crs=f"EPSG:{WORKING_EPSG}",
            mapping="raster band 1",
            synthetic=tags.get("NATURPLAN_SYNTHETIC", "").lower() == "true",
            description=tags.get("TIFFTAG_IMAGEDESCRIPTION", tags.get("DESCRIPTION", "")),
        ),
        bounds=(left, top - dy * header.height, left + dx * header.width, top),
        width=header.width,
        height=header.height,
        resolution=(dx, dy),
        nodata=nodata,
        value_range=(0.0, 0.0),
    )


def _value_range(src: rasterio.io.DatasetReaderBase) -> tuple[float, float]:
    """Min and max of band 1 from a decimated read (cheap on big files)."""
    factor = max(1, int(max(src.width, src.height) / 1024))
    data = src.read(
        1,
        out_shape=(max(1, src.height // factor), max(1, src.width // factor)),
        masked=True,
    )
    if data.count() == 0:
        return (0.0, 0.0)
    return (float(data.min()), float(data.max()))


def sample_at(layer: RasterLayer, x: float, y: float) -> float | None:
    """The value of band 1 at (x, y) in EPSG:25832, or None for nodata / outside."""
    from rasterio.windows import Window

    with open_working(layer.source.path, _assumed(layer)) as src:
        row, col = src.index(x, y)
        if not (0 <= row < src.height and 0 <= col < src.width):
            return None
        value = src.read(1, window=Window(col, row, 1, 1), masked=True)
        if value.mask.any():
            return None
        return float(value[0, 0])


def read_window(
    layer: RasterLayer,
    bounds: tuple[float, float, float, float],
    out_shape: tuple[int, int] | None = None,
) -> NDArray[np.float64]:
    """Band 1 over *bounds* (EPSG:25832) as a masked-to-NaN float array.

    With *out_shape* (rows, cols) the read is resampled by GDAL, which is how the map
    renderer reads a whole municipality at screen resolution without loading every pixel.
    """
    from rasterio.windows import from_bounds

    with open_working(layer.source.path, _assumed(layer)) as src:
        window = from_bounds(*bounds, transform=src.transform)
        data = src.read(
            1, window=window, out_shape=out_shape, masked=True, boundless=True,
            fill_value=src.nodata if src.nodata is not None else 0,
        )
    return np.ma.filled(data.astype(float), np.nan)


def _assumed(layer: RasterLayer) -> str | None:
    text = layer.source.source_crs
    if text.endswith("(stated)"):
        return text.split()[0].removeprefix("EPSG:")
    return None


@contextmanager
def kept_open(layer: RasterLayer | None) -> Iterator[None]:
    """While inside, :func:`read_grid` reads *layer* (None: nothing) through one dataset
    opened here, instead of opening the file for each window (issue 23: the suggested plan's
    flood share reads ~22 windows, one per block of units; each open cost ~2-5 ms of GDAL's
    header parsing). Only this thread of this process uses it: a forked child or another
    thread opens its own. The cells read are the file's, the same either way."""
    if layer is None:
        yield
        return
    key = (str(layer.source.path), _assumed(layer))
    if _kept(key) is not None:  # already held open by an outer block
        yield
        return
    with open_working(layer.source.path, _assumed(layer)) as src:
        _KEPT[key] = (os.getpid(), threading.get_ident(), src)
        try:
            yield
        finally:
            _KEPT.pop(key, None)


def _kept(key: tuple[str, str | None]) -> rasterio.io.DatasetReaderBase | None:
    kept = _KEPT.get(key)
    if kept is None or kept[0] != os.getpid() or kept[1] != threading.get_ident():
        return None
    return kept[2]


@contextmanager
def _working(layer: RasterLayer) -> Iterator[rasterio.io.DatasetReaderBase]:
    """*layer* open as :func:`open_working` opens it: the dataset :func:`kept_open` holds,
    if any, else opened (and closed) here."""
    src = _kept((str(layer.source.path), _assumed(layer)))
    if src is not None:
        yield src
        return
    with open_working(layer.source.path, _assumed(layer)) as opened:
        yield opened


def read_grid(
    layer: RasterLayer, bounds: tuple[float, float, float, float] | None = None
) -> RasterGrid:
    """Band 1 at its own resolution over the cells *bounds* touches (default: the whole
    raster), as a :class:`~naturplan.core.analysis.zonal.RasterGrid` (NaN = no data).

    The window is widened to whole cells of the raster's grid, so zonal statistics see the
    file's own cells, never resampled ones.

    Raises
    ------
    LayerLoadError
        If the file cannot be read.
    """
    from rasterio.windows import Window

    from naturplan.core.analysis.zonal import RasterGrid

    with _working(layer) as src:
        t = src.transform
        minx, miny, maxx, maxy = bounds if bounds is not None else tuple(src.bounds)
        col0 = max(int(np.floor((minx - t.c) / t.a)), 0)
        col1 = min(int(np.ceil((maxx - t.c) / t.a)), src.width)
        row0 = max(int(np.floor((maxy - t.f) / t.e)), 0)
        row1 = min(int(np.ceil((miny - t.f) / t.e)), src.height)
        if col1 <= col0 or row1 <= row0:
            return RasterGrid(np.full((0, 0), np.nan, dtype=np.float32), (minx, miny, minx, miny))
        window = Window(col0, row0, col1 - col0, row1 - row0)
        values = src.read(1, window=window).astype(np.float32, copy=False)
        if src.nodata is not None and not np.isnan(src.nodata):
            values[values == np.float32(src.nodata)] = np.nan
        left, top = t.c + col0 * t.a, t.f + row0 * t.e
        grid_bounds = (left, top + (row1 - row0) * t.e, left + (col1 - col0) * t.a, top)
    return RasterGrid(values, grid_bounds)
