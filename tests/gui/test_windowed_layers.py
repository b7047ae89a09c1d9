"""Layers read per map window through the GeoPackage R-tree (issue 24 §2): the window holds
exactly the features that meet it (against a plain geopandas filter of the whole layer), the
map draws the same features as from the whole layer, a pan reads the new window in the
background, and a read for a view the user has left is cancelled or dropped."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from naturplan.core.errors import OperationCancelled
from naturplan.core.layers.layer import VectorLayer, WindowedLayer
from naturplan.core.layers.roles import Role
from naturplan.gui.map.canvas import MapCanvas
from naturplan.gui.map.map_layers import MapLayerList
from naturplan.io.loading import LayerRequest, load_layer
from naturplan.io.sample.national import ADDRESS_LAYER, PARCEL_LAYER, build_national_world
from naturplan.io.styles import load_style
from naturplan.io.windowed import can_window, count_in, open_windowed, read_window
from naturplan.render import MapView

WINDOW = (552_000.0, 6_318_000.0, 558_000.0, 6_322_000.0)  # central Aalborg


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    built = build_national_world(tmp_path_factory.mktemp("national"), density=0.2,
                                 codes=("0851",))
    return built.path


def _request(world: Path) -> LayerRequest:
    return LayerRequest(Role.PARCELS, world, PARCEL_LAYER)


def _keys(frame: gpd.GeoDataFrame) -> set[tuple[int, str]]:
    return set(zip(frame["ejerlavskode"].astype(int), frame["matrikelnummer"].astype(str),
                   strict=True))


def test_a_window_holds_exactly_the_features_that_meet_it(world: Path) -> None:
    whole = gpd.read_file(world, layer=PARCEL_LAYER)
    assert not can_window(_request(world))  # a few thousand: loaded whole as before
    assert can_window(_request(world), min_features=100)
    # Points (the addresses) are windowed too, above the same threshold (h24d).
    addresses = LayerRequest(Role.ADDRESSES, world, ADDRESS_LAYER)
    assert not can_window(addresses) and can_window(addresses, min_features=1)
    layer = open_windowed(_request(world))
    assert layer.feature_count == len(whole) and len(layer.frame) == 0
    assert layer.bounds == pytest.approx(tuple(whole.total_bounds), abs=1.0)
    window = read_window(layer, WINDOW, resolution=2.0)
    expected = whole[whole.intersects(shapely.box(*WINDOW))]
    assert 100 < len(expected) < len(whole) / 4
    assert _keys(window.frame) == _keys(expected)
    assert window.feature_count == len(whole) and window.window == WINDOW
    # The R-tree's count is of boxes: never fewer than the features that meet the window.
    assert len(expected) <= count_in(layer, WINDOW) <= len(expected) * 1.2


def test_a_window_too_full_is_not_read(world: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from naturplan.io import windowed

    monkeypatch.setattr(windowed, "MAX_WINDOW_FEATURES", 50)
    capped = read_window(open_windowed(_request(world)), WINDOW, resolution=2.0)
    assert capped.capped and len(capped.frame) == 0
    assert not capped.covers(WINDOW, 2.0)  # a closer view reads again


def test_a_cancelled_read_gives_up(world: Path) -> None:
    with pytest.raises(OperationCancelled):
        read_window(open_windowed(_request(world)), WINDOW, 2.0, cancelled=lambda: True)


def _canvas(qtbot, layer: VectorLayer) -> MapCanvas:  # type: ignore[no-untyped-def]
    layers = MapLayerList()
    canvas = MapCanvas(layers)
    qtbot.addWidget(canvas)
    canvas.resize(600, 400)
    canvas.prepare_ahead = False
    layers.set_layers([layer], {Role.PARCELS: load_style(Role.PARCELS)})
    return canvas


def test_the_map_draws_the_window_as_it_draws_the_whole_layer(qtbot, world: Path) -> None:
    whole = load_layer(_request(world))
    view = MapView.fit(WINDOW, 600, 400)
    drawn = []
    for layer in (whole, open_windowed(_request(world))):
        canvas = _canvas(qtbot, layer)
        canvas.set_view(view)
        stats = canvas.render_now()
        drawn.append(stats.features.get(canvas.layers[0].layer.name, 0))
        shown = canvas.layers[0].layer
        if isinstance(shown, WindowedLayer):  # read for the view, with a margin around it
            assert shown is not layer and shown.covers(canvas.view.bounds,
                                                       canvas.view.resolution)
        canvas.shutdown()
    meets = whole.frame[whole.frame.intersects(shapely.box(*view.bounds))]
    assert drawn[0] == drawn[1] >= len(meets) > 50


def test_a_pan_reads_the_new_window_and_drops_the_stale_one(qtbot, world: Path) -> None:
    canvas = _canvas(qtbot, open_windowed(_request(world)))
    canvas.set_view(MapView.fit(WINDOW, 600, 400))
    canvas.render_now()
    replaced: list[WindowedLayer] = []
    canvas.layers.layer_replaced.connect(lambda old, new: replaced.append(new))
    far = MapView.fit((540_000.0, 6_300_000.0, 546_000.0, 6_304_000.0), 600, 400)
    canvas.set_view(canvas.view.panned(-2000, 0))  # asked for, then left at once
    canvas.set_view(far)
    canvas.windows.wait()
    qtbot.waitUntil(lambda: not canvas.windows.busy, timeout=10_000)
    assert replaced, "the new window was read"
    for layer in replaced:  # only the view the user stayed at was put on the map
        assert layer.covers(far.resized(canvas.width(), canvas.height()).bounds,
                            far.resolution)
    shown = canvas.layers[0].layer
    assert isinstance(shown, WindowedLayer)
    assert not shapely.box(*shown.window).intersects(shapely.box(*WINDOW))
    canvas.shutdown()


def test_panning_keeps_only_the_window_on_screen(qtbot, world: Path) -> None:
    """Memory stays bounded: the windows left behind are freed (a finished frame job once
    kept its layers, and with them old windows and their shapes)."""
    import gc

    canvas = _canvas(qtbot, open_windowed(_request(world)))
    canvas.prepare_ahead = True  # frames and the next zoom levels drawn in the background
    canvas.show()
    for k in range(6):
        view = MapView.fit((540_000.0 + 3000 * k, 6_300_000.0, 546_000.0 + 3000 * k,
                            6_304_000.0), 600, 400)
        canvas.set_view(view)
        qtbot.waitUntil(lambda: canvas.idle and not canvas.windows.busy, timeout=10_000)
    canvas.shutdown()  # every job finished
    gc.collect()
    alive = [o for o in gc.get_objects()
             if isinstance(o, WindowedLayer) and o.window is not None]
    assert alive == [canvas.layers[0].layer]


def test_the_window_searches_and_cards_a_windowed_parcel_layer(
        open_window, qtbot, world: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Opened through the window as the national world is (its parcels read per window),
    the search box finds a parcel by SQL and shows the card the whole layer gives."""
    from naturplan.io import windowed
    from naturplan.io.datasets import DatasetRequest
    from naturplan.io.parcels import parcel_context
    from naturplan.io.sample.national import P3_LAYER

    monkeypatch.setattr(windowed, "WINDOWED_MIN_FEATURES", 100)
    request = DatasetRequest(use_sample=False, layers=(
        _request(world), LayerRequest(Role.NATURE_P3, world, P3_LAYER)))
    window = open_window(request)
    [parcels] = window.workspace.dataset.vector(Role.PARCELS)
    assert isinstance(parcels, WindowedLayer) and len(parcels.frame) == 0
    qtbot.waitUntil(lambda: window.parcels.context is not None, timeout=30_000)
    whole = load_layer(_request(world))
    rows = whole.frame.index[whole.frame.intersects(
        load_layer(LayerRequest(Role.NATURE_P3, world, P3_LAYER)).frame.union_all())]
    row = int(rows[len(rows) // 2])  # a parcel with §3 on it
    code = int(whole.frame["ejerlavskode"].iloc[row])
    number = str(whole.frame["matrikelnummer"].iloc[row])
    result = window.parcels.search(f"{number}, {code}")
    assert result is not None and result.found
    card = window.parcels.card
    assert card is not None and card.parcel.ref.matrikelnummer == number
    dataset = window.workspace.dataset
    expected = parcel_context(dataset.__class__(
        dataset.municipality, [whole, *[layer for layer in dataset.layers
                                        if layer.role is not Role.PARCELS]])).card(row)
    assert card.parcel.area_m2 == pytest.approx(expected.parcel.area_m2)
    said = [(f.theme, round(f.area_m2, 3)) for f in card.findings]
    assert said == [(f.theme, round(f.area_m2, 3)) for f in expected.findings] and said
    # The map zoomed to the card; its window of parcels is read in the background.
    qtbot.waitUntil(lambda: not window.canvas.windows.busy, timeout=30_000)
    shown = window.canvas.layers.by_role(Role.PARCELS)[0].layer
    assert isinstance(shown, WindowedLayer) and len(shown.frame) > 0
    window.close()
