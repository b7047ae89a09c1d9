"""Issue 24 §4: the plan analysis and the exports' measuring hand the connectivity networks
a second core (``forked.start``); the indices are the same as measured in one process."""

from __future__ import annotations

from export_helpers import Plan

from naturplan.core import forked
from naturplan.core.layers.roles import Role


def test_the_networks_get_the_other_core_and_the_same_indices(  # type: ignore[no-untyped-def]
        plan: Plan, monkeypatch) -> None:
    from naturplan.usecases.analysis import analyse_plan
    from naturplan.usecases.measures import measure_plan
    from naturplan.usecases.plan_data import load_plan_data

    real = forked.start
    started: list[str] = []

    def recording(function, *args):  # type: ignore[no-untyped-def]
        started.append(function.__name__)
        return real(function, *args)

    monkeypatch.setattr(forked, "start", recording)
    # a worker that ran the window's tests may not fork (Qt loaded): then nothing is started
    each = ["_elsewhere"] if forked.can_fork() else []
    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    two = analyse_plan(plan.dataset, plan.candidates, (Role.NATURE_P3,), data.settings)
    assert started == each * 2  # today's network and the projected one
    measure_plan(data)
    assert started == each * 3
    monkeypatch.setattr(forked, "FORK", False)  # as in the window: no start, all here
    one = analyse_plan(plan.dataset, plan.candidates, (Role.NATURE_P3,), data.settings)
    assert started == each * 3
    assert two.network is not None and one.network is not None
    assert two.network.indices == one.network.indices
    assert two.projected == one.projected
