"""Give the C heap's free pages back to the system after a step that made many small objects.

GEOS geometries are small allocations, served from glibc's heaps (arenas), not from mappings
of their own (see ``naturplan.gui.allocator``). A step that builds hundreds of thousands of
them and frees them again (the nature at risk cuts and unions all of Denmark's §3 nature,
issue 24 §2) leaves its heaps full of free pages that stay resident as long as one live object
sits above them: 147 of the 170 MB that measuring the nature at risk kept on the national
world. ``malloc_trim(0)`` hands every whole free page back (glibc 2.8 and later, all arenas).
Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys


def glibc() -> ctypes.CDLL | None:
    """The C library where it is glibc (Linux); None elsewhere (macOS, Windows, musl), where
    glibc's allocator calls do not exist."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.gnu_get_libc_version  # noqa: B018 - glibc only (musl has no such symbol)
    except (OSError, AttributeError):
        return None
    return libc


def give_back_free_heap() -> bool:
    """``malloc_trim(0)`` on Linux with glibc; returns whether any memory was given back
    (False where nothing was done)."""
    libc = glibc()
    if libc is None:
        return False
    trim = libc.malloc_trim
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return bool(trim(0))
