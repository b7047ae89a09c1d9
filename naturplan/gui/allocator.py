"""The C heap gives large freed blocks back to the system (glibc only).

glibc serves a request of at least its *mmap threshold* with a mapping of its own, which is
unmapped when freed; smaller requests come from the heap, whose free pages stay resident
until the top of the heap is free. The threshold starts at 128 KiB and is *dynamic*: every
freed mapping larger than it raises it to that size, up to 32 MiB. After the first large
numpy array of a session is freed (a raster window, a map frame, a column of coordinates),
later arrays up to that size come from the heap, and when a small long-lived object was
allocated between them their pages are never given back: the app on the national world kept
~240 MB so after measuring the nature at risk (issue 24 §2).

Fixing the threshold (``mallopt(M_MMAP_THRESHOLD, …)`` also switches the dynamic rise off)
keeps every request from 1 MiB on in its own mapping, and capping the number of arenas keeps
the worker threads from each growing a heap of their own. Elsewhere (macOS, Windows, musl)
this does nothing.
"""

from __future__ import annotations

import ctypes

from naturplan.core.heap import glibc

#: ``mallopt`` parameters of glibc's ``<malloc.h>``.
M_MMAP_THRESHOLD = -3
M_ARENA_MAX = -8
#: Requests from this size on get a mapping of their own (returned to the system when freed).
MMAP_THRESHOLD = 1 << 20
#: Heaps for all threads together (the GUI thread's and one shared by the workers).
ARENA_MAX = 2


def tune_allocator(threshold: int = MMAP_THRESHOLD, arenas: int = ARENA_MAX) -> bool:
    """Fix glibc's mmap threshold at *threshold* bytes and its arenas at *arenas*; returns
    whether both were set (False off Linux/glibc, where nothing is changed). *arenas* 0
    leaves glibc's number of arenas (8 per core)."""
    libc = glibc()
    if libc is None:
        return False
    mallopt = libc.mallopt
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    fixed = bool(mallopt(M_MMAP_THRESHOLD, threshold))
    return fixed and (arenas == 0 or bool(mallopt(M_ARENA_MAX, arenas)))
