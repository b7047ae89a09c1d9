"""What the exports add for a plan area and for nitrogen (issue 22 items 3 and 5): each
municipality's share now and with the candidates, and the plan's kg N per year.

:func:`fill_plan_area` fills a :class:`~naturplan.export.model.PlanData` (the command line's
:func:`~naturplan.usecases.plan_data.load_plan_data` and the window's export both call it);
the ledger (:mod:`naturplan.export.ledger_table`) shows what it found.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from naturplan.core.analysis.municipalities import split_by_municipality
from naturplan.core.analysis.nitrogen import nitrogen_total
from naturplan.core.layers.dataset import Dataset
from naturplan.core.layers.roles import Role
from naturplan.core.plan.ledger import counts
from naturplan.core.share.protected import ProtectedIndex
from naturplan.export.model import PlanData

#: The canonical field of the ``n_retention`` role (kg N per hectare and year).
RATE_FIELD = "rate_kg_n_ha"


def fill_plan_area(data: PlanData, index: ProtectedIndex | None) -> PlanData:
    """Set *data*'s ``by_municipality`` (a plan area of several, with *index*'s protected
    pieces) and ``nitrogen_kg`` (a project and an ``n_retention`` layer); returns *data*."""
    geoms = np.asarray([c.geometry for c in data.candidates if counts(c)], dtype=object)
    planned = has_plan(data)
    parts = data.dataset.municipality.parts
    if len(parts) > 1 and index is not None:
        data.by_municipality = tuple(split_by_municipality(
            parts, np.asarray(index.pieces, dtype=object), geoms if planned else None))
    retention = retention_polygons(data.dataset)
    if retention is not None and planned:
        data.nitrogen_kg = nitrogen_total(list(geoms), *retention)
    return data


def has_plan(data: PlanData) -> bool:
    """True if *data* has a plan to sum (a project, or the window's candidates)."""
    return data.project is not None or bool(data.candidates)


def retention_polygons(dataset: Dataset) -> tuple[NDArray[np.object_], list[float]] | None:
    """The ``n_retention`` polygons that have a rate, and their rates; None without the
    layer (a polygon without a rate adds nothing)."""
    layers = dataset.vector(Role.N_RETENTION)
    if not layers:
        return None
    polygons: list[object] = []
    rates: list[float] = []
    for layer in layers:
        if RATE_FIELD not in layer.frame.columns:
            continue
        for geom, rate in zip(layer.frame.geometry.to_numpy(), layer.frame[RATE_FIELD],
                              strict=True):
            if rate is not None and rate == rate:  # NaN: no rate there
                polygons.append(geom)
                rates.append(float(rate))
    return np.asarray(polygons, dtype=object), rates
