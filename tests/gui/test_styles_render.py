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
        "lowland", "afforestation", "connectivity"}


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
