"""A windowed layer on a printed page (issue 24 §2): read for the page's frame, never empty.

The window's national parcels (:class:`~naturplan.core.layers.layer.WindowedLayer`) hold only
the features of the view on screen, or none at all before the first view. A page shows its own
extent, so :func:`read_for_page` reads each shown windowed layer again for the frame's ground
through the GeoPackage's R-tree (:func:`naturplan.io.windowed.read_window`), simplified to a
tenth of a millimetre on paper. A frame that holds more than
:data:`~naturplan.io.windowed.MAX_WINDOW_FEATURES` features is not drawn; the page says so in
its panel (and the export's notices), so a page is never silently empty.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from naturplan.core.layers.layer import WindowedLayer
from naturplan.pagemodel.layers import ExportLayer
from naturplan.text.i18n import tr
from naturplan.text.numbers import format_number

Bounds = tuple[float, float, float, float]
#: Ground metres per metre of paper a windowed layer is simplified to: 0.1 mm on paper.
PAPER_RESOLUTION = 1e-4


def read_for_page(layers: Sequence[ExportLayer], bounds: Bounds, scale: float,
                  lang: str) -> tuple[list[ExportLayer], list[str]]:
    """*layers* with every shown windowed layer read for *bounds* (the map frame's ground,
    EPSG:25832) at 1:*scale*, and one note per windowed layer left out because the frame
    holds too many of its features. Layers hidden at this scale are not read (not drawn)."""
    from naturplan.io.windowed import MAX_WINDOW_FEATURES, count_in, read_window

    out: list[ExportLayer] = []
    notes: list[str] = []
    for entry in layers:
        layer = entry.layer
        if (not isinstance(layer, WindowedLayer) or not entry.visible
                or not entry.style.visible_at(scale)):
            out.append(entry)
            continue
        read = read_window(layer, bounds, scale * PAPER_RESOLUTION)
        out.append(dataclasses.replace(entry, layer=read))
        if read.capped:
            notes.append(tr(
                lang, "export", "{layer} is not drawn: the map holds {count} of its features, more "
                "than {most}. Choose a smaller extent or a larger scale.",
                layer=entry.title(lang), count=format_number(count_in(layer, bounds), 0, lang),
                most=format_number(MAX_WINDOW_FEATURES, 0, lang)))
    return out, notes
