"""What a planner coming from QGIS reaches for (issue 20, items 6-10), driven as a user would:
mouse and key events on the real canvas and window, context menus by right-click."""

from __future__ import annotations

import pytest
import shapely
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from naturplan.core.layers.roles import Role


@pytest.fixture
def zoomed(window, aalborg_point, no_dialogs):
    """The window zoomed to 1.2 km around the fixture point, snapping off."""
    x0, y0 = aalborg_point
    window.canvas.zoom_to((x0 - 600, y0 - 600, x0 + 600, y0 + 600))
    window.canvas.render_now()
    window.editing.act_snap.setChecked(False)
    window.session.snapping = False
    window.dialogs = no_dialogs
    return window


def pixel(window, x: float, y: float) -> QPoint:
    px, py = window.canvas.view.to_pixel(x, y)
    return QPoint(round(px), round(py))


def drag(canvas, button, start: QPoint, end: QPoint, steps: int = 4) -> None:
    QTest.mousePress(canvas, button, Qt.KeyboardModifier.NoModifier, start)
    for k in range(1, steps + 1):
        QTest.mouseMove(canvas, start + (end - start) * (k / steps))
    QTest.mouseRelease(canvas, button, Qt.KeyboardModifier.NoModifier, end)


# -- item 7: panning with the middle button and with Space held ------------------------------

def _center(window) -> tuple[float, float]:
    view = window.canvas.view
    return view.cx, view.cy


def test_middle_button_pans_while_drawing_and_the_sketch_is_kept(qtbot, zoomed, aalborg_point):
    window, canvas = zoomed, zoomed.canvas
    window.editing.act_draw.trigger()
    x0, y0 = aalborg_point
    corners = [(x0 - 100, y0 - 100), (x0 + 100, y0 - 100), (x0 + 100, y0 + 100),
               (x0 - 100, y0 + 100)]
    for x, y in corners[:2]:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, x, y))
    sketch = list(window.editing.draw_tool.points)
    assert len(sketch) == 2
    before, res = _center(window), canvas.view.resolution
    drag(canvas, Qt.MouseButton.MiddleButton, QPoint(400, 300), QPoint(300, 240))
    after = _center(window)
    # the map followed the hand: 100 px left and 60 px up move the centre right and down
    assert after[0] == pytest.approx(before[0] + 100 * res, abs=res)
    assert after[1] == pytest.approx(before[1] - 60 * res, abs=res)
    assert window.editing.draw_tool.points == sketch  # nothing added, nothing dropped
    assert canvas.tool is window.editing.draw_tool
    # the drawing goes on where it was, in the moved view
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, *corners[2]))
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, *corners[3]))
    plan = window.session.plan.candidates()
    assert len(plan) == 1
    expected = shapely.Polygon(corners)
    assert plan[0].geometry.symmetric_difference(expected).area < 2 * 200 * res


def test_space_held_pans_with_the_left_button_in_the_draw_tool(qtbot, zoomed, aalborg_point):
    window, canvas = zoomed, zoomed.canvas
    window.editing.act_draw.trigger()
    x0, y0 = aalborg_point
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, x0, y0))
    before, res = _center(window), canvas.view.resolution
    canvas.setFocus()
    QTest.keyPress(canvas, Qt.Key.Key_Space)
    drag(canvas, Qt.MouseButton.LeftButton, QPoint(300, 300), QPoint(380, 300))
    QTest.keyRelease(canvas, Qt.Key.Key_Space)
    after = _center(window)
    assert after[0] == pytest.approx(before[0] - 80 * res, abs=res)
    assert after[1] == pytest.approx(before[1], abs=res)
    assert len(window.editing.draw_tool.points) == 1  # the drag added no corner
    # Space up: a left click draws again
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, x0 + 100, y0))
    assert len(window.editing.draw_tool.points) == 2


@pytest.mark.parametrize("tool", ["identify", "pan", "select", "vertex", "move", "split"])
def test_middle_button_pans_in_every_tool(qtbot, zoomed, tool):
    window, canvas = zoomed, zoomed.canvas
    owner = window if tool in ("identify", "pan") else window.editing
    action = getattr(owner, f"act_{tool}")
    action.trigger()
    before, res = _center(window), canvas.view.resolution
    drag(canvas, Qt.MouseButton.MiddleButton, QPoint(200, 200), QPoint(250, 260))
    after = _center(window)
    assert after[0] == pytest.approx(before[0] - 50 * res, abs=res)
    assert after[1] == pytest.approx(before[1] + 60 * res, abs=res)
    assert window.session.plan.candidates() == []


