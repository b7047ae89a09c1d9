"""The parcel's one-page A4 PDF for the case file (``naturplan parcel --pdf``, *Gem som PDF*).

The words come from :func:`~naturplan.export.parcel_card.card_text`; the page is laid out and
the map drawn by :mod:`naturplan.render.parcel_page` with the screen's renderer. The map shows
the parcel and its neighbours at a round scale (1:500 … 1:100.000) chosen so that the parcel
fills about a third of the frame.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from naturplan.core.layers.layer import Layer
from naturplan.core.layers.roles import DRAW_ORDER, Role
from naturplan.core.layers.style import LayerStyle, default_style
from naturplan.core.parcels.status import StatusCard
from naturplan.export.i18n import tr
from naturplan.export.numbers import format_number
from naturplan.export.parcel_card import CardText
from naturplan.io import verify
from naturplan.io.atomic import check_writable, write_file

if TYPE_CHECKING:  # the drawing is Qt's: imported when a page is written, not before
    from naturplan.render import RenderItem
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


def page_content(text: CardText, scale: int, lang: str = "da", label: str = "") -> ParcelPage:
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
    )


def write_parcel_pdf(path: Path, card: StatusCard, text: CardText, layers: Sequence[Layer],
                     styles: Mapping[Role, LayerStyle], lang: str = "da") -> int:
    """Write the parcel's page to *path* (A4, portrait, 300 dpi map); returns its size in
    bytes.

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
    page = page_content(text, scale, lang, label=card.parcel.ref.matrikelnummer)
    items = render_items(layers, styles)
    return write_file(path, lambda part: write_parcel_page(part, page, view, items,
                                                           card.parcel.geometry), verify.pdf)
