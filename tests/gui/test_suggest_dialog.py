"""*Analyse → Foreslå plan…* (issue 23 §4) driven as a planner does: the menu, the fields, the
Suggest button; the plan is found in a worker and stored in the open project, where the
ledger follows; an unreachable target is said in the dialog and stores nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from naturplan.io.datasets import DatasetRequest


def _menu_action(win, name):
    for action in win.analysis.menu.actions():
        if action.objectName() == name:
            return action
    raise AssertionError(name)


def _suggest(qtbot, win):
    from naturplan.gui.analysis.suggest_dialog import SuggestDialog

    _menu_action(win, "action_suggest").trigger()
    dialogs = win.findChildren(SuggestDialog)
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    return dialogs[0]


def test_an_unreachable_target_is_said_in_the_dialog(qtbot, window):
    # The fixture's layers: 400 parcels of 4 ha in the whole of Aalborg Kommune.
    dialog = _suggest(qtbot, window)
    assert dialog.windowTitle() == "Foreslå en plan"
    assert dialog.name.text() == "Forslag 17 %"
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.task.running, timeout=60_000)
    qtbot.waitUntil(lambda: dialog.suggest_button.isEnabled(), timeout=5_000)
    assert dialog.status.text().startswith("Målet kræver ")
    assert "kan nås" in dialog.status.text()
    assert len(window.session.plan) == 0
    assert window.session.store.scenarios() == []


@pytest.mark.timeout(300)
def test_a_suggested_plan_is_stored_and_the_ledger_follows(qtbot, open_window, sample_env):
    win = open_window(DatasetRequest(sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"])))
    before = len(win.session.plan)
    dialog = _suggest(qtbot, win)
    dialog.name.setText("Mit forslag")
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=120_000)
    report = dialog.report
    assert len(win.session.plan) == before + len(report.candidate_ids)
    scenarios = win.session.store.scenarios()
    assert [s.name for s in scenarios] == ["Mit forslag"]
    assert set(scenarios[0].candidate_ids) == set(report.candidate_ids)
    assert report.share_after >= 0.17
    # the window's ledger counts the new areas: the dashboard's projected share
    assert win.session.ledger.result().share == pytest.approx(report.share_after, abs=1e-9)
    assert dialog.status.text().splitlines()[0].startswith("Scenarie 'Mit forslag': ")
    dialog.close()
    win.close()


@pytest.mark.timeout(300)
def test_targets_by_kind_in_the_dialog_are_stored_per_kind(qtbot, open_window, sample_env):
    import shapely

    win = open_window(DatasetRequest(sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"])))
    dialog = _suggest(qtbot, win)
    lowland = dialog.findChild(type(dialog.target), "target_ha_lowland")
    forest = dialog.findChild(type(dialog.target), "target_ha_afforestation")
    assert lowland.text() == "ingen" and forest.text() == "ingen"
    # no share, 40 ha of lowland and 25 ha of forest, typed as a planner would
    dialog.target.selectAll()
    qtbot.keyClicks(dialog.target, "0")
    assert dialog.target.value() == 0 and dialog.name.text() == "Forslag pr. slags"
    for spin, text in ((lowland, "40"), (forest, "25")):
        spin.selectAll()
        qtbot.keyClicks(spin, text)
    assert (lowland.value(), forest.value()) == (40, 25)
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=120_000)
    report = dialog.report
    assert set(report.kinds) == {"lowland", "afforestation"}
    stored = {c.id: c for c in win.session.plan.candidates()}
    by_kind = {"lowland": 0.0, "afforestation": 0.0}
    for cid in report.candidate_ids:
        c = stored[cid]
        by_kind[c.kind.value] += shapely.area(c.geometry)
    # each kind's new area, measured with shapely on the stored areas, reaches its target
    assert by_kind["lowland"] >= 40 * 10_000 and by_kind["afforestation"] >= 25 * 10_000
    for kind, area in by_kind.items():
        assert report.kinds[kind]["chosen_m2"] == pytest.approx(area, rel=1e-6)
    lines = dialog.status.text().splitlines()
    assert any(line.startswith("Udtagning af lavbundsjord: ") for line in lines)
    dialog.close()
    win.close()


@pytest.mark.timeout(300)
def test_grid_units_chosen_in_the_dialog(qtbot, open_window, sample_env):
    win = open_window(DatasetRequest(sample_scale=float(sample_env["NATURPLAN_SAMPLE_SCALE"])))
    dialog = _suggest(qtbot, win)
    dialog.units.setCurrentIndex(dialog.units.findData("grid"))
    assert dialog.units.currentText() == "1-ha-celler"
    qtbot.mouseClick(dialog.suggest_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=120_000)
    assert dialog.report.unit_kind == "grid" and dialog.report.share_after >= 0.17
    assert dialog.status.text().splitlines()[1].startswith("Valgte 1-ha-celler: ")
    dialog.close()
    win.close()
