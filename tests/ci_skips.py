"""A pytest plugin: under ``CI=true`` a skip is a failure, unless it is a platform's.

Tests skip where something CI installs is missing (``../shared`` beside the clone, PostgreSQL
with PostGIS, poppler, root for a tmpfs). On a developer's machine that is a
convenience; in CI it would hide a check that never ran, so there the skip fails the run.
"""

from __future__ import annotations

import os

import pytest

#: Skips that stay skips under CI=true: they depend on the platform, not on a missing install.
PLATFORM_SKIPS = ("Linux's", "needs Linux", "root writes into a read-only folder")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI", "").lower() not in ("true", "1") or not report.skipped:
        return
    if hasattr(report, "wasxfail"):
        return
    reason = str(report.longrepr[2]) if isinstance(report.longrepr, tuple) else str(report.longrepr)
    reason = reason.removeprefix("Skipped: ")
    if any(text in reason for text in PLATFORM_SKIPS):
        return
    report.outcome = "failed"
    report.longrepr = f"skipped under CI=true, where nothing may skip: {reason}"
