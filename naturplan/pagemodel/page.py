"""The print page without Qt: the preset, the boxes in millimetres, the legend rows, the
ledger table, the candidates' key and the placed layout that :mod:`naturplan.render.page`
draws.

:func:`naturplan.export.layout.page.build_layout` fills a :class:`PageLayout`;
:func:`naturplan.export.layout.presets.load_preset` reads a :class:`PrintPreset`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from naturplan.core.layers.style import Labels, LegendEntry
from naturplan.io.services.sources import TileSource
from naturplan.pagemodel.layers import ExportLayer
from naturplan.text.i18n import tr

Bounds = tuple[float, float, float, float]
#: Paper sizes in millimetres (portrait: width, height).
PAPER_MM = {"A4": (210.0, 297.0), "A3": (297.0, 420.0)}


@dataclass(frozen=True)
class Box:
    """A rectangle on the page in millimetres from the top-left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class PrintPreset:
    """One print preset.

    Attributes
    ----------
    key
        The file name without ``.toml``.
    name
        The preset's name in Danish and English.
    paper, orientation
        ``A4``/``A3``, ``portrait``/``landscape``.
    margin_mm
        Page margin.
    panel, panel_mm
        Where the legend, ledger and sources go (``right``/``bottom``) and the panel's width
        (right) or height (bottom).
    dpi
        Resolution of a PNG export.
    title_pt, subtitle_pt, text_pt, small_pt
        Text sizes in points.
    ledger
        Whether the ledger table is printed.
    """

    key: str
    name: Labels
    paper: str = "A3"
    orientation: str = "landscape"
    margin_mm: float = 10.0
    panel: str = "right"
    panel_mm: float = 100.0
    dpi: float = 300.0
    title_pt: float = 22.0
    subtitle_pt: float = 12.0
    text_pt: float = 9.0
    small_pt: float = 6.5
    ledger: bool = True

    @property
    def page_mm(self) -> tuple[float, float]:
        """(width, height) of the page in millimetres."""
        w, h = PAPER_MM[self.paper]
        return (h, w) if self.orientation == "landscape" else (w, h)


@dataclass(frozen=True)
class LegendGroup:
    """The rows of one layer.

    Attributes
    ----------
    title
        The layer's title (marked when synthetic).
    entries
        The rows, each a symbol or a colour with its label.
    opacity
        The layer's opacity (multiplies each row's own).
    raster
        True for a colour ramp (rows are colours, not symbols).
    """

    title: str
    entries: tuple[LegendEntry, ...]
    opacity: float = 1.0
    raster: bool = False


@dataclass(frozen=True)
class LedgerTable:
    """Texts ready to draw.

    Attributes
    ----------
    title
        "Beskyttet natur og mål".
    header
        Column heads: (empty, "Nu", "Med kandidatområder").
    rows
        (label, now, projected) per row.
    by_kind_title
        "Ny natur efter type".
    by_kind
        (kind label, hectares) per candidate kind.
    notes
        Footnotes: what counts as protected, how many candidates count, synthetic data.
    """

    title: str
    header: tuple[str, str, str]
    rows: tuple[tuple[str, str, str], ...]
    by_kind_title: str
    by_kind: tuple[tuple[str, str], ...]
    notes: tuple[str, ...]


@dataclass(frozen=True)
class KeyRow:
    """One candidate in the frame.

    Attributes
    ----------
    number
        Its number on the map (from 1).
    name, kind, area
        Its name, its kind and its area in hectares, in the reader's language.
    x, y
        Where its marker goes (EPSG:25832 m): a point inside its part in the frame.
    """

    number: int
    name: str
    kind: str
    area: str
    x: float
    y: float

    def text(self) -> str:
        """``Vådlægning ved Æbelø Å – Udtagning af lavbundsjord, 12,3 ha``."""
        return f"{self.name} – {self.kind}, {self.area}"


@dataclass
class PageLayout:
    """Everything the page shows, placed; drawn by ``naturplan.render.page``.

    Attributes
    ----------
    preset
        Paper, margins and text sizes.
    page_mm
        (width, height) in millimetres.
    title_box, map_box, panel_box
        The title band, the map frame and the panel.
    center, scale
        The map's centre (EPSG:25832 m) and its scale denominator N (1:N on paper).
    layers
        The layers drawn in the frame, bottom first (a basemap would come first).
    candidate_key
        The candidates in the frame: a numbered marker on the map each, and the key
        (number → name, kind, ha) in the panel (:mod:`naturplan.export.layout.key`).
    notices
        What the reader of the command's output must know about the page: the scale
        changed so that the extent fits, candidates left out of the frame (one line each).
    """

    preset: PrintPreset
    lang: str
    page_mm: tuple[float, float]
    title_box: Box
    map_box: Box
    panel_box: Box
    title: str
    subtitle: str
    center: tuple[float, float]
    scale: float
    layers: list[ExportLayer]
    legend: list[LegendGroup] = field(default_factory=list)
    ledger: LedgerTable | None = None
    meta_lines: list[str] = field(default_factory=list)
    attribution_lines: list[str] = field(default_factory=list)
    synthetic_mark: str = ""
    #: The basemap's tile source (or None) and opacity, drawn under the layers.
    basemap: TileSource | None = None
    basemap_opacity: float = 1.0
    headings: dict[str, str] = field(default_factory=dict)
    candidate_key: list[KeyRow] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def key_more(self, n: int) -> str:
        """The key's last line when *n* candidates do not fit in the panel."""
        return tr(self.lang, "export", "… and {n} more: see the candidate table", n=n)

    @property
    def map_bounds(self) -> Bounds:
        """The ground the map frame covers (EPSG:25832 m)."""
        half_w = self.map_box.w / 1000.0 * self.scale / 2
        half_h = self.map_box.h / 1000.0 * self.scale / 2
        cx, cy = self.center
        return (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
