"""A kind out of reach is named by its label in the user's language (issue 23, item 5), not
by the code the command line takes."""

from __future__ import annotations

import numpy as np
import pytest

from naturplan.core.errors import KindsOutOfReachError
from naturplan.core.optimise.problem import KindTarget, Problem
from naturplan.core.optimise.solve import solve
from naturplan.text.i18n import error_text
from naturplan.usecases.suggest import kinds_in_words


def test_an_unreachable_kind_is_named_in_danish_and_in_english():
    ha = 10_000.0
    area = np.array([120.0, 80.0, 50.0]) * ha
    lowland = np.array([True, False, False])
    problem = Problem(area, area / ha, 0.0,
                      kinds=(KindTarget("lowland", lowland, 1300 * ha),
                             KindTarget("afforestation", ~lowland, 100 * ha)))
    with pytest.raises(KindsOutOfReachError) as caught:
        solve(problem)
    assert caught.value.short == (("lowland", 1300, 120),)
    assert "lowland: 1300 > 120" in str(caught.value)  # the core's English keeps the code
    assert error_text(kinds_in_words(caught.value, "da"), "da") == (
        "Målene pr. slags kan ikke nås (nødvendige ha > ha, der kan nås): "
        "Udtagning af lavbundsjord: 1.300 > 120.")
    assert error_text(kinds_in_words(caught.value, "en"), "en").endswith(
        "Lowland withdrawal: 1,300 > 120.")
