"""The planner's desk (issue 20 items 1, 2 and 5), driven as a planner drives it: buttons
clicked, dialogs answered by typing, keys pressed and the mouse used on the real window. The
words and the drawing (items 3 and 4) are in test_desk_words.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import shapely
from desk_helpers import (
    add_candidate,
    answer_dialog,
    click_tab,
    dock_button,
    draw_square,
    in_front,
    shot,
    start_drawing,
    type_text,
)
from PySide6.QtCore import Qt


@pytest.fixture
def drawing(window, aalborg_point, no_dialogs):
    """The window zoomed to 1.2 km around the fixture point, snapping off, draw tool on."""
    return start_drawing(window, aalborg_point, no_dialogs)


GUI = Path(__file__).resolve().parents[2] / "naturplan" / "gui"


def test_scenarios_are_named_through_the_buttons(window, qtbot, aalborg_point, no_dialogs):
    x0, y0 = aalborg_point
    low = add_candidate(window, "lowland",
                        shapely.box(x0 - 2500, y0 - 2000, x0 - 1500, y0 - 1500), "Mose")
    wood = add_candidate(window, "afforestation",
                         shapely.box(x0 + 100, y0 - 100, x0 + 300, y0 + 100), "Skov")
    window.analysis.act_scenarios.trigger()  # Analyse → Scenarier og sammenligning
    dock = window.analysis.scenarios
    qtbot.waitUntil(dock.isVisible)
    window.session.selection.set([low.id, wood.id])
    seen: list[str] = []
    answer_dialog(qtbot, "Forslag A", seen)
    qtbot.mouseClick(dock_button(dock, "new"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.session.store.scenarios()) == 1)
    assert seen == ["Nyt scenarie|Forslag A"]  # asked, offering a name
    window.session.selection.set([low.id])
    answer_dialog(qtbot, "Forslag B – kun mosen", seen)
    qtbot.mouseClick(dock_button(dock, "new"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.session.store.scenarios()) == 2)
    stored = {s.name: s.candidate_ids for s in window.session.store.scenarios()}
    assert stored == {"Forslag A": (low.id, wood.id), "Forslag B – kun mosen": (low.id,)}
    assert [dock.list.item(k).text() for k in range(dock.list.count())] == [
        "Forslag A (2 områder)", "Forslag B – kun mosen (1 område)"]
    # Rename the first: click it in the list, press Omdøb…, type the new name.
    rect = dock.list.visualItemRect(dock.list.item(0))
    qtbot.mouseClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dock.current().name == "Forslag A"
    answer_dialog(qtbot, "Forslag A med skov", seen)
    qtbot.mouseClick(dock_button(dock, "rename"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Forslag A med skov" in [
        s.name for s in window.session.store.scenarios()])
    assert seen[-1] == "Omdøb scenarie|Forslag A"  # the old name offered to edit
    # Esc in the dialog changes nothing.
    versions = {s.id: s.version for s in window.session.store.scenarios()}
    answer_dialog(qtbot, None, seen)
    qtbot.mouseClick(dock_button(dock, "rename"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: seen[-1] == "Omdøb scenarie|Forslag A med skov")
    qtbot.wait(50)
    assert {s.id: s.version for s in window.session.store.scenarios()} == versions
    assert not any("False" in s.name for s in window.session.store.scenarios())
    assert no_dialogs == []
    shot(dock, "scenarios_named")


def _methods() -> dict[str, dict[str, bool]]:
    """class name → method name → whether its first parameter after self has a default (a
    signal that sends a value, ``clicked(bool)``, ``triggered(bool)``, would fill it)."""
    out: dict[str, dict[str, bool]] = {}
    for path in GUI.rglob("*.py"):
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(cls, ast.ClassDef):
                methods = out.setdefault(cls.name, {})
                for node in cls.body:
                    if isinstance(node, ast.FunctionDef):
                        positional = (node.args.posonlyargs + node.args.args)[1:]
                        methods[node.name] = bool(positional and node.args.defaults)
    return out


def _slot_arguments(cls: ast.ClassDef) -> list[ast.expr]:
    """What *cls* passes as a slot of a signal that sends a bool: ``clicked``, ``triggered``,
    ``toggled`` ``.connect``, an action helper, or a table (of buttons)."""
    found: list[ast.expr] = []
    for node in ast.walk(cls):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        signal = node.func.value
        if node.func.attr == "connect" and isinstance(signal, ast.Attribute) and \
                signal.attr in {"clicked", "triggered", "toggled"} or \
                node.func.attr in {"_action", "make_action", "addAction"}:
            found += node.args
    for node in ast.walk(cls):
        if isinstance(node, ast.Tuple | ast.List):
            found += node.elts
    return found


def test_no_slot_with_an_optional_parameter_is_connected_bare() -> None:
    """The class of the "False" bug: a method with an optional positional parameter passed as
    a slot gets the signal's value. ``self.m`` is looked up in its own class; ``other.m`` is
    an offender when every GUI method of that name takes an optional parameter."""
    methods = _methods()
    by_name: dict[str, set[bool]] = {}
    for table in methods.values():
        for name, optional in table.items():
            by_name.setdefault(name, set()).add(optional)
    offenders = []
    for path in GUI.rglob("*.py"):
        for cls in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(cls, ast.ClassDef):
                continue
            for arg in _slot_arguments(cls):
                if not isinstance(arg, ast.Attribute):
                    continue
                if isinstance(arg.value, ast.Name) and arg.value.id == "self":
                    bad = methods[cls.name].get(arg.attr, False)
                else:
                    bad = by_name.get(arg.attr) == {True}
                if bad:
                    offenders.append(f"{path.name}:{arg.lineno} {arg.attr}")
    assert offenders == []


def test_the_parcel_card_stays_behind_the_tab_the_user_chose(drawing, qtbot, aalborg_point):
    window = drawing
    x0, y0 = aalborg_point
    parcels = window.parcels
    if parcels.context is None:
        with qtbot.waitSignal(parcels.context_ready, timeout=60_000):
            pass
    click_tab(qtbot, window, parcels.dock)
    qtbot.keyClicks(parcels.box, "0a, testby")
    qtbot.keyClick(parcels.box, Qt.Key.Key_Return)
    assert parcels.card is not None and in_front(parcels.dock)
    analysis = window.analysis.dock
    click_tab(qtbot, window, analysis)
    assert in_front(analysis) and not in_front(parcels.dock)
    window.editing.act_draw.trigger()
    draw_square(qtbot, window, x0 - 400, y0 - 400, 200)
    qtbot.waitUntil(lambda: len(window.session.candidate_ids) == 1)
    assert in_front(analysis) and not in_front(parcels.dock), "drawing raised the card"
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.session.candidate_ids) == 0)
    assert in_front(analysis), "undo raised the card"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(window.session.candidate_ids) == 1)
    assert in_front(analysis) and not in_front(parcels.dock), "redo raised the card"
    shot(window, "analysis_stays_in_front")
    # The card itself followed the edits (it is refreshed, only not raised), and a new
    # search by the user brings it forward again.
    qtbot.keyClicks(parcels.box, "1a, testby")
    qtbot.keyClick(parcels.box, Qt.Key.Key_Return)
    assert in_front(parcels.dock)


# -- item 5: the export dialog remembers; the scenario view does not squeeze the map ----------

def test_the_export_dialog_remembers_title_and_subtitle(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QDialogButtonBox

    from naturplan.io.project.gpkg_store import GeoPackageStore

    def open_dialog():
        window.canvas.setFocus()
        qtbot.keyClick(window.canvas, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
        dialog = window.exports.dialog
        qtbot.waitUntil(dialog.isVisible)
        return dialog

    def close(dialog):
        box = dialog.findChild(QDialogButtonBox)
        button = box.button(QDialogButtonBox.StandardButton.Close)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible())

    first = open_dialog()
    assert first.title_edit.text() == "" and first.subtitle_edit.text() == ""
    for edit, text in ((first.title_edit, "Naturplan 2027 – forslag"),
                       (first.subtitle_edit, "Til byrådets møde 12. januar")):
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
        type_text(edit, text)
    close(first)
    second = open_dialog()
    assert second.title_edit.text() == "Naturplan 2027 – forslag"
    assert second.subtitle_edit.text() == "Til byrådets møde 12. januar"
    qtbot.wait(1500)  # the preview
    shot(second, "export_dialog_remembered")
    close(second)
    # Kept in the project file (a colleague opening it gets them too) and audited once.
    with GeoPackageStore(window.session.path, create=False, readonly=True) as store:
        assert store.settings()["export_map"] == {"title": "Naturplan 2027 – forslag",
                                                  "subtitle": "Til byrådets møde 12. januar"}
        changes = [r for r in store.audit() if "export_map" in str(r.details)]
    assert len(changes) == 1  # the second close changed nothing


def test_the_scenario_view_opens_without_squeezing_the_map(window, qtbot):
    canvas = window.canvas.size()
    menu = window.analysis.menu
    action = next(a for a in menu.actions() if a.text() == "Scenarier og sammenligning")
    action.trigger()  # Analyse → Scenarier og sammenligning
    dock = window.analysis.scenarios
    qtbot.waitUntil(dock.isVisible)
    qtbot.wait(100)
    assert window.canvas.size() == canvas, "the map was squeezed"
    assert dock.isFloating()
    assert dock.width() >= 0.6 * window.width() and dock.height() >= 380
    assert dock.table.height() >= 250 and dock.chart.width() >= 300  # readable, not squeezed
    shot(dock, "scenario_view")
    action.trigger()
    qtbot.waitUntil(lambda: not dock.isVisible())
    action.trigger()  # the second opening keeps where the user left it
    qtbot.waitUntil(dock.isVisible)
    assert window.canvas.size() == canvas


