"""The interactive web map: one self-contained HTML file made with folium.

It opens from an e-mail with the network off: Leaflet and naturplan's own script are inlined
(:mod:`naturplan.export.webmap.assets`), folium's CDN links (Leaflet, jQuery, Bootstrap,
awesome-markers) are left out, no basemap tiles are loaded unless asked for, and the data are
JSON inside the page. Every text from a data file reaches the page as text (popups and
tooltips through ``textContent``; the legend, ledger and attribution boxes escaped here).

Size: the whole municipality must stay under :data:`MAX_BYTES`. Layers with more than
:data:`MAX_WEB_FEATURES` features (the 100,000 parcels) are left out and named in the map's
notes; the rest are simplified with the smallest tolerance (from 2 m, doubling) whose
estimated size fits the budget.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import folium
from branca.element import Element, MacroElement
from folium.map import Layer
from folium.template import Template

from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.layers.layer import RasterLayer, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.export.attribution import attributions, format_date
from naturplan.export.ledger_table import ledger_table
from naturplan.export.legend import legend_groups
from naturplan.export.model import PlanData
from naturplan.export.webmap.assets import WebAssets, web_assets
from naturplan.export.webmap.features import (
    WebLayer,
    candidate_web_layer,
    raster_overlay,
    vector_web_layer,
    vertex_count,
)
from naturplan.export.webmap.html_boxes import (
    attribution_html,
    ledger_html,
    legend_html,
    notes_html,
    sources_html,
    title_html,
)
from naturplan.io import verify
from naturplan.io.atomic import check_writable, write_file
from naturplan.pagemodel.layers import ExportLayer
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_number

#: The page must stay below this size (issue 10: the whole municipality under 10 MB).
MAX_BYTES = 9_500_000
#: A layer with more features than this is left out of the web map (and named in its notes).
MAX_WEB_FEATURES = 25_000
#: Bytes per vertex and per feature in the page, for the size estimate.
_BYTES_PER_VERTEX = 20
_BYTES_PER_FEATURE = 260


@dataclass
class WebMapReport:
    """What the export wrote.

    Attributes
    ----------
    path
        The HTML file.
    size
        Its size in bytes.
    layers
        Title → features on the page.
    left_out
        Titles of layers left out (too many features for a web page).
    tolerance_m
        The simplification tolerance used (metres).
    """

    path: Path
    size: int = 0
    layers: dict[str, int] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)
    tolerance_m: float = 0.0


class _Inline(Element):
    """The inlined style sheets and scripts at the top of the page."""

    def __init__(self, assets: WebAssets) -> None:
        super().__init__(
            f"<style>{assets.leaflet_css}</style>\n<style>{assets.app_css}</style>\n"
            f"<script>/* Leaflet {assets.leaflet_version} */\n{assets.leaflet_js}</script>\n"
            f"<script>{assets.app_js}</script>"
        )


class NaturplanLayer(Layer):
    """A naturplan vector layer on a folium map (listed in the layer control)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = naturplan.layer({{ this.config|tojson }}, {{ this.geojson }});
        {% endmacro %}
        """
    )

    def __init__(self, web: WebLayer, name: str, show: bool = True) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "NaturplanLayer"
        self.config = web.config
        self.geojson = web.geojson


class RasterOverlay(Layer):
    """A raster layer as one image (a data URI) in its lat/lon bounds."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.imageOverlay({{ this.uri|tojson }},
            {{ this.bounds|tojson }}, {opacity: {{ this.opacity|tojson }}});
        {% endmacro %}
        """
    )

    def __init__(self, uri: str, bounds: list[list[float]], opacity: float, name: str) -> None:
        super().__init__(name=name, overlay=True, control=True, show=True)
        self._name = "RasterOverlay"
        self.uri, self.bounds, self.opacity = uri, bounds, opacity


class Box(MacroElement):
    """A box in a corner of the map; *html* is escaped by whoever made it."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        naturplan.box({{ this._parent.get_name() }}, {{ this.position|tojson }},
                      {{ this.css_class|tojson }}, {{ this.html|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, position: str, css_class: str, html_text: str) -> None:
        super().__init__()
        self._name = "Box"
        self.position, self.css_class, self.html = position, css_class, html_text


class _Finish(MacroElement):
    """Attribution lines (escaped) and the view over the municipality."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.attributionControl.setPrefix({{ this.prefix|tojson }});
        {% for line in this.lines %}
        {{ this._parent.get_name() }}.attributionControl.addAttribution({{ line|tojson }});
        {% endfor %}
        L.control.scale({imperial: false}).addTo({{ this._parent.get_name() }});
        {{ this._parent.get_name() }}.fitBounds({{ this.bounds|tojson }});
        {% endmacro %}
        """
    )

    def __init__(self, prefix: str, lines: Sequence[str], bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "Finish"
        self.prefix, self.lines, self.bounds = prefix, list(lines), bounds


def choose_tolerance(entries: Sequence[ExportLayer], budget: int) -> float:
    """The smallest tolerance (2 m, doubling, at most 256 m) whose estimated page fits."""
    vectors = [e.layer for e in entries if isinstance(e.layer, VectorLayer)]
    tolerance = 2.0
    while tolerance < 256:
        size = sum(
            _BYTES_PER_VERTEX * vertex_count(layer.frame.geometry.to_numpy(), tolerance)
            + _BYTES_PER_FEATURE * len(layer.frame)
            for layer in vectors
        )
        if size <= budget:
            break
        tolerance *= 2
    return tolerance


#: Roles never put on the web map.
NOT_ON_THE_WEB = frozenset({Role.ROADS})


def build_webmap(
    layers: Sequence[ExportLayer],
    data: PlanData,
    lang: str = "da",
    title: str = "",
    subtitle: str = "",
    feedback: Feedback | None = None,
    budget: int = MAX_BYTES - 600_000,
) -> tuple[str, WebMapReport]:
    """The page's HTML and a report (without path and size).

    Raises
    ------
    ExportError
        If Leaflet's package or naturplan's web files are missing.
    OperationCancelled
        If *feedback* is cancelled.
    """
    fb = as_feedback(feedback)
    assets = web_assets()
    report = WebMapReport(Path())
    # The roads are there for walking distance (issue 25), not for the council's map: every
    # street of the municipality as a feature with a popup only buries the plan (and a
    # browser opening thousands of popups); the basemap shows the roads.
    shown = [e for e in layers if e.visible and e.layer.role not in NOT_ON_THE_WEB]
    on_page = []
    for entry in shown:
        if isinstance(entry.layer, VectorLayer) and len(entry.layer.frame) > MAX_WEB_FEATURES:
            report.left_out.append(entry.title(lang))
        else:
            on_page.append(entry)
    report.tolerance_m = choose_tolerance(on_page, budget)
    bounds = _latlon_bounds(data.dataset.municipality.geometry.bounds)
    fmap = folium.Map(location=[(bounds[0][0] + bounds[1][0]) / 2,
                                (bounds[0][1] + bounds[1][1]) / 2],
                      zoom_start=10, tiles=None, prefer_canvas=True)
    fmap.default_js, fmap.default_css = [], []  # nothing from a CDN
    fmap.get_root().header.add_child(_Inline(assets), name="naturplan_assets", index=0)
    fmap.get_root().title = html.escape(title or tr(lang, "export", "Nature plan"))
    for i, entry in enumerate(on_page):
        fb.check()
        fb.report(0.1 + 0.7 * i / max(len(on_page), 1), entry.title(lang))
        _add_layer(fmap, entry, data, report, lang)
    folium.LayerControl(collapsed=False).add_to(fmap)
    _add_boxes(fmap, shown, on_page, data, report, lang, title, subtitle)
    fmap.add_child(_Finish(f"Leaflet {html.escape(assets.leaflet_version)} | naturplan", [],
                           bounds))
    fb.report(0.9, "HTML")
    return fmap.get_root().render(), report


def _add_layer(fmap: folium.Map, entry: ExportLayer, data: PlanData, report: WebMapReport,
               lang: str) -> None:
    name = html.escape(entry.title(lang))  # Leaflet's layer control shows names as HTML
    if isinstance(entry.layer, RasterLayer):
        overlay = raster_overlay(entry.layer, entry.style)
        if overlay is not None:
            fmap.add_child(RasterOverlay(overlay[0], overlay[1], entry.style.opacity, name))
            report.layers[entry.title(lang)] = 1
        return
    if entry.layer.role is Role.CANDIDATES:
        web = candidate_web_layer(entry, data.records(), report.tolerance_m, lang)
    else:
        web = vector_web_layer(entry, report.tolerance_m, lang)
    fmap.add_child(NaturplanLayer(web, name))
    report.layers[entry.title(lang)] = web.features


def _add_boxes(fmap: folium.Map, shown: Sequence[ExportLayer],
               on_page: Sequence[ExportLayer], data: PlanData, report: WebMapReport,
               lang: str, title: str, subtitle: str) -> None:
    muni = data.dataset.municipality
    from naturplan.export.layout.page import plan_heading

    heading = title or plan_heading(muni, lang)
    sub = subtitle or format_date(data.today, lang)
    fmap.add_child(Box("topleft", "np-title", title_html(heading, sub)))
    groups = legend_groups(on_page, muni.geometry.bounds, lang)
    fmap.add_child(Box("topright", "np-legend", legend_html(groups, lang)))
    fmap.add_child(Box("bottomleft", "np-ledger", ledger_html(ledger_table(data, lang))))
    notes = [tr(lang, "export", "Coordinates EPSG:4326 (shown); measured in EPSG:25832.")]
    notes += [tr(lang, "export", "{title}: {count} features, too many for a web map; left out.",
                 title=t, count=_count(shown, t, lang)) for t in report.left_out]
    notes.append(tr(lang, "export", "Geometry simplified by {m} m for the web.",
                    m=format_number(report.tolerance_m, 0, lang)))
    synthetic = [e.title(lang) for e in shown if e.synthetic]
    fmap.add_child(Box("bottomright", "np-notes", sources_html(
        tr(lang, "export", "Sources and notes"),
        notes_html(notes, synthetic, lang)
        + attribution_html(attributions(shown, lang, today=data.today)))))


def _count(shown: Sequence[ExportLayer], title: str, lang: str) -> str:
    for e in shown:
        if e.title(lang) == title and isinstance(e.layer, VectorLayer):
            return format_number(len(e.layer.frame), 0, lang)
    return "?"


def _latlon_bounds(bounds: tuple[float, float, float, float]) -> list[list[float]]:
    from pyproj import Transformer

    t = Transformer.from_crs(25832, 4326, always_xy=True)
    xs = [bounds[0], bounds[2], bounds[0], bounds[2]]
    ys = [bounds[1], bounds[1], bounds[3], bounds[3]]
    lon, lat = t.transform(xs, ys)
    return [[min(lat), min(lon)], [max(lat), max(lon)]]


def export_webmap(path: Path, layers: Sequence[ExportLayer], data: PlanData,
                  lang: str = "da", title: str = "", subtitle: str = "",
                  feedback: Feedback | None = None) -> WebMapReport:
    """Write the web map to *path* (see :func:`build_webmap`).

    Raises
    ------
    ExportError
        If the assets are missing; :class:`FileWriteError` if the file cannot be written
        completely (nothing is left behind).
    """
    check_writable(Path(path))  # before the page is built
    page, report = build_webmap(layers, data, lang, title, subtitle, feedback)
    data_bytes = page.encode("utf-8")
    report.size = write_file(Path(path), lambda part: part.write_bytes(data_bytes),
                             verify.html(data_bytes))
    report.path = Path(path)
    as_feedback(feedback).report(1.0, Path(path).name)
    return report

