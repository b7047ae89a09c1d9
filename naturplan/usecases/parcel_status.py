"""The parcel status as one use case: a query → the parcel's status card in words, or what
was not found with the suggestions (issue 21 §2).

``naturplan parcel`` (``--ejerlav``/``--matrikel``, ``--address``, ``--search``) and the
window's search box (Ctrl+F) both fill a :class:`ParcelQuery` and call :func:`parcel_status`
on the prepared :class:`~naturplan.core.parcels.context.ParcelContext`; they only show the
:class:`ParcelStatusReport` (the command: text, JSON or a PDF; the window: its card dock, the
map's zoom and highlight). The rules, decided once:

- An ejerlav with a matrikel is looked up by key, an address as an address, anything else as
  one typed line (a parcel or an address).
- A search that finds no single parcel gives the words of
  :func:`~naturplan.text.parcel_search.search_message` ("Mente du: …?") and its suggestions.
- A parcel found gives its card (:meth:`ParcelContext.card_for`, with the address it was
  found by) and the card in words (:func:`~naturplan.export.parcel_card.card_text`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from naturplan.core.parcels.context import ParcelContext
from naturplan.core.parcels.search import SearchResult
from naturplan.core.parcels.status import StatusCard
from naturplan.export.parcel_card import CardText, card_text
from naturplan.io.parcel_index import IndexedParcels
from naturplan.io.parcels import LegalBasis
from naturplan.text.parcel_search import SearchMessage, search_message


@dataclass(frozen=True)
class ParcelQuery:
    """What the user asked for, as a front end fills it in.

    Attributes
    ----------
    text
        One typed line: a parcel (``"7a, Nibe Markjorder"``) or an address (the search box,
        ``--search``).
    ejerlav, matrikel
        The parcel's key (``--ejerlav`` and ``--matrikel``); both or neither.
    address
        An address (``--address``).
    lang
        ``da`` or ``en``.
    """

    text: str | None = None
    ejerlav: str | None = None
    matrikel: str | None = None
    address: str | None = None
    lang: str = "da"


@dataclass(frozen=True)
class ParcelStatusReport:
    """What :func:`parcel_status` found.

    Attributes
    ----------
    result
        The search's outcome (the parcel, or what was missing and the suggestions).
    card, text
        The parcel's status card and the card in the query's language (None when no single
        parcel was found).
    miss
        What to tell the user when no single parcel was found (None when one was).
    """

    result: SearchResult
    card: StatusCard | None = None
    text: CardText | None = None
    miss: SearchMessage | None = None


def parcel_status(context: ParcelContext | IndexedParcels, query: ParcelQuery,
                  legal: Mapping[str, LegalBasis]) -> ParcelStatusReport:
    """The status card of the parcel *query* names, or what was not found.

    Raises
    ------
    NaturplanError
        If the card cannot be made (a parcel row that does not exist).
    """
    if query.ejerlav is not None or query.matrikel is not None:
        result = context.find(query.ejerlav or "", query.matrikel or "")
    elif query.address is not None:
        result = context.find_address(query.address)
    else:
        result = context.search(query.text or "")
    if not result.found or result.parcel is None:
        return ParcelStatusReport(result, miss=search_message(result, query.lang))
    card = context.card_for(result)
    return ParcelStatusReport(result, card, card_text(card, legal, query.lang))
