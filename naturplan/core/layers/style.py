"""How a layer is drawn: immutable style data shared by the canvas, print and web export.

A :class:`LayerStyle` is parsed from ``styles/<role>.toml`` (:mod:`naturplan.io.styles`) and
translated by each renderer into its own terms (QPen/QBrush, folium style dicts). Colours are
``#rrggbb`` hex strings; widths are in screen pixels (points in print). Nothing here knows Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

#: A map's scale denominator is computed from its resolution and dpi: 1:50.000 on paper comes
#: out as 50000.00000000001. A bound is met within this factor, so "labels from 1:50.000"
#: are drawn at 1:50.000 (issue 19: at exactly 1:50.000 the candidates' names were not).
SCALE_TOLERANCE = 1.0 + 1e-9


class FillPattern(StrEnum):
    """How a polygon's inside is filled."""

    SOLID = "solid"
    NONE = "none"
    HATCH = "hatch"  # diagonal lines, the usual mark of a legal designation (Natura 2000)
    CROSS = "cross"


class LineStyle(StrEnum):
    """How an outline is stroked."""

    SOLID = "solid"
    DASH = "dash"
    DOT = "dot"
    NONE = "none"


@dataclass(frozen=True)
class Labels:
    """A text in the interface languages (style files are data a user edits, in Danish first)."""

    da: str
    en: str = ""

    def get(self, lang: str) -> str:
        """The text in *lang* ("da" or "en"), falling back to Danish."""
        return (self.en or self.da) if lang == "en" else self.da


@dataclass(frozen=True)
class Symbol:
    """Fill and outline of one polygon class.

    Attributes
    ----------
    fill
        Fill colour ``#rrggbb``.
    fill_opacity
        0..1, multiplied with the layer's opacity.
    pattern
        Solid, none, hatch or cross.
    outline
        Outline colour ``#rrggbb``.
    line_width
        Outline width in pixels (0 = hairline).
    line_style
        Solid, dash, dot or none.
    """

    fill: str = "#cccccc"
    fill_opacity: float = 1.0
    pattern: FillPattern = FillPattern.SOLID
    outline: str = "#666666"
    line_width: float = 0.5
    line_style: LineStyle = LineStyle.SOLID


@dataclass(frozen=True)
class Category:
    """A value of the category field, its symbol and its legend label."""

    value: str
    symbol: Symbol
    label: Labels


@dataclass(frozen=True)
class ColorStop:
    """A raster value and the colour at it; values between stops are interpolated."""

    value: float
    color: str
    opacity: float = 1.0
    label: Labels | None = None


@dataclass(frozen=True)
class ColorRamp:
    """Colours for a single-band raster (flood depth in m, carbon class codes).

    Attributes
    ----------
    stops
        Sorted by value; below the first stop nothing is drawn when *clip_below* is set.
    unit
        The unit of the values, shown in the legend.
    discrete
        True to colour each value with the stop at or below it (classes), False to blend.
    clip_below
        Values below the first stop are transparent (depth 0 = dry land).
    """

    stops: tuple[ColorStop, ...]
    unit: str = ""
    discrete: bool = False
    clip_below: bool = True


@dataclass(frozen=True)
class LegendEntry:
    """One row of the legend: a symbol (or a ramp colour) and its text."""

    label: Labels
    symbol: Symbol | None = None
    color: str | None = None
    opacity: float = 1.0


@dataclass(frozen=True)
class LabelStyle:
    """How the features of a layer are labelled with the value of one field.

    Attributes
    ----------
    field
        Canonical field whose value is the text (``matrikelnummer``). When it is the
        style's category field, the category's legend label is shown instead (in the
        interface language).
    min_scale, max_scale
        Drawn when min_scale < 1:N ≤ max_scale (0 = no bound), as in "matrikelnummer from
        1:10.000".
    size
        Text size in points.
    color, halo
        Text colour and the colour of the outline around each letter (``#rrggbb``).
    halo_width
        Width of that outline in points (0 = none).
    bold, italic
        Font weight and slant.
    font
        Font family; "" = the application's font, which the legend uses too.
    priority
        Labels of a higher priority are placed first where labels compete for room.
    group
        One label per distinct value in view (an ejerlav's name over its parcels) instead
        of one per feature.
    fit
        Label a feature only where the text fits inside its bounding box on the map.
    hover
        Also show the label of the feature under the mouse pointer, at any scale.
    """

    field: str
    min_scale: float = 0.0
    max_scale: float = 0.0
    size: float = 8.0
    color: str = "#222222"
    halo: str = "#ffffff"
    halo_width: float = 1.0
    bold: bool = False
    italic: bool = False
    font: str = ""
    priority: int = 0
    group: bool = False
    fit: bool = False
    hover: bool = False

    def visible_at(self, scale_denominator: float) -> bool:
        """True if the label is drawn at map scale 1:*scale_denominator*."""
        if self.min_scale > 0 and scale_denominator <= self.min_scale * SCALE_TOLERANCE:
            return False
        return self.max_scale <= 0 or scale_denominator <= self.max_scale * SCALE_TOLERANCE


