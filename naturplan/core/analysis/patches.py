"""Habitat patches and the links between them, for the connectivity indices.

- :func:`dissolve_patches`: polygons clipped to the landscape (the municipality) and merged
  where they touch or overlap: touching polygons are one patch.
- :func:`patch_links`: every pair of patches whose edge-to-edge distance is at most the link
  distance, with that distance in metres. Large patches (the Lille Vildmose complex has
  thousands of vertices) are cut into 500 m tiles first, so no distance is computed between two
  huge outlines; the distance of two patches is the least distance of their pieces, which is
  exact because the pieces cover each patch.
- :func:`prune_links`: drop the links that never carry a shortest path (another path through
  other patches is at most as long). Shortest-path distances between all patches stay exactly
  the same, and the path search later has far fewer links to look at.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.geometry import GeometryArray, prepared_copy
from naturplan.core.geometry_kernels import grid_cut, polygonal, threaded, union_by_group

if TYPE_CHECKING:  # scipy is imported where a network is measured (0.2 s at start-up)
    from scipy.sparse import csr_matrix

#: Patches with more vertices than this are cut into tiles before distances are measured.
MAX_VERTICES = 256
#: Edge of the tiles that cut large patches (m).
PIECE_TILE_M = 500.0
#: Sources per chunk of the path searches (rows of the distance matrix held at once).
CHUNK = 512
#: Patches whose pieces are queried at once by :func:`patch_links` (the candidate pairs of one
#: block of the national world's 141,733 patches: about 1/9 of all).
LINK_BLOCK = 16_384

IntArray = NDArray[np.intp]
FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class Patches:
    """Habitat patches: disjoint (multi)polygons in EPSG:25832 with their areas (m²).

    Every input polygon is split into its parts first (the parts of a multipolygon are
    separate pieces of habitat); ``part_source[k]`` is the input polygon of part k and
    ``part_patch[k]`` the patch it belongs to.
    """

    geoms: GeometryArray
    areas: FloatArray
    part_source: IntArray
    part_patch: IntArray

    def __len__(self) -> int:
        return len(self.geoms)

    def sources(self, patch: int) -> IntArray:
        """The input polygons with a part in *patch*."""
        return np.unique(self.part_source[self.part_patch == patch])


@dataclass(frozen=True)
class Links:
    """Undirected links ``i < j`` between patches with their edge-to-edge distance (m)."""

    i: IntArray
    j: IntArray
    d: FloatArray

    def __len__(self) -> int:
        return len(self.i)

    def take(self, mask: NDArray[np.bool_]) -> Links:
        return Links(self.i[mask], self.j[mask], self.d[mask])

    def graph(self, n: int) -> csr_matrix:
        """The symmetric n × n sparse graph of the links (weights = distances)."""
        rows = np.concatenate([self.i, self.j])
        cols = np.concatenate([self.j, self.i])
        weights = np.concatenate([self.d, self.d])
        from scipy.sparse import csr_matrix

        return csr_matrix((weights, (rows, cols)), shape=(n, n))


def empty_links() -> Links:
    return Links(np.empty(0, np.intp), np.empty(0, np.intp), np.empty(0))


def clip_to(geoms: GeometryArray, clip: BaseGeometry) -> GeometryArray:
    """*geoms* cut to *clip* (only those not inside it are intersected); empties stay."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0:
        return geoms
    clip = prepared_copy(clip)  # the municipality is shared with other threads
    inside = shapely.contains_properly(clip, geoms)
    out = geoms.copy()
    out[~inside] = polygonal(shapely.intersection(geoms[~inside], clip))
    return out


def dissolve_patches(geoms: GeometryArray, clip: BaseGeometry | None = None) -> Patches:
    """Merge touching or overlapping polygon parts into patches (after clipping to *clip*)."""
    geoms = np.asarray(geoms, dtype=object)
    if clip is not None:
        geoms = clip_to(geoms, clip)
    parts, source = shapely.get_parts(geoms, return_index=True)
    keep = ~shapely.is_empty(parts) & (shapely.area(parts) > 0) if len(parts) else np.empty(0, bool)
    parts, source = parts[keep], source[keep].astype(np.intp)
    if len(parts) == 0:
        empty = np.empty(0, np.intp)
        return Patches(np.empty(0, dtype=object), np.empty(0), empty, empty)
    a, b = shapely.STRtree(parts).query(parts, predicate="intersects")
    n = len(parts)
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    adjacency = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, label = connected_components(adjacency, directed=False)
    merged, keys = union_by_group(parts, label)
    lookup = np.full(int(label.max()) + 1, -1, dtype=np.intp)
    lookup[keys] = np.arange(len(keys))
    return Patches(merged, shapely.area(merged).astype(float), source, lookup[label])


