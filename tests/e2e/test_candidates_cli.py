"""`naturplan candidates import|list` and `stats --project` end to end, as a user runs them."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
import shapely
from cli_runner import run_cli
from shapely.geometry import LineString, Point, Polygon, box

from naturplan.io import paths


def _run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(args, env)


@pytest.fixture(scope="module")
def origin() -> tuple[float, float]:
    """A point well inside Aalborg Kommune (EPSG:25832)."""
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    return float(p.x), float(p.y)


def _sq(o: tuple[float, float], dx: float, dy: float, w: float = 200.0) -> Polygon:
    return box(o[0] + dx, o[1] + dy, o[0] + dx + w, o[1] + dy + w)


@pytest.fixture()
def broken_file(tmp_path: Path, origin: tuple[float, float]) -> Path:
    o = origin
    bowtie = Polygon([(o[0], o[1]), (o[0] + 100, o[1] + 100), (o[0] + 100, o[1]),
                      (o[0], o[1] + 100)])
    frame = gpd.GeoDataFrame(
        {"navn": ["God A", "Sløjfe", "Tom", "Ingen", "Linje", "Punkt", "God B"]},
        geometry=[_sq(o, 0, 0), bowtie, Polygon(), None,
                  LineString([(o[0], o[1]), (o[0] + 50, o[1])]), Point(o), _sq(o, 1000, 0)],
        crs=25832,
    )
    path = tmp_path / "konsulent.gpkg"
    pyogrio.write_dataframe(frame, path, layer="forslag", geometry_type="Unknown",
                            promote_to_multi=False)
    return path


def test_import_with_broken_features_reports_each_and_imports_nothing(
    broken_file: Path, tmp_path: Path
) -> None:
    project = tmp_path / "plan.gpkg"
    result = _run(["candidates", "import", "--project", str(project), "--from", str(broken_file),
                   "--kind", "lowland"])
    assert result.returncode == 1
    err = result.stderr
    for name, why in [("Sløjfe", "ugyldig polygon"), ("Tom", "tom geometri"),
                      ("Ingen", "ingen geometri"), ("Linje", "ikke en polygon (LineString)"),
                      ("Punkt", "ikke en polygon (Point)")]:
        assert any(f"'{name}': {why}" in line for line in err.splitlines()), (name, err)
    assert "God A" not in err and "God B" not in err
    assert "5 af 7 objekter i konsulent.gpkg er defekte; intet blev importeret." in err
    assert "--skip-broken" in err  # the CLI's hint, by the error's code
    assert "Traceback" not in err
    assert not project.exists()


def test_import_skip_broken_imports_only_the_good_ones(
    broken_file: Path, tmp_path: Path
) -> None:
    project = tmp_path / "plan.gpkg"
    result = _run(["candidates", "import", "--project", str(project), "--from", str(broken_file),
                   "--kind", "afforestation", "--skip-broken", "--name-field", "navn"])
    assert result.returncode == 0, result.stderr
    assert "Importerede 2 kandidatområder (8,00 ha)" in result.stdout
    assert "Sprang 5 defekte objekter over." in result.stdout
    assert result.stderr.count("objekt") == 5
    listed = _run(["candidates", "list", "--project", str(project), "--json"])
    doc = json.loads(listed.stdout)
    assert sorted(c["name"] for c in doc["candidates"]) == ["God A", "God B"]
    assert all(c["kind"] == "afforestation" and c["counts_toward_target"] is True
               for c in doc["candidates"])
    audit = pyogrio.read_dataframe(project, layer="audit")
    # settings: what it is measured against, in the same transaction as the import
    assert list(audit["action"]) == ["create", "settings", "import", "import"]
    details = [json.loads(d) for d in audit["details"][2:]]
    assert [(d["source"], d["fid"]) for d in details] == [("konsulent.gpkg", 1),
                                                          ("konsulent.gpkg", 7)]


def test_import_repair_reports_the_repair(broken_file: Path, tmp_path: Path) -> None:
    project = tmp_path / "plan.gpkg"
    result = _run(["candidates", "import", "--project", str(project), "--from", str(broken_file),
                   "--kind", "lowland", "--skip-broken", "--repair", "--lang", "en"])
    assert result.returncode == 0, result.stderr
    assert "'Sløjfe': invalid (Self-intersection" in result.stderr
    assert "imported repaired" in result.stderr
    assert "Imported 3 candidate areas" in result.stdout
    assert "Skipped 4 broken features." in result.stdout
    frame = pyogrio.read_dataframe(project, layer="candidates")
    bow = frame.loc[frame["name"] == "Sløjfe"].geometry.iloc[0]
    assert bow.is_valid and bow.area == pytest.approx(5000.0)


def test_list_json_and_text(tmp_path: Path, origin: tuple[float, float]) -> None:
    src = tmp_path / "wgs84.geojson"
    squares = gpd.GeoDataFrame({"name": ["Nord", "Syd"]},
                               geometry=[_sq(origin, 0, 0, 100), _sq(origin, 0, -500, 300)],
                               crs=25832)
    squares.to_crs(4326).to_file(src, driver="GeoJSON")
    project = tmp_path / "plan.gpkg"
    result = _run(["candidates", "import", "--project", str(project), "--from", str(src),
                   "--kind", "connectivity"])
    assert result.returncode == 0, result.stderr
    doc = json.loads(_run(["candidates", "list", "--project", str(project), "--json"]).stdout)
    assert set(doc) >= {"candidates"}
    rows = {c["name"]: c for c in doc["candidates"]}
    assert set(rows) == {"Nord", "Syd"}
    for row in rows.values():
        assert set(row) >= {"id", "name", "kind", "status", "area_m2", "counts_toward_target",
                            "version", "modified"}
        assert row["kind"] == "connectivity" and row["status"] == "idea"
        assert row["counts_toward_target"] is False and row["version"] == 1
    assert rows["Syd"]["area_m2"] == pytest.approx(90_000, rel=1e-3)  # reprojected back
    text = _run(["candidates", "list", "--project", str(project)])
    assert text.returncode == 0
    assert "Økologisk forbindelse" in text.stdout and "9,00 ha" in text.stdout
    assert "nej" in text.stdout and "2 kandidatområder, i alt 10,00 ha" in text.stdout


def test_errors_are_one_line(tmp_path: Path) -> None:
    missing = _run(["candidates", "list", "--project", str(tmp_path / "nope.gpkg")])
    assert missing.returncode == 1 and "Projektfilen findes ikke" in missing.stderr
    english = _run(["candidates", "list", "--lang", "en", "--project", str(tmp_path / "x.gpkg")])
    assert english.stderr.startswith("naturplan: error: Project file not found: ")
    notes = tmp_path / "notes.gpkg"
    notes.write_text("not a project")
    bad = _run(["candidates", "list", "--project", str(notes)])
    assert bad.returncode == 1 and "notes.gpkg er ikke en GeoPackage" in bad.stderr
    assert notes.read_text() == "not a project"
    nocrs = tmp_path / "nocrs.gpkg"
    with pytest.warns(UserWarning, match="crs"):  # a file without a CRS, on purpose
        pyogrio.write_dataframe(gpd.GeoDataFrame({"name": ["x"]}, geometry=[box(0, 0, 1, 1)]),
                                nocrs)
    result = _run(["candidates", "import", "--project", str(tmp_path / "p.gpkg"),
                   "--from", str(nocrs), "--kind", "lowland"])
    assert result.returncode == 1 and "--assume-crs" in result.stderr
    for r in (missing, bad, result):
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_stats_with_project_adds_the_projected_share(
    tmp_path: Path, origin: tuple[float, float]
) -> None:
    o = origin
    p3 = [_sq(o, 0, 0, 1000), _sq(o, 500, 500, 1000)]
    p3_path = tmp_path / "p3.gpkg"
    gpd.GeoDataFrame({"Natyp_navn": ["Mose", "Eng"]}, geometry=p3, crs=25832).to_file(p3_path)
    cands = gpd.GeoDataFrame(
        {"name": ["over §3", "overlaps first", "separate"]},
        geometry=[_sq(o, 800, 800, 1000), _sq(o, 1500, 1500, 1000), _sq(o, 5000, 0, 500)],
        crs=25832,
    )
    src = tmp_path / "c.gpkg"
    cands.to_file(src)
    project = tmp_path / "plan.gpkg"
    assert _run(["candidates", "import", "--project", str(project), "--from", str(src),
                 "--kind", "lowland"]).returncode == 0
    result = _run(["stats", "--no-sample", "--layer", f"nature_p3={p3_path}", "--project",
                   str(project), "--json"])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    m = muni.geometry.iloc[0]
    expected = shapely.intersection(shapely.union_all(p3 + list(cands.geometry)), m).area
    current = shapely.intersection(shapely.union_all(p3), m).area
    pr = doc["projected"]
    assert pr["area_m2"] == pytest.approx(expected, rel=1e-9)
    assert pr["share"] == pytest.approx(expected / m.area, rel=1e-9)
    assert sum(pr["gain_m2_by_kind"].values()) == pytest.approx(expected - current, rel=1e-9)
    assert pr["gain_m2_by_kind"]["afforestation"] == 0.0 and pr["candidates"] == 3
    for target in doc["targets"]:
        assert target["projected_gap_m2"] == pytest.approx(
            max(target["share"] * m.area - expected, 0.0), rel=1e-9)
    missing = _run(["stats", "--no-sample", "--layer", f"nature_p3={p3_path}", "--project",
                    str(tmp_path / "nope.gpkg"), "--json"])
    assert missing.returncode == 1 and "findes ikke" in missing.stderr  # Danish by default


def test_import_names_a_layer_as_path_colon_layer(
    tmp_path: Path, origin: tuple[float, float]
) -> None:
    source = tmp_path / "konsulent.gpkg"
    gpd.GeoDataFrame({"navn": ["Eng ved å"]}, geometry=[_sq(origin, 0, 0)], crs=25832).to_file(
        source, layer="a"
    )
    gpd.GeoDataFrame(
        {"navn": ["Mose 1", "Mose 2"]},
        geometry=[_sq(origin, 0, 500), _sq(origin, 500, 500, w=100)],
        crs=25832,
    ).to_file(source, layer="b")
    project = tmp_path / "plan.gpkg"
    result = _run(["candidates", "import", "--project", str(project), "--from",
                   f"{source}:b", "--kind", "lowland"])
    assert result.returncode == 0, result.stderr
    listed = json.loads(_run(["candidates", "list", "--project", str(project), "--json"]).stdout)
    assert sorted(c["name"] for c in listed["candidates"]) == ["Mose 1", "Mose 2"]
    assert sorted(c["area_m2"] for c in listed["candidates"]) == pytest.approx([1e4, 4e4])
    wrong = _run(["candidates", "import", "--project", str(project), "--from",
                  f"{source}:c", "--kind", "lowland"])
    assert wrong.returncode == 1 and "c" in wrong.stderr and "Traceback" not in wrong.stderr


def test_import_warns_about_areas_outside_the_municipality(tmp_path: Path) -> None:
    source = Path(__file__).resolve().parents[3] / "shared/data/real" / (
        "vallensbaek_enge_og_moser_1870_1899.geojson"
    )
    if not source.exists():
        pytest.skip("real data folder missing")
    project = tmp_path / "plan.gpkg"
    aalborg = _run(["candidates", "import", "--project", str(project), "--from", str(source),
                    "--kind", "lowland"])
    assert aalborg.returncode == 0, aalborg.stderr
    # Vallensbæk is on Sjælland: one summary line, not one line per area.
    assert "4 af 4 importerede områder rækker ud over Aalborg Kommune" in aalborg.stderr
    assert "--verbose viser dem." in aalborg.stderr
    assert len(aalborg.stderr.strip().splitlines()) == 2
    other = _run(["candidates", "import", "--project", str(tmp_path / "v.gpkg"), "--from",
                  str(source), "--kind", "lowland", "--kommune", "0187", "--lang", "en",
                  "--verbose"])
    assert other.returncode == 0, other.stderr
    # Independently: which meadows reach outside Vallensbæk, and by how much.
    kommuner = gpd.read_file(paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES)
    vallensbaek = shapely.force_2d(
        kommuner[kommuner["KOMKODE"] == "0187"].to_crs(25832).union_all()
    )
    meadows = gpd.read_file(source).to_crs(25832)
    outside = (meadows.area - meadows.intersection(vallensbaek).area) / 1e4
    expected = sorted(f"{ha:.2f} ha" for ha, a in zip(outside, meadows.area / 1e4, strict=True)
                      if ha > 0.001 * a)
    warned = sorted(line.split("': ")[-1].split(" of ")[0]
                    for line in other.stderr.splitlines() if line.endswith(" outside"))
    assert warned == expected and 0 < len(warned) < 4
    assert f"{len(warned)} of 4 imported areas reach" in other.stderr


def test_stats_measures_a_project_in_the_municipality_it_was_imported_for(
    tmp_path: Path, origin: tuple[float, float]
) -> None:
    kommuner = gpd.read_file(paths.layers_dir() / paths.NATIONAL_MUNICIPALITIES)
    koege = shapely.force_2d(kommuner[kommuner["KOMKODE"] == "0259"].to_crs(25832).union_all())
    inside = koege.representative_point()
    source = tmp_path / "koege.gpkg"
    gpd.GeoDataFrame({"navn": ["Eng"]}, geometry=[shapely.box(
        inside.x, inside.y, inside.x + 100, inside.y + 100)], crs=25832).to_file(source)
    project = tmp_path / "koege_plan.gpkg"
    done = _run(["candidates", "import", "--project", str(project), "--from", str(source),
                 "--kind", "lowland", "--kommune", "0259", "--no-sample"])
    assert done.returncode == 0, done.stderr
    doc = json.loads(_run(["stats", "--project", str(project), "--json"]).stdout)
    assert doc["municipality"]["code"] == "0259"  # remembered, no --kommune needed
    assert doc["projected"]["area_m2"] - doc["protected"]["area_m2"] == pytest.approx(1e4)
    # Options given on the command line win over the record.
    other = json.loads(_run(["stats", "--project", str(project), "--json", "--no-sample",
                             "--kommune", "0851"]).stdout)
    assert other["municipality"]["code"] == "0851"
