"""A candidate's shortcuts through today's patch network (for
:meth:`naturplan.core.analysis.connectivity.ConnectivityNetwork.candidate`).

A new patch c only shortens the paths that pass through it: Dᵢⱼ' = min(Dᵢⱼ, Xᵢ + Xⱼ) with X the
distances from c. The gain in ΣΣ aᵢ aⱼ p*ᵢⱼ is summed from today's kept pairs without a dense
matrix of all pairs, and only over the patches behind a shortcut between two of c's
neighbours (:func:`behind_shortcuts`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from naturplan.core.analysis.connectivity_dense import DensePairs, symmetric_block
from naturplan.core.analysis.connectivity_dense import ranges as _ranges
from naturplan.core.analysis.patches import CHUNK

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]


def shortcut_matrix(paths: csr_matrix | DensePairs, nb: IntArray, nb_d: FloatArray,
                    k: float) -> NDArray[np.bool_]:
    """short[a, b]: c's neighbours a, b make a shortcut, d(c, a) + d(c, b) < D(a, b).

    The kept p* are float32, so near-ties count as shortcuts (never one missed).
    """
    p_old = symmetric_block(paths, nb)
    t = np.exp(-k * (nb_d[:, None] + nb_d[None, :]))
    short: NDArray[np.bool_] = t > p_old * (1.0 - 1e-6)
    np.fill_diagonal(short, False)
    return short


def first_hops(pred: NDArray[np.int32]) -> IntArray:
    """For each patch, the first patch after c on its path from c (*pred*: the search's
    predecessors, n for c; unreached patches and c's neighbours map to themselves)."""
    n = len(pred)
    hop = pred.astype(np.intp)
    fixed = (hop < 0) | (hop == n)
    hop[fixed] = np.flatnonzero(fixed)
    while True:  # pointer jumping along the predecessors
        nxt = hop[hop]
        if np.array_equal(nxt, hop):
            return hop
        hop = nxt


def shortcut_groups(paths: csr_matrix | DensePairs, pred: NDArray[np.int32], nb: IntArray,
                    nb_d: FloatArray, k: float) -> tuple[IntArray, NDArray[np.bool_]]:
    """For each patch, the slot in *nb* of the first patch on its path from c (−1: none);
    and the neighbours' shortcuts (:func:`shortcut_matrix`)."""
    if len(nb) < 2:
        short = np.zeros((len(nb), len(nb)), dtype=bool)
    else:
        short = shortcut_matrix(paths, nb, nb_d, k)
    slot = np.full(len(pred), -1, dtype=np.intp)
    slot[nb] = np.arange(len(nb))
    return slot[first_hops(pred)], short


def behind_shortcuts(paths: csr_matrix, pred: NDArray[np.int32], nb: IntArray,
                     nb_d: FloatArray, k: float) -> NDArray[np.bool_]:
    """The patches whose path from one new patch c starts at a neighbour m of c that is
    part of a shortcut: another neighbour m' with d(c, m) + d(c, m') < D(m, m').

    Only such pairs can gain: if the new best path i … m – c – m' … j is shorter than
    Dᵢⱼ ≤ Dᵢₘ + Dₘₘ' + Dₘ'ⱼ, then d(c, m) + d(c, m') < Dₘₘ', and m, m' are the first
    patches on c's shortest paths to i and j (*pred*: the search's predecessors, n for c).
    """
    n = len(pred)
    out = np.zeros(n, dtype=bool)
    if len(nb) < 2:
        return out
    short = shortcut_matrix(paths, nb, nb_d, k)
    in_shortcut = np.zeros(n, dtype=bool)
    in_shortcut[nb[short.any(axis=1)]] = True
    if not in_shortcut.any():
        return out
    hop = first_hops(pred)
    reached = pred >= 0
    out[reached] = in_shortcut[hop[reached]]
    return out


def shortcut_gain(paths: csr_matrix, areas: FloatArray, x: FloatArray,
                   eligible: NDArray[np.bool_], k: float, limit: float) -> float:
    """2 Σ_{i<j} aᵢ aⱼ max(0, tᵢⱼ − p*ᵢⱼ) over the remaining patches within reach of a new
    patch, with tᵢⱼ = max_a exp(−k(X_ai + X_aj)) (0 beyond the limit): the pairs whose best
    path now runs through a new patch.

    max(0, t − p) = t − min(t, p): the first sum needs no old p* at all, the second only the
    pairs that had one (the kept sparse pairs), so no dense matrix of all pairs is made.
    """
    within = eligible & (x.min(axis=0) <= limit)
    s = np.flatnonzero(within)
    if len(s) < 2:
        return 0.0
    if x.shape[0] == 1:
        return 2.0 * (_pairs_through(x[:, s], areas[s], k, limit)
                      - _kept_overlap(paths, areas, np.where(within, x[0], np.inf), s, k, limit))
    xs, a = x[:, s], areas[s]
    sub = paths[s][:, s].tocoo()
    i, j, p_old = sub.row, sub.col, sub.data.astype(float)
    via = np.min(xs[:, i] + xs[:, j], axis=0)
    t_known = np.where(via <= limit, np.exp(-k * via), 0.0)
    overlap = float(np.sum(a[i] * a[j] * np.minimum(t_known, p_old)))
    return 2.0 * (_pairs_through(xs, a, k, limit) - overlap)


def _kept_overlap(paths: csr_matrix, areas: FloatArray, x: FloatArray, s: IntArray,
                  k: float, limit: float) -> float:
    """Σ aᵢ aⱼ min(tᵢⱼ, p*ᵢⱼ) over the kept pairs i < j with one new patch at distances *x*
    (inf where not eligible), tᵢⱼ = exp(−k(xᵢ + xⱼ)) within the limit, else 0.

    Only the rows *s* (the patches within reach) are read, in their upper-triangle order,
    and the columns are filtered by the distances (inf is never within the limit): no
    column slicing of the kept pairs, which was most of a candidate's time.
    """
    indptr, indices, data = paths.indptr, paths.indices, paths.data
    total = 0.0
    # Blocks of consecutive rows from the first to the last row of *s*, read as slices;
    # rows outside *s* have x = inf and drop out with the limit.
    first, last = int(s[0]), int(s[-1]) + 1
    step = max(1, int(np.searchsorted(indptr, indptr[first] + 4_000_000)) - first)
    for r0 in range(first, last, step):
        r1 = min(r0 + step, last)
        lo, hi = int(indptr[r0]), int(indptr[r1])
        if hi == lo:
            continue
        cols = indices[lo:hi]
        via = np.repeat(x[r0:r1], np.diff(indptr[r0:r1 + 1]))
        via += x[cols]
        ok = np.flatnonzero(via <= limit)
        if len(ok) == 0:
            continue
        t = np.exp(-k * via[ok])
        np.minimum(t, data[lo + ok], out=t)
        rows = np.repeat(np.arange(r0, r1), np.diff(indptr[r0:r1 + 1]))[ok]
        total += float((areas[rows] * areas[cols[ok]]) @ t)
    return total


def _pairs_through(xs: FloatArray, a: FloatArray, k: float, limit: float) -> float:
    """Σ_{i<j} aᵢ aⱼ max_a exp(−k(X_ai + X_aj)) over pairs with a path ≤ *limit*."""
    if xs.shape[0] == 1:
        # One new patch: exp(−k(xᵢ + xⱼ)) = qᵢ qⱼ; for each i the partners j with
        # xⱼ ≤ limit − xᵢ are a prefix of the patches sorted by x.
        x = xs[0]
        order = np.argsort(x)
        x_sorted = x[order]
        w = (a * np.exp(-k * x))[order]
        prefix = np.concatenate([[0.0], np.cumsum(w)])
        reach = np.searchsorted(x_sorted, limit - x_sorted, side="right")
        total = float(w @ prefix[reach])
        self_pairs = float(np.sum(w * w * (2 * x_sorted <= limit)))
        return (total - self_pairs) / 2.0
    total = 0.0
    n = xs.shape[1]
    for b0 in range(0, n, CHUNK):
        b = slice(b0, min(b0 + CHUNK, n))
        via = np.min(xs[:, b, None] + xs[:, None, :], axis=0)
        t = np.where(via <= limit, np.exp(-k * via), 0.0)
        t[np.arange(n)[None, :] <= np.arange(b0, b.stop)[:, None]] = 0.0
        total += float(a[b] @ t @ a)
    return total


#: Costs in ns, measured on the sample at double density, for choosing how
#: :func:`pair_gain` finds the old p* of its pairs: a bisection of the pair's row (per pair),
#: or the rows copied block by block into a dense block (per kept pair in those rows, plus
#: a read per pair); or to leave the candidate to the row scan of :func:`shortcut_gain` (per
#: kept pair in the rows), which is cheaper where nearly every pair is behind a shortcut.
BISECT_NS, ROW_COPY_NS, ROW_READ_NS, SCAN_NS = 350, 6, 100, 25
#: The row scan's own start (sorting the reached patches, its slices), ns.
SCAN_START_NS = 1_000_000
#: More pairs than this are always left to the row scan (memory: about 60 bytes a pair).
MAX_PAIRS = 8_000_000
#: Cells of the dense block of rows in :func:`kept_values_by_rows` (float32: 16 MB).
ROW_BLOCK_CELLS = 4_000_000


def pair_gain(paths: csr_matrix, areas: FloatArray, x: FloatArray, pred: NDArray[np.int32],
              nb: IntArray, nb_d: FloatArray, eligible: NDArray[np.bool_], k: float,
              limit: float) -> float | None:
    """2 Σ_{i<j} aᵢ aⱼ max(0, tᵢⱼ − p*ᵢⱼ) for one new patch c at distances *x*, summed only
    over the pairs that can gain, or None where looking them up would cost more than the
    row scan of :func:`shortcut_gain`.

    A pair i, j gains only if the first patches a, b on c's paths to them are two
    neighbours of c that make a shortcut (:func:`behind_shortcuts`) and xᵢ + xⱼ is within
    the limit: with the patches grouped by their first patch and sorted by x, the partners
    of i in group b are a prefix of that group. Each such pair's old p* is looked up in its
    row of the kept pairs (0 if not kept). *eligible* are the patches that stay.
    """
    if len(nb) < 2:
        return 0.0
    a_idx, b_idx = np.nonzero(np.triu(shortcut_matrix(paths, nb, nb_d, k), 1))
    if len(a_idx) == 0:
        return 0.0
    n = len(areas)
    slot = np.full(n, -1, dtype=np.intp)
    slot[nb] = np.arange(len(nb))
    group = slot[first_hops(pred)]
    v = np.flatnonzero(eligible & (x <= limit) & (group >= 0))
    v = v[np.lexsort((x[v], group[v]))]
    gv, xv = group[v], x[v]
    start = np.searchsorted(gv, np.arange(len(nb)))
    size = np.searchsorted(gv, np.arange(len(nb)), side="right") - start
    # Each combination (a, b) with each member i of group a: its partners in group b.
    rows = _ranges(start[a_idx], size[a_idx])
    b_of = np.repeat(b_idx, size[a_idx])
    span = 2.0 * limit + 2.0  # groups apart in one sorted key (x ≤ limit)
    key = gv * span + xv
    slack = 1e-6 * max(limit, 1.0)  # key rounding; the exact test follows
    count = np.searchsorted(key, b_of * span + (limit - xv[rows]) + slack, side="right")
    count = np.clip(count - start[b_of], 0, size[b_of])
    total = int(count.sum())
    rows_read = int(np.diff(paths.indptr)[v].sum())
    bisect, by_rows = total * BISECT_NS, rows_read * ROW_COPY_NS + total * ROW_READ_NS
    if total > MAX_PAIRS or rows_read * SCAN_NS + SCAN_START_NS < min(bisect, by_rows):
        return None
    i = v[np.repeat(rows, count)]
    j = v[_ranges(start[b_of], count)]
    via = x[i] + x[j]
    ok = via <= limit
    i, j, via = i[ok], j[ok], via[ok]
    t = np.exp(-k * via)
    r, c = np.minimum(i, j), np.maximum(i, j)
    if bisect <= by_rows:
        t -= kept_values(paths, r, c)
    else:
        t -= kept_values_by_rows(paths, r, c)
    np.maximum(t, 0.0, out=t)
    return 2.0 * float((areas[i] * areas[j]) @ t)


def kept_values(paths: csr_matrix, r: IntArray, c: IntArray) -> FloatArray:
    """paths[r, c] for each pair (0 where not kept), by a bisection of row r (its columns
    sorted), all pairs at once."""
    if len(r) == 0 or paths.nnz == 0:
        return np.zeros(len(r))
    if not paths.has_sorted_indices:
        paths.sort_indices()
    indptr, indices = paths.indptr, paths.indices
    lo = indptr[r].astype(np.int64)
    end = indptr[r + 1].astype(np.int64)
    last = len(indices) - 1
    pos = lo - 1  # the last position in the row with a column below c
    step = 1 << int(max(int((end - lo).max()), 1)).bit_length()
    while step:
        probe = pos + step
        ok = probe < end
        ok &= indices[np.minimum(probe, last)] < c
        np.copyto(pos, probe, where=ok)
        step >>= 1
    pos += 1
    at = np.minimum(pos, last)
    found = (pos < end) & (indices[at] == c)
    return np.where(found, paths.data[at].astype(float), 0.0)


def kept_values_by_rows(paths: csr_matrix, r: IntArray, c: IntArray) -> FloatArray:
    """paths[r, c] for each pair (0 where not kept), for many pairs: the rows are copied
    into a dense block of :data:`ROW_BLOCK_CELLS` at a time, and the pairs whose row is in
    the block read from it."""
    out = np.zeros(len(r))
    if len(r) == 0 or paths.nnz == 0:
        return out
    indptr, indices, data = paths.indptr, paths.indices, paths.data
    n_rows, n_cols = paths.shape
    per = max(1, ROW_BLOCK_CELLS // max(n_cols, 1))
    block_of = r // per
    key = block_of.astype(np.uint16) if int(block_of.max()) < 1 << 16 else block_of
    order = np.argsort(key, kind="stable")  # 16-bit keys: numpy's radix sort
    edges = np.searchsorted(block_of[order], np.arange(int(block_of.max()) + 2))
    dense = np.zeros(per * n_cols, dtype=np.float32)  # flat: 1-D indexing is the fast one
    r_sorted, c_sorted = r[order].astype(np.int64), c[order]
    for b in np.flatnonzero(np.diff(edges)):
        r0, r1 = int(b) * per, min(int(b) * per + per, n_rows)
        lo, hi = int(indptr[r0]), int(indptr[r1])
        at = np.repeat(np.arange(r1 - r0, dtype=np.int64) * n_cols, np.diff(indptr[r0:r1 + 1]))
        at += indices[lo:hi]
        dense[at] = data[lo:hi]
        e0, e1 = int(edges[b]), int(edges[b + 1])
        out[order[e0:e1]] = dense[(r_sorted[e0:e1] - r0) * n_cols + c_sorted[e0:e1]]
        dense[at] = 0.0
    return out