@dataclass
class PieceIndex:
    """An STRtree over the pieces of a set of patches (see :func:`_pieces`)."""

    pieces: GeometryArray
    owner: IntArray

    def __post_init__(self) -> None:
        self.tree = shapely.STRtree(self.pieces)
        self.bounds = shapely.bounds(self.pieces)

    @classmethod
    def of(cls, geoms: GeometryArray) -> PieceIndex:
        pieces, owner = grid_cut(geoms, PIECE_TILE_M, MAX_VERTICES + 1)
        return cls(pieces, owner)

    def near(self, geoms: GeometryArray, max_d: float, owner: IntArray | None = None,
             upper: bool = False) -> tuple[IntArray, IntArray, FloatArray]:
        """Pairs (query position, patch) within *max_d* and their least distance.

        *geoms* are query geometries, optionally pieces with *owner* positions; each
        (query owner, patch) pair appears once with the least piece distance. *upper*
        keeps only pairs whose query owner is below the patch (the index against its own
        pieces: each pair measured once, not twice).
        """
        geoms = np.asarray(geoms, dtype=object)
        q_owner = np.arange(len(geoms), dtype=np.intp) if owner is None else owner
        qb = shapely.bounds(geoms)
        grown = shapely.box(qb[:, 0] - max_d, qb[:, 1] - max_d, qb[:, 2] + max_d,
                            qb[:, 3] + max_d)
        q, p = self.tree.query(grown)
        pb = self.bounds[p]
        dx = np.maximum(0.0, np.maximum(pb[:, 0] - qb[q, 2], qb[q, 0] - pb[:, 2]))
        dy = np.maximum(0.0, np.maximum(pb[:, 1] - qb[q, 3], qb[q, 1] - pb[:, 3]))
        close = np.hypot(dx, dy) <= max_d
        if upper:
            close &= q_owner[q] < self.owner[p]
        q, p = q[close], p[close]
        d = _distances(geoms[q], self.pieces[p])
        return _least(q_owner[q], self.owner[p], d, max_d)


def _distances(a: GeometryArray, b: GeometryArray) -> FloatArray:
    """``shapely.distance(a, b)``, on several threads for many pairs (the core's one rule,
    :func:`naturplan.core.geometry_kernels.threaded`)."""
    if len(a) == 0:
        return np.empty(0)
    return np.asarray(threaded(shapely.distance, a, b), dtype=float)


def _least(a: IntArray, b: IntArray, d: FloatArray,
           max_d: float) -> tuple[IntArray, IntArray, FloatArray]:
    """One row per (a, b) pair with the least d, only pairs with d <= max_d."""
    if len(a) == 0:
        return a, b, d
    key = a.astype(np.int64) * (int(b.max()) + 1) + b
    order = np.lexsort((d, key))
    key, a, b, d = key[order], a[order], b[order], d[order]
    first = np.ones(len(key), dtype=bool)
    first[1:] = key[1:] != key[:-1]
    a, b, d = a[first], b[first], d[first]
    keep = d <= max_d
    return a[keep], b[keep], d[keep]


def patch_links(geoms: GeometryArray, max_d: float, index: PieceIndex | None = None) -> Links:
    """Every pair of patches at most *max_d* metres apart (edge to edge), ``i < j``.

    The pieces are queried in blocks of :data:`LINK_BLOCK` patches (by position), so the
    candidate pairs of the index's bounding boxes are held one block at a time. A block holds
    every piece of its patches, so each pair's least distance is found in one block, and the
    blocks in order give the rows in the same order as one query of all pieces.
    """
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) < 2:
        return empty_links()
    index = index or PieceIndex.of(geoms)
    if len(geoms) <= LINK_BLOCK:
        a, b, d = index.near(index.pieces, max_d, index.owner, upper=True)
        return Links(a, b, d)
    parts: list[tuple[IntArray, IntArray, FloatArray]] = []
    by_owner = np.argsort(index.owner, kind="stable")
    cuts = np.searchsorted(index.owner[by_owner], np.arange(0, len(geoms), LINK_BLOCK))
    for lo, hi in zip(cuts, [*cuts[1:], len(by_owner)], strict=True):
        rows = by_owner[lo:hi]
        parts.append(index.near(index.pieces[rows], max_d, index.owner[rows], upper=True))
    return Links(*(np.concatenate([part[k] for part in parts]) for k in range(3)))


