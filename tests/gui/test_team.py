"""Team projects in the window (issue 13): a colleague's edits appear on the map, in the table
and in the ledger; a conflict says who and when and lets the planner choose."""

from __future__ import annotations

from pathlib import Path

import pytest
import shapely

from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan
from naturplan.core.plan.scenarios import Scenario
from naturplan.core.plan.sync import TICK_S
from naturplan.gui.team.conflict import KEEP_COPY, RELOAD
from naturplan.io.project.postgis_schema import CHANNEL, SCENARIO_CHANNEL
from naturplan.io.project.postgis_store import PostGISStore

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _square(x: float, y: float, size: float = 200.0) -> shapely.Polygon:
    return shapely.box(x, y, x + size, y + size)


def _wait_for_the_announcement(qtbot, store, scenarios: bool = False) -> None:
    """Until the colleague's commit is announced to *store* (PostgreSQL's notification),
    without taking it in: the notifications are read into the store's news (what the next
    tick's ``remote_changes_pending`` answers from), and none is consumed here."""
    channel = SCENARIO_CHANNEL if scenarios else CHANNEL

    def announced() -> bool:
        store._remote_news("a channel nobody announces on")  # reads, consumes nothing
        return channel in store._news

    qtbot.waitUntil(announced, timeout=10_000)


@pytest.fixture
def team_window(window, pg_project):
    assert window.session.open_project(pg_project, create=True)
    assert window.session.label.startswith("user=") or "dbname" in window.session.label
    return window


def test_a_colleagues_edits_appear_within_a_second(team_window, pg_project, aalborg_point,
                                                   qtbot) -> None:
    window, (x0, y0) = team_window, aalborg_point
    follow = window.team.follow
    assert follow.timer.isActive() and follow.timer.interval() == int(TICK_S * 1000)
    with PostGISStore(pg_project, author="anna") as store:
        anna = CandidatePlan(store)
        # The stated delay is one tick of the window's timer once the colleague's commit is
        # announced: counted in ticks, not in seconds (the machine may be busy).
        follow.timer.stop()
        c = anna.add(Candidate.new("lowland", _square(x0 + 500, y0), "Annas mose")).after[0]
        _wait_for_the_announcement(qtbot, window.session.store)
        assert c.id not in window.session.plan
        follow.tick()
        assert c.id in window.session.plan
        follow.timer.start()
        model = window.editing.table_dock.model
        assert model.rowCount() == 1 and model.index(0, 0).data() == "Annas mose"
        frame = window.candidates_layer.frame
        assert list(frame["name"]) == ["Annas mose"]
        ledger = window.session.ledger_result()
        assert ledger is not None and ledger.count == 1
        assert "anna" in window.statusBar().currentMessage()
        # A change and a delete follow the same way; the ledger follows them.
        anna.replace_geometry(c.id, _square(x0 + 500, y0, 400))
        qtbot.waitUntil(lambda: window.session.plan.get(c.id).version == 2, timeout=5000)
        assert window.session.plan.get(c.id).area_m2 == pytest.approx(160_000.0)
        window.canvas.render_now()
        SHOTS.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(SHOTS / "team_remote_edit.png"))
        anna.delete(c.id)
        qtbot.waitUntil(lambda: len(window.session.plan) == 0, timeout=5000)
        assert model.rowCount() == 0 and window.session.ledger_result().count == 0


def test_a_colleagues_scenario_change_is_passed_on(team_window, pg_project, qtbot) -> None:
    """The session tells the scenario views to read the scenarios again, within a tick."""
    window = team_window
    told: list[int] = []
    window.session.scenarios_changed.connect(lambda: told.append(len(told)))
    follow = window.team.follow
    with PostGISStore(pg_project, author="anna") as store:
        follow.timer.stop()  # one tick passes it on, once it is announced (counted, not timed)
        s = store.insert_scenario(Scenario.new("Annas forslag"))
        _wait_for_the_announcement(qtbot, window.session.store, scenarios=True)
        assert told == []
        follow.tick()
        assert told == [0]
        follow.timer.start()
        assert window.statusBar().currentMessage() == "Holdet: en kollega ændrede scenarierne"
        assert window.session.store.scenarios() == [s]
        store.delete_scenario(s.id, 1)
        qtbot.waitUntil(lambda: told == [0, 1], timeout=5000)
    assert window.session.store.scenarios() == [] and len(window.session.plan) == 0


def _stale_edit(window, pg_project, x0, y0):
    """Bo (the window) has an area; Anna renames it; Bo, not yet told, moves a corner."""
    window.team.follow.timer.stop()  # Bo has not seen Anna's edit yet
    bo = window.session.add(_square(x0, y0), "Fælles areal")
    cid = bo.after[0].id
    with PostGISStore(pg_project, author="anna") as store:
        theirs = store.get(cid)
        store.update(theirs.with_changes(name="Annas navn"), theirs.version)
    window.session.replace_geometry(cid, _square(x0, y0, 300), "Flyt hjørne")
    return cid


