"""Protected-nature targets and the gap to each (DESIGN.md, "The numbers")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """A target share of the municipality's area that is protected nature.

    Attributes
    ----------
    key
        Stable identifier used in JSON and settings.
    name
        The target's name as the source states it (Danish; the GUI translates the label).
    share
        Fraction of the municipality's area, 0..1.
    source
        Where the target is set.
    holder
        Who set it, as the English source text of its translation ("Aalborg Kommune",
        "Green Tripartite"); the label people read is built from it, the share and the year
        (``naturplan.text.labels.target_label``). Empty: the label is *name*.
    year
        The year by which the share is to be reached, if the target names one.
    """

    key: str
    name: str
    share: float
    source: str
    holder: str = ""
    year: int | None = None


AALBORG_17 = Target(
    key="aalborg_17",
    name="Aalborg Kommune 17 %",
    share=0.17,
    source="Aalborg Kommune, Verdensmålsstrategi (vedtaget af byrådet 9. august 2021)",
    holder="Aalborg Kommune",
)
NATIONAL_20 = Target(
    key="national_20_2030",
    name="Grøn trepart 20 % (2030)",
    share=0.20,
    source="Aftale om et Grønt Danmark (Grøn trepart), 2024: 20 % beskyttet natur i 2030",
    holder="Green Tripartite",
    year=2030,
)
DEFAULT_TARGETS: tuple[Target, ...] = (AALBORG_17, NATIONAL_20)


@dataclass(frozen=True)
class TargetGap:
    """How far a protected area is from a target.

    ``gap_m2`` is target × municipality area − protected area, never below zero;
    ``surplus_m2`` is the part beyond the target when it is reached.
    """

    target: Target
    gap_m2: float
    surplus_m2: float

    @property
    def reached(self) -> bool:
        return self.gap_m2 <= 0.0


def gap_to(target: Target, protected_m2: float, municipality_m2: float) -> TargetGap:
    """The gap from *protected_m2* to *target* in a municipality of *municipality_m2*."""
    diff = target.share * municipality_m2 - protected_m2
    return TargetGap(target=target, gap_m2=max(diff, 0.0), surplus_m2=max(-diff, 0.0))


def targets_for(komkode: str) -> tuple[Target, ...]:
    """The targets that apply in a municipality: Aalborg's own 17 % only in Aalborg."""
    if komkode == "0851":
        return DEFAULT_TARGETS
    return (NATIONAL_20,)
