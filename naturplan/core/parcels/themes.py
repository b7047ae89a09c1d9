"""What can apply to a parcel: the themes of the status card and the layers that carry them.

A theme is a role of the dataset (§3, Natura 2000, lowland, flood, forest zones, candidates)
or one of Matriklen's own restrictions that the parcel file carries in other layers
(fredskov, strandbeskyttelse, klitfredning, stormfald). Each loaded layer becomes a
:class:`ThemeLayer`: its polygons, the attributes the card shows, a class per feature (the
§3 type, the Natura 2000 kind, the carbon class, the zone) and where it came from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import pandas as pd
import shapely
from numpy.typing import NDArray

from naturplan.core.analysis.zonal import RasterGrid
from naturplan.core.geometry import GeometryArray
from naturplan.core.layers.layer import VectorLayer
from naturplan.core.layers.roles import Role

Bounds = tuple[float, float, float, float]


class Theme(StrEnum):
    """Something that can apply to a parcel, in the card's order."""

    NATURE_P3 = "nature_p3"
    NATURA2000 = "natura2000"
    FREDSKOV = "fredskov"
    STRANDBESKYTTELSE = "strandbeskyttelse"
    KLITFREDNING = "klitfredning"
    STORMFALD = "stormfald"
    LOWLAND = "lowland"
    FLOOD = "flood"
    FOREST_ZONES = "forest_zones"
    CANDIDATES = "candidates"


#: Roles whose layers are themes, and the theme each becomes.
ROLE_THEMES: dict[Role, Theme] = {
    Role.NATURE_P3: Theme.NATURE_P3,
    Role.NATURA2000: Theme.NATURA2000,
    Role.LOWLAND: Theme.LOWLAND,
    Role.FLOOD: Theme.FLOOD,
    Role.FOREST_ZONES: Theme.FOREST_ZONES,
    Role.CANDIDATES: Theme.CANDIDATES,
}

#: Matriklen's restriction layers (``Temaflade``) by the name of their layer in the parcel
#: file (case-insensitive).
CADASTRE_LAYERS: dict[str, Theme] = {
    "fredskov": Theme.FREDSKOV,
    "strandbeskyttelse": Theme.STRANDBESKYTTELSE,
    "klitfredning": Theme.KLITFREDNING,
    "stormfald": Theme.STORMFALD,
}

#: The source fields the card shows per theme (those present are kept, in this order).
THEME_FIELDS: dict[Theme, tuple[str, ...]] = {
    Theme.NATURE_P3: ("Natyp_navn", "Objekt_id", "Besig_dato", "Naturtilstand"),
    Theme.NATURA2000: ("Site_ident", "Objektnavn", "kind"),
    Theme.LOWLAND: ("carbon_class", "land_use"),
    Theme.FLOOD: ("depth_m", "DN"),
    Theme.FOREST_ZONES: ("zone",),
    Theme.CANDIDATES: ("id", "name", "kind", "status"),
    Theme.FREDSKOV: ("matrikelnummer", "temaOmfang", "areal"),
    Theme.STRANDBESKYTTELSE: ("matrikelnummer", "temaOmfang", "areal"),
    Theme.KLITFREDNING: ("matrikelnummer", "temaOmfang", "areal"),
    Theme.STORMFALD: ("matrikelnummer", "temaOmfang", "sf_Betalingsdato", "sf_Ophoersdato"),
}

#: The field whose value is a feature's class (its legal meaning may differ by class).
CLASS_FIELDS: dict[Theme, str] = {
    Theme.NATURE_P3: "Natyp_navn",
    Theme.NATURA2000: "kind",
    Theme.LOWLAND: "carbon_class",
    Theme.FOREST_ZONES: "zone",
    Theme.CANDIDATES: "kind",
}


@dataclass(frozen=True)
class SourceInfo:
    """Where a layer came from, for the card's source list.

    Attributes
    ----------
    name
        The layer's name.
    label
        ``file.gpkg:layer`` or ``file.tif``.
    description
        The source's own description (attribution, generator), may be "".
    date
        The data's date as ISO text (``2026-11-27``), or "".
    synthetic
        True for the generated sample.
    mapping
        The field mapping that read it (a known schema names its producer).
    dated_by
        Where *date* comes from: ``"data"`` (the file's own metadata, such as a
        GeoPackage layer's ``last_change``) or ``"file"`` (the file's modification time).
    """

    name: str
    label: str
    description: str = ""
    date: str = ""
    synthetic: bool = False
    mapping: str = ""
    dated_by: str = "file"

    @property
    def file(self) -> str:
        """The file's name (``file.gpkg`` of ``file.gpkg:layer``)."""
        return self.label.split(":", 1)[0]


@dataclass(frozen=True)
class ThemeLayer:
    """One layer's polygons as a theme of the status card.

    Attributes
    ----------
    theme
        What it is.
    geometries
        Polygons in EPSG:25832.
    attributes
        One row per polygon: the fields of :data:`THEME_FIELDS` the source has.
    classes
        One class per polygon ("" where the theme has none).
    source
        Where it came from.
    """

    theme: Theme
    geometries: GeometryArray
    attributes: pd.DataFrame
    classes: NDArray[np.object_]
    source: SourceInfo

    def __len__(self) -> int:
        return len(self.geometries)


@dataclass(frozen=True)
class FloodRaster:
    """A flood-depth raster (m) and how to read the cells over some bounds.

    ``read(bounds)`` gives the raster's own cells over *bounds* (None: everything); *cells*
    is the raster's size (width × height), to decide whether it may be held in memory.
    """

    source: SourceInfo
    read: Callable[[Bounds | None], RasterGrid] = field(repr=False)
    cells: int = 0


def theme_layer(theme: Theme, layer: VectorLayer, source: SourceInfo) -> ThemeLayer:
    """The theme layer of a loaded vector layer (its polygons and the card's fields)."""
    frame = layer.frame
    fields = [f for f in THEME_FIELDS[theme] if f in frame.columns]
    attributes = pd.DataFrame(frame[fields]).reset_index(drop=True)
    class_field = CLASS_FIELDS.get(theme)
    if class_field and class_field in frame.columns:
        column = frame[class_field]
        classes = np.where(column.isna().to_numpy(), "",
                           column.astype(str).str.strip().to_numpy(dtype=object))
    else:
        classes = np.full(len(frame), "", dtype=object)
    geoms = np.asarray(frame.geometry.to_numpy(), dtype=object)
    polygon = np.isin(shapely.get_type_id(geoms), (3, 6))
    if not polygon.all():
        attributes = attributes[polygon].reset_index(drop=True)
        classes, geoms = classes[polygon], geoms[polygon]
    return ThemeLayer(theme, geoms, attributes, classes, source)
