"""What the window shows, as the exporters take it: the plan's numbers and the map's layers."""

from __future__ import annotations

from typing import Any

from naturplan.export.model import PlanData
from naturplan.gui.export.host import ExportHost
from naturplan.pagemodel.layers import ExportLayer


def plan_data_from_window(window: ExportHost) -> PlanData | None:
    """The window's dataset, share, ledger, candidates and project settings (None before a
    dataset is loaded)."""
    workspace, session = window.workspace, window.session
    if workspace.dataset is None or workspace.share is None:
        return None
    from naturplan.usecases.plan_area import fill_plan_area

    plan, store = workspace.plan, workspace.store
    return fill_plan_area(PlanData(
        dataset=workspace.dataset,
        roles=tuple(workspace.roles),
        share=workspace.share,
        ledger=session.ledger_result(),
        candidates=plan.candidates() if plan is not None else [],
        project=session.path,
        settings=dict(store.settings()) if store is not None else {},
    ), workspace.index)


def todays_network(window: ExportHost, data: PlanData) -> Any:
    """The window's measured network of today's protected nature when it fits *data*'s
    settings (an export then measures only each candidate's change), else None."""
    from naturplan.io.project.settings_model import read_settings

    controller = window.analysis.controller
    network = controller.network
    if network is None:
        return None
    wanted = read_settings(data.settings).analysis.connectivity
    return network if controller.settings.connectivity == wanted else None


def measure_for_export(data: PlanData, network: Any, progress: Any, cancelled: Any) -> PlanData:
    """A copy of *data* with its analysis numbers, measured in an export's worker; Cancel
    while connectivity is measured skips connectivity (its cells say "not measured")."""
    from dataclasses import replace

    from naturplan.core.feedback import Feedback
    from naturplan.usecases.measures import measure_plan

    measured = replace(data)
    measure_plan(measured, skip_connectivity_on_cancel=True, network=network,
                 feedback=Feedback(lambda f, m: progress(0.9 * f, m), cancelled))
    return measured


def layers_from_window(window: ExportHost) -> list[ExportLayer]:
    """The map's layers as the window draws them: order, style, opacity, shown or not."""
    return [ExportLayer(entry.layer, entry.style, entry.visible) for entry in window.layers]
