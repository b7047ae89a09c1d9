"""Editing candidate areas with the mouse: draw, snap, vertex drag, undo/redo, table, ledger.

The mouse is driven with qtbot at pixel positions computed from map coordinates through the
canvas's view; the core state (the plan, and the project file reopened in a fresh store) is
checked after each step, against plain shapely computations.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPoint, Qt

from naturplan.core.plan.candidates import CandidateStatus
from naturplan.gui.editing.candidate_table import COLUMNS
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.text.numbers import format_percent


@pytest.fixture
def editor(window, aalborg_point, no_dialogs):
    """The window zoomed to 1.2 km around the fixture point, snapping off, draw tool on."""
    x0, y0 = aalborg_point
    window.canvas.zoom_to((x0 - 600, y0 - 600, x0 + 600, y0 + 600))
    window.canvas.render_now()
    window.editing.act_snap.setChecked(False)
    window.session.snapping = False
    window.editing.act_draw.trigger()
    window.dialogs = no_dialogs
    return window


def pixel(window, x: float, y: float) -> QPoint:
    px, py = window.canvas.view.to_pixel(x, y)
    return QPoint(round(px), round(py))


def map_xy(window, point: QPoint) -> tuple[float, float]:
    return window.canvas.view.to_map(point.x(), point.y())


def draw(qtbot, window, coords) -> list[tuple[float, float]]:
    """Click *coords* (map) with the draw tool, double-click the last; returns the map
    coordinates of the clicked pixels."""
    canvas = window.canvas
    points = [pixel(window, x, y) for x, y in coords]
    for p in points[:-1]:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=p)
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=points[-1])
    return [map_xy(window, p) for p in points]


def stored(window):
    """The candidates as a fresh store reads them from the project file."""
    with GeoPackageStore(window.session.path, create=False, readonly=True) as store:
        return {c.id: c for c in store.candidates()}


def assert_file_matches_plan(window) -> None:
    on_disk = stored(window)
    plan = {c.id: c for c in window.session.plan.candidates()}
    assert set(on_disk) == set(plan)
    for cid, c in plan.items():
        assert on_disk[cid].same_content(c)
        assert on_disk[cid].version == c.version


def square(x0, y0, a, b, c, d):
    return [(x0 + a, y0 + b), (x0 + c, y0 + b), (x0 + c, y0 + d), (x0 + a, y0 + d)]


def test_draw_polygon_with_clicks(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    clicked = draw(qtbot, editor, [(x0 + 60, y0 + 230), (x0 + 420, y0 + 260),
                                   (x0 + 380, y0 + 470), (x0 + 90, y0 + 430)])
    plan = editor.session.plan
    assert len(plan) == 1
    candidate = plan.candidates()[0]
    assert candidate.area_m2 == pytest.approx(shapely.Polygon(clicked).area, rel=1e-9)
    assert candidate.name == "Kandidat 1"
    assert editor.undo_stack.count() == 1
    assert_file_matches_plan(editor)
    assert editor.session.selection.ids == [candidate.id]
    assert editor.editing.table_dock.model.rowCount() == 1


def test_esc_while_drawing_touches_nothing(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    canvas = editor.canvas
    for x, y in [(x0 + 10, y0 + 10), (x0 + 300, y0 + 20), (x0 + 200, y0 + 300)]:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(editor, x, y))
    assert len(editor.editing.draw_tool.points) == 3
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert editor.editing.draw_tool.points == []
    assert editor.undo_stack.count() == 0
    assert len(editor.session.plan) == 0
    assert stored(editor) == {}


def test_backspace_and_enter(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    canvas = editor.canvas
    pts = [(x0 + 10, y0 + 10), (x0 + 300, y0 + 20), (x0 + 500, y0 + 500), (x0 + 200, y0 + 300)]
    for x, y in pts:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(editor, x, y))
    qtbot.keyClick(canvas, Qt.Key.Key_Backspace)
    assert len(editor.editing.draw_tool.points) == 3
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert len(editor.session.plan) == 1
    assert len(shapely.get_coordinates(editor.session.plan.candidates()[0].geometry)) == 4


def test_snap_to_parcel_corner(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    editor.editing.act_snap.trigger()  # on again, through the toolbar
    assert editor.session.snapping
    corner = (x0 + 200.0, y0 + 200.0)  # a corner of the 200 m parcel grid
    p = pixel(editor, *corner) + QPoint(3, -2)
    assert shapely.Point(map_xy(editor, p)).distance(shapely.Point(corner)) > 1.0
    canvas = editor.canvas
    qtbot.mouseMove(canvas, pos=p)
    assert editor.editing.draw_tool.snap_target is not None  # the marker is shown
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=p)
    # the other corners lie in the middle of parcels, far from any edge
    for x, y in [(x0 + 500, y0 + 300), (x0 + 500, y0 + 500)]:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(editor, x, y))
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(editor, x0 + 300, y0 + 500))
    geom = editor.session.plan.candidates()[0].geometry
    first = tuple(shapely.get_coordinates(geom)[0])
    assert first == corner


def test_trace_along_a_parcel(qtbot, editor, aalborg_point):
    """Two clicks on one parcel's boundary (Shift held) insert the corner between them."""
    x0, y0 = aalborg_point
    editor.session.snapping = True
    canvas = editor.canvas
    shift = Qt.KeyboardModifier.ShiftModifier
    # parcel (x0+200..x0+400, y0+200..y0+400): a point on its left edge, then on its top edge
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(editor, x0 + 300, y0 + 300))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, shift,
                     pixel(editor, x0 + 201, y0 + 300))
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, shift,
                     pixel(editor, x0 + 300, y0 + 399))
    points = editor.editing.draw_tool.points
    assert (x0 + 200.0, y0 + 400.0) in points  # the traced corner
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert len(editor.session.plan) == 1


