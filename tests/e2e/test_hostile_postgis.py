"""An audit row with ``Infinity`` (what an "inf ha" import wrote before issue 18) no longer
breaks ``project copy`` to PostGIS: the copy writes valid JSON, the number as null with
the reason (``core.jsontext``)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import psycopg
from shapely.geometry import box

from naturplan.cli import main
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.plan import CandidatePlan
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.postgis_schema import SCHEMA


def strict_json(text: str) -> object:
    def refuse(constant: str) -> None:
        raise ValueError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


def test_an_old_infinity_in_the_audit_copies_to_postgis_as_null(pg_project: str,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "gammel.gpkg"
    with GeoPackageStore(path, author="anna") as store:
        added = CandidatePlan(store).add(Candidate.new(
            "lowland", box(555_000, 6_320_000, 555_500, 6_320_500), "absurd")).after[0]
    with sqlite3.connect(path) as conn:  # as the import of a 1e300 vertex wrote it
        conn.execute("INSERT INTO audit (at, who, action, candidate_id, details) VALUES "
                     "('2026-12-01T10:00:00.000Z', 'anna', 'import', ?, "
                     "'{\"op\": \"insert\", \"area_m2\": Infinity, \"fid\": 1}')", (added.id,))
    assert main(["project", "copy", str(path), pg_project]) == 0
    with psycopg.connect(pg_project) as conn:
        rows = [r[0] for r in conn.execute(
            f"SELECT details::text FROM {SCHEMA}.audit ORDER BY fid")]
    docs = [strict_json(r) for r in rows]
    [old] = [d for d in docs if d.get("fid") == 1]
    assert old["area_m2"] is None and old["non_finite"]["paths"] == ["$.area_m2"]
