"""The layer panel's context menu, as in QGIS: zoom to the layer, its attribute table, its
colour and opacity, remove it (issue 20 item 6).

The menu acts on the map layer list (colour, opacity) or asks the window through the layer
panel's signals (zoom, attribute table, remove), which knows the dataset.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QActionGroup, QColor
from PySide6.QtWidgets import QColorDialog, QMenu

from naturplan.core.layers.layer import Layer, RasterLayer
from naturplan.core.layers.style import FillPattern, LayerStyle

#: The opacity steps of the menu (the slider under the list sets any other).
OPACITY_STEPS = (100, 75, 50, 25)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LayerMenu", text)


def recolourable(style: LayerStyle, layer: Layer) -> bool:
    """True for a vector layer drawn with one symbol (a style by category or a raster ramp
    keeps its colours: they carry a meaning the legend explains)."""
    return not isinstance(layer, RasterLayer) and not style.categories and style.ramp is None


def recoloured(style: LayerStyle, color: str) -> LayerStyle:
    """*style* in *color*: the fill, or the outline of a style without fill."""
    symbol = style.symbol
    if symbol.pattern is FillPattern.NONE:
        return replace(style, symbol=replace(symbol, outline=color))
    outline = QColor(color).darker(140).name()
    return replace(style, symbol=replace(symbol, fill=color, outline=outline))


def build_layer_menu(dock: Any, layer: Layer) -> QMenu:
    """The menu for *layer* in the layer panel *dock* (a :class:`LayersDock`)."""
    layers = dock.layers
    entry = layers[layers.index_of(layer)]
    menu = QMenu(dock)
    menu.setObjectName("layer_menu")
    menu.addAction(_tr("Zoom to layer"), lambda: dock.zoom_requested.emit(layer))
    table = menu.addAction(_tr("Open attribute table"), lambda: dock.table_requested.emit(layer))
    table.setEnabled(not isinstance(layer, RasterLayer))
    colour = menu.addAction(_tr("Colour…"), lambda: choose_colour(dock, layer))
    colour.setEnabled(recolourable(entry.style, layer))
    if not colour.isEnabled():
        colour.setToolTip(_tr("The colours of this layer follow its legend."))
    opacity = menu.addMenu(_tr("Opacity"))
    group = QActionGroup(opacity)
    for percent in OPACITY_STEPS:
        step = opacity.addAction(f"{percent} %")
        step.setCheckable(True)
        step.setChecked(round(entry.style.opacity * 100) == percent)
        group.addAction(step)
        step.triggered.connect(
            lambda _=False, p=percent: layers.set_opacity(layers.index_of(layer), p / 100))
    menu.addSeparator()
    menu.addAction(_tr("Remove layer"), lambda: dock.remove_requested.emit(layer))
    return menu


def choose_colour(dock: Any, layer: Layer) -> None:
    """Ask for a colour and draw *layer* in it."""
    layers = dock.layers
    if not any(e.layer is layer for e in layers):
        return
    style = layers[layers.index_of(layer)].style
    start = style.symbol.outline if style.symbol.pattern is FillPattern.NONE else style.symbol.fill
    chosen = QColorDialog.getColor(QColor(start), dock, _tr("Colour of %1").replace(
        "%1", style.title.get(dock.lang)))
    if chosen.isValid():
        layers.set_style(layers.index_of(layer), recoloured(style, chosen.name()))
