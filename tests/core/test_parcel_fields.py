"""Parcel files as they come (issue 19 item 1): a parcel layer with only the ejerlav code and
the matrikelnummer loads; the card shows the computed area and the code (or a name from a
table of ejerlav) and says what the file lacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
import shapely.affinity

from naturplan.core.layers.roles import Role
from naturplan.core.parcels.context import ParcelContext
from naturplan.core.parcels.themes import SourceInfo
from naturplan.export.parcel_card import card_text
from naturplan.io.loading import LayerRequest, load_layer
from naturplan.io.parcels import load_ejerlav_names, load_legal_bases

VIBORG = "viborg_markjorder_matrikel_sample.gpkg"
#: Somewhere in Lejre (EPSG:25832): hand-made data lies where a Danish file would.
X0, Y0 = 690_000.0, 6_170_000.0


def _bare_parcels(folder: Path, code_field: str) -> Path:
    """Two hand-made parcels, 30 x 40 m and an L of 1,500 m², with only a code and a number."""
    frame = gpd.GeoDataFrame(
        {code_field: [60851, 60851], "matrikelnummer": ["7a", "12b"]},
        geometry=[shapely.affinity.translate(g, X0, Y0) for g in (
            shapely.box(0, 0, 30, 40),
            shapely.Polygon([(100, 0), (150, 0), (150, 20), (120, 20), (120, 50), (100, 50)]))],
        crs=25832)
    path = folder / f"bare_{code_field}.gpkg"
    frame.to_file(path, layer="jordstykke", engine="pyogrio")
    return path


@pytest.mark.parametrize("code_field", ["ejerlavskode", "landsejerlavskode"])
def test_a_parcel_file_with_only_code_and_number_loads(tmp_path: Path, code_field: str) -> None:
    layer = load_layer(LayerRequest(Role.PARCELS, _bare_parcels(tmp_path, code_field)))
    frame = layer.frame
    assert frame["ejerlavskode"].tolist() == [60851, 60851]
    assert frame["matrikelnummer"].tolist() == ["7a", "12b"]
    assert frame["registreretAreal"].isna().all()
    context = ParcelContext(frame, SourceInfo("parcels", "bare.gpkg"))
    card = context.card(1)
    assert card.parcel.area_m2 == pytest.approx(50 * 20 + 20 * 30)  # the L by hand
    assert card.parcel.registered_area_m2 is None
    text = card_text(card, load_legal_bases(), "da")
    facts = dict(text.facts)
    assert facts["Ejerlav"] == "60851"
    assert facts["Registreret areal"] == "ikke i kilden"
    assert facts["Beregnet areal"] == "1.600 m²"
    assert text.title == "Jordstykke 12b, 60851"
    assert any("ingen ejerlavsnavn" in n for n in text.notes)
    assert any("intet registreret areal" in n for n in text.notes)


def test_a_table_of_ejerlav_names_the_parcels(tmp_path: Path) -> None:
    table = tmp_path / "ejerlav.csv"
    table.write_text("ejerlavskode;ejerlavsnavn\n60851;Borup By, Osted\n1;Andet\n",
                     encoding="utf-8")
    names = load_ejerlav_names(table)
    assert names == {60851: "Borup By, Osted", 1: "Andet"}
    layer = load_layer(LayerRequest(Role.PARCELS, _bare_parcels(tmp_path, "ejerlavskode")))
    context = ParcelContext(layer.frame, SourceInfo("parcels", "bare.gpkg"),
                            ejerlav_names=names)
    found = context.search("12b Borup By")
    assert found.found and found.parcel.position == 1
    text = card_text(context.card(1), load_legal_bases(), "da")
    assert dict(text.facts)["Ejerlav"] == "Borup By, Osted (60851)"
    assert not any("ejerlavsnavn" in n for n in text.notes)


def test_a_table_without_a_name_column_is_one_clear_line(tmp_path: Path) -> None:
    from naturplan.core.errors import NaturplanError
    from naturplan.text.i18n import error_text

    table = tmp_path / "koder.csv"
    table.write_text("ejerlavskode,x\n1,2\n", encoding="utf-8")
    with pytest.raises(NaturplanError) as caught:
        load_ejerlav_names(table)
    assert "koder.csv" in error_text(caught.value, "da")
    assert "navn" in error_text(caught.value, "da")


def test_the_cli_card_of_a_real_parcel_stripped_to_code_and_number(real_data: Path,
                                                                   tmp_path: Path) -> None:
    """Viborg Markjorder from Matriklen with only landsejerlavskode and matrikelnummer left:
    the card has the geometry's area and the code, with and without a table of names."""
    full = gpd.read_file(real_data / VIBORG)
    bare = full[["landsejerlavskode", "matrikelnummer", "geometry"]]
    path = tmp_path / "viborg_bare.gpkg"
    bare.to_file(path, engine="pyogrio")
    row = full[full["matrikelnummer"] == "224bø"].iloc[0]
    args = [sys.executable, "-m", "naturplan", "parcel", "--kommune", "0791", "--layer",
            f"parcels={path}", "--ejerlav", str(int(row["landsejerlavskode"])),
            "--matrikel", "224bø"]
    result = subprocess.run([*args, "--json"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    parcel = json.loads(result.stdout)["parcel"]
    assert parcel["area_m2"] == pytest.approx(row.geometry.area, rel=1e-9)
    assert parcel["registered_area_m2"] is None and parcel["ejerlavsnavn"] == ""
    names = tmp_path / "ejerlav.csv"
    names.write_text(f"kode,navn\n{int(row['landsejerlavskode'])},Viborg Markjorder\n",
                     encoding="utf-8")
    text = subprocess.run([*args, "--ejerlav-names", str(names)], capture_output=True,
                          text=True, timeout=300)
    assert text.returncode == 0, text.stderr
    assert f"Viborg Markjorder ({int(row['landsejerlavskode'])})" in text.stdout
    assert "intet registreret areal" in text.stdout


def test_the_batch_of_a_bare_file_names_from_the_table_and_says_what_is_empty(
        tmp_path: Path) -> None:
    from naturplan.core.parcels.batch import parcel_table
    from naturplan.export.parcel_table import table_notes

    layer = load_layer(LayerRequest(Role.PARCELS, _bare_parcels(tmp_path, "ejerlavskode")))
    context = ParcelContext(layer.frame, SourceInfo("parcels", "bare.gpkg"),
                            ejerlav_names={60851: "Borup By, Osted"})
    table = parcel_table(context)
    assert table["ejerlavsnavn"].tolist() == ["Borup By, Osted"] * 2
    assert table["area_m2"].tolist() == pytest.approx([1200.0, 1600.0])
    assert table["registered_area_m2"].isna().all()
    notes = " ".join(table_notes(table, "da"))
    assert "registered_area_m2 er tom" in notes
