"""Today's habitat network in the window: measured on every load up to a size, on request
above it (issue 24 §2).

The window's analysis measures today's network (PC, ECA; each candidate's change is measured
against it) and the nature at risk of flooding when a dataset is loaded. For a plan area of
the size of a municipality or a tripartite that takes seconds. For the whole country it does
not fit beside the map: :data:`NETWORK_ON_LOAD_MAX_POLYGONS` says where the window stops
measuring it on its own and shows it as not computed, with the reason and a button.
"""

from __future__ import annotations

from dataclasses import dataclass

from naturplan.core.analysis.connectivity import ConnectivityNetwork, ConnectivityParams
from naturplan.core.analysis.flood import NatureAtRisk, nature_at_risk
from naturplan.core.analysis.layers import AnalysisLayers
from naturplan.core.analysis.projected import todays_network
from naturplan.core.feedback import Feedback, as_feedback

#: Above this many protected polygons the window measures today's network only when the
#: planner asks. Measured on the national world (issue 24 §2, benchmarks/RESULTS.md): its
#: 172,575 protected polygons (§3, habitat and bird sites) make 141,733 patches and 17.2
#: million kept pairs; the network took about 27 s CPU, kept about 200 MB and peaked 230-290
#: MB above that while it ran (links, pruning, path sums): with it the app peaked at
#: 1,737-1,809 MB, without it at 1,159-1,171 MB (the target is 1.5 GB). Its memory grows
#: with the patches, so 60,000 polygons stay near a third of that. Aalborg's full sample
#: (about 10,100) and the double-density bench (about 20,000) stay well under it and behave
#: as before, as does a tripartite of a few municipalities.
NETWORK_ON_LOAD_MAX_POLYGONS = 60_000


@dataclass(frozen=True)
class NetworkDeferred:
    """Today's network was not measured on load: *polygons* protected polygons, more than
    *limit* (:data:`NETWORK_ON_LOAD_MAX_POLYGONS`)."""

    polygons: int
    limit: int


def deferred_on_load(layers: AnalysisLayers) -> NetworkDeferred | None:
    """Why today's network of *layers* is not measured on load (None: it is)."""
    polygons, limit = len(layers.protected), NETWORK_ON_LOAD_MAX_POLYGONS
    return NetworkDeferred(polygons, limit) if polygons > limit else None


def network_and_risk(layers: AnalysisLayers, params: ConnectivityParams, *, network: bool,
                     at_risk: bool, feedback: Feedback | None = None
                     ) -> tuple[ConnectivityNetwork | None, NatureAtRisk | None]:
    """Today's network (if *network*) and the nature at risk of flooding (if *at_risk*); what
    was not asked for is None.

    Raises
    ------
    OperationCancelled
        If *feedback* is cancelled.
    """
    fb = as_feedback(feedback)
    split = 0.8 if network and at_risk else (1.0 if network else 0.0)
    net = todays_network(layers, params, feedback=fb.part(0.0, split)) if network else None
    if not at_risk:
        return net, None
    if layers.flood is not None:
        layers.flood.preload()
    return net, nature_at_risk(layers, feedback=fb.part(split, 1.0))
