"""The renderer's Qt shapes of a layer held whole are capped (issue 24 §2): panning across
many views keeps the cache under its cap, drops the least recently drawn shapes first, and
draws exactly what a renderer with no cache history draws."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely

from naturplan.core.layers.layer import LayerSource, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.io.styles import load_styles

X0, Y0 = 550_000.0, 6_300_000.0
TYPES = ["Sø", "Hede", "Mose", "Overdrev"]


def _ngon(x: float, y: float, r: float, n: int) -> shapely.Polygon:
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    wobble = 1 + 0.15 * np.sin(angles * 7)  # not a regular polygon: simplification bites
    return shapely.Polygon(np.c_[x + r * wobble * np.cos(angles), y + r * wobble * np.sin(angles)])


def _layer() -> VectorLayer:
    """30 × 30 features 300 m apart: many-vertex 'lakes' and four-corner 'meadows', with a
    hole in every fifth lake (drawn as a path)."""
    geoms, kinds = [], []
    for i in range(30):
        for j in range(30):
            x, y = X0 + i * 300, Y0 + j * 300
            if (i + j) % 2:
                geoms.append(shapely.box(x - 90, y - 60, x + 90, y + 60))
            else:
                lake = _ngon(x, y, 110, 90)
                geoms.append(lake.difference(_ngon(x, y, 30, 20)) if (i + j) % 5 == 0 else lake)
            kinds.append(TYPES[(i * 7 + j) % 4])
    frame = gpd.GeoDataFrame({"Natyp_navn": kinds}, geometry=geoms, crs=25832)
    return VectorLayer(Role.NATURE_P3, frame, LayerSource(path=Path("x")))


def _views():  # type: ignore[no-untyped-def]
    """A pan across the layer at 8 m/px, then one at 64 m/px (levels 6 and 12: no borrowing
    between them), then back to the start."""
    from naturplan.render.view import MapView

    fine = [MapView(X0 + 500 + k * 700, Y0 + 500 + k * 600, 8.0, 240, 180) for k in range(13)]
    coarse = [MapView(X0 + 2000 + k * 1500, Y0 + 4500, 64.0, 160, 120) for k in range(4)]
    return fine + coarse + fine[:3]


def _pixels(image) -> np.ndarray:  # type: ignore[no-untyped-def]
    raw = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine()).copy()


def test_panning_keeps_the_shapes_under_the_cap_and_draws_the_same(qapp):
    from naturplan.render import MapRenderer
    from naturplan.render.renderer import RenderItem

    layer = _layer()
    items = [RenderItem(layer, load_styles()[Role.NATURE_P3])]
    cap = 40_000
    capped = MapRenderer()
    capped.index_for(layer).cache_bytes = cap
    uncapped = MapRenderer()
    for view in _views():
        image, stats = capped.render_image(view, items, labels=False)
        assert stats.features  # the view shows some of the layer
        assert capped.index_for(layer).cached_bytes() <= cap
        uncapped.render_image(view, items, labels=False)
        fresh, _ = MapRenderer().render_image(view, items, labels=False)
        assert np.array_equal(_pixels(image), _pixels(fresh))
    # the control: without the cap the same pan keeps several times as much
    assert uncapped.index_for(layer).cached_bytes() > 3 * cap


def test_the_least_recently_drawn_shapes_go_first(qapp):
    from naturplan.render.geometry import SHAPE_BYTES, GeometryIndex

    polys = np.array([_ngon(i * 300.0, 0, 100, 200) for i in range(40)], dtype=object)
    boxes = np.array([shapely.box(i * 300.0, 500, i * 300.0 + 50, 550) for i in range(40)],
                     dtype=object)
    index = GeometryIndex(np.concatenate([polys, boxes]))
    box_bytes = 5 * 16 + SHAPE_BYTES  # a closed box ring has 5 vertices
    index.cache_bytes = 30 * box_bytes
    first = index.shapes(np.arange(40, 60), 0, 1.0)  # 20 boxes, then 20 others
    second = index.shapes(np.arange(60, 80), 0, 1.0)  # 40 > 30: back to 3/4, i.e. 22
    assert index.cached_bytes() == 22 * box_bytes
    again = index.shapes(np.arange(60, 80), 0, 1.0)
    assert all(a is b for a, b in zip(second, again, strict=True))  # the latest were kept
    rebuilt = index.shapes(np.arange(40, 42), 0, 1.0)  # the oldest were dropped
    assert not any(a is b for a, b in zip(first[:2], rebuilt, strict=True))
    # a many-vertex feature's simplified shape counts its own vertices
    index.cache_bytes = 10**9
    before = index.cached_bytes()
    [shape] = index.shapes(np.array([0]), 6, 8.0)
    assert index.cached_bytes() - before == shape.size() * 16 + SHAPE_BYTES
