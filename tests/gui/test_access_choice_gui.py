"""The choice of what counts as accessible nature and how distance is measured, on the
dashboard (issue 25): a box per role and a distance box; the choice is stored as the
project's ``access`` setting and the numbers follow it. Hand-made forest and streets whose
straight and walking distances are measured by hand."""

from __future__ import annotations

import dataclasses

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QComboBox

from naturplan.core.layers.roles import Role
from naturplan.io.loading import LayerRequest
from naturplan.text.numbers import format_percent


@pytest.fixture
def walk_request(tmp_path, dataset_request, aalborg_point):
    """The fixture layers plus a wood south of the addresses (which lie on y0 - 1900, every
    200 m from x0 - 1900) and streets: one 50 m south of the addresses, split where a spur
    leaves it at x0 - 900 south 200 m to the wood's top edge."""
    x0, y0 = aalborg_point
    wood = shapely.box(x0 - 1000, y0 - 2350, x0 - 800, y0 - 2150)
    gpd.GeoDataFrame({"skovtype": ["løvskov"]}, geometry=[wood], crs=25832).to_file(
        tmp_path / "skov.gpkg")
    street = y0 - 1950
    lines = [shapely.LineString([(x0 - 2000, street), (x0 - 900, street)]),
             shapely.LineString([(x0 - 900, street), (x0 + 2000, street)]),
             shapely.LineString([(x0 - 900, street), (x0 - 900, y0 - 2150)])]
    gpd.GeoDataFrame({"vejnavn": ["Testvej", "Testvej", "Skovstien"]}, geometry=lines,
                     crs=25832).to_file(tmp_path / "veje.gpkg")
    extra = (LayerRequest(Role.FOREST, tmp_path / "skov.gpkg"),
             LayerRequest(Role.ROADS, tmp_path / "veje.gpkg"))
    kept = tuple(r for r in dataset_request.layers if r.role not in (Role.FOREST, Role.ROADS))
    return dataclasses.replace(dataset_request, layers=kept + extra), wood


def _addresses(fixture_files) -> np.ndarray:
    table = pd.read_csv(fixture_files["addresses"], sep=";")
    return shapely.points(table["etrs89koordinat_øst"], table["etrs89koordinat_nord"])


def _measured(qtbot, follower, before) -> None:
    qtbot.waitUntil(lambda: follower.ledger is not None and follower.ledger is not before,
                    timeout=30_000)


def test_the_dashboard_choice_of_roles_and_walking_is_stored_and_measured(
        qtbot, open_window, walk_request, fixture_files, aalborg_point):
    request, wood = walk_request
    win = open_window(request)
    follower, widget = win.analysis.access, win.analysis.access_widget
    qtbot.waitUntil(lambda: follower.ledger is not None, timeout=30_000)
    points = _addresses(fixture_files)
    x0, _ = aalborg_point
    rows = widget.rows
    # Forest counts by default; the §3 squares lie 1,750 m away: straight, by shapely.
    straight = shapely.distance(points, wood)
    assert rows["within_300_m"][0] == format_percent(float((straight <= 300).mean()), 1, "da")
    assert (straight <= 300).sum() == 3
    # Untick forest: nothing within 300 m any more (the §3 squares are 1,750 m away).
    forest = widget.findChild(QCheckBox, "access_role_forest")
    assert forest.isChecked()
    before = follower.ledger
    QTest.mouseClick(forest, Qt.MouseButton.LeftButton)
    _measured(qtbot, follower, before)
    assert rows["within_300_m"][0] == format_percent(0.0, 1, "da")
    assert win.session.store.settings()["access"]["roles"] == ["nature_p3", "candidates"]
    before = follower.ledger
    QTest.mouseClick(forest, Qt.MouseButton.LeftButton)
    _measured(qtbot, follower, before)
    # Walking: 50 m to the street, along it to the spur, 200 m down it (by hand).
    box = widget.findChild(QComboBox, "access_distance")
    assert box.model().item(1).isEnabled()  # a roads layer is loaded
    before = follower.ledger
    box.setFocus()
    QTest.keyClick(box, Qt.Key.Key_Down)
    _measured(qtbot, follower, before)
    x = shapely.get_coordinates(points)[:, 0]
    walking = 50 + np.abs(x - (x0 - 900)) + 200
    assert (walking <= 300).sum() == 1 and (walking <= 1000).sum() == 7
    assert rows["within_300_m"][0] == format_percent(float((walking <= 300).mean()), 1, "da")
    assert rows["within_1000_m"][0] == format_percent(float((walking <= 1000).mean()), 1, "da")
    assert "gåafstand ad vejene" in widget.note.text()
    stored = win.session.store.settings()["access"]
    assert stored["distance"] == "network" and "forest" in stored["roles"]
    win.close()


@pytest.fixture
def window_without_roads(open_window, dataset_request):
    win = open_window(dataclasses.replace(dataset_request, layers=tuple(
        r for r in dataset_request.layers if r.role is not Role.ROADS)))
    yield win
    win.close()


def test_without_roads_walking_cannot_be_chosen(qtbot, window_without_roads):
    window = window_without_roads
    follower, widget = window.analysis.access, window.analysis.access_widget
    qtbot.waitUntil(lambda: follower.ledger is not None, timeout=30_000)
    box = widget.findChild(QComboBox, "access_distance")
    assert not box.model().item(1).isEnabled()
    assert box.currentData() == "straight"
    assert "i fugleflugt" in widget.note.text()


def test_a_project_that_walks_opened_without_roads_is_measured_straight_and_says_so(
        qtbot, window_without_roads, fixture_files):
    from naturplan.core.analysis.access import AccessSettings
    from naturplan.usecases.access import store_access_settings

    window = window_without_roads
    follower, widget = window.analysis.access, window.analysis.access_widget
    qtbot.waitUntil(lambda: follower.ledger is not None, timeout=30_000)
    store_access_settings(window.session.store, AccessSettings(distance="network"))
    before = follower.ledger
    follower.set_dataset(window.dataset)  # as when the project is opened again
    _measured(qtbot, follower, before)
    assert follower.ledger.index.method == "straight"
    assert widget.findChild(QComboBox, "access_distance").currentData() == "straight"
    assert "i fugleflugt" in widget.note.text()
    points = _addresses(fixture_files)
    nature = [*gpd.read_file(fixture_files["nature_p3"]).geometry.values,
              *gpd.read_file(fixture_files["forest"]).geometry.values]
    straight = shapely.distance(points, shapely.union_all(nature))
    assert widget.rows["within_1000_m"][0] == format_percent(float((straight <= 1000).mean()),
                                                             1, "da")
