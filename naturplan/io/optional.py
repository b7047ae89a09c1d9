"""Optional packages, decided in one place.

pyarrow is optional: with it pyogrio reads GeoPackages about twice as fast (DESIGN.md,
"Measured") and the sample writes real DATE columns. Every reader and writer asks here rather
than trying the import itself, so that the whole program agrees on whether it is there. The
import happens on first use, never at import time (it costs start-up time).
"""

from __future__ import annotations

import functools
import importlib.util
from types import ModuleType


@functools.cache
def has_pyarrow() -> bool:
    """True if pyarrow can be imported (checked once, without importing it)."""
    return importlib.util.find_spec("pyarrow") is not None


def pyarrow() -> ModuleType | None:
    """The pyarrow module, imported on first use, or None when it is not installed."""
    if not has_pyarrow():
        return None
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - a broken installation
        return None
    return pa