# -- item 8: the measuring tools -------------------------------------------------------------

def _danish(value: float, decimals: int) -> str:
    """An independent Danish format: thousands with '.', decimals with ','."""
    whole, _, frac = f"{value:.{decimals}f}".partition(".")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    return ".".join([whole, *groups]) + ("," + frac if frac else "")


def test_measure_distance_in_m_and_km_with_esc_clearing(qtbot, zoomed, aalborg_point,
                                                          danish_translator):
    window, canvas = zoomed, zoomed.canvas
    x0, y0 = aalborg_point
    window.act_measure_distance.trigger()
    assert canvas.tool is window.measure_tools[0]
    clicks = [pixel(window, x0 - 400, y0 - 300), pixel(window, x0 + 100, y0 - 300),
              pixel(window, x0 + 100, y0 + 300)]
    xy = [canvas.view.to_map(p.x(), p.y()) for p in clicks]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=clicks[0])
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=clicks[1])
    first = ((xy[1][0] - xy[0][0]) ** 2 + (xy[1][1] - xy[0][1]) ** 2) ** 0.5
    assert window.statusBar().currentMessage() == f"Afstand: {_danish(first, 1)} m"
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=clicks[2])
    second = ((xy[2][0] - xy[1][0]) ** 2 + (xy[2][1] - xy[1][1]) ** 2) ** 0.5
    total = first + second
    assert total > 1000
    assert window.statusBar().currentMessage() == f"Afstand: {_danish(total / 1000, 2)} km"
    # finished: moving the mouse changes nothing, the result stays on the map
    QTest.mouseMove(canvas, QPoint(20, 20))
    assert window.statusBar().currentMessage() == f"Afstand: {_danish(total / 1000, 2)} km"
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    assert window.measure_tools[0].points == []
    assert window.statusBar().currentMessage() == ""
    assert window.session.plan.candidates() == []  # a measurement is never an edit
    assert not window.undo_stack.canUndo()


def test_measure_area_in_m2_and_ha_snapping_to_parcel_corners(qtbot, zoomed, aalborg_point,
                                                               danish_translator):
    window, canvas = zoomed, zoomed.canvas
    x0, y0 = aalborg_point
    window.editing.act_snap.trigger()  # the drawing tools' snapping switch, on
    assert window.session.snapping
    window.act_measure_area.trigger()
    res = canvas.view.resolution
    # a few pixels off the parcel grid's corners (every 200 m from the fixture point)
    near = [(x0 + 3 * res, y0 + 2 * res), (x0 + 200 - 2 * res, y0 - 3 * res),
            (x0 + 200 + 2 * res, y0 + 200 + 2 * res), (x0 - 3 * res, y0 + 200 - 2 * res)]
    for x, y in near[:-1]:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, x, y))
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, *near[-1]))
    tool = window.measure_tools[1]
    corners = [(x0, y0), (x0 + 200, y0), (x0 + 200, y0 + 200), (x0, y0 + 200)]
    assert [p for xy in tool.points for p in xy] == pytest.approx(
        [p for xy in corners for p in xy], abs=1e-6)
    # 200 m × 200 m = 4 ha, perimeter 800 m
    assert window.statusBar().currentMessage() == "Areal: 4,00 ha (omkreds 800,0 m)"
    # a small one: three points 20 m apart → 200 m²
    window.editing.act_snap.trigger()
    assert not window.session.snapping
    canvas.zoom_to((x0 - 60, y0 - 60, x0 + 60, y0 + 60))
    pts = [pixel(window, x0, y0), pixel(window, x0 + 20, y0), pixel(window, x0, y0 + 20)]
    xy = [canvas.view.to_map(p.x(), p.y()) for p in pts]
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pts[0])
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pts[1])
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pts[2])
    QTest.keyClick(canvas, Qt.Key.Key_Return)
    area = abs(shapely.Polygon(xy).area)
    perimeter = shapely.Polygon(xy).exterior.length
    assert 150 < area < 250
    assert window.statusBar().currentMessage() == (
        f"Areal: {_danish(area, 0)} m² (omkreds {_danish(perimeter, 1)} m)")


# -- item 6: the layer context menu and the attribute table --------------------------------

