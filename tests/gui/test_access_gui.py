"""Nature near home in the window (issue 25 item 2): the dashboard section follows a candidate
drawn on the canvas, the candidate panel says how many addresses it brings within reach, and
without an addresses layer the cells are empty with the reason."""

from __future__ import annotations

import dataclasses

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from desk_helpers import draw_square, start_drawing
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from naturplan.core.layers.roles import Role
from naturplan.text.numbers import format_percent


def _addresses(fixture_files) -> np.ndarray:
    table = pd.read_csv(fixture_files["addresses"], sep=";")
    return shapely.points(table["etrs89koordinat_øst"], table["etrs89koordinat_nord"])


def _within(points, geoms, d: float) -> float:
    return float((shapely.distance(points, shapely.union_all(geoms)) <= d).mean())


def test_the_dashboard_and_the_panel_follow_a_drawn_candidate(
        qtbot, window, aalborg_point, fixture_files, no_dialogs):
    follower = window.analysis.access
    qtbot.waitUntil(lambda: follower.ledger is not None, timeout=30_000)
    points = _addresses(fixture_files)
    p3 = list(gpd.read_file(fixture_files["nature_p3"]).geometry)
    rows = window.analysis.access_widget.rows
    for d in (300, 1000):  # the fixture's addresses lie 1,750 m south of the §3 squares
        assert rows[f"within_{d}_m"][0] == format_percent(_within(points, p3, d), 1, "da")
    x0, y0 = aalborg_point
    start_drawing(window, aalborg_point, no_dialogs)
    window.canvas.zoom_to((x0 - 1200, y0 - 2400, x0 + 600, y0 - 600))
    window.canvas.render_now()
    draw_square(qtbot, window, x0 - 500, y0 - 1800, 300)
    QTest.qWait(300)
    [drawn] = window.session.plan.candidates()
    for d in (300, 1000):
        after = format_percent(_within(points, [*p3, drawn.geometry], d), 1, "da")
        assert rows[f"within_{d}_m"][1] == f"→ {after}"
    window.session.selection.set([drawn.id])
    today = shapely.distance(points, shapely.union_all(p3))
    new = (shapely.distance(points, drawn.geometry) <= 300) & (today > 300)
    assert new.sum() > 0
    line = window.analysis.dock.panel.findChild(QLabel, "analysis_access")
    assert line.isVisibleTo(window.analysis.dock.panel)
    assert f"+{int(new.sum())} adresser inden for 300 m" in line.text()
    # the scenario comparison: a scenario of the drawn area has the plan's access
    dock = window.analysis.scenarios
    dock.new_from_selection(name="Skov ved byen")
    dock.compare()
    qtbot.waitUntil(lambda: len(dock.results) == 1, timeout=30_000)
    titles = [dock.table.verticalHeaderItem(k).text() for k in range(dock.table.rowCount())]
    for d, title in ((300, "Natur inden for 300 m"), (1000, "Natur inden for 1 km")):
        share = format_percent(_within(points, [*p3, drawn.geometry], d), 1, "da")
        assert dock.table.item(titles.index(title), 0).text() == share


def test_without_addresses_the_cells_are_empty_with_the_reason(
        qtbot, open_window, dataset_request):
    request = dataclasses.replace(dataset_request, layers=tuple(
        r for r in dataset_request.layers if r.role is not Role.ADDRESSES))
    win = open_window(request)
    rows = win.analysis.access_widget.rows
    assert rows["within_300_m"] == ("", "", "der er ikke indlæst et adresselag")
    assert rows["within_1000_m"][0] == ""
    win.close()
