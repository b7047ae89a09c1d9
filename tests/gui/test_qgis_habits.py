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
