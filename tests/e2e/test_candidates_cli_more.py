"""``naturplan candidates`` (issue 7): the municipality of the plan, duplicates, a truthful
``--repair``, ``set``/``delete`` through the plan, every message in Danish with numerus."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import geopandas as gpd
import pyogrio
import pytest
from cli_runner import run_cli
from shapely.geometry import Polygon, box

from naturplan.io import paths
from naturplan.io.project.gpkg_store import GeoPackageStore


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli(args)


@pytest.fixture(scope="module")
def origin() -> tuple[float, float]:
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    return float(p.x), float(p.y)


def _squares(path: Path, origin: tuple[float, float], names: list[str], step: float = 300,
             size: float = 100) -> Path:
    x, y = origin
    gpd.GeoDataFrame({"navn": names}, geometry=[
        box(x + i * step, y, x + i * step + size, y + size) for i in range(len(names))],
        crs=25832).to_file(path)
    return path


def _import(project: Path, source: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return _run("candidates", "import", "--project", str(project), "--from", str(source),
                "--kind", "lowland", *extra)


def test_one_area_is_said_in_the_singular(tmp_path: Path, origin: tuple[float, float]) -> None:
    one = _import(tmp_path / "p.gpkg", _squares(tmp_path / "one.gpkg", origin, ["Eng"]))
    assert one.returncode == 0, one.stderr
    assert one.stdout.startswith("Importerede 1 kandidatområde (1,00 ha) til ")
    listed = _run("candidates", "list", "--project", str(tmp_path / "p.gpkg"))
    assert listed.stdout.strip().endswith("1 kandidatområde, i alt 1,00 ha")
    english = _import(tmp_path / "q.gpkg", tmp_path / "one.gpkg", "--lang", "en")
    assert english.stdout.startswith("Imported 1 candidate area (1.00 ha) into ")


def test_reimporting_the_same_file_skips_what_is_there(
    tmp_path: Path, origin: tuple[float, float]
) -> None:
    source = _squares(tmp_path / "c.gpkg", origin, ["A", "B", "C"])
    project = tmp_path / "p.gpkg"
    assert _import(project, source).returncode == 0
    again = _import(project, source)
    assert again.returncode == 0, again.stderr
    assert "Sprang 3 områder over, der allerede er i planen (samme navn og geometri)" in (
        again.stdout)
    assert "Intet blev importeret" in again.stdout
    with GeoPackageStore(project, readonly=True) as store:
        assert len(store.candidates()) == 3
    # A changed file: only the new and the renamed areas come in.
    x, y = origin
    gpd.GeoDataFrame({"navn": ["A", "B2", "D"]}, geometry=[
        box(x, y, x + 100, y + 100), box(x + 300, y, x + 400, y + 100),
        box(x + 2000, y, x + 2100, y + 100)], crs=25832).to_file(tmp_path / "c2.gpkg")
    changed = _import(project, tmp_path / "c2.gpkg")
    assert "Importerede 2 kandidatområder" in changed.stdout
    assert "Sprang 1 område over, der allerede er i planen" in changed.stdout
    doubled = _import(project, source, "--allow-duplicates")
    assert "Importerede 3 kandidatområder" in doubled.stdout
    with GeoPackageStore(project, readonly=True) as store:
        assert sorted(c.name for c in store.candidates()) == [
            "A", "A", "B", "B", "B2", "C", "C", "D"]


def test_repair_reports_one_truthful_outcome(tmp_path: Path, origin: tuple[float, float]) -> None:
    """Issue 7: "imported repaired" was printed for a feature, then "nothing was imported"."""
    x, y = origin
    bowtie = Polygon([(x, y), (x + 100, y + 100), (x + 100, y), (x, y + 100)])
    source = tmp_path / "mixed.gpkg"
    pyogrio.write_dataframe(gpd.GeoDataFrame(
        {"navn": ["God", "Sløjfe", "Tom"]},
        geometry=[box(x + 500, y, x + 600, y + 100), bowtie, Polygon()], crs=25832),
        source, geometry_type="Unknown", promote_to_multi=False)
    project = tmp_path / "p.gpkg"
    refused = _import(project, source, "--repair", "--lang", "en")
    assert refused.returncode == 1
    assert "imported repaired" not in refused.stderr and "Sløjfe" not in refused.stderr
    assert "'Tom': empty geometry" in refused.stderr
    assert "1 of 3 features in mixed.gpkg is broken; nothing was imported." in refused.stderr
    assert not project.exists()
    done = _import(project, source, "--repair", "--skip-broken", "--lang", "en")
    assert done.returncode == 0
    assert "'Sløjfe': invalid (Self-intersection" in done.stderr
    assert "imported repaired" in done.stderr
    assert "Imported 2 candidate areas" in done.stdout
    assert "Skipped 1 broken feature." in done.stdout
    again = _import(project, source, "--repair", "--skip-broken", "--lang", "en")
    assert "imported repaired" not in again.stderr  # a duplicate: not imported, not repaired
    assert "Nothing was imported" in again.stdout


def test_areas_outside_are_checked_against_the_plans_municipality(
    tmp_path: Path, origin: tuple[float, float]
) -> None:
    """Issue 7: with ``--layer municipality=…`` the check used Aalborg's boundary."""
    x, y = origin
    mine = tmp_path / "mine.gpkg"  # a 5 × 5 km municipality around the origin
    gpd.GeoDataFrame({"KOMKODE": ["0999"], "KOMNAVN": ["Testrup"]},
                     geometry=[box(x - 2500, y - 2500, x + 2500, y + 2500)],
                     crs=25832).to_file(mine)
    source = _squares(tmp_path / "c.gpkg", origin, ["inde", "ude"], step=4000)
    done = _import(tmp_path / "p.gpkg", source, "--no-sample", "--layer",
                   f"municipality={mine}", "--verbose")
    assert done.returncode == 0, done.stderr
    assert "1 af 2 importerede områder rækker ud over Testrup Kommune (1,00 ha i alt)" in (
        done.stderr)
    assert "  'ude': 1,00 ha af 1,00 ha udenfor" in done.stderr and "'inde'" not in done.stderr
    assert "Aalborg" not in done.stderr


