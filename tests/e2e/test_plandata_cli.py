"""``naturplan plandata`` end to end (issue 22, item 1): a hand-made plan exported, its files
read back with pyogrio field by field; the check refuses before anything is written."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely
from cli_runner import run_cli
from shapely.geometry import Polygon, box

from naturplan.core.plan.candidates import Candidate
from naturplan.io.project.gpkg_store import GeoPackageStore

X0, Y0 = 550_000.0, 6_320_000.0
MUNICIPALITY = box(X0, Y0, X0 + 5_000, Y0 + 5_000)


@pytest.fixture()
def muni(tmp_path: Path) -> Path:
    path = tmp_path / "kommune.gpkg"
    gpd.GeoDataFrame({"KOMKODE": ["0999"], "KOMNAVN": ["Testrup"]}, geometry=[MUNICIPALITY],
                     crs=25832).to_file(path)
    return path


def _project(path: Path, rows: list[tuple[str, str, str, Polygon]]) -> dict[str, str]:
    ids = {}
    with GeoPackageStore(path) as store:
        for name, kind, status, geom in rows:
            c = Candidate.new(kind, geom, name, status=status)
            ids[name] = store.insert(c).id
    return ids


def _data(muni: Path) -> list[str]:
    return ["--no-sample", "--layer", f"municipality={muni}"]


def test_a_plan_is_exported_per_theme_and_reads_back_field_by_field(
        tmp_path: Path, muni: Path) -> None:
    project = tmp_path / "plan.gpkg"
    over = box(X0 + 4_800, Y0 + 100, X0 + 5_200, Y0 + 300)  # half outside: clipped
    ids = _project(project, [
        ("Skov Nord", "afforestation", "adopted", box(X0 + 100, Y0 + 100, X0 + 300, Y0 + 300)),
        ("Skov Øst", "afforestation", "proposed", over),
        ("Eng", "lowland", "adopted", box(X0 + 400, Y0 + 100, X0 + 700, Y0 + 300)),
        ("Kerne", "lowland", "adopted", box(X0 + 800, Y0 + 100, X0 + 900, Y0 + 300)),
        ("Idé", "lowland", "idea", box(X0 + 1000, Y0 + 100, X0 + 1100, Y0 + 300)),
    ])
    assert run_cli(["plandata", "plan", "--project", str(project), "--plan-id", "4711",
                    "--name", "Kommuneplan 2026", "--proposed", "2026-03-01",
                    "--adopted", "2026-09-15"]).returncode == 0
    marked = run_cli(["plandata", "mark", "--project", str(project), "--id", ids["Kerne"][:8],
                      "--theme", "1114"])
    assert marked.returncode == 0, marked.stderr
    out = tmp_path / "ud"
    out.mkdir()
    done = run_cli(["plandata", "export", "--project", str(project), "--out", str(out),
                    *_data(muni)])
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.glob("*.shp")) == [
        "retningslinje_1112_skovrejsning.shp", "retningslinje_1113_lavbund.shp",
        "retningslinje_1114_naturbeskyttelse.shp"]
    assert not list(out.glob("*.part*"))
    skov = pyogrio.read_dataframe(out / "retningslinje_1112_skovrejsning.shp")
    assert pyogrio.read_info(out / "retningslinje_1112_skovrejsning.shp")["crs"] == "EPSG:25832"
    rows = {r.objektnavn: r for r in skov.itertuples()}
    assert set(rows) == {"Skov Nord", "Skov Øst"}
    north = rows["Skov Nord"]
    assert (north.temakode, north.status, north.komnr, north.planid, north.plannavn) == (
        1112, "V", 999, 4711, "Kommuneplan 2026")
    assert north.datovedt.date() == date(2026, 9, 15)
    assert north.datoforsl.date() == date(2026, 3, 1)
    assert north.skovrejs == 1 and north.naturplan == ids["Skov Nord"]
    east = rows["Skov Øst"]
    assert east.status == "F"
    assert east.geometry.area == pytest.approx(shapely.intersection(over, MUNICIPALITY).area)
    outside_ha = shapely.difference(over, MUNICIPALITY).area / 10_000  # 200 m × 200 m: 4 ha
    assert f"Skov Øst: OK (beskåret til kommunen: {outside_ha:.2f} ha (50,0 %) udenfor".replace(
        ".", ",") in done.stdout
    lav = pyogrio.read_dataframe(out / "retningslinje_1113_lavbund.shp")
    assert list(lav.objektnavn) == ["Eng"] and list(lav.temakode) == [1113]
    gdk = pyogrio.read_dataframe(out / "retningslinje_1114_naturbeskyttelse.shp")
    assert list(gdk.objektnavn) == ["Kerne"] and list(gdk.gdk_kat) == [2]
    assert "Idé" not in set(skov.objektnavn) | set(lav.objektnavn) | set(gdk.objektnavn)
    assert "en idé: eksporteres ikke" in done.stdout


def test_the_status_option_chooses_what_is_exported_and_how(tmp_path: Path, muni: Path) -> None:
    project = tmp_path / "plan.gpkg"
    _project(project, [
        ("A", "lowland", "proposed", box(X0 + 100, Y0 + 100, X0 + 300, Y0 + 300)),
        ("B", "lowland", "adopted", box(X0 + 400, Y0 + 100, X0 + 700, Y0 + 300))])
    run_cli(["plandata", "plan", "--project", str(project), "--proposed", "2026-03-01"])
    done = run_cli(["plandata", "export", "--project", str(project), "--out", str(tmp_path),
                    "--status", "KF", *_data(muni)])
    assert done.returncode == 0, done.stderr
    frame = pyogrio.read_dataframe(tmp_path / "retningslinje_1113_lavbund.shp")
    assert list(zip(frame.objektnavn, frame.status, strict=True)) == [("A", "KF")]
    both = run_cli(["plandata", "export", "--project", str(project), "--out", str(tmp_path),
                    "--status", "F,KF", *_data(muni)])
    assert both.returncode == 1 and "Vælg én af F og KF" in both.stderr


def test_check_only_and_a_refused_feature_write_nothing(tmp_path: Path, muni: Path) -> None:
    project = tmp_path / "plan.gpkg"
    ids = _project(project, [
        ("Ude", "lowland", "adopted", box(X0 + 9_000, Y0, X0 + 9_100, Y0 + 100)),
        ("Inde", "lowland", "adopted", box(X0 + 100, Y0 + 100, X0 + 300, Y0 + 300))])
    run_cli(["plandata", "plan", "--project", str(project), "--proposed", "2026-03-01",
             "--adopted", "2026-09-15"])
    out = tmp_path / "ud"
    out.mkdir()
    done = run_cli(["plandata", "export", "--project", str(project), "--out", str(out),
                    *_data(muni)])
    assert done.returncode == 1
    assert f"{ids['Ude']} Ude: afvist (ligger helt uden for kommunen; afvist)" in done.stdout
    assert f"{ids['Inde']} Inde: OK" in done.stdout
    assert "1 område bryder Plandatas datamodel; intet er skrevet." in done.stderr
    assert list(out.iterdir()) == []
    run_cli(["plandata", "mark", "--project", str(project), "--id", ids["Ude"],
             "--theme", "none"])
    checked = run_cli(["plandata", "export", "--project", str(project), "--check-only",
                       *_data(muni)])
    assert checked.returncode == 0, checked.stderr
    assert "markeret til ikke at blive eksporteret" in checked.stdout
    assert list(out.iterdir()) == []
    unknown = run_cli(["plandata", "mark", "--project", str(project), "--id", "zzzz",
                       "--theme", "1115"])
    assert unknown.returncode == 1 and "zzzz" in unknown.stderr
    wrong = run_cli(["plandata", "mark", "--project", str(project), "--id", ids["Ude"],
                     "--theme", "1199"])
    assert wrong.returncode == 1 and "Ukendt Plandata-tema 1199" in wrong.stderr
