"""Landscape connectivity of the habitat patches, now and with the candidates.

The indices (DESIGN.md, "Connectivity"; Saura & Pascual-Hortal 2007, Jaeger 2000), with
patch areas aᵢ in m² and the landscape area A (the municipality):

- pᵢⱼ = exp(−k·dᵢⱼ) for the edge-to-edge distance dᵢⱼ, k = −ln(p₀)/d₀ (default p₀ = 0.5 at
  d₀ = 500 m); p*ᵢⱼ is the best product of p over any path (crossing a patch is free), so
  p*ᵢⱼ = exp(−k·Dᵢⱼ) with Dᵢⱼ the shortest-path distance; p*ᵢᵢ = 1.
- PC = ΣᵢΣⱼ aᵢ aⱼ p*ᵢⱼ / A² and ECA = √(ΣᵢΣⱼ aᵢ aⱼ p*ᵢⱼ) (m²; shown in ha).
- IIC = ΣᵢΣⱼ aᵢ aⱼ / (1 + nlᵢⱼ) / A², nlᵢⱼ the number of links on the shortest topological
  path when patches are linked at most ``iic_threshold`` apart (0 terms for unlinked pairs).
- m_eff = Σᵢ aᵢ² / A (effective mesh size, m²).

**The model's two limits**, both :class:`ConnectivityParams` with defaults: links are drawn
between patches at most ``max_link_m`` apart (default 2 d₀, where p = 0.25 by default;
longer gaps are crossed through stepping stones); pairs whose best path has p* below
``p_min`` (default 1 %) count as not connected. benchmarks/RESULTS.md shows what each costs in
ECA on the Aalborg sample.

**A candidate's value** is the change it makes on its own to today's network: ΔECA =
ECA(now + candidate) − ECA(now) and ΔPC in per cent of today's PC; it joins the patches it
touches or overlaps. :class:`ConnectivityNetwork` keeps today's shortest-path distances (the
pairs within ``p_min``) so that this change is computed without a new all-pairs search: a new
patch only shortens the paths that pass through it, Dᵢⱼ' = min(Dᵢⱼ, Xᵢ + Xⱼ) with X the
distances from the new patch, found by one search from it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.connectivity_dense import (
    DensePairs,
    dense_gain,
    dense_gain_many,
    kept_pairs,
    symmetric_block,
)
from naturplan.core.analysis.connectivity_iic import IIC_MAX_PAIRS, iic_pairs, iic_sum
from naturplan.core.analysis.patches import (
    CHUNK,
    Links,
    Patches,
    PieceIndex,
    clip_to,
    dissolve_patches,
    patch_links,
    prune_links,
)
from naturplan.core.analysis.shortcuts import (
    behind_shortcuts,
    pair_gain,
    shortcut_gain,
    shortcut_groups,
)
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.forked import Pending
from naturplan.core.geometry import GeometryArray

if TYPE_CHECKING:  # scipy is imported where a network is measured (0.2 s at start-up)
    from scipy.sparse import csr_matrix

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]


@dataclass(frozen=True)
class ConnectivityParams:
    """The dispersal kernel and the model's limits (see the module docstring).

    ``max_link_m`` None means 2 × ``dispersal_m``; ``iic_threshold_m`` None means
    ``dispersal_m``.
    """

    dispersal_m: float = 500.0
    p_at_dispersal: float = 0.5
    max_link_m: float | None = None
    p_min: float = 0.01
    iic_threshold_m: float | None = None

    def __post_init__(self) -> None:
        if not (self.dispersal_m > 0 and 0 < self.p_at_dispersal < 1 and 0 < self.p_min < 1):
            raise ValueError("dispersal_m > 0 and 0 < p_at_dispersal, p_min < 1 are required")

    @property
    def k(self) -> float:
        """Decay per metre: p = exp(−k d)."""
        return -math.log(self.p_at_dispersal) / self.dispersal_m

    @property
    def link_m(self) -> float:
        return self.max_link_m if self.max_link_m is not None else 2.0 * self.dispersal_m

    @property
    def iic_m(self) -> float:
        return self.iic_threshold_m if self.iic_threshold_m is not None else self.dispersal_m

    @property
    def limit_m(self) -> float:
        """The longest path that still counts: exp(−k·limit) = p_min."""
        return -math.log(self.p_min) / self.k

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None) -> ConnectivityParams:
        """Parameters from a project's settings (unknown keys ignored, missing ones default)."""
        if not values:
            return cls()
        fields = {f: values[f] for f in cls.__dataclass_fields__ if values.get(f) is not None}
        return cls(**{k: float(v) for k, v in fields.items()})


