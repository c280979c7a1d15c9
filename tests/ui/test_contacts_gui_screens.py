"""Screenshots of the contacts page, the edit dialog and the import report.

Saved to the test's tmp folder and, when $CEOPDESK_SCREENSHOTS is set, there too.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog
from test_contacts_gui_support import assert_sane, save_screenshot, seed_people
from ui_steps import wait_still

from ceopdesk.core.contacts import lists, service
from ceopdesk.ui.contacts.edit_dialog import ContactEditDialog
from ceopdesk.ui.contacts.import_wizard import RUN_PAGE, ImportWizard
from ceopdesk.ui.contacts.view import ContactsView

REPORT_CSV = (
    "First Name,Last Name,Outlet,Email,Mobile,Beats,Desk\n"
    "Zoë,Ball,BBC News,zoe.ball@bbc.co.uk,07911 123456,crime,Newsroom\n"
    "Chloé,Dubois,AFP,chloe.dubois@afp.com,,courts,\n"
    "محمد,الأحمد,Al Jazeera,m.alahmad@aljazeera.net,,security,\n"
    "山田,花子,NHK World,hanako.yamada@nhk.example.org,,technology,\n"
    "No,Address,Nowhere,not-an-email,,,\n"
    ',,Ragged,,,,,"extra"\n'
    "Seán,Ó Súilleabháin,The Irish News,sean@irishnews.example.org,12,,\n"
)


def test_contacts_screens(qtbot, store, ops, tmp_path, monkeypatch) -> None:
    ids = seed_people(store)
    lists.create_list(store, "Crime desk")
    lists.add_members(store, "Crime desk", [ids["Zoë Ball"], ids["Priya Patel"], ids["Tom Wright"]])
    view = ContactsView(ops)
    qtbot.addWidget(view)
    view.resize(1280, 860)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(view.wait_idle, timeout=3000)
    # The end of the list, where the Arabic, Chinese, Japanese and Korean names sort.
    row = next(r for r in range(view.model.rowCount()) if view.model.contact_id(r) == ids["王伟"])
    view.table.scrollToBottom()
    view.table.selectRow(row)
    qtbot.waitUntil(view.wait_idle, timeout=3000)
    wait_still(qtbot, view)
    assert_sane(save_screenshot(view, "contacts", tmp_path), 1000, 600)

    view.search.setText("bbc")
    qtbot.waitUntil(view.wait_idle, timeout=3000)
    view.table.selectRow(0)
    qtbot.waitUntil(view.wait_idle, timeout=3000)
    wait_still(qtbot, view)
    assert_sane(save_screenshot(view, "contacts-search", tmp_path), 1000, 600)

    zoe = service.get_contact(store, ids["Zoë Ball"])
    dialog = ContactEditDialog(ops, zoe, view)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.emails.add_row("zoe@", "home")
    dialog.phones.value_edit(0).setText("020 7946 00")
    qtbot.waitUntil(lambda: dialog.error_for("emails[1]") != "", timeout=2000)
    assert dialog.save_button.isEnabled()  # doubtful values are saved unchecked
    wait_still(qtbot, dialog)
    assert_sane(save_screenshot(dialog, "contacts-edit", tmp_path), 500, 500)
    dialog.reject()

    path = tmp_path / "media-database.csv"
    path.write_text(REPORT_CSV, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    wizard = ImportWizard(ops, view)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.choose()
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=5000)
    assert_sane(save_screenshot(wizard, "contacts-import-preview", tmp_path), 600, 400)
    wizard.next()
    wizard.mapping_page.set_choice("Desk", "notes")
    wait_still(qtbot, wizard)
    assert_sane(save_screenshot(wizard, "contacts-import-mapping", tmp_path), 600, 400)
    wizard.next()
    wizard.options_page.skip_bad.setChecked(True)
    wizard.next()
    assert wizard.currentId() == RUN_PAGE
    qtbot.waitUntil(lambda: not wizard.run_page.running, timeout=10000)
    assert wizard.report is not None and wizard.report.count("skipped") == 1
    assert wizard.report.count("added") == 6  # doubtful e-mail and phone: kept, unchecked
    report = wizard.run_page.report_view
    report.table.setCurrentIndex(report.proxy.index(4, 0))
    assert report.detail.text().startswith("Line 6, No Address: e-mail 'not-an-email' is not valid")
    wait_still(qtbot, wizard)
    assert_sane(save_screenshot(wizard, "contacts-import-report", tmp_path), 600, 400)
