"""Issue 21 §3 benchmark: one edit in the window, until every view has followed it.

Opens the main window (offscreen) on the synthetic Aalborg sample, adds ``--candidates``
candidate squares in one command, selects one and waits for the analysis to settle. Then
times ``--edits`` geometry edits (a 10 m move through ``EditSession.replace_geometry``, what
the move tool does on release): until the session's events are handled (ledger, snapping,
table, candidate layer, analysis panel) and the map is drawn again (``render_now``). Two kinds
of edit: of another candidate, and of the selected one (whose numbers must be measured again).
The parts are timed by wrapping the handlers at class level (names that exist on old and new
checkouts; a missing one is skipped), so the same script measures an older checkout:

    QT_QPA_PLATFORM=offscreen python benchmarks/bench_edit.py [--scale 1] [--edits 40]
    QT_QPA_PLATFORM=offscreen PYTHONPATH=<old checkout> python benchmarks/bench_edit.py

Prints one JSON object: per part [median wall ms, median CPU ms of the GUI thread, calls per
edit].
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import numpy as np  # noqa: E402
import shapely  # noqa: E402

#: label → [(wall ms, CPU ms of the GUI thread)]: on a shared machine the CPU time of the
#: thread says what the work cost when the wall time is mostly waiting for a core.
PARTS: dict[str, list[tuple[float, float]]] = defaultdict(list)

#: (module, class, method, label): the handlers timed as parts of an edit.
WRAPPED = [
    ("naturplan.gui.editing.actions", "EditActions", "_plan_edited",
     "window after the plan event (ledger shown, table gains; before: + candidate layer)"),
    ("naturplan.gui.editing.actions", "EditActions", "_candidates_changed",
     "candidate layer (new: only touched rows)"),
    ("naturplan.core.plan.snapping", "SnapIndex", "set_source", "snapping: tree built"),
    ("naturplan.core.plan.snapping", "SnapIndex", "update_source",
     "snapping: touched candidates only"),
    ("naturplan.gui.analysis.controller", "AnalysisController", "refresh",
     "analysis panel refresh"),
    ("naturplan.gui.map.canvas", "MapCanvas", "render_now", "map drawn again"),
]


def _wrap() -> None:
    import importlib

    for module, cls, name, label in WRAPPED:
        owner = getattr(importlib.import_module(module), cls)
        original = getattr(owner, name, None)
        if original is None:
            continue

        def timed(self: Any, *args: Any, _f: Callable[..., Any] = original,
                  _label: str = label, **kwargs: Any) -> Any:
            t0, c0 = time.perf_counter(), time.thread_time()
            try:
                return _f(self, *args, **kwargs)
            finally:
                PARTS[_label].append(((time.perf_counter() - t0) * 1000,
                                      (time.thread_time() - c0) * 1000))

        setattr(owner, name, timed)


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
    parser.add_argument("--candidates", type=int, default=300)
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args()
    _wrap()
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from naturplan.core.plan.candidates import Candidate
    from naturplan.gui.main_window import MainWindow
    from naturplan.io.datasets import DatasetRequest

    app = QApplication.instance() or QApplication([])
    scratch = Path(tempfile.mkdtemp())
    settings = QSettings(str(scratch / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)
    window.resize(1400, 880)
    window.show()
    window.load_dataset(DatasetRequest(sample_scale=args.scale), wait=True)
    app.processEvents()
    session, controller = window.session, window.analysis.controller

    def settle() -> None:
        deadline = time.perf_counter() + 300
        while not controller.idle and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.01)

    settle()
    squares = _squares(window.dataset.municipality.geometry, args.candidates)
    session.add_many([Candidate.new("lowland", g, f"B{i}") for i, g in enumerate(squares)],
                     "import")
    ids = session.plan_ids()
    selected = ids[len(ids) // 2]
    session.selection.set([selected])
    window.canvas.zoom_to(tuple(np.asarray(session.plan.get(selected).geometry.buffer(800)
                                           .bounds)))
    window.canvas.render_now()
    settle()
    rng = np.random.default_rng(3)
    out: dict[str, Any] = {"candidates": len(ids)}
    for kind in ("another candidate", "the selected candidate"):
        PARTS.clear()
        totals = []
        for _ in range(args.edits):
            cid = selected if kind.startswith("the") else ids[int(rng.integers(len(ids)))]
            if cid == selected and kind.startswith("another"):
                continue
            geom = shapely.affinity.translate(session.plan.get(cid).geometry, 10.0, 0.0)
            t0, c0 = time.perf_counter(), time.thread_time()
            session.replace_geometry(cid, geom, "move")
            app.processEvents()
            window.canvas.render_now()
            totals.append(((time.perf_counter() - t0) * 1000, (time.thread_time() - c0) * 1000))
            settle()  # background work (connectivity, totals) is not part of the edit
        out[kind] = {"edit until drawn: wall, GUI-thread CPU (ms, medians)": [
            statistics.median(t[0] for t in totals), statistics.median(t[1] for t in totals)],
            "edits": len(totals)}
        for label, times in PARTS.items():
            out[kind][label] = [statistics.median(t[0] for t in times),
                                statistics.median(t[1] for t in times), len(times) / len(totals)]
    window.close()
    print(json.dumps(out, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    import shapely.affinity  # noqa: F401

    main()
