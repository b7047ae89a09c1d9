"""Square tiles over the municipality, to cut polygons into small pieces.

A dissolved layer with a few huge parts is the overlay trap (DESIGN.md: 380 s for 100k parcels
against dissolved nature). Cutting into square tiles first keeps every piece small: a union is
done per tile, the pieces of one tile never overlap and pieces of different tiles only share
edges, so the area of a union is the sum of its pieces' areas, and every later intersection
touches only the few pieces near it (found through an STRtree). The unions are the core's one
group union (:func:`naturplan.core.geometry_kernels.union_by_group`, keyed by tile).
"""

from __future__ import annotations

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.geometry import GeometryArray, prepared_copy
from naturplan.core.geometry_kernels import threaded

DEFAULT_TILE_M = 1000.0


class TileGrid:
    """Square tiles over a clip area (the municipality), each clipped to it.

    Parameters
    ----------
    clip
        The area of interest; pieces never extend outside it.
    size
        Tile edge in metres.
    """

    def __init__(self, clip: shapely.Geometry, size: float = DEFAULT_TILE_M) -> None:
        clip = prepared_copy(clip)  # never the caller's geometry: see prepared_copy
        self.clip = clip
        self.size = float(size)
        minx, miny, maxx, maxy = clip.bounds
        xs = np.arange(np.floor(minx / size) * size, maxx, size)
        ys = np.arange(np.floor(miny / size) * size, maxy, size)
        gx, gy = np.meshgrid(xs, ys)
        boxes = shapely.box(gx.ravel(), gy.ravel(), gx.ravel() + size, gy.ravel() + size)
        touches = shapely.intersects(clip, boxes)
        boxes = boxes[touches]
        inside = shapely.contains(clip, boxes)
        tiles = boxes.copy()
        tiles[~inside] = shapely.intersection(boxes[~inside], clip)
        keep = ~shapely.is_empty(tiles) & (shapely.area(tiles) > 0)
        self.tiles: GeometryArray = tiles[keep]
        self.inside: NDArray[np.bool_] = inside[keep]
        self.boxes: GeometryArray = boxes[keep]
        self._tree = shapely.STRtree(self.tiles)

    def __len__(self) -> int:
        return len(self.tiles)

    def cut(self, geoms: GeometryArray) -> tuple[GeometryArray, NDArray[np.intp], NDArray[np.intp]]:
        """Cut *geoms* along the tiles and the clip area.

        Returns
        -------
        pieces, source_index, tile_index
            One row per (geometry, tile) pair that overlaps with positive area.
        """
        geoms = np.asarray(geoms, dtype=object)
        if len(geoms) == 0:
            return np.empty(0, dtype=object), np.empty(0, np.intp), np.empty(0, np.intp)
        src, tile = self._tree.query(geoms, predicate="intersects")
        pieces = geoms[src]
        # A geometry inside a tile that is itself inside the clip needs no intersection.
        gb = shapely.bounds(pieces)
        tb = shapely.bounds(self.boxes[tile])
        within = (
            self.inside[tile]
            & (gb[:, 0] >= tb[:, 0])
            & (gb[:, 1] >= tb[:, 1])
            & (gb[:, 2] <= tb[:, 2])
            & (gb[:, 3] <= tb[:, 3])
        )
        cut = ~within
        if cut.any():
            pieces = pieces.copy()
            pieces[cut] = threaded(shapely.intersection, pieces[cut], self.tiles[tile[cut]])
        positive = shapely.area(pieces) > 0
        return pieces[positive], src[positive], tile[positive]
