"""Team projects (issue 13): an edit's round trip on loopback PostGIS beside the GeoPackage edit,
how soon a second planner is told, and opening / copying a plan of 1,000 candidates.

Run by hand: ``python3 benchmarks/bench_team.py`` (starts a throw-away cluster with
``.ci/pg-cluster`` unless ``NATURPLAN_TEST_PG`` and ``PGPASSFILE`` name a running one).
Results go into benchmarks/RESULTS.md.
"""

from __future__ import annotations

import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psycopg
import shapely

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from pg_cluster import create_database, drop_database  # noqa: E402

from naturplan.core.plan.candidates import Candidate  # noqa: E402
from naturplan.core.plan.plan import CandidatePlan  # noqa: E402
from naturplan.core.plan.sync import sync_plan  # noqa: E402
from naturplan.io.project.copy import copy_project  # noqa: E402
from naturplan.io.project.gpkg_store import GeoPackageStore  # noqa: E402
from naturplan.io.project.postgis_store import PostGISStore  # noqa: E402

X0, Y0 = 550_000.0, 6_300_000.0
EDITS = 200
PLAN_SIZE = 1_000


def server() -> tuple[str, Path | None]:
    if os.environ.get("NATURPLAN_TEST_PG"):
        return os.environ["NATURPLAN_TEST_PG"], None
    folder = Path(tempfile.mkdtemp(prefix="naturplan-bench-pg-"))
    out = subprocess.run(["bash", str(REPO / ".ci" / "pg-cluster"), "start", str(folder)],
                         capture_output=True, text=True, check=True).stdout
    env = dict(line.split("=", 1) for line in out.splitlines())
    os.environ["PGPASSFILE"] = shlex.split(env["PGPASSFILE"])[0]
    conninfo = shlex.split(env["NATURPLAN_TEST_PG"])[0]
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute("CREATE DATABASE naturplan_test_template")
    with psycopg.connect(conninfo.replace("dbname=postgres", "dbname=naturplan_test_template"),
                         autocommit=True) as conn:
        conn.execute("CREATE EXTENSION postgis")
    return conninfo, folder


def candidates(n: int) -> list[Candidate]:
    """*n* irregular 40-vertex polygons (about 1–5 ha) on a grid, like drawn areas."""
    rng = np.random.default_rng(13)
    out = []
    for i in range(n):
        cx, cy = X0 + (i % 40) * 400.0, Y0 + (i // 40) * 400.0
        angles = np.linspace(0, 2 * np.pi, 40, endpoint=False)
        radius = rng.uniform(60, 120) * (1 + 0.15 * np.sin(3 * angles + rng.uniform(0, 6)))
        ring = np.column_stack([cx + radius * np.cos(angles), cy + radius * np.sin(angles)])
        out.append(Candidate.new("lowland", shapely.Polygon(ring), f"Område {i}"))
    return out


def ms(values: list[float]) -> str:
    v = sorted(values)
    return (f"median {statistics.median(v) * 1000:.2f} ms, p95 {v[int(0.95 * len(v))] * 1000:.2f}"
            f" ms (n={len(v)})")


def edit_round_trips(store: object) -> list[float]:
    """One attribute edit, then one geometry edit, alternately: each one transaction."""
    plan = CandidatePlan(store)  # type: ignore[arg-type]
    ids = [c.id for c in plan.candidates()[:EDITS]]
    times = []
    for i, cid in enumerate(ids):
        t = time.perf_counter()
        if i % 2:
            plan.update(cid, name=f"ændret {i}")
        else:
            geom = shapely.affinity.translate(plan.get(cid).geometry, 1.0, 0.0)
            plan.replace_geometry(cid, geom)
        times.append(time.perf_counter() - t)
    return times


def told_delays(conninfo: str) -> list[float]:
    """From Anna's commit returning to Bo's connection holding the notification."""
    with PostGISStore(conninfo, author="anna") as anna, \
            PostGISStore(conninfo, author="bo") as bo:
        plan, bo_plan = CandidatePlan(anna), CandidatePlan(bo)
        ids = [c.id for c in plan.candidates()[:50]]
        delays = []
        for cid in ids:
            plan.update(cid, note="x")
            t = time.perf_counter()
            while not bo.remote_changes_pending():
                time.sleep(0.0005)
            delays.append(time.perf_counter() - t)
            sync_plan(bo_plan, bo)
        return delays


def open_times(open_store: object, repeat: int = 5) -> list[float]:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        store = open_store()  # type: ignore[operator]
        plan = CandidatePlan(store)
        assert len(plan) == PLAN_SIZE
        times.append(time.perf_counter() - t)
        store.close()
    return times


def main() -> None:
    pg_server, own = server()
    db = create_database(pg_server)
    tmp = Path(tempfile.mkdtemp(prefix="naturplan-bench-"))
    gpkg = tmp / "plan.gpkg"
    try:
        plan = candidates(PLAN_SIZE)
        for make in (lambda: GeoPackageStore(gpkg, author="bench"),
                     lambda: PostGISStore(db, author="bench")):
            with make() as store, store.transaction():
                for c in plan:
                    store.insert(c)
        print("PostgreSQL", psycopg.connect(db).info.server_version,
              "psycopg", psycopg.__version__, "libpq", psycopg.pq.version())
        print(f"edit round trip, PostGIS loopback: {ms(edit_round_trips(PostGISStore(db)))}")
        print(f"edit round trip, GeoPackage:       {ms(edit_round_trips(GeoPackageStore(gpkg)))}")
        print(f"second planner told after commit:  {ms(told_delays(db))}")
        print(f"open plan of {PLAN_SIZE}, PostGIS:   "
              f"{ms(open_times(lambda: PostGISStore(db, readonly=True)))}")
        print(f"open plan of {PLAN_SIZE}, GeoPackage: "
              f"{ms(open_times(lambda: GeoPackageStore(gpkg, readonly=True)))}")
        with PostGISStore(db, readonly=True) as store:
            t = time.perf_counter()
            for _ in range(20):
                store.versions()
            poll_ms = (time.perf_counter() - t) / 20 * 1000
            print(f"poll (all versions of {PLAN_SIZE}): {poll_ms:.2f} ms")
        target = create_database(pg_server)
        t = time.perf_counter()
        copy_project(gpkg, target)
        t1 = time.perf_counter()
        copy_project(target, tmp / "back.gpkg")
        t2 = time.perf_counter()
        print(f"copy {PLAN_SIZE} GeoPackage -> PostGIS {t1 - t:.2f} s, back {t2 - t1:.2f} s")
        drop_database(pg_server, target)
    finally:
        drop_database(pg_server, db)
        if own is not None:
            subprocess.run(["bash", str(REPO / ".ci" / "pg-cluster"), "stop", str(own)])


if __name__ == "__main__":
    main()
