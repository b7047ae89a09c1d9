"""Walking distance to nature on a road network (issue 25 item 2, the option).

The straight-line :class:`~naturplan.core.analysis.access.AccessIndex` counts an address 200 m
from a park as "within 300 m" even when the only way there is 500 m round a block. With a
layer of roads (role ``roads``, e.g. GeoDanmark vejmidter) the distance is walked instead:

- :class:`RoadNetwork` is a graph of the roads' segments. Every line is first cut into
  pieces of at most :data:`STEP_M` (so that a road passing close by a patch of nature has a
  vertex near it), the vertices are snapped to a :data:`SNAP_M` grid (lines that share an end
  share a node), and each piece is an edge weighted by its length.
- A patch of nature is entered where the network meets or passes within :data:`ENTRY_M` of
  it: every node within that distance (inside included) is a source, at its straight
  distance from the nature. One ``scipy.sparse.csgraph.dijkstra`` from a virtual node joined
  to every source by that distance is the multi-source search, with the largest distance as
  its limit; farther nodes are "beyond".
- Lines meet where they share an end (or a vertex): GeoDanmark's vejmidter are split at every
  junction, and a crossing without a shared vertex is a bridge or a tunnel.
- Each address walks straight to the nearest point of the network (its connector) and on
  along the edge it lands on, through whichever end is shorter. When nature is nearer in a
  straight line than the road (a park behind the house) the straight distance is taken: one
  does not walk to the road to reach the garden gate.

:class:`Walker` gives an :class:`~naturplan.core.analysis.access.AccessIndex` built with
roads its walked distances, so the ``AccessLedger`` follows the plan with it unchanged. A
candidate's distances (:meth:`Walker.near`) use only the part of the graph within the largest
distance of the candidate (a straight line is never longer than the walk), so an edit is
local. Everything is in metres (EPSG:25832).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

if TYPE_CHECKING:  # scipy is imported when a network is built: access without roads stays light
    from scipy.sparse import csr_matrix

#: The longest edge (m): lines are cut into pieces no longer than this, so a road that
#: passes a patch of nature has a node within half of it from the nearest point.
STEP_M = 20.0
#: Vertices nearer each other than this (m) are one node: lines that share an end meet.
SNAP_M = 0.5
#: A patch of nature is entered from the nodes within this distance (m) of it.
ENTRY_M = 15.0


@dataclass
class RoadNetwork:
    """The road graph (see the module docstring).

    Parameters
    ----------
    lines
        The roads' (multi)lines, EPSG:25832. Other geometries are left out.
    """

    lines: NDArray[np.object_]
    nodes: NDArray[np.float64] = field(init=False)  # (n, 2) node coordinates
    edges: NDArray[np.intp] = field(init=False)  # (m, 2) node pairs
    lengths: NDArray[np.float64] = field(init=False)
    graph: csr_matrix = field(init=False)

    def __post_init__(self) -> None:
        from scipy.sparse import csr_matrix

        geoms = np.asarray(self.lines, dtype=object)
        if len(geoms):
            geoms = shapely.get_parts(geoms[~shapely.is_missing(geoms)])
            geoms = geoms[np.isin(shapely.get_type_id(geoms), (1, 2)) & ~shapely.is_empty(geoms)]
        self.lines = geoms
        pieces = shapely.segmentize(geoms, STEP_M) if len(geoms) else geoms
        coords, line = shapely.get_coordinates(pieces, return_index=True)
        keys = np.round(coords / SNAP_M).astype(np.int64)
        uniq, node_of = np.unique(keys, axis=0, return_inverse=True)
        node_of = node_of.reshape(-1)
        first = np.zeros(len(uniq), dtype=np.intp)
        first[node_of[::-1]] = np.arange(len(node_of))[::-1]
        self.nodes = coords[first] if len(coords) else np.empty((0, 2))
        self._snapped_x = uniq[:, 0] if len(uniq) else np.empty(0, dtype=np.int64)
        same_line = line[1:] == line[:-1] if len(line) else np.empty(0, dtype=bool)
        a, b = node_of[:-1][same_line], node_of[1:][same_line]
        keep = a != b
        a, b = a[keep], b[keep]
        self.edges = np.column_stack([a, b]).astype(np.intp)
        self.lengths = np.hypot(*(self.nodes[a] - self.nodes[b]).T)
        n = len(self.nodes)
        self.graph = csr_matrix((np.concatenate([self.lengths, self.lengths]),
                                 (np.concatenate([a, b]), np.concatenate([b, a]))), shape=(n, n))
        self._node_points = shapely.points(self.nodes) if n else np.empty(0, dtype=object)
        self.node_tree = shapely.STRtree(self._node_points)
        self._edge_lines = (shapely.linestrings(np.stack([self.nodes[a], self.nodes[b]], axis=1))
                            if len(a) else np.empty(0, dtype=object))
        self.edge_tree = shapely.STRtree(self._edge_lines)

    def __len__(self) -> int:
        return len(self.nodes)

    def entries(self, nature: NDArray[np.object_] | BaseGeometry,
                subset: NDArray[np.intp] | None = None
                ) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
        """The nodes within :data:`ENTRY_M` of *nature* (polygons or one geometry), inside
        included, and each one's straight distance to it (m); with *subset*, only those among
        these nodes."""
        geoms = np.atleast_1d(np.asarray(nature, dtype=object))
        geoms = geoms[~shapely.is_missing(geoms)] if len(geoms) else geoms
        if len(geoms) == 0 or len(self.nodes) == 0:
            return np.empty(0, dtype=np.intp), np.empty(0)
        hits = self.node_tree.query(geoms, predicate="dwithin", distance=ENTRY_M)
        node, geom = np.asarray(hits[1], dtype=np.intp), np.asarray(hits[0], dtype=np.intp)
        if subset is not None:
            inside = np.isin(node, subset)
            node, geom = node[inside], geom[inside]
        gap = shapely.distance(self._node_points[node], geoms[geom])
        found, where = np.unique(node, return_inverse=True)
        offset = np.full(len(found), np.inf)
        np.minimum.at(offset, where.reshape(-1), gap)
        return found, offset

    def walk_from(self, sources: tuple[NDArray[np.intp], NDArray[np.float64]], limit: float,
                  nodes: NDArray[np.intp] | None = None) -> NDArray[np.float64]:
        """Each node's walking distance (m) from the nearest of *sources* (nodes and their
        straight distance to the nature; ``inf`` beyond *limit*): one Dijkstra from a virtual
        node joined to every source by its distance. With *nodes* (sorted, containing the
        sources) only the subgraph of those nodes is walked; the other nodes are ``inf``."""
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import dijkstra

        out = np.full(len(self.nodes), np.inf)
        source, offset = sources
        if len(source) == 0:
            return out
        graph = self.graph if nodes is None else self.graph[nodes][:, nodes]
        local = source if nodes is None else np.searchsorted(nodes, source)
        n = graph.shape[0]
        # The virtual node n, joined to each source by its distance (an explicit zero is no
        # edge to scipy: a source on the nature is a hair away); only its row is needed.
        weight = np.maximum(offset, 1e-9)
        order = np.argsort(local)
        indptr = np.concatenate([graph.indptr, [graph.indptr[-1] + len(local)]])
        joined = csr_matrix((np.concatenate([graph.data, weight[order]]),
                             np.concatenate([graph.indices, local[order]]), indptr),
                            shape=(n + 1, n + 1))
        walked = dijkstra(joined, directed=True, indices=n, limit=limit)[:n]
        if nodes is None:
            out[:] = walked
        else:
            out[nodes] = walked
        return out

    def nodes_near(self, geom: BaseGeometry, distance: float) -> NDArray[np.intp]:
        """The nodes within *distance* (m, straight) of *geom*'s bounding box, sorted (one
        vectorised comparison of the node coordinates)."""
        minx, miny, maxx, maxy = shapely.bounds(geom)
        # The nodes are sorted by their snapped x (np.unique's order): the x range is a slice.
        lo = int(np.searchsorted(self._snapped_x, np.floor((minx - distance) / SNAP_M) - 1))
        hi = int(np.searchsorted(self._snapped_x, np.ceil((maxx + distance) / SNAP_M) + 1,
                                 side="right"))
        x, y = self.nodes[lo:hi, 0], self.nodes[lo:hi, 1]
        inside = ((x >= minx - distance) & (x <= maxx + distance)
                  & (y >= miny - distance) & (y <= maxy + distance))
        return lo + np.flatnonzero(inside)


@dataclass(frozen=True)
class Connectors:
    """How each address joins the network: the edge it lands on, the straight connector's
    length (m) and the distances along the edge to its two ends (m). An address with no
    network has edge -1 and an infinite connector."""

    edge: NDArray[np.intp]
    connector: NDArray[np.float64]
    to_a: NDArray[np.float64]
    to_b: NDArray[np.float64]


def connect(network: RoadNetwork, points: NDArray[np.object_]) -> Connectors:
    """Join every address of *points* to its nearest road point (one STRtree query)."""
    n = len(points)
    edge = np.full(n, -1, dtype=np.intp)
    connector = np.full(n, np.inf)
    to_a, to_b = np.zeros(n), np.zeros(n)
    if n == 0 or len(network.edges) == 0:
        return Connectors(edge, connector, to_a, to_b)
    pairs, dist = network.edge_tree.query_nearest(points, return_distance=True,
                                                  all_matches=False)
    edge[pairs[0]] = pairs[1]
    connector[pairs[0]] = dist
    lines = network._edge_lines[pairs[1]]
    along = shapely.line_locate_point(lines, points[pairs[0]])
    to_a[pairs[0]] = along
    to_b[pairs[0]] = network.lengths[pairs[1]] - along
    return Connectors(edge, connector, to_a, to_b)


def walked(network: RoadNetwork, joins: Connectors, node_distance: NDArray[np.float64],
           idx: NDArray[np.intp]) -> NDArray[np.float64]:
    """The walking distance of the addresses *idx* given each node's distance from nature:
    connector plus the shorter way through either end of the edge they land on."""
    edge = joins.edge[idx]
    out = np.full(len(idx), np.inf)
    on = edge >= 0
    ends = network.edges[edge[on]]
    through = np.minimum(joins.to_a[idx][on] + node_distance[ends[:, 0]],
                         joins.to_b[idx][on] + node_distance[ends[:, 1]])
    out[on] = joins.connector[idx][on] + through
    return out


@dataclass
class Walker:
    """The walking distances of a fixed set of addresses on *network*: their connectors
    once, then per set of nature the distances (see the module docstring). The
    :class:`~naturplan.core.analysis.access.AccessIndex` uses one when it is given roads."""

    network: RoadNetwork
    points: NDArray[np.object_]
    joins: Connectors = field(init=False)

    def __post_init__(self) -> None:
        self.joins = connect(self.network, np.asarray(self.points, dtype=object))

    def _walk(self, straight: NDArray[np.float64], node_distance: NDArray[np.float64],
              idx: NDArray[np.intp], reach: float) -> NDArray[np.float64]:
        """Walking distance of *idx*, or the straight one where nature is nearer than the
        road; ``inf`` beyond *reach*."""
        walk = walked(self.network, self.joins, node_distance, idx)
        nearer = straight <= self.joins.connector[idx]
        out = np.where(nearer, straight, walk)
        return np.where(out <= reach, out, np.inf)

    def everyone(self, straight: NDArray[np.float64], nature: NDArray[np.object_],
                 reach: float) -> NDArray[np.float64]:
        """Every address's walking distance to *nature* (*straight*: their straight
        distances, ``inf`` beyond *reach*): one search over the whole graph."""
        geoms = nature[~shapely.is_missing(nature)] if len(nature) else nature
        node_distance = self.network.walk_from(self.network.entries(geoms), reach)
        return self._walk(straight, node_distance, np.arange(len(self.points)), reach)

    def near(self, geom: BaseGeometry, idx: NDArray[np.intp], straight: NDArray[np.float64],
             reach: float) -> tuple[NDArray[np.intp], NDArray[np.float64]]:
        """Of the addresses *idx* (within *reach* of *geom* in a straight line, at the
        distances *straight*), those within walking *reach* and their walking distances,
        from the part of the graph within the reach of *geom*."""
        if len(idx) == 0:
            return idx, straight
        nodes = self.network.nodes_near(geom, reach + ENTRY_M)
        sources = self.network.entries(geom, subset=nodes)
        node_distance = self.network.walk_from(sources, reach, nodes)
        dist = self._walk(straight, node_distance, idx, reach)
        keep = np.isfinite(dist)
        return idx[keep], dist[keep]
