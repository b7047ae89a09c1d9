"""How a case worker's typing is compared with the cadastre's and the address register's text.

Three levels of forgiveness, from certain to suggested:

1. **The same text**: case, spaces and punctuation do not matter (``7 A``, ``7a``, ``7-a``
   are one matrikelnummer; ``borup osted`` is ``Borup, Osted``), and the usual abbreviations
   of ejerlav names are read in full (``nr`` = Nørre, ``sdr`` = Sønder, ``st`` = Store,
   ``ll`` = Lille, ``vr`` = Vester, ``øs`` = Øster).
2. **Danish letters spelled out** (``oe`` for ø, ``aa`` for å, ``ae`` for æ): compared on a
   folded form, and offered as a suggestion, never taken silently (``Norre`` may be meant).
3. **Typos**: scored by rapidfuzz and offered as suggestions.
"""

from __future__ import annotations

import re

#: Ejerlav-name abbreviations and what they stand for (lower case).
ABBREVIATIONS: dict[str, str] = {
    "nr": "nørre",
    "ndr": "nørre",
    "sdr": "sønder",
    "st": "store",
    "ll": "lille",
    "vr": "vester",
    "vstr": "vester",
    "øs": "øster",
    "østr": "øster",
}

_PUNCTUATION = re.compile(r"[^\w]+", re.UNICODE)
_MATRIKEL_JOIN = re.compile(r"(\d)\s*[-./]?\s*([a-zæøå]{1,2})\b")
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe",
                       "ä": "ae"})


def squash(text: str) -> str:
    """Lower case without spaces or punctuation: ``"7 - A"`` → ``"7a"``."""
    return _PUNCTUATION.sub("", str(text).casefold()).replace("_", "")


def fold(text: str) -> str:
    """*text* squashed, with æ, ø, å written out (ae, oe, aa): the form typed on a keyboard
    without Danish letters."""
    return squash(text).translate(_FOLD)


def words(text: str) -> list[str]:
    """Lower-case words of *text*, punctuation dropped: ``"Borup, Osted"`` → ["borup",
    "osted"]."""
    return [w for w in _PUNCTUATION.split(str(text).casefold()) if w and w != "_"]


def expand(tokens: list[str]) -> list[str]:
    """*tokens* with known abbreviations written in full."""
    return [ABBREVIATIONS.get(t, t) for t in tokens]


def join_matrikel(text: str) -> str:
    """Glue a number to the letters after it: ``"7 A"``, ``"7-a"`` → ``"7a"`` (lower case)."""
    return _MATRIKEL_JOIN.sub(lambda m: m.group(1) + m.group(2), str(text).casefold())


def split_number(text: str) -> tuple[str, str]:
    """``"12bø"`` → ("12", "bø"); text without a leading number → ("", text)."""
    match = re.match(r"^(\d+)(.*)$", squash(text))
    if match is None:
        return "", squash(text)
    return match.group(1), match.group(2)


def prefix_match(query: list[str], name: list[str]) -> bool:
    """True if every query word starts a different word of *name* (any order)."""
    free = list(name)
    for word in sorted(query, key=len, reverse=True):
        for i, candidate in enumerate(free):
            if candidate.startswith(word):
                del free[i]
                break
        else:
            return False
    return True
