"""File → Hent data… from a service that sends a vertex at 1e300 and a NaN (issue 18): the
good feature is on the map, and the window says how many were left out, as for a file."""

from __future__ import annotations

import shapely
from hostile_service import OgcApi, X, Y, good_absurd_nan

from naturplan.core.layers.roles import Role
from naturplan.core.notices import COORDINATES_LEFT_OUT


def test_fetch_in_the_window_leaves_out_absurd_features_and_says_so(qtbot, window,
                                                                    tmp_path) -> None:
    from naturplan.gui.basemap.fetch_dialog import FetchChoice

    service = OgcApi(good_absurd_nan())
    try:
        before = len(window.dataset.by_role(Role.NATURE_P3))
        out = tmp_path / "hentet.gpkg"
        task = window.services.actions.fetch(
            FetchChoice(service.url, "p3", None, Role.NATURE_P3, out))
        qtbot.waitUntil(lambda: not task.running, timeout=60_000)
        qtbot.waitUntil(lambda: len(window.dataset.by_role(Role.NATURE_P3)) == before + 1,
                        timeout=10_000)
    finally:
        service.stop()
    fetched = window.dataset.by_role(Role.NATURE_P3)[-1]
    assert fetched.feature_count == 1
    area = shapely.area(fetched.frame.geometry.to_numpy())[0]
    assert abs(area - shapely.box(X, Y, X + 500, Y + 500).area) < 1e-3 * area
    notices = [n for n in window.dashboard_dock.shown_notices
               if n.code == COORDINATES_LEFT_OUT]
    assert [n.params["n"] for n in notices] == [2]
    qtbot.waitUntil(lambda: "2 objekter i hentet.gpkg" in window.statusBar().currentMessage(),
                    timeout=10_000)
