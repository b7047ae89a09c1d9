"""Words for the analysis numbers outside Qt (the command line, the exports): the
firefighter's tags, conflict kinds, Klima-Lavbund criteria and forest types, from context
``analysis`` of ``resources/translations/analysis_*.ts``."""

from __future__ import annotations

from naturplan.core.analysis.climate import Criterion
from naturplan.core.analysis.conflicts import ConflictKind
from naturplan.core.analysis.firefighter import Tag
from naturplan.text.i18n import tr

_TAGS = {Tag.PROTECTS: "protects existing nature", Tag.RESTORES: "restores degraded nature",
         Tag.CREATES: "creates new nature",
         Tag.CONFLICTS: "conflicts with existing nature (afforestation on §3)"}
_CONFLICTS = {
    ConflictKind.NATURE_P3: "§3 nature (not allowed)",
    ConflictKind.NATURA2000: "Natura 2000 (impact assessment needed)",
    ConflictKind.ORGANIC_SOIL: "organic lowland soil (counteracts the climate gain)",
    ConflictKind.UNWANTED_FOREST: "unwanted-forest zone",
    ConflictKind.FLOOD: "flood zone",
}
_CRITERIA = {Criterion.MIN_AREA: "at least {threshold} ha",
             Criterion.ORGANIC_SHARE: "at least {threshold} on soil > 6 % organic carbon",
             Criterion.REDUCTION_PER_HA: "at least {threshold} t CO2e per ha and year"}


def firefighter_label(tag: Tag | str, lang: str | None) -> str:
    """``protects`` → "beskytter eksisterende natur" (da)."""
    return tr(lang, "analysis", _TAGS[Tag(tag)])


def conflict_label(kind: ConflictKind | str, lang: str | None) -> str:
    """``nature_p3`` → "§3-natur (ikke tilladt)" (da)."""
    return tr(lang, "analysis", _CONFLICTS[ConflictKind(kind)])


def criterion_label(criterion: Criterion | str, threshold: str, lang: str | None) -> str:
    """The criterion with its threshold written for people (format the number first)."""
    return tr(lang, "analysis", _CRITERIA[Criterion(criterion)], threshold=threshold)