def test_a_failing_municipality_check_comes_before_any_write(
    tmp_path: Path, origin: tuple[float, float]
) -> None:
    """Issue 7: the check failed after the import was committed, and exited 1."""
    broken = tmp_path / "kommune.gpkg"
    broken.write_text("not a GeoPackage")
    source = _squares(tmp_path / "c.gpkg", origin, ["A"])
    project = tmp_path / "p.gpkg"
    done = _import(project, source, "--layer", f"municipality={broken}")
    assert done.returncode == 1 and "kommune.gpkg" in done.stderr
    assert not project.exists()  # nothing committed, so the failure is the whole truth
    # And a project that exists is left untouched.
    assert _import(project, _squares(tmp_path / "d.gpkg", origin, ["B"])).returncode == 0
    before = pyogrio.read_dataframe(project, layer="audit").shape[0]
    assert _import(project, source, "--layer", f"municipality={broken}").returncode == 1
    assert pyogrio.read_dataframe(project, layer="audit").shape[0] == before


def test_set_and_delete_are_audited_plan_edits(tmp_path: Path,
                                               origin: tuple[float, float]) -> None:
    project = tmp_path / "p.gpkg"
    _import(project, _squares(tmp_path / "c.gpkg", origin, ["Mose", "Eng"]))
    rows = json.loads(_run("candidates", "list", "--project", str(project), "--json").stdout)
    ids = {c["name"]: c["id"] for c in rows["candidates"]}
    listed = _run("candidates", "list", "--project", str(project)).stdout
    assert ids["Mose"][:8] in listed  # the short id the user types
    done = _run("candidates", "set", ids["Mose"][:8], "--project", str(project), "--status",
                "adopted", "--name", "Store Mose", "--note", "vedtaget i udvalget",
                "--no-counts", "--author", "birgit")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "Ændrede status, navn, note, tæller med for 'Store Mose' (version 2).")
    with GeoPackageStore(project, readonly=True) as store:
        c = store.get(ids["Mose"])
        assert (c.name, c.status.value, c.note, c.counts_toward_target, c.version) == (
            "Store Mose", "adopted", "vedtaget i udvalget", False, 2)
        edit = store.audit(ids["Mose"])[-1]
        assert (edit.action, edit.who) == ("edit", "birgit")
        assert edit.details["changed"] == ["counts_toward_target", "name", "note", "status"]
    text = _run("candidates", "list", "--project", str(project)).stdout
    assert "Vedtaget" in text and "Store Mose" in text
    assert "Udtagning af lavbundsjord" in text  # the label the app's table shows
    same = _run("candidates", "set", ids["Mose"], "--project", str(project), "--status",
                "adopted")
    assert "har allerede disse værdier" in same.stdout
    gone = _run("candidates", "delete", ids["Eng"][:6], "--project", str(project),
                "--author", "birgit")
    assert gone.returncode == 0 and gone.stdout.strip() == "Slettede 'Eng' (1,00 ha)."
    with GeoPackageStore(project, readonly=True) as store:
        assert [c.name for c in store.candidates()] == ["Store Mose"]
        assert store.audit(ids["Eng"])[-1].action == "delete"


def test_set_and_delete_refuse_clearly(tmp_path: Path, origin: tuple[float, float]) -> None:
    project = tmp_path / "p.gpkg"
    _import(project, _squares(tmp_path / "c.gpkg", origin, ["A"]))
    unknown = _run("candidates", "delete", "ffffffff", "--project", str(project))
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == "naturplan: fejl: Intet kandidatområde med id ffffffff."
    short = _run("candidates", "set", "ab", "--project", str(project), "--name", "x")
    assert short.returncode == 1 and "mindst 4 tegn" in short.stderr
    nothing = _run("candidates", "set", "abcd", "--project", str(project))
    # One line like every other error, exit 1 (issue 18: it was exit 2 without "naturplan:").
    assert nothing.returncode == 1
    assert nothing.stderr.startswith("naturplan: fejl: Intet at ændre")
    missing = _run("candidates", "delete", "abcd", "--project", str(tmp_path / "nope.gpkg"))
    assert missing.returncode == 1 and "findes ikke" in missing.stderr
    assert not (tmp_path / "nope.gpkg").exists()  # set/delete never create a project
    for r in (unknown, short, missing):
        assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