def right_click_layer(window, role: str):
    """Right-click the layer row of *role* in the layer panel; returns the menu shown."""
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    panel = window.layers_dock.list
    item = window.layers_dock.item_for_role(role)
    at = panel.visualItemRect(item).center()
    QTest.mouseClick(panel.viewport(), Qt.MouseButton.RightButton, pos=at)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, panel.viewport().mapToGlobal(at))
    QApplication.sendEvent(panel.viewport(), event)
    menu = window.layers_dock.context_menu
    assert menu is not None and menu.isVisible()
    assert window.layers_dock.current_layer() is item.data(Qt.ItemDataRole.UserRole + 1)
    return menu


def choose(menu, text: str) -> None:
    """Click the entry *text* of *menu* (or of one of its submenus)."""
    for action in menu.actions():
        if action.text() == text:
            menu.close()
            action.trigger()
            return
        if action.menu() is not None and text in [a.text() for a in action.menu().actions()]:
            choose(action.menu(), text)
            menu.close()
            return
    raise AssertionError(f"{text!r} not in {[a.text() for a in menu.actions()]}")


def test_layer_context_menu_zooms_sets_opacity_and_colour_and_removes(
        danish_translator, qtbot, zoomed, fixture_files, monkeypatch):
    import geopandas as gpd
    import numpy as np
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    window, canvas = zoomed, zoomed.canvas
    menu = right_click_layer(window, "nature_p3")
    assert [a.text() for a in menu.actions() if a.text()] == [
        "Zoom til lag", "Åbn attributtabel", "Farve…", "Gennemsigtighed", "Fjern lag"]
    choose(menu, "Zoom til lag")
    minx, miny, maxx, maxy = gpd.read_file(fixture_files["nature_p3"]).total_bounds
    vx0, vy0, vx1, vy1 = canvas.view.bounds
    assert vx0 <= minx and vy0 <= miny and vx1 >= maxx and vy1 >= maxy
    assert (maxx - minx) / (vx1 - vx0) > 0.85  # fitted, not just anywhere
    choose(right_click_layer(window, "nature_p3"), "50 %")
    entry = window.layers.by_role(Role.NATURE_P3)[0]
    assert entry.style.opacity == 0.5
    # the municipality's land in red: red pixels on the map where there were none
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#ff0000"))

    def reds() -> int:
        canvas.render_now()
        image = canvas.image.convertToFormat(canvas.image.Format.Format_RGB32)
        arr = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
        b, g, r = (arr[:, : image.width(), k] for k in range(3))
        return int(((r > 200) & (g < 60) & (b < 60)).sum())

    before = reds()
    choose(right_click_layer(window, "municipality"), "Farve…")
    assert reds() > before + 10_000
    # a style by category keeps the colours its legend explains
    menu = right_click_layer(window, "forest_zones")
    assert not next(a for a in menu.actions() if a.text() == "Farve…").isEnabled()
    menu.close()
    choose(right_click_layer(window, "lowland"), "Fjern lag")
    roles = {e.role.value for e in window.layers}
    assert "lowland" not in roles
    assert not window.dataset.by_role(Role.LOWLAND)
    assert window.layers_dock.item_for_role("lowland") is None