@dataclass(frozen=True)
class LayerStyle:
    """Everything needed to draw one role.

    Attributes
    ----------
    role
        The role's name (``nature_p3``).
    title
        The layer's name in the legend and the layer panel.
    symbol
        Default symbol for features without a category (or every feature).
    opacity
        Layer opacity 0..1 (the layer panel changes it per session).
    category_field
        Canonical field whose value picks the symbol (``Natyp_navn``), or "".
    categories
        The values of *category_field* with their symbols, in legend order.
    other_label
        Legend text for features whose value is not listed ("" = not in legend).
    ramp
        Colour ramp for a raster of this role, or None.
    max_scale
        Drawn only when the map scale denominator is at most this (0 = always), as in
        "parcels from 1:75.000".
    labels
        How the features are labelled (none, one or several fields at different scales).
    """

    role: str
    title: Labels
    symbol: Symbol = field(default_factory=Symbol)
    opacity: float = 1.0
    category_field: str = ""
    categories: tuple[Category, ...] = ()
    other_label: Labels | None = None
    ramp: ColorRamp | None = None
    max_scale: float = 0.0
    labels: tuple[LabelStyle, ...] = ()

    def label_text(self, label: LabelStyle, value: object, lang: str,
                   show: Callable[[object, str], str] | None = None) -> str:
        """The text *label* shows for a feature whose field value is *value* ("" = none):
        the category's legend label when the field is the category field, else *show*
        (value, lang) - the front ends pass ``text.numbers.format_value`` so that a number
        reads in the user's language - or the value's plain text."""
        if value is None or (isinstance(value, float) and value != value):
            return ""
        text = str(value).strip()
        if label.field == self.category_field:
            for category in self.categories:
                if category.value == text:
                    return category.label.get(lang)
        return show(value, lang).strip() if show is not None else text

    def symbol_for(self, value: object) -> Symbol:
        """The symbol of a feature whose category value is *value*."""
        for category in self.categories:
            if category.value == value:
                return category.symbol
        return self.symbol

    def category_values(self) -> tuple[str, ...]:
        return tuple(c.value for c in self.categories)

    def visible_at(self, scale_denominator: float) -> bool:
        """True if the layer is drawn at map scale 1:*scale_denominator*."""
        return self.max_scale <= 0 or scale_denominator <= self.max_scale * SCALE_TOLERANCE

    def with_opacity(self, opacity: float) -> LayerStyle:
        """A copy with another layer opacity (clamped to 0..1)."""
        from dataclasses import replace

        return replace(self, opacity=min(max(float(opacity), 0.0), 1.0))

    def legend(self, raster: bool = False) -> tuple[LegendEntry, ...]:
        """Legend rows: the ramp's labelled stops for a raster, else the categories."""
        if raster and self.ramp is not None:
            unit = f" {self.ramp.unit}" if self.ramp.unit else ""
            return tuple(
                LegendEntry(
                    stop.label or Labels(f"{stop.value:g}{unit}"), color=stop.color,
                    opacity=stop.opacity,
                )
                for stop in self.ramp.stops
            )
        rows = [LegendEntry(c.label, symbol=c.symbol) for c in self.categories]
        if not self.categories:
            rows.append(LegendEntry(self.title, symbol=self.symbol))
        elif self.other_label is not None:
            rows.append(LegendEntry(self.other_label, symbol=self.symbol))
        return tuple(rows)


def hex_rgb(color: str) -> tuple[int, int, int]:
    """``"#1f78b4"`` → ``(31, 120, 180)``."""
    text = color.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def ramp_rgba(values: NDArray[np.float64], ramp: ColorRamp) -> NDArray[np.uint8]:
    """RGBA (rows, cols, 4) for *values*; NaN and values below the ramp are transparent.

    The one translation of a ramp into colours: the map canvas, the print and the web map
    all colour rasters with it.
    """
    stops = np.array([s.value for s in ramp.stops], dtype=float)
    colors = np.array([(*hex_rgb(s.color), 255 * s.opacity) for s in ramp.stops], dtype=float)
    out = np.zeros((*values.shape, 4), dtype=np.uint8)
    valid = np.isfinite(values)
    if ramp.clip_below:
        valid &= values >= stops[0] - 1e-9 * max(abs(stops[0]), 1.0)
    v = values[valid]
    if ramp.discrete:
        idx = np.clip(np.searchsorted(stops, v + 1e-9, side="right") - 1, 0, len(stops) - 1)
        rgba = colors[idx]
    else:
        rgba = np.stack([np.interp(v, stops, colors[:, c]) for c in range(4)], axis=-1)
    out[valid] = np.round(rgba).astype(np.uint8)
    return out


def default_style(role: str) -> LayerStyle:
    """A plain grey style for a role that has no style file."""
    return LayerStyle(role=role, title=Labels(role, role))
