"""Street names for the synthetic national world's addresses (issue 24 §1), without digits.

The address parser (:func:`naturplan.core.parcels.addresses.parse_address`) reads a street
as the words before the house number and refuses digits in it, as Danish street names have
none; the first national world named its streets "Syntetisk Vej 81", and no address of it
could be searched. The names here are made from two short word lists of our own (common
Danish first parts and endings of street names: trees, landscape, farm and village words;
no real street list is copied), e.g. "Bøgevej", "Mosestræde", "Nørre Kirkevænget". Each
municipality gets its own deterministic order of them, one name per ejerlav, so a name is
unique within a municipality (and its postnr) and the search finds one address.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

#: First parts of the names (our own list).
STEMS = (
    "Ege", "Bøge", "Birke", "Ahorn", "Aske", "Elme", "Linde", "Pile", "Hassel", "Røne",
    "Kastanje", "Grane", "Fyrre", "Lærke", "Hylde", "Tjørne", "Rose", "Lilje", "Kløver",
    "Lyng", "Mose", "Enge", "Mark", "Skov", "Sø", "Å", "Strand", "Bakke", "Dal", "Hede",
    "Klit", "Fjord", "Mølle", "Kirke", "Skole", "Smedie", "Præste", "Gårds", "Kilde", "Bro",
    "Vinkel", "Krage", "Vibe", "Svane", "Stære", "Måge", "Ugle", "Rådyr", "Hjorte", "Ræve",
    "Byg", "Rug", "Havre", "Hvede", "Humle", "Kærs", "Holm", "Lunde", "Sol", "Agern",
)
#: Endings (our own list).
ENDINGS = (
    "vej", "gade", "stræde", "allé", "sti", "vænget", "toften", "bakken", "parken", "haven",
    "engen", "marken", "kæret", "løkken", "højen", "tværvej",
)
#: Words set before a name once every plain name of a municipality is used.
PREFIXES = ("Nørre", "Søndre", "Østre", "Vestre", "Gamle", "Nye", "Lille", "Store")


def street_names(n: int, rng: np.random.Generator) -> NDArray[np.object_]:
    """*n* distinct street names (no digits) in an order drawn from *rng*."""
    plain = np.array([s + e for s in STEMS for e in ENDINGS], dtype=object)
    order = plain[rng.permutation(len(plain))]
    k = np.arange(n)
    base = order[k % len(order)]
    rounds = k // len(order)
    if rounds.max(initial=0) > len(PREFIXES):
        raise ValueError(f"{n} streets: more than the word lists give")
    out: NDArray[np.object_] = np.array(
        [b if r == 0 else f"{PREFIXES[r - 1]} {b}" for b, r in zip(base, rounds, strict=True)],
        dtype=object)
    return out


def numbers_per_street(street: NDArray[np.int64]) -> NDArray[np.int64]:
    """House numbers 1, 2, 3 … along each street (*street* sorted, equal values together)."""
    n = len(street)
    if n == 0:
        return np.empty(0, dtype=np.int64)
    starts = np.r_[True, street[1:] != street[:-1]]
    first = np.maximum.accumulate(np.where(starts, np.arange(n), 0))
    out: NDArray[np.int64] = np.arange(n) - first + 1
    return out
