"""The batch in the team database (issue 24 §3): ``data load`` puts the sample's layers into
PostGIS with a local load's rules, and ``parcels --out`` / ``stats`` on that database run as
SQL there and give the local numbers (per parcel to 0.01 m²)."""

from __future__ import annotations

import csv
from pathlib import Path

import psycopg
import pytest
import shapely
from cli_runner import run_cli

from naturplan.core.layers.roles import Role
from naturplan.io.datasets import DatasetRequest, resolve_dataset
from naturplan.io.loading import load_layer, load_municipality

ROLES = (Role.PARCELS, Role.NATURE_P3, Role.NATURA2000)


def _load_args(sample_env: dict[str, str]) -> list[str]:
    resolved = resolve_dataset(DatasetRequest(sample_scale=float(
        sample_env["NATURPLAN_SAMPLE_SCALE"])))
    return [f"{r.role.value}={r.path}" + (f":{r.layer}" if r.layer else "")
            for r in resolved.requests if r.role in ROLES]


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> float:
    return float(text) if text else float("nan")


def test_postgis_batch_equals_the_local_batch(pg_project: str, sample_env: dict[str, str],
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import functools

    from naturplan.io import loading, postgis_layers

    # Files go in by parts of 200 features (100,000 in use): several parts, one table.
    monkeypatch.setattr(postgis_layers, "load_layer_parts",
                        functools.partial(loading.load_layer_parts, rows=200))
    loaded = run_cli(["data", "load", *_load_args(sample_env), "--project", pg_project],
                     env=sample_env)
    assert loaded.returncode == 0, loaded.stderr
    assert "natura2000:" in loaded.stdout and "indlæst i naturplan_layer_parcels" in (
        loaded.stdout)
    local = run_cli(["parcels", "--out", str(tmp_path / "local.csv")], env=sample_env)
    assert local.returncode == 0, local.stderr
    remote = run_cli(["parcels", "--out", str(tmp_path / "db.csv"), "--project", pg_project],
                     env=sample_env)
    assert remote.returncode == 0, remote.stderr
    mine, theirs = _rows(tmp_path / "db.csv"), _rows(tmp_path / "local.csv")
    assert len(mine) == len(theirs) > 100
    assert list(mine[0]) == list(theirs[0])  # the same columns, in the same order
    covered = 0
    for a, b in zip(mine, theirs, strict=True):
        assert (a["ejerlavskode"], a["matrikelnummer"]) == (b["ejerlavskode"],
                                                            b["matrikelnummer"])
        for column in ("area_m2", "p3_m2", "natura2000_m2", "registered_area_m2"):
            assert _number(a[column]) == pytest.approx(_number(b[column]), abs=0.01,
                                                       nan_ok=True), column
        for column in ("p3_share", "natura2000_share"):
            assert _number(a[column]) == pytest.approx(_number(b[column]), abs=1e-4), column
        assert (a["p3_types"], a["natura2000_codes"]) == (b["p3_types"], b["natura2000_codes"])
        assert a["synthetic_data"] == b["synthetic_data"] == "True"
        assert a["lowland_gt12_m2"] == ""  # not measured in the database: empty, not 0
        covered += _number(b["p3_m2"]) > 0
    assert covered > 50  # the comparison is not all zeros
    notes = (tmp_path / "db.notes.txt").read_text(encoding="utf-8")
    assert "Lavbund" in notes or "lavbund" in notes


def test_postgis_stats_equal_an_independent_union(pg_project: str, sample_env: dict[str, str],
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    import json

    args = [a for a in _load_args(sample_env) if a.startswith("nature_p3=")]
    assert run_cli(["data", "load", *args, "--project", pg_project],
                   env=sample_env).returncode == 0
    done = run_cli(["stats", "--json", "--project", pg_project], env=sample_env)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["computed_in"] == "database"
    municipality = load_municipality(None).geometry
    resolved = resolve_dataset(DatasetRequest(sample_scale=float(
        sample_env["NATURPLAN_SAMPLE_SCALE"])))
    layer = load_layer(next(r for r in resolved.requests if r.role is Role.NATURE_P3))
    frame = layer.frame  # type: ignore[attr-defined]
    expected = shapely.intersection(shapely.union_all(frame.geometry.to_numpy()),
                                    municipality).area
    assert doc["protected_m2"] == pytest.approx(expected, abs=1.0)
    assert doc["share"] == pytest.approx(expected / municipality.area, abs=1e-9)
    mose = frame[frame["Natyp_navn"] == "Mose"].geometry.to_numpy()
    assert doc["by_type_m2"]["Mose"] == pytest.approx(
        shapely.intersection(shapely.union_all(mose), municipality).area, abs=1.0)
    gap17 = next(t for t in doc["targets"] if t["share"] == pytest.approx(0.17))
    assert gap17["gap_m2"] == pytest.approx(max(0.17 * municipality.area - expected, 0), abs=1)
    text = run_cli(["stats", "--project", pg_project], env=sample_env)
    assert "målt i databasen" in text.stdout


def test_a_bad_file_loads_nothing(pg_project: str, sample_env: dict[str, str],
                                  tmp_path: Path) -> None:
    good = [a for a in _load_args(sample_env) if a.startswith("nature_p3=")]
    done = run_cli(["data", "load", *good, f"parcels={tmp_path / 'mangler.gpkg'}",
                    "--project", pg_project], env=sample_env)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("naturplan: fejl:") and "mangler.gpkg" in (
        lines[0])
    with psycopg.connect(pg_project) as conn:  # nothing of the good file was written either
        assert conn.execute("SELECT to_regclass('naturplan_layer_nature_p3')").fetchone() == (
            None,)
    refused = run_cli(["data", "load", *good, "--project", str(tmp_path / "p.gpkg")],
                      env=sample_env)
    assert refused.returncode == 1 and "teamdatabase" in refused.stderr
