"""The analysis panel's nitrogen (issue 22, item 5): with an N-retention layer the selected
candidate's kg N per year is area × rate; without one the panel says why, never 0."""

from __future__ import annotations

from dataclasses import replace

import shapely

from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import CandidateKind
from naturplan.text.numbers import format_number


def _add_and_read(window, qtbot, geometry):  # type: ignore[no-untyped-def]
    actions = window.analysis
    qtbot.waitUntil(lambda: actions.controller.network is not None and actions.controller.idle,
                    timeout=120_000)
    window.session.kind = CandidateKind.LOWLAND
    assert window.session.add(geometry, "Eng") is not None
    panel = actions.dock.panel
    qtbot.waitUntil(lambda: bool(panel.text("nitrogen")), timeout=60_000)
    return panel.text("nitrogen")


def test_without_a_retention_layer_the_panel_says_why(
        open_window, dataset_request, aalborg_point, qtbot) -> None:  # type: ignore[no-untyped-def]
    x, y = aalborg_point
    request = replace(dataset_request, layers=tuple(
        r for r in dataset_request.layers if r.role is not Role.N_RETENTION))
    window = open_window(request)
    try:
        text = _add_and_read(window, qtbot,
                             shapely.box(x + 2000, y + 2000, x + 2200, y + 2100))
        assert "ikke opgjort: intet kvælstofretentionslag" in text and "0 kg" not in text
    finally:
        window.close()


def test_with_a_retention_layer_the_panel_gives_area_times_rate(
        window, aalborg_point, qtbot) -> None:  # type: ignore[no-untyped-def]
    x, y = aalborg_point
    # The fixture's catchments meet at x + 3000 (18 and 32 kg N/ha/yr, tests/gui/conftest.py).
    # 400 × 250 m: 10 ha, half on each side: 5 ha × 18 + 5 ha × 32 = 250 kg
    text = _add_and_read(window, qtbot, shapely.box(x + 2800, y + 2000, x + 3200, y + 2250))
    assert f"{format_number(5 * 18.0 + 5 * 32.0, 0, 'da')} kg N pr. år" in text