def test_attribute_table_sorts_filters_and_shares_the_selection_with_the_map(
        danish_translator, qtbot, zoomed, fixture_files):
    import geopandas as gpd
    import numpy as np

    window, canvas = zoomed, zoomed.canvas
    parcels = gpd.read_file(fixture_files["parcels"])
    choose(right_click_layer(window, "parcels"), "Åbn attributtabel")
    dock = window.attribute_table
    qtbot.waitUntil(dock.isVisible, timeout=2_000)
    model, view = dock.model, dock.view
    assert model.rowCount() == len(parcels)
    assert {"ejerlavskode", "matrikelnummer"} <= set(model.columns)
    col = model.columns.index("matrikelnummer")
    # sort by clicking the column's heading (twice: descending)
    header = view.horizontalHeader()
    at = QPoint(header.sectionViewportPosition(col) + header.sectionSize(col) // 2, 5)
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    names = sorted(parcels["matrikelnummer"], key=str.casefold)
    assert model.index(0, col).data() == names[0]
    QTest.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert model.index(0, col).data() == names[-1]
    # a text filter
    QTest.keyClicks(dock.filter, "12a")
    expected = parcels[parcels["matrikelnummer"].str.contains("12a")]
    assert model.rowCount() == len(expected)
    assert {model.index(r, col).data() for r in range(model.rowCount())} == set(
        expected["matrikelnummer"])
    # select a row with the mouse: highlighted on the map, zoomed to on request
    rect = view.visualRect(model.index(0, col))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    name = model.index(0, col).data()
    parcel = parcels[parcels["matrikelnummer"] == name].geometry.iloc[0]
    assert list(parcels.geometry.iloc[dock.selected].values) == [parcel]
    QTest.mouseClick(dock.zoom_button, Qt.MouseButton.LeftButton)
    vx0, vy0, vx1, vy1 = canvas.view.bounds
    px0, py0, px1, py1 = parcel.bounds
    assert vx0 <= px0 and vy0 <= py0 and vx1 >= px1 and vy1 >= py1
    assert (vx1 - vx0) < 4 * (px1 - px0)
    canvas.render_now()
    shot = canvas.grab().toImage()
    inside = parcel.representative_point()
    color = shot.pixelColor(*[round(v) for v in canvas.view.to_pixel(inside.x, inside.y)])
    assert color.blue() > color.red() + 40  # the cyan highlight over the parcel
    # on the map → in the table: Identify on another parcel selects its row
    QTest.mouseClick(dock.clear_button, Qt.MouseButton.LeftButton)
    dock.filter.clear()
    window.act_identify.trigger()
    canvas.zoom_to(tuple(np.asarray(parcel.buffer(600).bounds)))
    other = parcels.geometry.iloc[77]
    point = other.representative_point()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, point.x, point.y))
    hit = parcels[parcels.contains(point)]
    assert list(dock.selected) == list(hit.index)
    rows = {i.row() for i in view.selectionModel().selectedRows()}
    assert {model.index(r, col).data() for r in rows} == set(hit["matrikelnummer"])
    assert dock.count.text().endswith("1 markeret")


# -- item 9: every layer in view on a 1600 × 1000 screen, grouped by theme ----------------

def test_the_sample_layer_list_fits_without_scrolling_at_1600x1000(
        danish_translator, qtbot, settings, sample_env):
    from naturplan.gui.main_window import MainWindow
    from naturplan.io.datasets import DatasetRequest

    win = MainWindow(settings, lang="da")
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    win.load_dataset(DatasetRequest(sample_scale=0.01), wait=True)
    qtbot.wait(50)
    panel = win.layers_dock.list
    assert panel.count() == len(win.layers) >= 10
    viewport = panel.viewport().rect()
    for item in panel.layer_items():
        assert viewport.contains(panel.visualItemRect(item)), item.text()
    assert panel.verticalScrollBar().maximum() == 0
    groups = {g.text(): [c.data(Qt.ItemDataRole.UserRole + 1).role.value
                         for c in (g.child(j) for j in range(g.childCount()))]
              for g in panel.groups()}
    assert groups["Natur"] == ["natura2000", "natura2000", "nature_p3", "forest"]
    assert groups["Matrikel og adresser"] == ["addresses", "roads", "parcels"]
    assert groups["Baggrundskort"] == ["municipality", "municipality"]
    assert list(groups)[0] == "Planlægning"
    # the group's box hides and shows all its layers
    nature = next(g for g in panel.groups() if g.text() == "Natur")
    nature.setCheckState(Qt.CheckState.Unchecked)
    shown = {e.role.value for e in win.layers if e.visible}
    assert not shown & {"natura2000", "nature_p3"} and "parcels" in shown
    win.close()


# -- item 10: the plan's totals on the dashboard --------------------------------------------