def test_vertex_drag_undo_redo(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, 50, 50, 450, 450))
    plan, stack = editor.session.plan, editor.undo_stack
    cid = plan.candidates()[0].id
    drawn = plan.get(cid)
    editor.editing.act_vertex.trigger()
    canvas = editor.canvas
    start = pixel(editor, *shapely.get_coordinates(drawn.geometry)[0])
    end = start + QPoint(-25, 12)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, pos=start + QPoint(-10, 5))
    qtbot.mouseMove(canvas, pos=end)
    assert stack.count() == 1  # nothing pushed during the drag
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    assert stack.count() == 2
    moved = plan.get(cid)
    assert tuple(shapely.get_coordinates(moved.geometry)[0]) == pytest.approx(map_xy(editor, end))
    assert not moved.same_content(drawn)
    assert_file_matches_plan(editor)

    stack.undo()
    assert plan.get(cid).same_content(drawn)
    assert_file_matches_plan(editor)
    stack.undo()
    assert len(plan) == 0 and stored(editor) == {}
    stack.redo()
    assert plan.get(cid).same_content(drawn)
    assert_file_matches_plan(editor)
    stack.redo()
    assert plan.get(cid).same_content(moved)
    assert_file_matches_plan(editor)
    # keyboard: Ctrl+Z / Ctrl+Shift+Z
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert plan.get(cid).same_content(drawn)
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert plan.get(cid).same_content(moved)
    assert_file_matches_plan(editor)


def test_vertex_insert_and_delete(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, 50, 50, 450, 450))
    plan = editor.session.plan
    cid = plan.candidates()[0].id
    editor.editing.act_vertex.trigger()
    canvas = editor.canvas
    mid = pixel(editor, x0 + 250, y0 + 50)  # the middle of the bottom edge
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=mid)
    assert len(shapely.get_coordinates(plan.get(cid).geometry)) == 6
    assert editor.undo_stack.count() == 2
    qtbot.mouseClick(canvas, Qt.MouseButton.RightButton, pos=mid)
    assert len(shapely.get_coordinates(plan.get(cid).geometry)) == 5
    assert editor.undo_stack.count() == 3
    assert_file_matches_plan(editor)


def test_move_whole_candidate(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, 50, 50, 450, 450))
    plan = editor.session.plan
    before = plan.candidates()[0]
    editor.editing.act_move.trigger()
    canvas = editor.canvas
    start = pixel(editor, x0 + 250, y0 + 250)
    end = start + QPoint(40, -20)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, pos=end)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
    after = plan.get(before.id)
    res = canvas.view.resolution
    assert after.area_m2 == pytest.approx(before.area_m2)
    dx = shapely.get_coordinates(after.geometry)[0] - shapely.get_coordinates(before.geometry)[0]
    assert dx == pytest.approx([40 * res, 20 * res])
    assert editor.undo_stack.count() == 2


