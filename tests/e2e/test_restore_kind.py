"""The "restore" kind (genopretning, issue 25): the firefighter's middle step as a kind of its
own. It lies on §3 nature that is protected already, so it never adds protected area (whatever
its flag says), it is stored by every store (an old GeoPackage gets the wider kind constraint
when it is opened for writing, keeping its rows), it has its own style and its own label, and
goes to MARS as a nature project but to no Plandata theme."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import geopandas as gpd
import pytest
from cli_runner import run_cli
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate, CandidateKind
from naturplan.io import paths
from naturplan.io.project.gpkg_store import GeoPackageStore

OLD_CHECK = "(kind IN ('lowland', 'afforestation', 'connectivity'))"


def _centre() -> tuple[float, float]:
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    return round(p.x, -1), round(p.y, -1)


def _old_project(path: Path, x: float, y: float) -> str:
    """A project as naturplan wrote it before the restore kind: the old constraint, one row."""
    with GeoPackageStore(path, author="test") as store:
        kept = store.insert(Candidate.new("lowland", box(x, y, x + 100, y + 100), "Eng"))
    with sqlite3.connect(path) as conn:  # the schema text of a project from before
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute("UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE name ="
                     " 'candidates'", (_new_check(), OLD_CHECK))
        version = conn.execute("PRAGMA schema_version").fetchone()[0]
        conn.execute(f"PRAGMA schema_version = {version + 1}")
        conn.execute("PRAGMA writable_schema = OFF")
    with sqlite3.connect(path) as conn:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'candidates'").fetchone()
        assert OLD_CHECK in sql[0]
        with pytest.raises(sqlite3.IntegrityError):  # the old file refuses the new kind
            conn.execute("UPDATE candidates SET kind = 'restore'")
    return kept.id


def _new_check() -> str:
    return "(kind IN ('lowland', 'afforestation', 'connectivity', 'restore'))"


def test_an_old_project_opens_unchanged_and_then_holds_a_restore_candidate(tmp_path):
    x, y = _centre()
    path = tmp_path / "old.gpkg"
    kept = _old_project(path, x, y)
    with GeoPackageStore(path, readonly=True) as store:  # read-only: not written at all
        [only] = store.candidates()
        assert only.id == kept and only.kind is CandidateKind.LOWLAND
    with sqlite3.connect(path) as conn:
        assert OLD_CHECK in conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'candidates'").fetchone()[0]
    with GeoPackageStore(path, author="test", create=False) as store:
        restore = store.insert(Candidate.new("restore", box(x + 200, y, x + 300, y + 100),
                                             "Rydning af mose"))
    with GeoPackageStore(path, readonly=True) as store:
        found = {c.id: c for c in store.candidates()}
    assert found[kept].kind is CandidateKind.LOWLAND and found[kept].name == "Eng"
    assert found[restore.id].kind is CandidateKind.RESTORE
    assert found[restore.id].counts_toward_target is False
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        with pytest.raises(sqlite3.IntegrityError):  # still a constraint, only wider
            conn.execute("UPDATE candidates SET kind = 'parking'")


def test_a_restore_candidate_adds_no_protected_area_even_when_set_to_count(tmp_path):
    import numpy as np
    import shapely

    from naturplan.core.plan.ledger import Ledger
    from naturplan.core.share.protected import ProtectedSource, compute_protected

    muni = box(0, 0, 10_000, 10_000)
    p3 = box(1000, 1000, 2000, 2000)
    share, index = compute_protected(muni, [ProtectedSource("nature_p3",
                                                            np.array([p3], dtype=object))])
    ledger = Ledger(muni, index, share)
    lowland = Candidate.new("lowland", box(5000, 5000, 5200, 5100), "Lavbund")
    # on the §3 square and spilling 100 m beyond it: set to count, it still adds nothing
    restore = Candidate.new("restore", box(1500, 1500, 2100, 1900), "Genopretning",
                            counts_toward_target=True)
    assert Candidate.new("restore", p3, "x").counts_toward_target is False  # the default
    ledger.reset([lowland, restore])
    result = ledger.result()
    assert result.gain_m2_by_kind["restore"] == 0.0
    assert result.gain_m2_by_kind["lowland"] == pytest.approx(200 * 100)
    assert result.area_m2 == pytest.approx(shapely.union_all([p3, lowland.geometry]).area)
    x, y = _centre()  # the CLI lists the kind as it is stored
    project = tmp_path / "plan.gpkg"
    with GeoPackageStore(project, author="test") as store:
        stored = store.insert(Candidate.new("restore", box(x, y, x + 100, y + 100), "Mose"))
    listed = run_cli(["candidates", "list", "--project", str(project), "--no-sample"])
    assert listed.returncode == 0, listed.stderr
    assert "Genopretning af natur" in listed.stdout and stored.id[:8] in listed.stdout


def test_the_kind_speaks_danish_and_english_and_has_its_own_style():
    from naturplan.io.styles import load_style
    from naturplan.text.labels import kind_label

    assert kind_label("restore", "da") == "Genopretning af natur"
    assert kind_label("restore", "en") == "Restoration of nature"
    style = load_style("candidates")
    values = {c.value: c for c in style.categories}
    restore, others = values["restore"], [values[k] for k in ("lowland", "afforestation",
                                                              "connectivity")]
    assert all(restore.symbol.fill != o.symbol.fill and restore.symbol.outline != o.symbol.outline
               for o in others)
    assert restore.label.get("da") == "Genopretning af natur"
    assert restore.label.get("en") == "Restoration of nature"


def test_mars_gets_a_nature_project_and_plandata_no_theme():
    from naturplan.io.national import load_mars_mapping, load_plandata_model

    mars = load_mars_mapping()
    assert mars.default_types[CandidateKind.RESTORE] == "Natur"
    assert mars.types["Natur"] is CandidateKind.CONNECTIVITY  # imports stay as they were
    model = load_plandata_model()
    assert model.theme_for_kind("restore") is None


def test_an_older_postgis_plan_is_upgraded_to_hold_a_restore_candidate(pg_project):
    from naturplan.io.project.postgis_schema import LATEST
    from naturplan.io.project.postgis_store import PostGISStore
    from naturplan.io.project.store import StoreError

    x, y = 550_000.0, 6_320_000.0
    with PostGISStore(pg_project, author="anna", upto=4) as old:  # before the restore kind
        kept = old.insert(Candidate.new("lowland", box(x, y, x + 100, y + 100), "Fra før"))
        with pytest.raises(StoreError):  # the old constraint refuses it
            old.insert(Candidate.new("restore", box(x + 200, y, x + 300, y + 100), "Nej"))
    with PostGISStore(pg_project, author="bo") as new:
        assert new.schema_step == LATEST >= 5
        restore = new.insert(Candidate.new("restore", box(x + 200, y, x + 300, y + 100),
                                           "Genopret mosen"))
        found = {c.id: c for c in new.candidates()}
    assert found[kept.id].kind is CandidateKind.LOWLAND
    assert found[restore.id].kind is CandidateKind.RESTORE


def test_a_restore_candidate_goes_to_mars_as_a_nature_project(tmp_path):
    import csv

    import pyogrio
    from shapely.geometry import MultiPolygon

    x, y = 550_000.0, 6_320_000.0
    muni = tmp_path / "kommune.gpkg"
    gpd.GeoDataFrame({"KOMKODE": ["0999"], "KOMNAVN": ["Testrup"]},
                     geometry=[box(x - 5000, y - 5000, x + 5000, y + 5000)],
                     crs=25832).to_file(muni)
    project = tmp_path / "plan.gpkg"
    area = MultiPolygon([box(x, y, x + 300, y + 200), box(x + 400, y, x + 500, y + 100)])
    with GeoPackageStore(project, author="test") as store:
        store.insert(Candidate.new("restore", area, "Genopret engen", status="proposed"))
    out = tmp_path / "ud"
    out.mkdir()
    done = run_cli(["candidates", "export", "--project", str(project), "--format", "mars",
                    "--out", str(out), "--no-sample", "--layer", f"municipality={muni}"])
    assert done.returncode == 0, done.stderr
    [row] = list(pyogrio.read_dataframe(out / "mars_projektomraader.shp").itertuples())
    assert (row.navn, row.type, row.fase) == ("Genopret engen", "Natur", "Forundersøgelse")
    assert row.areal_ha == pytest.approx(area.area / 10_000)
    with open(out / "mars_projektliste.csv", encoding="utf-8", newline="") as handle:
        [listed] = list(csv.DictReader(handle, delimiter=";"))
    assert listed["type"] == "Natur" and listed["skov_ha"] == "0,00"
