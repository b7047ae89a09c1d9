"""Addresses as a case worker types them: ``"Vesterbro 14, 9000"``, ``"vesterbro 14 aalborg"``,
``"Kirkevej 3A, 9430 Vadum"``.

The street is compared without case, spaces or punctuation; the house number with its
letter (``14a`` = ``14 A``); the postal district by its number or by the start of its name.
A miss offers the nearest addresses: the same street's nearest house numbers, or the
streets rapidfuzz finds nearest the typed name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely
from numpy.typing import NDArray
from rapidfuzz import fuzz, process

from naturplan.core.parcels.text import fold, split_number, squash

_ADDRESS = re.compile(
    r"^\s*(?P<street>[^\d,]*[^\d\s,])\s+(?P<husnr>\d+\s*[a-zæøå]?)(?![\d])\s*,?\s*"
    r"(?P<postnr>\d{4})?\s*(?P<city>[^\d,]*?)\s*,?\s*$",
    re.IGNORECASE,
)
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class AddressRef:
    """One address point (EPSG:25832) and its parts."""

    position: int
    vejnavn: str
    husnr: str
    postnr: str
    postnrnavn: str
    x: float
    y: float


@dataclass(frozen=True)
class AddressQuery:
    """An address split into its parts (street, house number, postnr, postal district)."""

    street: str
    husnr: str
    postnr: str
    city: str


def parse_address(text: str) -> AddressQuery | None:
    """Split ``"Vesterbro 14, 9000 Aalborg"``; None if *text* has no street and number."""
    match = _ADDRESS.match(str(text))
    if match is None:
        return None
    return AddressQuery(
        street=match.group("street").strip(),
        husnr=squash(match.group("husnr")),
        postnr=match.group("postnr") or "",
        city=(match.group("city") or "").strip(),
    )


class AddressIndex:
    """Every address of the addresses layer, by street, house number and postal district.

    Parameters
    ----------
    frame
        Canonical fields ``vejnavn``, ``husnr``, ``postnr``, ``postnrnavn``; point geometry.
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        def column(name: str) -> NDArray[np.object_]:
            if name not in frame.columns:
                return np.full(len(frame), "", dtype=object)
            values: NDArray[np.object_] = frame[name].astype("string").fillna("").to_numpy(object)
            return values

        self.vejnavn, self.husnr = column("vejnavn"), column("husnr")
        self.postnr, self.postnrnavn = column("postnr"), column("postnrnavn")
        points = np.asarray(frame.geometry.to_numpy(), dtype=object)
        self.x, self.y = shapely.get_x(points), shapely.get_y(points)
        self._streets: dict[str, list[int]] = {}
        for position, name in enumerate(self.vejnavn):
            self._streets.setdefault(squash(name), []).append(position)
        self._street_names = list(self._streets)
        self._street_display = {k: str(self.vejnavn[v[0]]) for k, v in self._streets.items()}
        self._folded = [fold(self._street_display[k]) for k in self._street_names]

    def __len__(self) -> int:
        return len(self.vejnavn)

    def looks_like_address(self, text: str) -> bool:
        """True if *text* has the shape of an address and its street exists (or nearly)."""
        query = parse_address(text)
        if query is None:
            return False
        key = squash(query.street)
        if key in self._streets:
            return True
        return bool(process.extractOne(fold(query.street), self._folded, scorer=fuzz.WRatio,
                                       score_cutoff=75))

    def ref(self, position: int) -> AddressRef:
        return AddressRef(position, str(self.vejnavn[position]), str(self.husnr[position]),
                          str(self.postnr[position]), str(self.postnrnavn[position]),
                          float(self.x[position]), float(self.y[position]))

    def find_all(self, text: str) -> list[AddressRef]:
        """Every address that *text* names exactly (street, number and what it gives of the
        postal district): more than one when the postcode is left out of an address that
        exists in several."""
        query = parse_address(text)
        if query is None:
            return []
        on_street = self._streets.get(squash(query.street), [])
        return [self.ref(p) for p in on_street
                if self._in_district(p, query) and squash(self.husnr[p]) == query.husnr]

    def find(self, text: str) -> tuple[AddressRef | None, list[tuple[AddressRef, float]]]:
        """The address *text* names, or None and the nearest addresses with scores 0..100."""
        query = parse_address(text)
        if query is None:
            return None, []
        on_street = self._streets.get(squash(query.street), [])
        district = [p for p in on_street if self._in_district(p, query)]
        exact = [p for p in district if squash(self.husnr[p]) == query.husnr]
        if len(exact) == 1:
            return self.ref(exact[0]), []
        if len(exact) > 1:  # the same street and number in several districts
            return None, [(self.ref(p), 100.0) for p in exact[:MAX_SUGGESTIONS]]
        if district:
            return None, self._nearest_numbers(district, query.husnr, 95.0)
        return None, self._street_suggestions(query)

    def _in_district(self, position: int, query: AddressQuery) -> bool:
        if query.postnr and self.postnr[position] != query.postnr:
            return False
        if query.city and not fold(self.postnrnavn[position]).startswith(fold(query.city)):
            return False
        return True

    def _nearest_numbers(self, positions: list[int], husnr: str,
                         score: float) -> list[tuple[AddressRef, float]]:
        """The house numbers on one street nearest *husnr* (by number, then letter)."""
        number, _ = split_number(husnr)
        target = int(number) if number else 0

        def distance(p: int) -> tuple[int, str]:
            n, letter = split_number(self.husnr[p])
            return (abs(int(n) - target) if n else 10**6, letter)

        ranked = sorted(positions, key=distance)[:MAX_SUGGESTIONS]
        return [(self.ref(p), score - min(distance(p)[0], 40)) for p in ranked]

    def _street_suggestions(self, query: AddressQuery) -> list[tuple[AddressRef, float]]:
        """Streets nearest the typed one (Danish letters spelled out count as the same),
        each with its nearest house number in the district asked for."""
        out: list[tuple[AddressRef, float]] = []
        scored = process.extract(fold(query.street), self._folded, scorer=fuzz.WRatio,
                                 limit=MAX_SUGGESTIONS * 2, score_cutoff=60)
        for _, score, i in scored:
            positions = [p for p in self._streets[self._street_names[i]]
                         if self._in_district(p, query)]
            if positions:
                best = self._nearest_numbers(positions, query.husnr, float(score))[0]
                out.append((best[0], float(score) - (0 if best[1] >= score else 5)))
        out.sort(key=lambda item: -item[1])
        return out[:MAX_SUGGESTIONS]
