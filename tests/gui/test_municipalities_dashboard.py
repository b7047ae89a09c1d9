"""Issue 22 item 3 on the dashboard: a plan area of three municipalities shows one line per
municipality with its share (plain shapely: the §3 union cut at each border); one
municipality shows none."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import box

from naturplan.core.layers.roles import Role
from naturplan.io.datasets import DatasetRequest
from naturplan.io.loading import LayerRequest
from naturplan.text.numbers import format_share

X0, Y0 = 550_000.0, 6_320_000.0
SQUARES = {("0851", "Aalborg"): box(X0, Y0, X0 + 2_000, Y0 + 2_000),
           ("0849", "Jammerbugt"): box(X0 + 2_000, Y0, X0 + 4_000, Y0 + 2_000),
           ("0813", "Frederikshavn"): box(X0 + 4_000, Y0, X0 + 6_000, Y0 + 2_000)}
P3 = [box(X0 + 100, Y0 + 100, X0 + 700, Y0 + 700),
      box(X0 + 1_800, Y0 + 1_000, X0 + 2_300, Y0 + 1_400),
      box(X0 + 5_000, Y0 + 200, X0 + 5_900, Y0 + 1_900)]


def test_three_municipalities_have_a_line_each(qtbot, open_window, tmp_path: Path) -> None:
    muni, p3 = tmp_path / "kommuner.gpkg", tmp_path / "p3.gpkg"
    gpd.GeoDataFrame({"KOMKODE": [c for c, _ in SQUARES], "KOMNAVN": [n for _, n in SQUARES]},
                     geometry=list(SQUARES.values()), crs=25832).to_file(muni)
    gpd.GeoDataFrame({"Natyp_navn": ["Mose", "Eng", "Hede"]}, geometry=P3,
                     crs=25832).to_file(p3)
    win = open_window(DatasetRequest(use_sample=False, layers=(
        LayerRequest(Role.MUNICIPALITY, muni), LayerRequest(Role.NATURE_P3, p3))))
    label = win.dashboard_dock.municipalities
    qtbot.waitUntil(label.isVisible, timeout=10_000)
    text = label.text()
    assert "Pr. kommune" in text
    union = shapely.union_all(P3)
    for (code, name), square in SQUARES.items():
        share = union.intersection(square).area / square.area
        line = next(x for x in text.split("<br>") if f"{name} ({code})" in x)
        assert format_share(share, "da") in line and "mangler til 17 %" in line
    win.close()


def test_one_municipality_has_no_lines(window) -> None:
    assert not window.dashboard_dock.municipalities.isVisible()
    assert window.dashboard_dock.municipalities.text() == ""
