"""The layers an exported map shows: data, style, shown or not, in drawing order.

The GUI hands over what its map shows (its layer list); the command line takes every layer
of the dataset plus the project's candidates, styled from ``styles/``. A basemap (issue 12)
goes first in the list and is drawn under everything. The neighbouring municipalities go
under everything else (:func:`with_neighbours`), so that land outside the municipality is
printed as land, as the window shows it, not in the sea colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from naturplan.core.layers.dataset import BORDERS_LAYER, Municipality
from naturplan.core.layers.layer import Layer
from naturplan.core.layers.roles import DRAW_ORDER, Role
from naturplan.core.layers.style import LayerStyle, default_style
from naturplan.pagemodel.layers import ExportLayer


def ordered_layers(layers: Sequence[Layer], styles: Mapping[Role, LayerStyle],
                   hidden: Sequence[Role] = ()) -> list[ExportLayer]:
    """*layers* in the drawing order of :data:`DRAW_ORDER` (bottom first), styled.

    Parameters
    ----------
    layers
        The dataset's layers (and the candidates layer).
    styles
        Style per role; a role without one is drawn plain grey.
    hidden
        Roles that are present but not shown.
    """
    ordered = sorted(layers, key=lambda layer: DRAW_ORDER.index(layer.role))
    return [
        ExportLayer(layer, style_of(layer, styles), layer.role not in hidden)
        for layer in ordered
    ]


def style_of(layer: Layer, styles: Mapping[Role, LayerStyle]) -> LayerStyle:
    """*layer*'s style: its role's, or the plan area's borders' own (issue 22 item 3)."""
    if layer.name == BORDERS_LAYER:
        from naturplan.io.styles import load_style

        return load_style(BORDERS_LAYER)
    return styles.get(layer.role) or default_style(layer.role.value)


#: The name of the neighbouring municipalities' layer (``naturplan.io.neighbours``).
NEIGHBOURS = "neighbours"


def with_neighbours(layers: Sequence[ExportLayer],
                    municipality: Municipality) -> list[ExportLayer]:
    """*layers* with the neighbouring municipalities first (drawn under everything, muted,
    with their names: ``styles/neighbours.toml``), unless *layers* already has them (the
    window's map hands over its own, shown or hidden). Without the national municipality
    file the list is returned as it is (the sea colour around the municipality, as before).
    """
    if any(e.layer.name == NEIGHBOURS for e in layers):
        return list(layers)
    entry = _neighbours(municipality.code, tuple(municipality.geometry.bounds), municipality)
    return list(layers) if entry is None else [entry, *layers]


_NEIGHBOURS: dict[tuple[str, tuple[float, ...]], ExportLayer | None] = {}


def _neighbours(code: str, bounds: tuple[float, ...],
                municipality: Municipality) -> ExportLayer | None:
    """The neighbours' layer of a municipality, made once: a page of an atlas asks for it
    again (10 ms a time), and the same layer object lets the renderer keep its index."""
    key = (code, bounds)
    if key not in _NEIGHBOURS:
        from naturplan.io.neighbours import neighbour_layer
        from naturplan.io.styles import load_style

        layer = neighbour_layer(municipality)
        _NEIGHBOURS.clear()  # one municipality at a time
        _NEIGHBOURS[key] = None if layer is None else ExportLayer(layer, load_style(NEIGHBOURS))
    return _NEIGHBOURS[key]
