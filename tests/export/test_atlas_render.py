"""The atlas draws a raster at its own cell size (snapped to its grid) instead of at the
page's resolution: the picture must be the one the print renderer draws, and the cells must
sit where the raster says they are."""

from __future__ import annotations

import numpy as np
import rasterio
from affine import Affine

from naturplan.core.layers.roles import Role
from naturplan.io.raster import describe_raster
from naturplan.io.styles import load_styles
from naturplan.render.atlas import AtlasRenderer, grid_window
from naturplan.render.renderer import MapRenderer, RenderItem
from naturplan.render.view import MapView

X0, Y0 = 550_000.0, 6_320_000.0  # top-left corner of the raster, 10 m cells


def checkerboard(path) -> None:  # type: ignore[no-untyped-def]
    """A 200 × 200 raster: 1 m deep in a checkerboard of 5-cell squares, dry elsewhere."""
    rows, cols = np.indices((200, 200))
    depth = np.where(((rows // 5) + (cols // 5)) % 2 == 0, 1.0, 0.0).astype("float32")
    with rasterio.open(path, "w", driver="GTiff", width=200, height=200, count=1,
                       dtype="float32", crs="EPSG:25832", nodata=-9999,
                       transform=Affine(10, 0, X0, 0, -10, Y0)) as dst:
        dst.write(depth, 1)


def rgb(image) -> np.ndarray:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGB888)
    raw = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    rows = raw.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 3]
    return rows.reshape(image.height(), image.width(), 3).copy()  # the image dies here


def test_raster_at_cell_size_draws_the_same_picture(tmp_path, qapp) -> None:  # type: ignore[no-untyped-def]
    checkerboard(tmp_path / "flood.tif")
    layer = describe_raster(Role.FLOOD, tmp_path / "flood.tif")
    style = load_styles()[Role.FLOOD]
    items = [RenderItem(layer, style)]
    # 1:5.000 at 200 dpi: 0,635 m pixels over 10 m cells, centred off the grid
    view = MapView.for_paper(X0 + 733.3, Y0 - 811.7, 5000, 120, 90, 200)
    assert grid_window(layer, view) is not None
    base, _ = MapRenderer().render_image(view, items, labels=False)
    ours, _ = AtlasRenderer().render_image(view, items, labels=False)
    a, b = rgb(base).astype(int), rgb(ours).astype(int)
    differ = np.any(np.abs(a - b) > 8, axis=2)
    assert differ.mean() < 0.02  # at most a pixel along some cell edges
    # and a cell is where the raster says: the centre of cell (row 80, col 72) is wet
    # (80 // 5 + 72 // 5 = 30, even), the one east of it (col 77) dry
    for col, wet in ((72, True), (77, False)):
        x, y = X0 + (col + 0.5) * 10, Y0 - (80 + 0.5) * 10
        px, py = view.to_pixel(x, y)
        dry_colour = rgb(MapRenderer().render_image(view, [], labels=False)[0])[0, 0]
        pixel = rgb(ours)[int(py), int(px)]
        assert (np.abs(pixel.astype(int) - dry_colour.astype(int)).sum() > 30) == wet


def test_grid_window_snaps_outward_to_the_cells(tmp_path) -> None:  # type: ignore[no-untyped-def]
    checkerboard(tmp_path / "flood.tif")
    layer = describe_raster(Role.FLOOD, tmp_path / "flood.tif")
    view = MapView.for_paper(X0 + 733.3, Y0 - 811.7, 5000, 120, 90, 200)
    (minx, miny, maxx, maxy), (rows, cols) = grid_window(layer, view)
    vminx, vminy, vmaxx, vmaxy = view.bounds
    assert minx <= vminx and maxx >= vmaxx and miny <= vminy and maxy >= vmaxy
    assert maxx - vmaxx < 10 and vminx - minx < 10
    for edge in (minx - X0, maxx - X0, Y0 - miny, Y0 - maxy):
        assert abs(edge / 10 - round(edge / 10)) < 1e-9  # on the grid
    assert (rows, cols) == (round((maxy - miny) / 10), round((maxx - minx) / 10))
    coarse = MapView.for_paper(X0 + 1000, Y0 - 1000, 100_000, 120, 90, 200)
    assert grid_window(layer, coarse) is None  # coarser than the cells: read as before
