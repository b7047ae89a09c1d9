"""`naturplan stats` end to end, as a user runs it, checked against plain shapely."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from cli_runner import run_cli

from naturplan.io import paths


def _run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(args, env)


@pytest.fixture(scope="module")
def stats_json(sample_env: dict[str, str]) -> dict:
    result = _run(["stats", "--json"], sample_env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_json_shape(stats_json: dict) -> None:
    doc = stats_json
    assert set(doc) >= {"municipality", "protected", "targets", "layers"}
    assert doc["municipality"]["code"] == "0851" and doc["municipality"]["name"] == "Aalborg"
    assert set(doc["protected"]) >= {"roles", "area_m2", "share", "by_type"}
    assert doc["protected"]["roles"] == ["nature_p3"]
    assert [t["share"] for t in doc["targets"]] == [0.17, 0.20]
    roles = {layer["role"] for layer in doc["layers"]}
    assert roles >= {"municipality", "parcels", "nature_p3", "natura2000", "lowland", "flood",
                     "forest_zones"}
    synthetic = {layer["role"]: layer["synthetic"] for layer in doc["layers"]}
    assert synthetic["parcels"] is True and synthetic["municipality"] is False
    assert all(isinstance(layer["features"], int) for layer in doc["layers"])


def test_share_matches_a_plain_shapely_union(stats_json: dict, sample_env: dict) -> None:
    p3 = next(la for la in stats_json["layers"] if la["role"] == "nature_p3")
    path, layer = p3["path"], p3["source"].split(":", 1)[1]
    nature = gpd.read_file(path, layer=layer)
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).geometry.iloc[0]
    valid = shapely.make_valid(nature.geometry.values)
    union = shapely.intersection(shapely.union_all(valid), muni)
    expected_area = union.area
    # The same share as one plain union of everything, to 1e-9 (issue 7).
    assert stats_json["protected"]["area_m2"] == pytest.approx(expected_area, rel=1e-9)
    assert stats_json["protected"]["share"] == pytest.approx(expected_area / muni.area, rel=1e-9)
    assert stats_json["municipality"]["area_m2"] == pytest.approx(muni.area, rel=1e-9)
    gap = stats_json["targets"][0]["gap_m2"]
    assert gap == pytest.approx(max(0.17 * muni.area - expected_area, 0.0), rel=1e-9)
    # by type: each type's own union
    for name, area in stats_json["protected"]["by_type"].items():
        geoms = shapely.make_valid(nature.loc[nature["Natyp_navn"] == name].geometry.values)
        assert area == pytest.approx(
            shapely.intersection(shapely.union_all(geoms), muni).area, rel=1e-9
        )


def test_text_summary_is_danish(sample_env: dict) -> None:
    result = _run(["stats"], sample_env)
    assert result.returncode == 0, result.stderr
    assert "Beskyttet natur" in result.stdout and " %" in result.stdout
    assert "syntetisk eksempel" in result.stdout
    english = _run(["stats", "--lang", "en"], sample_env)
    assert "Protected nature" in english.stdout and "synthetic sample" in english.stdout


def test_other_kommune_and_roles(real_data: Path) -> None:
    p3 = real_data / "koege_p3_beskyttede_naturtyper_2024_sample.geojson"
    result = _run(["stats", "--json", "--kommune", "259", "--layer", f"nature_p3={p3}"])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["municipality"]["name"] == "Køge"
    assert [t["key"] for t in doc["targets"]] == ["national_20_2030"]
    both = _run(["stats", "--json", "--kommune", "0259", "--layer", f"nature_p3={p3}",
                 "--protected-roles", "nature_p3,natura2000"])
    doc2 = json.loads(both.stdout)
    assert doc2["protected"]["roles"] == ["nature_p3", "natura2000"]
    assert doc2["protected"]["area_m2"] >= doc["protected"]["area_m2"]


@pytest.mark.parametrize(
    ("args", "danish", "english"),
    [
        (["--layer", "nature_p3=/no/such/file.gpkg"], "Filen findes ikke", "File not found"),
        (["--layer", "naturen=/tmp/x.gpkg"], "naturen", "Unknown role"),
        (["--layer", "nature_p3"], "ROLLE=STI", "ROLE=PATH"),
        (["--kommune", "9999"], "Ingen kommune med KOMKODE 9999", "No municipality with KOMKODE"),
        (["--field", "nature_p3.Natyp_navn"], "ROLLE.FELT=KILDE", "ROLE.FIELD=SOURCE"),
    ],
)
def test_bad_input_is_one_clear_line(args: list[str], danish: str, english: str) -> None:
    """One line on stderr, in Danish by default and in English with --lang en (issue 7)."""
    for lang, needle in (("da", danish), ("en", english)):
        result = _run(["stats", "--no-sample", "--lang", lang, *args])
        assert result.returncode == 1
        assert needle in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert result.stdout == ""


def test_file_without_crs_needs_assume_crs(tmp_path: Path) -> None:
    shp = tmp_path / "p3.shp"
    gpd.GeoDataFrame(
        {"Natyp_navn": ["Eng"]},
        geometry=[shapely.box(545_000, 6_320_000, 546_000, 6_321_000)],  # inside Aalborg
    ).to_file(shp)
    refused = _run(["stats", "--no-sample", "--layer", f"nature_p3={shp}"])
    assert refused.returncode == 1 and "--assume-crs" in refused.stderr
    ok = _run(["stats", "--no-sample", "--json", "--layer", f"nature_p3={shp}",
               "--assume-crs", "25832"])
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout)["protected"]["area_m2"] == pytest.approx(1e6)


def test_broken_file_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"\0garbage" * 100)
    result = _run(["stats", "--no-sample", "--layer", f"nature_p3={broken}"])
    assert result.returncode == 1 and "broken.gpkg" in result.stderr
    assert "Traceback" not in result.stderr


def test_field_option_maps_an_unknown_schema(tmp_path: Path) -> None:
    path = tmp_path / "typer.gpkg"
    gpd.GeoDataFrame(
        {"TYPE": ["Mose"]}, geometry=[shapely.box(545_000, 6_320_000, 546_000, 6_321_000)],
        crs=25832,
    ).to_file(path)
    unmapped = _run(["stats", "--no-sample", "--layer", f"nature_p3={path}"])
    assert unmapped.returncode == 1 and "--field nature_p3.Natyp_navn" in unmapped.stderr
    mapped = _run(["stats", "--no-sample", "--json", "--layer", f"nature_p3={path}",
                   "--field", "nature_p3.Natyp_navn=TYPE"])
    assert mapped.returncode == 0, mapped.stderr
    assert json.loads(mapped.stdout)["protected"]["by_type"] == pytest.approx({"Mose": 1e6})


_SPY = """
import json, sys
from naturplan.io import geopackage
read = []
original = geopackage.read_layer
def spy(path, layer, columns=(), geometry=True, **more):
    read.append([layer.name, geometry])
    return original(path, layer, columns, geometry, **more)
