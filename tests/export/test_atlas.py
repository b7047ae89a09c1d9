"""The candidate atlas (issue 19 item 13): ``naturplan export --atlas`` on hand-made layers.

The layers are made here with known answers: a §3 meadow at (x, y), a flood raster whose only
flooded cells are a 500 × 500 m block north of it, and three candidates: one on the flood block,
one on the meadow and one 12 km away from both. Each page is read back with ``pdftotext`` and
checked against plain shapely / numpy computations of the same things.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import rasterio
from affine import Affine
from shapely.geometry import box

from naturplan.cli import main
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.scenarios import Scenario
from naturplan.io import paths
from naturplan.io.project.gpkg_store import GeoPackageStore

FLOOD_TITLE = "Oversvømmelse (vanddybde)"
MEADOW = "Eng"


@pytest.fixture(scope="module")
def hand_made(tmp_path_factory):  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("atlas")
    muni = gpd.read_file(paths.layers_dir() / paths.AALBORG_BOUNDARY).to_crs(25832)
    p = muni.geometry.iloc[0].representative_point()
    x, y = round(p.x, -1), round(p.y, -1)
    meadow = box(x, y, x + 100, y + 100)
    gpd.GeoDataFrame({"Objekt_id": ["A"], "Natyp_kode": [1], "Natyp_navn": [MEADOW],
                      "Besig_dato": ["2024-01-01"]}, geometry=[meadow], crs=25832
                     ).to_file(folder / "p3.gpkg")
    depth = np.zeros((300, 300), dtype="float32")  # 10 m cells from (x - 1000, y + 3500)
    depth[100:150, 150:200] = 1.0  # x + 500 .. x + 1000, y + 2000 .. y + 2500
    transform = Affine(10, 0, x - 1000, 0, -10, y + 3500)
    with rasterio.open(folder / "flood.tif", "w", driver="GTiff", width=300, height=300,
                       count=1, dtype="float32", crs="EPSG:25832", nodata=-9999,
                       transform=transform) as dst:
        dst.write(depth, 1)
    wet = box(x + 500, y + 2000, x + 1000, y + 2500)
    shapes = {
        "on_flood": Candidate.new("lowland", box(x + 400, y + 1900, x + 1100, y + 2600),
                                  "Vådlægning ved Å"),
        "on_meadow": Candidate.new("afforestation", box(x - 150, y, x + 50, y + 130),
                                   "Skov ved engen", status="proposed"),
        "far": Candidate.new("connectivity", box(x, y - 12_000, x + 60, y - 11_000),
                             "Korridor fjernt", status="adopted"),
    }
    project = folder / "plan.gpkg"
    with GeoPackageStore(project, author="test") as store:
        stored = {key: store.insert(c) for key, c in shapes.items()}
        store.insert_scenario(Scenario.new("Forslag A", [stored["on_flood"].id,
                                                         stored["far"].id]))
    layers = {"nature_p3": folder / "p3.gpkg", "flood": folder / "flood.tif"}
    return {"project": project, "layers": layers, "stored": stored, "meadow": meadow,
            "wet": wet, "flood_values": (depth, transform), "folder": folder}


def atlas(plan, out: Path, *extra: str) -> int:  # type: ignore[no-untyped-def]
    options = [a for role, path in plan["layers"].items()
               for a in ("--layer", f"{role}={path}")]
    return main(["export", "--atlas", "--project", str(plan["project"]), "--out", str(out),
                 "--no-sample", *options, *extra])


def pages(pdf: Path) -> list[str]:
    """The text of each page, whitespace collapsed."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [" ".join(page.split()) for page in text.split("\f")[:-1]]