def test_a_conflict_reload_theirs(team_window, pg_project, aalborg_point) -> None:
    window, (x0, y0) = team_window, aalborg_point
    asked = []
    resolver = window.team.resolver
    resolver.choose = lambda text, exc, allow: asked.append((exc, resolver.message(exc))) or RELOAD
    cid = _stale_edit(window, pg_project, x0, y0)
    ((exc, message),) = asked
    assert exc.by == "anna" and exc.at
    assert "anna" in message and "'Fælles areal' (nu 'Annas navn')" in message
    assert window.session.plan.get(cid).name == "Annas navn"  # theirs, reloaded
    assert window.session.plan.get(cid).area_m2 == pytest.approx(40_000.0)
    assert window.undo_stack.count() == 1  # the refused edit was not pushed
    with PostGISStore(pg_project, readonly=True) as store:
        assert [c.name for c in store.candidates()] == ["Annas navn"]


def test_a_conflict_keep_mine_as_a_copy(team_window, pg_project, aalborg_point) -> None:
    window, (x0, y0) = team_window, aalborg_point
    window.team.resolver.choose = lambda text, exc, allow_copy: KEEP_COPY
    cid = _stale_edit(window, pg_project, x0, y0)
    plan = window.session.plan
    assert plan.get(cid).name == "Annas navn" and plan.get(cid).area_m2 == pytest.approx(40_000)
    (copy,) = [c for c in plan if c.id != cid]
    assert copy.name == "Fælles areal (min kopi)" and copy.area_m2 == pytest.approx(90_000)
    with PostGISStore(pg_project, readonly=True) as store:
        stored = {c.name: c.area_m2 for c in store.candidates()}
    assert stored == {"Annas navn": pytest.approx(40_000), "Fælles areal (min kopi)":
                      pytest.approx(90_000)}
    window.undo_stack.undo()  # the copy is one ordinary edit
    assert len(window.session.plan) == 1


def test_the_conflict_dialog_and_the_connection_dialog(team_window, pg_project, aalborg_point,
                                                       qtbot) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from naturplan.gui.team.connect import ConnectionDialog

    window, (x0, y0) = team_window, aalborg_point
    seen: list[str] = []

    def answer() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.objectName() == "conflict_dialog"
                   and w.isVisible())
        seen.append(box.text())
        SHOTS.mkdir(parents=True, exist_ok=True)
        box.grab().save(str(SHOTS / "team_conflict_dialog.png"))
        buttons = {b.text(): b for b in box.buttons()}
        assert {"Genindlæs deres", "Behold min som kopi"} <= set(buttons)
        buttons["Genindlæs deres"].click()

    QTimer.singleShot(300, answer)
    cid = _stale_edit(window, pg_project, x0, y0)
    assert seen and "anna" in seen[0]
    assert window.session.plan.get(cid).name == "Annas navn"

    dialog = ConnectionDialog("Åbn holdprojekt", [pg_project, "/tmp/x.gpkg"], window)
    qtbot.addWidget(dialog)
    assert dialog.conninfo() == pg_project.strip() and dialog.ok.isEnabled()
    dialog.edit.setText("postgresql://anna:hemmelig@db.kommune.dk/plan")
    assert dialog.ok.isEnabled() and "adgangskode" in dialog.note.text()
    dialog.edit.setText("plan.gpkg")
    assert not dialog.ok.isEnabled()
    dialog.edit.setText("service=naturplan")
    dialog.show()
    dialog.grab().save(str(SHOTS / "team_connection_dialog.png"))
    assert window.session.recent()[0] == window.session.store.location


def test_save_as_moves_a_team_plan_to_a_file_and_back(team_window, pg_project, pg_server,
                                                      aalborg_point, tmp_path) -> None:
    from pg_cluster import create_database, drop_database

    window, (x0, y0) = team_window, aalborg_point
    cid = window.session.add(_square(x0, y0), "Holdets areal").after[0].id
    target = tmp_path / "kopi.gpkg"
    assert window.session.save_as(target)
    assert window.session.path == target and window.session.label == "kopi"
    window.session.update(cid, name="I filen")  # editing goes on in the file, undo intact
    window.undo_stack.undo()
    assert window.session.plan.get(cid).name == "Holdets areal"
    other = create_database(pg_server)
    try:
        assert window.session.save_as(other)  # and from the file into another database
        assert window.session.path is None
        with PostGISStore(other, readonly=True) as store:
            assert [(c.id, c.name) for c in store.candidates()] == [(cid, "Holdets areal")]
        window.session.close()
    finally:
        drop_database(pg_server, other)
