"""Across the border in the window (issue 25 item 3): with a plan area of two hand-made
municipalities, a candidate drawn between a §3 area in each says in the analysis panel that it
joins nature in both; one that joins two patches of one municipality does not."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
from PySide6.QtTest import QTest
from shapely.geometry import box

from naturplan.core.layers.roles import Role
from naturplan.io.datasets import DatasetRequest
from naturplan.io.loading import LayerRequest

X, Y = 550_000.0, 6_320_000.0
P3 = [box(X + 4000, Y + 1000, X + 4900, Y + 1500),   # Aalborg
      box(X + 5100, Y + 1000, X + 6000, Y + 1500),   # Rebild
      box(X + 1000, Y + 3000, X + 1400, Y + 3400),   # Aalborg
      box(X + 1600, Y + 3000, X + 2000, Y + 3400)]   # Aalborg


def test_the_panel_says_a_candidate_joins_nature_in_two_municipalities(
        qtbot, open_window, tmp_path: Path) -> None:
    muni, p3 = tmp_path / "kommuner.gpkg", tmp_path / "p3.gpkg"
    gpd.GeoDataFrame({"KOMKODE": ["0851", "0840"], "KOMNAVN": ["Aalborg", "Rebild"]},
                     geometry=[box(X, Y, X + 5000, Y + 5000),
                               box(X + 5000, Y, X + 10_000, Y + 5000)],
                     crs=25832).to_file(muni)
    gpd.GeoDataFrame({"Objekt_id": ["A1", "R1", "A2", "A3"], "Natyp_navn": ["Eng"] * 4},
                     geometry=P3, crs=25832).to_file(p3)
    win = open_window(DatasetRequest(use_sample=False, layers=(
        LayerRequest(Role.MUNICIPALITY, muni), LayerRequest(Role.NATURE_P3, p3))))
    panel = win.analysis.dock.panel
    qtbot.waitUntil(lambda: win.analysis.controller.network is not None, timeout=30_000)
    bridge = win.session.add(box(X + 4800, Y + 1100, X + 5200, Y + 1400), "Bro")
    inside = win.session.add(box(X + 1300, Y + 3100, X + 1700, Y + 3300), "Indenfor")
    assert bridge is not None and inside is not None
    win.session.selection.set([bridge.after[0].id])
    qtbot.waitUntil(lambda: "forbinder 2" in panel.text("connectivity"), timeout=30_000)
    QTest.qWait(20)
    assert "forbinder natur i Aalborg og Rebild Kommuner" in panel.text("connectivity")
    win.session.selection.set([inside.after[0].id])
    qtbot.waitUntil(lambda: "Indenfor" in panel.text("title")
                    and "forbinder 2" in panel.text("connectivity"), timeout=30_000)
    assert "Kommuner" not in panel.text("connectivity")  # two patches, both in Aalborg
    win.close()
