"""The planner's desk (issue 20 items 1-5), driven as a planner drives it: buttons clicked,
dialogs answered by typing, keys pressed and the mouse used on the real window."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest
import shapely
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit, QPushButton

from naturplan.core.plan.candidates import CandidateKind

GUI = Path(__file__).resolve().parents[2] / "naturplan" / "gui"


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


def _add(window, kind: str, geometry, name: str):
    window.session.kind = CandidateKind(kind)
    change = window.session.add(geometry, name)
    assert change is not None
    return change.after[0]


def _button(dock, name: str) -> QPushButton:
    button = dock.findChild(QPushButton, f"scenario_{name}")
    assert button is not None and button.isVisible() and button.isEnabled()
    return button


def test_scenarios_are_named_through_the_buttons(window, qtbot, aalborg_point, no_dialogs):
    x0, y0 = aalborg_point
    low = _add(window, "lowland", shapely.box(x0 - 2500, y0 - 2000, x0 - 1500, y0 - 1500), "Mose")
    wood = _add(window, "afforestation", shapely.box(x0 + 100, y0 - 100, x0 + 300, y0 + 100),
                "Skov")
    window.analysis.act_scenarios.trigger()  # Analyse → Scenarier og sammenligning
    dock = window.analysis.scenarios
    qtbot.waitUntil(dock.isVisible)
    window.session.selection.set([low.id, wood.id])
    seen: list[str] = []
    answer_dialog(qtbot, "Forslag A", seen)
    qtbot.mouseClick(_button(dock, "new"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(window.session.store.scenarios()) == 1)
    assert seen == ["Nyt scenarie|Forslag A"]  # asked, offering a name
    window.session.selection.set([low.id])
    answer_dialog(qtbot, "Forslag B – kun mosen", seen)
    qtbot.mouseClick(_button(dock, "new"), Qt.MouseButton.LeftButton)
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
    qtbot.mouseClick(_button(dock, "rename"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Forslag A med skov" in [
        s.name for s in window.session.store.scenarios()])
    assert seen[-1] == "Omdøb scenarie|Forslag A"  # the old name offered to edit
    # Esc in the dialog changes nothing.
    versions = {s.id: s.version for s in window.session.store.scenarios()}
    answer_dialog(qtbot, None, seen)
    qtbot.mouseClick(_button(dock, "rename"), Qt.MouseButton.LeftButton)
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


# -- item 2: a panel comes forward only when the user asks -----------------------------------

def click_tab(qtbot, window, dock) -> None:
    """Click the tab of *dock* in the window's tab bars, as the user does."""
    from PySide6.QtWidgets import QTabBar

    for bar in window.findChildren(QTabBar):
        for k in range(bar.count()):
            if bar.isVisible() and bar.tabText(k) == dock.windowTitle():
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(k).center())
                return
    raise AssertionError(f"no tab for {dock.windowTitle()}")


def in_front(dock) -> bool:
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def pixel(window, x: float, y: float):
    from PySide6.QtCore import QPoint

    px, py = window.canvas.view.to_pixel(x, y)
    return QPoint(round(px), round(py))


def draw_square(qtbot, window, x: float, y: float, side: float) -> None:
    """Click three corners and double-click the fourth with the draw tool."""
    canvas = window.canvas
    corners = [(x, y), (x + side, y), (x + side, y + side), (x, y + side)]
    for cx, cy in corners[:-1]:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, cx, cy))
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=pixel(window, *corners[-1]))


@pytest.fixture
def drawing(window, aalborg_point, no_dialogs):
    """The window zoomed to 1.2 km around the fixture point, snapping off, draw tool on."""
    x0, y0 = aalborg_point
    window.canvas.zoom_to((x0 - 600, y0 - 600, x0 + 600, y0 + 600))
    window.canvas.render_now()
    window.editing.act_snap.setChecked(False)
    window.session.snapping = False
    window.editing.act_draw.trigger()
    window.dialogs = no_dialogs
    return window


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


# -- item 3: no stray sketch after finishing; a pending sketch is plain and Esc drops it -------

def _marker_pixels(window, point, colour=(224, 20, 156), reach: int = 9) -> int:
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


def test_a_quick_extra_click_after_finishing_starts_no_sketch(drawing, qtbot, aalborg_point):
    window = drawing
    x0, y0 = aalborg_point
    tool = window.canvas.tool
    draw_square(qtbot, window, x0 - 400, y0 - 400, 200)
    qtbot.waitUntil(lambda: len(window.session.candidate_ids) == 1)
    corner = pixel(window, x0 - 400, y0 - 200)  # where the double-click finished it
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=corner)  # a third click
    assert tool.points == [], "the click that belonged to the double-click began a sketch"
    # The next shape is drawn as clicked: four corners, a valid square of 200 x 200 m.
    draw_square(qtbot, window, x0 + 100, y0 + 100, 200)
    qtbot.waitUntil(lambda: len(window.session.candidate_ids) == 2)
    assert window.dialogs == []
    second = window.session.plan.get(window.session.candidate_ids[-1])
    assert len(second.geometry.exterior.coords) == 5
    assert second.geometry.area == pytest.approx(200 * 200, rel=0.03)  # pixel rounding


