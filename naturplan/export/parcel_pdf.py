"""The parcel's A4 PDF for the case file (``naturplan parcel --pdf``, *Gem som PDF*).

The words come from :func:`~naturplan.export.parcel_card.card_text`; the page is laid out and
the map drawn by :mod:`naturplan.render.parcel_page` with the screen's renderer. The map shows
the parcel and its neighbours at a round scale (1:500 … 1:100.000) chosen so that the parcel
fills about a third of the frame, with a legend of what the frame shows. A card too long for
one page flows onto a second: nothing is cut.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from naturplan.core.layers.layer import Layer
from naturplan.core.layers.roles import DRAW_ORDER, Role
from naturplan.core.layers.style import Labels, LayerStyle, LegendEntry, Symbol, default_style
from naturplan.core.parcels.status import StatusCard
from naturplan.export.legend import legend_groups
from naturplan.export.map_layers import ordered_layers
from naturplan.export.parcel_card import CardText
from naturplan.io import verify
from naturplan.io.atomic import check_writable, write_file
from naturplan.pagemodel.page import LegendGroup
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_number

if TYPE_CHECKING:  # the drawing is Qt's: imported when a page is written, not before
    from naturplan.render import RenderItem
    from naturplan.render.labels import PlacedLabel
    from naturplan.render.parcel_page import ParcelPage

#: Round map scales the page chooses from.
SCALES = (500, 1000, 1500, 2000, 2500, 4000, 5000, 7500, 10_000, 15_000, 20_000, 25_000,
          40_000, 50_000, 75_000, 100_000)
#: The parcel's share of the frame's shorter side (the rest shows its neighbours).
FILL = 0.4
#: Roles not drawn on the page (the municipality is the background).
HIDDEN = (Role.CANDIDATES,)


def page_scale(bounds: tuple[float, float, float, float],
               frame_mm: tuple[float, float] = (186.0, 100.0)) -> int:
    """The round scale at which a parcel with *bounds* fills about :data:`FILL` of a map
    frame of *frame_mm* (width, height) on paper."""
    minx, miny, maxx, maxy = bounds
    need_x = max(maxx - minx, 20.0) / FILL / (frame_mm[0] / 1000.0)
    need_y = max(maxy - miny, 20.0) / FILL / (frame_mm[1] / 1000.0)
    need = max(need_x, need_y)
    return next((s for s in SCALES if s >= need), SCALES[-1])


def render_items(layers: Sequence[Layer], styles: Mapping[Role, LayerStyle]
                 ) -> list[RenderItem]:
    """The layers in drawing order with their styles (the map's, on paper)."""
    from naturplan.render import RenderItem

    ordered = sorted((layer for layer in layers if layer.role not in HIDDEN),
                     key=lambda layer: DRAW_ORDER.index(layer.role))
    return [RenderItem(layer, styles.get(layer.role) or default_style(layer.role.value))
            for layer in ordered]


def page_legend(layers: Sequence[Layer], styles: Mapping[Role, LayerStyle],
                bounds: tuple[float, float, float, float], scale: int, lang: str,
                parcel_label: str) -> tuple[LegendGroup, ...]:
    """The legend of the page's map: the parcel's outline, then each drawn layer's classes
    that occur in the frame (:func:`naturplan.export.legend.legend_groups`)."""
    from naturplan.render.parcel_page import HIGHLIGHT

    drawn = ordered_layers([layer for layer in layers if layer.role not in HIDDEN], styles,
                           hidden=(Role.MUNICIPALITY,))
    outline = Symbol(fill=HIGHLIGHT, fill_opacity=0.12, outline=HIGHLIGHT, line_width=2.0)
    groups = [LegendGroup(tr(lang, "parcels", "The parcel"),
                          (LegendEntry(Labels(parcel_label), symbol=outline),))]
    for role in dict.fromkeys(entry.layer.role for entry in reversed(drawn)):
        of_role = [entry for entry in drawn if entry.layer.role is role]
        found = legend_groups(of_role, bounds, lang, scale)
        if found:
            groups.append(_merged(found, of_role[0].style.title.get(lang), lang))
    return tuple(groups)


def _merged(groups: Sequence[LegendGroup], title: str, lang: str) -> LegendGroup:
    """The groups of one role as one (a habitat and a bird layer are both "Natura 2000"),
    each row once; titled as they are when they agree, else by the role's title, marked
    when some of it is synthetic."""
    if len({g.title for g in groups}) > 1:
        synthetic = any(g.title != title for g in groups)
        title = tr(lang, "parcels", "{title} (partly synthetic example)",
                   title=title) if synthetic else title
    else:
        title = groups[0].title
    entries: list[LegendEntry] = []
    for group in groups:
        entries += [e for e in group.entries if e.label not in {x.label for x in entries}]
    return LegendGroup(title, tuple(entries), groups[0].opacity, groups[0].raster)


def page_content(text: CardText, scale: int, lang: str = "da", label: str = "",
                 legend: Sequence[LegendGroup] = ()) -> ParcelPage:
    """The card's words as the page's text blocks."""
    from naturplan.render.parcel_page import ParcelPage, TextBlock

    t = text
    body: list[TextBlock] = [TextBlock("fact", v, label=k) for k, v in t.facts]
    for section in t.sections:
        body.append(TextBlock("heading", f"{section.heading} — {section.summary}"))
        body += [TextBlock("body", f"{k}: {v}" if k else v, indent=3) for k, v in section.rows]
    if t.slivers:
        body.append(TextBlock("note", t.slivers))
    body += [TextBlock("note", n) for n in t.notes]
    if t.legal:
        body.append(TextBlock("heading", tr(lang, "parcels", "What it means")))
        for item in t.legal:
            body.append(TextBlock("body", f"{item.title}: {item.meaning}"))
            body.append(TextBlock("small", item.law, indent=3))
    footer = [TextBlock("small", tr(lang, "parcels", "Sources") + ": " + " | ".join(t.sources)),
              TextBlock("small", t.footer)]
    caption = f"1:{format_number(scale, 0, lang)} · EPSG:25832"
    watermark = tr(lang, "parcels", "Synthetic example – not real data") if t.synthetic else ""
    return ParcelPage(
        header=(TextBlock("title", t.title), TextBlock("headline", t.headline)),
        body=tuple(body), footer=tuple(footer), map_caption=caption, watermark=watermark,
        title=t.title, lang=lang, label=label,
        continued=tr(lang, "parcels", "{title} (continued)", title=t.title),
        legend=tuple(legend), legend_title=tr(lang, "parcels", "Legend"),
    )


def write_parcel_pdf(path: Path, card: StatusCard, text: CardText, layers: Sequence[Layer],
                     styles: Mapping[Role, LayerStyle], lang: str = "da") -> list[PlacedLabel]:
    """Write the parcel's page to *path* (A4, portrait, 300 dpi map; the card flows onto a
    second page when it is long) through :func:`naturplan.io.atomic.write_file`; returns the
    map's labels as placed.

    Raises
    ------
    FileWriteError
        If the file cannot be written completely (nothing is left behind).
    """
    path = Path(path)
    check_writable(path)  # before the map is drawn
    from naturplan.render.parcel_page import MAP_MM, map_view, write_parcel_page

    bounds = card.parcel.bounds
    scale = page_scale(bounds, MAP_MM)
    cx, cy = (bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2
    view = map_view(cx, cy, scale)
    ref = card.parcel.ref
    legend = page_legend(layers, styles, view.bounds, scale, lang,
                         f"{ref.matrikelnummer}, {ref.ejerlavsnavn or ref.ejerlavskode}")
    page = page_content(text, scale, lang, label=ref.matrikelnummer, legend=legend)
    items = render_items(layers, styles)
    placed: list[PlacedLabel] = []

    def write(part: Path) -> None:
        placed[:] = write_parcel_page(part, page, view, items, card.parcel.geometry)

    write_file(path, write, verify.pdf)
    return placed