@dataclass(frozen=True)
class ConnectivityIndices:
    """The indices of one patch network (areas in m², PC and IIC as fractions)."""

    landscape_m2: float
    patches: int
    habitat_m2: float
    pc_sum: float
    area_sq_sum: float
    iic_sum: float | None = None
    #: The linked pairs IIC would have counted when it was left out for its size
    #: (:data:`IIC_MAX_PAIRS`); None when it was computed or not asked for.
    iic_skipped_pairs: int | None = None

    @property
    def pc(self) -> float:
        return self.pc_sum / self.landscape_m2**2 if self.landscape_m2 > 0 else 0.0

    @property
    def eca_m2(self) -> float:
        return math.sqrt(max(self.pc_sum, 0.0))

    @property
    def iic(self) -> float | None:
        if self.iic_sum is None or self.landscape_m2 <= 0:
            return None
        return self.iic_sum / self.landscape_m2**2

    @property
    def meff_m2(self) -> float:
        return self.area_sq_sum / self.landscape_m2 if self.landscape_m2 > 0 else 0.0


@dataclass(frozen=True)
class JoinedPatch:
    """A patch of today's network that a candidate touches or overlaps."""

    patch: int
    area_m2: float


@dataclass(frozen=True)
class CandidateConnectivity:
    """What one candidate does to today's network on its own.

    ``joins`` are the patches it touches or overlaps; with two or more it joins them into one.
    """

    before: ConnectivityIndices
    pc_sum_after: float
    new_area_m2: float
    joins: tuple[JoinedPatch, ...]

    @property
    def eca_after_m2(self) -> float:
        return math.sqrt(max(self.pc_sum_after, 0.0))

    @property
    def delta_eca_m2(self) -> float:
        return self.eca_after_m2 - self.before.eca_m2

    @property
    def delta_pc(self) -> float:
        """Change of PC (a fraction of A²)."""
        return (self.pc_sum_after - self.before.pc_sum) / self.before.landscape_m2**2

    @property
    def delta_pc_percent(self) -> float:
        """Change of PC in per cent of today's PC."""
        if self.before.pc_sum <= 0:
            return 0.0
        return 100.0 * (self.pc_sum_after - self.before.pc_sum) / self.before.pc_sum


