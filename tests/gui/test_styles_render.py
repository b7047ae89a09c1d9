"""Style files parse, bad ones fail clearly; the renderer's geometry conversion is exact."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from naturplan.core.layers.roles import Role
from naturplan.io.styles import StyleError, load_style, load_styles, parse_style


def test_every_role_has_a_style_file():
    styles = load_styles()
    assert set(styles) == set(Role)
    p3 = styles[Role.NATURE_P3]
    assert p3.category_field == "Natyp_navn"
    assert set(p3.category_values()) == {"Sø", "Mose", "Eng", "Strandeng", "Overdrev", "Hede"}
    assert len({c.symbol.fill for c in p3.categories}) == 6
    assert styles[Role.FLOOD].ramp is not None
    assert {c.value for c in styles[Role.CANDIDATES].categories} == {
        "lowland", "afforestation", "connectivity", "restore"}


@pytest.mark.parametrize(
    "data, needle",
    [
        ({"opacity": 2}, "between 0 and 1"),
        ({"symbol": {"fill": "green"}}, "colour"),
        ({"colour": "#fff"}, "unknown key"),
        ({"ramp": {"stops": [{"value": 2, "color": "#000000"},
                             {"value": 1, "color": "#ffffff"}]}}, "sorted"),
        ({"categories": {"values": []}}, "'field'"),
    ],
)
def test_bad_style_is_reported(data, needle):
    with pytest.raises(StyleError, match=needle):
        parse_style("nature_p3", data, "nature_p3.toml")


def test_invalid_toml_names_the_file(tmp_path):
    (tmp_path / "parcels.toml").write_text("opacity = = 1\n")
    with pytest.raises(StyleError, match="parcels.toml"):
        load_style(Role.PARCELS, tmp_path)


def test_shapes_keep_every_vertex_and_hole(qapp):
    from PySide6.QtGui import QPainterPath, QPolygonF

    from naturplan.render.geometry import shapes_from_geometries

    square = shapely.box(0, 0, 10, 10)
    holed = shapely.Polygon(square.exterior.coords, [shapely.box(2, 2, 4, 4).exterior.coords])
    multi = shapely.MultiPolygon([shapely.box(20, 0, 21, 1), shapely.box(30, 0, 31, 1)])
    shapes = shapes_from_geometries(np.array([square, holed, multi], dtype=object))
    assert isinstance(shapes[0], QPolygonF)
    assert [(p.x(), p.y()) for p in shapes[0]] == list(square.exterior.coords)
    assert isinstance(shapes[1], QPainterPath) and isinstance(shapes[2], QPainterPath)
    assert not shapes[1].contains(shapes[1].boundingRect().center().__class__(3, 3))
    assert shapes[1].contains(shapes[1].boundingRect().center().__class__(8, 8))
    assert shapes[2].boundingRect().width() == pytest.approx(11)


def test_ramp_colours_and_transparency():
    from naturplan.render.raster import apply_ramp

    ramp = load_styles()[Role.FLOOD].ramp
    values = np.array([[np.nan, 0.0, 0.05, 2.0, 5.0]])
    rgba = apply_ramp(values, ramp)
    assert rgba[0, 0, 3] == 0 and rgba[0, 1, 3] == 0  # nodata and dry land
    assert rgba[0, 2, 3] > 0 and tuple(rgba[0, 3, :3]) == (8, 48, 107)
    assert tuple(rgba[0, 4]) == tuple(rgba[0, 3])  # beyond the last stop: the last colour


def test_label_rules_parse_and_bad_ones_are_reported():
    styles = load_styles()
    parcels = styles[Role.PARCELS].labels
    assert [(r.field, r.max_scale) for r in parcels][0] == ("matrikelnummer", 10_000)
    ejerlav = parcels[1]
    assert ejerlav.group and not ejerlav.visible_at(10_000) and ejerlav.visible_at(10_001)
    assert parcels[0].visible_at(10_000) and not parcels[0].visible_at(10_001)
    with pytest.raises(StyleError, match="unknown key"):
        parse_style("parcels", {"labels": [{"field": "x", "colour": "#000000"}]}, "p.toml")
    with pytest.raises(StyleError, match="'field'"):
        parse_style("parcels", {"labels": [{"size": 8}]}, "p.toml")
    with pytest.raises(StyleError, match="true or false"):
        parse_style("parcels", {"labels": [{"field": "x", "group": "yes"}]}, "p.toml")


def _ngon(cx: float, cy: float, r: float, n: int) -> shapely.Polygon:
    angles = np.linspace(0, 2 * np.pi, n, endpoint=False)
    return shapely.Polygon(np.column_stack([cx + r * np.cos(angles), cy + r * np.sin(angles)]))


def test_few_vertex_features_are_built_once_for_every_level(qapp):
    from naturplan.render.geometry import GeometryIndex

    index = GeometryIndex(np.array([shapely.box(0, 0, 10, 10), _ngon(100, 0, 50, 200)],
                                   dtype=object))
    both = np.array([0, 1])
    fine = index.shapes(both, 0, 1.0)
    coarse = index.shapes(both, 8, 16.0, borrow=False)
    assert fine[0] is coarse[0]  # the square: one shape at every level
    assert fine[1] is not coarse[1]  # the 200-gon: simplified per level
    assert coarse[1].size() < fine[1].size() <= 201
    # drawn shapes stay within a pixel (tolerance 0.6 px) of the true outline
    ring = shapely.LinearRing([(p.x(), p.y()) for p in coarse[1]])
    assert shapely.hausdorff_distance(ring, index.geometries[1].exterior) <= 0.6 * 16.0 + 1e-6


def test_a_new_level_borrows_a_built_one_and_prepare_builds_ahead(qapp):
    from naturplan.render.geometry import GeometryIndex

    polys = np.array([_ngon(i * 200.0, 0, 50, 120) for i in range(20)], dtype=object)
    index = GeometryIndex(polys)
    everything = np.arange(20)
    at5 = index.shapes(everything, 5, np.sqrt(2) ** 5)
    assert index.built_levels() == [5]
    borrowed = index.shapes(everything, 6, np.sqrt(2) ** 6)  # one step coarser: borrowed
    assert all(a is b for a, b in zip(at5, borrowed, strict=True))
    assert index.built_levels() == [5]
    index.shapes(everything, 9, np.sqrt(2) ** 9)  # four steps coarser: built
    assert sorted(index.built_levels()) == [5, 9]
    built = index.prepare(everything, [3, 4])
    assert built == 40 and sorted(index.built_levels()) == [3, 4, 5, 9]
    assert index.prepare(everything, [3, 4]) == 0  # nothing left to do
    assert index.prepare(everything, [2], cancelled=lambda: True) == 0


def test_label_points_lie_inside_their_feature(qapp):
    from naturplan.render.geometry import GeometryIndex

    u_shape = shapely.Polygon([(0, 0), (30, 0), (30, 30), (20, 30), (20, 10), (10, 10),
                               (10, 30), (0, 30)])  # its centroid lies outside it
    index = GeometryIndex(np.array([u_shape, shapely.Polygon()], dtype=object))
    points = index.label_points(np.array([0, 1]))
    assert u_shape.contains(shapely.Point(points[0]))
    assert np.isnan(points[1]).all()
