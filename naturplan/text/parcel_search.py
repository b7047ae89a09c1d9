"""A parcel search's outcome in words: what was not found, and "Mente du: …?".

Shared by the command line (stderr) and the GUI's search box (its message and its list of
suggestions), so both say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from naturplan.core.parcels.search import Missing, SearchResult, Suggestion
from naturplan.text.i18n import tr

CONTEXT = "parcels"


@dataclass(frozen=True)
class SearchMessage:
    """What to tell the user about a search that found no single parcel."""

    message: str
    suggestions: tuple[str, ...]
    question: str  # "Mente du: A? B?" on one line, or ""


def suggestion_text(suggestion: Suggestion) -> str:
    """``"Nørre Vadum By, 7a"`` or ``"Vesterbro 14, 9000 Aalborg (Nørre Vadum By, 7a)"``."""
    parcel = suggestion.parcel
    where = f"{parcel.ejerlavsnavn or parcel.ejerlavskode}, {parcel.matrikelnummer}" \
        if parcel is not None else ""
    if suggestion.address is None:
        return where
    a = suggestion.address
    address = f"{a.vejnavn} {a.husnr}, {a.postnr} {a.postnrnavn}".strip()
    return f"{address} ({where})" if where else address


def search_message(result: SearchResult, lang: str = "da") -> SearchMessage:
    """The message for a miss (or an empty message when a parcel was found)."""
    if result.found:
        return SearchMessage("", (), "")
    text = result.missing_text or result.query
    if result.missing is Missing.EJERLAV:
        message = tr(lang, CONTEXT, "No ejerlav called '{text}'.", text=text)
    elif result.missing is Missing.MATRIKEL:
        message = tr(lang, CONTEXT, "No matrikelnummer {matrikel} in {ejerlav}.",
                     matrikel=text, ejerlav=result.ejerlav or "?")
    elif result.missing is Missing.ADDRESS:
        message = tr(lang, CONTEXT, "No address '{text}' in the loaded addresses.", text=text)
    elif result.missing is Missing.NO_PARCEL:
        message = tr(lang, CONTEXT, "No parcel lies under the address '{text}'.", text=text)
    elif result.missing is Missing.AMBIGUOUS and any(s.address for s in result.suggestions):
        districts = ", ".join(dict.fromkeys(
            f"{s.address.postnr} {s.address.postnrnavn}".strip()
            for s in result.suggestions if s.address is not None))
        message = tr(lang, CONTEXT, "The address '{text}' exists in several postcodes: "
                     "{districts}. Add the postcode.", text=result.query, districts=districts)
    elif result.missing is Missing.AMBIGUOUS:
        message = tr(lang, CONTEXT, "'{text}' fits several parcels; choose one.",
                     text=result.query)
    else:
        message = tr(lang, CONTEXT, "Nothing to search for in '{text}': give a matrikelnummer "
                     "and an ejerlav (name or code), or an address.", text=result.query)
    items = tuple(dict.fromkeys(suggestion_text(s) for s in result.suggestions))
    question = ""
    if items:
        question = tr(lang, CONTEXT, "Did you mean: {items}?", items="? ".join(items))
    return SearchMessage(message, items, question)
