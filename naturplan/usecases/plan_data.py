"""Gather what every export shows, once: :func:`load_plan_data` reads the protected share of a
dataset and, with a project, its candidates and ledger into a
:class:`~naturplan.export.model.PlanData`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.layers.dataset import DEFAULT_PROTECTED_ROLES, Dataset
from naturplan.core.layers.roles import Role
from naturplan.core.plan.ledger import Ledger
from naturplan.core.share.targets import targets_for
from naturplan.export.model import PlanData
from naturplan.usecases.plan_area import fill_plan_area


def load_plan_data(
    dataset: Dataset,
    roles: Sequence[Role] = DEFAULT_PROTECTED_ROLES,
    project: str | Path | None = None,
    feedback: Feedback | None = None,
) -> PlanData:
    """The protected share of *dataset* and, with *project*, its candidates and ledger.

    Raises
    ------
    StoreError
        If *project* does not exist or is not a naturplan project (opened read-only).
    OperationCancelled
        If *feedback* is cancelled.
    """
    from naturplan.io.project.open import open_store, require_project

    fb = as_feedback(feedback)
    fb.report(0.0, "protected share")
    share, index = dataset.protected(tuple(roles), targets_for(dataset.municipality.code))
    fb.check()
    data = PlanData(dataset, tuple(roles), share)
    if project is None:
        data.access = _access(data)
        data.condition = _condition(data)
        return fill_plan_area(data, index)
    require_project(project)
    with open_store(project, readonly=True) as store:
        data.candidates = store.candidates()
        data.settings = dict(store.settings())
    fb.report(0.5, "ledger")
    ledger = Ledger(dataset.municipality.geometry, index, share)
    ledger.reset(data.candidates)
    data.ledger = ledger.result()
    data.project = project
    data.access = _access(data)
    data.condition = _condition(data)
    fill_plan_area(data, index)  # each municipality of a plan area; the kg N total
    fb.report(1.0, "ledger")
    return data


def _access(data: PlanData) -> tuple[object, object] | None:
    """Nature near home now and with the candidates (None without addresses; issue 25)."""
    from naturplan.usecases.access import access_settings, dataset_plan_access

    settings = access_settings(data.settings)
    ledger = dataset_plan_access(data.dataset, settings, data.candidates)
    if ledger is None:
        return None
    now = ledger.index.now()
    return now, (ledger.result() if data.project is not None else None)



def _condition(data: PlanData) -> tuple[object, object] | None:
    """The §3 area by condition now and with the candidates' lifts (None without §3)."""
    from naturplan.io.restoration import stored_lifts
    from naturplan.usecases.condition import condition_now_and_planned

    found = condition_now_and_planned(data.dataset, data.candidates,
                                      stored_lifts(data.settings))
    return None if found is None else (found[0], found[1])
