"""A planner who clicks about: random tools, clicks, drags, keys, undo and redo.

No step may raise (pytest-qt fails the test on an exception in any Qt virtual method or slot),
and after every step the project file holds exactly what the plan shows.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt

from naturplan.io.project.gpkg_store import GeoPackageStore


def _on_disk(window) -> dict:
    with GeoPackageStore(window.session.path, create=False, readonly=True) as store:
        return {c.id: (c.version, c.geometry.wkb) for c in store.candidates()}


def _in_plan(window) -> dict:
    return {c.id: (c.version, c.geometry.wkb) for c in window.session.plan.candidates()}


def test_random_editing_session_never_breaks_the_project(qtbot, window, aalborg_point,
                                                         no_dialogs):
    x0, y0 = aalborg_point
    window.canvas.zoom_to((x0 - 800, y0 - 800, x0 + 800, y0 + 800))
    window.canvas.render_now()
    canvas, editing = window.canvas, window.editing
    rng = np.random.default_rng(2026)
    tools = [editing.act_select, editing.act_draw, editing.act_vertex, editing.act_move,
             editing.act_split]
    toggles = [editing.act_snap, editing.act_trace, editing.act_avoid]
    width, height = canvas.width(), canvas.height()

    def point() -> QPoint:
        return QPoint(int(rng.integers(20, width - 20)), int(rng.integers(20, height - 20)))

    most, commands = 0, 0
    def sketch() -> None:
        """A simple (star-shaped) polygon: vertices at increasing angles round a centre."""
        editing.act_draw.trigger()
        centre = point()
        n = int(rng.integers(3, 7))
        angles = np.sort(rng.uniform(0, 2 * np.pi, n))
        radii = rng.uniform(30, 120, n)
        pts = [centre + QPoint(int(r * np.cos(a)), int(r * np.sin(a)))
               for a, r in zip(angles, radii, strict=True)]
        for p in pts[:-1]:
            qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=p)
        qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pts[-1])

    for step in range(300):
        choice = rng.integers(0, 12)
        if choice >= 10:
            sketch()
        elif choice == 0:
            tools[rng.integers(0, len(tools))].trigger()
        elif choice == 1:
            toggles[rng.integers(0, len(toggles))].trigger()
        elif choice in (2, 3, 4):
            qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point())
        elif choice == 5:
            qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=point())
        elif choice == 6:
            start, end = point(), point()
            qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
            qtbot.mouseMove(canvas, end)
            qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=end)
        elif choice == 7:
            key = [Qt.Key.Key_Escape, Qt.Key.Key_Backspace, Qt.Key.Key_Return,
                   Qt.Key.Key_Delete][rng.integers(0, 4)]
            qtbot.keyClick(canvas, key)
        elif choice == 8:
            (editing.act_undo if rng.random() < 0.6 else editing.act_redo).trigger()
        else:
            editing.act_merge.trigger() if editing.act_merge.isEnabled() else None
        assert _on_disk(window) == _in_plan(window), f"step {step}"
        most = max(most, len(window.session.plan))
        commands = max(commands, window.session.stack.count())
    assert most >= 5 and commands >= 8, (most, commands)  # the session really edited
    # Whatever happened, undoing everything leaves an empty plan, on disk too.
    while window.session.stack.canUndo():
        window.session.stack.undo()
    assert _on_disk(window) == _in_plan(window) == {}
