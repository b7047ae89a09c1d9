"""The command line ends a headless command without the interpreter's teardown (issue 23:
0.11 s after ``naturplan suggest`` on the full sample, 0.03 s without): the standard streams
and the files written are complete, the exit code is the command's, the ``atexit`` handlers
ran (no forked child is left behind), and the window's process never ends this way."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from naturplan.io.project.open import open_plan

ROOT = Path(__file__).resolve().parents[2]

#: Run as ``python -c``: a forked child that would sleep a minute, an atexit handler and an
#: object whose finaliser runs only in the interpreter's teardown; then the console script's
#: ``sys.exit(main())`` with the command line after ``--``.
SCRIPT = """
import atexit, os, sys, time
from naturplan.core import forked
child = forked.start(time.sleep, 60)
assert child.forked
with open(sys.argv[1], "w") as f:
    f.write(str(child.pid))
class Late:
    def __del__(self):
        os.write(2, b"<teardown>")
late = Late()
atexit.register(lambda: os.write(2, b"<atexit>"))
sys.argv = ["naturplan", *sys.argv[sys.argv.index("--") + 1:]]
from naturplan.cli import main
sys.exit(main())
"""


def _run(tmp_path: Path, env: dict[str, str],
         *command: str) -> tuple[subprocess.CompletedProcess[str], int]:
    pid_file = tmp_path / "child.pid"
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(pid_file), "--", *command],
        env={**env, "PYTHONPATH": str(ROOT)}, cwd=ROOT, capture_output=True, text=True,
        check=False, timeout=300)
    return done, int(pid_file.read_text())


def _gone(pid: int) -> bool:
    """True once no process *pid* exists (a child left behind is reaped by init)."""
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "plan.gpkg"
    store, _ = open_plan(path, "tester")
    store.close()
    return path


def test_suggest_ends_without_teardown_and_loses_nothing(tmp_path, sample_env, project) -> None:
    args = ["suggest", "--project", str(project), "--target", "0.17", "--scenario", "S",
            "--json", "--sample-scale", sample_env["NATURPLAN_SAMPLE_SCALE"]]
    done, pid = _run(tmp_path, sample_env, *args)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<atexit>" in done.stderr and "<teardown>" not in done.stderr
    assert _gone(pid)  # the forked child was stopped by forked's atexit hook
    report = json.loads(done.stdout)  # the whole document reached the pipe
    # ... and it is what was stored: the scenario with its candidates, read back by sqlite
    store, plan = open_plan(project, "reader", create=False)
    with store:
        [scenario] = [s for s in store.scenarios() if s.name == "S"]
        stored = {c.id for c in plan.candidates()}
    assert report["scenario"] == scenario.name
    assert len(report["candidates"]) == len(stored) > 0
    # an error: the name is taken now; one line on stderr and exit code 1, still fast
    again, pid = _run(tmp_path, sample_env, *args)
    assert again.returncode == 1 and again.stdout == ""
    assert "S" in again.stderr and "<teardown>" not in again.stderr
    assert _gone(pid)


def test_a_written_file_is_complete_and_equal_to_the_in_process_one(
        tmp_path, sample_env) -> None:
    from naturplan.cli import main

    scale = ["--sample-scale", sample_env["NATURPLAN_SAMPLE_SCALE"]]
    here = tmp_path / "here.csv"
    assert main(["parcels", "--out", str(here), *scale]) == 0  # returns: argv given
    out = tmp_path / "fast.csv"
    done, pid = _run(tmp_path, sample_env, "parcels", "--out", str(out), *scale)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<atexit>" in done.stderr and "<teardown>" not in done.stderr
    assert _gone(pid)
    assert out.read_bytes() == here.read_bytes()
    with out.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert len(rows) > 10 and all(len(r) == len(rows[0]) for r in rows)


def test_a_usage_error_and_a_qt_process_end_the_ordinary_way(tmp_path, sample_env) -> None:
    done, pid = _run(tmp_path, sample_env, "suggest", "--target", "x")
    assert done.returncode == 2 and "<teardown>" in done.stderr  # argparse's exit
    assert _gone(pid)
    # a process with Qt loaded (the window's, or pages painted offscreen) is torn down
    env = {**sample_env, "QT_QPA_PLATFORM": "offscreen"}
    script = SCRIPT.replace("from naturplan.cli import main",
                            "import PySide6.QtGui\nfrom naturplan.cli import main")
    pid_file = tmp_path / "qt.pid"
    scale = sample_env["NATURPLAN_SAMPLE_SCALE"]
    out = tmp_path / "qt.csv"
    done = subprocess.run(
        [sys.executable, "-c", script, str(pid_file), "--", "parcels", "--out", str(out),
         "--sample-scale", scale],
        env={**env, "PYTHONPATH": str(ROOT)}, cwd=ROOT, capture_output=True, text=True,
        check=False, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "<atexit>" in done.stderr and "<teardown>" in done.stderr
    assert _gone(int(pid_file.read_text()))


def test_called_with_arguments_main_returns(tmp_path, sample_env, capsys) -> None:
    from naturplan.cli import main

    # a test (or other Python code) calling main(argv) gets the code back, never an exit
    assert main(["stats", "--json", "--sample-scale",
                 sample_env["NATURPLAN_SAMPLE_SCALE"]]) == 0
    assert "share" in capsys.readouterr().out
