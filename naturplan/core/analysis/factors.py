"""Climate factor tables: emission factors of lowland soils, the Klima-Lavbund criteria and
afforestation rates, as data (DESIGN.md, "The numbers").

A table is a TOML file in ``resources/factors`` (read by :mod:`naturplan.io.factors`); this
module turns its parsed content into a :class:`FactorTable` and checks it, so that a new
inventory is a new file and never new code. Every number carries the table's ``id``,
``version`` and the SHA-256 of the file (:class:`FactorTable.digest`): the project records
them, and :func:`provenance` tells when the table changed after the project recorded it.

Units: t CO2e per hectare and year; carbon classes ``">12"``, ``"6-12"``, ``"<6"`` per cent
organic carbon; uses ``"rotation"`` and ``"permanent_grass"`` (the canonical values of the
``lowland`` role, see :mod:`naturplan.core.layers.fieldmap`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from naturplan.core.errors import FactorTableError

CARBON_CLASSES: tuple[str, ...] = (">12", "6-12", "<6")
LAND_USES: tuple[str, ...] = ("rotation", "permanent_grass")


@dataclass(frozen=True)
class KlimaLavbundRules:
    """The thresholds of the Klima-Lavbund scheme (each criterion passes at equality)."""

    min_area_ha: float
    min_organic_share: float
    min_reduction_t_per_ha: float
    source: str = ""


@dataclass(frozen=True)
class AfforestationRates:
    """Sequestration of new forest in t CO2 per hectare and year, by forest type."""

    rates: Mapping[str, float]
    default: str
    source: str = ""

    def rate(self, forest_type: str | None = None) -> float:
        """The rate of *forest_type* (the table's default type if None).

        Raises
        ------
        FactorTableError
            If the table has no rate for that type.
        """
        key = forest_type or self.default
        if key not in self.rates:
            raise FactorTableError(
                "The factor table has no afforestation rate for '{kind}' (it has {known}).",
                kind=key, known=", ".join(sorted(self.rates)),
            )
        return float(self.rates[key])


@dataclass(frozen=True)
class FactorTable:
    """One versioned table of climate factors (see the module docstring).

    Attributes
    ----------
    id, version, title, source
        What the table is and where its numbers come from.
    digest
        SHA-256 of the file's bytes (hex), set by the reader; "" for a table built in memory.
    drained
        ``(land_use, carbon_class)`` → emission of the drained soil, t CO2e/ha/yr (all gases).
    rewetted
        ``carbon_class`` → emission of the rewetted soil, t CO2e/ha/yr.
    gases
        ``(land_use, carbon_class)`` → the drained emission per gas, as the table lists it.
    unknown_use
        The use whose factors apply where the lowland layer does not say the use.
    organic_classes
        The carbon classes that count as organic soil (> 6 % organic carbon).
    title_da, source_da
        The title and source in Danish for the council's tables ("" if the file has none).
    """

    id: str
    version: int
    title: str
    source: str
    drained: Mapping[tuple[str, str], float]
    rewetted: Mapping[str, float]
    klima_lavbund: KlimaLavbundRules
    afforestation: AfforestationRates
    gases: Mapping[tuple[str, str], Mapping[str, float]] = field(default_factory=dict)
    unknown_use: str = "permanent_grass"
    organic_classes: tuple[str, ...] = (">12", "6-12")
    digest: str = ""
    title_da: str = ""
    source_da: str = ""

    def use_of(self, land_use: str | None) -> str:
        """*land_use* if the table knows it, else the table's rule for an unknown use."""
        return land_use if land_use in LAND_USES else self.unknown_use

    def drained_t_per_ha(self, carbon_class: str, land_use: str | None) -> float:
        """Emission of the drained soil (t CO2e/ha/yr); 0 for a class the table lacks."""
        return float(self.drained.get((self.use_of(land_use), carbon_class), 0.0))

    def reduction_t_per_ha(self, carbon_class: str, land_use: str | None) -> float:
        """Drained minus rewetted emission for one hectare of *carbon_class* under *land_use*
        (t CO2e/ha/yr); negative if rewetting emits more than the drained soil did."""
        drained = self.drained_t_per_ha(carbon_class, land_use)
        return drained - float(self.rewetted.get(carbon_class, 0.0))

    def is_organic(self, carbon_class: str | None) -> bool:
        return carbon_class in self.organic_classes

    def reference(self) -> dict[str, Any]:
        """What a project records about the table: ``{"id", "version", "sha256"}``."""
        return {"id": self.id, "version": self.version, "sha256": self.digest}


@dataclass(frozen=True)
class Provenance:
    """Where climate numbers come from, and whether the table changed since it was recorded.

    ``recorded`` is the project's record (``{"id", "version", "sha256"}``) or None if the
    project has none; ``changed`` is True when the recorded table has the same id but other
    content (another SHA-256) or another version.
    """

    table: FactorTable
    recorded: Mapping[str, Any] | None

    @property
    def changed(self) -> bool:
        rec = self.recorded
        if not rec or rec.get("id") != self.table.id:
            return False
        return bool(rec.get("sha256") != self.table.digest
                    or rec.get("version") != self.table.version)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: the table used, its source, the project's record and ``changed``."""
        return {
            "table": self.table.id, "version": self.table.version, "sha256": self.table.digest,
            "title": self.table.title, "source": self.table.source,
            "title_da": self.table.title_da, "source_da": self.table.source_da,
            "recorded": dict(self.recorded) if self.recorded else None,
            "changed_since_recorded": self.changed,
        }


def parse_factor_table(data: Mapping[str, Any], name: str, digest: str = "") -> FactorTable:
    """A :class:`FactorTable` from the parsed TOML *data* of the file *name*.

    Raises
    ------
    FactorTableError
        If a section or number is missing or not a number; the message names the file and
        the key.
    """
    try:
        head = _section(data, "table", name)
        drained, gases = _drained(_section(data, "drained", name), name)
        rewetted = {c: _sum_gases(v, name, f"rewetted.{c}")
                    for c, v in _section(data, "rewetted", name).items()}
        rules = data.get("rules", {})
        kl = _section(data, "klima_lavbund", name)
        af = _section(data, "afforestation", name)
        rates = {str(k): _number(v, name, f"afforestation.rates.{k}")
                 for k, v in _section(af, "rates", name).items()}
        table = FactorTable(
            id=str(head.get("id") or name), version=int(head.get("version", 1)),
            title=str(head.get("title", "")), source=str(head.get("source", "")),
            drained=drained, rewetted=rewetted, gases=gases,
            klima_lavbund=KlimaLavbundRules(
                _number(kl.get("min_area_ha"), name, "klima_lavbund.min_area_ha"),
                _number(kl.get("min_organic_share"), name, "klima_lavbund.min_organic_share"),
                _number(kl.get("min_reduction_t_per_ha"), name,
                        "klima_lavbund.min_reduction_t_per_ha"),
                str(kl.get("source", "")),
            ),
            afforestation=AfforestationRates(rates, str(af.get("default", "mixed")),
                                             str(af.get("source", ""))),
            unknown_use=str(rules.get("unknown_use", "permanent_grass")),
            organic_classes=tuple(rules.get("organic_classes", (">12", "6-12"))),
            digest=digest,
            title_da=str(head.get("title_da", "")), source_da=str(head.get("source_da", "")),
        )
    except (TypeError, ValueError, AttributeError) as exc:
        raise FactorTableError("Factor table {name} cannot be read ({reason}).",
                               name=name, reason=str(exc)) from None
    table.afforestation.rate()  # the default type must have a rate
    return table


def provenance(table: FactorTable, recorded: Mapping[str, Any] | None) -> Provenance:
    """The provenance of numbers computed with *table* in a project that recorded *recorded*."""
    return Provenance(table, recorded)


def _section(data: Mapping[str, Any], key: str, name: str) -> Mapping[str, Any]:
    value = data.get(key)
    if not isinstance(value, Mapping):
        raise FactorTableError("Factor table {name} has no [{section}] section.",
                               name=name, section=key)
    return value


def _number(value: Any, name: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FactorTableError("Factor table {name}: {key} must be a number.",
                               name=name, key=key)
    return float(value)


def _sum_gases(value: Any, name: str, key: str) -> float:
    if not isinstance(value, Mapping):
        return _number(value, name, key)
    return float(sum(_number(v, name, f"{key}.{g}") for g, v in value.items()))


def _drained(
    section: Mapping[str, Any], name: str
) -> tuple[dict[tuple[str, str], float], dict[tuple[str, str], dict[str, float]]]:
    totals: dict[tuple[str, str], float] = {}
    gases: dict[tuple[str, str], dict[str, float]] = {}
    for use, classes in section.items():
        if not isinstance(classes, Mapping):
            raise FactorTableError("Factor table {name}: [drained.{use}] must list classes.",
                                   name=name, use=use)
        for carbon_class, value in classes.items():
            key = (str(use), str(carbon_class))
            totals[key] = _sum_gases(value, name, f"drained.{use}.{carbon_class}")
            if isinstance(value, Mapping):
                gases[key] = {str(g): float(v) for g, v in value.items()}
    return totals, gases
