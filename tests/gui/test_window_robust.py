"""Issue 7 in the window: a failing frame is said and survived, caches tell layers apart,
``--screenshot`` refuses bad paths in one line, dialogs speak the user's language."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import geopandas as gpd
import shapely

from naturplan.core.errors import NaturplanError, OperationCancelled
from naturplan.core.layers.layer import LayerSource, VectorLayer
from naturplan.core.layers.roles import Role
from naturplan.io.styles import load_styles


def test_a_frame_that_raises_is_logged_shown_and_survived(window, qtbot, monkeypatch, caplog):
    canvas = window.canvas
    real = canvas.renderer.render_image

    def broken(*args, **kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(canvas.renderer, "render_image", broken)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(canvas.frame_failed,
                                                          timeout=20_000) as failed:
        canvas.zoom_by(2.0)
    assert isinstance(failed.args[0], RuntimeError)
    assert any("could not be drawn" in r.getMessage() for r in caplog.records)
    # Not "drawing the map" forever: the busy text is gone and the failure is said.
    assert window.loading_label.text() == ""
    assert "Kortet kunne ikke tegnes" in window.statusBar().currentMessage()
    assert canvas.image is not None  # the last good frame stays
    # Recovers: the next change draws again.
    monkeypatch.setattr(canvas.renderer, "render_image", real)
    canvas.zoom_by(0.5)
    qtbot.waitUntil(lambda: canvas.idle, timeout=20_000)


def test_one_broken_layer_leaves_the_others_drawn(window, monkeypatch):
    renderer = window.canvas.renderer

    def broken(*args, **kwargs):
        raise OSError("the flood raster went away")

    monkeypatch.setattr(renderer, "_draw_raster", broken)
    stats = window.canvas.render_now()
    flood = window.layers.by_role(Role.FLOOD)[0].layer.name
    assert isinstance(stats.errors[flood], OSError)
    assert stats.features and flood not in stats.features
    assert "kunne ikke tegnes" in window.statusBar().currentMessage()


def _layer(values: list[str]) -> VectorLayer:
    frame = gpd.GeoDataFrame({"Natyp_navn": values},
                             geometry=[shapely.box(i, 0, i + 1, 1) for i in range(len(values))],
                             crs=25832)
    return VectorLayer(Role.NATURE_P3, frame, LayerSource(path=__import__("pathlib").Path("x")))


def test_category_colours_follow_a_new_layer_that_reuses_a_freed_id(qapp, monkeypatch):
    """CPython reuses the id of a freed object; the renderer's caches are keyed by id. Every
    layer gets the same id here, as a freed layer's successor would."""
    import naturplan.render.renderer as renderer_module
    from naturplan.render import MapRenderer

    monkeypatch.setattr(renderer_module, "id", lambda obj: 4242, raising=False)
    style = load_styles()[Role.NATURE_P3]
    renderer = MapRenderer()
    first = _layer(["Sø", "Sø", "Sø"])
    assert list(renderer.category_codes(first, style)) == [0, 0, 0]
    second = _layer(["Hede", "Hede", "Hede"])  # same id, same number of rows
    hede = style.category_values().index("Hede")
    assert list(renderer.category_codes(second, style)) == [hede] * 3
    # and its polygons are its own too, not the first layer's
    assert renderer.index_for(second).geometries is not renderer.index_for(first).geometries


def _run(args: list[str], tmp_path) -> subprocess.CompletedProcess:  # noqa: ANN001
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-m", "naturplan", "--no-sample", *args],
                          capture_output=True, text=True, timeout=120, env=env)


def test_screenshot_into_a_file_or_a_missing_folder_is_one_clear_line(tmp_path):
    not_a_folder = tmp_path / "some.gpkg"
    not_a_folder.write_bytes(b"x")
    done = _run(["--screenshot", str(not_a_folder / "x.png")], tmp_path)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"naturplan: fejl: Kan ikke gemme skærmbilledet som {not_a_folder / 'x.png'}: "
        f"{not_a_folder} er ikke en mappe."]
    missing = tmp_path / "nonexistent" / "dir"
    done = _run(["--screenshot", str(missing / "x.png")], tmp_path)
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "findes ikke" in done.stderr
    assert not (tmp_path / "nonexistent").exists()  # no folder the user did not ask for
    done = _run(["--lang", "en", "--screenshot", str(tmp_path)], tmp_path)
    assert done.returncode == 1 and "it is a folder" in done.stderr


def test_error_dialogs_speak_danish(window, no_dialogs):
    window.show_error(OperationCancelled())
    window.show_error(NaturplanError("Cannot write the screenshot to {path}.", path="k.png"))
    assert [text for _, text in no_dialogs] == ["Annulleret.",
                                               "Kan ikke gemme skærmbilledet som k.png."]
    window.show_error(ValueError("plain"))  # not ours: its type and text, no traceback
    assert no_dialogs[-1][1] == "ValueError: plain"


def test_settings_file_is_the_tests_own(window, settings, tmp_path):
    """The window writes its layout to the settings it was given, never the user's."""
    from pathlib import Path

    window.save_settings()
    path = Path(settings.fileName())
    assert path.parent == tmp_path and path.exists()
    assert "window" in path.read_text()


def test_real_data_carries_no_synthetic_mark(window):
    """The fixture layers are plain files: no "synthetic sample" on the number or the map."""
    assert not window.dashboard_dock.synthetic_label.isVisible()
    assert window.canvas.watermark == ""


def test_a_finished_task_can_be_waited_for_without_the_event_loop(qapp):
    """Closing the window waits for running tasks with the GUI thread blocked; a job that
    has finished must not keep its thread alive until the event loop runs again (Qt then
    aborted: "QThread: Destroyed while thread is still running")."""
    from naturplan.gui.workers import Task

    task = Task(lambda progress, cancelled: 42)
    task.start()
    assert task.wait(5_000)  # returns when the job ends, not after the timeout
    assert not task.running
