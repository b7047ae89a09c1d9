"""Layers for the web: simplified, in WGS 84, with the attributes a reader wants as text.

Geometry is simplified in EPSG:25832 (Douglas–Peucker, topology preserved) at a tolerance in
metres, reprojected to EPSG:4326 and rounded to 5 decimals (about 1 m), then written as
compact GeoJSON. Properties are pre-formatted Danish (or English) text plus the style's
category value; the page only ever puts them into the document as text.

Rasters become one PNG image overlay, warped to Web Mercator (the projection Leaflet draws in)
so the image lies where the data are, coloured with the style's ramp.
"""

from __future__ import annotations

import base64
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core import jsontext
from naturplan.core.layers.layer import RasterLayer, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.core.layers.style import LayerStyle, LineStyle, Symbol
from naturplan.export.tables.columns import (
    CANDIDATE_COLUMNS,
    CandidateRecord,
    text_value,
)
from naturplan.pagemodel.layers import ExportLayer
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_ha, format_number

#: Fields shown in popups per role (canonical names), beside the area.
POPUP_FIELDS: dict[Role, tuple[str, ...]] = {
    Role.MUNICIPALITY: ("KOMNAVN", "KOMKODE"),
    Role.PARCELS: ("ejerlavsnavn", "ejerlavskode", "matrikelnummer"),
    Role.NATURE_P3: ("Natyp_navn", "Objekt_id", "Besig_dato"),
    Role.NATURA2000: ("Objektnavn", "Site_ident", "kind"),
    Role.LOWLAND: ("carbon_class", "land_use"),
    Role.FLOOD: ("DN", "depth_m"),
    Role.FOREST_ZONES: ("zone",),
}
#: The field a tooltip shows per role.
TOOLTIP_FIELD: dict[Role, str] = {
    Role.NATURE_P3: "Natyp_navn", Role.NATURA2000: "Objektnavn", Role.CANDIDATES: "name",
    Role.FOREST_ZONES: "zone", Role.LOWLAND: "carbon_class",
}
#: English field labels (Danish in context ``export_fields``).
FIELD_LABELS = {
    "KOMNAVN": "Municipality", "KOMKODE": "Municipality code", "ejerlavsnavn": "Ejerlav",
    "ejerlavskode": "Ejerlav code", "matrikelnummer": "Parcel number",
    "Natyp_navn": "Nature type", "Objekt_id": "Object id", "Besig_dato": "Inspected",
    "Objektnavn": "Name", "Site_ident": "Site code", "kind": "Kind",
    "carbon_class": "Carbon class", "land_use": "Land use", "DN": "Flood class",
    "depth_m": "Depth (m)", "zone": "Afforestation", "_area": "Area", "_source": "Source",
}
#: Candidate columns shown in popups (keys of CANDIDATE_COLUMNS); an empty value (not
#: measured, or not for the candidate's kind) is left out of the popup.
CANDIDATE_POPUP = ("name", "kind", "status", "area_ha", "new_nature_ha",
                   "counts_toward_target", "firefighter", "co2e_t_per_year", "klima_lavbund",
                   "sequestration_t_per_year", "conflict_nature_p3_ha", "conflict_natura2000_ha",
                   "conflict_organic_soil_ha", "conflict_unwanted_forest_ha",
                   "conflict_flood_ha", "flood_pct", "flood_max_depth_m", "delta_eca_ha",
                   "joins_municipalities", "note")


