"""Today's kept pairs as a dense triangle, and a candidate's gain summed over it in blocks
(for :class:`naturplan.core.analysis.connectivity.ConnectivityNetwork`).

Where nearly every pair of patches is connected (the Aalborg sample at double density keeps
half of all pairs), the sparse kept pairs (8 bytes a pair: column and value) take as much
memory as every pair's p* packed row by row (4 bytes a pair of patches), and a lookup in the
packed triangle is one index instead of a search of a row. :func:`kept_pairs` picks the dense
form where it takes at most :data:`DENSE_FACTOR` times the sparse form's memory.

With the dense form, a new patch c's gain is summed by blocks of pairs
(:func:`dense_gain`): a pair i, j can only gain if the first patches a, b on c's paths to
them are two of c's neighbours that make a shortcut, d(c, a) + d(c, b) < D(a, b)
(:mod:`naturplan.core.analysis.shortcuts`). With the reached patches grouped by first patch
and sorted by distance x from c, the pairs of group a with its partner groups are one block
whose columns beyond xᵢ + xⱼ > limit are cut off; each block's old p* are read at once and
its gains summed as a matrix product, so the work is the pairs behind the shortcuts, never
every kept pair within reach.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from naturplan.core.heap import give_back_free_heap

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]

#: The dense triangle is kept where it takes at most this many times the memory of the
#: sparse pairs (4 bytes a pair of patches against 8 a kept pair): at double density
#: 210.6 MB against 208.4 MB.
DENSE_FACTOR = 1.1
#: Cells of one block of pairs in :func:`dense_gain` (float64: 256 kB an array, within the
#: cache; measured faster than 8 k, 16 k, 128 k or 500 k cells).
BLOCK_CELLS = 32_768
#: Bytes of search blocks let go between two hand-backs of the heap's free pages while the
#: kept pairs are copied into their final form. A block (512 sources) is well under glibc's
#: 1 MB mmap threshold, so its freed pages stay resident without it: the national world held
#: its 132 MB of blocks and the 132 MB CSR at once (issue 24 §2).
RELEASE_BYTES = 16 << 20


class _Release:
    """Counts the bytes let go and gives the heap's free pages back every
    :data:`RELEASE_BYTES`."""

    def __init__(self) -> None:
        self.freed = 0

    def __call__(self, nbytes: int) -> None:
        self.freed += nbytes
        if self.freed >= RELEASE_BYTES:
            give_back_free_heap()
            self.freed = 0


class DensePairs:
    """p*ᵢⱼ of the pairs i < j of n patches, packed row by row (float32; 0: not kept).

    It answers what the sparse upper triangle answers (``shape``, ``nnz``, ``toarray``) and
    looks pairs up in either order (:meth:`values`).
    """

    def __init__(self, n: int, data: NDArray[np.float32], nnz: int,
                 rank: IntArray | None = None) -> None:
        self.shape = (n, n)
        self.nnz = nnz
        self.data = data
        #: Each patch's place in the triangle (a spatial order: the pairs a block reads lie
        #: close together in memory).
        self.rank = np.arange(n, dtype=np.int64) if rank is None else rank.astype(np.int64)
        i = np.arange(n, dtype=np.int64)
        #: data[offsets[u] + v] is the pair of places u < v.
        self.offsets = i * n - i * (i + 1) // 2 - i - 1

    def values(self, r: NDArray[np.integer], c: NDArray[np.integer]) -> NDArray[np.float32]:
        """p* of the pairs (r, c) in either order (broadcast; r ≠ c)."""
        u, v = self.rank[r], self.rank[c]
        lo, hi = np.minimum(u, v), np.maximum(u, v)
        out: NDArray[np.float32] = self.data[self.offsets[lo] + hi]
        return out

    def symmetric(self, idx: IntArray) -> FloatArray:
        """The block idx × idx, both orders, 0 on the diagonal."""
        if len(idx) == 0:
            return np.zeros((0, 0))
        r, c = np.asarray(idx)[:, None], np.asarray(idx)[None, :]
        block = np.where(r == c, 0.0, self.values(r, np.where(r == c, r, c)))
        return block.astype(float)

    def toarray(self) -> NDArray[np.float32]:
        """The upper triangle as a dense n × n matrix (for tests)."""
        n = self.shape[0]
        r, c = np.triu_indices(n, 1)
        out = np.zeros((n, n), dtype=np.float32)
        out[r, c] = self.values(r, c)
        return out


def kept_pairs(kept: list[tuple[IntArray, NDArray[np.int32], NDArray[np.float32]]],
               counts: NDArray[np.int64], n: int, order: IntArray | None = None
               ) -> csr_matrix | DensePairs:
    """The pairs each search block kept (sources, columns, p*, rows in order) in the
    smaller form: sparse, or the dense triangle (patches placed along *order*, a spatial
    order) where it takes at most :data:`DENSE_FACTOR` times the sparse memory. The blocks
    are let go one by one."""
    nnz = int(counts.sum())
    if n < 2 or 2 * n * (n - 1) > DENSE_FACTOR * (8 * nnz + 8 * (n + 1)):
        return sparse_pairs(kept, counts, n)
    rank = np.arange(n, dtype=np.int64)
    if order is not None:
        rank[order] = np.arange(n)
    pairs = DensePairs(n, np.zeros(n * (n - 1) // 2, dtype=np.float32), nnz, rank)
    kept.reverse()
    release = _Release()
    while kept:
        sources, c, v = kept.pop()
        u, w = rank[np.repeat(sources, counts[sources])], rank[c]
        pairs.data[pairs.offsets[np.minimum(u, w)] + np.maximum(u, w)] = v
        nbytes = sources.nbytes + c.nbytes + v.nbytes
        del sources, c, v, u, w
        release(nbytes)
    return pairs


def sparse_pairs(kept: list[tuple[IntArray, NDArray[np.int32], NDArray[np.float32]]],
                 counts: NDArray[np.int64], n: int) -> csr_matrix:
    """The kept pairs as a CSR matrix, each block's rows copied into place and let go (the
    blocks are in spatial order, the rows in patch order; one copy held, not two)."""
    from scipy.sparse import csr_matrix as csr

    indptr = np.concatenate([[0], np.cumsum(counts)])
    cols = np.empty(int(indptr[-1]), dtype=np.int32)
    vals = np.empty(int(indptr[-1]), dtype=np.float32)
    kept.reverse()
    release = _Release()
    while kept:
        sources, c, v = kept.pop()
        size = counts[sources]
        starts = np.repeat(indptr[sources] - (np.cumsum(size) - size), size)
        pos = starts + np.arange(len(c))
        cols[pos] = c
        vals[pos] = v
        nbytes = sources.nbytes + c.nbytes + v.nbytes
        del sources, c, v, pos, starts
        release(nbytes)
    return csr((vals, cols, indptr), shape=(n, n))


def symmetric_block(paths: csr_matrix | DensePairs, idx: IntArray) -> FloatArray:
    """p* among the patches *idx* (distinct), both orders, 0 on the diagonal."""
    if isinstance(paths, DensePairs):
        return paths.symmetric(idx)
    sub = paths[idx][:, idx].toarray().astype(float)
    return np.asarray(sub + sub.T)  # each pair is kept once, in one of the two orders


def dense_gain(pairs: DensePairs, areas: FloatArray, x: FloatArray, group: IntArray,
               short: NDArray[np.bool_], eligible: NDArray[np.bool_], k: float,
               limit: float) -> float:
    """2 Σ_{i<j} aᵢ aⱼ max(0, qᵢqⱼ − p*ᵢⱼ) over the pairs behind a shortcut (see the
    module docstring), q = exp(−k x), with xᵢ + xⱼ within the limit.

    *group*: the slot of each patch's first patch among c's neighbours (−1: none);
    *short*: the neighbours' shortcuts (symmetric); *eligible*: the patches that stay.
    """
    v = np.flatnonzero(eligible & (x <= limit) & (group >= 0))
    v = v[np.lexsort((x[v], group[v]))]
    slots = np.arange(short.shape[0])
    start = np.searchsorted(group[v], slots)
    size = np.searchsorted(group[v], slots, side="right") - start
    upper = np.triu(short, 1) & (size > 0)[None, :]
    q = np.exp(-k * x)
    total = 0.0
    for a in np.flatnonzero(upper.any(axis=1) & (size > 0)):
        partners = np.flatnonzero(upper[a])
        cols = v[ranges(start[partners], size[partners])]
        cols = cols[np.argsort(x[cols], kind="stable")]
        total += _block_gain(pairs, areas, x, q, v[start[a]:start[a] + size[a]], cols,
                             limit)
    return 2.0 * total


def _block_gain(pairs: DensePairs, areas: FloatArray, x: FloatArray, q: FloatArray,
                rows: IntArray, cols: IntArray, limit: float) -> float:
    """Σ aᵢ aⱼ max(0, qᵢqⱼ − p*ᵢⱼ) over i in *rows*, j in *cols* (both sorted by x, no
    patch in both) with xᵢ + xⱼ ≤ limit, in blocks of at most :data:`BLOCK_CELLS`."""
    xc = x[cols]
    total = 0.0
    r0 = 0
    while r0 < len(rows):
        # the columns any row from r0 on can reach (rows sorted by x: r0 reaches most);
        # the slack covers rounding, the exact test is the mask below
        m = int(np.searchsorted(xc, (limit - x[rows[r0]]) * (1 + 1e-12) + 1e-9, side="right"))
        if m == 0:
            break
        rr = rows[r0:r0 + max(1, BLOCK_CELLS // m)]
        r0 += len(rr)
        cc = cols[:m]
        t = np.multiply.outer(q[rr], q[cc])
        t -= pairs.values(rr[:, None], cc[None, :])
        np.maximum(t, 0.0, out=t)
        t *= np.add.outer(x[rr], xc[:m]) <= limit
        total += float(areas[rr] @ t @ areas[cc])
    return total


def dense_gain_many(pairs: DensePairs, areas: FloatArray, x: FloatArray,
                    eligible: NDArray[np.bool_], k: float, limit: float) -> float:
    """2 Σ_{i<j} aᵢ aⱼ max(0, tᵢⱼ − p*ᵢⱼ) for several new patches at distances *x* (one row
    each), tᵢⱼ = max_a exp(−k(X_ai + X_aj)) within the limit, over all pairs within reach."""
    s = np.flatnonzero(eligible & (x.min(axis=0) <= limit))
    total = 0.0
    xs, a = x[:, s], areas[s]
    step = max(1, BLOCK_CELLS // max(len(s), 1))
    for b0 in range(0, len(s), step):
        b = slice(b0, min(b0 + step, len(s)))
        via = np.min(xs[:, b, None] + xs[:, None, :], axis=0)
        t = np.where(via <= limit, np.exp(-k * via), 0.0)
        later = np.arange(len(s))[None, :] > np.arange(b.start, b.stop)[:, None]
        r, c = np.broadcast_arrays(s[b, None], s[None, :])
        t -= pairs.values(r, np.where(later, c, r)) * later
        np.maximum(t, 0.0, out=t)
        t *= later
        total += float(a[b] @ t @ a)
    return 2.0 * total


def ranges(starts: IntArray, counts: IntArray) -> IntArray:
    """The concatenation of ``arange(s, s + c)`` for each start s and count c."""
    counts = np.asarray(counts, dtype=np.intp)
    ends = np.cumsum(counts)
    return np.repeat(np.asarray(starts, dtype=np.intp) - (ends - counts), counts) + np.arange(
        int(ends[-1]) if len(ends) else 0, dtype=np.intp)
