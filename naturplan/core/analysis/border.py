"""Across the municipal border (issue 25 item 3): a plan area of several municipalities (the
local tripartite work, a main catchment) is one landscape, and a candidate that joins patches
lying in two municipalities says so.

The connectivity network is built on the plan area (the union of its municipalities) instead
of one municipality: its patches are then not cut at the border between them
(:func:`plan_area`, then :meth:`ConnectivityNetwork.of_polygons` on it).
:func:`joined_municipalities` names the municipalities of the patches a candidate joins, each
patch in the municipality that holds most of its area. Access to nature near home is never
cut at a border (:mod:`naturplan.core.analysis.access` counts every loaded polygon).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from naturplan.core.analysis.connectivity import CandidateConnectivity, ConnectivityNetwork


def plan_area(municipalities: Sequence[BaseGeometry]) -> BaseGeometry:
    """One landscape of several municipalities (their union)."""
    return shapely.union_all(np.asarray(municipalities, dtype=object))


def joined_municipalities(network: ConnectivityNetwork, change: CandidateConnectivity,
                          municipalities: Mapping[str, BaseGeometry]) -> tuple[str, ...]:
    """The municipalities (names, in the order of *municipalities*) of the patches *change*
    joins; two or more: the candidate joins nature across a border."""
    if not change.joins:
        return ()
    patches = network.patches.geoms[[j.patch for j in change.joins]]
    names = list(municipalities)
    areas = np.array([shapely.area(shapely.intersection(patches, municipalities[n]))
                      for n in names])  # municipality × patch
    home = {names[k] for k in np.argmax(areas, axis=0)}
    return tuple(n for n in names if n in home)


def municipalities_joined(network: ConnectivityNetwork | None,
                          change: CandidateConnectivity | None,
                          municipalities: Sequence[tuple[str, BaseGeometry]]
                          ) -> tuple[str, ...] | None:
    """The municipalities of the patches *change* joins (:func:`joined_municipalities`), by
    name (as a reader looks them up: "Aalborg og Rebild"), or None when it cannot be said:
    a plan area of one municipality (*municipalities* holds fewer than two), or connectivity
    not measured."""
    if len(municipalities) < 2 or network is None or change is None:
        return None
    return tuple(sorted(joined_municipalities(network, change, dict(municipalities))))
