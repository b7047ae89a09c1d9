"""The projected share of a suggested plan, measured on two cores (issue 23).

The longest part of the share is each area's new part ((area ∩ municipality) − protected,
:meth:`.Ledger.fresh_parts`). Each part is its area's own, so a forked child measures the
larger areas' parts while this process writes the plan and then measures the rest; the
ledger takes all the parts and sums the gains here. The share is the same number, to the
bit, as :func:`share_of` in one process.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import shapely
from numpy.typing import NDArray
from shapely.geometry.base import BaseGeometry

from naturplan.core.forked import Pending, start
from naturplan.core.plan.candidates import Candidate
from naturplan.core.plan.ledger import Ledger, counts

#: The child's part of the vertices: this process writes the plan (~0.15 s) meanwhile.
CHILD_PART = 0.7


def share_of(ledger: Ledger, candidates: list[Candidate],
             fresh: Sequence[BaseGeometry] | None = None) -> float:
    """The projected share of the plan of *candidates* (*fresh*: their counting ones'
    :meth:`.Ledger.fresh_parts`, if measured before)."""
    ledger.reset(candidates, fresh)
    return ledger.result().share


def child_takes(candidates: Sequence[Candidate], part: float = CHILD_PART) -> NDArray[np.bool_]:
    """Which of *candidates* the child measures: the largest (by vertices) first, until it
    holds *part* of all their vertices."""
    sizes = shapely.get_num_coordinates(np.asarray([c.geometry for c in candidates],
                                                   dtype=object)).astype(np.float64)
    order = np.argsort(-sizes, kind="stable")
    before = np.cumsum(sizes[order]) - sizes[order]  # the vertices the child already has
    out = np.zeros(len(candidates), dtype=bool)
    out[order[before < part * sizes.sum()]] = True
    return out


class SplitShare(Pending[float]):
    """:func:`share_of` *candidates*, the larger areas' new parts measured in a forked
    child (begun here), the rest in this process on :meth:`result`."""

    def __init__(self, ledger: Ledger, candidates: list[Candidate]) -> None:
        super().__init__(share_of, (ledger, candidates))
        self._counting = [c for c in candidates if counts(c)]
        self._theirs = child_takes(self._counting)
        self._child = start(ledger.fresh_parts,
                            [c for c, t in zip(self._counting, self._theirs, strict=True) if t])
        self.forked = self._child.forked

    def result(self) -> float:
        ledger, candidates = self._args
        if not self._child.forked:  # one process: the whole share here, as before
            return share_of(ledger, candidates)
        mine = iter(ledger.fresh_parts(
            [c for c, t in zip(self._counting, self._theirs, strict=True) if not t]))
        theirs = iter(self._child.result())
        return share_of(ledger, candidates,
                        [next(theirs) if t else next(mine) for t in self._theirs])
