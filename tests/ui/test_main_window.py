"""The main window: first-run welcome, navigation, menus, the releases list and its search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ceopdesk.core.releases import boilerplate
from ceopdesk.core.releases import service as releases
from ceopdesk.ui.releases.model import COLUMNS, ReferenceRole, SortRole


def visible_references(window) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.releases.list_panel.proxy
    return [proxy.index(r, 0).data(ReferenceRole) for r in range(proxy.rowCount())]


def test_an_empty_store_opens_on_the_welcome_page(window) -> None:
    assert window.pages.currentWidget() is window.welcome
    assert window.welcome.sample_button.text() == "Load the sample library"
    assert window.welcome.empty_button.text() == "Start empty"


def test_start_empty_goes_to_the_releases_list(window) -> None:
    window.welcome.empty_button.click()
    assert window.pages.currentWidget() is window.releases
    assert not window.releases.editor_is_shown()


def test_load_the_sample_library_from_the_welcome_page(window, store, qtbot) -> None:
    window.welcome.sample_button.click()
    qtbot.waitUntil(lambda: window.releases.list_panel.model.rowCount() == 3, timeout=10000)
    assert window.pages.currentWidget() is window.releases
    assert "Sample library loaded" in window.statusBar().currentMessage()
    assert boilerplate.list_all(store)
    # Loading it again adds nothing and says so.
    window.menus.sample_action.trigger()
    qtbot.waitUntil(lambda: "already" in window.statusBar().currentMessage(), timeout=10000)


def test_a_store_with_releases_opens_on_the_list(sample_window) -> None:
    assert sample_window.pages.currentWidget() is sample_window.releases
    assert sample_window.nav.currentRow() == 0
    panel = sample_window.releases.list_panel
    assert [panel.model.headerData(i, Qt.Orientation.Horizontal) for i in range(5)] == list(COLUMNS)
    assert panel.count_label.text() == "3 releases"


def test_the_list_shows_status_labels_and_uk_embargo_times(sample_window) -> None:
    model = sample_window.releases.list_panel.model
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    row = rows["CEOP-2026-001"]
    assert model.index(row, 2).data() == "Draft"
    assert model.index(row, 3).data() == "00:01 BST, Thu 18 Jun 2026"
    assert model.index(rows["CEOP-2026-002"], 3).data() == "Immediate"
    assert model.index(rows["CEOP-2026-002"], 2).data() == "Approved"
    assert isinstance(model.index(row, 3).data(SortRole), float)


def test_search_box_filters_the_list_as_you_type(sample_window, qtbot) -> None:
    panel = sample_window.releases.list_panel
    qtbot.keyClicks(panel.search, "sextort")  # a prefix of "sextortion", in one release
    qtbot.waitUntil(lambda: visible_references(sample_window) == ["CEOP-2026-002"], timeout=3000)
    panel.search.clear()
    qtbot.waitUntil(lambda: len(visible_references(sample_window)) == 3, timeout=3000)
    panel.search.setText("no-such-word-anywhere")
    qtbot.waitUntil(lambda: not visible_references(sample_window), timeout=3000)
    assert "No release contains" in panel.count_label.text()


def test_status_filter(sample_window) -> None:
    panel = sample_window.releases.list_panel
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("approved"))
    assert visible_references(sample_window) == ["CEOP-2026-002"]
    assert panel.count_label.text() == "1 of 3 releases shown"
    panel.status_filter.setCurrentIndex(0)
    assert len(visible_references(sample_window)) == 3


def test_sorting_by_a_column(sample_window) -> None:
    table = sample_window.releases.list_panel.table
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert visible_references(sample_window) == ["CEOP-2026-001", "CEOP-2026-002", "CEOP-2026-003"]


def test_enter_or_double_click_opens_the_editor(sample_window, qtbot) -> None:
    panel = sample_window.releases.list_panel
    panel.select("CEOP-2026-003")
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert sample_window.releases.editor_is_shown()
    assert sample_window.releases.editor.reference == "CEOP-2026-003"
    assert sample_window.menus.export_action.isEnabled()
    sample_window.releases.editor.bar.back_button.click()
    assert not sample_window.releases.editor_is_shown()
    assert not sample_window.menus.export_action.isEnabled()
    assert panel.current_reference() == "CEOP-2026-003"


def test_new_release_shortcut_opens_a_draft(window, store, qtbot) -> None:
    window.welcome.empty_button.click()
    assert window.menus.new_action.shortcut().toString() == "Ctrl+N"
    window.menus.new_action.trigger()
    assert window.ops.wait_idle()
    editor = window.releases.editor
    assert editor.reference and releases.get(editor.store, editor.reference).status == "draft"
    assert QApplication.focusWidget() is editor.form.headline
    editor.bar.back_button.click()
    qtbot.waitUntil(lambda: visible_references(window) == [editor.reference], timeout=3000)


def test_find_focuses_the_search_box(sample_window, qtbot) -> None:
    sample_window.releases.open_release("CEOP-2026-001")
    sample_window.menus.find_action.trigger()
    assert not sample_window.releases.editor_is_shown()
    qtbot.waitUntil(sample_window.releases.list_panel.search.hasFocus)


def test_navigation_to_the_boilerplate_page(sample_window) -> None:
    sample_window.nav.setCurrentRow(1)
    assert sample_window.pages.currentWidget() is sample_window.boilerplate
    assert not sample_window.menus.undo_action.isEnabled()
    sample_window.nav.setCurrentRow(0)
    assert sample_window.pages.currentWidget() is sample_window.releases


def test_navigation_to_the_contacts_page(sample_window) -> None:
    assert sample_window.nav.item(2).text() == "Contacts"
    sample_window.nav.setCurrentRow(2)
    assert sample_window.pages.currentWidget() is sample_window.contacts
    assert not sample_window.menus.export_action.isEnabled()
    sample_window.contacts.statusMessage.emit("Saved Zoë Ball.")
    assert sample_window.statusBar().currentMessage() == "Saved Zoë Ball."


def test_the_boilerplate_page_can_open_a_release(sample_window) -> None:
    sample_window.nav.setCurrentRow(1)
    sample_window.boilerplate.releaseActivated.emit("CEOP-2026-002")
    assert sample_window.pages.currentWidget() is sample_window.releases
    assert sample_window.releases.editor.reference == "CEOP-2026-002"


def test_menus_and_shortcuts(sample_window) -> None:
    titles = [a.text() for a in sample_window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Help"]
    shortcuts = {
        a.text(): a.shortcut().toString()
        for a in sample_window.findChildren(type(sample_window.menus.new_action))
    }
    assert shortcuts["&Export Word…"] == "Ctrl+E"
    assert shortcuts["&Quit"] == "Ctrl+Q"
    assert shortcuts["&Find…"] == "Ctrl+F"
    assert sample_window.menus.undo_action.shortcut().toString() == "Ctrl+Z"
    assert "Ctrl+Shift+Z" in [s.toString() for s in sample_window.menus.redo_action.shortcuts()]


def test_settings_opens_the_settings_dialog_and_the_preview_follows(
    sample_window, monkeypatch, store, qtbot
) -> None:
    from ceopdesk.ui import settings_dialog

    def edit_and_save(dialog) -> int:  # type: ignore[no-untyped-def]
        dialog.contact_phone_edit.setText("0800 123 456")
        assert dialog.save()
        return 1

    monkeypatch.setattr(settings_dialog.SettingsDialog, "exec", edit_and_save)
    sample_window.releases.open_release("CEOP-2026-003")
    editor = sample_window.releases.editor
    sample_window.menus.settings_action.trigger()
    qtbot.waitUntil(lambda: "0800 123 456" in editor.preview.browser.toPlainText(), timeout=3000)
