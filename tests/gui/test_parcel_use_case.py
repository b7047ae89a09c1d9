"""Issue 21 §2: the parcel status is one use case. ``naturplan parcel`` and the window's
search box both fill a ``ParcelQuery`` and call ``usecases.parcel_status.parcel_status``;
each only shows the report (the command prints the card's lines or the miss; the window's
dock shows the card the report holds)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest
from cli_runner import run_cli

from naturplan.usecases import parcel_status as use_case


def _recorder(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, object]]:
    """Every call of ``parcel_status`` (by either front end), passed on to the real one."""
    real = use_case.parcel_status
    calls: list[tuple[object, object]] = []

    def recording(context, query, legal):  # type: ignore[no-untyped-def]
        report = real(context, query, legal)
        calls.append((query, report))
        return report

    monkeypatch.setattr(use_case, "parcel_status", recording)
    monkeypatch.setattr("naturplan.gui.parcels.controller.parcel_status", recording)
    return calls


def test_the_search_box_shows_the_use_case_s_card(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    controller = window.parcels
    if controller.context is None:
        with qtbot.waitSignal(controller.context_ready, timeout=60_000):
            pass
    calls = _recorder(monkeypatch)
    result = controller.search("12a, Testby")
    assert result is not None and result.found
    [(query, report)] = calls
    assert query.text == "12a, Testby" and query.lang == "da"
    assert controller.card is report.card  # the dock shows what the use case found
    assert report.card.parcel.ref.matrikelnummer == "12a"
    missed = controller.search("Qwerty 1")
    assert missed is not None and not missed.found
    assert calls[-1][1].miss is not None and calls[-1][1].card is None


def test_the_command_prints_the_use_case_s_card(sample_env: dict[str, str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from naturplan.io.paths import sample_dir
    from naturplan.text.terminal import terminal_text

    gpkg = Path(sample_dir(float(sample_env["NATURPLAN_SAMPLE_SCALE"]))) / "aalborg_sample.gpkg"
    first = gpd.read_file(gpkg, layer="adgangsadresser").iloc[0]
    address = f"{first['vejnavn']} {first['husnr']}, {first['postnr']}"
    calls = _recorder(monkeypatch)
    done = run_cli(["parcel", "--address", address], env=sample_env)
    assert done.returncode == 0, done.stderr
    [(query, report)] = calls
    assert query.address == address and query.text is None and query.ejerlav is None
    assert done.stdout.splitlines() == [terminal_text(line) for line in report.text.lines()]
    missed = run_cli(["parcel", "--search", "Qwerty 1"], env=sample_env)
    assert missed.returncode != 0
    assert calls[-1][0].text == "Qwerty 1" and calls[-1][1].miss is not None
    assert terminal_text(calls[-1][1].miss.message) in missed.stderr