class ConnectivityNetwork:
    """A patch network with its indices (see the module docstring).

    Parameters
    ----------
    patches
        The dissolved patches (:func:`naturplan.core.analysis.patches.dissolve_patches`).
    landscape
        The landscape (municipality); A is its area, and candidates are clipped to it.
    params
        Kernel and limits.
    iic
        Compute IIC too (an all-pairs topological search over the IIC links).
    keep_paths
        Keep the pairs' shortest-path distances for :meth:`candidate` (memory: 8 bytes per
        connected pair, or 4 bytes per pair of patches where that is no more:
        :mod:`naturplan.core.analysis.connectivity_dense`).
    feedback
        Progress and cancel.
    start
        Begins a call on another core and returns its pending result: the use cases'
        forked child, :func:`naturplan.core.forked.start` (passed only where a child may
        be made: never in the window's process). IIC and the path searches of the
        last sources (:data:`OTHER_SHARE_IIC`, :data:`OTHER_SHARE`) then run there while
        the rest run here: the same sums, less wall time, the same CPU. None: all here.

    Raises
    ------
    OperationCancelled
        If *feedback* was cancelled.
    """

    paths: csr_matrix | DensePairs | None

    def __init__(self, patches: Patches, landscape: BaseGeometry,
                 params: ConnectivityParams | None = None, *, iic: bool = True,
                 keep_paths: bool = True, feedback: Feedback | None = None,
                 start: Callable[..., Pending[Any]] | None = None) -> None:
        feedback = as_feedback(feedback)
        self.params = params or ConnectivityParams()
        self.patches = patches
        self.landscape = landscape
        n = len(patches)
        self.index = PieceIndex.of(patches.geoms)
        feedback.report(0.0, "links")
        links = patch_links(patches.geoms, self.params.link_m, self.index)
        feedback.check()
        order = _spatial_order(patches.geoms)
        iic_total, skipped, iic_args = None, None, None
        if iic:
            iic_links = links.take(links.d <= self.params.iic_m)
            pairs = iic_pairs(n, iic_links)
            if pairs > IIC_MAX_PAIRS:
                skipped = pairs
            elif start is not None:  # on the other core (below)
                iic_args = (n, iic_links, patches.areas, Feedback(), order)
            else:
                iic_total = iic_sum(n, iic_links, patches.areas, feedback.part(0.1, 0.25),
                                    order)
        self.links = prune_links(n, links, feedback.part(0.25, 0.3))
        self.graph = self.links.graph(n)
        fb = feedback.part(0.3, 1.0)
        if start is None:
            self.row_sums, pc_sum, self.paths = _path_sums(
                self.graph, patches.areas, self.params, keep_paths, fb, order)
        else:  # the last sources (and IIC) on the other core, the same search blocks
            share = OTHER_SHARE_IIC if iic_args else OTHER_SHARE
            cut = int(n * (1 - share)) // CHUNK * CHUNK  # whole blocks: the same sums
            args = (self.graph, patches.areas, self.params, keep_paths)
            # leaving the block by an error or a cancel here stops the child
            with start(_elsewhere, iic_args, (*args, Feedback(), order[cut:])) as other:
                here = _path_blocks(*args, fb, order[:cut])
                theirs = other.result()
            iic_total = theirs[0] if iic_args else iic_total
            self.row_sums, pc_sum, self.paths = _joined(patches.areas, keep_paths, order,
                                                        here, theirs[1])
        self.indices = ConnectivityIndices(
            float(shapely.area(landscape)), n, float(patches.areas.sum()), pc_sum,
            float((patches.areas**2).sum()), iic_total, skipped)
        feedback.report(1.0, "")

    @classmethod
    def of_polygons(cls, geoms: GeometryArray, landscape: BaseGeometry,
                    params: ConnectivityParams | None = None, **kwargs: Any
                    ) -> ConnectivityNetwork:
        """The network of *geoms* dissolved into patches inside *landscape*."""
        return cls(dissolve_patches(geoms, landscape), landscape, params, **kwargs)

    def candidate(self, geom: BaseGeometry) -> CandidateConnectivity:
        """What adding the area *geom* does to this network (see the module docstring).

        Raises
        ------
        ValueError
            If the network was built without ``keep_paths``.
        """
        if self.paths is None:
            raise ValueError("the network keeps no paths; build it with keep_paths=True")
        parts = shapely.get_parts(clip_to(np.array([geom], dtype=object), self.landscape))
        parts = parts[shapely.area(parts) > 0] if len(parts) else parts
        if len(parts) == 0:
            return CandidateConnectivity(self.indices, self.indices.pc_sum, 0.0, ())
        nodes, merged, members = self._new_nodes(parts)
        return _with_new_nodes(self, nodes, merged, members)

    def _new_nodes(self, parts: GeometryArray
                   ) -> tuple[GeometryArray, IntArray, tuple[GeometryArray, IntArray]]:
        """The patches the parts make with the patches they touch, those patches, and the
        new patches' members: the parts and the touched patches' pieces, each with the
        position of its new patch (a new patch's distance to another is its members' least:
        measured on the small pieces, not on the whole merged outline)."""
        geoms = self.patches.geoms
        tree_hits = self.index.tree.query(parts, predicate="intersects")
        part_of, patch_of = tree_hits[0], self.index.owner[tree_hits[1]]
        merged = np.unique(patch_of)
        n_parts = len(parts)
        local = np.searchsorted(merged, patch_of) + n_parts
        a, b = shapely.STRtree(parts).query(parts, predicate="intersects")
        size = n_parts + len(merged)
        rows = np.concatenate([a, part_of])
        cols = np.concatenate([b, local])
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import connected_components

        graph = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(size, size))
        _, label = connected_components(graph, directed=False)
        members = np.concatenate([parts, geoms[merged]])
        keys = np.unique(label[:n_parts])  # every touched patch touches a part
        nodes = np.array([shapely.union_all(members[label == c]) for c in keys], dtype=object)
        node_of = np.searchsorted(keys, label)
        pieces = np.flatnonzero(np.isin(self.index.owner, merged))
        of_piece = node_of[n_parts + np.searchsorted(merged, self.index.owner[pieces])]
        return nodes, merged, (np.concatenate([parts, self.index.pieces[pieces]]),
                               np.concatenate([node_of[:n_parts], of_piece]))