def test_a_pending_sketch_is_plain_to_see_and_esc_drops_it(drawing, qtbot, aalborg_point):
    window = drawing
    x0, y0 = aalborg_point
    tool = window.canvas.tool
    where = pixel(window, x0 - 300, y0 + 300)
    assert _marker_pixels(window, where) == 0
    # A deliberate click, later than a double-click's interval: a sketch of one corner.
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=where,
                     delay=QApplication.doubleClickInterval() + 100)
    assert len(tool.points) == 1
    window.canvas.render_now()
    # A disc of about 8 px radius (≈ 150 px), not a 3.5 px ring that one overlooks.
    assert _marker_pixels(window, where) > 100
    assert "Esc kasserer" in window.statusBar().currentMessage()
    shot(window.canvas, "pending_sketch")
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert tool.points == [] and window.session.candidate_ids == []
    assert "Esc" not in window.statusBar().currentMessage()
    assert _marker_pixels(window, where) == 0
    assert window.canvas.tool is tool  # still drawing, ready for the next shape


# -- item 4: a refused outline says why in Danish and marks the place --------------------------

def test_a_self_crossing_outline_is_explained_in_danish_and_marked(drawing, qtbot,
                                                                 aalborg_point):
    from naturplan.export.numbers import format_number

    window = drawing
    x0, y0 = aalborg_point
    corners = [(x0, y0), (x0 + 200, y0 + 160), (x0 + 200, y0), (x0, y0 + 160)]
    clicked = [pixel(window, x, y) for x, y in corners]
    for p in clicked[:-1]:
        qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=p)
    qtbot.mouseDClick(window.canvas, Qt.MouseButton.LeftButton, pos=clicked[-1])
    assert window.session.candidate_ids == []
    xy = [window.canvas.view.to_map(p.x(), p.y()) for p in clicked]
    cross = shapely.LineString(xy[:2]).intersection(shapely.LineString(xy[2:]))
    title, text = window.dialogs[-1]
    assert title == "Området er ikke gyldigt"
    assert text.startswith(f"Omridset krydser sig selv ved Ø {format_number(cross.x, 0, 'da')}, "
                           f"N {format_number(cross.y, 0, 'da')} (markeret på kortet).")
    assert "Self-intersection" not in text and "[" not in text
    window.canvas.render_now()
    red = _marker_pixels(window, pixel(window, cross.x, cross.y), colour=(208, 0, 0), reach=13)
    assert red > 30, "the crossing is not marked on the map"
    shot(window.canvas, "self_crossing")


def test_the_analysis_footer_names_the_table_in_danish_whole(window, qtbot):
    from naturplan.io.factors import DEFAULT_FACTOR_TABLE, load_factor_table

    click_tab(qtbot, window, window.analysis.dock)
    panel = window.analysis.dock.panel
    qtbot.waitUntil(lambda: "co2e_v1" in panel.text("provenance"))
    text = panel.text("provenance")
    table = load_factor_table(DEFAULT_FACTOR_TABLE)
    assert text.startswith("Faktortabel: Lavbundsjorder: SEGES/DCE-emissionsfaktorer, "
                           f"Klima-Lavbund-kriterier, skovrejsningens binding (co2e_v1, "
                           f"version {table.version}).")
    source = text.split("Kilde: ", 1)[1]
    assert source.startswith("Drænede og vådlagte lavbundsjorder: SEGES' ESGT-formler")
    assert source.rstrip().endswith("før tallene bruges officielt.")  # whole, not cut
    for internal in ("DESIGN.md", "issue", "as given", "Drained", "naturplan"):
        assert internal not in text
    shot(window.analysis.dock, "analysis_footer")


def test_help_writes_the_keys_as_the_menus_do(window, qtbot):
    from PySide6.QtGui import QKeySequence

    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F1)  # Hjælp → Tastaturgenveje
    dialog = window.help_dialog
    qtbot.waitUntil(dialog.isVisible)
    table = dialog.shortcuts
    rows = {table.item(i, 1).text(): table.item(i, 0).text() for i in range(table.rowCount())}
    redo = window.editing.act_redo
    shown_in_menu = redo.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    assert "Ctrl+Skift+Z" in shown_in_menu
    assert "Ctrl+Skift+Z" in rows[redo.text().replace("&", "")]
    assert not any("Shift" in keys for keys in rows.values())
    shot(dialog, "help_shortcuts")
    dialog.close()


def test_the_file_dialog_speaks_danish(window, qtbot):
    from PySide6.QtWidgets import QFileDialog, QLabel

    labels: list[str] = []
    filters: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        filters.extend(dialog.nameFilters())
        labels.extend(label.text() for label in dialog.findChildren(QLabel) if label.text())
        shot(dialog, "file_dialog")
        dialog.reject()

    QTimer.singleShot(0, look)
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(labels))
    assert sorted(labels) == ["&Filnavn:", "Filer af &type:", "Kig &i:"]
    assert filters == ["naturplan-projekt (*.gpkg)"]


