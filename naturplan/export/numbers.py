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


def format_percent(fraction: float, decimals: int = 1, lang: str = "da") -> str:
    """``0.1423`` → ``14,2 %`` (da) or ``14.2 %`` (en)."""
    return f"{format_number(fraction * 100.0, decimals, lang)} %"


def format_ha(m2: float, decimals: int = 0, lang: str = "da") -> str:
    """Square metres as hectares: ``34_120_000`` → ``3.412 ha``."""
    return f"{format_number(m2 / M2_PER_HA, decimals, lang)} ha"


def format_km2(m2: float, decimals: int = 1, lang: str = "da") -> str:
    """Square metres as km²: ``1_137_276_221`` → ``1.137,3 km²``."""
    return f"{format_number(m2 / M2_PER_KM2, decimals, lang)} km²"