def _spatial_order(geoms: GeometryArray) -> IntArray:
    """Positions of *geoms* along a Z-order curve of their bounding-box centres."""
    if len(geoms) == 0:
        return np.empty(0, np.intp)
    b = shapely.bounds(geoms)
    x, y = (b[:, 0] + b[:, 2]) / 2, (b[:, 1] + b[:, 3]) / 2
    span = max(float(np.ptp(x)), float(np.ptp(y)), 1.0)
    xi = ((x - x.min()) / span * 65535).astype(np.uint64)
    yi = ((y - y.min()) / span * 65535).astype(np.uint64)
    code = np.zeros(len(geoms), dtype=np.uint64)
    for bit in range(16):
        one = np.uint64(1)
        code |= ((xi >> np.uint64(bit)) & one) << np.uint64(2 * bit)
        code |= ((yi >> np.uint64(bit)) & one) << np.uint64(2 * bit + 1)
    return np.argsort(code, kind="stable").astype(np.intp)


#: Cells of the dense distance block of one Dijkstra call in :func:`_path_sums` (float64:
#: 64 MB); Aalborg's 10,000 patches keep the whole CHUNK of rows.
PATH_BLOCK_CELLS = 8_000_000
#: The share of the sources searched on the other core when there is one (``start``): with
#: IIC there too, and without. At double density IIC took about 6 s and the path sums
#: 16 s CPU, so 30 % of the sources plus IIC there balance 70 % here.
OTHER_SHARE_IIC, OTHER_SHARE = 0.3, 0.5


def _path_sums(graph: csr_matrix, areas: FloatArray, params: ConnectivityParams,
               keep: bool, feedback: Feedback, order: IntArray | None = None
               ) -> tuple[FloatArray, float, csr_matrix | DensePairs | None]:
    """Row sums Rᵢ = Σⱼ aⱼ p*ᵢⱼ, ΣᵢΣⱼ aᵢ aⱼ p*ᵢⱼ, and p*ᵢⱼ of the pairs i < j within the
    limit (upper triangle, float32) if *keep*.

    The sources go in blocks along *order* (a spatial order: a block's patches are
    neighbours). One search from the whole block finds the patches any of them reaches
    within the limit; every patch on such a shortest path is among them, so the block's
    searches run on that part of the graph only and give the same distances. Over a
    country that part is a small region, so no search fills a row of all patches.
    """
    sources = order if order is not None else np.arange(graph.shape[0])
    return _joined(areas, keep, order, _path_blocks(graph, areas, params, keep, feedback,
                                                    sources))


def _joined(areas: FloatArray, keep: bool, order: IntArray | None,
            *parts: tuple[FloatArray, list[Any], NDArray[np.int64]]
            ) -> tuple[FloatArray, float, csr_matrix | DensePairs | None]:
    """:func:`_path_sums`' result from the parts of its sources (:func:`_path_blocks`)."""
    rows, kept, counts = parts[0]
    for rows_b, kept_b, counts_b in parts[1:]:
        rows += rows_b
        counts += counts_b
        kept.extend(kept_b)
    paths = kept_pairs(kept, counts, len(areas), order) if keep else None
    return rows, float(areas @ rows), paths


def _elsewhere(iic_args: tuple[Any, ...] | None, path_args: tuple[Any, ...]
               ) -> tuple[float | None, tuple[FloatArray, list[Any], NDArray[np.int64]]]:
    """What the other core does: IIC (if asked) and the path sums of its sources."""
    return (iic_sum(*iic_args) if iic_args else None), _path_blocks(*path_args)


