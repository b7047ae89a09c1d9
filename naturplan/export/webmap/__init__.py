"""The self-contained interactive web map (folium, Leaflet inlined, escaped popups)."""

from naturplan.export.webmap.page import MAX_BYTES, WebMapReport, build_webmap, export_webmap

__all__ = ["MAX_BYTES", "WebMapReport", "build_webmap", "export_webmap"]
