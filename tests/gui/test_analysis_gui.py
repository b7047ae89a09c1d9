"""The analysis in the window: the panel for the selected candidate follows every edit, the
conflicts are drawn on the map, scenarios are stored and compared in a table and a chart."""

from __future__ import annotations

import math

import numpy as np
import pytest
import shapely
from PySide6.QtGui import QColor

from naturplan.core.analysis.connectivity import ConnectivityNetwork
from naturplan.core.plan.candidates import CandidateKind
from naturplan.text.numbers import format_ha, format_number, format_percent

ROTATION = {">12": 42.17 + 3.87 - 6.8, "6-12": 21.08 - 6.8}


@pytest.fixture
def analysis(window, qtbot):
    actions = window.analysis
    qtbot.waitUntil(lambda: actions.controller.network is not None and actions.controller.idle,
                    timeout=120_000)
    return actions


def _add(window, kind, geometry, name):
    window.session.kind = CandidateKind(kind)
    change = window.session.add(geometry, name)
    assert change is not None
    return change.after[0]


def test_a_lowland_candidate_and_a_live_edit(window, analysis, aalborg_point, qtbot):
    x0, y0 = aalborg_point
    # 1000 x 500 m: 700 m on >12 % soil, 200 m on 6-12 %, 100 m between the soil polygons.
    cand = _add(window, "lowland", shapely.box(x0 - 2500, y0 - 2000, x0 - 1500, y0 - 1500), "L")
    panel = analysis.dock.panel
    expected = 35 * ROTATION[">12"] + 10 * ROTATION["6-12"]
    assert format_number(expected, 0, "da") in panel.text("climate")
    kl = panel.text("klima_lavbund")
    assert "opfylder kriterierne" in kl and "ikke" not in kl
    assert format_percent(0.9, 0, "da") in kl  # 45 of 50 ha on organic soil
    # The flood raster is wet from x0 - 1980: 480 m of the 1000 m are flooded.
    assert format_percent(0.48, 1, "da") in panel.text("flood")
    qtbot.waitUntil(lambda: "måler" not in panel.text("connectivity"), timeout=60_000)
    # Move the east edge 300 m west: now 35 ha on >12 % only (the 6-12 % part is gone).
    window.session.replace_geometry(
        cand.id, shapely.box(x0 - 2500, y0 - 2000, x0 - 1800, y0 - 1500), "edit")
    assert format_number(35 * ROTATION[">12"], 0, "da") in panel.text("climate")
    assert "✓" in panel.text("klima_lavbund")


def test_afforestation_conflicts_are_listed_and_drawn(window, analysis, aalborg_point, qtbot):
    x0, y0 = aalborg_point
    # Overlaps the Sø square by 50 x 200 m and the Mose square by 50 x 200 m.
    _add(window, "afforestation", shapely.box(x0 + 100, y0 - 100, x0 + 300, y0 + 100), "F")
    panel = analysis.dock.panel
    conflicts = panel.text("conflicts")
    assert "§3-natur (ikke tilladt)" in conflicts
    assert format_ha(2 * 50 * 200, 2, "da") in conflicts
    assert "Mose" in conflicts and "Sø" in conflicts
    assert format_number(4 * 10.0, 0, "da") in panel.text("forest")  # 4 ha x 10 t
    window.canvas.zoom_to((x0 - 400, y0 - 300, x0 + 700, y0 + 300))
    window.canvas.render_now()
    image = window.canvas.grab().toImage()
    view = window.canvas.view
    px = int((x0 + 125 - view.bounds[0]) / view.resolution)
    py = int((view.bounds[3] - (y0 + 2)) / view.resolution)
    reds = sum(1 for dx in range(-6, 7) for dy in range(-6, 7)
               if _reddish(image.pixelColor(px + dx, py + dy)))
    assert reds > 5, "the §3 conflict is not drawn on the map"
    import os
    if os.environ.get("NATURPLAN_KEEP_PANEL"):
        analysis.dock.raise_()
        qtbot.wait(100)
        window.grab().save(os.environ["NATURPLAN_KEEP_PANEL"])


def _reddish(color: QColor) -> bool:
    return color.red() > 150 and color.green() < 140 and color.blue() < 140


def test_a_corridor_joins_two_squares(window, analysis, aalborg_point, qtbot):
    x0, y0 = aalborg_point
    corridor = shapely.box(x0 + 150, y0 - 10, x0 + 250, y0 + 10)
    _add(window, "connectivity", corridor, "K")
    panel = analysis.dock.panel
    qtbot.waitUntil(lambda: "måler" not in panel.text("connectivity"), timeout=60_000)
    layers = analysis.controller.layers
    before = ConnectivityNetwork.of_polygons(layers.protected, layers.municipality).indices
    after = ConnectivityNetwork.of_polygons(
        np.append(layers.protected, corridor), layers.municipality, keep_paths=False).indices
    text = panel.text("connectivity")
    assert "+" + format_ha(after.eca_m2 - before.eca_m2, 2, "da") in text
    assert "2 områder" in text


