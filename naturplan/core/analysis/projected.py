"""Today's and the projected network, once: today's protected nature, and it plus the plan's
active candidates, each measured as one connectivity network (issue 21 §2; before, the
window's analysis, ``analyse_plan``, ``measure_plan`` and the scenario comparison each
assembled them themselves)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from naturplan.core.analysis.assessment import active
from naturplan.core.analysis.connectivity import (
    ConnectivityIndices,
    ConnectivityNetwork,
    ConnectivityParams,
)
from naturplan.core.analysis.layers import AnalysisLayers
from naturplan.core.feedback import Feedback
from naturplan.core.forked import Pending
from naturplan.core.plan.candidates import Candidate


def todays_network(layers: AnalysisLayers, params: ConnectivityParams | None = None, *,
                   feedback: Feedback | None = None,
                   start: Callable[..., Pending[Any]] | None = None) -> ConnectivityNetwork:
    """The network of today's protected nature in the municipality (with its paths: each
    candidate's change is measured against it); *start*: work for another core
    (:class:`~naturplan.core.analysis.connectivity.ConnectivityNetwork`).

    Raises
    ------
    OperationCancelled
        If *feedback* is cancelled.
    """
    return ConnectivityNetwork.of_polygons(layers.protected, layers.municipality, params,
                                           feedback=feedback, start=start)


def projected_patches(layers: AnalysisLayers, candidates: Sequence[Candidate]) -> np.ndarray:
    """Today's protected polygons followed by the active candidates' areas (rejected and
    inactive candidates are not part of the plan's picture)."""
    geoms = [c.geometry for c in active(candidates)]
    added = np.array(geoms + [None], dtype=object)[:-1]  # 1-D even for one geometry
    return np.concatenate([layers.protected, added])


def projected_network(layers: AnalysisLayers, candidates: Sequence[Candidate],
                      params: ConnectivityParams | None = None, *,
                      feedback: Feedback | None = None,
                      start: Callable[..., Pending[Any]] | None = None
                      ) -> ConnectivityIndices:
    """The connectivity indices of the landscape with the plan's active candidates added
    (*start*: as :func:`todays_network`).

    Raises
    ------
    OperationCancelled
        If *feedback* is cancelled.
    """
    network = ConnectivityNetwork.of_polygons(
        projected_patches(layers, candidates), layers.municipality, params,
        keep_paths=False, feedback=feedback, start=start)
    return network.indices
