"""Basemap tiles from real servers on loopback land where they belong (issue 12).

The servers serve a checkerboard whose colour is known at every map point
(:func:`loopback.checker_colour`); each test draws the basemap for a view and compares the
pixel at every cell centre with the colour the checkerboard has there.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
import pytest
from loopback import CHECKER_BOUNDS, cell_centres, checker_colour

from naturplan.io.services.basemaps import resolve_basemap
from naturplan.io.services.cache import TileCache
from naturplan.io.services.grids import TileKey, danish_grid, web_mercator_grid
from naturplan.io.services.sources import SourceKind, xyz_source
from naturplan.render.view import MapView


@pytest.fixture
def cache(tmp_path: Path) -> TileCache:
    return TileCache(tmp_path / "tiles.sqlite")


def draw(layer, view: MapView) -> np.ndarray:
    """The basemap of *view* as an RGB array (white where nothing was drawn)."""
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(view.width, view.height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    layer.draw(painter, view, request=False)
    painter.end()
    bits = np.frombuffer(image.constBits(), np.uint8, count=image.sizeInBytes())
    bgra = bits.reshape(view.height, image.bytesPerLine() // 4, 4)[:, :view.width]
    return bgra[..., [2, 1, 0]].copy()


def assert_lands(rgb: np.ndarray, view: MapView, tolerance: int = 3) -> int:
    """Every checker cell centre inside *view* has the cell's colour; returns how many."""
    checked = 0
    for x, y in cell_centres():
        px, py = view.to_pixel(x, y)
        if not (0 <= px < view.width and 0 <= py < view.height):
            continue
        got = rgb[int(py), int(px)].astype(int)
        want = checker_colour(x, y).astype(int)
        assert np.abs(got - want).max() <= tolerance, ((x, y), got, want)
        checked += 1
    return checked


def test_view1_grid_is_dataforsyningens(qapp) -> None:
    """The EPSG:25832 grid has Dataforsyningen's published View1 matrices (3 × 2 tiles of
    419,430.4 m at level 0, 1638.4 m/px halved per level) and tile bounds by hand."""
    grid = danish_grid()
    matrix = grid.tms.matrix(0)
    assert (matrix.matrixWidth, matrix.matrixHeight) == (3, 2)
    assert grid.resolution(0) * 256 == pytest.approx(419_430.4)
    assert grid.resolution(7) == pytest.approx(12.8)
    # (550000, 6320000) at 12.8 m/px: column (550000-120000)/3276.8, row (6500000-6320000)/3276.8
    assert grid.tiles_in((550_000, 6_320_000, 550_001, 6_320_001), 7) == [TileKey(7, 131, 54)]
    assert grid.bounds(TileKey(7, 131, 54)) == pytest.approx(
        (120_000 + 131 * 3276.8, 6_500_000 - 55 * 3276.8,
         120_000 + 132 * 3276.8, 6_500_000 - 54 * 3276.8))
    merc = web_mercator_grid()
    half = 20037508.342789244
    assert merc.bounds(TileKey(2, 1, 2)) == pytest.approx((-half / 2, -half / 2, 0, 0))


@pytest.mark.parametrize("kvp", [False, True], ids=["rest", "kvp"])
def test_wmts_25832_tiles_land_in_place(qapp, mapproxy_server, cache, kvp) -> None:
    """MapProxy's WMTS on the View1 grid (EPSG:25832), RESTful and KVP."""
    from naturplan.render.basemap import BasemapLayer

    if kvp:
        url = f"{mapproxy_server.url}/service?SERVICE=WMTS&layer=checker"
    else:
        url = f"{mapproxy_server.url}/wmts/1.0.0/WMTSCapabilities.xml"
    source = resolve_basemap(url, cache)
    assert source.kind is SourceKind.WMTS and source.grid.crs.to_epsg() == 25832
    assert ("REQUEST=GetTile" in source.template) is kvp
    layer = BasemapLayer(source, cache)
    view = MapView(550_000.0, 6_320_000.0, 12.8, 400, 300)
    stats = layer.ensure(view)
    assert stats.level == 7 and not stats.missing
    assert assert_lands(draw(layer, view), view) >= 4
    layer.close()


def test_wms_tiles_land_in_place(qapp, mapserver_wms, cache) -> None:
    """MapServer's WMS, tiled on the View1 grid in EPSG:25832, at a resolution between levels."""
    from naturplan.render.basemap import BasemapLayer

    source = resolve_basemap(f"{mapserver_wms.url}?SERVICE=WMS&LAYERS=checker", cache)
    assert source.kind is SourceKind.WMS and source.grid.crs.to_epsg() == 25832
    layer = BasemapLayer(source, cache)
    view = MapView(551_000.0, 6_319_000.0, 30.0, 500, 400)
    assert not layer.ensure(view).missing
    assert assert_lands(draw(layer, view), view) >= 16
    layer.close()


