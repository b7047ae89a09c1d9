"""File → Import candidate areas with a vertex at 1e300 and a NaN (issue 18): the window
names both features and why, in Danish; refused, nothing is imported; agreed, only the good
square is (its area by plain shapely)."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import shapely
from PySide6.QtWidgets import QMessageBox

from naturplan.core.plan.candidates import CandidateKind
from naturplan.gui.editing.importing import ImportChoice


def test_absurd_features_are_named_and_left_out_of_the_import(window, tmp_path, aalborg_point,
                                                               monkeypatch) -> None:
    x, y = aalborg_point
    good = shapely.box(x, y, x + 500, y + 500)
    with np.errstate(invalid="ignore"):
        absurd = shapely.Polygon([(x, y), (x + 500, y), (1e300, y + 500), (x, y + 500)])
        nan = shapely.Polygon([(x, y), (x + 500, y), (math.nan, y + 500), (x, y + 500)])
    path = tmp_path / "konsulent.gpkg"
    with np.errstate(invalid="ignore"):
        gpd.GeoDataFrame({"navn": ["God", "Langt væk", "Intet tal"]},
                         geometry=[good, absurd, nan], crs=25832).to_file(path)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or answer[0])
    choice = ImportChoice(None, None, CandidateKind.LOWLAND)
    assert not window.editing.import_file(path, choice)
    assert len(window.session.plan) == 0
    [text] = asked
    assert "2 'Langt væk': koordinater langt uden for Danmark" in text
    assert "3 'Intet tal': en koordinat er ikke et endeligt tal" in text
    answer[0] = QMessageBox.StandardButton.Yes
    assert window.editing.import_file(path, choice)
    assert [(c.name, c.area_m2) for c in window.session.plan] == [("God", good.area)]
