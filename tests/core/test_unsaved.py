"""Unsaved projects a killed app left behind (issue 7): removed at the next start when empty
and held by no running instance, never otherwise."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.unsaved import (
    ProjectLock,
    clean_stale_unsaved,
    new_unsaved_project,
)

INSTANCE = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from naturplan.io.project.gpkg_store import GeoPackageStore
    from naturplan.io.project.unsaved import new_unsaved_project

    path, lock = new_unsaved_project(Path(sys.argv[1]))
    GeoPackageStore(path).close()  # the app keeps it open; a created file is enough here
    print(path, flush=True)
    time.sleep(600)  # "running" until it is killed
    """
)


def _start_instance(folder: Path) -> tuple[subprocess.Popen[str], Path]:
    proc = subprocess.Popen([sys.executable, "-c", INSTANCE, str(folder)],
                            stdout=subprocess.PIPE, text=True, env=dict(os.environ))
    assert proc.stdout is not None
    return proc, Path(proc.stdout.readline().strip())


def test_a_killed_instances_empty_project_goes_a_running_ones_stays(tmp_path: Path) -> None:
    killed, left = _start_instance(tmp_path)
    running, used = _start_instance(tmp_path)
    try:
        killed.send_signal(signal.SIGKILL)
        killed.wait(30)
        assert left.exists() and used.exists()
        assert clean_stale_unsaved(tmp_path) == [left]
        assert not left.exists() and not Path(f"{left}.lock").exists()
        assert used.exists() and Path(f"{used}.lock").exists()  # held by a running instance
    finally:
        running.kill()
        running.wait(30)
    assert clean_stale_unsaved(tmp_path) == [used]  # once it is gone, it is stale too
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_unsaved_projects_with_work_or_without_a_lock_file_are_kept(tmp_path: Path) -> None:
    worked, lock = new_unsaved_project(tmp_path)
    with GeoPackageStore(worked) as store:
        c = store.insert(Candidate.new("lowland", box(0, 0, 10, 10), "A"))
        store.delete(c.id, c.version)  # empty now, but it held a candidate: the user's work
    lock.release()  # as if its app was killed
    legacy = tmp_path / "unsaved-20260101-120000.gpkg"  # an older naturplan's, no lock file
    GeoPackageStore(legacy).close()
    not_a_project = tmp_path / "unsaved-broken.gpkg"
    not_a_project.write_text("x")
    ProjectLock(not_a_project).acquire()  # released again when the object goes
    assert clean_stale_unsaved(tmp_path) == []
    assert worked.exists() and legacy.exists() and not_a_project.exists()


def test_a_new_name_is_locked_before_the_file_exists(tmp_path: Path) -> None:
    first, lock1 = new_unsaved_project(tmp_path)
    second, lock2 = new_unsaved_project(tmp_path)  # same second: another name
    assert first != second and lock1.held and lock2.held
    assert not ProjectLock(first).acquire()  # another holder is refused
    lock1.release(remove=True)
    assert not Path(f"{first}.lock").exists()
    assert ProjectLock(first).acquire()


def test_scenarios_or_any_work_keep_an_unsaved_project(tmp_path: Path) -> None:
    """A project with a scenario but no candidate is the user's work (it was removed)."""
    from naturplan.core.plan.scenarios import Scenario
    from naturplan.io.project.unsaved import project_is_empty

    with_scenario, lock1 = new_unsaved_project(tmp_path)
    with GeoPackageStore(with_scenario) as store:
        store.insert_scenario(Scenario.new("Forslag A"))
    had_scenario, lock2 = new_unsaved_project(tmp_path)
    with GeoPackageStore(had_scenario) as store:
        s = store.insert_scenario(Scenario.new("Forslag B"))
        store.delete_scenario(s.id, s.version)  # empty now, but its audit records the work
    settings_only, lock3 = new_unsaved_project(tmp_path)
    with GeoPackageStore(settings_only) as store:
        store.set_settings({"plan": {"sample": True}})  # what the app writes into every project
    for lock in (lock1, lock2, lock3):
        lock.release()  # as if their app was killed
    assert not project_is_empty(with_scenario) and not project_is_empty(had_scenario)
    assert clean_stale_unsaved(tmp_path) == [settings_only]
    assert with_scenario.exists() and had_scenario.exists() and not settings_only.exists()
