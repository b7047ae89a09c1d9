"""Helpers of the desk tests (issue 20): answering dialogs by typing, clicking tabs, drawing
on the real canvas, counting marker pixels, saving what was looked at."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QPushButton, QTabBar

from naturplan.core.plan.candidates import CandidateKind


def answer_dialog(qtbot, text: str | None, seen: list[str], kind=QInputDialog) -> None:
    """When the next modal *kind* dialog opens, type *text* into it and press Enter (None:
    press Esc). The dialog's label and the text it offered are recorded in *seen*."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, look)
            return
        edit = dialog.findChild(QLineEdit)
        seen.append(f"{dialog.windowTitle()}|{edit.text()}")
        if text is None:
            QTest.keyClick(edit, Qt.Key.Key_Escape)
            return
        edit.selectAll()
        type_text(edit, text)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, look)


def type_text(widget, text: str) -> None:
    """Key presses for each character of *text* (QTest.keyClicks knows ASCII only)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def shot(widget, name: str) -> None:
    """Save *widget* to $NATURPLAN_DESK_SHOTS/name.png (to look at it by hand)."""
    folder = os.environ.get("NATURPLAN_DESK_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


def add_candidate(window, kind: str, geometry, name: str):
    window.session.kind = CandidateKind(kind)
    change = window.session.add(geometry, name)
    assert change is not None
    return change.after[0]


def dock_button(dock, name: str) -> QPushButton:
    button = dock.findChild(QPushButton, f"scenario_{name}")
    assert button is not None and button.isVisible() and button.isEnabled()
    return button


def click_tab(qtbot, window, dock) -> None:
    """Click the tab of *dock* in the window's tab bars, as the user does."""
    for bar in window.findChildren(QTabBar):
        for k in range(bar.count()):
            if bar.isVisible() and bar.tabText(k) == dock.windowTitle():
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(k).center())
                return
    raise AssertionError(f"no tab for {dock.windowTitle()}")


def in_front(dock) -> bool:
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def pixel(window, x: float, y: float):
    px, py = window.canvas.view.to_pixel(x, y)
    return QPoint(round(px), round(py))


def draw_square(qtbot, window, x: float, y: float, side: float) -> None:
    """Click three corners and double-click the fourth with the draw tool."""
    canvas = window.canvas
    corners = [(x, y), (x + side, y), (x + side, y + side), (x, y + side)]
    for cx, cy in corners[:-1]:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, cx, cy))
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, *corners[-1]))


def start_drawing(window, aalborg_point, no_dialogs):
    """The window zoomed to 1.2 km around the fixture point, snapping off, draw tool on."""
    x0, y0 = aalborg_point
    window.canvas.zoom_to((x0 - 600, y0 - 600, x0 + 600, y0 + 600))
    window.canvas.render_now()
    window.editing.act_snap.setChecked(False)
    window.session.snapping = False
    window.editing.act_draw.trigger()
    window.dialogs = no_dialogs
    return window


def marker_pixels(window, point, colour=(224, 20, 156), reach: int = 9) -> int:
    """Pixels of *colour* (the sketch's magenta, by default) within *reach* of *point*."""
    image = window.canvas.grab().toImage()
    ratio = image.devicePixelRatio()
    n = 0
    for dx in range(-reach, reach + 1):
        for dy in range(-reach, reach + 1):
            c = image.pixelColor(round((point.x() + dx) * ratio), round((point.y() + dy) * ratio))
            if abs(c.red() - colour[0]) < 40 and abs(c.green() - colour[1]) < 40 and \
                    abs(c.blue() - colour[2]) < 40:
                n += 1
    return n
