"""Issue 21 §2: the analysis set-up (settings → factor table → provenance) is one function,
``analysis_context``, that the plan analysis, the exports' measuring and the window's analysis
all start from."""

from __future__ import annotations

import hashlib
import tomllib

import pytest
from export_helpers import Plan

from naturplan.core.analysis.assessment import SETTINGS_KEY
from naturplan.core.layers.roles import Role
from naturplan.io.paths import resource
from naturplan.usecases import analysis_context as context_module


def test_the_context_is_the_named_table_with_its_file_digest_and_the_record() -> None:
    path = resource("factors") / "co2e_v1.toml"
    raw = path.read_bytes()
    recorded = {"id": "co2e_v1", "version": 0, "sha256": "0" * 64}
    stored = {SETTINGS_KEY: {"factors": "co2e_v1", "recorded": recorded}}
    context = context_module.analysis_context(stored)
    assert context.table.id == tomllib.loads(raw.decode("utf-8"))["table"]["id"]
    assert context.table.digest == hashlib.sha256(raw).hexdigest()
    assert context.settings.factors == "co2e_v1"
    assert context.provenance.table is context.table
    assert context.provenance.changed  # the record has another version and digest
    defaults = context_module.analysis_context(None)
    assert defaults.table.id == "co2e_v1" and defaults.provenance.recorded is None


def test_a_missing_table_is_one_clear_danish_line() -> None:
    from naturplan.core.errors import FactorTableError
    from naturplan.text.i18n import error_text

    with pytest.raises(FactorTableError) as caught:
        context_module.analysis_context({SETTINGS_KEY: {"factors": "findes_ikke"}})
    text = error_text(caught.value, "da")
    assert "findes_ikke" in text and "\n" not in text


def test_measuring_and_the_plan_analysis_start_from_the_one_context(  # type: ignore[no-untyped-def]
        plan: Plan, monkeypatch) -> None:
    from naturplan.usecases.analysis import analyse_plan
    from naturplan.usecases.measures import measure_plan
    from naturplan.usecases.plan_data import load_plan_data

    real = context_module.analysis_context
    seen: list[object] = []

    def recording(stored):  # type: ignore[no-untyped-def]
        seen.append(stored)
        return real(stored)

    monkeypatch.setattr(context_module, "analysis_context", recording)
    data = load_plan_data(plan.dataset, (Role.NATURE_P3,), plan.path)
    measured = measure_plan(data, connectivity=False)
    assert seen == [data.settings]
    assert measured.provenance["table"] == "co2e_v1"
    analyse_plan(plan.dataset, plan.candidates, (Role.NATURE_P3,), data.settings,
                 connectivity=False)
    assert seen == [data.settings, data.settings]
