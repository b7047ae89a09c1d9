"""A project that is not there: one error class, one sentence for a file (and one for a
database), wherever a project is named (issue 21 §4: checked seven times in two wordings)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import naturplan
from naturplan.core.errors import ProjectNotFoundError
from naturplan.io.project.open import require_project
from naturplan.io.project.store import project_not_found
from naturplan.text.i18n import error_text

PACKAGE = Path(naturplan.__file__).parent


def _entry_points(missing: Path):
    from naturplan.io.parcels import project_candidates
    from naturplan.io.project.copy import copy_project
    from naturplan.io.project.gpkg_store import GeoPackageStore
    from naturplan.usecases.analysis import open_plan_analysis
    from naturplan.usecases.projected import projected_document

    return {
        "require_project": lambda: require_project(missing),
        "the analysis": lambda: open_plan_analysis(None, missing),
        "stats --project": lambda: projected_document({}, None, None, None, missing),
        "the parcel's candidates": lambda: project_candidates(missing),
        "project copy": lambda: copy_project(missing, missing.with_name("b.gpkg")),
        "the store": lambda: GeoPackageStore(missing, create=False),
        "the store read-only": lambda: GeoPackageStore(missing, readonly=True),
    }


def test_every_place_says_the_same_about_a_missing_project_file(tmp_path):
    missing = tmp_path / "ingen.gpkg"
    for where, call in _entry_points(missing).items():
        with pytest.raises(ProjectNotFoundError) as caught:
            call()
        assert caught.value.code == "project_not_found", where
        assert error_text(caught.value, "da") == f"Projektfilen findes ikke: {missing}", where
        assert error_text(caught.value, "en") == f"Project file not found: {missing}", where
    assert not missing.exists()  # looking never creates it


def test_a_database_without_a_project_has_its_own_sentence():
    error = project_not_found("postgresql://anna@host/db", database=True)
    assert isinstance(error, ProjectNotFoundError)
    assert error_text(error, "da") == "Projektet findes ikke: postgresql://anna@host/db"


def test_an_existing_project_passes(tmp_path):
    from naturplan.io.project.gpkg_store import GeoPackageStore

    GeoPackageStore(tmp_path / "p.gpkg", author="anna").close()
    require_project(tmp_path / "p.gpkg")  # no error


def test_no_module_words_a_missing_project_itself():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and node.value.startswith("Project") and "not found" in node.value):
                found.append((str(path.relative_to(PACKAGE)), node.lineno))
    assert {p for p, _ in found} == {"io/project/store.py"}, found
