"""Freed memory given back to the system after a large computation (issue 24 §2)."""

from __future__ import annotations

import ctypes
import sys

import pytest

from naturplan.io.memory import return_freed_memory


def _rss_kb() -> int:
    with open("/proc/self/status") as handle:
        return int(handle.read().split("VmRSS:")[1].split()[0])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_small_allocations_are_given_back() -> None:
    libc = ctypes.CDLL("libc.so.6")
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    blocks = [libc.malloc(2048) for _ in range(100_000)]  # 200 MB in small blocks, as GEOS
    for b in blocks:
        ctypes.memset(b, 1, 2048)
    keep = blocks[-1]  # one live block at the top of the heap: glibc cannot shrink it alone
    for b in blocks[:-1]:
        libc.free(b)
    before = _rss_kb()
    assert return_freed_memory()
    after = _rss_kb()
    libc.free(keep)
    assert before - after > 100_000  # more than 100 MB back