def test_new_nature_means_one_thing_in_the_table_and_the_panel(drawing, qtbot, aalborg_point,
                                                               fixture_files):
    import geopandas as gpd

    from naturplan.export.numbers import format_ha

    window = drawing
    x0, y0 = aalborg_point
    window.canvas.zoom_to((x0 - 2700, y0 - 2300, x0 - 1300, y0 - 1200))
    window.canvas.render_now()
    corners = [(x0 - 2500, y0 - 2000), (x0 - 1500, y0 - 2000), (x0 - 1500, y0 - 1500),
               (x0 - 2500, y0 - 1500)]
    clicked = [pixel(window, x, y) for x, y in corners]
    for p in clicked[:-1]:
        qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=p)
    qtbot.mouseDClick(window.canvas, Qt.MouseButton.LeftButton, pos=clicked[-1])
    qtbot.waitUntil(lambda: len(window.session.candidate_ids) == 1)
    area = shapely.Polygon([window.canvas.view.to_map(p.x(), p.y()) for p in clicked])
    soil = gpd.read_file(fixture_files["lowland"])
    organic = shapely.union_all(soil[soil.carbon_class.isin([">12", "6-12"])].geometry.values)
    degraded = area.intersection(organic).area
    panel = window.analysis.dock.panel
    click_tab(qtbot, window, window.analysis.dock)
    qtbot.waitUntil(lambda: "Brandmandens lov" in panel.text("firefighter"), timeout=30_000)
    said = panel.text("firefighter")
    assert (f"{format_ha(0, 1, 'da')} eksisterende natur, {format_ha(degraded, 1, 'da')} "
            f"forringet jord, {format_ha(area.area - degraded, 1, 'da')} anden jord") in said
    assert " ny" not in said.split("\n", 2)[-1]  # "ny natur" is the table's gain, not a part
    model = window.editing.table_dock.model
    from naturplan.gui.editing.candidate_table import COLUMNS

    gain = model.index(0, COLUMNS.index("gain")).data()
    header = model.headerData(COLUMNS.index("gain"), Qt.Orientation.Horizontal)
    assert header == "Ny natur" and gain == format_ha(area.area, 2, "da")  # nothing protected
    shot(window, "new_nature_words")


def test_the_share_has_one_precision_on_the_dashboard_cli_and_pdf(window, layer_args,
                                                                   fixture_files):
    import subprocess
    import sys

    import geopandas as gpd

    from naturplan.export.ledger_table import ledger_table
    from naturplan.export.plan_data import load_plan_data

    muni = window.dataset.municipality.geometry
    p3 = shapely.union_all(gpd.read_file(fixture_files["nature_p3"]).geometry.values)
    share = shapely.intersection(p3, muni).area / muni.area
    expected = f"{share * 100:.2f}".replace(".", ",") + " %"  # two decimals, Danish comma
    assert window.dashboard_dock.headline.text() == expected
    cmd = [sys.executable, "-m", "naturplan", "stats", "--no-sample"]
    for arg in layer_args:
        cmd += ["--layer", arg]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=300, check=True).stdout
    line = next(s for s in out.splitlines() if "Beskyttet natur:" in s)
    assert line.split(": ", 1)[1].startswith(expected + " (")
    pdf = ledger_table(load_plan_data(window.dataset, window.protected_roles), "da")
    assert pdf.rows[0][1] == expected


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


def test_a_vertex_drag_that_crosses_is_explained_in_danish(drawing, qtbot, aalborg_point):
    from naturplan.export.numbers import format_number

    window = drawing
    x0, y0 = aalborg_point
    x, y, side = x0 - 400, y0 - 400, 200
    draw_square(qtbot, window, x, y, side)
    qtbot.waitUntil(lambda: len(window.session.candidate_ids) == 1)
    cid = window.session.candidate_ids[0]
    before = window.session.plan.get(cid).geometry
    ring = shapely.get_coordinates(before.exterior)[:-1]
    window.editing.act_vertex.trigger()
    start = pixel(window, *ring[0])
    end = pixel(window, x + side + 100, y + side / 2)
    qtbot.mousePress(window.canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(window.canvas, pos=end)
    qtbot.mouseRelease(window.canvas, Qt.MouseButton.LeftButton, pos=end)
    assert window.session.plan.get(cid).geometry.equals(before)  # refused
    moved = window.canvas.view.to_map(end.x(), end.y())
    edges = [shapely.LineString([ring[-1], moved])] + [
        shapely.LineString([ring[k], ring[k + 1]]) for k in range(1, len(ring) - 1)]
    cross = next(e.intersection(edges[0]) for e in edges[1:]
                 if e.intersects(edges[0]) and e.intersection(edges[0]).geom_type == "Point"
                 and not e.touches(edges[0]))
    title, text = window.dialogs[-1]
    assert text == ("Den ændring ville gøre området ugyldigt: Omridset krydser sig selv ved "
                    f"Ø {format_number(cross.x, 0, 'da')}, N {format_number(cross.y, 0, 'da')}.")
