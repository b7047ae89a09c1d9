"""The temporary chunk files of a batch run tile by tile (issue 24 §2): each tile's CSV lines
with their feature ids, sorted by id, so that the chunks merge into the layer's order.

They live in a temporary folder of the run and are removed with it; the user's file is
merged from them through :func:`naturplan.io.atomic.write_file`.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import numpy as np

#: One record: the feature id (int64) and the length of its line (uint32), then the line.
_RECORD = struct.Struct("<qI")


def write_chunk(path: Path, fids: np.ndarray, lines: Sequence[str]) -> None:
    """*lines* (one per feature id in *fids*) written sorted by id."""
    order = np.argsort(fids, kind="stable")
    with open(path, "wb") as handle:
        for k in order.tolist():
            data = lines[k].encode("utf-8")
            handle.write(_RECORD.pack(int(fids[k]), len(data)))
            handle.write(data)


def records(handle: BinaryIO) -> Iterator[tuple[int, bytes]]:
    """The (feature id, line) records of an open chunk, in order."""
    while True:
        head = handle.read(_RECORD.size)
        if not head:
            return
        fid, size = _RECORD.unpack(head)
        yield fid, handle.read(size)
