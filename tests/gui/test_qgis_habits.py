"""What a planner coming from QGIS reaches for (issue 20, items 6-10), driven as a user would:
mouse and key events on the real canvas and window, context menus by right-click."""

from __future__ import annotations

import pytest
import shapely
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest


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
