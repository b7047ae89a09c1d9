"""Issue 23: the CPU on the critical path of one ``naturplan suggest`` (on two cores).

    NATURPLAN_SAMPLE_DIR=... PYTHONPATH=CHECKOUT python benchmarks/bench_suggest_critical.py \
        PROJECT [suggest options]

Runs ``naturplan suggest --target 0.17 --scenario X --sample-scale 1 --json`` in this process
on the (empty) project *PROJECT* and prints one JSON line: the wall time, this process's CPU,
the forked children's CPU (``os.wait4``) and the critical-path CPU = this process's CPU plus,
for each child, the part of its CPU this process did not overlap with its own work between
the fork and taking the result. On a machine whose two cores are free that is about the
wall time; on this shared machine (load 5-10) the wall time is not a result, this is. A
checkout without ``core/forked.py`` has no children counted: main at de85804 had none (its
critical path is its CPU); for one with ``core/optimise/units_fork.py`` (f33ad0c) run that
checkout's own copy of this script.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import Any

T0_CPU, T0_WALL = time.process_time(), time.perf_counter()
CHILDREN: list[tuple[str, float, float]] = []


def _instrument() -> None:
    try:
        from naturplan.core import forked
    except ImportError:  # a checkout without the fork helper: no children to count
        return
    fork, result_or = forked.Pending._fork, forked.Pending.result_or

    def timed_fork(self: Any) -> None:
        self._t_fork = time.process_time()
        fork(self)

    def timed_result_or(self: Any, here: Any) -> Any:
        self._t_call = time.process_time()
        return result_or(self, here)

    def wait(self: Any) -> int:  # the child's CPU as it is waited for
        pid, self._pid = self._pid, None
        forked._LIVE.discard(pid)
        _, status, usage = os.wait4(pid, 0)
        name = getattr(self._function, "__name__", str(self._function))
        CHILDREN.append((name, usage.ru_utime + usage.ru_stime,
                         self._t_call - self._t_fork))
        return int(status)

    forked.Pending._fork = timed_fork
    forked.Pending.result_or = timed_result_or
    forked.Pending._wait = wait


def main() -> None:
    _instrument()
    from naturplan.cli import main as cli

    out, sys.stdout = sys.stdout, open(os.devnull, "w")  # noqa: SIM115
    try:
        cli(["suggest", "--project", sys.argv[1], "--target", "0.17", "--scenario", "X",
             "--sample-scale", "1", "--json", *sys.argv[2:]])
    except SystemExit:
        pass
    sys.stdout = out
    own = time.process_time() - T0_CPU
    waits = sum(max(0.0, cpu - overlap) for _, cpu, overlap in CHILDREN)
    print(json.dumps({
        "wall": round(time.perf_counter() - T0_WALL, 2), "own_cpu": round(own, 2),
        "children_cpu": round(sum(c for _, c, _ in CHILDREN), 2),
        "critical_cpu": round(own + waits, 2), "load": round(os.getloadavg()[0], 1),
        "children": [(n, round(c, 2), round(o, 2)) for n, c, o in CHILDREN]}))


if __name__ == "__main__":
    main()