def test_move_snaps_the_grabbed_corner_to_a_parcel_corner(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, -150, -150, -50, -50))
    plan = editor.session.plan
    before = plan.candidates()[0]
    editor.editing.act_snap.setChecked(True)
    editor.session.snapping = True
    editor.editing.act_move.trigger()
    canvas = editor.canvas
    corner = pixel(editor, x0 - 50, y0 - 50)  # grab the candidate by its corner
    near_parcel_corner = pixel(editor, x0 + 200, y0 + 200) + QPoint(3, -2)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseMove(canvas, pos=near_parcel_corner)
    assert editor.editing.move_tool.snap_target is not None  # the marker shows
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=near_parcel_corner)
    after = plan.get(before.id)
    old = shapely.get_coordinates(before.geometry)
    new = shapely.get_coordinates(after.geometry)
    grabbed = int(np.argmin(np.hypot(old[:, 0] - (x0 - 50), old[:, 1] - (y0 - 50))))
    # The grabbed corner (as drawn, clicks rounded to pixels) lands exactly on the parcel
    # corner (x0+200, y0+200), and the whole area moved with it.
    assert tuple(new[grabbed]) == (x0 + 200.0, y0 + 200.0)
    shift = new - old
    assert np.allclose(shift, shift[0]) and np.allclose(shift[0], 250.0, atol=3.0)
    assert after.area_m2 == pytest.approx(before.area_m2)
    assert_file_matches_plan(editor)


def test_edit_attribute_in_table(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, 50, 50, 450, 450))
    model = editor.editing.table_dock.model
    cid = editor.session.plan.candidates()[0].id
    assert model.setData(model.index(0, COLUMNS.index("name")), "Mose ved Hals")
    assert editor.undo_stack.count() == 2
    assert stored(editor)[cid].name == "Mose ved Hals"
    assert model.index(0, 0).data() == "Mose ved Hals"
    assert model.setData(model.index(0, COLUMNS.index("status")), "proposed")
    assert stored(editor)[cid].status is CandidateStatus.PROPOSED
    assert model.index(0, COLUMNS.index("status")).data() == "Forslag"
    counts = model.index(0, COLUMNS.index("counts_toward_target"))
    assert model.setData(counts, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert stored(editor)[cid].counts_toward_target is False
    assert editor.undo_stack.count() == 4
    editor.undo_stack.undo()
    assert stored(editor)[cid].counts_toward_target is True
    assert_file_matches_plan(editor)


def test_a_restoration_has_no_counts_box_to_tick(qtbot, editor, aalborg_point):
    """A restoration adds no area whatever its flag says, so its Counts cell offers nothing
    to tick and reads unticked; the kind back to lowland brings the box back."""
    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, 50, 50, 450, 450))
    model = editor.editing.table_dock.model
    cid = editor.session.plan.candidates()[0].id
    counts = model.index(0, COLUMNS.index("counts_toward_target"))
    assert model.setData(model.index(0, COLUMNS.index("kind")), "restore")
    assert not model.flags(counts) & Qt.ItemFlag.ItemIsUserCheckable
    assert counts.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert not model.setData(counts, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(0, COLUMNS.index("kind")), "lowland")
    assert model.flags(counts) & Qt.ItemFlag.ItemIsUserCheckable
    assert stored(editor)[cid].kind.value == "lowland"
    assert_file_matches_plan(editor)


def test_table_selection_follows_map(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, 50, 50, 250, 250))
    draw(qtbot, editor, square(x0, y0, 300, 300, 500, 500))
    dock = editor.editing.table_dock
    second = editor.session.plan.candidates()[1].id
    editor.canvas.zoom_to((x0 + 5000, y0 + 5000, x0 + 6000, y0 + 6000))  # far away
    dock.view.selectRow(0)
    first = editor.session.plan.candidates()[0]
    assert editor.session.selection.ids == [first.id]
    minx, miny, maxx, maxy = editor.canvas.view.bounds
    assert shapely.box(minx, miny, maxx, maxy).contains(first.geometry)  # brought into view
    editor.editing.act_select.trigger()
    qtbot.mouseClick(editor.canvas, Qt.MouseButton.LeftButton,
                     pos=pixel(editor, x0 + 400, y0 + 400))
    assert editor.session.selection.ids == [second]
    assert [i.row() for i in dock.view.selectionModel().selectedRows()] == [1]


