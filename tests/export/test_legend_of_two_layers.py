"""Two layers of one role and style (the sample's §3 nature of Aalborg and of its neighbours
in a plan area, issue 22 item 3) give one legend group, not the same title twice; its rows
are the types of both, in the style's order; other roles keep their own groups."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
from shapely.geometry import box

from naturplan.core.layers.layer import LayerSource, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.export.legend import legend_groups
from naturplan.io.styles import load_style
from naturplan.pagemodel.layers import ExportLayer


def _layer(role: Role, types: list[str], name: str) -> VectorLayer:
    field = "Natyp_navn" if role is Role.NATURE_P3 else "carbon_class"
    frame = gpd.GeoDataFrame({field: types},
                             geometry=[box(i * 10, 0, i * 10 + 5, 5) for i in range(len(types))],
                             crs=25832)
    return VectorLayer(role=role, frame=frame, name=name,
                       source=LayerSource(Path(f"{name}.gpkg"), synthetic=True))


def test_two_layers_of_a_role_make_one_group_in_the_styles_order() -> None:
    style = load_style(Role.NATURE_P3)
    layers = [ExportLayer(_layer(Role.NATURE_P3, ["Mose", "Sø"], "aalborg"), style),
              ExportLayer(_layer(Role.NATURE_P3, ["Eng", "Mose"], "naboer"), style),
              ExportLayer(_layer(Role.LOWLAND, [">12"], "lavbund"), load_style(Role.LOWLAND))]
    groups = legend_groups(layers, None, "da")
    titles = [g.title for g in groups]
    assert titles == ["Lavbundsjord (kulstof) (syntetisk eksempel)",
                      "Beskyttet natur (§3) (syntetisk eksempel)"]
    p3 = groups[1]
    # the style lists Sø, Mose, Eng … in this order (styles/nature_p3.toml)
    assert [row.label.get("da") for row in p3.entries] == ["Sø", "Mose", "Eng"]
