"""File → Import candidate areas: the import use case behind a dialog (issue 8)."""

from __future__ import annotations

import threading

import geopandas as gpd
import pyogrio
import pytest
import shapely
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from naturplan.core.plan.candidates import CandidateKind
from naturplan.gui.editing.importing import ImportChoice, ImportDialog
from naturplan.io.project.candidate_file import describe_layers


def _squares(x0, y0, n, size=100.0, step=300.0):
    return [shapely.box(x0 + i * step, y0, x0 + i * step + size, y0 + size) for i in range(n)]


@pytest.fixture
def two_layer_file(tmp_path, aalborg_point):
    x0, y0 = aalborg_point
    path = tmp_path / "konsulent.gpkg"
    gpd.GeoDataFrame({"navn": ["Vej"]}, geometry=[shapely.LineString(
        [(x0, y0), (x0 + 10, y0)])], crs=25832).to_file(path, layer="veje")
    gpd.GeoDataFrame({"titel": ["Mose 1", "Mose 2"]}, geometry=_squares(x0, y0, 2),
                     crs=25832).to_file(path, layer="forslag")
    return path


def test_the_dialog_offers_the_layers_and_asks_for_a_missing_crs(
    qtbot, two_layer_file, tmp_path, aalborg_point
):
    dialog = ImportDialog(two_layer_file, describe_layers(two_layer_file),
                          CandidateKind.AFFORESTATION, "da")
    qtbot.addWidget(dialog)
    assert dialog.layer.isEnabled() and dialog.layer.count() == 2
    assert dialog.layer.currentData() == "forslag"  # polygons first
    assert not dialog.crs.isEnabled()  # declared by the file
    assert [dialog.name_field.itemData(i) for i in range(dialog.name_field.count())] == [
        None, "titel"]
    dialog.name_field.setCurrentIndex(1)
    choice = dialog.choice()
    assert choice == ImportChoice("forslag", None, CandidateKind.AFFORESTATION, "titel")
    assert dialog.kind.currentText() == "Skovrejsning"
    # A shapefile without .prj: the CRS must be stated before OK is possible.
    x0, y0 = aalborg_point
    shp = tmp_path / "nocrs.shp"
    with pytest.warns(UserWarning, match="crs"):
        pyogrio.write_dataframe(gpd.GeoDataFrame({"navn": ["A"]}, geometry=_squares(x0, y0, 1)),
                                shp)
    dialog = ImportDialog(shp, describe_layers(shp), CandidateKind.LOWLAND, "da")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not dialog.layer.isEnabled() and dialog.crs.isEnabled() and not ok.isEnabled()
    dialog.crs.setText("25832")
    assert ok.isEnabled() and dialog.choice().assume_crs == "25832"
    assert dialog.choice().layer is None


def test_import_a_chosen_layer_with_the_same_audit_as_the_cli(window, two_layer_file):
    choice = ImportChoice("forslag", None, CandidateKind.LOWLAND, "titel")
    assert window.editing.import_file(two_layer_file, choice)
    plan = window.session.plan
    assert sorted(c.name for c in plan) == ["Mose 1", "Mose 2"]
    rows = [r for r in window.session.store.audit() if r.action == "import"]
    assert sorted((r.details["source"], r.details["layer"], r.details["fid"]) for r in rows) == [
        ("konsulent.gpkg", "forslag", 1), ("konsulent.gpkg", "forslag", 2)]
    assert window.statusBar().currentMessage() == (
        "Importerede 2 områder (2,00 ha) fra konsulent.gpkg.")
    # The table says what `naturplan candidates list` says (one set of labels).
    from naturplan.gui.editing.candidate_table import COLUMNS

    model = window.editing.table_dock.model
    assert model.index(0, COLUMNS.index("kind")).data() == "Udtagning af lavbundsjord"
    assert model.index(0, COLUMNS.index("status")).data() == "Idé"


def test_a_file_without_crs_imports_with_the_stated_one(window, tmp_path, aalborg_point):
    x0, y0 = aalborg_point
    shp = tmp_path / "nocrs.shp"
    with pytest.warns(UserWarning, match="crs"):
        pyogrio.write_dataframe(gpd.GeoDataFrame({"navn": ["A"]},
                                                 geometry=_squares(x0, y0, 1, 250)), shp)
    choice = ImportChoice(None, "25832", CandidateKind.LOWLAND)
    assert window.editing.import_file(shp, choice)
    assert [round(c.area_m2) for c in window.session.plan] == [62_500]


def test_a_multilayer_file_without_a_choice_and_errors_are_said_in_danish(
    window, no_dialogs, two_layer_file, tmp_path, aalborg_point
):
    assert not window.editing.import_file(
        two_layer_file, ImportChoice(None, None, CandidateKind.LOWLAND))
    assert no_dialogs[-1][1] == "'konsulent.gpkg' har flere lag: veje, forslag."
    x0, y0 = aalborg_point
    shp = tmp_path / "nocrs.shp"
    with pytest.warns(UserWarning, match="crs"):
        pyogrio.write_dataframe(gpd.GeoDataFrame({"navn": ["A"]}, geometry=_squares(x0, y0, 1)),
                                shp)
    assert not window.editing.import_file(shp, ImportChoice(None, None, CandidateKind.LOWLAND))
    assert no_dialogs[-1][1] == "'nocrs.shp' har intet koordinatsystem."
    assert all("--" not in text for _, text in no_dialogs)  # no command-line hints
    assert len(window.session.plan) == 0 and window.undo_stack.count() == 0


def test_importing_again_skips_what_is_already_there(window, two_layer_file, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    choice = ImportChoice("forslag", None, CandidateKind.LOWLAND, "titel")
    assert window.editing.import_file(two_layer_file, choice)
    assert not window.editing.import_file(two_layer_file, choice)
    assert shown and "allerede i planen" in shown[0]
    assert len(window.session.plan) == 2 and window.undo_stack.count() == 1
    again = ImportChoice("forslag", None, CandidateKind.LOWLAND, "titel", allow_duplicates=True)
    assert window.editing.import_file(two_layer_file, again)
    assert len(window.session.plan) == 4


def test_cancel_while_reading_imports_nothing(window, two_layer_file, monkeypatch, no_dialogs):
    import time

    from PySide6.QtCore import QTimer

    from naturplan.core.errors import NaturplanError
    from naturplan.gui.editing import importing

    started = threading.Event()

    def slow_read(path, layer, *, assume_crs, name_field, feedback):
        started.set()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:  # a long read that checks for Cancel
            feedback.check()
            time.sleep(0.01)
        raise NaturplanError("never cancelled")

    monkeypatch.setattr(importing, "read_candidate_file", slow_read)
    importer = window.editing.importer

    def press_cancel():
        if importer.progress is not None and started.is_set():
            importer.progress.canceled.emit()  # what the Cancel button sends
        else:
            QTimer.singleShot(20, press_cancel)

    QTimer.singleShot(20, press_cancel)
    assert not window.editing.import_file(
        two_layer_file, ImportChoice("forslag", None, CandidateKind.LOWLAND))
    assert no_dialogs == []
    assert len(window.session.plan) == 0 and window.undo_stack.count() == 0
    assert window.statusBar().currentMessage() == (
        "Importen blev annulleret; intet blev importeret.")