def _safe_json(value: Any) -> str:
    """Compact JSON that cannot end an inline script (``<``, ``>``, ``&`` escaped)."""
    text = jsontext.dumps(value, separators=(",", ":"), ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def web_symbol(symbol: Symbol) -> dict[str, Any]:
    """A style's symbol in Leaflet's terms (hatches become a light fill: Leaflet has no
    pattern fills)."""
    hatch = symbol.pattern.value in ("hatch", "cross")
    dash = {LineStyle.DASH: "6 4", LineStyle.DOT: "2 3"}.get(symbol.line_style)
    return {
        "fill": symbol.fill,
        "fillOpacity": symbol.fill_opacity * (0.3 if hatch else 1.0),
        "filled": symbol.pattern.value != "none",
        "outline": symbol.outline,
        "weight": max(symbol.line_width, 0.5),
        "stroke": symbol.line_style is not LineStyle.NONE,
        "dash": dash,
    }


def web_geometries(geoms: NDArray[np.object_], tolerance_m: float) -> list[str]:
    """GeoJSON geometry texts of *geoms* (EPSG:25832), simplified by *tolerance_m* metres,
    in EPSG:4326 with 5 decimals."""
    from pyproj import Transformer

    simple = shapely.simplify(geoms, tolerance_m, preserve_topology=True)
    transformer = Transformer.from_crs(25832, 4326, always_xy=True)

    def to_wgs84(xy: NDArray[np.float64]) -> NDArray[np.float64]:
        lon, lat = transformer.transform(xy[:, 0], xy[:, 1])
        return np.round(np.column_stack([lon, lat]), 5)

    return list(shapely.to_geojson(shapely.transform(simple, to_wgs84)))


def vertex_count(geoms: NDArray[np.object_], tolerance_m: float) -> int:
    """Vertices left after simplifying *geoms* by *tolerance_m* (for the size budget)."""
    simple = shapely.simplify(geoms, tolerance_m, preserve_topology=True)
    return int(shapely.get_num_coordinates(simple).sum())


@dataclass(frozen=True)
class WebLayer:
    """One layer ready for the page: its config (style, fields) and its GeoJSON text."""

    config: dict[str, Any]
    geojson: str
    features: int


def layer_config(entry: ExportLayer, fields: Sequence[tuple[str, str]], lang: str,
                 tooltip: str | None) -> dict[str, Any]:
    """The page's description of a layer: title, style classes, popup fields."""
    style = entry.style
    return {
        "title": entry.title(lang),
        "role": entry.layer.role.value,
        "field": style.category_field or None,
        "classes": {c.value: web_symbol(c.symbol) for c in style.categories},
        "symbol": web_symbol(style.symbol),
        "opacity": style.opacity,
        "fields": [list(f) for f in fields],
        "tooltip": tooltip,
    }


def vector_web_layer(entry: ExportLayer, tolerance_m: float, lang: str) -> WebLayer:
    """A vector layer's features with their popup text."""
    layer = entry.layer
    assert isinstance(layer, VectorLayer)
    frame = layer.frame
    style = entry.style
    wanted = [f for f in POPUP_FIELDS.get(layer.role, ()) if f in frame.columns]
    labels = {c.value: c.label.get(lang) for c in style.categories}
    columns = {f: frame[f].astype(object).where(frame[f].notna(), None).tolist() for f in wanted}
    raw = (frame[style.category_field].astype("string").fillna("").tolist()
           if style.category_field in frame.columns else None)
    areas = shapely.area(frame.geometry.to_numpy())
    source = tr(lang, "labels", "synthetic example") if entry.synthetic else None
    props = []
    for i in range(len(frame)):
        p: dict[str, Any] = {}
        for f in wanted:
            value = columns[f][i]
            p[f] = labels.get(str(value), value) if f == style.category_field else value
            if isinstance(p[f], float | np.floating):
                p[f] = round(float(p[f]), 3)
            elif p[f] is not None and not isinstance(p[f], int | str):
                p[f] = str(p[f])
        if raw is not None:
            p["_c"] = raw[i]
        p["_area"] = format_ha(areas[i], 2, lang)
        if source:
            p["_source"] = source
        props.append(p)
    fields = [(f, tr(lang, "export_fields", FIELD_LABELS.get(f, f)))
              for f in [*wanted, "_area", "_source"]]
    config = layer_config(entry, fields, lang, TOOLTIP_FIELD.get(layer.role))
    if raw is not None:
        config["field"] = "_c"
    return WebLayer(config, _collection(layer.frame.geometry.to_numpy(), props, tolerance_m),
                    len(frame))


def candidate_web_layer(entry: ExportLayer, records: Sequence[CandidateRecord],
                        tolerance_m: float, lang: str) -> WebLayer:
    """The candidates with the candidate table's columns in their popups."""
    columns = [c for c in CANDIDATE_COLUMNS if c.key in CANDIDATE_POPUP]
    props = []
    for record in records:
        p: dict[str, Any] = {"_c": record.candidate.kind.value}
        for column in columns:
            value = text_value(column, record, lang)
            if value is None or value == "" or (column.key.startswith("conflict_")
                                                and value == 0):
                continue  # not measured, not for this kind, no such conflict, or no text
            if column.type.value in ("area", "number", "percent"):
                value = format_number(value, column.decimals, lang)  # the label has the unit
            p[column.key] = value
        props.append(p)
    fields = [(c.key, c.title(lang)) for c in columns]
    config = layer_config(entry, fields, lang, "name")
    config["field"] = "_c"
    geoms = np.array([r.candidate.geometry for r in records], dtype=object)
    return WebLayer(config, _collection(geoms, props, tolerance_m), len(records))


def _collection(geoms: NDArray[np.object_], props: Sequence[dict[str, Any]],
                tolerance_m: float) -> str:
    texts = web_geometries(geoms, tolerance_m) if len(geoms) else []
    features = [
        f'{{"type":"Feature","geometry":{g},"properties":{_safe_json(p)}}}'
        for g, p in zip(texts, props, strict=True) if g is not None
    ]
    return '{"type":"FeatureCollection","features":[' + ",".join(features) + "]}"


def raster_overlay(layer: RasterLayer, style: LayerStyle,
                   max_px: int = 1600) -> tuple[str, list[list[float]]] | None:
    """The raster as a PNG data URI warped to Web Mercator and its lat/lon bounds, or None
    when the style has no ramp."""
    from rasterio.errors import NotGeoreferencedWarning
    from rasterio.io import MemoryFile
    from rasterio.transform import from_bounds
    from rasterio.warp import Resampling, calculate_default_transform, reproject

    from naturplan.core.layers.style import ramp_rgba
    from naturplan.io.raster import read_window

    if style.ramp is None:
        return None
    minx, miny, maxx, maxy = layer.bounds
    scale = max_px / max(maxx - minx, maxy - miny)
    rows, cols = max(1, int((maxy - miny) * scale)), max(1, int((maxx - minx) * scale))
    values = read_window(layer, layer.bounds, out_shape=(rows, cols)).astype("float32")
    src_transform = from_bounds(minx, miny, maxx, maxy, cols, rows)
    transform, width, height = calculate_default_transform(
        "EPSG:25832", "EPSG:3857", cols, rows, minx, miny, maxx, maxy)
    warped = np.full((height, width), np.nan, dtype="float32")
    reproject(values, warped, src_transform=src_transform, src_crs="EPSG:25832",
              dst_transform=transform, dst_crs="EPSG:3857", src_nodata=np.nan,
              dst_nodata=np.nan, resampling=Resampling.nearest)
    rgba = ramp_rgba(warped.astype(float), style.ramp)
    with warnings.catch_warnings(), MemoryFile() as memory:
        # a PNG has no georeference; the overlay's bounds place it
        warnings.simplefilter("ignore", NotGeoreferencedWarning)
        with memory.open(driver="PNG", width=width, height=height, count=4,
                         dtype="uint8") as png:
            png.write(np.moveaxis(rgba, -1, 0))
        data = memory.read()
    left, top = transform * (0, 0)
    right, bottom = transform * (width, height)
    from pyproj import Transformer

    to_wgs84 = Transformer.from_crs(3857, 4326, always_xy=True)
    west, south = to_wgs84.transform(left, bottom)
    east, north = to_wgs84.transform(right, top)
    uri = "data:image/png;base64," + base64.b64encode(data).decode("ascii")
    return uri, [[south, west], [north, east]]
