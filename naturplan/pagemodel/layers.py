"""One layer of an exported map: data, style, shown or not (:class:`ExportLayer`).

The list in drawing order is made by :mod:`naturplan.export.map_layers`; the page and the
renderer take it.
"""

from __future__ import annotations

from dataclasses import dataclass

from naturplan.core.layers.layer import Layer
from naturplan.core.layers.style import LayerStyle
from naturplan.text.i18n import tr


@dataclass(frozen=True)
class ExportLayer:
    """One layer of an exported map.

    Attributes
    ----------
    layer
        The data (EPSG:25832).
    style
        How it is drawn (opacity included).
    visible
        Shown on the map and in the legend.
    """

    layer: Layer
    style: LayerStyle
    visible: bool = True

    @property
    def synthetic(self) -> bool:
        """True if the layer is generated sample data, not real data."""
        return bool(self.layer.source.synthetic)

    def title(self, lang: str) -> str:
        """The layer's name for a reader, marked when it is synthetic."""
        text = self.style.title.get(lang)
        if self.synthetic:
            text += f" ({tr(lang, 'labels', 'synthetic example')})"
        return text
