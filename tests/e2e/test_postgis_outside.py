"""Edits of a team project by other clients (issue 18, serious #5) against a real PostGIS
server: psql and GDAL (ogrinfo -sql, as QGIS writes) change a candidate; naturplan sees a new
version and an audit row by "anden klient" and raises a conflict, never a silent revert.
Migration 4 installs the triggers in a plan made before them."""

from __future__ import annotations

import os
import shutil
import subprocess

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan
from naturplan.io.project.postgis_outside import OUTSIDE_AUTHOR
from naturplan.io.project.postgis_schema import LATEST, SCHEMA
from naturplan.io.project.postgis_store import PostGISStore
from naturplan.io.project.store import ConflictError

X0, Y0 = 550_000.0, 6_320_000.0


def _psql(conninfo: str, sql: str) -> str:
    done = subprocess.run(["psql", "-X", "-v", "ON_ERROR_STOP=1", "-At", "-d", conninfo,
                           "-c", sql], capture_output=True, text=True, timeout=60,
                          check=False, env=os.environ.copy())
    assert done.returncode == 0, done.stderr
    return done.stdout


def _new_plan(conninfo: str, **kwargs: int) -> str:
    with PostGISStore(conninfo, author="anna", **kwargs) as store:
        plan = CandidatePlan(store)
        return plan.add(Candidate.new("lowland", box(X0, Y0, X0 + 100, Y0 + 100), "Mose",
                                      note="gammel")).after[0].id


@pytest.mark.skipif(shutil.which("psql") is None, reason="psql is not installed")
def test_psql_update_is_a_conflict_not_a_silent_revert(pg_project: str) -> None:
    cid = _new_plan(pg_project)
    with PostGISStore(pg_project, author="anna") as store:
        plan = CandidatePlan(store)
        _psql(pg_project, f"UPDATE {SCHEMA}.candidates SET name = 'Ny mose',"
                          f" note = 'fra QGIS' WHERE id = '{cid}'")
        with pytest.raises(ConflictError) as caught:
            plan.update(cid, status="proposed")
        assert caught.value.params["by"] == OUTSIDE_AUTHOR
        stored = store.get(cid)
        assert stored is not None
        assert (stored.name, stored.note, stored.status.value) == ("Ny mose", "fra QGIS", "idea")
        assert (stored.version, stored.modified_by) == (2, OUTSIDE_AUTHOR)
        last = store.audit(cid)[-1]
        assert (last.who, last.action) == (OUTSIDE_AUTHOR, "update")
        assert dict(last.details) == {"op": "update", "version": 2,
                                      "changed": ["name", "note"], "outside": True}
        # After reloading, the app edits the outside version, credited to its own user.
        plan = CandidatePlan(store)
        plan.update(cid, status="proposed")
        row = store.audit(cid)[-1]
        assert (row.who, row.details["changed"], row.details["version"]) == (
            "anna", ["status"], 3)


def test_outside_insert_and_delete_are_audited(pg_project: str) -> None:
    cid = _new_plan(pg_project)
    _psql(pg_project,
          f"INSERT INTO {SCHEMA}.candidates (id, kind, name, status, note,"
          " counts_toward_target, created, modified, author, modified_by, version, geom)"
          " SELECT 'ude-1', kind, 'Udefra', status, '', true, created, modified, '', '', 1,"
          f" geom FROM {SCHEMA}.candidates WHERE id = '{cid}';"
          f" DELETE FROM {SCHEMA}.candidates WHERE id = '{cid}'")
    with PostGISStore(pg_project, author="anna") as store:
        assert [(r.who, r.action) for r in store.audit("ude-1")] == [(OUTSIDE_AUTHOR, "insert")]
        assert [(r.who, r.action) for r in store.audit(cid)][-1] == (OUTSIDE_AUTHOR, "delete")
        outside = store.get("ude-1")
        assert outside is not None and outside.modified_by == OUTSIDE_AUTHOR


@pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="GDAL is not installed")
def test_gdal_update_is_seen_as_outside(pg_project: str) -> None:
    cid = _new_plan(pg_project)
    params = conninfo_to_dict(pg_project)
    pg = "PG:" + " ".join(f"{k}={v}" for k, v in params.items())
    done = subprocess.run(["ogrinfo", "-q", pg, "-sql",
                           f"UPDATE {SCHEMA}.candidates SET note = 'fra GDAL' WHERE id = '{cid}'"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0 and "ERROR" not in done.stderr, done.stderr
    with PostGISStore(pg_project, author="anna") as store:
        stored = store.get(cid)
        assert stored is not None and (stored.note, stored.version) == ("fra GDAL", 2)


def test_migration_4_gives_an_older_plan_the_triggers(pg_project: str) -> None:
    cid = _new_plan(pg_project, upto=3)
    with psycopg.connect(pg_project, autocommit=True) as conn:
        conn.execute(f"UPDATE {SCHEMA}.candidates SET name = 'før' WHERE id = %s", (cid,))
        assert conn.execute(f"SELECT version FROM {SCHEMA}.candidates").fetchone() == (1,)
    with PostGISStore(pg_project, author="anna") as store:
        assert store.schema_step == LATEST >= 4
    with psycopg.connect(pg_project, autocommit=True) as conn:
        conn.execute(f"UPDATE {SCHEMA}.candidates SET name = 'efter' WHERE id = %s", (cid,))
        assert conn.execute(
            f"SELECT version, modified_by FROM {SCHEMA}.candidates").fetchone() == (
            2, OUTSIDE_AUTHOR)
        steps = conn.execute(f"SELECT version FROM {SCHEMA}.schema_migrations ORDER BY 1")
        assert [v for (v,) in steps] == list(range(1, LATEST + 1))
