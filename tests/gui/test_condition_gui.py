"""The condition of §3 nature on the dashboard (issue 25 item 1): the fixture's §3 squares
carry no condition class, so all of it is "not assessed" and nothing is good; a candidate
that names two squares it lifts to class II gives the plan's good share."""

from __future__ import annotations

import geopandas as gpd
import shapely
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from naturplan.text.numbers import format_ha, format_percent


def test_unassessed_nature_is_never_good_and_a_lift_shows_in_the_plan(
        qtbot, window, fixture_files, aalborg_point):
    follower = window.analysis.condition
    qtbot.waitUntil(lambda: follower.now is not None, timeout=30_000)
    p3 = gpd.read_file(fixture_files["nature_p3"])
    total = shapely.union_all(p3.geometry.values).area
    rows = window.analysis.condition_widget.rows
    assert rows["not_assessed"] == (format_ha(total, 0, "da"), "100,0 %", "")
    assert rows["good"] == (format_ha(0.0, 0, "da"), "0,0 %", "")
    good = window.analysis.condition_widget.good.text()
    assert "0,0 % i god tilstand" in good and "planens" not in good
    x0, y0 = aalborg_point
    change = window.session.add(shapely.box(x0 - 100, y0 + 200, x0 + 100, y0 + 400), "Pleje")
    window.session.plan.update(change.after[0].id, note="Rydning; løfter: TEST-0, TEST-1 → II")
    qtbot.waitUntil(lambda: follower.planned is not None, timeout=30_000)
    QTest.qWait(50)
    lifted = shapely.union_all(p3.geometry.values[:2]).area
    expected = format_percent(lifted / total, 1, "da")
    assert f"med planens genopretning: {expected}" in window.analysis.condition_widget.good.text()
    window.session.selection.set([change.after[0].id])  # the candidate panel names the lifts
    line = window.analysis.dock.panel.findChild(QLabel, "analysis_condition")
    assert "TEST-0: til klasse II" in line.text() and "TEST-1: til klasse II" in line.text()
    assert "findes ikke" not in line.text()


def test_the_stored_lifts_show_in_the_panel_and_the_plan(qtbot, window, fixture_files,
                                                         aalborg_point):
    """The project's ``restoration`` record (not the note) names the lifts: the panel shows
    them and the dashboard's plan share has exactly their area as good."""
    from naturplan.core.share.condition import ConditionClass
    from naturplan.io.restoration import write_restoration

    follower = window.analysis.condition
    qtbot.waitUntil(lambda: follower.now is not None, timeout=30_000)
    p3 = gpd.read_file(fixture_files["nature_p3"])
    total = shapely.union_all(p3.geometry.values).area
    x0, y0 = aalborg_point
    change = window.session.add(shapely.box(x0 - 100, y0 + 200, x0 + 100, y0 + 400), "Pleje")
    cid = change.after[0].id
    write_restoration(window.session.store, cid, {"TEST-1": ConditionClass.II,
                                                  "TEST-2": ConditionClass.I})
    window.session.plan.update(cid, note="Rydning")  # an edit: the plan is measured again
    qtbot.waitUntil(lambda: follower.planned is not None, timeout=30_000)
    QTest.qWait(50)
    lifted = shapely.union_all(p3.geometry.values[1:3]).area
    expected = format_percent(lifted / total, 1, "da")
    assert f"med planens genopretning: {expected}" in window.analysis.condition_widget.good.text()
    window.session.selection.set([cid])
    line = window.analysis.dock.panel.findChild(QLabel, "analysis_condition")
    assert "TEST-1: til klasse II" in line.text() and "TEST-2: til klasse I" in line.text()
