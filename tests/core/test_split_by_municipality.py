"""The protected area per municipality of a plan area of several (issue 22 item 3), by a
local union per municipality, or none for disjoint pieces (issue 24 §2: the national app's
dashboard took four minutes in one union of the country): both equal one plain shapely
union cut by each municipality."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from naturplan.core.analysis.municipalities import split_by_municipality
from naturplan.core.layers.dataset import MunicipalityPart


def _parts() -> list[MunicipalityPart]:
    west = shapely.Polygon([(0, 0), (500, 0), (520, 400), (480, 1000), (0, 1000)])
    east = shapely.Polygon([(500, 0), (1000, 0), (1000, 1000), (480, 1000), (520, 400)])
    return [MunicipalityPart("0001", "Vest", west), MunicipalityPart("0002", "Øst", east)]


def _expected(polygons: np.ndarray, parts: list[MunicipalityPart]) -> list[float]:
    union = shapely.union_all(polygons)
    return [shapely.intersection(union, p.geometry).area for p in parts]


def test_overlapping_polygons_count_once_in_each_municipality() -> None:
    rng = np.random.default_rng(24)
    centres = shapely.points(rng.uniform(0, 1000, (300, 2)))
    blobs = shapely.buffer(centres, rng.uniform(5, 60, 300))  # they overlap, and cross
    parts = _parts()
    got = [s.protected_m2 for s in split_by_municipality(parts, blobs)]
    assert got == pytest.approx(_expected(blobs, parts), rel=1e-9)


def test_disjoint_pieces_need_no_union() -> None:
    rng = np.random.default_rng(7)
    blobs = shapely.buffer(shapely.points(rng.uniform(0, 1000, (300, 2))),
                           rng.uniform(5, 60, 300))
    union = shapely.union_all(blobs)
    # Disjoint pieces of the same area: the union cut along a 100 m grid.
    cells = shapely.box(*np.meshgrid(np.arange(0, 1000, 100), np.arange(0, 1000, 100)),
                        *[a + 100 for a in np.meshgrid(np.arange(0, 1000, 100),
                                                       np.arange(0, 1000, 100))]).ravel()
    pieces = shapely.intersection(union, cells)
    pieces = pieces[~shapely.is_empty(pieces)]
    parts = _parts()
    got = [s.protected_m2 for s in split_by_municipality(parts, pieces, disjoint=True)]
    assert got == pytest.approx(_expected(blobs, parts), rel=1e-9)
    assert min(got) > 0
