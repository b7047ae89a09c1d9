"""The window on the shipped synthetic sample (built once per session at scale 0.01)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from naturplan.core.layers.roles import Role


@pytest.fixture
def sample_window(qtbot, settings, sample_env):
    from naturplan.gui.main_window import MainWindow
    from naturplan.io.datasets import DatasetRequest

    win = MainWindow(settings, lang="da")
    qtbot.addWidget(win)
    win.resize(1400, 880)
    win.show()
    win.load_dataset(DatasetRequest(sample_scale=0.01))  # the background worker
    qtbot.waitUntil(lambda: win.share is not None, timeout=120_000)
    qtbot.waitUntil(lambda: win.canvas.idle, timeout=60_000)
    yield win
    win.close()


def test_window_opens_on_the_sample(sample_window, sample_env):
    dock = sample_window.layers_dock
    items = [dock.list.item(i) for i in range(dock.list.count())]
    roles = {item.data(Qt.ItemDataRole.UserRole + 1).role for item in items}
    assert roles == set(Role)
    from naturplan.gui.layer_delegate import TAG_ROLE

    assert any(item.data(TAG_ROLE) == "syntetisk eksempel" for item in items)
    stats = sample_window.canvas.last_stats
    assert sum(stats.features.values()) > 50

    cmd = [sys.executable, "-m", "naturplan", "stats", "--json"]
    doc = json.loads(subprocess.run(cmd, capture_output=True, text=True, env=sample_env,
                                    timeout=300, check=True).stdout)
    assert sample_window.share.share == pytest.approx(doc["protected"]["share"], rel=1e-9)
    assert sample_window.dashboard_dock.headline.text().endswith(" %")
    # The big number and the map say that the share comes from a synthetic sample.
    synthetic = sample_window.dashboard_dock.synthetic_label
    assert synthetic.isVisible() and synthetic.text() == "syntetisk eksempel"
    canvas = sample_window.canvas
    assert canvas.watermark == "Syntetisk eksempel – ikke rigtige data"
    corner = canvas.rect().adjusted(canvas.width() - 300, canvas.height() - 40, 0, 0)
    marked = canvas.grab(corner).toImage()
    canvas.watermark = ""
    assert canvas.grab(corner).toImage() != marked  # it is painted

    # A case worker clicking a (synthetic) parcel is told it is a sample, on the hit itself.
    parcel = sample_window.dataset.by_role(Role.PARCELS)[0].frame.geometry.iloc[0]
    inside = parcel.representative_point()
    sample_window.identify(inside.x, inside.y)
    heads = [sample_window.identify_dock.tree.topLevelItem(i)
             for i in range(sample_window.identify_dock.tree.topLevelItemCount())]
    parcel_heads = [h.text(1) for h in heads if "jordstykke" in h.text(1)]
    assert parcel_heads and all("syntetisk eksempel" in t for t in parcel_heads)
    # ... with its registered area in m² and ha, in Danish number format
    registered = int(sample_window.dataset.by_role(Role.PARCELS)[0].frame
                     ["registreretAreal"].iloc[0])
    expected = (f"{registered:,} m² ".replace(",", ".")
                + f"({registered / 10_000:.2f} ha)".replace(".", ","))
    parcel_hit = [h for h in sample_window.identify_dock.hits if h.role == "parcels"][0]
    assert dict(parcel_hit.attributes)["registreretAreal"] == expected


def test_cancel_while_the_sample_is_built_keeps_the_app_working(
    qtbot, settings, tmp_path, monkeypatch
):
    """Cancel during the first-run sample build: no half-built sample, the app keeps going."""
    from naturplan.gui.main_window import MainWindow
    from naturplan.io.datasets import DatasetRequest

    monkeypatch.setenv("NATURPLAN_SAMPLE_DIR", str(tmp_path / "fresh"))
    win = MainWindow(settings, lang="da")
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.show()
    win.load_dataset(DatasetRequest(sample_scale=0.05))
    qtbot.waitUntil(lambda: win.progress.isVisible(), timeout=10_000)
    with qtbot.waitSignal(win.task.cancelled, timeout=60_000):
        win.cancel_button.click()
    qtbot.waitUntil(lambda: not win.progress.isVisible(), timeout=10_000)
    assert not any((tmp_path / "fresh").rglob("sample.json"))  # nothing half-built kept
    assert win.dataset is None
    # The app still works: load again, to the end this time.
    win.load_dataset(DatasetRequest(sample_scale=0.01))
    qtbot.waitUntil(lambda: win.dataset is not None, timeout=120_000)
    assert any((tmp_path / "fresh").rglob("sample.json"))
    win.close()
