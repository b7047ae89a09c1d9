"""Drawing styled layers onto a QPainter (QtGui only, no widgets).

The screen canvas and the print export call the same :class:`MapRenderer`; a
:class:`MapView` says which part of the map (EPSG:25832 metres) goes into how many pixels
(``MapView.for_paper`` for a printed map at a true scale and dpi). Map furniture — scale bar,
north arrow, the synthetic-data watermark — is in :mod:`naturplan.render.decorations`.
"""

from naturplan.render.renderer import MapRenderer, RenderItem
from naturplan.render.view import MapView

__all__ = ["MapRenderer", "MapView", "RenderItem"]
