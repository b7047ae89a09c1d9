"""Drawing styled layers onto a QPainter (QtGui only, no widgets).

The screen canvas and the print export call the same :class:`MapRenderer`; a
:class:`MapView` says which part of the map (EPSG:25832 metres) goes into how many pixels.
"""

from naturplan.render.renderer import MapRenderer, RenderItem
from naturplan.render.view import MapView

__all__ = ["MapRenderer", "MapView", "RenderItem"]