def test_avoid_overlap_clips_and_reports(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    first = draw(qtbot, editor, square(x0, y0, 50, 50, 300, 300))
    editor.editing.act_avoid.trigger()
    assert editor.session.avoid_overlap
    second = draw(qtbot, editor, square(x0, y0, 200, 200, 450, 450))
    plan = editor.session.plan
    new = plan.candidates()[1]
    expected = shapely.Polygon(second).difference(shapely.Polygon(first))
    assert new.area_m2 == pytest.approx(expected.area)
    removed = shapely.Polygon(second).intersection(shapely.Polygon(first)).area
    message = editor.statusBar().currentMessage()
    assert "Kandidat 1" in message and "ha" in message
    assert f"{removed / 10_000:.2f}".replace(".", ",") in message
    assert editor.undo_stack.count() == 2


def test_ledger_matches_shapely(qtbot, editor, aalborg_point, fixture_files):
    x0, y0 = aalborg_point
    # over the Sø square (x0±150) and over the next one, and overlapping each other
    draw(qtbot, editor, square(x0, y0, -100, -100, 300, 200))
    draw(qtbot, editor, square(x0, y0, 100, 0, 500, 400))
    editor.editing.kind_box.setCurrentIndex(2)  # connectivity: does not count by default
    draw(qtbot, editor, square(x0, y0, -500, -500, -300, -300))
    plan = editor.session.plan
    muni = editor.dataset.municipality.geometry
    p3 = gpd.read_file(fixture_files["nature_p3"]).geometry.to_numpy()
    counting = [c.geometry for c in plan.candidates() if c.counts_toward_target]
    assert len(counting) == 2
    union = shapely.union_all(list(p3) + counting)
    expected = shapely.intersection(union, muni).area / muni.area
    panel = editor.dashboard_dock.ledger
    assert panel.result.share == pytest.approx(expected, rel=1e-9)
    assert format_percent(expected, 2, "da") in panel.projected.text()
    assert editor.dashboard_dock.bar.projected == pytest.approx(expected, rel=1e-9)
    gain = panel.result.gain_m2_by_kind["lowland"]
    assert gain == pytest.approx(shapely.difference(shapely.union_all(counting),
                                                    shapely.union_all(p3)).area)
    assert panel.findChild(type(panel.projected), "gain_lowland").text().endswith(" ha")


def test_merge_and_split_are_one_command_each(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, 50, 50, 250, 250))
    draw(qtbot, editor, square(x0, y0, 200, 50, 450, 250))
    plan, stack, session = editor.session.plan, editor.undo_stack, editor.session
    a, b = plan.candidates()
    session.selection.set([a.id, b.id])
    assert editor.editing.act_merge.isEnabled()
    editor.editing.act_merge.trigger()
    assert len(plan) == 1 and stack.count() == 3
    assert plan.get(a.id).area_m2 == pytest.approx(
        shapely.union(a.geometry, b.geometry).area)
    assert_file_matches_plan(editor)
    stack.undo()
    assert len(plan) == 2 and plan.get(b.id).same_content(b)
    assert_file_matches_plan(editor)
    stack.redo()
    assert len(plan) == 1
    merged = plan.get(a.id)

    editor.editing.act_split.trigger()
    canvas = editor.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(editor, x0 + 300, y0 + 0))
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(editor, x0 + 300, y0 + 300))
    assert len(plan) == 2 and stack.count() == 4
    assert sum(c.area_m2 for c in plan) == pytest.approx(merged.area_m2)
    assert_file_matches_plan(editor)
    stack.undo()
    assert len(plan) == 1 and plan.get(a.id).same_content(merged)
    assert_file_matches_plan(editor)


def test_delete_several_is_one_command(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, 50, 50, 250, 250))
    draw(qtbot, editor, square(x0, y0, 300, 50, 450, 250))
    session = editor.session
    session.selection.set(session.plan_ids())
    editor.editing.act_delete.trigger()
    assert len(session.plan) == 0 and editor.undo_stack.count() == 3
    assert stored(editor) == {}
    editor.undo_stack.undo()
    assert len(session.plan) == 2
    assert_file_matches_plan(editor)


