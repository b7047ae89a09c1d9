"""`naturplan parcel` and `naturplan parcels` end to end, on the real Matriklen files and the
small sample, checked against plain geopandas/shapely."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from cli_runner import run_cli


def _run(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    if "--pdf" not in args:
        return run_cli(args, env)
    # The PDF is drawn with Qt: in its own process, whose QGuiApplication is not the tests'.
    return subprocess.run([sys.executable, "-m", "naturplan", *args], capture_output=True,
                          text=True, timeout=300, env=env)


VIBORG = "viborg_markjorder_matrikel_sample.gml"
LEJRE = "lejre_borup_osted_matrikel_60851.gml"


def _viborg(real_data: Path) -> list[str]:
    return ["--kommune", "0791", "--layer", f"parcels={real_data / VIBORG}"]


@pytest.mark.parametrize("ejerlav", ["2005752", "Viborg Markjorder", "viborg markjorder"])
def test_viborg_parcel_by_code_name_and_lower_case(real_data: Path, ejerlav: str) -> None:
    result = _run(["parcel", *_viborg(real_data), "--ejerlav", ejerlav, "--matrikel", "224 BØ",
                   "--json"])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    parcel = doc["parcel"]
    assert (parcel["ejerlavskode"], parcel["matrikelnummer"]) == (2005752, "224bø")
    plain = gpd.read_file(real_data / VIBORG)
    row = plain[plain["matrikelnummer"] == "224bø"].iloc[0]
    assert parcel["area_m2"] == pytest.approx(row.geometry.area, rel=1e-9)
    assert parcel["registered_area_m2"] == row["registreretAreal"]


def test_unknown_ejerlav_exits_non_zero_with_a_clear_message(real_data: Path) -> None:
    result = _run(["parcel", *_viborg(real_data), "--ejerlav", "Viborg Markjorxer",
                   "--matrikel", "224bø"])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "Intet ejerlav hedder 'Viborg Markjorxer'" in result.stderr
    assert "Mente du: Viborg Markjorder, 224bø?" in result.stderr
    english = _run(["parcel", *_viborg(real_data), "--ejerlav", "Qwerty", "--matrikel", "1",
                    "--lang", "en"])
    assert english.returncode == 1 and "No ejerlav called 'Qwerty'" in english.stderr


def test_a_typo_in_the_matrikel_gives_suggestions(real_data: Path) -> None:
    result = _run(["parcel", *_viborg(real_data), "--ejerlav", "Viborg Markjorder",
                   "--matrikel", "620g"])
    assert result.returncode == 1
    assert "Matrikelnummer 620g findes ikke i Viborg Markjorder" in result.stderr
    assert "Viborg Markjorder, 620f" in result.stderr


def test_lejre_parcel_with_its_fredskov(real_data: Path) -> None:
    result = _run(["parcel", "--kommune", "0350", "--layer", f"parcels={real_data / LEJRE}",
                   "--ejerlav", "Borup, Osted", "--matrikel", "6", "--json"])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    fredskov = next(f for f in doc["findings"] if f["theme"] == "fredskov")
    parcels = gpd.read_file(real_data / LEJRE, layer="Jordstykke")
    forest = gpd.read_file(real_data / LEJRE, layer="Fredskov")
    six = parcels[parcels["matrikelnummer"] == "6"].geometry.iloc[0]
    expected = shapely.intersection(six, shapely.union_all(forest.geometry.values)).area
    assert fredskov["area_m2"] == pytest.approx(expected, rel=1e-9)
    assert fredskov["share"] == pytest.approx(expected / six.area, rel=1e-9)
    assert {entry["key"] for entry in doc["legal"]} >= {"fredskov"}
    assert "fredskov" in doc["headline"]
    text = _run(["parcel", "--kommune", "0350", "--layer", f"parcels={real_data / LEJRE}",
                 "--search", "60851 6"])
    assert text.returncode == 0 and "Skovloven" in text.stdout


def test_parcels_batch_writes_every_parcel(real_data: Path, tmp_path: Path) -> None:
    out = tmp_path / "lejre.gpkg"
    result = _run(["parcels", "--kommune", "0350", "--layer", f"parcels={real_data / LEJRE}",
                   "--out", str(out)])
    assert result.returncode == 0, result.stderr
    table = gpd.read_file(out)
    plain = gpd.read_file(real_data / LEJRE, layer="Jordstykke")
    assert len(table) == len(plain) == 47
    assert set(table["matrikelnummer"]) == set(plain["matrikelnummer"])
    six = table[table["matrikelnummer"] == "6"].iloc[0]
    assert six["fredskov_m2"] > 400_000 and not bool(six["synthetic_data"])
    bad = _run(["parcels", "--kommune", "0350", "--layer", f"parcels={real_data / LEJRE}",
                "--out", str(tmp_path / "x.txt")])
    assert bad.returncode == 1 and "Traceback" not in bad.stderr


def _sample_gpkg(env: dict[str, str]) -> Path:
    from naturplan.io.paths import sample_dir

    return sample_dir(float(env["NATURPLAN_SAMPLE_SCALE"])) / "aalborg_sample.gpkg"


@pytest.fixture(scope="module")
def sample_table(sample_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
                 ) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("batch") / "status.csv"
    result = _run(["parcels", "--out", str(out), "--sliver-area", "0", "--sliver-width", "0"],
                  sample_env)
    assert result.returncode == 0, result.stderr
    return pd.read_csv(out, dtype={"matrikelnummer": str})


def test_batch_p3_shares_agree_with_an_independent_overlay(sample_table: pd.DataFrame,
                                                          sample_env: dict[str, str]) -> None:
    gpkg = _sample_gpkg(sample_env)
    parcels = gpd.read_file(gpkg, layer="jordstykke")
    nature = gpd.read_file(gpkg, layer="beskyttede_naturtyper")
    assert len(parcels) == len(sample_table)
    assert bool(sample_table["synthetic_data"].all())
    rng = np.random.default_rng(9)
    touched = np.flatnonzero(sample_table["p3_m2"].to_numpy() > 0)
    rows = np.concatenate([rng.choice(touched, 40, replace=False),
                           rng.choice(len(parcels), 40, replace=False)])
    tree = shapely.STRtree(nature.geometry.values)
    for row in rows:
        parcel = parcels.geometry.iloc[row]
        near = nature.geometry.values[tree.query(parcel, predicate="intersects")]
        union = shapely.union_all(near) if len(near) else shapely.Polygon()
        expected = shapely.intersection(parcel, union).area / parcel.area
        assert sample_table.loc[row, "p3_share"] == pytest.approx(expected, abs=1e-4), row
        assert sample_table.loc[row, "matrikelnummer"] == parcels["matrikelnummer"].iloc[row]


def test_address_and_pdf_on_the_sample(sample_env: dict[str, str], tmp_path: Path) -> None:
    addresses = gpd.read_file(_sample_gpkg(sample_env), layer="adgangsadresser")
    first = addresses.iloc[0]
    text = f"{first['vejnavn']} {first['husnr']}, {first['postnr']}"
    pdf = tmp_path / "sag.pdf"
    result = _run(["parcel", "--address", text, "--pdf", str(pdf)], sample_env)
    assert result.returncode == 0, result.stderr
    assert pdf.exists() and pdf.stat().st_size > 10_000
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    words = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Jordstykke" in words and "EPSG:25832" in words
    assert f"{first['vejnavn']} {first['husnr']}" in words
    assert "Syntetisk eksempel" in words
    _assert_map_is_drawn(pdf, tmp_path)


def _assert_map_is_drawn(pdf: Path, folder: Path) -> None:
    """Page 1 as a grey image: the map frame (below the title, 100 mm tall) has many tones,
    and is not one flat colour."""
    subprocess.run(["pdftoppm", "-r", "50", "-gray", "-f", "1", "-l", "1", str(pdf),
                    str(folder / "page")], check=True)
    data = next(folder.glob("page*.pgm")).read_bytes()
    parts = data.split(maxsplit=4)  # P5, width, height, maxval, pixels
    width, height = int(parts[1]), int(parts[2])
    image = np.frombuffer(parts[4][: width * height], dtype=np.uint8).reshape(height, width)
    mm = 50 / 25.4  # pixels per mm
    frame = image[int(40 * mm):int(125 * mm), int(14 * mm):int(196 * mm)]
    assert len(np.unique(frame)) > 20
    assert frame.std() > 8
    assert (frame < 250).mean() > 0.5  # mostly drawn, not white paper


def test_progress_bar_redraws_one_line_on_a_terminal() -> None:
    import io

    from naturplan.cli.parcel import ProgressBar

    out = io.StringIO()
    bar = ProgressBar(out, enabled=True)
    bar.report(0.5, "beskyttede_naturtyper")
    bar.report(0.5, "beskyttede_naturtyper")  # unchanged: not written again
    bar.finish()
    text = out.getvalue()
    assert text.count("\r") == 2 and text.endswith("\n")
    assert "[" + "#" * 15 + "-" * 15 + "]" in text and "50.0 %" in text
    assert "100.0 %" in text
    quiet = io.StringIO()
    silent = ProgressBar(quiet, enabled=False)
    silent.report(0.3, "x")
    silent.finish()
    assert quiet.getvalue() == ""
