"""``naturplan parcels --out FILE.csv`` on both cores: half of the parcels in a forked child.

The batch (:func:`naturplan.core.parcels.batch.parcel_table`) already hands its GEOS work to
threads, but a third of its time (the tree queries, numpy, pandas) and the CSV formatting
hold the GIL. Every row of the table depends on its own parcel only (its overlaps with the
prepared layers, unions of its own pieces, its own cells), so the parcels are split into two
spatial halves (west and east of the median centre) and a forked child computes and formats
the east half while this process does the west: the layers are prepared and the flood
rasters read once before the fork, so both halves query the same pieces and cells, and the
lines are put back in the layer's order.
The file is byte for byte the one a single process writes
(tests/e2e/test_parcel_batch_fork.py).

Where fork is missing or unsafe (:func:`naturplan.core.forked.can_fork` with ``alone``:
not Linux, another thread running, the window's process), for small batches, or when the
child fails, that work runs in this process as before; a cancelled batch or Ctrl-C stops
the child.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from numpy.typing import NDArray

from naturplan.core import forked
from naturplan.core.feedback import Feedback, as_feedback
from naturplan.core.parcels.batch import parcel_table
from naturplan.core.parcels.context import ParcelContext
from naturplan.export.parcel_table import csv_header, csv_lines, notes_of

#: Fewest parcels worth a second process (a fork and the hand-back cost ~50 ms).
FORK_MIN_PARCELS = 20_000


@dataclass(frozen=True)
class ParcelCsv:
    """The CSV of every parcel, ready to write.

    Attributes
    ----------
    text
        The header and one line per parcel, in the parcel layer's order.
    rows
        The number of parcel lines.
    not_evaluated
        The themes no layer gave (their columns are empty).
    unregistered
        True when no parcel has a registered area.
    """

    text: str
    rows: int
    not_evaluated: tuple[str, ...]
    unregistered: bool

    def notes(self, lang: str = "da") -> tuple[str, ...]:
        """What the reader must know (:func:`naturplan.export.parcel_table.table_notes`)."""
        return notes_of(self.not_evaluated, self.unregistered, lang)


def parcel_csv(context: ParcelContext, synthetic: bool, feedback: Feedback | None = None,
               fork: bool = True) -> ParcelCsv:
    """Every parcel's status as CSV text (:func:`naturplan.export.parcel_table.csv_text` of
    :func:`~naturplan.core.parcels.batch.parcel_table` with ``synthetic_data``), computed
    in two processes when *fork* allows and the batch is large enough.

    Raises
    ------
    OperationCancelled
        If *feedback* was cancelled.
    """
    feedback = as_feedback(feedback)
    n = len(context.geometries)
    two = fork and n >= FORK_MIN_PARCELS and forked.can_fork(alone=True)
    if two:
        lines, header, missing = _in_two(context, synthetic, feedback,
                                         *_halves(context.geometries))
    else:
        lines, header, missing = _formatted(context, synthetic, feedback)
    unregistered = n > 0 and bool(np.isnan(context.registered).all())
    return ParcelCsv("\n".join([header, *lines]) + "\n", n, missing, unregistered)


def _halves(geoms: NDArray[np.object_]) -> tuple[NDArray[np.intp], NDArray[np.intp]]:
    """The parcels west and east of the median of their bounding boxes' centres, each in
    ascending order."""
    bounds = shapely.bounds(geoms)
    centre = (bounds[:, 0] + bounds[:, 2]) / 2.0
    order = np.argsort(centre, kind="stable")
    half = len(order) // 2
    return np.sort(order[:half]), np.sort(order[half:])


def _formatted(context: ParcelContext, synthetic: bool, feedback: Feedback
               ) -> tuple[list[str], str, tuple[str, ...]]:
    """(CSV lines, header, themes not evaluated) of *context*'s parcels."""
    table = parcel_table(context, feedback)
    missing = tuple(table.attrs.get("not_evaluated", ()))
    table["synthetic_data"] = synthetic
    return csv_lines(table), csv_header(table), missing


def _lines(context: ParcelContext, synthetic: bool) -> list[str]:
    """The CSV lines of *context*'s parcels: what the forked child computes."""
    return _formatted(context, synthetic, as_feedback(None))[0]


def _in_two(context: ParcelContext, synthetic: bool, feedback: Feedback,
            mine: NDArray[np.intp], theirs: NDArray[np.intp]
            ) -> tuple[list[str], str, tuple[str, ...]]:
    """The lines of *mine* computed here and of *theirs* in a forked child, merged."""
    for layer in context.themes:  # cut and indexed once, before the fork: both use these
        context.prepared(layer)
    for raster in context.flood_rasters:  # read once (the batch reads each whole anyway)
        raster.read(None)
    their_part = context.subset(theirs)
    # cancelled or failed here: leaving the block stops the child (its half is not wanted)
    with forked.start(_lines, their_part, synthetic, alone=True) as pending:
        lines, header, missing = _formatted(context.subset(mine), synthetic, feedback)
        # the child died (out of memory, killed): its half here, as one process would
        their_lines = pending.result_or(
            lambda: _formatted(their_part, synthetic, feedback)[0])
    merged = np.empty(len(mine) + len(theirs), dtype=object)
    merged[mine] = lines
    merged[theirs] = their_lines
    out: list[str] = merged.tolist()
    return out, header, missing
