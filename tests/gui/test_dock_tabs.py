"""The attribute table's dock is hidden until a layer's table is opened, and leaves no tab bar
behind at start-up: a dock tabified and then hidden left its group's tab bar standing over the
legend of a window drawn before it is shown (``naturplan --screenshot``)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabBar


def _tab_bars_naming(window, title: str) -> list[QTabBar]:
    return [bar for bar in window.findChildren(QTabBar) if bar.isVisibleTo(window)
            and any(bar.tabText(i).startswith(title) for i in range(bar.count()))]


def test_no_attribute_table_tab_until_a_table_is_opened(settings, qtbot) -> None:
    from naturplan.gui.main_window import MainWindow

    window = MainWindow(settings, lang="da")  # as --screenshot draws it: not shown
    qtbot.addWidget(window)
    window.resize(1400, 880)
    title = window.attribute_table.windowTitle() if hasattr(window, "attribute_table") else \
        "Attributtabel"
    assert _tab_bars_naming(window, title) == []
    window.close()


def test_an_opened_attribute_table_is_tabbed_with_the_candidate_table(window, qtbot) -> None:
    panel = window.layers_dock
    parcels = next(e.layer for e in window.layers if e.layer.role.value == "parcels")
    panel.table_requested.emit(parcels)
    qtbot.waitUntil(lambda: bool(_tab_bars_naming(window, "Attributtabel")), timeout=5000)
    (bar,) = _tab_bars_naming(window, "Attributtabel")
    texts = sorted(bar.tabText(i) for i in range(bar.count()))
    assert texts[0].startswith("Attributtabel") and texts[1] == "Kandidatområder", texts
