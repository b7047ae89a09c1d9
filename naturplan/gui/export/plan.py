"""What the window shows, as the exporters take it: the plan's numbers and the map's layers."""

from __future__ import annotations

from typing import Any

from naturplan.export.map_layers import ExportLayer
from naturplan.export.plan_data import PlanData


def plan_data_from_window(window: Any) -> PlanData | None:
    """The window's dataset, share, ledger and candidates (None before a dataset is loaded)."""
    if window.dataset is None or window.share is None:
        return None
    session = window.session
    plan = session.plan
    return PlanData(
        dataset=window.dataset,
        roles=tuple(window.protected_roles),
        share=window.share,
        ledger=session.ledger_result(),
        candidates=plan.candidates() if plan is not None else [],
        project=session.path,
    )


def layers_from_window(window: Any) -> list[ExportLayer]:
    """The map's layers as the window draws them: order, style, opacity, shown or not."""
    return [ExportLayer(entry.layer, entry.style, entry.visible) for entry in window.layers]
