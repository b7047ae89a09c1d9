"""The planner's desk (issue 20 items 3 and 4): drawing without stray sketches, and words
and numbers said one way, in Danish, driven through the real window."""

from __future__ import annotations

import pytest
import shapely
from desk_helpers import (
    click_tab,
    draw_square,
    marker_pixels,
    pixel,
    shot,
    start_drawing,
)
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication


@pytest.fixture
def drawing(window, aalborg_point, no_dialogs):
    """The window zoomed to 1.2 km around the fixture point, snapping off, draw tool on."""
    return start_drawing(window, aalborg_point, no_dialogs)


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
    assert marker_pixels(window, where) == 0
    # A deliberate click, later than a double-click's interval: a sketch of one corner.
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=where,
                     delay=QApplication.doubleClickInterval() + 100)
    assert len(tool.points) == 1
    window.canvas.render_now()
    # A disc of about 8 px radius (≈ 150 px), not a 3.5 px ring that one overlooks.
    assert marker_pixels(window, where) > 100
    assert "Esc kasserer" in window.statusBar().currentMessage()
    shot(window.canvas, "pending_sketch")
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert tool.points == [] and window.session.candidate_ids == []
    assert "Esc" not in window.statusBar().currentMessage()
    assert marker_pixels(window, where) == 0
    assert window.canvas.tool is tool  # still drawing, ready for the next shape


# -- item 4: a refused outline says why in Danish and marks the place --------------------------

def test_a_self_crossing_outline_is_explained_in_danish_and_marked(drawing, qtbot,
                                                                 aalborg_point):
    from naturplan.text.numbers import format_number

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
    red = marker_pixels(window, pixel(window, cross.x, cross.y), colour=(208, 0, 0), reach=13)
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

    from naturplan.text.numbers import format_ha

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
    from naturplan.usecases.plan_data import load_plan_data

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


def test_a_vertex_drag_that_crosses_is_explained_in_danish(drawing, qtbot, aalborg_point):
    from naturplan.text.numbers import format_number

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
