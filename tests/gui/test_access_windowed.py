"""Nature near home with the addresses read per map window (issue 24 §2, the national
addresses): the panel measures nothing from a window's part of them - empty cells and the
reason - instead of a share of the few addresses on screen."""

from __future__ import annotations

import copy

import geopandas as gpd
import shapely

from naturplan.core.layers.layer import WindowedLayer
from naturplan.core.layers.roles import Role
from naturplan.io.loading import LayerRequest
from naturplan.io.windowed import open_windowed


def test_windowed_addresses_are_not_measured_and_the_panel_says_why(  # type: ignore[no-untyped-def]
        qtbot, window, aalborg_point, tmp_path):
    follower = window.analysis.access
    qtbot.waitUntil(lambda: follower.ledger is not None, timeout=30_000)
    rows = window.analysis.access_widget.rows
    assert rows["within_300_m"][0] != ""  # measured from the whole layer
    x, y = aalborg_point
    frame = gpd.GeoDataFrame({"vejnavn": ["Vesterbro"] * 3, "husnr": ["1", "2", "3"]},
                             geometry=shapely.points([x, x + 10, x + 20], [y, y, y]),
                             crs="EPSG:25832")
    frame.to_file(tmp_path / "adresser.gpkg", layer="adgangsadresser", driver="GPKG")
    layer = open_windowed(LayerRequest(Role.ADDRESSES, tmp_path / "adresser.gpkg",
                                       "adgangsadresser"))
    assert isinstance(layer, WindowedLayer)
    dataset = copy.copy(window.dataset)
    dataset.layers = [layer if old.role is Role.ADDRESSES else old for old in dataset.layers]
    follower.set_dataset(dataset)
    reason = "ikke målt i programmet: adresserne læses pr. kortudsnit i denne størrelse"
    assert rows["within_300_m"] == ("", "", reason)
    assert rows["within_1000_m"] == ("", "", reason)
