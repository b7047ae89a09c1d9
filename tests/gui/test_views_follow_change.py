"""Issue 21 §3: the map views follow the plan's Change and update only what an edit touched.

An edit of one candidate draws one candidate shape anew, builds no snapping tree and measures
one candidate in the analysis (calls are counted, not timed); the map drawn this way is the
map drawn from scratch, pixel for pixel, also after undo and redo.
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from PySide6.QtCore import QPoint, Qt

from naturplan.core.plan.candidates import CandidateKind


@pytest.fixture
def editor(window, aalborg_point, no_dialogs):
    x0, y0 = aalborg_point
    window.canvas.zoom_to((x0 - 600, y0 - 600, x0 + 600, y0 + 600))
    window.canvas.render_now()
    window.dialogs = no_dialogs
    return window


def _squares(window, aalborg_point):
    x0, y0 = aalborg_point
    session = window.session
    made = []
    for i in range(3):
        box = shapely.box(x0 - 450 + 300 * i, y0 - 100, x0 - 250 + 300 * i, y0 + 100)
        made.append(session.add(box, f"S{i}").after[0])
    return made


def _count_shapes(monkeypatch):
    """Count the geometries the map turns into Qt shapes."""
    import naturplan.render.geometry as rg

    built: list[shapely.Geometry] = []
    original = rg.shapes_from_geometries

    def counting(geoms):
        built.extend(np.asarray(geoms, dtype=object).tolist())
        return original(geoms)

    monkeypatch.setattr(rg, "shapes_from_geometries", counting)
    return built


def _image(window):
    window.canvas.render_now()
    return window.canvas.grab().toImage()


def _from_scratch(window):
    """The map drawn with every cache of the candidate layer dropped."""
    window.canvas.renderer.forget(window.candidates_layer)
    return _image(window)


def _drag(qtbot, window, start_xy, by: QPoint) -> None:
    px, py = window.canvas.view.to_pixel(*start_xy)
    start = QPoint(round(px), round(py))
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(window.canvas, pos=start + by)
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=start + by)


def test_moving_one_candidate_redraws_and_reindexes_only_that_one(
        qtbot, editor, aalborg_point, monkeypatch, tmp_path):
    x0, y0 = aalborg_point
    a, b, c = _squares(editor, aalborg_point)
    session, canvas = editor.session, editor.canvas
    canvas.render_now()
    built = _count_shapes(monkeypatch)
    trees = session.snap_index.trees_built
    editor.editing.act_move.trigger()
    _drag(qtbot, editor, (x0 - 50, y0), QPoint(40, -30))  # inside b
    moved = session.plan.get(b.id)
    assert moved.version == b.version + 1 and not moved.geometry.equals(b.geometry)
    assert session.plan.get(a.id).version == a.version  # a and c untouched
    # The layer's rows are the plan's candidates, in its order, with their geometries.
    frame = editor.candidates_layer.frame
    assert list(frame["id"]) == [x.id for x in session.plan.candidates()]
    assert all(g.equals(x.geometry) for g, x in zip(frame.geometry, session.plan.candidates(),
                                                    strict=True))
    incremental = _image(editor)
    assert len(built) == 1 and built[0].equals(moved.geometry)  # one shape drawn anew
    assert session.snap_index.trees_built == trees  # no snapping tree rebuilt
    # Snapping finds the moved candidate's new corner, and no longer its old one.
    nx, ny = shapely.get_coordinates(moved.geometry)[2]
    hit = session.snap(nx + 0.3, ny + 0.3, 2.0)
    assert hit is not None and (hit.x, hit.y) == pytest.approx((nx, ny))
    assert session.candidate_ids[hit.feature] == b.id
    ox, oy = shapely.get_coordinates(b.geometry)[2]
    gone = session.snap(ox, oy, 0.5)
    assert gone is None or gone.source != "candidates"
    incremental.save(str(tmp_path / "after_move.png"))
    assert incremental == _from_scratch(editor)  # the same map as a full rebuild
    # Undo and redo: the layer, the snapping and the map follow again.
    editor.undo_stack.undo()
    assert editor.candidates_layer.frame.geometry.iloc[1].equals(b.geometry)
    hit = session.snap(ox + 0.3, oy + 0.3, 2.0)
    assert hit is not None and (hit.x, hit.y) == pytest.approx((ox, oy))
    assert _image(editor) == _from_scratch(editor)
    editor.undo_stack.redo()
    assert editor.candidates_layer.frame.geometry.iloc[1].equals(moved.geometry)
    assert _image(editor) == _from_scratch(editor)
    assert session.snap_index.trees_built == trees


def test_delete_and_undo_keep_rows_and_snapping_in_step(editor, aalborg_point):
    a, b, c = _squares(editor, aalborg_point)
    session = editor.session
    assert session.delete([a.id]) is not None
    assert list(editor.candidates_layer.frame["id"]) == [b.id, c.id]
    cx, cy = shapely.get_coordinates(c.geometry)[0]
    hit = session.snap(cx + 0.2, cy + 0.2, 1.0)
    assert hit is not None and hit.source == "candidates"
    assert session.candidate_ids[hit.feature] == c.id
    ax, ay = shapely.get_coordinates(a.geometry)[0]
    hit = session.snap(ax + 0.2, ay + 0.2, 1.0)
    assert hit is None or hit.source != "candidates"
    editor.undo_stack.undo()
    assert list(editor.candidates_layer.frame["id"]) == [a.id, b.id, c.id]
    hit = session.snap(ax + 0.2, ay + 0.2, 1.0)
    assert hit is not None and hit.source == "candidates"
    assert session.candidate_ids[hit.feature] == a.id
    assert session.candidate_at(*shapely.get_coordinates(b.geometry.centroid)[0]) == b.id
    assert _image(editor) == _from_scratch(editor)


@pytest.fixture
def analysis(window, qtbot):
    actions = window.analysis
    qtbot.waitUntil(lambda: actions.controller.network is not None and actions.controller.idle
                    and actions.totals.idle, timeout=120_000)
    return actions


def test_an_edit_measures_only_the_candidates_it_touched(window, analysis, aalborg_point,
                                                         qtbot, monkeypatch):
    import naturplan.core.analysis.assessment as assessment
    import naturplan.gui.analysis.controller as controller_module

    x0, y0 = aalborg_point
    session = window.session
    session.kind = CandidateKind.LOWLAND
    first = session.add(shapely.box(x0 - 2500, y0 - 2000, x0 - 1500, y0 - 1500), "A").after[0]
    other = session.add(shapely.box(x0 - 1400, y0 - 2000, x0 - 1200, y0 - 1800), "B").after[0]
    session.selection.set([first.id])
    qtbot.waitUntil(lambda: analysis.controller.idle and analysis.totals.idle, timeout=60_000)
    shown = analysis.dock.panel.text("climate")
    assessed: list[str] = []
    measured: list[object] = []
    real_assess, real_climate = controller_module.assess_candidate, assessment.lowland_climate
    monkeypatch.setattr(controller_module, "assess_candidate",
                        lambda c, *a, **k: assessed.append(c.id) or real_assess(c, *a, **k))
    monkeypatch.setattr(assessment, "lowland_climate",
                        lambda g, *a, **k: measured.append(g) or real_climate(g, *a, **k))
    # An edit of the other candidate: the selected one is not measured again ...
    session.replace_geometry(other.id, shapely.box(x0 - 1400, y0 - 2000, x0 - 1250, y0 - 1800),
                             "edit")
    qtbot.waitUntil(lambda: analysis.controller.idle and analysis.totals.idle, timeout=60_000)
    assert assessed == []
    assert analysis.dock.panel.text("climate") == shown
    # ... and the totals measure Klima-Lavbund for the edited one only (plus the two unions
    # of all lowland candidates, which no per-candidate cache can spare).
    edited = session.plan.get(other.id).geometry
    singles = [g for g in measured if not g.equals(shapely.union_all(
        [c.geometry for c in session.plan.candidates()]))]
    assert len(singles) == 1 and singles[0].equals(edited)
    # An edit of the selected candidate measures it once.
    measured.clear()
    session.replace_geometry(first.id, shapely.box(x0 - 2500, y0 - 2000, x0 - 1800, y0 - 1500),
                             "edit")
    qtbot.waitUntil(lambda: analysis.controller.idle and analysis.totals.idle, timeout=60_000)
    assert assessed == [first.id]
    assert analysis.dock.panel.text("climate") != shown