def danish(value: float, decimals: int) -> str:
    """``1234.5`` → ``1.234,50`` written here by hand (not by naturplan.text.numbers)."""
    whole, frac = f"{value:.{decimals}f}".split(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return ".".join([whole, *groups]) + "," + frac


@pytest.fixture(scope="module")
def written(hand_made, tmp_path_factory):  # type: ignore[no-untyped-def]
    out = tmp_path_factory.mktemp("atlas_out") / "bilag.pdf"
    assert atlas(hand_made, out) == 0
    return out


def numbers(texts: list[str], candidates) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Candidate id → the number of the page that is titled with its name."""
    found = {}
    for c in candidates:
        hits = [i for i, text in enumerate(texts) if f"{i}. {c.name}" in text]
        assert len(hits) == 1, c.name
        found[c.id] = hits[0]
    return found


def test_one_overview_page_and_one_page_per_candidate(hand_made, written, capsys) -> None:  # type: ignore[no-untyped-def]
    texts = pages(written)
    stored = list(hand_made["stored"].values())
    assert len(texts) == 1 + len(stored)
    assert "Nøgle til kandidatsiderne" in texts[0]
    where = numbers(texts, stored)
    assert sorted(where.values()) == [1, 2, 3]
    for candidate in stored:
        page = texts[where[candidate.id]]
        hectares = candidate.geometry.area / 10_000  # plain shapely
        assert danish(hectares, 2) in page
        assert candidate.name in texts[0]  # in the key
        others = [c.name for c in stored if c.id != candidate.id]
        assert not any(f". {o}" in page for o in others)


def test_legend_lists_only_what_is_in_the_frame(hand_made, written) -> None:  # type: ignore[no-untyped-def]
    depth, transform = hand_made["flood_values"]
    rows, cols = np.nonzero(depth >= 0.05)
    xs, ys = rasterio.transform.xy(transform, rows, cols)
    wet_x, wet_y = np.asarray(xs), np.asarray(ys)
    texts = pages(written)
    stored = hand_made["stored"]
    where = numbers(texts, stored.values())
    far = stored["far"].geometry
    # the far candidate's frame is within a few km of it; every flooded cell is > 10 km away
    assert np.min(np.hypot(wet_x - far.centroid.x, wet_y - far.centroid.y)) > 10_000
    assert FLOOD_TITLE in texts[where[stored["on_flood"].id]]  # on the flooded block
    assert FLOOD_TITLE not in texts[where[stored["far"].id]]
    assert MEADOW not in texts[where[stored["far"].id]]
    assert hand_made["meadow"].distance(far) > 10_000
    # the meadow is in the frame of the candidate that touches it, and in its legend
    assert stored["on_meadow"].geometry.intersects(hand_made["meadow"])
    assert re.search(rf"\b{MEADOW}\b", texts[where[stored["on_meadow"].id]])


def test_split_by_kind_writes_one_pdf_per_kind(hand_made, written, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    stored = hand_made["stored"]
    where = numbers(pages(written), stored.values())  # the numbers of the whole atlas
    out = tmp_path / "bilag.pdf"
    assert atlas(hand_made, out, "--split-by", "kind", "--no-analysis") == 0
    said = capsys.readouterr().out
    expected = {"bilag-lavbund.pdf": stored["on_flood"],
                "bilag-skovrejsning.pdf": stored["on_meadow"],
                "bilag-forbindelse.pdf": stored["far"]}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(expected)
    for name, candidate in expected.items():
        texts = pages(tmp_path / name)
        assert len(texts) == 2
        assert f"{where[candidate.id]}. {candidate.name}" in texts[1]
        others = [c.name for c in stored.values() if c.id != candidate.id]
        assert not any(o in " ".join(texts) for o in others)
        assert f"{tmp_path / name}: 2 sider" in said


def test_scenario_atlas_has_only_its_candidates(hand_made, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "forslag.pdf"
    assert atlas(hand_made, out, "--scenario", "forslag a", "--no-analysis") == 0
    texts = pages(out)
    assert len(texts) == 3
    assert "Vådlægning ved Å" in " ".join(texts[1:]) and "Korridor fjernt" in " ".join(texts[1:])
    assert "Skov ved engen" not in " ".join(texts)


def test_unknown_scenario_is_one_danish_line(hand_made, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.pdf"
    assert atlas(hand_made, out, "--scenario", "Forslag Z") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) >= 1 and "Forslag Z" in err[0] and "Forslag A" in err[0]
    assert "Traceback" not in "\n".join(err)
    assert list(tmp_path.iterdir()) == []


def test_export_without_atlas_keeps_the_print_map_options(hand_made, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["export", "--out", str(tmp_path / "x.pdf"), "--split-by", "kind",
                 "--no-sample"]) == 1
    assert "--atlas" in capsys.readouterr().err


def test_unwritable_folder_is_one_line_and_no_file(hand_made, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "findes-ikke" / "bilag.pdf"
    assert atlas(hand_made, out, "--no-analysis") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Kan ikke skrive" in err[0]
    assert not out.parent.exists()


def test_page_numbers_and_scale_match_an_independent_computation(hand_made, written) -> None:  # type: ignore[no-untyped-def]
    texts = pages(written)
    stored = hand_made["stored"]
    where = numbers(texts, stored.values())
    candidate = stored["on_flood"].geometry
    page = texts[where[stored["on_flood"].id]]
    wet = candidate.intersection(hand_made["wet"]).area  # every wet cell is 1 m deep
    assert f"Oversvømmet (ha) {danish(wet / 10_000, 2)}" in page
    assert f"Andel oversvømmet (%) {danish(100 * wet / candidate.area, 1)} %" in page
    for key, c in stored.items():
        scale_text = re.search(r"Målestok 1:([\d.]+) \(på A4\)", texts[where[c.id]])
        assert scale_text, key
        n = int(scale_text.group(1).replace(".", ""))
        mantissa = n / 10 ** np.floor(np.log10(n))
        assert round(mantissa, 3) in {1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.5}
        minx, miny, maxx, maxy = c.geometry.bounds
        frame_w_m = (210 - 2 * 12) / 1000 * n  # the A4 preset's frame: page less margins
        assert frame_w_m >= maxx - minx  # the candidate fits across the frame
        assert n <= 200_000  # and is not lost in it
