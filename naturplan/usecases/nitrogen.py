"""The N effect of candidates for every front end (issue 22, item 5): the ``n_retention``
layers of a dataset as polygons and rates, and each candidate's kg N per year over them
(:func:`naturplan.core.analysis.nitrogen.nitrogen_effect`). Without the layer: None, and the
front end shows an empty cell with :data:`NO_LAYER` as the reason, never 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from naturplan.core.analysis.nitrogen import nitrogen_effect
from naturplan.core.layers.roles import RATE_FIELD, Role

__all__ = ["NO_LAYER", "candidate_nitrogen", "retention_layer"]

#: The reason an N effect is missing (a gap key, worded in naturplan.text.national_words).
NO_LAYER = "n_retention"


def retention_layer(dataset: Any) -> tuple[Any, list[float]] | None:
    """The polygons and rates (kg N/ha/yr) of *dataset*'s ``n_retention`` layers, or None
    if it has none. A polygon without a rate is left out (it says nothing)."""
    layers = dataset.vector(Role.N_RETENTION)
    if not layers:
        return None
    polygons, rates = [], []
    for layer in layers:
        values = layer.frame[RATE_FIELD].to_numpy(dtype=float, na_value=np.nan)
        keep = np.isfinite(values)
        polygons.append(np.asarray(layer.frame.geometry.values, dtype=object)[keep])
        rates.extend(float(v) for v in values[keep])
    return np.concatenate(polygons), rates


def candidate_nitrogen(dataset: Any, geoms: Sequence[Any]) -> list[float] | None:
    """kg N per year for each of *geoms*, or None without an ``n_retention`` layer."""
    found = retention_layer(dataset)
    return None if found is None else nitrogen_effect(geoms, *found)
