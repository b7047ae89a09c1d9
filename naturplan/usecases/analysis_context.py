"""The analysis set-up, once: a project's stored settings → analysis settings, factor table
and the table's provenance (issue 21 §2; before, the window's analysis, ``analyse_plan`` and
``measure_plan`` each read the settings and loaded the table themselves)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from naturplan.core.analysis.assessment import AnalysisSettings
from naturplan.core.analysis.factors import FactorTable, Provenance, provenance
from naturplan.io.project.settings_model import read_settings


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
        If the settings name a factor table that is missing or broken. (Stored values of
        the wrong kind are read as their defaults, with a notice:
        :mod:`naturplan.io.project.settings_model`.)
    """
    from naturplan.io.factors import load_factor_table

    settings = read_settings(stored).analysis  # wrong kinds: the defaults, with a notice
    table = load_factor_table(settings.factors)
    return AnalysisContext(settings, table, provenance(table, settings.recorded))
