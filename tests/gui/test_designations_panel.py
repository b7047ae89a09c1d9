"""Today's designations in the window (issue 22 item 2): the analysis panel of the selected
candidate and the parcel card say which retningslinje and MARS project it lies in, with the
hectares and share an independent shapely cut gives; without the layers they say why, never
"0 ha" and never "ligger ikke i". The layers are the GUI fixture's (tests/gui/conftest.py)."""

from __future__ import annotations

from dataclasses import replace

import shapely

from naturplan.core.layers.roles import Role
from naturplan.core.plan.candidates import CandidateKind
from naturplan.text.numbers import format_ha, format_percent


def _squares(x: float, y: float) -> dict[str, shapely.Polygon]:
    """The fixture's designation squares (EPSG:25832) and a candidate across two of them."""
    return {
        "designation": shapely.box(x + 4000, y + 4000, x + 4400, y + 4300),   # 1112 V, 12 ha
        "project": shapely.box(x + 4500, y + 4000, x + 4800, y + 4200),       # MARS, 6 ha
        "candidate": shapely.box(x + 4200, y + 4100, x + 4600, y + 4250),     # 6 ha
    }


def _select_new(window, qtbot, geometry, kind=CandidateKind.AFFORESTATION):  # type: ignore[no-untyped-def]
    actions = window.analysis
    qtbot.waitUntil(lambda: actions.controller.network is not None and actions.controller.idle,
                    timeout=120_000)
    window.session.kind = kind
    assert window.session.add(geometry, "Skov") is not None
    panel = actions.dock.panel
    qtbot.waitUntil(lambda: bool(panel.text("designations")), timeout=60_000)
    return panel


def _card_text(window, qtbot, query: str) -> str:  # type: ignore[no-untyped-def]
    controller = window.parcels
    if controller.context is None:
        with qtbot.waitSignal(controller.context_ready, timeout=60_000):
            pass
    result = controller.search(query)
    assert result is not None and result.found
    return controller.dock.plain_text()


def test_the_panel_and_the_card_name_the_designations(window, aalborg_point, qtbot
                                                      ) -> None:  # type: ignore[no-untyped-def]
    sq = _squares(*aalborg_point)
    text = _select_new(window, qtbot, sq["candidate"]).text("designations")
    cand = sq["candidate"]
    inside = shapely.intersection(cand, sq["designation"]).area
    in_project = shapely.intersection(cand, sq["project"]).area
    assert (f"ligger i vedtaget skovrejsningsområde (1112): {format_ha(inside, 1, 'da')} "
            f"({format_percent(inside / cand.area, 0, 'da')})") in text
    assert "3,0 ha (50 %)" in text  # by hand: 200 m × 150 m of 400 m × 150 m
    assert (f"overlapper MARS-projekt Nørreå (klima-lavbund, forundersøgelse): "
            f"{format_ha(in_project, 1, 'da')} "
            f"({format_percent(in_project / cand.area, 0, 'da')})") in text
    assert "1,0 ha (17 %)" in text

    # The parcel 0a (x - 2000 .. x - 1800, y - 2000 .. y - 1800) is half in the 1113 area.
    card = _card_text(window, qtbot, "0a, Testby")
    assert "Udpegninger i dag (Plandata, MARS)" in card
    assert "ligger i forslag til lavbundsareal (1113): 2,0 ha (50 %)" in card
    assert "intet af lagets MARS-projekter overlapper" in card


def test_without_the_layers_the_panel_and_the_card_say_why(
        open_window, dataset_request, aalborg_point, qtbot) -> None:  # type: ignore[no-untyped-def]
    request = replace(dataset_request, layers=tuple(
        r for r in dataset_request.layers
        if r.role not in (Role.DESIGNATIONS, Role.MARS_PROJECTS)))
    window = open_window(request)
    try:
        sq = _squares(*aalborg_point)
        text = _select_new(window, qtbot, sq["candidate"]).text("designations")
        assert "ikke kontrolleret: intet lag med Plandatas retningslinjer" in text
        assert "ikke kontrolleret: intet lag med MARS-projekter" in text
        assert "0 ha" not in text and "0,0 ha" not in text and "ligger ikke i" not in text
        card = _card_text(window, qtbot, "0a, Testby")
        assert "ikke kontrolleret: intet lag med Plandatas retningslinjer" in card
        assert "ligger i" not in card and "ligger ikke i" not in card
    finally:
        window.close()
