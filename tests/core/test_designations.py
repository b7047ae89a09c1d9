"""Today's designations over candidates (issue 22 item 2): the retningslinjer by theme and
status and the MARS projects each area lies in, checked against plain shapely on hand-made
squares with known answers and on random boxes."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely

from naturplan.core.analysis.designations import DesignationCheck, check_designations
from naturplan.core.analysis.layers import (
    DESIGNATION_COLUMNS,
    MARS_COLUMNS,
    PolygonSet,
    RolePolygons,
    role_set,
)
from naturplan.core.layers.roles import Role
from naturplan.io.loading import LayerRequest, load_layer

HA = 10_000.0


def _set(role: Role, geoms: list[shapely.Polygon], **fields: list[object]) -> PolygonSet:
    """The set of *role* as the analysis builds it from a layer's canonical fields."""
    part = RolePolygons(role, np.array(geoms, dtype=object),
                        {k: np.array(v, dtype=object) for k, v in fields.items()})
    found = role_set([part], role)
    assert found is not None
    return found


def _plandata(geoms: list[shapely.Polygon], themes: list[object], status: list[object],
              names: list[object] | None = None) -> PolygonSet:
    return _set(Role.DESIGNATIONS, geoms, temakode=themes, status=status,
                plannavn=names or [None] * len(geoms))


def _mars(geoms: list[shapely.Polygon], ids: list[object], names: list[object],
          types: list[object], phases: list[object]) -> PolygonSet:
    return _set(Role.MARS_PROJECTS, geoms, projekt_id=ids, navn=names, type=types, fase=phases)


def test_hand_made_squares_give_the_known_hectares_and_shares() -> None:
    """A 100 × 100 m candidate (1 ha): two adopted 1112 plans that overlap each other cover
    its left 60 m together (0.6 ha: the union, not the 0.8 ha sum); a proposed 1112 plan its
    top 20 m (0.2 ha); a cancelled 1112 plan all of it (left out); a 1115 plan its right
    10 m; one MARS project in two pieces 0.1 + 0.15 ha; another 0.05 ha."""
    candidate = shapely.box(0, 0, 100, 100)
    plandata = _plandata(
        [shapely.box(-50, -10, 40, 110), shapely.box(20, -10, 60, 110),
         shapely.box(-10, 80, 110, 130), shapely.box(-100, -100, 200, 200),
         shapely.box(90, -10, 150, 110)],
        [1112, "1112", 1112.0, 1112, 1115], ["V", "vedtaget", "F", "A", "V"],
        ["Skov Vest", "Skov Midt", "Skov Nord", "Gammel plan", "Korridor"])
    mars = _mars(
        [shapely.box(0, 0, 10, 100), shapely.box(50, 0, 65, 100), shapely.box(95, 0, 100, 100)],
        ["M-1", "M-1", None], ["Ådal", "Ådal", "Mosen"], ["Klima-lavbund"] * 2 + ["Lavbund"],
        ["Forundersøgelse"] * 2 + ["Anlagt"])
    [check] = check_designations([candidate], plandata, mars)
    assert check.plandata is not None and check.mars is not None
    by_group = {(h.theme, h.status): h for h in check.plandata}
    assert set(by_group) == {(1112, "V"), (1112, "F"), (1115, "V")}  # the aflyst one is out
    assert by_group[(1112, "V")].area_m2 == pytest.approx(0.6 * HA)
    assert by_group[(1112, "V")].share == pytest.approx(0.6)
    assert by_group[(1112, "V")].names == ("Skov Vest", "Skov Midt")
    assert by_group[(1112, "F")].area_m2 == pytest.approx(0.2 * HA)
    assert by_group[(1115, "V")].area_m2 == pytest.approx(0.1 * HA)
    assert [h.theme for h in check.plandata] == [1112, 1112, 1115]  # adopted before proposed
    assert [h.status for h in check.plandata] == ["V", "F", "V"]
    first, second = check.mars
    assert (first.project_id, first.names, first.project_type, first.phase) == (
        "M-1", ("Ådal",), "Klima-lavbund", "Forundersøgelse")
    assert first.area_m2 == pytest.approx(0.25 * HA) and first.share == pytest.approx(0.25)
    assert (second.project_id, second.names) == (None, ("Mosen",))
    assert second.area_m2 == pytest.approx(0.05 * HA)


def test_without_a_layer_nothing_is_checked_and_with_one_nothing_found_is_empty() -> None:
    candidate = shapely.box(0, 0, 100, 100)
    assert check_designations([candidate], None, None) == [DesignationCheck(None, None)]
    assert not DesignationCheck(None, None).checked
    far = _plandata([shapely.box(500, 500, 600, 600)], [1113], ["V"])
    [check] = check_designations([candidate], far, None)
    assert check.plandata == () and check.mars is None and check.checked


