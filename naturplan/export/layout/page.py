"""The print layout: where everything goes on the page, and the export to PDF or PNG.

:func:`build_layout` decides, without Qt, the boxes in millimetres (title band, map frame,
panel), the map's centre and scale (1:N, rounded up to a readable number so the extent fits),
and every text: title, legend rows of the classes in the frame, the ledger table, scale, CRS,
date and one attribution line per source. :func:`export_print` hands the layout to
``naturplan.render.page``, which draws it with the map renderer the screen uses (one renderer
for screen and print): a vector PDF with selectable text through ``QPdfWriter``, or a PNG at
the preset's dpi.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import shapely

from naturplan.core.errors import ExportError
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.layers.dataset import Municipality
from naturplan.export.attribution import attributions, format_date
from naturplan.export.layout.key import candidate_key
from naturplan.export.layout.windows import read_for_page
from naturplan.export.ledger_table import ledger_table
from naturplan.export.legend import legend_groups
from naturplan.export.map_layers import with_neighbours
from naturplan.export.model import PlanData
from naturplan.io import verify
from naturplan.io.atomic import check_writable, write_file
from naturplan.io.services.sources import TileSource
from naturplan.pagemodel.layers import ExportLayer
from naturplan.pagemodel.page import Box, PageLayout, PrintPreset
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_number

Bounds = tuple[float, float, float, float]
#: Height of the title band (mm) relative to the title's size in points.
TITLE_BAND_PER_PT = 0.5
#: Gap between the map frame and the panel (mm).
GAP_MM = 5.0
#: Readable scale steps: 1:N is rounded up to one of these × 10ⁿ.
READABLE_STEPS = (1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 7.5, 10.0)


@dataclass(frozen=True)
class PrintOptions:
    """What the user chose beyond the preset (None = the default)."""

    title: str | None = None
    subtitle: str | None = None
    extent: Bounds | None = None
    scale: float | None = None
    #: A basemap under the map (issue 12) and its opacity; its attribution goes into the
    #: sources.
    basemap: TileSource | None = None
    basemap_opacity: float = 1.0


@dataclass
class PrintReport:
    """What :func:`export_print` wrote: the file, its size in bytes, the scale, the time, and
    the layout's notices (:attr:`PageLayout.notices`)."""

    path: Path
    size: int
    scale: float
    seconds: float
    notices: list[str] = field(default_factory=list)


def readable_scale(n: float) -> float:
    """The smallest readable scale denominator ≥ *n*: 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6 or
    7.5 × 10ᵏ (``48_312`` → ``50_000``; ``120_001`` → ``125_000``)."""
    if not math.isfinite(n) or n <= 0:
        raise ExportError("The map scale must be a positive number, got {n}.", n=n)
    power = 10.0 ** math.floor(math.log10(n))
    for step in READABLE_STEPS:
        if step * power >= n * (1 - 1e-9):
            return step * power
    return 10.0 * power  # pragma: no cover - 10 × 10ᵏ always fits


def page_boxes(preset: PrintPreset) -> tuple[Box, Box, Box]:
    """(title band, map frame, panel) for *preset*."""
    width, height = preset.page_mm
    m = preset.margin_mm
    band = preset.title_pt * TITLE_BAND_PER_PT + preset.subtitle_pt * 0.5 + 2.0
    title = Box(m, m, width - 2 * m, band)
    top = m + band + 2.0
    inner_h = height - m - top
    if preset.panel == "right":
        map_w = width - 2 * m - preset.panel_mm - GAP_MM
        return (title, Box(m, top, map_w, inner_h),
                Box(m + map_w + GAP_MM, top, preset.panel_mm, inner_h))
    map_h = inner_h - preset.panel_mm - GAP_MM
    return (title, Box(m, top, width - 2 * m, map_h),
            Box(m, top + map_h + GAP_MM, width - 2 * m, preset.panel_mm))


