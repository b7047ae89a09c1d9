"""The attribute table's dock is hidden until a layer's table is opened, and leaves no tab bar
behind at start-up (a dock tabified and then hidden left its group's tab bar standing over the
legend)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabBar


def _visible_tab_titles(window) -> list[list[str]]:
    return [[bar.tabText(i) for i in range(bar.count())]
            for bar in window.findChildren(QTabBar) if bar.isVisible()]


def test_no_attribute_table_tab_until_a_table_is_opened(window, qtbot) -> None:
    qtbot.wait(50)
    titles = _visible_tab_titles(window)
    assert not any("Attributtabel" in t for bar in titles for t in bar), titles
    legend = window.legend_dock.geometry()
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            top_left = bar.mapTo(window, bar.rect().topLeft())
            assert not legend.contains(top_left), [bar.tabText(i) for i in range(bar.count())]
    # Opened from the layer panel's menu, it is tabbed with the candidate table.
    panel = window.layers_dock
    parcels = next(e.layer for e in window.layers if e.layer.role.value == "parcels")
    panel.table_requested.emit(parcels)
    qtbot.waitUntil(lambda: any(any("Attributtabel" in t for t in bar)
                                for bar in _visible_tab_titles(window)), timeout=5000)