def test_scenarios_compared_side_by_side(window, analysis, aalborg_point, qtbot, tmp_path):
    x0, y0 = aalborg_point
    low = _add(window, "lowland", shapely.box(x0 - 2500, y0 - 2000, x0 - 1500, y0 - 1500), "Mose")
    forest = _add(window, "afforestation", shapely.box(x0 + 100, y0 - 100, x0 + 300, y0 + 100),
                  "Skov")
    corridor = _add(window, "connectivity", shapely.box(x0 + 150, y0 - 10, x0 + 250, y0 + 10),
                    "Korridor")
    dock = analysis.scenarios
    dock.show()
    window.session.selection.set([low.id, corridor.id])
    dock.new_from_selection(name="Forslag A")
    window.session.selection.set([low.id, forest.id, corridor.id])
    dock.new_from_selection(name="Forslag B – med skov og korridor")
    qtbot.waitUntil(lambda: len(dock.results) == 2 and analysis.controller.idle,
                    timeout=120_000)
    names = [r.scenario.name for r in dock.results]
    assert names == ["Forslag A", "Forslag B – med skov og korridor"]
    a, b = dock.results
    assert b.totals.sequestration_t == pytest.approx(40.0)
    assert a.totals.sequestration_t == 0.0
    co2 = 35 * ROTATION[">12"] + 10 * ROTATION["6-12"]
    assert a.totals.reduction_t == pytest.approx(co2)
    table = dock.table
    rows = {table.verticalHeaderItem(r).text(): r for r in range(table.rowCount())}
    assert table.item(rows["CO2e-reduktion (t/år)"], 0).text() == format_number(co2, 0, "da")
    municipality = window.dataset.municipality.area_m2
    share = (window.share.area_m2 + a.ledger.gain_m2) / municipality
    assert table.item(rows["Fremskrevet andel"], 0).text() == format_percent(share, 2, "da")
    stored = window.session.store.scenarios()
    assert [s.name for s in stored] == names
    assert any(r.details.get("op") == "scenario_insert" for r in window.session.store.audit())
    _names_and_chart_shown_whole(dock, names, qtbot)  # docked under the map
    dock.setFloating(True)
    dock.resize(1400, 520)
    qtbot.wait(100)
    _names_and_chart_shown_whole(dock, names, qtbot)
    path = tmp_path / "scenarios.png"
    assert dock.grab().save(str(path))
    assert path.stat().st_size > 10_000
    import os
    if os.environ.get("NATURPLAN_KEEP_SCREENSHOT"):
        dock.grab().save(os.environ["NATURPLAN_KEEP_SCREENSHOT"])


def _names_and_chart_shown_whole(dock, names, qtbot):
    """Every scenario's name shows whole above its column (wrapped, none cut off), and the
    chart beside the table is not pushed out of the dock."""
    qtbot.wait(50)
    table = dock.table
    metrics = table.horizontalHeader().fontMetrics()
    for col, name in enumerate(names):
        label = table.horizontalHeaderItem(col).text()
        assert " ".join(label.split()) == name
        for line in label.split("\n"):
            assert metrics.horizontalAdvance(line) + 8 <= table.columnWidth(col), line
    chart = dock.chart
    assert chart.width() >= chart.minimumWidth()
    assert chart.visibleRegion().boundingRect() == chart.rect()
    assert dock.widget().minimumSizeHint().width() <= dock.widget().width()


def test_a_colleagues_scenario_shows_when_the_session_says_so(window, analysis, aalborg_point,
                                                             qtbot):
    """A team project's follower announces another planner's scenario change as
    ``session.scenarios_changed``; the scenario list reads the project again."""
    from naturplan.core.plan.scenarios import Scenario

    x0, y0 = aalborg_point
    low = _add(window, "lowland", shapely.box(x0 - 2500, y0 - 2000, x0 - 1500, y0 - 1500), "Mose")
    dock = analysis.scenarios
    dock.show()
    assert dock.list.count() == 0
    window.session.store.insert_scenario(Scenario.new("Kollegas forslag", [low.id]))
    assert dock.list.count() == 0  # written behind the window's back: not known yet
    window.session.scenarios_changed.emit()
    assert [dock.list.item(i).text() for i in range(dock.list.count())] == [
        "Kollegas forslag (1 område)"]


def test_the_project_records_its_factor_table(window, analysis):
    record = window.session.store.settings().get("analysis")
    assert record["recorded"]["id"] == "co2e_v1"
    assert len(record["recorded"]["sha256"]) == 64
    assert "co2e_v1" in analysis.dock.panel.text("provenance")
    assert math.isfinite(analysis.controller.network.indices.eca_m2)


