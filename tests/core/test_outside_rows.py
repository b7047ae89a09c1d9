"""Rows another program wrote that are no usable candidate (issue 18, serious #5): a bowtie
polygon, ``created`` as a number, an unknown status. Each store leaves such a row out of its
candidates with a notice naming the row's id, and the measurements go on with the others."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, box

from naturplan.core.notices import Notice
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.ledger import Ledger
from naturplan.core.share.protected import ProtectedSource, compute_protected
from naturplan.io.project import rows
from naturplan.io.project.gpkg_format import encode_geometry
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.store import CandidateStore, StoreError

X0, Y0 = 550_000.0, 6_320_000.0
BOWTIE = Polygon([(X0, Y0), (X0 + 100, Y0 + 100), (X0 + 100, Y0), (X0, Y0 + 100)])


def _three(store: CandidateStore) -> list[str]:
    return [store.insert(Candidate.new("lowland", box(X0 + i * 1000, Y0, X0 + i * 1000 + 200,
                                                      Y0 + 200), f"C{i}")).id
            for i in range(3)]


def _outside_gpkg(path: Path, sql: str, args: tuple[object, ...]) -> None:
    conn = sqlite3.connect(path)  # another program: plain sqlite3, not naturplan's connection
    conn.execute(sql, args)
    conn.commit()
    conn.close()


def test_gpkg_leaves_out_a_bowtie_and_a_numeric_created_and_names_them(tmp_path: Path) -> None:
    path = tmp_path / "plan.gpkg"
    heard: list[Notice] = []
    with GeoPackageStore(path, author="anna") as store:
        bow, num, good = _three(store)
        _outside_gpkg(path, "UPDATE candidates SET geom = ? WHERE id = ?",
                      (encode_geometry(BOWTIE), bow))
        _outside_gpkg(path, "UPDATE candidates SET created = 12345 WHERE id = ?", (num,))
        with rows.listening(heard.append):
            kept = store.candidates()
        assert [c.id for c in kept] == [good]
        by_id = {n.params["id"]: n for n in store.left_out}
        assert by_id[bow].code == rows.CANDIDATE_GEOMETRY_LEFT_OUT
        assert "Self-intersection" in by_id[bow].params["reason"]
        assert by_id[num].code == rows.CANDIDATE_VALUE_LEFT_OUT
        assert (by_id[num].params["field"], by_id[num].params["value"]) == ("created", "12345")
        assert {n.params["id"] for n in heard} == {bow, num}
        # An edit that needs the unusable row says so in one line, no TypeError.
        with pytest.raises(StoreError, match=num):
            store.get(num)


def test_the_ledger_measures_the_others(tmp_path: Path) -> None:
    """A bowtie over a protected polygon ended the ledger in TopologyException; now the gain
    is that of the usable candidates alone (against plain shapely below)."""
    path = tmp_path / "plan.gpkg"
    with GeoPackageStore(path, author="anna") as store:
        bow, _, _ = _three(store)
        _outside_gpkg(path, "UPDATE candidates SET geom = ? WHERE id = ?",
                      (encode_geometry(BOWTIE), bow))
        kept = store.candidates()
    muni = box(X0 - 5000, Y0 - 5000, X0 + 5000, Y0 + 5000)
    protected = [box(X0 + 20, Y0 - 50, X0 + 60, Y0 + 150),
                 box(X0 + 1100, Y0, X0 + 1300, Y0 + 50)]
    share, index = compute_protected(
        muni, [ProtectedSource("nature_p3", np.array(protected, dtype=object), None, "p3")])
    ledger = Ledger(muni, index, share)
    ledger.reset(kept)
    expected = shapely.difference(shapely.union_all([c.geometry for c in kept]),
                                  shapely.union_all(protected)).area
    assert ledger.result().gain_m2 == pytest.approx(expected) == pytest.approx(75_000.0)


def test_both_stores_leave_out_a_bowtie(open_project: Callable[..., CandidateStore]) -> None:
    with open_project(author="anna") as store:
        bow, a, b = _three(store)
        wkb = shapely.to_wkb(shapely.MultiPolygon([BOWTIE]), flavor="iso")
        if isinstance(store, GeoPackageStore):
            _outside_gpkg(store.path, "UPDATE candidates SET geom = ? WHERE id = ?",
                          (encode_geometry(BOWTIE), bow))
        else:
            import psycopg

            with psycopg.connect(store.conninfo, autocommit=True) as conn:
                conn.execute("UPDATE naturplan.candidates SET geom = ST_GeomFromWKB(%s, 25832)"
                             " WHERE id = %s", (wkb, bow))
        assert sorted(c.id for c in store.candidates()) == sorted([a, b])
        assert [n.params["id"] for n in store.left_out] == [bow]


def test_a_copy_refuses_rather_than_dropping_the_row(tmp_path: Path) -> None:
    from naturplan.io.project.copy import copy_project

    path = tmp_path / "plan.gpkg"
    with GeoPackageStore(path, author="anna") as store:
        bow, _, _ = _three(store)
    _outside_gpkg(path, "UPDATE candidates SET geom = ? WHERE id = ?",
                  (encode_geometry(BOWTIE), bow))
    target = tmp_path / "kopi.gpkg"
    with pytest.raises(StoreError, match=bow):
        copy_project(path, target)
    assert not target.exists()


def test_a_stored_candidate_with_an_absurd_vertex_is_left_out_of_the_share(tmp_path: Path) -> None:
    """A project imported before the coordinate check (or edited by another program) holds a
    candidate with a vertex at 1e300: GEOS calls it valid and measures 1e302 m². It is left out
    with its id, and the plan's area is the good candidates' alone (plain shapely)."""
    path = tmp_path / "plan.gpkg"
    absurd = Polygon([(X0, Y0), (X0 + 100, Y0), (1e300, Y0 + 100), (X0, Y0 + 100)])
    assert absurd.is_valid  # what GEOS says: only the coordinate check catches it
    with GeoPackageStore(path, author="anna") as store:
        bad, *good = _three(store)
        _outside_gpkg(path, "UPDATE candidates SET geom = ? WHERE id = ?",
                      (encode_geometry(absurd), bad))
        kept = store.candidates()
        assert sorted(c.id for c in kept) == sorted(good)
        (notice,) = [n for n in store.left_out if n.params["id"] == bad]
        assert notice.code == rows.CANDIDATE_GEOMETRY_LEFT_OUT
        assert notice.params["reason"] == "outside_area"
        assert sum(c.area_m2 for c in kept) == pytest.approx(2 * 200.0 * 200.0)