def test_dashboard_shows_the_plans_co2e_sequestration_and_conflicts(
        danish_translator, qtbot, window, aalborg_point, fixture_files, no_dialogs):
    import geopandas as gpd

    x0, y0 = aalborg_point
    canvas = window.canvas
    canvas.zoom_to((x0 - 2600, y0 - 2600, x0 + 400, y0 + 400))
    canvas.render_now()
    window.editing.act_snap.trigger()  # off: the corners land where clicked
    assert not window.session.snapping
    box = window.editing.kind_box

    def draw(kind: str, corners) -> None:  # noqa: ANN001
        box.setCurrentIndex(box.findData(kind))
        window.editing.act_draw.trigger()
        for x, y in corners[:-1]:
            qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, x, y))
        qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, *corners[-1]))
        QTest.qWait(300)  # a new shape, not the echo of the double-click

    # lowland withdrawal inside the first lowland polygon (carbon class >12, rotation)
    draw("lowland", [(x0 - 2400, y0 - 2400), (x0 - 2000, y0 - 2400), (x0 - 2000, y0 - 2000),
                     (x0 - 2400, y0 - 2000)])
    # afforestation half over the §3 lake square (x0 ± 150, y0 ± 150)
    draw("afforestation", [(x0 - 100, y0), (x0 + 100, y0), (x0 + 100, y0 + 300),
                           (x0 - 100, y0 + 300)])
    plan = {c.kind.value: c.geometry for c in window.session.plan.candidates()}
    assert set(plan) == {"lowland", "afforestation"}
    totals = window.analysis.totals
    qtbot.waitUntil(lambda: totals.result is not None and totals.result.candidates == 2,
                    timeout=30_000)
    table = window.analysis.controller.table
    lowland = gpd.read_file(fixture_files["lowland"]).geometry.iloc[0]
    reduction = (plan["lowland"].intersection(lowland).area / 10_000
                 * table.reduction_t_per_ha(">12", table.use_of("rotation")))
    forest_ha = plan["afforestation"].area / 10_000
    sequestration = forest_ha * table.afforestation.rate(table.afforestation.default)
    lake = gpd.read_file(fixture_files["nature_p3"]).geometry.iloc[0]
    on_p3 = plan["afforestation"].intersection(lake).area
    assert 25_000 < on_p3 < 35_000
    rows = window.analysis.totals_widget.rows
    assert rows["reduction"] == (f"{_danish(reduction, 0)} t/år", "")
    assert rows["sequestration"] == (f"{_danish(sequestration, 0)} t/år", "")
    assert rows["conflict_nature_p3"] == (f"{_danish(on_p3 / 10_000, 2)} ha", "")
    natura = shapely.union_all([g for layer in window.dataset.by_role(Role.NATURA2000)
                                for g in layer.frame.geometry])
    n2k = plan["afforestation"].intersection(natura).area
    assert rows["conflict_natura2000"] == (f"{_danish(n2k / 10_000, 2)} ha", "")
    assert rows["conflicts"] == (f"{_danish((on_p3 + n2k) / 10_000, 2)} ha", "")
    widget = window.analysis.totals_widget
    assert widget.isVisibleTo(window.dashboard_dock)
    # the lowland layer removed through its menu: the CO2e reduction is not measured
    choose(right_click_layer(window, "lowland"), "Fjern lag")
    qtbot.waitUntil(lambda: rows["reduction"][1] != "", timeout=30_000)
    assert rows["reduction"] == ("", "intet lavbundslag indlæst")
    # never 0 for what was not measured: empty, with the reason
    assert rows["conflict_organic_soil"] == ("", "intet lavbundslag indlæst")
    assert rows["conflicts"] == (f"{_danish((on_p3 + n2k) / 10_000, 2)} ha", "uden: lavbund")
    assert rows["sequestration"] == (f"{_danish(sequestration, 0)} t/år", "")


def test_candidate_table_follows_edits_and_the_select_tool(danish_translator, qtbot, zoomed,
                                                            aalborg_point):
    window, canvas = zoomed, zoomed.canvas
    x0, y0 = aalborg_point

    def draw(a: float, b: float) -> None:
        window.editing.act_draw.trigger()
        corners = [(x0 + a, y0 + b), (x0 + a + 100, y0 + b), (x0 + a + 100, y0 + b + 100)]
        for x, y in corners[:-1]:
            qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, x, y))
        qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, *corners[-1]))
        QTest.qWait(300)

    draw(-400, -400)
    draw(100, 100)
    choose(right_click_layer(window, "candidates"), "Åbn attributtabel")
    dock = window.attribute_table
    assert dock.model.rowCount() == 2
    second = window.session.plan.candidates()[1]
    window.editing.act_select.trigger()
    inside = second.geometry.representative_point()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, inside.x, inside.y))
    assert window.session.selection.ids == [second.id]
    id_col = dock.model.columns.index("id")
    rows = {i.row() for i in dock.view.selectionModel().selectedRows()}
    assert [dock.model.index(r, id_col).data() for r in rows] == [second.id]
    draw(300, -400)  # the table follows the new candidates layer
    assert dock.model.rowCount() == 3
    assert dock.layer is window.candidates_layer
