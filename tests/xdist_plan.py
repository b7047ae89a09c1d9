"""A pytest plugin: the suite on every core (pytest-xdist), longest files first (issue 21 §5).

``.ci/run`` and the README's test command run ``pytest -n auto --dist loadfile``: each test
file runs whole on one worker (its module fixtures are made once), and the workers take the
files from one queue. xdist orders that queue by the number of tests in a file, so a file of
three long tests (the desktop bundle) came last and one core waited minutes for it. Here the
files known to be long are taken first; the rest follow in xdist's order.

What must be built once per run (the full-scale sample) is shared by the workers under a file
lock (tests/conftest.py).
"""

from __future__ import annotations

import pytest

#: Test files that take longest (measured with ``--durations``; on this 2-core machine), the
#: longest first. A new long file only loses its head start if it is missing here.
LONG_FILES = (
    "tests/e2e/test_bundle.py",  # builds the desktop bundle when its cache is cold
    "tests/core/test_connectivity_scale.py",  # builds the full-scale sample
    "tests/export/test_export_webmap.py",
    "tests/gui/test_basemap.py",
    "tests/gui/test_projects.py",
    "tests/e2e/test_full_disk.py",
    "tests/gui/test_window.py",
    "tests/gui/test_analysis_gui.py",
)


def pytest_xdist_make_scheduler(config: pytest.Config, log):  # type: ignore[no-untyped-def]
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class LongFilesFirst(LoadFileScheduling):  # type: ignore[misc]
        ordered = False

        def _assign_work_unit(self, node):  # type: ignore[no-untyped-def]
            if not self.ordered:
                self.ordered = True
                for scope in reversed(LONG_FILES):
                    if scope in self.workqueue:
                        self.workqueue.move_to_end(scope, last=False)
            super()._assign_work_unit(node)

    return LongFilesFirst(config, log)
