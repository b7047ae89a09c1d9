"""Opening a project file another program holds locked (issue 18, defects): the window froze
for the 10 s busy timeout before it refused, the wait running on the GUI thread. Now the open
is refused within a second with one Danish message, the window keeps its project and answers
at once, and the same file opens when the lock is gone. A row another program wrote that the
app cannot use is named in a message and left out."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import shapely
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

from naturplan.core.plan.candidates import Candidate
from naturplan.io.project.gpkg_format import encode_geometry
from naturplan.io.project.gpkg_store import GeoPackageStore


def _project(path: Path, x0: float, y0: float, n: int = 2) -> list[str]:
    with GeoPackageStore(path, author="anna") as store:
        return [store.insert(Candidate.new("lowland", shapely.box(x0 + 1000 * i, y0,
                                                                  x0 + 1000 * i + 200, y0 + 200),
                                           f"Mose {i}")).id for i in range(n)]


def test_a_locked_project_is_refused_at_once_and_the_window_answers(
        window, no_dialogs, tmp_path, aalborg_point, monkeypatch, qtbot):
    x0, y0 = aalborg_point
    path = tmp_path / "laast.gpkg"
    _project(path, x0, y0)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(path), "")))
    current = window.session.path
    other = sqlite3.connect(path, isolation_level=None)  # QGIS in the middle of a save
    other.execute("BEGIN EXCLUSIVE")
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(50)
    try:
        start = time.monotonic()
        window.editing.act_open.trigger()  # File > Open project…, the user's way
        elapsed = time.monotonic() - start
        qtbot.wait(200)  # the event loop runs again at once: the timer ticks
    finally:
        timer.stop()
        other.execute("ROLLBACK")
        other.close()
    assert elapsed < 2.5, f"the window was frozen for {elapsed:.1f} s"
    assert ticks and ticks[-1] - start < elapsed + 1.0
    assert window.session.path == current  # the project that was open stays open
    assert len(no_dialogs) == 1
    title, text = no_dialogs[0]
    assert "låst af et andet program" in text, text
    # When the other program is done, the same action opens it.
    window.editing.act_open.trigger()
    assert window.session.path == path and len(window.session.plan) == 2


def test_a_row_the_app_cannot_use_is_named_in_a_message(
        window, no_dialogs, tmp_path, aalborg_point):
    x0, y0 = aalborg_point
    path = tmp_path / "ude.gpkg"
    bad, good = _project(path, x0, y0)
    bowtie = shapely.Polygon([(x0, y0), (x0 + 100, y0 + 100), (x0 + 100, y0), (x0, y0 + 100)])
    conn = sqlite3.connect(path)  # QGIS beside the app
    conn.execute("UPDATE candidates SET geom = ? WHERE id = ?", (encode_geometry(bowtie), bad))
    conn.commit()
    conn.close()
    assert window.session.open_project(path)
    assert [c.id for c in window.session.plan.candidates()] == [good]
    assert len(no_dialogs) == 1
    title, text = no_dialogs[0]
    assert title == "Kandidatområder udeladt"
    assert bad in text and "udeladt af opgørelserne" in text and "Self-intersection" in text


def test_a_setting_of_the_wrong_kind_is_named_in_a_message_and_the_default_used(
        window, no_dialogs, tmp_path, aalborg_point):
    """Issue 21 §4: a project setting another program wrote of the wrong kind (a negative
    dispersal distance) is named once in a Danish message; the analysis uses the default."""
    from naturplan.core.analysis.connectivity import ConnectivityParams

    x0, y0 = aalborg_point
    path = tmp_path / "indstillinger.gpkg"
    _project(path, x0, y0, n=1)
    conn = sqlite3.connect(path)  # QGIS beside the app
    conn.execute("INSERT INTO settings (key, value) VALUES ('analysis', ?)",
                 ('{"factors": "co2e_v1", "connectivity": {"dispersal_m": -5}}',))
    conn.commit()
    conn.close()
    assert window.session.open_project(path)
    assert len(window.session.plan.candidates()) == 1
    assert len(no_dialogs) == 1
    title, text = no_dialogs[0]
    assert title == "Projektindstillinger ikke brugt"
    assert text == ("Projektindstillingen analysis.connectivity.dispersal_m har en værdi af"
                    " forkert type (-5); naturplan bruger standardværdien.")
    assert window.analysis.controller.settings.connectivity.dispersal_m == (
        ConnectivityParams().dispersal_m)