def fit_scale(extent: Bounds, frame: Box) -> float:
    """The readable scale at which *extent* fits in *frame* (with a 2 % margin)."""
    need = max((extent[2] - extent[0]) / (frame.w / 1000.0),
               (extent[3] - extent[1]) / (frame.h / 1000.0))
    return readable_scale(need * 1.02)


def fits(extent: Bounds, frame: Box, scale: float) -> bool:
    """True if *extent* fits in *frame* at 1:*scale* (no margin)."""
    return ((extent[2] - extent[0]) <= frame.w / 1000.0 * scale * (1 + 1e-9)
            and (extent[3] - extent[1]) <= frame.h / 1000.0 * scale * (1 + 1e-9))


def cut_candidates(layers: Sequence[ExportLayer], bounds: Bounds, lang: str) -> list[str]:
    """What the frame leaves out of the shown candidates: those wholly outside it (by name,
    the first five) and how many it cuts through."""
    from naturplan.export.layout.key import shown_candidates

    frame = shown_candidates(layers)
    if frame is None or frame.empty:
        return []
    box = shapely.box(*bounds)
    geoms = frame.geometry.to_numpy()
    outside = ~shapely.intersects(geoms, box)
    cut = ~outside & ~shapely.within(geoms, box)
    out = []
    if outside.any():
        names = [str(n) for n in frame.loc[outside, "name"]][:5]
        out.append(tr(lang, "export", "{n} candidate areas are outside the map: {names}",
                      n=int(outside.sum()), names=", ".join(names)
                      + (" …" if outside.sum() > 5 else "")))
    if cut.any():
        out.append(tr(lang, "export", "{n} candidate areas are cut by the map's edge.",
                      n=int(cut.sum())))
    return out


