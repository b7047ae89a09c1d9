"""The layers shown on the map: data, style, visibility and order, as the GUI sees them.

The core :class:`~naturplan.core.layers.dataset.Dataset` keeps the data; this list adds what is a
view concern (shown or not, opacity, drawing order) and tells the canvas, the layer panel
and the legend when it changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, Signal

from naturplan.core.layers.layer import Layer
from naturplan.core.layers.roles import DRAW_ORDER, Role
from naturplan.core.layers.style import LayerStyle
from naturplan.render import RenderItem

#: Default drawing order, bottom first (shared with the print and web exports).
ROLE_ORDER: tuple[Role, ...] = DRAW_ORDER


@dataclass
class MapLayer:
    """One layer on the map."""

    layer: Layer
    style: LayerStyle
    visible: bool = True

    @property
    def role(self) -> Role:
        return self.layer.role

    def item(self) -> RenderItem:
        return RenderItem(self.layer, self.style, self.visible)


class MapLayerList(QObject):
    """Map layers in drawing order (index 0 is drawn first, at the bottom)."""

    changed = Signal()  # anything that changes the picture
    structure_changed = Signal()  # layers added, removed or reordered
    layer_replaced = Signal(object, object)  # old, new: the same layer with new data

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._layers: list[MapLayer] = []

    def __len__(self) -> int:
        return len(self._layers)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._layers)

    def __getitem__(self, index: int) -> MapLayer:
        return self._layers[index]

    def index_of(self, layer: Layer) -> int:
        for i, entry in enumerate(self._layers):
            if entry.layer is layer:
                return i
        raise ValueError("layer not on the map")

    def set_layers(self, layers: Iterable[Layer], styles: Mapping[Role, LayerStyle],
                   backdrop: Sequence[tuple[Layer, LayerStyle]] = ()) -> None:
        """Replace everything with *layers*, sorted by :data:`ROLE_ORDER`, over the
        *backdrop* layers with their own styles (the neighbouring municipalities)."""
        ordered = sorted(layers, key=lambda layer: ROLE_ORDER.index(layer.role))
        self._layers = [MapLayer(layer, style) for layer, style in backdrop]
        from naturplan.export.map_layers import style_of

        self._layers += [MapLayer(layer, style_of(layer, styles)) for layer in ordered]
        self.structure_changed.emit()
        self.changed.emit()

    def add(self, layer: Layer, style: LayerStyle) -> None:
        """Add *layer* above the others of lower roles (at its role's place in the order)."""
        rank = ROLE_ORDER.index(layer.role)
        at = len(self._layers)
        for i, entry in enumerate(self._layers):
            if ROLE_ORDER.index(entry.role) > rank:
                at = i
                break
        self._layers.insert(at, MapLayer(layer, style))
        self.structure_changed.emit()
        self.changed.emit()

    def replace_layer(self, old: Layer, new: Layer) -> None:
        """Put *new* where *old* is, keeping its visibility and style (candidates after an
        edit: a new layer object, so no cache of the old data survives in the renderer).
        The list keeps its structure: ``layer_replaced`` tells the views that hold *old*."""
        entry = self._layers[self.index_of(old)]
        entry.layer = new
        self.layer_replaced.emit(old, new)
        self.changed.emit()

    def remove(self, layer: Layer) -> None:
        self._layers.pop(self.index_of(layer))
        self.structure_changed.emit()
        self.changed.emit()

    def move(self, source: int, target: int) -> None:
        """Move the layer at drawing position *source* to *target*."""
        if source == target:
            return
        entry = self._layers.pop(source)
        self._layers.insert(target, entry)
        self.structure_changed.emit()
        self.changed.emit()

    def set_order(self, layers: list[Layer]) -> None:
        """Put the layers in the drawing order *layers* (bottom first)."""
        by_id = {id(e.layer): e for e in self._layers}
        new = [by_id[id(layer)] for layer in layers if id(layer) in by_id]
        if [id(e.layer) for e in new] != [id(e.layer) for e in self._layers]:
            self._layers = new
            self.structure_changed.emit()
            self.changed.emit()

    def set_visible(self, index: int, visible: bool) -> None:
        if self._layers[index].visible != visible:
            self._layers[index].visible = visible
            self.changed.emit()

    def set_opacity(self, index: int, opacity: float) -> None:
        entry = self._layers[index]
        entry.style = entry.style.with_opacity(opacity)
        self.changed.emit()

    def set_style(self, index: int, style: LayerStyle) -> None:
        """Draw the layer at *index* with *style* (the panel's swatch follows)."""
        self._layers[index].style = style
        self.structure_changed.emit()
        self.changed.emit()

    def by_role(self, role: Role) -> list[MapLayer]:
        return [e for e in self._layers if e.role is role]

    def render_items(self) -> list[RenderItem]:
        return [replace(e).item() for e in self._layers]
