"""The Integral Index of Connectivity's sum for
:class:`naturplan.core.analysis.connectivity.ConnectivityNetwork`: ΣᵢΣⱼ aᵢ aⱼ / (1 + nlᵢⱼ)
over the pairs linked through the IIC links, nlᵢⱼ the number of links on the shortest
topological path.

IIC has no distance cut-off: every pair of a connected component counts, however many links
apart. Its cost therefore grows with Σ (component size)², not with the patches: a municipality
is a few 10⁷–10⁸ pairs, all of Denmark's §3 nature 6.4·10⁹ pairs in components up to 582
links deep. Above :data:`IIC_MAX_PAIRS` it is not computed; a cut-off like PC's p_min would
make it another index, and a number for another index is worse than none (the user sees an
empty cell and the reason). PC and ECA, on which the candidates are judged, are computed at
every size.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from naturplan.core.analysis.patches import Links
from naturplan.core.feedback import Feedback

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]


#: IIC is left out (None, with the count in ``iic_skipped_pairs``) above this many linked
#: pairs (Σ over the IIC link graph's components of their size²; DESIGN.md, "Connectivity").
#: Its search visits every such pair: the sample at double density has 1.05·10⁸ (about 7 s
#: CPU), all of Denmark's §3 nature 6.4·10⁹ in components up to 582 links deep (about
#: 30 min). A network of up to 20,000 patches always stays below it.
IIC_MAX_PAIRS = 400_000_000


def iic_pairs(n: int, links: Links) -> int:
    """The ordered pairs (i, j), i = j included, that are linked through *links*: Σ of the
    squared sizes of the link graph's connected components."""
    if n == 0:
        return 0
    from scipy.sparse.csgraph import connected_components

    _, label = connected_components(links.graph(n), directed=False)
    sizes = np.bincount(label).astype(np.int64)
    return int((sizes * sizes).sum())


#: Sources per word of the bit-parallel search, and words per batch.
_BITS, _WORDS = 64, 16


def iic_sum(n: int, links: Links, areas: FloatArray, feedback: Feedback,
             order: IntArray | None = None) -> float:
    """ΣᵢΣⱼ aᵢ aⱼ / (1 + nlᵢⱼ) over pairs linked through IIC links (and i = j).

    A breadth-first search from 1,024 sources at once, one bit per source in 16 words per
    patch: a level ORs the frontier words of the patches reached last into their neighbours,
    and the newly reached bits are weighted by the sources' areas through a byte table.
    Only patches on the frontier are touched, so each (source, patch) pair costs about one
    bit operation. *order* lists the sources in a spatial order (neighbours share words,
    their fronts move together).
    """
    total = float((areas**2).sum())
    if len(links) == 0 or n < 2:
        return total
    graph = links.graph(n)
    indptr, indices = graph.indptr, graph.indices
    sources = order if order is not None else np.arange(n)
    batch = _BITS * _WORDS
    bit_table = np.unpackbits(np.arange(256, dtype=np.uint8)[:, None], axis=1,
                              bitorder="little").astype(float)  # (256, 8)
    for b0 in range(0, n, batch):
        feedback.check()
        src = sources[b0:b0 + batch]
        total += _iic_batch(src, indptr, indices, areas, bit_table)
        feedback.report(min(b0 + batch, n) / n, "")
    return total


def _iic_batch(src: IntArray, indptr: IntArray, indices: IntArray, areas: FloatArray,
               bit_table: FloatArray) -> float:
    n = len(areas)
    slot = np.arange(len(src))
    word, bit = slot // _BITS, (slot % _BITS).astype(np.uint64)
    seen = np.zeros((n, _WORDS), dtype=np.uint64)
    np.bitwise_or.at(seen, (src, word), np.left_shift(np.uint64(1), bit))
    # table[c, byte]: the summed area of the sources whose bits are set in byte c.
    src_areas = np.zeros(_BITS * _WORDS)
    src_areas[slot] = areas[src]
    table = bit_table @ src_areas.reshape(_WORDS * 8, 8).T  # (256, W*8)
    columns = np.arange(_WORDS * 8)[None, :]
    active, front = np.unique(src), seen[np.unique(src)].copy()
    total, level = 0.0, 0
    while len(active):
        level += 1
        deg = indptr[active + 1] - indptr[active]
        owner = np.repeat(np.arange(len(active)), deg)
        pos = np.repeat(indptr[active], deg) + (np.arange(len(owner)) - np.repeat(
            np.cumsum(deg) - deg, deg))
        target = indices[pos]
        # numpy sorts 16-bit keys by radix (about 10× the int64 sort; municipal networks)
        key = target.astype(np.uint16) if n <= 1 << 16 else target
        by_target = np.argsort(key, kind="stable")
        target = target[by_target]
        first = np.flatnonzero(np.r_[True, target[1:] != target[:-1]])  # sorted already
        reached = target[first]
        words = np.bitwise_or.reduceat(front[owner[by_target]], first, axis=0)
        words &= ~seen[reached]
        new = words.any(axis=1)
        active, front = reached[new], words[new]
        seen[active] |= front
        weights = table[front.view(np.uint8), columns].sum(axis=1)
        total += float(areas[active] @ weights) / (1.0 + level)
    return total