def prune_links(n: int, links: Links, feedback: Feedback | None = None) -> Links:
    """The links without those a two-link detour makes redundant (see the module docstring).

    A link u–v of length d is dropped when some patch k has links k–u and k–v with
    d(k, u) + d(k, v) ≤ d. The detour's links are each shorter than d (lengths are
    positive), so by induction on the length every shortest-path distance is kept; a link
    that only a longer detour makes redundant stays (harmless, it is never on a shortest
    path's way). The detours are enumerated per patch with its neighbours sorted by
    distance, so only pairs whose sum can reach the longest link are looked at, at most
    :data:`DETOURS_AT_ONCE` of them at a time.
    """
    feedback = as_feedback(feedback)
    if len(links) == 0:
        return links
    src, dst, w, count = _slots(links)
    link_keys = links.i.astype(np.int64) * n + links.j
    by_key = np.argsort(link_keys)
    sorted_keys = link_keys[by_key]
    del link_keys
    redundant = np.zeros(len(links), dtype=bool)
    for chunk in _detour_chunks(count):
        feedback.check()
        c = count[chunk]
        first = np.repeat(chunk, c)
        second = np.arange(len(first), dtype=np.int64)
        second -= np.repeat(np.cumsum(c) - c, c)
        second += first
        second += 1
        detour = w[first] + w[second]
        u, v = dst[first], dst[second]
        del first, second
        pair = np.minimum(u, v).astype(np.int64) * n + np.maximum(u, v)
        del u, v
        pos = np.minimum(np.searchsorted(sorted_keys, pair), len(sorted_keys) - 1)
        found = sorted_keys[pos] == pair
        del pair
        link = by_key[pos[found]]
        redundant[link[detour[found] <= links.d[link]]] = True
    return links.take(~redundant)


#: Detour pairs (two links of one patch) looked at once by :func:`prune_links`: about 40 bytes
#: each in its temporary arrays.
DETOURS_AT_ONCE = 500_000


def _slots(links: Links) -> tuple[NDArray[np.int32], NDArray[np.int32], FloatArray, IntArray]:
    """Each link from both ends, sorted by patch, then by distance: (patch, neighbour,
    distance) and, for each slot e, how many later slots f of its patch have
    w[e] + w[f] <= the longest link."""
    src = np.concatenate([links.i, links.j]).astype(np.int32)
    w = np.concatenate([links.d, links.d])
    order = np.lexsort((w, src))
    src, w = src[order], w[order]
    dst = np.concatenate([links.j, links.i]).astype(np.int32)[order]
    del order
    limit = float(links.d.max())
    span = 2.0 * limit + 1.0
    key = src.astype(float) * span + w  # sorted: by patch, then by distance
    node_end = np.searchsorted(src, src, side="right")
    last = np.searchsorted(key, src * span + (limit - w), side="right")
    del key
    np.minimum(last, node_end, out=last)
    del node_end
    last -= np.arange(len(src)) + 1
    return src, dst, w, np.maximum(last, 0)


def _detour_chunks(count: IntArray) -> list[IntArray]:
    """The slots with detours, in runs of about :data:`DETOURS_AT_ONCE` pairs (a slot's pairs
    are never split)."""
    slots = np.flatnonzero(count)
    if len(slots) == 0:
        return []
    cumulative = np.cumsum(count[slots])
    cuts = np.searchsorted(cumulative, np.arange(DETOURS_AT_ONCE, int(cumulative[-1]),
                                                 DETOURS_AT_ONCE), side="right")
    return [c for c in np.split(slots, np.unique(cuts)) if len(c)]
