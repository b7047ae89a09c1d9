"""Finding a parcel: by ejerlav (code or name) and matrikelnummer, by address, or from one
line of free text as a case worker types it into the search box.

A search never answers with a silent nothing: a :class:`SearchResult` either holds the
parcel, or says what was not found (the ejerlav, the matrikelnummer in that ejerlav, the
address) and offers the nearest matches, scored by rapidfuzz (Bachmann, maintained C++
string matching), with the Danish-letter spellings (``oe`` for ø …) first. How text is
compared is in :mod:`naturplan.core.parcels.text`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import pandas as pd
import shapely
from rapidfuzz import fuzz, process

from naturplan.core.parcels.addresses import AddressIndex, AddressRef
from naturplan.core.parcels.text import (
    expand,
    fold,
    join_matrikel,
    prefix_match,
    split_number,
    squash,
    words,
)

#: Suggestions offered for a miss.
MAX_SUGGESTIONS = 5
#: rapidfuzz score (0-100) below which a name is not offered.
NAME_CUTOFF = 60.0


class Missing(StrEnum):
    """What a search did not find."""

    NOTHING = ""
    QUERY = "query"  # no matrikelnummer or address in the text
    EJERLAV = "ejerlav"
    MATRIKEL = "matrikel"
    ADDRESS = "address"
    NO_PARCEL = "no_parcel"  # the address was found, but no parcel lies under it
    AMBIGUOUS = "ambiguous"  # several parcels fit; the suggestions list them


@dataclass(frozen=True)
class ParcelRef:
    """One parcel of the parcels layer: its row position and its cadastral key."""

    position: int
    ejerlavskode: int | None
    ejerlavsnavn: str
    matrikelnummer: str


@dataclass(frozen=True)
class Suggestion:
    """A parcel (and the address that led to it, if any) offered for a miss; score 0..100."""

    parcel: ParcelRef | None
    address: AddressRef | None = None
    score: float = 0.0


@dataclass(frozen=True)
class SearchResult:
    """The answer to one search.

    Attributes
    ----------
    query
        What was searched for, as typed.
    parcel
        The parcel found, or None.
    address
        The address the parcel was found by, if the search was an address.
    missing
        What was not found (:attr:`Missing.NOTHING` when *parcel* is set).
    missing_text
        The part of the query that was not found (``"7b"``, ``"Nørre Vadm By"``).
    ejerlav
        The ejerlav that was found when only the matrikelnummer was not.
    suggestions
        The nearest matches, best first.
    nearest
        True when the address lies on no parcel and *parcel* is the nearest one.
    """

    query: str
    parcel: ParcelRef | None = None
    address: AddressRef | None = None
    missing: Missing = Missing.NOTHING
    missing_text: str = ""
    ejerlav: str = ""
    suggestions: tuple[Suggestion, ...] = field(default_factory=tuple)
    nearest: bool = False

    @property
    def found(self) -> bool:
        return self.parcel is not None


@dataclass(frozen=True)
class _Ejerlav:
    code: int | None
    name: str
    words: tuple[str, ...]
    folded: str
    matrikler: dict[str, int]  # squashed matrikelnummer -> parcel position
    folded_matrikler: dict[str, str]  # folded -> squashed


class ParcelFinder:
    """An index of every parcel by ejerlav and matrikelnummer, and of the addresses.

    Parameters
    ----------
    parcels
        The parcels layer's frame (canonical fields ``ejerlavskode``, ``ejerlavsnavn``,
        ``matrikelnummer``; geometry in EPSG:25832).
    addresses
        An index of the address points, or None if no addresses are loaded.
    ejerlav_names
        Ejerlavskode → name, for parcels whose file has no ``ejerlavsnavn`` (a table of
        ejerlav given beside the parcels); a name in the parcel file wins.
    """

    def __init__(self, parcels: pd.DataFrame, addresses: AddressIndex | None = None,
                 ejerlav_names: Mapping[int, str] | None = None) -> None:
        self.geometries = np.asarray(parcels.geometry.to_numpy(), dtype=object)
        self.addresses = addresses
        self._tree: shapely.STRtree | None = None
        codes = _codes(parcels)
        names = (parcels["ejerlavsnavn"].astype("string").fillna("").to_numpy(object)
                 if "ejerlavsnavn" in parcels.columns else np.full(len(parcels), "", object))
        if ejerlav_names:
            names = np.array([name or (ejerlav_names.get(code, "") if code is not None else "")
                              for code, name in zip(codes, names, strict=True)] + [""],
                             dtype=object)[:-1]
        numbers = parcels["matrikelnummer"].astype("string").fillna("").to_numpy(object)
        self._matrikel_text = numbers
        self._ejerlav: list[_Ejerlav] = []
        self._ejerlav_of = np.zeros(len(numbers), dtype=np.intp)
        self._squashed = np.empty(len(numbers), dtype=object)
        self._by_code: dict[int, int] = {}
        groups: dict[tuple[int | None, str], list[int]] = {}
        for position, key in enumerate(zip(codes, names, strict=True)):
            groups.setdefault(key, []).append(position)
        for (code, name), positions in sorted(groups.items(), key=lambda kv: kv[1][0]):
            index = len(self._ejerlav)
            matrikler = {squash(numbers[p]): p for p in positions}
            for p in positions:
                self._ejerlav_of[p] = index
                self._squashed[p] = squash(numbers[p])
            if code is not None:
                self._by_code.setdefault(code, index)
            self._ejerlav.append(_Ejerlav(
                code, str(name), tuple(expand(words(name))), fold(name), matrikler,
                {fold(m): m for m in matrikler},
            ))
        self._names = [e.folded for e in self._ejerlav]

    def __len__(self) -> int:
        return len(self.geometries)

    # -- the three ways in ------------------------------------------------------------
    def find(self, ejerlav: str, matrikel: str) -> SearchResult:
        """The parcel with matrikelnummer *matrikel* in the ejerlav *ejerlav* (its code, or
        its name in whole or in part)."""
        query = f"{matrikel}, {ejerlav}"
        wanted = squash(join_matrikel(matrikel))
        if not wanted:
            return SearchResult(query, missing=Missing.QUERY, missing_text=matrikel)
        return self._find_in(self._ejerlav_matches(ejerlav), ejerlav, wanted, matrikel, query)

    def find_address(self, text: str) -> SearchResult:
        """The parcel under the address *text* (``"Vesterbro 14, 9000"``)."""
        if self.addresses is None:
            return SearchResult(text, missing=Missing.ADDRESS, missing_text=text)
        hit, suggestions = self.addresses.find(text)
        several = self.addresses.find_all(text)
        if hit is None and len(several) > 1:  # the same street and number in several postcodes
            listed = tuple(Suggestion(self._parcel_at(a.x, a.y)[0], a, 100.0) for a in several)
            return SearchResult(text, missing=Missing.AMBIGUOUS, missing_text=text,
                                suggestions=listed)
        if hit is None:
            offered = tuple(
                Suggestion(self._parcel_at(a.x, a.y)[0], a, score) for a, score in suggestions
            )
            return SearchResult(text, missing=Missing.ADDRESS, missing_text=text,
                                suggestions=offered)
        parcel, nearest = self._parcel_at(hit.x, hit.y)
        if parcel is None:
            return SearchResult(text, address=hit, missing=Missing.NO_PARCEL, missing_text=text)
        return SearchResult(text, parcel=parcel, address=hit, nearest=nearest)

    def search(self, text: str) -> SearchResult:
        """One line as typed in the search box: a parcel (``"7a, Nørre Vadum By"``,
        ``"60851 6"``) or an address (``"Vesterbro 14, 9000"``)."""
        text = str(text).strip()
        parcel = self._search_parcel(text)
        if parcel.found:
            return parcel
        if self.addresses is not None and self.addresses.looks_like_address(text):
            address = self.find_address(text)
            if address.found or address.missing in (Missing.NO_PARCEL, Missing.AMBIGUOUS):
                return address
            if parcel.missing in (Missing.QUERY, Missing.EJERLAV) and address.suggestions:
                return address
        return parcel

    def at_point(self, x: float, y: float) -> ParcelRef | None:
        """The parcel under (x, y), EPSG:25832 (the identify tool's click)."""
        hits = self._parcel_tree().query(shapely.Point(x, y), predicate="intersects")
        return self.ref(int(np.min(hits))) if len(hits) else None

    def ref(self, position: int) -> ParcelRef:
        """The :class:`ParcelRef` of the parcel at row *position*."""
        ejerlav = self._ejerlav[int(self._ejerlav_of[position])]
        return ParcelRef(position, ejerlav.code, ejerlav.name, str(self._matrikel_text[position]))

    # -- parcels ----------------------------------------------------------------------
    def _search_parcel(self, text: str) -> SearchResult:
        glued = join_matrikel(text)
        tokens = [t for t in re.split(r"[\s,;]+|(?<=\d)[-/](?=\d)", glued) if t]
        numeric = [t for t in tokens if re.fullmatch(r"\d+[a-zæøå]{0,2}", t)]
        code = next((t for t in numeric if t.isdigit() and int(t) in self._by_code), None)
        numbers = [t for t in numeric if t != code]
        if not numbers:
            return SearchResult(text, missing=Missing.QUERY, missing_text=text)
        wanted = numbers[-1]
        name_text = " ".join(t for t in tokens if t not in numeric)
        ejerlav_text = code if code is not None and not name_text else (name_text or "")
        if code is not None:
            candidates = [self._by_code[int(code)]]
        else:
            candidates = self._ejerlav_matches(name_text)
        return self._find_in(candidates, ejerlav_text, squash(wanted), wanted, text)

    def _ejerlav_matches(self, text: str) -> list[int]:
        """Ejerlav that *text* names: a code, the whole name, or every word a word's start."""
        text = str(text).strip()
        if text.isdigit():
            coded = self._by_code.get(int(text))
            return [] if coded is None else [coded]
        query = expand(words(text))
        if not query:
            return list(range(len(self._ejerlav)))
        whole = squash(text)
        exact = [i for i, e in enumerate(self._ejerlav) if squash(e.name) == whole]
        if exact:
            return exact
        # The whole name wins over longer names that start with it, tier by tier: the name
        # spelled out ("vr hasseris by, hasseris"), the name before its parish ("Vester
        # Hasseris By" of "Vester Hasseris By, Hasseris"), every word whole in any order
        # ("by" is not "Bygrunde"), every word a word's start.
        tiers: tuple[Callable[[_Ejerlav], bool], ...] = (
            lambda e: list(e.words) == query,
            lambda e: list(_head(e.name)) == query,
            lambda e: set(query) <= set(e.words),
            lambda e: prefix_match(query, list(e.words)),
        )
        for fits in tiers:
            found = [i for i, e in enumerate(self._ejerlav) if fits(e)]
            if found:
                return sorted(found, key=lambda i: len(self._ejerlav[i].folded))
        return []

    def _find_in(self, candidates: list[int], ejerlav_text: str, wanted: str, typed: str,
                 query: str) -> SearchResult:
        if not candidates:
            return SearchResult(query, missing=Missing.EJERLAV, missing_text=ejerlav_text,
                                suggestions=self._ejerlav_suggestions(ejerlav_text, wanted))
        hits = [(i, self._ejerlav[i].matrikler[wanted]) for i in candidates
                if wanted in self._ejerlav[i].matrikler]
        if len(hits) == 1:
            i, _ = hits[0]
            return SearchResult(query, parcel=self._ref(self._ejerlav[i], wanted))
        if len(hits) > 1:
            listed = tuple(Suggestion(self._ref(self._ejerlav[i], wanted), None, 100.0)
                           for i, _ in hits[:MAX_SUGGESTIONS * 2])
            return SearchResult(query, missing=Missing.AMBIGUOUS, missing_text=ejerlav_text,
                                suggestions=listed)
        offered: list[Suggestion] = []
        for i in candidates[:MAX_SUGGESTIONS]:  # the nearest ejerlav's own numbers first
            offered += sorted(self._matrikel_suggestions(self._ejerlav[i], wanted),
                              key=lambda s: -s.score)
        names = {self._ejerlav[i].name for i in candidates}
        name = names.pop() if len(names) == 1 else ejerlav_text
        return SearchResult(query, missing=Missing.MATRIKEL, missing_text=typed, ejerlav=name,
                            suggestions=tuple(offered[:MAX_SUGGESTIONS]))

    def _matrikel_suggestions(self, ejerlav: _Ejerlav, wanted: str) -> list[Suggestion]:
        """Nearest matrikelnumre in one ejerlav: Danish letters spelled out first, then the
        same number with another letter, then rapidfuzz's nearest."""
        out: dict[str, float] = {}
        folded = ejerlav.folded_matrikler.get(fold(wanted))
        if folded is not None:
            out[folded] = 99.0
        number, _ = split_number(wanted)
        if number:
            same = sorted(m for m in ejerlav.matrikler if split_number(m)[0] == number)
            for m in same[:MAX_SUGGESTIONS]:
                out.setdefault(m, 90.0)
        for m, score, _ in process.extract(wanted, list(ejerlav.matrikler), scorer=fuzz.ratio,
                                           limit=MAX_SUGGESTIONS):
            out.setdefault(m, float(score) * 0.85)
        return [Suggestion(self._ref(ejerlav, m), None, s) for m, s in out.items()]

    def _ejerlav_suggestions(self, text: str, wanted: str) -> tuple[Suggestion, ...]:
        """Ejerlav whose names are nearest *text* (folded, so ``Norre`` finds Nørre), each
        with the matrikelnummer asked for, or its nearest there."""
        key = fold(" ".join(expand(words(text))))
        if not key:
            return ()
        scored = process.extract(key, self._names, scorer=fuzz.WRatio, limit=MAX_SUGGESTIONS,
                                 score_cutoff=NAME_CUTOFF)
        prefix = [i for i, e in enumerate(self._ejerlav) if prefix_match(
            [fold(w) for w in expand(words(text))], [fold(w) for w in e.words])]
        ranked = [(i, 100.0) for i in prefix] + [(i, float(s)) for _, s, i in scored]
        out: list[Suggestion] = []
        seen: set[int] = set()
        for i, score in ranked:
            if i in seen:
                continue
            seen.add(i)
            ejerlav = self._ejerlav[i]
            if wanted in ejerlav.matrikler:
                out.append(Suggestion(self._ref(ejerlav, wanted), None, score))
            else:
                near = self._matrikel_suggestions(ejerlav, wanted)
                if near:
                    best = max(near, key=lambda s: s.score)
                    out.append(Suggestion(best.parcel, None, score * best.score / 100.0))
        out.sort(key=lambda s: -s.score)
        return tuple(out[:MAX_SUGGESTIONS])

    def _ref(self, ejerlav: _Ejerlav, squashed: str) -> ParcelRef:
        position = ejerlav.matrikler[squashed]
        return ParcelRef(position, ejerlav.code, ejerlav.name, str(self._matrikel_text[position]))

    # -- addresses → parcels ----------------------------------------------------------
    def _parcel_tree(self) -> shapely.STRtree:
        if self._tree is None:
            self._tree = shapely.STRtree(self.geometries)
        return self._tree

    def _parcel_at(self, x: float, y: float) -> tuple[ParcelRef | None, bool]:
        """The parcel under (x, y), or the nearest within 25 m (flagged)."""
        point = shapely.Point(x, y)
        tree = self._parcel_tree()
        hits = tree.query(point, predicate="intersects")
        if len(hits):
            return self.ref(int(np.min(hits))), False
        near = tree.query_nearest(point, max_distance=25.0, all_matches=False)
        if len(near):
            return self.ref(int(near[0])), True
        return None, False


def _head(name: str) -> list[str]:
    """The words of an ejerlav's own name, before its parish: "Vester Hasseris By" of
    "Vester Hasseris By, Hasseris" (abbreviations written out)."""
    return expand(words(name.split(",", 1)[0]))


def _codes(parcels: pd.DataFrame) -> list[int | None]:
    if "ejerlavskode" not in parcels.columns:
        return [None] * len(parcels)
    values = pd.to_numeric(parcels["ejerlavskode"], errors="coerce")
    return [None if pd.isna(v) else int(v) for v in values]
