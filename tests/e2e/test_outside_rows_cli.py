"""`stats`, `candidates export` and `export` on a project in which another program wrote a
bowtie and a numeric `created` (issue 18, serious #5): each row is named in a Danish warning
on stderr and left out; the commands finish with the other candidates (exit 0), where they
ended in `unexpected error: TopologyException` / `TypeError`."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import Polygon, box

from naturplan.core.plan.candidates import Candidate
from naturplan.io import paths
from naturplan.io.project.gpkg_format import encode_geometry
from naturplan.io.project.gpkg_store import GeoPackageStore


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "naturplan", *args], capture_output=True,
                          text=True, timeout=600, env=env)


@pytest.fixture(scope="module")
def spoiled(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str]:
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    x, y = p.x, p.y
    path = tmp_path_factory.mktemp("outside") / "plan.gpkg"
    with GeoPackageStore(path, author="anna") as store:
        ids = [store.insert(Candidate.new("lowland", box(x + i * 1000, y, x + i * 1000 + 200,
                                                         y + 200), f"Område {i}")).id
               for i in range(3)]
    bowtie = Polygon([(x, y), (x + 100, y + 100), (x + 100, y), (x, y + 100)])
    conn = sqlite3.connect(path)  # QGIS or sqlite3 beside the app
    conn.execute("UPDATE candidates SET geom = ? WHERE id = ?", (encode_geometry(bowtie), ids[0]))
    conn.execute("UPDATE candidates SET created = 12345 WHERE id = ?", (ids[1],))
    conn.commit()
    conn.close()
    return path, ids[0], ids[1]


def _warned(stderr: str, bow: str, num: str) -> None:
    assert "unexpected error" not in stderr and "Traceback" not in stderr
    lines = [ln for ln in stderr.splitlines() if ln.startswith("naturplan: advarsel:")]
    assert any(bow in ln and "ikke en gyldig polygon" in ln for ln in lines), stderr
    assert any(num in ln and "feltet created" in ln for ln in lines), stderr


def test_stats_project_names_the_rows_and_measures_the_rest(
        spoiled: tuple[Path, str, str], sample_env: dict[str, str]) -> None:
    path, bow, num = spoiled
    done = _run(["stats", "--project", str(path), "--json"], sample_env)
    assert done.returncode == 0, done.stderr
    _warned(done.stderr, bow, num)
    projected = json.loads(done.stdout)["projected"]
    assert projected["candidates_total"] == 1
    assert {(w["code"], w["params"]["id"]) for w in projected["left_out"]} == {
        ("candidate_geometry_left_out", bow), ("candidate_value_left_out", num)}


def test_candidates_export_and_export_finish(
        spoiled: tuple[Path, str, str], sample_env: dict[str, str], tmp_path: Path) -> None:
    path, bow, num = spoiled
    table = tmp_path / "kandidater.csv"
    done = _run(["candidates", "export", "--project", str(path), "--out", str(table)],
                sample_env)
    assert done.returncode == 0, done.stderr
    _warned(done.stderr, bow, num)
    with open(table, encoding="utf-8-sig") as fh:
        text = fh.read()
    assert "Område 2" in text and "Område 0" not in text and "Område 1" not in text
    assert len(list(csv.reader(text.splitlines(), delimiter=";"))) >= 2
    picture = tmp_path / "kort.png"
    done = _run(["export", "--project", str(path), "--out", str(picture)], sample_env)
    assert done.returncode == 0, done.stderr
    _warned(done.stderr, bow, num)
    assert picture.stat().st_size > 1000
    assert not os.path.exists(str(picture) + ".part")
