"""The parcel card shows each §3 feature's condition (issue 25 item 1): three hand-made §3
features on one parcel, of class II, IV and none."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from naturplan.core.layers.layer import LayerSource, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.core.parcels.context import ParcelContext
from naturplan.core.parcels.themes import SourceInfo, Theme, theme_layer
from naturplan.export.parcel_card import card_text


def test_each_p3_feature_says_its_condition_and_an_unassessed_one_says_so():
    parcel = gpd.GeoDataFrame({"ejerlavskode": [1], "ejerlavsnavn": ["Test By"],
                               "matrikelnummer": ["7a"], "registreretAreal": [10000]},
                              geometry=[shapely.box(1000, 2000, 1100, 2100)], crs=25832)
    p3 = VectorLayer(Role.NATURE_P3, gpd.GeoDataFrame(
        pd.DataFrame({"Natyp_navn": ["Eng", "Mose", "Hede"], "Objekt_id": ["a", "b", "c"],
                      "Naturtilstand": ["II", 4, None]}),
        geometry=[shapely.box(1000 + 30 * k, 2000, 1020 + 30 * k, 2100) for k in range(3)],
        crs=25832), LayerSource(path=Path("p3.gpkg")))
    context = ParcelContext(parcel, SourceInfo("parcels", "parcels.gpkg"),
                            [theme_layer(Theme.NATURE_P3, p3, SourceInfo("§3", "p3.gpkg"))])
    text = "\n".join(card_text(context.card(0), {}, "da").lines())
    assert "naturtilstand II (god)" in text
    assert "naturtilstand IV (ringe)" in text
    assert "naturtilstand ikke vurderet" in text
    english = "\n".join(card_text(context.card(0), {}, "en").lines())
    assert "condition II (good)" in english and "condition not assessed" in english
