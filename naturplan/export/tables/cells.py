"""Text cells that stay text, and values a format cannot hold (issue 18).

A candidate's name or note comes from a planner, or from a consultant's file: it may start
with ``=`` (``=HYPERLINK("http://x","klik")``), hold control characters or NUL, or be a
megabyte long. Every table naturplan writes passes its text cells through here:

- **spreadsheets never run it**: an xlsx text cell is written as an explicit string cell
  (``<c t="s">``/``inlineStr``), never as a formula; a CSV text cell that starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``, as the OWASP guidance
  on CSV injection advises (https://owasp.org/www-community/attacks/CSV_Injection). Numbers
  are numbers: a negative area is never touched, only text;
- **what a format cannot hold is cleaned and counted**: characters XML 1.0 forbids (xlsx),
  NUL (GDAL's C strings end there), text longer than an Excel cell (32,767 characters) or a
  shapefile field (254 bytes). :class:`Cleaning` counts what it changed, so that the writer
  can say so once (:func:`cleaning_notes`), never per value and never by printing the value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: First characters that make a spreadsheet read a CSV cell as a formula (OWASP).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: The longest text an Excel cell holds (Excel specifications and limits).
XLSX_MAX_CHARS = 32_767
#: The longest text of a shapefile (dBASE) character field, in bytes.
SHP_MAX_BYTES = 254
#: Characters XML 1.0 cannot hold: C0 controls but tab, LF and CR; lone surrogates;
#: U+FFFE and U+FFFF (what openpyxl refuses with IllegalCharacterError).
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
#: NUL ends a string in GDAL (GeoPackage, shapefile, GeoJSON): the rest would be lost.
GDAL_ILLEGAL = re.compile("[\x00\ud800-\udfff]")
#: What a removed character is replaced with: visible, so the reader sees something was there.
REPLACEMENT = "\ufffd"


def csv_safe(text: str) -> str:
    """*text* as a CSV text cell that no spreadsheet runs: a leading ``'`` before a value
    starting with one of :data:`FORMULA_START`."""
    return "'" + text if text.startswith(FORMULA_START) else text


@dataclass
class Cleaning:
    """What was changed in the text cells of one file, counted per reason."""

    #: Values with characters the format cannot hold (replaced by U+FFFD).
    characters: int = 0
    #: Values cut to the format's longest text.
    cut: int = 0
    #: The longest text the format holds, as the note says it (``32.767 tegn``).
    limit: str = ""
    names: set[str] = field(default_factory=set)

    def xlsx(self, text: str) -> str:
        """*text* as an Excel cell can hold it."""
        cleaned = XML_ILLEGAL.sub(REPLACEMENT, text)
        if cleaned != text:
            self.characters += 1
        if len(cleaned) > XLSX_MAX_CHARS:
            self.cut += 1
            cleaned = cleaned[: XLSX_MAX_CHARS - 1] + "…"
        return cleaned

    def gdal(self, text: str, max_bytes: int | None = None) -> str:
        """*text* as GDAL writes it: no NUL; at most *max_bytes* UTF-8 bytes (shapefile),
        cut on a character boundary."""
        cleaned = GDAL_ILLEGAL.sub(REPLACEMENT, text)
        if cleaned != text:
            self.characters += 1
        if max_bytes is not None:
            raw = cleaned.encode("utf-8")
            if len(raw) > max_bytes:
                self.cut += 1
                cleaned = raw[: max_bytes - 3].decode("utf-8", "ignore") + "…"
        return cleaned

    @property
    def changed(self) -> bool:
        """True if any value was changed."""
        return bool(self.characters or self.cut)