geopackage.read_layer = spy
from naturplan.cli import main
code = main(["stats", "--json"])
heavy = [m for m in ("geopandas", "pandas", "pyogrio", "rasterio", "pyproj", "pyarrow", "fiona",
                     "scipy") if m in sys.modules]
print(json.dumps({"code": code, "read": read, "heavy": heavy}), file=sys.stderr)
"""


def test_stats_reads_only_what_it_needs(sample_env: dict, stats_json: dict) -> None:
    """Issue 7: counts come from the files' metadata, only the §3 polygons are read, and
    none of the heavy libraries is imported (their import alone took longer than the share)."""
    result = subprocess.run([sys.executable, "-c", _SPY], capture_output=True, text=True,
                            timeout=300, env=sample_env)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] == 0 and report["heavy"] == []
    with_geometry = {name for name, geometry in report["read"] if geometry}
    assert with_geometry == {"aalborg_kommune", "beskyttede_naturtyper"}
    assert "jordstykke" not in {name for name, _ in report["read"]}
    assert json.loads(result.stdout) == stats_json
    parcels = next(la for la in stats_json["layers"] if la["role"] == "parcels")
    path, layer = parcels["path"], parcels["source"].split(":", 1)[1]
    assert parcels["features"] == len(gpd.read_file(path, layer=layer))


def test_first_run_build_shows_progress(tmp_path: Path) -> None:
    """Issue 7: a first-run sample build says so on stderr while it works."""
    env = {**os.environ, "NATURPLAN_SAMPLE_DIR": str(tmp_path)}
    result = _run(["stats", "--sample-scale", "0.004"], env)
    assert result.returncode == 0, result.stderr
    assert "Bygger det syntetiske eksempel (første kørsel)" in result.stderr
    assert "§3 beskyttet natur" in result.stderr
    again = _run(["stats", "--sample-scale", "0.004"], env)
    assert again.returncode == 0 and again.stderr == ""


def test_progress_line_redraws_in_place_and_stays_quiet_for_quick_work() -> None:
    import io
    import time

    from naturplan.cli.options import ProgressLine
    from naturplan.io.datasets import BUILDING_SAMPLE

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = Terminal()
    with ProgressLine(out, "da", delay=0.0, interval=0.01) as progress:
        progress(0.05, BUILDING_SAMPLE)
        progress(0.05 + 0.44 * 0.37, "§3 beskyttet natur")  # 37 % of the build
    text = out.getvalue()
    line = ("naturplan: Bygger det syntetiske eksempel (første kørsel): §3 beskyttet natur "
            "(37 %) 0 s")
    assert "\r\x1b[K" + line in text
    assert text.endswith("\r\x1b[K")  # the line is cleared when the work is done
    english = Terminal()
    with ProgressLine(english, "en", delay=0.0, interval=0.01) as progress:
        progress(0.05, BUILDING_SAMPLE)
        progress(0.05 + 0.44 * 0.01, "Jordstykker")
    assert "Building the synthetic sample (first run): Parcels (1 %)" in english.getvalue()
    quick = Terminal()
    with ProgressLine(quick, "da", delay=0.5) as progress:
        progress(0.55, "reading")
    assert quick.getvalue() == ""
    slow = Terminal()
    with ProgressLine(slow, "en", delay=0.0, interval=0.01) as progress:
        progress(0.55, "reading")
        for _ in range(200):  # the ticker draws the line once the delay has passed
            if slow.getvalue():
                break
            time.sleep(0.01)
    assert "Reading the layers (55 %)" in slow.getvalue()
    log = io.StringIO()  # not a terminal: the build's steps, one line each, nothing else
    with ProgressLine(log, "da") as progress:
        progress(0.0, "municipality")
        progress(0.05, BUILDING_SAMPLE)
        progress(0.3, "Jordstykker")
        progress(0.55, "reading")
    assert log.getvalue().splitlines() == [
        "naturplan: Bygger det syntetiske eksempel (første kørsel) (0 %)",
        "naturplan: Bygger det syntetiske eksempel (første kørsel): Jordstykker (57 %)",
    ]


# --- no silent wrong answer (issue 7, §2) -------------------------------------------------

KOEGE_P3 = "koege_p3_beskyttede_naturtyper_2024_sample.geojson"


def _codes(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [w["code"] for w in json.loads(result.stdout)["warnings"]]


def test_zero_because_nothing_was_there_is_said(real_data: Path) -> None:
    odense = _run(["stats", "--json", "--kommune", "0461"])
    assert _codes(odense) == ["no_protected_layer", "sample_not_here"]
    assert json.loads(odense.stdout)["protected"]["share"] == 0.0
    assert "naturplan: advarsel: Intet lag spiller den beskyttede rolle nature_p3 i Odense" in (
        odense.stderr)
    assert "dækker kun Aalborg" in odense.stderr
    off = _run(["stats", "--json", "--no-sample", "--lang", "en"])
    assert _codes(off) == ["no_protected_layer", "sample_off"]
    assert "naturplan: warning: No layer plays the protected role nature_p3" in off.stderr
    outside = _run(["stats", "--no-sample", "--json", "--layer",
                    f"nature_p3={real_data / KOEGE_P3}"])
    assert _codes(outside) == ["layer_outside"]
    warning = json.loads(outside.stdout)["warnings"][0]
    assert warning["params"]["n"] == 91 and warning["params"]["role"] == "nature_p3"
    assert warning["message"].startswith("Ingen af de 91 objekter i koege_p3")
    text = _run(["stats", "--no-sample", "--layer", f"nature_p3={real_data / KOEGE_P3}"])
    assert "Beskyttet natur: 0,00 %" in text.stdout and "ligger i Aalborg" in text.stderr


def _points_and_polygons(tmp_path: Path) -> tuple[Path, Path]:
    inside = shapely.box(545_000, 6_320_000, 546_000, 6_321_000)  # in Aalborg, 100 ha
    points = tmp_path / "punkter.gpkg"
    gpd.GeoDataFrame({"Natyp_navn": ["Eng", "Mose"]},
                     geometry=[shapely.Point(545_500, 6_320_500), shapely.Point(1, 1)],
                     crs=25832).to_file(points)
    mixed = tmp_path / "blandet.geojson"
    gpd.GeoDataFrame(
        {"Natyp_navn": ["Eng", "Mose", "Sø", "Eng"]},
        geometry=[inside, shapely.Point(545_500, 6_320_500),
                  shapely.LineString([(545_000, 6_320_000), (546_000, 6_321_000)]),
                  shapely.Point(545_600, 6_320_600)],
        crs=25832,
    ).to_file(mixed)
    return points, mixed


def test_a_layer_without_polygons_is_refused_and_a_mixed_one_says_what_was_left_out(
    tmp_path: Path,
) -> None:
    points, mixed = _points_and_polygons(tmp_path)
    for role in ("nature_p3", "parcels"):  # measured, and only counted
        refused = _run(["stats", "--no-sample", "--layer", f"{role}={points}"])
        assert refused.returncode == 1, refused.stderr
        line = refused.stderr.strip()
        assert len(line.splitlines()) == 1 and "Traceback" not in line
        assert f"Rollen {role} kræver polygoner" in line and "punkter.gpkg" in line
        assert "Point" in line
    kept = _run(["stats", "--no-sample", "--json", "--layer", f"nature_p3={mixed}"])
    assert _codes(kept) == ["features_left_out"]
    doc = json.loads(kept.stdout)
    assert doc["protected"]["area_m2"] == pytest.approx(1e6)
    p3 = next(la for la in doc["layers"] if la["role"] == "nature_p3")
    assert p3["features"] == 1 and p3["dropped_types"] == {"Point": 2, "LineString": 1}
    assert "3 objekter i blandet.geojson" in kept.stderr and "2 Point, 1 LineString" in kept.stderr


def test_a_mapping_that_maps_nothing_is_refused(tmp_path: Path, sample_env: dict) -> None:
    no_field = _run(["stats", "--field", "nature_p3.Foo=BAR"], sample_env)
    assert no_field.returncode == 1
    assert "Rollen nature_p3 har intet felt Foo" in no_field.stderr
    assert "Objekt_id, Natyp_kode, Natyp_navn, Besig_dato" in no_field.stderr
    no_source = _run(["stats", "--field", "nature_p3.Natyp_navn=BAR"], sample_env)
    assert no_source.returncode == 1 and "læser BAR" in no_source.stderr
    assert "Temanavn" in no_source.stderr  # the fields the sample's §3 layer has
    _, mixed = _points_and_polygons(tmp_path)
    user = _run(["stats", "--no-sample", "--layer", f"nature_p3={mixed}",
                 "--field", "nature_p3.Natyp_navn=TYPE"])
    assert user.returncode == 1 and "TYPE" in user.stderr and "Natyp_navn" in user.stderr
    nothing = _run(["stats", "--no-sample", "--field", "flood.DN=X", "--lang", "en"])
    assert nothing.returncode == 1 and "maps nothing: no layer plays role flood" in (
        nothing.stderr)
    for result in (no_field, no_source, user, nothing):
        assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""


# --- the user's language, synthetic data said out loud (issue 7, §3) -----------------------


def test_synthetic_said_where_the_number_is(sample_env: dict, stats_json: dict) -> None:
    assert stats_json["synthetic"] is True and stats_json["synthetic_roles"] == ["nature_p3"]
    da = _run(["stats"], sample_env).stdout
    headline = next(line for line in da.splitlines() if "Beskyttet natur:" in line)
    assert headline.endswith("— syntetisk eksempel")
    en = _run(["stats", "--lang", "en"], sample_env).stdout
    assert next(line for line in en.splitlines() if "Protected nature:" in line).endswith(
        "— synthetic sample")


def test_counts_in_both_numbers_and_no_empty_heading(real_data: Path) -> None:
    da = _run(["stats", "--no-sample"]).stdout
    assert " 1 objekt\n" in da + "\n" or "1 objekt\n" in da
    assert "125 objekter" in da and "Fordelt på naturtype" not in da
    assert "— syntetisk" not in da  # real layers only
    en = _run(["stats", "--no-sample", "--lang", "en"]).stdout
    assert "1 feature\n" in en and "125 features" in en and "By nature type" not in en
    typed = _run(["stats", "--no-sample", "--kommune", "0259", "--layer",
                  f"nature_p3={real_data / KOEGE_P3}"]).stdout
    assert "Fordelt på naturtype" in typed and "91 objekter" in typed


def test_a_reader_that_stops_early_gets_no_traceback(sample_env: dict[str, str]) -> None:
    """``naturplan stats | head -1``: the closed pipe ends the command quietly."""
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-m", "naturplan", "stats", "--json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=sample_env,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # like `head` that has read its line before naturplan writes
    error = process.stderr.read().decode()
    process.wait(timeout=120)
    assert "Error" not in error and "Traceback" not in error, error