def test_importing_or_deleting_many_is_one_update_of_each_view(editor, aalborg_point):
    """Issue 8: N candidates in one transaction were N events, each re-sorting the plan,
    rebuilding the snapping index, the candidates layer and the table: O(N²)."""
    from naturplan.core.plan.candidates import Candidate

    x0, y0 = aalborg_point
    session, model = editor.session, editor.editing.table_dock.model
    counts = {"plan_edited": 0, "inserted": 0, "reset": 0, "layers": 0}

    def count(key):
        def bump(*_):
            counts[key] += 1
        return bump

    session.plan_edited.connect(count("plan_edited"))
    model.rowsInserted.connect(count("inserted"))
    model.modelReset.connect(count("reset"))
    editor.layers.changed.connect(count("layers"))
    batch = [Candidate.new("lowland", shapely.box(x0 + 60 * i, y0, x0 + 60 * i + 50, y0 + 50),
                           f"I{i}") for i in range(200)]
    assert session.add_many(batch, "import") is not None
    assert counts == {"plan_edited": 1, "inserted": 1, "reset": 0, "layers": 1}
    assert model.rowCount() == 200 and len(editor.candidates_layer.frame) == 200
    assert editor.session.ledger_result().count == 200
    assert session.candidate_at(x0 + 60 * 150 + 25, y0 + 25) == batch[150].id  # snap/pick index
    counts.update(dict.fromkeys(counts, 0))
    assert session.delete(session.plan_ids()) is not None
    assert counts == {"plan_edited": 1, "inserted": 0, "reset": 1, "layers": 1}
    assert model.rowCount() == 0 and editor.session.ledger_result().count == 0
    assert_file_matches_plan(editor)


def test_snap_to_another_candidate(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    draw(qtbot, editor, [(x0 + 37, y0 + 41), (x0 + 163, y0 + 52), (x0 + 121, y0 + 177)])
    corner = tuple(shapely.get_coordinates(editor.session.plan.candidates()[0].geometry)[1])
    editor.session.snapping = True
    canvas = editor.canvas
    # far from parcel edges (x0+0/200, y0+0/200) except near the first area's corner
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton,
                     pos=pixel(editor, *corner) + QPoint(2, 2))
    for x, y in [(x0 + 170, y0 + 120), (x0 + 130, y0 + 100)]:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(editor, x, y))
    qtbot.keyClick(canvas, Qt.Key.Key_Return)
    second = editor.session.plan.candidates()[1].geometry
    assert tuple(shapely.get_coordinates(second)[0]) == corner


def test_hover_repaints_without_rendering(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, 50, 50, 450, 450))
    editor.editing.act_vertex.trigger()
    canvas = editor.canvas
    canvas.render_now()
    frame = canvas.image
    for dx in range(0, 60, 6):
        qtbot.mouseMove(canvas, pos=pixel(editor, x0 + 50 + dx, y0 + 50))
    assert editor.editing.vertex_tool.hover is None  # moved off the corner
    qtbot.mouseMove(canvas, pos=pixel(editor, x0 + 50, y0 + 50))
    assert editor.editing.vertex_tool.hover == 0
    assert canvas.image is frame and not canvas._timer.isActive()


def test_undo_history_and_title(qtbot, editor, aalborg_point):
    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, 50, 50, 250, 250))
    draw(qtbot, editor, square(x0, y0, 300, 50, 450, 250))
    view = editor.editing.undo_view
    texts = [view.model().index(i, 0).data() for i in range(view.model().rowCount())]
    assert texts == ["<projekt åbnet>", "Tegn Kandidat 1", "Tegn Kandidat 2"]
    assert "2 ændringer, alle gemt" in editor.windowTitle()
    editor.undo_stack.undo()
    assert "1 ændring, gemt" in editor.windowTitle()


def test_snapping_key_toggles(qtbot, editor):
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.canvas.setFocus()
    assert not editor.session.snapping
    qtbot.keyClick(editor.canvas, Qt.Key.Key_S)
    assert editor.session.snapping and editor.editing.act_snap.isChecked()


def test_screenshot_shows_selection_and_handles(qtbot, editor, aalborg_point, tmp_path):
    """The window with areas drawn, one selected in vertex mode: handles on the canvas."""
    import numpy as np
    from PySide6.QtGui import QImage

    from naturplan.gui.map.overlays import HANDLE_EDGE, SELECTION_COLOR

    x0, y0 = aalborg_point
    draw(qtbot, editor, square(x0, y0, -300, -250, 100, 150))
    editor.editing.kind_box.setCurrentIndex(1)
    draw(qtbot, editor, [(x0 + 200, y0 + 100), (x0 + 500, y0 + 150), (x0 + 450, y0 + 450)])
    editor.editing.act_vertex.trigger()
    editor.canvas.render_now()
    path = tmp_path / "editing.png"
    assert editor.grab().save(str(path))
    image = editor.canvas.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    rgb = np.frombuffer(image.constBits(), np.uint8).reshape(
        image.height(), image.bytesPerLine())[:, : image.width() * 4].reshape(
        image.height(), image.width(), 4)[:, :, 2::-1]
    for colour in (HANDLE_EDGE, SELECTION_COLOR):
        want = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        assert (np.abs(rgb.astype(int) - want).sum(axis=2) < 30).sum() > 20, colour
