"""Distribution lists from the contacts page: create, rename, add, remove, delete."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog
from test_contacts_gui_support import seed_people

from ceopdesk.core.contacts import lists
from ceopdesk.ui import dialogs
from ceopdesk.ui.contacts.lists_panel import ListsPanel
from ceopdesk.ui.contacts.view import ContactsView


def answer(monkeypatch, *texts: str) -> None:
    replies = list(texts)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (replies.pop(0), True))


def test_lists_panel_creates_fills_renames_empties_and_deletes(qtbot, store, ops, monkeypatch):
    ids = seed_people(store)
    chosen = [ids["Zoë Ball"], ids["Priya Patel"], ids["王伟"]]
    panel = ListsPanel(ops, lambda: chosen)
    qtbot.addWidget(panel)
    assert not panel.add_button.isEnabled()  # no list yet
    assert panel.add_button.text() == "Add the 3 selected contacts"

    answer(monkeypatch, "Crime desk")
    panel.new_list()
    assert panel.ops.wait_idle()
    assert panel.current_name() == "Crime desk"
    panel.add_button.click()
    assert panel.ops.wait_idle()
    assert lists.get_list(store, "Crime desk").member_count == 3
    assert panel.members.count() == 3
    assert panel.members_label.text() == "Members of Crime desk: 3"

    panel.members.item(0).setSelected(True)
    panel.remove_button.click()
    assert panel.ops.wait_idle()
    assert lists.get_list(store, "Crime desk").member_count == 2

    answer(monkeypatch, "Crime and courts")
    panel.rename()
    assert panel.ops.wait_idle()
    assert [x.name for x in lists.all_lists(store)] == ["Crime and courts"]
    assert panel.lists.currentItem().text() == "Crime and courts  (2)"

    answer(monkeypatch, "crime AND courts")  # same name whatever the case: refused, explained
    errors: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, message, *a: errors.append(message))
    panel.new_list()
    assert panel.ops.wait_idle()
    assert errors and "already a distribution list" in errors[0]

    asked: list[str] = []
    monkeypatch.setattr(
        dialogs, "confirm", lambda _p, _t, message, _a: asked.append(message) or True
    )
    panel.delete()
    assert panel.ops.wait_idle()
    assert "members stay in the contact list" in asked[0]
    assert lists.all_lists(store) == [] and panel.lists.count() == 0


def test_adding_and_removing_the_selection_from_the_table(qtbot, store, ops, monkeypatch):
    seed_people(store)
    lists.create_list(store, "Welsh media")
    view = ContactsView(ops)
    qtbot.addWidget(view)
    view.search.setText("cymru")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    view.table.selectRow(0)
    view.add_selected_to_list("Welsh media")
    assert view.ops.wait_idle()
    assert lists.get_list(store, "Welsh media").member_count == 1
    assert "Added 1 to Welsh media" in view.status_label.text()

    view.search.clear()
    view.filters.set_list("Welsh media")
    qtbot.waitUntil(view.wait_idle, timeout=3000)
    assert view.model.rowCount() == 1
    assert view.filters.list_combo.currentText() == "Welsh media (1)"
    view.table.selectRow(0)
    view.remove_selected_from_list("Welsh media")
    assert view.ops.wait_idle()
    assert lists.get_list(store, "Welsh media").member_count == 0
    qtbot.waitUntil(view.wait_idle, timeout=3000)
    assert view.model.rowCount() == 0
