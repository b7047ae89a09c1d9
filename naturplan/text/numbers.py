"""Numbers as a Danish (or English) reader expects them: ``14,2 %``, ``3.412 ha``.

Used by the command line, the GUI and the exporters; the core only returns m² and fractions.
"""

from __future__ import annotations

M2_PER_HA = 10_000.0
M2_PER_KM2 = 1_000_000.0


def format_number(value: float, decimals: int = 0, lang: str = "da") -> str:
    """``1234.5`` → ``1.234,5`` (da) or ``1,234.5`` (en)."""
    text = f"{value:,.{decimals}f}"
    if lang == "da":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_value(value: object, lang: str = "da") -> str:
    """A field's value as a label shows it: a decimal number with the language's decimal
    mark and no trailing zeros (``28.5`` → ``28,5`` in Danish, ``28.0`` → ``28``), a whole
    number as written (a year or a code is not grouped: ``2024``), anything else as its
    text; not a number (NaN, inf) → ``""``."""
    import math
    import numbers

    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return str(value)
    if isinstance(value, numbers.Integral):
        return str(int(value))
    number = float(value)
    if not math.isfinite(number):
        return ""
    text = f"{number:.2f}".rstrip("0").rstrip(".")
    text = "0" if text == "-0" else text
    return text.replace(".", ",") if lang == "da" else text


def format_percent(fraction: float, decimals: int = 1, lang: str = "da") -> str:
    """``0.1423`` → ``14,2 %`` (da) or ``14.2 %`` (en)."""
    return f"{format_number(fraction * 100.0, decimals, lang)} %"


#: The one precision of the protected share (now and projected) wherever it is written: the
#: dashboard, the ledger, the scenario table, ``naturplan stats`` and the council PDF/web map
#: (issue 20: the same share read 14,15 % on the dashboard and 14,1 % in the CLI and PDF).
#: Two decimals: 0,01 % of Aalborg's 1.137 km² is 11 ha, about one candidate area, so a
#: drawn area moves the number where it is shown.
SHARE_DECIMALS = 2


def format_share(fraction: float, lang: str = "da") -> str:
    """The protected share (a fraction) as every front end writes it: ``14,15 %``."""
    return format_percent(fraction, SHARE_DECIMALS, lang)


def format_ha(m2: float, decimals: int = 0, lang: str = "da") -> str:
    """Square metres as hectares: ``34_120_000`` → ``3.412 ha``."""
    return f"{format_number(m2 / M2_PER_HA, decimals, lang)} ha"


def format_km2(m2: float, decimals: int = 1, lang: str = "da") -> str:
    """Square metres as km²: ``1_137_276_221`` → ``1.137,3 km²``."""
    return f"{format_number(m2 / M2_PER_KM2, decimals, lang)} km²"