def test_forest_type_and_factor_table_from_the_menu(window, analysis, aalborg_point):
    x0, y0 = aalborg_point
    _add(window, "afforestation", shapely.box(x0 - 2000, y0 + 3000, x0 - 1000, y0 + 3500), "S")
    panel = analysis.dock.panel
    assert format_number(50 * 10.0, 0, "da") in panel.text("forest")
    analysis._fill_forest_types()
    conifer = [a for a in analysis.forest_menu.actions() if "Nåleskov" in a.text()]
    assert conifer and "22,0" in conifer[0].text()
    conifer[0].trigger()
    assert format_number(50 * 22.0, 0, "da") in panel.text("forest")
    assert window.session.store.settings()["analysis"]["forest_type"] == "conifer"
    analysis._fill_tables()
    assert [a.text() for a in analysis.tables_menu.actions()] == ["co2e_v1"]
    assert analysis.tables_menu.actions()[0].isChecked()


def test_a_changed_factor_table_shows_in_the_panel(window, analysis):
    """A project whose recorded table differs from the file (another SHA-256) says so."""
    store = window.session.store
    record = dict(store.settings()["analysis"])
    assert "ændret" not in analysis.dock.panel.text("provenance")
    record["recorded"] = {**record["recorded"], "sha256": "0" * 64}
    store.set_settings({"analysis": record})
    window.session.project_changed.emit()
    assert analysis.controller.provenance.changed
    assert "Faktortabellen er ændret, siden projektet registrerede den." in (
        analysis.dock.panel.text("provenance"))


def test_nature_at_risk_on_the_dashboard(qtbot, settings, fixture_files, aalborg_point,
                                         tmp_path):
    """A flood raster over 100 m of the Strandeng square and 200 m of the Eng square (each
    300 m x 300 m): Strandeng 3 ha (33,3 %) first, then Eng 6 ha (66,7 %), the others 0."""
    import rasterio
    from rasterio.transform import from_origin

    from naturplan.core.layers.roles import Role
    from naturplan.gui.main_window import MainWindow
    from naturplan.io.datasets import DatasetRequest
    from naturplan.io.loading import LayerRequest

    x0, y0 = aalborg_point
    # §3 square i spans x0 - 150 + 400 i .. x0 + 150 + 400 i: Eng i=2, Strandeng i=3.
    depth = np.zeros((40, 200), dtype="float32")  # 10 m cells from (x0, y0 + 200)
    depth[:, 65:85] = 1.0    # x0 + 650 .. x0 + 850: the Eng square's west 200 m
    depth[:, 105:115] = 2.0  # x0 + 1050 .. x0 + 1150: the Strandeng square's west 100 m
    flood = tmp_path / "flood.tif"
    with rasterio.open(flood, "w", driver="GTiff", width=200, height=40, count=1,
                       dtype="float32", crs="EPSG:25832", nodata=-9999,
                       transform=from_origin(x0, y0 + 200, 10, 10)) as dst:
        dst.write(depth, 1)
    files = {**fixture_files, "flood": flood}
    request = DatasetRequest(use_sample=False, layers=tuple(
        LayerRequest(Role(role), path) for role, path in files.items()))
    win = MainWindow(settings, lang="da")
    qtbot.addWidget(win)
    win.resize(1400, 880)
    win.show()
    win.load_dataset(request, wait=True)
    widget = win.analysis.at_risk
    qtbot.waitUntil(lambda: widget.isVisible() and "Strandeng" in widget.text(),
                    timeout=120_000)
    from PySide6.QtGui import QTextDocument

    doc = QTextDocument()
    doc.setHtml(widget.text())
    text = doc.toPlainText().replace("\u00a0", " ")
    assert text.startswith("Natur i risiko: §3-natur i oversvømmelseszonen")
    strandeng, eng = text.index("Strandeng"), text.index("Eng")
    assert strandeng < eng
    assert format_percent(1 / 3, 1, "da") in text[strandeng:eng]
    assert format_ha(30_000, 0, "da") in text[strandeng:eng]
    assert format_percent(2 / 3, 1, "da") in text[eng:]
    assert format_ha(60_000, 0, "da") in text[eng:]
    win.close()


def test_numbers_keep_their_units_and_indices_read_as_powers_of_ten():
    from naturplan.gui.analysis.panel import _sci, keep_units

    assert keep_units("<b>34 %</b>; 48,0 ha (641 t)") == (
        "<b>34&nbsp;%</b>; 48,0&nbsp;ha (641&nbsp;t)")
    assert keep_units("Forslag 2 med") == "Forslag 2 med"
    assert _sci(0.00114, "da") == "1,14·10⁻³" and _sci(1.76e-7, "en") == "1.76·10⁻⁷"
