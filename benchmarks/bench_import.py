"""Issue 8 benchmark: importing and deleting many candidate areas in the app.

Opens the main window (offscreen) on the synthetic Aalborg sample, then imports ``--count``
candidate areas in one command (``EditSession.add_many``, what *Import candidate areas* does
after reading the file) and deletes them all in one command. Times each until the window has
handled every event (ledger, snapping index, table, candidates layer), and counts how often
the session said the plan changed (``plan_edited``): one transaction should be one event.

Run by hand (not in CI), against this checkout or another one to compare:

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_import.py [--scale 1] [--count 1000]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import shapely  # noqa: E402


def _squares(muni: shapely.Geometry, n: int, seed: int = 8) -> list[shapely.Geometry]:
    rng = np.random.default_rng(seed)
    minx, miny, maxx, maxy = muni.bounds
    pts = shapely.points(rng.uniform(minx, maxx, n * 4), rng.uniform(miny, maxy, n * 4))
    pts = pts[shapely.contains(muni, pts)][:n]
    size = rng.uniform(80, 300, len(pts))
    x, y = shapely.get_x(pts), shapely.get_y(pts)
    return list(shapely.box(x, y, x + size, y + size))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from naturplan.core.plan.candidates import Candidate
    from naturplan.gui.main_window import MainWindow
    from naturplan.io.datasets import DatasetRequest

    app = QApplication.instance() or QApplication([])
    scratch = Path(tempfile.mkdtemp())
    os.environ["XDG_DATA_HOME"] = str(scratch)
    settings = QSettings(str(scratch / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1400, 880)
    window.show()
    t0 = time.perf_counter()
    window.load_dataset(DatasetRequest(sample_scale=args.scale), wait=True)
    app.processEvents()
    load = time.perf_counter() - t0
    session = window.session
    events = [0]
    session.plan_edited.connect(lambda: events.__setitem__(0, events[0] + 1))
    candidates = [Candidate.new("lowland", g, f"Import {i}")
                  for i, g in enumerate(_squares(window.dataset.municipality.geometry,
                                                 args.count))]

    def timed(action) -> tuple[float, int]:
        events[0] = 0
        start = time.perf_counter()
        action()
        app.processEvents()
        return time.perf_counter() - start, events[0]

    t_import, n_import = timed(lambda: session.add_many(candidates, "import"))
    assert len(session.plan) == len(candidates)
    result = session.ledger_result()
    ids = [c.id for c in session.plan.candidates()]
    t_delete, n_delete = timed(lambda: session.delete(ids))
    assert len(session.plan) == 0
    t_undo, n_undo = timed(window.undo_stack.undo)
    assert len(session.plan) == len(candidates)
    window.close()
    print(f"sample scale {args.scale}, loaded in {load:.1f} s; {len(candidates)} candidates, "
          f"projected gain {result.gain_m2 / 1e4:,.1f} ha")
    print("| step | time | plan_edited events |")
    print("|---|---|---|")
    for name, t, n in (("import (one command)", t_import, n_import),
                       ("delete all (one command)", t_delete, n_delete),
                       ("undo the delete", t_undo, n_undo)):
        print(f"| {name} | {t:.2f} s | {n} |")


if __name__ == "__main__":
    main()
