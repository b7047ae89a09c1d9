"""The analysis set-up, once: a project's stored settings → analysis settings, factor table
and the table's provenance (issue 21 §2; before, the window's analysis, ``analyse_plan`` and
``measure_plan`` each read the settings and loaded the table themselves)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from naturplan.core.analysis.assessment import SETTINGS_KEY, AnalysisSettings
from naturplan.core.analysis.factors import FactorTable, Provenance, provenance


@dataclass(frozen=True)
class AnalysisContext:
    """What every analysis of one project starts from."""

    settings: AnalysisSettings
    table: FactorTable
    provenance: Provenance


def analysis_context(stored: Mapping[str, Any] | None) -> AnalysisContext:
    """The context of a project whose stored settings are *stored* (None: the defaults).

    Raises
    ------
    FactorTableError
        If the settings name a factor table that is missing or broken.
    ValueError
        If the stored analysis settings are not a mapping of the known parameters.
    """
    from naturplan.io.factors import load_factor_table

    settings = AnalysisSettings.from_mapping((stored or {}).get(SETTINGS_KEY))
    table = load_factor_table(settings.factors)
    return AnalysisContext(settings, table, provenance(table, settings.recorded))