def test_random_boxes_equal_plain_shapely() -> None:
    """60 candidates against 40 retningslinjer (overlapping each other) and 15 projects:
    every group's area equals the area of the union of the candidate's cuts by its members,
    computed polygon by polygon with plain shapely."""
    rng = np.random.default_rng(22)

    def boxes(n: int, size: float) -> list[shapely.Polygon]:
        xy = rng.uniform(0, 3000, (n, 2))
        wh = rng.uniform(50, size, (n, 2))
        return [shapely.box(x, y, x + w, y + h) for (x, y), (w, h) in zip(xy, wh, strict=True)]

    candidates = boxes(60, 600)
    designations = boxes(40, 900)
    themes = [int(t) for t in rng.choice([1112, 1113, 1114, 1115], 40)]
    status = [str(s) for s in rng.choice(["V", "F", "A"], 40)]
    projects = boxes(15, 700)
    ids = [f"P{k % 9}" for k in range(15)]  # some projects in two or three pieces
    found = check_designations(
        candidates, _plandata(designations, themes, status),
        _mars(projects, ids, ids, ["Lavbund"] * 15, ["Etablering"] * 15), min_area_m2=0.0)
    hits = 0
    for cand, check in zip(candidates, found, strict=True):
        want: dict[tuple[int, str], float] = {}
        for key in {(t, s) for t, s in zip(themes, status, strict=True) if s != "A"}:
            cuts = [cand.intersection(g) for g, t, s in zip(designations, themes, status,
                                                            strict=True) if (t, s) == key]
            area = shapely.union_all(cuts).area if cuts else 0.0
            if area > 0:
                want[key] = area
        assert check.plandata is not None
        got = {(h.theme, h.status): h.area_m2 for h in check.plandata}
        assert got.keys() == want.keys()
        for key, area in want.items():
            assert got[key] == pytest.approx(area, rel=1e-9)
        want_m = {}
        for pid in set(ids):
            area = shapely.union_all([cand.intersection(g) for g, i in zip(projects, ids,
                                                                           strict=True)
                                      if i == pid]).area
            if area > 0:
                want_m[pid] = area
        assert check.mars is not None
        got_m = {h.project_id: h.area_m2 for h in check.mars}
        assert got_m.keys() == want_m.keys()
        for pid, area in want_m.items():
            assert got_m[pid] == pytest.approx(area, rel=1e-9)
            assert [h.share for h in check.mars if h.project_id == pid][0] == pytest.approx(
                area / cand.area)
        hits += len(got) + len(got_m)
    assert hits > 30  # the boxes do overlap


def test_a_plandata_layer_loads_in_its_role_with_the_status_as_a_code(tmp_path: Path) -> None:
    """Published as words and a float theme code, read as ``V``/``F`` and ``"1112"``; the
    columns the analysis reads are the role's canonical fields."""
    x, y = 550_000.0, 6_320_000.0  # near Aalborg
    path = tmp_path / "retningslinjer.gpkg"
    gpd.GeoDataFrame({"temakode": [1112.0, 1113.0], "status": ["Vedtaget", "Forslag"],
                      "plannavn": ["A", "B"], "planid": [7, 8]},
                     geometry=[shapely.box(x, y, x + 10, y + 10),
                               shapely.box(x + 20, y, x + 30, y + 10)],
                     crs=25832).to_file(path)
    layer = load_layer(LayerRequest(Role.DESIGNATIONS, path))
    assert list(layer.frame["status"]) == ["V", "F"]
    assert list(layer.frame["temakode"]) == ["1112", "1113"]
    found = role_set([RolePolygons.of_layer(layer)], Role.DESIGNATIONS)
    assert found is not None and list(found.column("theme")) == [1112, 1113]
    assert set(DESIGNATION_COLUMNS.values()) <= set(layer.frame.columns)
    mars = tmp_path / "mars.gpkg"
    gpd.GeoDataFrame({"projekt_id": ["M-1"], "navn": ["Ådal"], "type": ["Lavbund"],
                      "fase": ["Etablering"]}, geometry=[shapely.box(x, y, x + 10, y + 10)],
                     crs=25832).to_file(mars)
    layer = load_layer(LayerRequest(Role.MARS_PROJECTS, mars))
    assert set(MARS_COLUMNS.values()) <= set(layer.frame.columns)


def test_a_touch_by_rounding_is_left_out_and_a_small_overlap_is_said_in_m2() -> None:
    """A designation overlapping by 0.5 m² (under :data:`MIN_OVERLAP_M2`) is not listed; the
    card's tolerance (5 m²) leaves out 4 m²; an overlap of 420 m² reads "420 m²", not a
    rounded "0,0 ha"."""
    from naturplan.core.analysis.designations import MIN_OVERLAP_M2
    from naturplan.text.designation_words import plandata_line

    candidate = shapely.box(0, 0, 100, 100)
    edge = _plandata([shapely.box(99.995, 0, 200, 100)], [1112], ["V"])  # 0.5 m²
    assert shapely.box(99.995, 0, 200, 100).intersection(candidate).area < MIN_OVERLAP_M2
    assert check_designations([candidate], edge, None)[0].plandata == ()
    small = _plandata([shapely.box(98, 0, 200, 2)], [1113], ["F"])  # 2 × 2 = 4 m²
    assert check_designations([candidate], small, None)[0].plandata != ()
    assert check_designations([candidate], small, None, min_area_m2=5.0)[0].plandata == ()
    found = _plandata([shapely.box(79, 0, 200, 20)], [1113], ["V"])  # 21 × 20 = 420 m²
    [hit] = check_designations([candidate], found, None)[0].plandata or ()
    assert plandata_line(hit, "da") == "ligger i vedtaget lavbundsareal (1113): 420 m² (4,2 %)"
    assert plandata_line(hit, "en") == "in adopted lowland area (1113): 420 m² (4.2 %)"