def build_layout(preset: PrintPreset, layers: Sequence[ExportLayer], data: PlanData,
                 options: PrintOptions | None = None, lang: str = "da") -> PageLayout:
    """Place the page for *data* and *layers* (see the module docstring).

    Raises
    ------
    ExportError
        If the scale is not a positive number.
    """
    options = options or PrintOptions()
    title_box, map_box, panel_box = page_boxes(preset)
    extent = options.extent or tuple(data.dataset.municipality.geometry.bounds)
    notices: list[str] = []
    if options.scale is not None:
        if not math.isfinite(options.scale) or options.scale <= 0:
            raise ExportError("The map scale must be a positive number, got {n}.",
                              n=options.scale)
        scale = float(round(options.scale))
        if options.extent is not None and not fits(options.extent, map_box, scale):
            # the extent the user asked for is shown whole: the scale gives way, and says so
            asked, scale = scale, fit_scale(options.extent, map_box)
            notices.append(tr(lang, "export", "The extent does not fit on {paper} at 1:{asked}:"
                              " the map is at 1:{scale}.", paper=preset.paper,
                              asked=format_number(asked, 0, lang),
                              scale=format_number(scale, 0, lang)))
    else:
        scale = fit_scale(extent, map_box)  # type: ignore[arg-type]
    center = ((extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2)
    layout = PageLayout(
        preset=preset, lang=lang, page_mm=preset.page_mm, title_box=title_box,
        map_box=map_box, panel_box=panel_box,
        title=options.title or plan_heading(data.dataset.municipality, lang),
        subtitle=options.subtitle if options.subtitle is not None else tr(
            lang, "export", "Protected nature and candidate areas"),
        center=center, scale=scale,
        layers=with_neighbours(layers, data.dataset.municipality),
        basemap=options.basemap, basemap_opacity=options.basemap_opacity,
    )
    if options.basemap is not None:
        layout.layers = _clear_land(layout.layers)
    # the national parcels hold only the screen's window: read them for the page's frame
    layout.layers, left_out = read_for_page(layout.layers, layout.map_bounds, scale, lang)
    notices += left_out
    _texts(layout, data, lang)
    layout.meta_lines += left_out  # on the page itself: never a silently empty layer
    if not fits(extent, map_box, scale):  # type: ignore[arg-type]
        # the scale was kept for the municipality's extent: say what the frame leaves out
        notices += cut_candidates(layout.layers, layout.map_bounds, lang)
    layout.notices = notices
    if options.basemap is not None:
        layout.attribution_lines.insert(0, tr(lang, "export", "Basemap: {text}",
                                              text=options.basemap.credit))
    return layout


def plan_heading(municipality: Municipality, lang: str) -> str:
    """"Naturplan for Aalborg Kommune"; a plan area names all its municipalities ("… for
    Aalborg, Rebild og Vesthimmerland Kommuner") or its catchment (issue 22 item 3)."""
    from naturplan.text.plan_area import is_single, plan_title

    if is_single(municipality):
        return tr(lang, "export", "Nature plan for {name} Municipality",
                  name=municipality.name)
    return plan_title(municipality, lang)


def _clear_land(layers: Sequence[ExportLayer]) -> list[ExportLayer]:
    """Under a basemap the municipality's (and its neighbours') pale fill would hide it:
    their outlines only, as on the screen."""
    from dataclasses import replace

    from naturplan.core.layers.roles import Role

    return [replace(e, style=replace(e.style, symbol=replace(e.style.symbol,
                                                             fill_opacity=0.0)))
            if e.layer.role is Role.MUNICIPALITY else e for e in layers]


def _texts(layout: PageLayout, data: PlanData, lang: str) -> None:
    t = lambda text, **kw: tr(lang, "export", text, **kw)  # noqa: E731
    layout.legend = legend_groups(layout.layers, layout.map_bounds, lang, layout.scale)
    layout.ledger = ledger_table(data, lang) if layout.preset.ledger else None
    layout.meta_lines = [
        t("Scale 1:{scale} (on {paper})", scale=format_number(layout.scale, 0, lang),
          paper=layout.preset.paper),
        t("Coordinate system: ETRS89 / UTM zone 32N (EPSG:25832)"),
        t("Date: {date}", date=format_date(data.today, lang)),
    ]
    shown = [e for e in layout.layers if e.visible and e.style.visible_at(layout.scale)]
    layout.attribution_lines = [a.line() for a in attributions(shown, lang, today=data.today)]
    if any(e.synthetic for e in shown):
        layout.synthetic_mark = t("Synthetic sample data – not real data")
    layout.headings = {"legend": t("Legend"), "sources": t("Sources"),
                       "key": t("Candidate areas on the map")}
    layout.candidate_key = candidate_key(layout.layers, layout.map_bounds, lang)


def export_print(path: Path, fmt: str, preset: PrintPreset, layers: Sequence[ExportLayer],
                 data: PlanData, options: PrintOptions | None = None, lang: str = "da",
                 feedback: Feedback | None = None) -> PrintReport:
    """Write the print map as ``pdf`` (vector, selectable text) or ``png`` (preset's dpi).

    Raises
    ------
    ExportError
        If the format is unknown; :class:`FileWriteError` if the file cannot be written
        completely (nothing is left behind).
    OperationCancelled
        If *feedback* is cancelled (no file is left behind).
    """
    from naturplan.render.page import write_pdf, write_png

    if fmt not in ("pdf", "png"):
        raise ExportError("Print export writes pdf or png, not {fmt}.", fmt=fmt)
    target = Path(path)
    check_writable(target)  # before the page is laid out and drawn: one line, no warnings
    fb = as_feedback(feedback)
    start = time.perf_counter()
    fb.report(0.02, tr(lang, "export", "Laying out the page"))
    layout = build_layout(preset, layers, data, options, lang)
    fb.check()
    if fmt == "pdf":
        size = write_file(target, lambda part: write_pdf(layout, part, fb), verify.pdf)
    else:
        size = write_file(target, lambda part: write_png(layout, part, fb), verify.png)
    fb.report(1.0, target.name)
    return PrintReport(target, size, layout.scale, time.perf_counter() - start,
                       list(layout.notices))
