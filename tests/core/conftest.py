"""Fixtures of the core tests: one project in either store (issue 13)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from naturplan.io.project.store import CandidateStore


@pytest.fixture(params=["gpkg", "postgis"])
def open_project(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[..., CandidateStore]:
    """Opens one project (``open_project(author=..., readonly=...)``), as the GeoPackage file
    ``plan.gpkg`` in the test's folder or in a new PostGIS database: the store interface's
    tests run against both stores."""
    if request.param == "gpkg":
        from naturplan.io.project.gpkg_store import GeoPackageStore

        path = tmp_path / "plan.gpkg"
        return lambda *args, **kwargs: GeoPackageStore(path, *args, **kwargs)
    from naturplan.io.project.postgis_store import PostGISStore

    conninfo = request.getfixturevalue("pg_project")
    return lambda *args, **kwargs: PostGISStore(conninfo, *args, **kwargs)
