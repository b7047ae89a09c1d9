"""The stores declare what they can do; callers ask ``isinstance``, never ``hasattr`` (issue 21)."""

from __future__ import annotations

import ast
from pathlib import Path

import naturplan
from naturplan.core.plan.stores import ScenarioStore, SettingsStore, TeamScenarioStore, TeamStore
from naturplan.core.plan.sync import Follower
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.postgis_store import PostGISStore
from naturplan.io.project.store import CandidateStore

PACKAGE = Path(naturplan.__file__).parent


def test_the_project_file_keeps_scenarios_and_settings_but_is_no_team_store(tmp_path):
    with GeoPackageStore(tmp_path / "p.gpkg", author="anna") as store:
        assert isinstance(store, ScenarioStore)
        assert isinstance(store, SettingsStore)
        assert isinstance(store, CandidateStore)
        assert not isinstance(store, TeamStore)
        assert not isinstance(store, TeamScenarioStore)
        assert not Follower.can_follow(store)
        assert not Follower.can_follow_scenarios(store)


def test_the_team_database_is_every_kind_of_store():
    # Checked on the class: no database needed (the protocols declare methods only).
    for protocol in (ScenarioStore, SettingsStore, TeamStore, TeamScenarioStore):
        assert issubclass(PostGISStore, protocol), protocol.__name__


def test_an_object_with_one_of_the_names_is_no_store():
    class Half:
        def scenarios(self):  # no writes: not a scenario store
            return []

        def versions(self):  # no notification: cannot be followed
            return {}

    assert not isinstance(Half(), ScenarioStore)
    assert not Follower.can_follow(Half())


def _store_sniffs(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id == "hasattr" and node.args
                and "store" in ast.unparse(node.args[0]).lower()):
            lines.append(node.lineno)
    return lines


def test_no_module_sniffs_a_store_for_method_names():
    found = {str(p.relative_to(PACKAGE)): lines for p in sorted(PACKAGE.rglob("*.py"))
             if (lines := _store_sniffs(ast.parse(p.read_text(encoding="utf-8"))))}
    assert found == {}, f"use isinstance(store, <a protocol of core/plan/stores.py>): {found}"


def test_the_scan_finds_a_sniff():
    assert _store_sniffs(ast.parse("if hasattr(self.store, 'scenarios'): pass")) == [1]
    assert _store_sniffs(ast.parse("all(hasattr(store, n) for n in names)")) == [1]
