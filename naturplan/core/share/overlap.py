"""Dissolving polygons where they overlap, and only there.

A union is the expensive part of the protected share, and most polygons overlap nothing: a
polygon whose neighbours only lie beside it adds its own area and needs no union. So the
polygons are split into **connected groups** (two polygons are linked when they intersect,
found with one STRtree query; the groups are the connected components of that graph) and
only groups of two or more are unioned. Groups are independent, so they are unioned on
several threads (shapely 2 releases the GIL inside GEOS).

The pieces that come out are pairwise disjoint apart from shared edges: the area of the
union is the sum of the pieces' areas.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import TypeVar

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.geometry import GeometryArray

_T = TypeVar("_T")
_R = TypeVar("_R")

#: Threads for the group unions: the machine's cores, at most 4 (more buys nothing here).
WORKERS = max(1, min(4, os.cpu_count() or 1))

#: Below this many groups to union, threads cost more than they save.
_PARALLEL_FROM = 16


def overlap_pairs(geoms: GeometryArray) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """Index pairs ``(i, j)``, ``i < j``, of the geometries in *geoms* that intersect."""
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) < 2:
        return np.empty(0, np.intp), np.empty(0, np.intp)
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    keep = left < right
    return left[keep].astype(np.intp), right[keep].astype(np.intp)


def connected_groups(
    n: int, left: NDArray[np.intp], right: NDArray[np.intp]
) -> NDArray[np.intp]:
    """Group label 0..k-1 of each of *n* nodes linked by the edges ``left[e]``–``right[e]``.

    Connected components by label propagation with pointer jumping, in numpy: every node
    takes the smallest label among its neighbours, then every label is replaced by its own
    label until nothing changes. Labels are numbered in the order of each group's first node.
    """
    labels = np.arange(n, dtype=np.intp)
    if n == 0 or len(left) == 0:
        return labels
    while True:
        before = labels.copy()
        low = np.minimum(labels[left], labels[right])
        np.minimum.at(labels, left, low)
        np.minimum.at(labels, right, low)
        while True:  # pointer jumping: follow every label to its root
            jumped = labels[labels]
            if np.array_equal(jumped, labels):
                break
            labels = jumped
        if np.array_equal(labels, before):
            break
    _, dense = np.unique(labels, return_inverse=True)
    return dense.astype(np.intp).reshape(-1)


def union_groups(
    geoms: GeometryArray, groups: NDArray[np.intp], executor: Executor | None = None
) -> GeometryArray:
    """The union of each group of *geoms* (one geometry per group, in group order).

    A group of one is its geometry as it is. With an *executor* the unions run on its
    threads, the biggest groups first.
    """
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0:
        return np.empty(0, dtype=object)
    order = np.argsort(groups, kind="stable")
    ordered = geoms[order]
    counts = np.bincount(groups)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    out: GeometryArray = ordered[starts].copy()
    multi = np.flatnonzero(counts > 1)
    multi = multi[np.argsort(-counts[multi], kind="stable")]

    def union(chunk: NDArray[np.intp]) -> list[shapely.Geometry]:
        return [shapely.union_all(ordered[starts[i] : starts[i] + counts[i]]) for i in chunk]

    # A few tasks per thread, each with big and small groups dealt in turn, so that the
    # threads finish together without a task (and its overhead) per group.
    tasks = min(len(multi), 4 * WORKERS) if executor is not None else 1
    chunks = [multi[k::tasks] for k in range(tasks)]
    for chunk, unions in zip(chunks, _map(union, chunks, executor), strict=True):
        out[chunk] = unions
    return out


def dissolve(geoms: GeometryArray, executor: Executor | None = None) -> GeometryArray:
    """The union of *geoms* as disjoint pieces: one per group of overlapping geometries."""
    geoms = np.asarray(geoms, dtype=object)
    left, right = overlap_pairs(geoms)
    return union_groups(geoms, connected_groups(len(geoms), left, right), executor)


def dissolve_by(
    geoms: GeometryArray, keys: NDArray[np.object_], executor: Executor | None = None
) -> tuple[dict[str, GeometryArray], GeometryArray]:
    """:func:`dissolve` each subset of *geoms* that shares a key (str), and the whole.

    One tree query serves both: the pairs of one key are the pairs whose two ends share it,
    and the union of the whole is built from the per-key pieces (fewer, already merged),
    grouped by the connected group of all *geoms* they came from.

    Returns
    -------
    by_key, whole
        Key → the disjoint pieces of that key's union; the disjoint pieces of the union of
        every geometry.
    """
    geoms = np.asarray(geoms, dtype=object)
    names = np.asarray(keys, dtype=object)
    left, right = overlap_pairs(geoms)
    whole_groups = connected_groups(len(geoms), left, right)
    same = names[left] == names[right]
    by_key: dict[str, GeometryArray] = {}
    pieces_group: list[NDArray[np.intp]] = []
    for name in sorted(set(names.tolist())):
        members = np.flatnonzero(names == name)
        position = np.full(len(geoms), -1, dtype=np.intp)
        position[members] = np.arange(len(members))
        linked = same & (names[left] == name)
        groups = connected_groups(len(members), position[left[linked]], position[right[linked]])
        by_key[name] = union_groups(geoms[members], groups, executor)
        first = np.full(groups.max() + 1 if len(groups) else 0, -1, dtype=np.intp)
        first[groups[::-1]] = members[::-1]  # the first member of every group
        pieces_group.append(whole_groups[first])
    if not by_key:
        return by_key, np.empty(0, dtype=object)
    pieces = np.concatenate(list(by_key.values()))
    _, groups = np.unique(np.concatenate(pieces_group), return_inverse=True)
    return by_key, union_groups(pieces, groups.astype(np.intp).reshape(-1), executor)


def intersection_each(
    geoms: GeometryArray, clip: shapely.Geometry, executor: Executor | None = None
) -> GeometryArray:
    """``shapely.intersection(geoms, clip)``, split over the *executor*'s threads."""
    geoms = np.asarray(geoms, dtype=object)
    if executor is None or len(geoms) < 64:
        return np.asarray(shapely.intersection(geoms, clip), dtype=object)
    chunks = np.array_split(np.arange(len(geoms)), WORKERS)
    parts = _map(lambda chunk: shapely.intersection(geoms[chunk], clip), chunks, executor)
    return np.concatenate(parts)


def executor_for(work: int) -> ThreadPoolExecutor | None:
    """A thread pool when *work* (number of independent unions) makes one worth it."""
    if WORKERS < 2 or work < _PARALLEL_FROM:
        return None
    return ThreadPoolExecutor(WORKERS, thread_name_prefix="naturplan-union")


def _map(fn: Callable[[_T], _R], items: Iterable[_T], executor: Executor | None) -> list[_R]:
    if executor is None:
        return [fn(item) for item in items]
    return list(executor.map(fn, items))
