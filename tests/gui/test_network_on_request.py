"""Today's network of a plan area too large to measure on load (issue 24 §2): the panel says
it is not computed and why, never a 0, and measures it when the planner presses the button;
under the limit the window measures it on load as before."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import shapely
from PySide6.QtCore import Qt

from naturplan.core.analysis.connectivity import ConnectivityNetwork
from naturplan.core.plan.candidates import CandidateKind
from naturplan.text.numbers import format_ha, format_number
from naturplan.usecases import todays_network

LIMIT = 3


@pytest.fixture
def tiny_limit(monkeypatch):
    """A limit the fixture's protected polygons (six §3 squares and the sites) are above."""
    monkeypatch.setattr(todays_network, "NETWORK_ON_LOAD_MAX_POLYGONS", LIMIT)


def _keep(widget, name: str, tmp_path: Path) -> Path:
    """The panel as a PNG (NATURPLAN_KEEP_PANEL_DIR=folder keeps it to look at)."""
    folder = Path(os.environ.get("NATURPLAN_KEEP_PANEL_DIR", tmp_path))
    path = folder / name
    assert widget.grab().save(str(path))
    return path


def _idle(window, qtbot) -> None:
    c = window.analysis.controller
    qtbot.waitUntil(lambda: c.idle, timeout=120_000)


def test_a_large_plan_area_measures_its_network_when_asked(tiny_limit, window, qtbot,
                                                            aalborg_point, tmp_path):
    actions = window.analysis
    c, panel = actions.controller, actions.dock.panel
    _idle(window, qtbot)
    polygons = len(c.layers.protected)
    assert polygons > LIMIT
    # Not measured on load: the reason with the counts, no index shown as a number.
    assert c.network is None and c.deferred is not None
    text = panel.text("network")
    assert "i dag: ikke beregnet" in text and "med kandidatområderne: ikke beregnet" in text
    assert (f"har {format_number(polygons, 0, 'da')} beskyttede arealer, flere end de "
            f"{LIMIT}," in text)
    assert "ECA" not in text and "PC" not in text
    assert panel.compute_button.isVisibleTo(panel)
    assert panel.compute_button.text() == "Beregn naturnetværket"
    # A candidate: its other numbers are shown, its connectivity is "not computed" (the
    # candidate and projected jobs do not run and do not fail).
    x0, y0 = aalborg_point
    corridor = shapely.box(x0 + 150, y0 - 10, x0 + 250, y0 + 10)
    window.session.kind = CandidateKind("connectivity")
    assert window.session.add(corridor, "K") is not None
    _idle(window, qtbot)
    assert "ikke beregnet" in panel.text("connectivity")
    assert "måler" not in panel.text("connectivity")
    assert c.projected is None
    assert "ikke beregnet" in panel.text("network")
    # The scenario comparison: its other rows are measured, ΔECA is "–" with the reason.
    scenarios = actions.scenarios
    scenarios.show()
    window.session.selection.set([window.session.plan.candidates()[0].id])
    scenarios.new_from_selection(name="Forslag A")
    qtbot.waitUntil(lambda: len(scenarios.results) == 1 and c.idle, timeout=120_000)
    table = scenarios.table
    rows = {table.verticalHeaderItem(r).text(): r for r in range(table.rowCount())}
    assert table.item(rows["ΔECA"], 0).text() == "–"
    assert "dagens naturnetværk er ikke beregnet" in scenarios.state.text()
    scenarios.hide()
    actions.dock.show()
    actions.dock.raise_()
    _keep(panel, "network_not_computed.png", tmp_path)
    # The planner asks: today's network, the candidate's change and the projected network.
    assert panel.compute_button.isVisible()  # on the raised dock, as the planner sees it
    qtbot.mouseClick(panel.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: c.network is not None and c.projected is not None and c.idle,
                    timeout=120_000)
    qtbot.waitUntil(lambda: "ECA" in panel.text("connectivity")
                    and "ikke beregnet" not in panel.text("connectivity"), timeout=60_000)
    layers = c.layers
    now = ConnectivityNetwork.of_polygons(layers.protected, layers.municipality).indices
    after = ConnectivityNetwork.of_polygons(
        [*layers.protected, corridor], layers.municipality, keep_paths=False).indices
    text = panel.text("network")
    assert "ikke beregnet" not in text
    assert f"i dag: ECA {format_ha(now.eca_m2, 1, 'da')}" in text
    assert f"med kandidatområderne: ECA {format_ha(after.eca_m2, 1, 'da')}" in text
    assert "+" + format_ha(after.eca_m2 - now.eca_m2, 2, "da") in panel.text("connectivity")
    assert not panel.compute_button.isVisibleTo(panel)
    _keep(panel, "network_computed.png", tmp_path)


def test_under_the_limit_the_network_is_measured_on_load_as_before(window, qtbot):
    actions = window.analysis
    c, panel = actions.controller, actions.dock.panel
    assert len(c.layers.protected) <= todays_network.NETWORK_ON_LOAD_MAX_POLYGONS
    qtbot.waitUntil(lambda: c.network is not None and c.idle, timeout=120_000)
    assert c.deferred is None
    layers = c.layers
    now = ConnectivityNetwork.of_polygons(layers.protected, layers.municipality).indices
    text = panel.text("network")
    assert f"i dag: ECA {format_ha(now.eca_m2, 1, 'da')}" in text
    assert "ikke beregnet" not in text
    assert not panel.compute_button.isVisibleTo(panel)
