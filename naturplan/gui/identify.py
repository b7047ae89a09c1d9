"""Identify: everything at a map point in every visible layer, with the source attributes."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDockWidget, QTreeWidget, QTreeWidgetItem, QWidget

from naturplan.core.layers.layer import RasterLayer, VectorLayer
from naturplan.gui.map.map_layers import MapLayerList
from naturplan.io.raster import sample_at
from naturplan.render import MapRenderer
from naturplan.render.geometry import GeometryIndex
from naturplan.text.numbers import format_ha, format_number

#: shapely's type ids of Polygon and MultiPolygon.
POLYGON_TYPE_IDS = (3, 6)


@dataclass(frozen=True)
class IdentifyHit:
    """One feature (or raster cell) at the point: its layer and its attributes as text."""

    layer_title: str
    role: str
    source: str
    attributes: list[tuple[str, str]] = field(default_factory=list)
    synthetic: bool = False


#: Source fields that hold an area in square metres (the cadastre's registered area, the
#: Miljøportal's ``Shape_area``): shown with their unit, m² and ha.
AREA_FIELDS_M2 = frozenset({"registreretareal", "shape_area", "areal_m2", "arealm2"})


def area_text(m2: float, lang: str = "da") -> str:
    """An area with its units: ``12.345 m² (1,23 ha)`` in Danish."""
    return f"{format_number(m2, 0, lang)} m² ({format_ha(m2, 2, lang)})"


def _text(value: object, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return format_number(value, 2 if abs(value) < 1000 else 0, lang)
    try:
        import pandas as pd

        if pd.isna(value):  # type: ignore[arg-type]
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


#: How far from a point or line feature a click still hits it, in screen pixels (turned
#: into metres by the canvas' resolution: :func:`tolerance_m`).
TOLERANCE_PX = 5.0


def tolerance_m(resolution: float, pixels: float = TOLERANCE_PX) -> float:
    """*pixels* on screen in metres on the map, at *resolution* (m per pixel)."""
    return pixels * resolution


def identify_at(
    layers: MapLayerList, renderer: MapRenderer, x: float, y: float, lang: str = "da",
    tolerance: float = 0.0,
) -> list[IdentifyHit]:
    """Every visible layer's features at (x, y), top layer first.

    Polygons are hit when they contain the point; points and lines when they lie within
    *tolerance* metres of it (a click cannot land exactly on an address point), nearest
    first; a raster reports its value there.
    """
    hits: list[IdentifyHit] = []
    for entry in reversed(list(layers)):
        if not entry.visible:
            continue
        layer = entry.layer
        title = entry.style.title.get(lang)
        if isinstance(layer, RasterLayer):
            value = sample_at(layer, x, y)
            if value is not None:
                unit = entry.style.ramp.unit if entry.style.ramp else layer.units
                text = f"{_text(float(value), lang)} {unit}".strip()
                hits.append(IdentifyHit(title, layer.role.value, layer.source.label,
                                        [(_value_label(), text)], layer.source.synthetic))
            continue
        assert isinstance(layer, VectorLayer)
        positions = _positions_at(renderer.index_for(layer), layer, x, y, tolerance)
        if len(positions) == 0:
            continue
        rows = layer.frame.iloc[positions]
        columns = [c for c in rows.columns if c != rows.geometry.name]
        geoms = rows.geometry.to_numpy()
        areas = shapely.area(geoms)  # EPSG:25832: m²
        polygonal = np.isin(shapely.get_type_id(geoms), POLYGON_TYPE_IDS)
        for (_, row), area, has_area in zip(rows.iterrows(), areas, polygonal, strict=True):
            attrs = [(str(c), _attribute_text(str(c), row[c], lang)) for c in columns]
            if has_area:  # an address point's "0 m²" says nothing
                attrs.append((_area_label(), area_text(float(area), lang)))
            hits.append(IdentifyHit(title, layer.role.value, layer.source.label,
                                    [(k, v) for k, v in attrs if v != ""],
                                    layer.source.synthetic))
    return hits


def _positions_at(index: GeometryIndex, layer: VectorLayer, x: float, y: float,
                  tolerance: float) -> np.ndarray:
    """The positions of *layer*'s polygons that contain (x, y) and of its other features
    within *tolerance* metres, polygons first, then the others by distance."""
    if tolerance <= 0:
        return index.at_point(x, y)
    near = index.at_point(x, y, tolerance)
    if len(near) == 0:
        return near
    point = shapely.Point(x, y)
    geoms = layer.frame.geometry.to_numpy()[near]
    polygonal = np.isin(shapely.get_type_id(geoms), POLYGON_TYPE_IDS)
    hit = ~polygonal | shapely.intersects(geoms, point)
    order = np.argsort(shapely.distance(geoms[hit], point), kind="stable")
    return near[hit][order]


def _attribute_text(name: str, value: object, lang: str) -> str:
    """A source value as text; a known area field with its units."""
    if name.lower() in AREA_FIELDS_M2:
        try:
            number = float(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return _text(value, lang)
        return "" if math.isnan(number) else area_text(number, lang)
    return _text(value, lang)


def _area_label() -> str:
    return QCoreApplication.translate("IdentifyDock", "Area (calculated from the map)")


def _sample_label() -> str:
    # The layer panel's own "synthetic sample" entry in the translations.
    return QCoreApplication.translate("LayersDock", "synthetic sample")


def _value_label() -> str:
    # The dock's own "Value" entry in the translations (same context and source text).
    return QCoreApplication.translate("IdentifyDock", "Value")


class IdentifyDock(QDockWidget):
    """The results of the last identify click, grouped by layer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Identify"), parent)
        self.setObjectName("identify_dock")
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setColumnWidth(0, 150)
        self.setWidget(self.tree)
        self.hits: list[IdentifyHit] = []

    def show_hits(self, x: float, y: float, hits: list[IdentifyHit], lang: str = "da") -> None:
        self.hits = hits
        self.tree.clear()
        where = QTreeWidgetItem(
            [self.tr("Point (EPSG:25832)"),
             f"{format_number(x, 0, lang)}  {format_number(y, 0, lang)}"]
        )
        self.tree.addTopLevelItem(where)
        if not hits:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("Nothing here"), ""]))
        for hit in hits:
            # A case worker must never take a sample for the register: say it on every hit.
            tag = f" · {_sample_label()}" if hit.synthetic else ""
            head = QTreeWidgetItem([hit.layer_title, f"{hit.source}{tag}"])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            for key, value in hit.attributes:
                child = QTreeWidgetItem([key, value])
                child.setToolTip(1, value)
                head.addChild(child)
            self.tree.addTopLevelItem(head)
            head.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        self.raise_()

    def all_text(self) -> str:
        """Every label and value shown (tests)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            out += [item.text(0), item.text(1)]
            for j in range(item.childCount()):
                out += [item.child(j).text(0), item.child(j).text(1)]
        return "\n".join(out)


__all__ = ["IdentifyDock", "IdentifyHit", "identify_at"]
