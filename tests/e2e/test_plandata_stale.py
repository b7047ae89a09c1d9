"""Plandata export into a folder used before (issue 22): the files of a theme that is no
longer exported are removed, only those the exporter writes (by name), and the report says
so; a check only, or a refused feature, removes nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import geopandas as gpd
import pyogrio
from cli_runner import run_cli
from shapely.geometry import box

from naturplan.core.plan.candidates import Candidate, CandidateStatus
from naturplan.io.project.gpkg_store import GeoPackageStore

X0, Y0 = 550_000.0, 6_320_000.0
FOREST = "retningslinje_1112_skovrejsning"
LOWLAND = "retningslinje_1113_lavbund"
SIDE = (".shp", ".shx", ".dbf", ".prj", ".cpg")


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_theme_no_longer_exported_is_removed(tmp_path: Path) -> None:
    muni = tmp_path / "kommune.gpkg"
    gpd.GeoDataFrame({"KOMKODE": ["0999"], "KOMNAVN": ["Testrup"]},
                     geometry=[box(X0, Y0, X0 + 5_000, Y0 + 5_000)], crs=25832).to_file(muni)
    project = tmp_path / "plan.gpkg"
    with GeoPackageStore(project) as store:
        store.insert(Candidate.new("afforestation", box(X0 + 100, Y0 + 100, X0 + 300, Y0 + 300),
                                   "Skov", status="adopted"))
        lowland = store.insert(Candidate.new("lowland", box(X0 + 400, Y0 + 100, X0 + 700,
                                                             Y0 + 300), "Eng", status="adopted"))
    run_cli(["plandata", "plan", "--project", str(project), "--plan-id", "4711", "--name",
             "Kommuneplan 2026", "--proposed", "2026-03-01", "--adopted", "2026-09-15"])
    out = tmp_path / "ud"
    out.mkdir()
    (out / "noter.txt").write_text("mine", encoding="utf-8")
    (out / "retningslinje_1113_lavbund_gammel.shp").write_bytes(b"not ours")
    args = ["plandata", "export", "--project", str(project), "--out", str(out),
            "--no-sample", "--layer", f"municipality={muni}"]
    first = run_cli(args)
    assert first.returncode == 0, first.stderr
    assert {f"{LOWLAND}{s}" for s in SIDE} <= set(_files(out))
    with GeoPackageStore(project) as store:  # the lowland area is given up
        store.update(replace(lowland, status=CandidateStatus.REJECTED), lowland.version)
    check = run_cli([*args, "--check-only"])
    assert check.returncode == 0 and (out / f"{LOWLAND}.shp").exists()  # a check removes nothing
    second = run_cli(args)
    assert second.returncode == 0, second.stderr
    assert _files(out) == sorted([*(f"{FOREST}{s}" for s in SIDE), "noter.txt",
                                  "retningslinje_1113_lavbund_gammel.shp"])
    assert list(pyogrio.read_dataframe(out / f"{FOREST}.shp").objektnavn) == ["Skov"]
    assert (f"Fjernede {out / LOWLAND}.shp: tema 1113 eksporteres ikke længere."
            in second.stdout)
    assert "Fjernede" not in first.stdout
