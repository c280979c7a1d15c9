"""What the wizard asks about, the lists dialog beside the table, "Not the same person" kept."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog

from ceopdesk.core.contacts import dedupe, service
from ceopdesk.core.contacts.domain import Contact
from ceopdesk.ui.contacts import import_wizard as wiz
from ceopdesk.ui.contacts.duplicates_dialog import DuplicatesDialog
from ceopdesk.ui.contacts.import_wizard import ImportWizard
from ceopdesk.ui.contacts.lists_panel import ListsDialog
from ceopdesk.ui.contacts.view import ContactsView


def test_only_columns_holding_data_are_offered_with_human_labels(
    qtbot, store, ops, monkeypatch, tmp_path
):
    path = tmp_path / "outlets.csv"
    path.write_text(
        "Name,Email,Other Phone,Circulation,Fax Extension,Town\n"
        "Zoë Ball,zoe@bbc.co.uk,020 7946 0018,85000,,Salford\n"
        "Tom Wright,tom@thetimes.co.uk,,12000,,London\n",
        "utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    wizard = ImportWizard(ops)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.choose()
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=5000)
    wizard.next()
    assert wizard.currentId() == wiz.MAPPING_PAGE
    page = wizard.mapping_page
    assert list(page.combos) == ["Circulation"]  # the empty "Fax Extension" asks nothing
    combo = page.combos["Circulation"]
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert "Other phone" in texts and "City" in texts
    assert not any(":" in t for t in texts)  # no "phone:other"
    assert "Other Phone → Other phone" in page.known.text()
    assert "Town → City" in page.known.text()


def test_the_lists_dialog_leaves_the_table_usable(qtbot, store, ops):
    view = ContactsView(ops)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(view.wait_idle, timeout=3000)
    view.open_lists()
    dialog = view.findChild(ListsDialog)
    assert dialog is not None and dialog.isVisible() and not dialog.isModal()
    view.open_lists()  # a second ask raises the same window
    assert len([w for w in view.findChildren(ListsDialog) if w.isVisible()]) == 1
    view.search.setText("zoe")  # the main window still takes input
    dialog.close()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)


def test_not_the_same_person_is_remembered(qtbot, store, ops):
    service.create_contact(store, Contact(given_name="Jo", family_name="Adams", organisation="ITV"))
    service.create_contact(store, Contact(given_name="Jo", family_name="Adams", organisation="ITV"))
    dialog = DuplicatesDialog(ops)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.searching, timeout=5000)
    assert len(dialog.pairs) == 1
    dialog.table.selectRow(0)
    dialog.skip_button.click()
    assert dialog.table.rowCount() == 0
    qtbot.waitUntil(lambda: dedupe.find_duplicates(store) == [], timeout=5000)
