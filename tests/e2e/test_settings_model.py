"""Issue 21 §4: the project settings as one typed, versioned model
(``naturplan.io.project.settings_model``): an older layout is migrated, a stored value of the
wrong kind is read as its default with a notice (never a crash), and the typed settings
survive a round trip through the GeoPackage and the PostGIS store."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from naturplan.core.analysis.assessment import AnalysisSettings
from naturplan.core.analysis.connectivity import ConnectivityParams
from naturplan.core.notices import Notice
from naturplan.io.project import rows
from naturplan.io.project.copy import copy_project
from naturplan.io.project.gpkg_store import GeoPackageStore
from naturplan.io.project.postgis_store import PostGISStore
from naturplan.io.project.settings_model import (
    SETTINGS_VERSION,
    MapTexts,
    ProjectSettings,
    read_settings,
    write_settings,
)
from naturplan.text.notices import notice_text
from naturplan.usecases.analysis_context import analysis_context

# What naturplan wrote before the model (layout version 1): no version key, an analysis
# record naming only the parameters that were chosen, another program's key beside them.
V1_ROWS: dict[str, Any] = {
    "plan": {"version": 1, "kommune": "0851", "use_sample": True, "sample_scale": 0.01,
             "protected_roles": ["nature_p3"], "layers": []},
    "analysis": {"factors": "co2e_v1", "connectivity": {"dispersal_m": 750}},
    "export_map": {"title": "Naturplan 2027", "subtitle": "forslag"},
    "qgis_note": {"kept": [1, 2]},
}


def _v1_project(path: Path) -> GeoPackageStore:
    store = GeoPackageStore(path, author="anna")
    store.set_settings(V1_ROWS)
    return store


def test_a_version_1_project_is_read_migrated_and_written_migrated(tmp_path: Path) -> None:
    # The v1 record written out by hand: every parameter it did not name at the default
    # of ConnectivityParams, the one it named as given.
    full_connectivity = {f.name: f.default for f in dataclasses.fields(ConnectivityParams)}
    full_connectivity["dispersal_m"] = 750.0
    expected_analysis = {"factors": "co2e_v1", "recorded": None, "forest_type": None,
                         "connectivity": full_connectivity}
    with _v1_project(tmp_path / "old.gpkg") as store:
        rows_before = len(store.audit())
        read = read_settings(store)  # reading writes nothing
        assert len(store.audit()) == rows_before
        assert "settings_version" not in store.settings()
        assert read.version == SETTINGS_VERSION == 2
        assert read.analysis.connectivity.dispersal_m == 750.0
        assert read.analysis.factors == "co2e_v1" and read.analysis.recorded is None
        assert read.map_texts == MapTexts("Naturplan 2027", "forslag")
        assert read.plan == V1_ROWS["plan"]
        assert read.extra == {"qgis_note": {"kept": [1, 2]}}
        assert read.notices == ()

        assert write_settings(store, map_texts=MapTexts("Naturplan 2028", "vedtaget"))
        stored = store.settings()
        assert stored["settings_version"] == 2
        assert stored["analysis"] == expected_analysis  # the migration, stored
        assert stored["export_map"] == {"title": "Naturplan 2028", "subtitle": "vedtaget"}
        assert stored["plan"] == V1_ROWS["plan"] and stored["qgis_note"] == {"kept": [1, 2]}
        (row,) = store.audit()[rows_before:]  # the change and the migration: one audit row
        assert row.action == "settings"
        assert row.details["keys"] == ["analysis", "export_map", "settings_version"]

        # Nothing new: nothing written, no audit row.
        assert not write_settings(store, map_texts=MapTexts("Naturplan 2028", "vedtaget"))
        assert len(store.audit()) == rows_before + 1


def test_a_newer_layout_is_kept_and_never_lowered(tmp_path: Path) -> None:
    with GeoPackageStore(tmp_path / "new.gpkg", author="anna") as store:
        store.set_settings({"settings_version": 7, "future_key": "x"})
        assert read_settings(store).version == 7
        write_settings(store, map_texts=MapTexts("T", ""))
        stored = store.settings()
        assert stored["settings_version"] == 7 and stored["future_key"] == "x"
        assert stored["export_map"] == {"title": "T", "subtitle": ""}


# As another program may write them: the JSON text of the settings table's value.
HOSTILE = [
    ("analysis", '"not a record"', "analysis"),
    ("analysis", '{"factors": 7}', "analysis.factors"),
    ("analysis", '{"connectivity": {"dispersal_m": -5}}', "analysis.connectivity.dispersal_m"),
    ("analysis", '{"connectivity": {"dispersal_m": "far"}}',
     "analysis.connectivity.dispersal_m"),
    ("analysis", '{"connectivity": {"p_min": true}}', "analysis.connectivity.p_min"),
    ("analysis", '{"connectivity": {"p_min": 1.5}}', "analysis.connectivity.p_min"),
    ("analysis", '{"connectivity": {"dispersal_m": Infinity}}',
     "analysis.connectivity.dispersal_m"),
    ("analysis", '{"connectivity": [500]}', "analysis.connectivity"),
    ("analysis", '{"recorded": [1, 2]}', "analysis.recorded"),
    ("export_map", "42", "export_map"),
    ("export_map", '{"title": ["a"], "subtitle": ""}', "export_map"),
    ("plan", '"a plan"', "plan"),
    ("settings_version", '"two"', "settings_version"),
    ("settings_version", "true", "settings_version"),
]


@pytest.mark.parametrize(("key", "text", "named"), HOSTILE)
def test_a_value_of_the_wrong_kind_is_the_default_with_a_notice(
        tmp_path: Path, key: str, text: str, named: str) -> None:
    path = tmp_path / "p.gpkg"
    GeoPackageStore(path, author="anna").close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO settings (key, value) VALUES (?, ?)", (key, text))
    conn.close()
    heard: list[Notice] = []
    with GeoPackageStore(path, author="anna") as store:
        with rows.listening(heard.append):
            read = read_settings(store)
        stored = store.settings()
    defaults = ProjectSettings()
    assert read.analysis == AnalysisSettings()
    assert read.map_texts is None and read.plan is None
    assert read.version == defaults.version
    assert [(n.code, n.params["id"]) for n in heard] == [("setting_ignored", named)]
    assert heard == list(read.notices)
    text = notice_text(heard[0], "da")
    assert text.startswith(f"Projektindstillingen {named} har en værdi af forkert type")
    # The analysis starts from the defaults instead of failing (before: ValueError/TypeError).
    assert analysis_context(stored).settings == AnalysisSettings()


def test_a_hostile_value_stays_stored_until_the_planner_changes_it(tmp_path: Path) -> None:
    with GeoPackageStore(tmp_path / "p.gpkg", author="qgis") as store:
        store.set_settings({"analysis": {"connectivity": {"dispersal_m": -5}}})
        write_settings(store, map_texts=MapTexts("T", "S"))
        assert store.settings()["analysis"] == {"connectivity": {"dispersal_m": -5}}
        chosen = AnalysisSettings(forest_type="conifer")
        write_settings(store, analysis=chosen)
        assert store.settings()["analysis"]["forest_type"] == "conifer"
        assert store.settings()["analysis"]["connectivity"]["dispersal_m"] == (
            ConnectivityParams().dispersal_m)


def _typed() -> dict[str, Any]:
    """Every typed field away from its default, with Danish letters and nested values."""
    return {
        "plan": {"version": 1, "kommune": "0851", "use_sample": False, "sample_scale": 1.0,
                 "protected_roles": ["nature_p3", "forest"],
                 "layers": [{"role": "nature_p3", "path": "/data/§3 natur.gpkg",
                             "layer": None, "fields": {"natyp": "Natyp_navn"},
                             "assume_crs": None, "service": None}]},
        "analysis": AnalysisSettings(
            factors="co2e_v1", recorded={"id": "co2e_v1", "version": 1, "sha256": "ab" * 32},
            forest_type="conifer",
            connectivity=ConnectivityParams(dispersal_m=1200.0, p_min=0.02)),
        "map_texts": MapTexts("Grøn plan for Ålborg", "Æbler og ørreder – forslag"),
    }


def test_the_typed_settings_round_trip_through_both_stores(tmp_path: Path,
                                                            pg_project: str) -> None:
    values = _typed()
    source = tmp_path / "plan.gpkg"
    with GeoPackageStore(source, author="anna") as store:
        assert write_settings(store, **values)
    copy_project(source, pg_project)
    with PostGISStore(pg_project, author="bo", create=False) as team:
        read = read_settings(team)
        assert (read.plan, read.analysis, read.map_texts) == (
            values["plan"], values["analysis"], values["map_texts"])
        assert read.version == SETTINGS_VERSION and read.notices == ()
        changed = dataclasses.replace(values["analysis"], forest_type=None)
        assert write_settings(team, analysis=changed)
    back = tmp_path / "back.gpkg"
    copy_project(pg_project, back)
    with GeoPackageStore(back, create=False, readonly=True) as store:
        read = read_settings(store)
    assert read.analysis == changed and read.analysis.forest_type is None
    assert (read.plan, read.map_texts) == (values["plan"], values["map_texts"])
