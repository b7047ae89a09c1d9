"""Fixtures of the export tests: the small sample and a project with candidate areas
(see ``export_helpers.py``)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before Qt is imported

from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402
from export_helpers import Plan, make_candidates  # noqa: E402

from naturplan.core.layers.roles import Role  # noqa: E402


@pytest.fixture(scope="session")
def sample_dataset(sample_env: dict[str, str]):  # type: ignore[no-untyped-def]
    """The small synthetic Aalborg sample (built once by the root conftest)."""
    from naturplan.io.datasets import DatasetRequest, open_dataset

    return open_dataset(DatasetRequest(sample_scale=0.01))


@pytest.fixture()
def plan(sample_dataset, tmp_path: Path) -> Plan:  # type: ignore[no-untyped-def]
    """A project file with the candidates of :func:`_candidates`."""
    from naturplan.io.datasets import DatasetRequest
    from naturplan.io.project.gpkg_store import GeoPackageStore
    from naturplan.io.project.settings import record

    path = tmp_path / "plan æøå.gpkg"
    stored = []
    with GeoPackageStore(path, author="Åse Øster") as store:
        for candidate in make_candidates(sample_dataset):
            stored.append(store.insert(candidate))
        record(store, DatasetRequest(sample_scale=0.01), (Role.NATURE_P3,))
    p3 = np.concatenate([layer.frame.geometry.to_numpy()
                         for layer in sample_dataset.vector(Role.NATURE_P3)])
    union = shapely.intersection(shapely.union_all(p3), sample_dataset.municipality.geometry)
    return Plan(path, stored, sample_dataset, union)


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: bash .ci/system-packages installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run"],
        )
        yield b
        b.close()




@pytest.fixture(scope="session", autouse=True)
def _qapplication(qapp):  # type: ignore[no-untyped-def]
    """A QApplication before any export runs in this process: the print export makes a bare
    QGuiApplication when none exists (the command line), after which no widget could be made
    (the GUI tests that follow would abort)."""
    return qapp
