"""Dissolving polygons where they overlap, and only there.

A union is the expensive part of the protected share, and most polygons overlap nothing: a
polygon whose neighbours only lie beside it adds its own area and needs no union. So the
polygons are split into **connected groups** (two polygons are linked when they intersect,
found with one STRtree query; the groups are the connected components of that graph) and
only groups of two or more are unioned, by the core's one group union
(:func:`naturplan.core.geometry_kernels.union_by_group`, on several threads by its rule).

The pieces that come out are pairwise disjoint apart from shared edges: the area of the
union is the sum of the pieces' areas.
"""

from __future__ import annotations

from concurrent.futures import Executor

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core.geometry import GeometryArray
from naturplan.core.geometry_kernels import union_by_group


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
    """The union of each group of *geoms* (one geometry per group, in group order; the
    groups are numbered 0..k-1 as :func:`connected_groups` numbers them).

    A group of one is its geometry as it is. With an *executor* the unions run on its threads.
    """
    geoms = np.asarray(geoms, dtype=object)
    if len(geoms) == 0:
        return np.empty(0, dtype=object)
    unions, _ = union_by_group(geoms, groups, executor)
    return unions


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