def _path_blocks(graph: csr_matrix, areas: FloatArray, params: ConnectivityParams,
                 keep: bool, feedback: Feedback, sources_in: IntArray
                 ) -> tuple[FloatArray, list[Any], NDArray[np.int64]]:
    """The row sums of *sources_in* (0 elsewhere), their kept pairs by search block, and
    the kept pairs' count per row (see :func:`_path_sums`)."""
    n = graph.shape[0]
    from scipy.sparse.csgraph import dijkstra

    k, limit = params.k, params.limit_m
    rows = np.zeros(n)
    kept: list[tuple[IntArray, NDArray[np.int32], NDArray[np.float32]]] = []
    counts = np.zeros(n, dtype=np.int64)
    everything = np.arange(n)
    for s in range(0, len(sources_in), CHUNK):
        feedback.check()
        block = np.sort(sources_in[s:s + CHUNK])
        region, local_graph = everything, graph
        reach = dijkstra(graph, directed=True, indices=block, limit=limit, min_only=True)
        inside = np.flatnonzero(np.isfinite(reach))
        if len(inside) < n // 2:
            region, local_graph = inside, graph[inside][:, inside]
        # Rows per Dijkstra call: the block, fewer where its region is large, so that the
        # dense block of distances stays within PATH_BLOCK_CELLS (the national world's
        # 130,000 patches took 0.7 GB a block; issue 24 §2). The sums do not depend on it.
        step = max(1, min(CHUNK, PATH_BLOCK_CELLS // max(len(region), 1)))
        for t in range(0, len(block), step):
            sources = block[t:t + step]
            local = sources if region is everything else np.searchsorted(inside, sources)
            dist = dijkstra(local_graph, directed=True, indices=local, limit=limit)
            np.multiply(dist, -k, out=dist)
            np.exp(dist, out=dist)
            if keep:
                upper = dist > 0
                upper &= region[None, :] > sources[:, None]
                r, c = np.nonzero(upper)
                counts[sources] = np.bincount(r, minlength=len(sources))
                kept.append((sources, region[c].astype(np.int32),
                             dist[r, c].astype(np.float32)))
            rows[sources] = dist @ areas[region]
        feedback.report(min(s + CHUNK, len(sources_in)) / max(len(sources_in), 1), "")
    return rows, kept, counts


def _with_new_nodes(net: ConnectivityNetwork, nodes: GeometryArray, merged: IntArray,
                    members: tuple[GeometryArray, IntArray]) -> CandidateConnectivity:
    """ΣΣ aᵢ aⱼ p*ᵢⱼ after replacing the *merged* patches by the new patches *nodes*
    (*members*: their pieces, each with its new patch's position)."""
    params, areas, paths = net.params, net.patches.areas, net.paths
    assert paths is not None
    n, r, k, limit = len(areas), len(nodes), params.k, params.limit_m
    node_areas = shapely.area(nodes).astype(float)
    is_merged = np.zeros(n, dtype=bool)
    is_merged[merged] = True
    # Links of the new patches: to the remaining patches and among themselves.
    q, p, d = net.index.near(members[0], params.link_m, members[1])
    keep = ~is_merged[p]
    q, p, d = q[keep], p[keep], d[keep]
    old = net.links.take(~(is_merged[net.links.i] | is_merged[net.links.j]))
    ei, ej, ed = [old.i, p], [old.j, n + q], [old.d, d]
    if r > 1:
        among = patch_links(nodes, params.link_m)
        ei, ej, ed = ei + [n + among.i], ej + [n + among.j], ed + [among.d]
    graph = Links(np.concatenate(ei), np.concatenate(ej), np.concatenate(ed)).graph(n + r)
    from scipy.sparse.csgraph import dijkstra

    x, pred = dijkstra(graph, directed=True, indices=np.arange(n, n + r), limit=limit,
                       return_predecessors=True)
    x_old, x_new = x[:, :n], x[:, n:]
    # Terms of the new patches with everything (both orders) and among themselves.
    reach = np.exp(-k * x_old)
    reach[:, is_merged] = 0.0
    new_terms = float(node_areas @ node_areas.T) if r == 1 else float(
        node_areas @ np.exp(-k * x_new) @ node_areas)
    new_terms += 2.0 * float(node_areas @ (reach @ areas))
    # Terms of the merged patches go (both orders, minus their pairs counted twice).
    m_areas = areas[merged]
    inner = symmetric_block(paths, merged)
    np.fill_diagonal(inner, 1.0)
    removed = 2.0 * float(m_areas @ net.row_sums[merged]) - float(m_areas @ inner @ m_areas)
    eligible = ~is_merged
    gain = None
    if isinstance(paths, DensePairs):  # summed by blocks of pairs (connectivity_dense)
        gain = dense_gain(paths, areas, x_old[0], *shortcut_groups(paths, pred[0, :n], p, d, k),
                          eligible, k, limit) if r == 1 else dense_gain_many(
            paths, areas, x_old, eligible, k, limit)
    elif r == 1:  # only the pairs behind a shortcut can gain (see shortcuts.pair_gain)
        gain = pair_gain(paths, areas, x_old[0], pred[0, :n], p, d, eligible, k, limit)
        if gain is None:
            eligible &= behind_shortcuts(paths, pred[0, :n], p, d, k)
    if gain is None:
        gain = shortcut_gain(paths, areas, x_old, eligible, k, limit)
    after = net.indices.pc_sum - removed + new_terms + gain
    joins = tuple(JoinedPatch(int(m), float(areas[m])) for m in merged)
    return CandidateConnectivity(net.indices, after, float(node_areas.sum()), joins)
