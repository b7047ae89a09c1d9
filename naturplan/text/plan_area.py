"""The plan area in words (issue 22 item 3): "Aalborg Kommune", "Aalborg, Rebild og
Vesthimmerland Kommuner", or a catchment's own name, for every export's title and ledger.

A plan of one municipality keeps its old titles word for word (:func:`is_single`); the
exporters use :func:`area_title` and :func:`area_name` only for a plan area of several.
"""

from __future__ import annotations

from naturplan.core.layers.dataset import Municipality
from naturplan.text.i18n import tr

CONTEXT = "area"


def is_single(municipality: Municipality) -> bool:
    """True for a plan of one municipality (its exports say what they always said)."""
    return not municipality.catchment and len(municipality.parts) < 2


def municipality_names(municipality: Municipality) -> list[str]:
    """The names of the plan area's municipalities (their codes where a name is missing)."""
    if not municipality.parts:
        return [municipality.name or municipality.code]
    return [p.name or p.code for p in municipality.parts]


def area_name(municipality: Municipality, lang: str | None = "da") -> str:
    """"Aalborg Kommune", "Aalborg, Rebild og Vesthimmerland Kommuner" or the catchment's name.
    """
    if municipality.catchment:
        return municipality.name
    return names_phrase(municipality_names(municipality), lang)


def names_phrase(names: list[str], lang: str | None = "da") -> str:
    """"Aalborg Kommune" for one name, "Aalborg, Rebild og Vesthimmerland Kommuner" for
    several."""
    if len(names) == 1:
        return tr(lang, CONTEXT, "{name} Municipality", name=names[0])
    return tr(lang, CONTEXT, "{names} and {last} Municipalities",
              names=", ".join(names[:-1]), last=names[-1])


def area_with_municipalities(municipality: Municipality, lang: str | None = "da") -> str:
    """A catchment's name with the municipalities it spans, e.g. "Limfjorden (Aalborg og
    Rebild Kommuner)"; otherwise :func:`area_name`."""
    if not municipality.catchment:
        return area_name(municipality, lang)
    inner = area_name(Municipality(municipality.code, municipality.name,
                                   municipality.geometry, municipality.source,
                                   municipality.parts), lang)
    return tr(lang, CONTEXT, "{area} ({municipalities})", area=municipality.name,
              municipalities=inner)


def plan_title(municipality: Municipality, lang: str | None = "da") -> str:
    """The print map's title: "Naturplan for Aalborg, Rebild og Vesthimmerland Kommuner"."""
    return tr(lang, CONTEXT, "Nature plan for {area}", area=area_name(municipality, lang))