def test_xyz_3857_tiles_are_reprojected_in_place(qapp, xyz_server, cache) -> None:
    """XYZ tiles in EPSG:3857 from a directory on a local HTTP server, warped into 25832.

    Not only the cell centres: every pixel farther than one pixel from a cell edge has its
    cell's colour (the checkerboard's edges are straight in EPSG:25832, curved in 3857).
    """
    from naturplan.render.basemap import BasemapLayer

    source = resolve_basemap(xyz_server.url + "/{z}/{x}/{y}.png", cache)
    assert source.kind is SourceKind.XYZ and source.grid.crs.to_epsg() == 3857
    layer = BasemapLayer(source, cache)
    view = MapView(550_000.0, 6_320_000.0, 25.0, 640, 640)
    stats = layer.ensure(view)
    assert stats.level == 12 and not stats.missing
    rgb = draw(layer, view)
    assert assert_lands(rgb, view) >= 36
    xs = view.bounds[0] + (np.arange(view.width) + 0.5) * view.resolution
    ys = view.bounds[3] - (np.arange(view.height) + 0.5) * view.resolution
    gx, gy = np.meshgrid(xs, ys)
    edge = np.minimum(np.abs((gx - 540_000) / 2000 - np.round((gx - 540_000) / 2000)),
                      np.abs((gy - 6_310_000) / 2000 - np.round((gy - 6_310_000) / 2000)))
    inside = (gx > CHECKER_BOUNDS[0]) & (gx < CHECKER_BOUNDS[2]) & \
        (gy > CHECKER_BOUNDS[1]) & (gy < CHECKER_BOUNDS[3])
    far = inside & (edge * 2000 > 1.5 * view.resolution)
    diff = np.abs(rgb.astype(int) - checker_colour(gx, gy).astype(int)).max(axis=-1)
    assert far.sum() > 300_000
    assert (diff[far] > 3).mean() < 0.001, (diff[far] > 3).sum()
    layer.close()


def test_cache_serves_with_the_server_stopped(qapp, xyz_server, cache, tmp_path) -> None:
    """Tiles seen once draw again from the disk cache after the server is gone."""
    from naturplan.render.basemap import BasemapLayer

    source = xyz_source(xyz_server.url + "/{z}/{x}/{y}.png")
    view = MapView(550_000.0, 6_320_000.0, 25.0, 300, 300)
    first = BasemapLayer(source, cache)
    assert not first.ensure(view).missing
    asked = len(xyz_server.paths)
    assert asked > 0
    xyz_server.stop()
    first.close()
    again = BasemapLayer(source, TileCache(cache.path))  # a new start: nothing in memory
    stats = again.ensure(view, timeout=10)
    assert not stats.missing
    assert assert_lands(draw(again, view), view) >= 9
    # the screen's path too: tiles asked for in the background come from the cache
    third = BasemapLayer(source, TileCache(cache.path))
    third.loader.want(third.plan(view)[1])
    deadline = time.monotonic() + 10
    while third.loader.busy and time.monotonic() < deadline:
        time.sleep(0.02)
    assert all(k in third.memory for k in third.plan(view)[1])
    for layer in (again, third):
        layer.close()


def test_tiles_are_asked_for_with_a_real_user_agent(qapp, xyz_server, cache) -> None:
    from naturplan.io.services.http import USER_AGENT
    from naturplan.render.basemap import BasemapLayer

    layer = BasemapLayer(xyz_source(xyz_server.url + "/{z}/{x}/{y}.png"), cache)
    layer.ensure(MapView(550_000.0, 6_320_000.0, 25.0, 200, 200))
    assert xyz_server.agents and set(xyz_server.agents) == {USER_AGENT}
    assert USER_AGENT.startswith("naturplan/")
    layer.close()


def _png(colour: str) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data().data())


def test_tiles_kept_scaled_for_the_screen_follow_a_refreshed_tile_and_a_zoom(
        qapp, cache) -> None:
    """On screen the tiles of a level are kept scaled to the view's pixel size: a tile
    that arrives again with new pixels is drawn new, a zoom scales afresh, and the tiles
    still cover the view edge to edge (no gap where rounded edges meet)."""
    from naturplan.io.services.sources import TileSource
    from naturplan.render.basemap import BasemapLayer

    source = TileSource("test", "test", SourceKind.WMTS, "http://127.0.0.1:9/{z}/{x}/{y}",
                        danish_grid())
    layer = BasemapLayer(source, cache, offline=True)
    views = [MapView(556_123.4, 6_321_077.7, resolution, 640, 480)
             for resolution in (4.0, 2.7, 4.0)]
    for view in views:
        _, keys = layer.plan(view)
        for key in keys:
            layer.memory.put(key, layer.make_tile(key, _png("#1f77b4")))
    blue, orange = np.array([0x1F, 0x77, 0xB4]), np.array([0xFF, 0x7F, 0x0E])
    for view in views:
        rgb = draw(layer, view)
        assert (rgb == blue).all(axis=-1).all(), "a gap or a wrong colour"
        level, keys = layer.plan(view)
        assert level == layer.grid.level_for(view.resolution)
        assert layer.grid.resolution(level) != view.resolution  # the tiles are scaled
        # The centre tile arrives again, orange: the screen shows the new one.
        centre = keys[0]
        layer.memory.put(centre, layer.make_tile(centre, _png("#ff7f0e")))
        rgb = draw(layer, view)
        minx, miny, maxx, maxy = layer.grid.bounds(centre)
        px, py = view.to_pixel((minx + maxx) / 2, (miny + maxy) / 2)
        assert (rgb[int(py), int(px)] == orange).all()
        layer.memory.put(centre, layer.make_tile(centre, _png("#1f77b4")))
    layer.close()
