"""The Hjælp menu: shortcuts from the window's own actions, sources, factors, About."""

from __future__ import annotations

import re

from naturplan.gui.help import TAB_ABOUT, TAB_FACTORS, TAB_SHORTCUTS, TAB_SOURCES, factors_markdown


def _menu_titles(window) -> list[str]:  # noqa: ANN001
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_help_is_the_last_menu_and_opens_each_tab(window):
    assert _menu_titles(window)[-1] == "Hjælp"
    entries = [a for a in window.help_menu.actions() if not a.isSeparator()]
    assert [a.text() for a in entries] == ["Tastaturgenveje", "Datakilder og licenser",
                                           "Emissionsfaktorer", "Om naturplan"]
    for action, tab in zip(entries, (TAB_SHORTCUTS, TAB_SOURCES, TAB_FACTORS, TAB_ABOUT),
                           strict=True):
        action.trigger()
        assert window.help_dialog.isVisible()
        assert window.help_dialog.tabs.currentIndex() == tab
    window.help_dialog.close()


def test_shortcut_table_lists_what_the_actions_say(window):
    window.help_menu.actions()[0].trigger()
    table = window.help_dialog.shortcuts
    rows = {table.item(i, 1).text(): table.item(i, 0).text() for i in range(table.rowCount())}
    for action in (window.editing.act_draw, window.editing.act_snap, window.act_home):
        assert rows[action.text().replace("&", "")] == action.shortcut().toString()
    assert "Ctrl+Z" in rows[window.editing.act_undo.text().replace("&", "")]
    assert "Piletaster" in {table.item(i, 0).text() for i in range(table.rowCount())}


def test_sources_name_the_shipped_files_their_licences_and_the_loaded_layers(window,
                                                                             fixture_files):
    window.help_dialog.show_tab(TAB_SOURCES)
    text = window.help_dialog.sources.toPlainText()
    assert "aalborg_kommune_0851_dagi2014.gpkg" in text and "CC0" in text
    assert "© SDFI" in text
    assert fixture_files["nature_p3"].name in text  # what is loaded now
    assert re.search(r"\d\d-\d\d-20\d\d", text)  # with the file's date, Danish style
    window.help_dialog.close()


def test_factors_say_not_yet_cleanly_and_show_a_table_when_there(tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("NATURPLAN_RESOURCES_DIR", str(tmp_path))
    assert "endnu ingen" in factors_markdown()
    (tmp_path / "factors").mkdir()
    (tmp_path / "factors" / "co2e_test.toml").write_text(
        '[table]\nid = "co2e_test"\nversion = 2\ntitle = "Test factors"\n'
        'source = "SEGES ESGT and DCE inventory (test)"\nlicence = "facts"\n',
        encoding="utf-8")
    text = factors_markdown()
    assert "SEGES ESGT and DCE inventory (test)" in text and "co2e_test" in text
    assert "version 2" in text
    (tmp_path / "factors" / "broken.toml").write_text("= nope", encoding="utf-8")
    assert "Kan ikke læses" in factors_markdown()  # one bad file does not hide the others


def test_about_says_version_and_data_attribution(window):
    import naturplan

    window.help_dialog.show_tab(TAB_ABOUT)
    text = window.help_dialog.about.toPlainText()
    assert naturplan.__version__ in text and "Qt" in text and "syntetiske" in text
    window.help_dialog.close()
