"""The import wizard end to end: file dialog, preview, column mapping, progress, report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWizard
from test_contacts_gui_support import write_csv

from ceopdesk.core.contacts import query, service
from ceopdesk.core.contacts.domain import ContactFilter
from ceopdesk.ui.contacts import import_wizard as wiz
from ceopdesk.ui.contacts.import_wizard import ImportWizard
from ceopdesk.ui.contacts.view import ContactsView

CSV = (
    "Name,Outlet,Email,Mobile,Beat,Desk notes\n"
    "Zoë Ball,BBC News,zoe.ball@bbc.co.uk,07700 900321,crime; courts,Call before 11\n"
    "محمد الأحمد,Al Jazeera,m.ahmad@aljazeera.net,,security,\n"
    '"王伟","Phoenix TV",wang.wei@phoenixtv.example.org,,politics,"Line one\nline two"\n'
    'Broken Row,Nowhere,not-an-email,,,,"extra"\n'
)


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "media list.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    return path


def choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def open_wizard(qtbot, ops, monkeypatch, path: Path) -> ImportWizard:
    choose(monkeypatch, path)
    wizard = ImportWizard(ops)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.choose()
    qtbot.waitUntil(wizard.file_page.isComplete, timeout=5000)
    return wizard


def run(qtbot, wizard: ImportWizard) -> None:
    while wizard.currentId() != wiz.RUN_PAGE:
        wizard.next()
    qtbot.waitUntil(lambda: not wizard.run_page.running, timeout=10000)


def test_the_wizard_previews_maps_imports_and_reports_every_row(
    qtbot, store, ops, monkeypatch, csv_file
):
    wizard = open_wizard(qtbot, ops, monkeypatch, csv_file)
    page = wizard.file_page
    assert (
        page.status.text()
        == "CSV (spreadsheet or media database) · UTF-8 with byte-order mark · 4 records"
    )
    assert page.table.horizontalHeaderItem(0).text() == "Name"
    assert page.table.item(0, 0).text() == "Zoë Ball"
    assert page.preview is not None and page.preview.unknown_headers == ["Desk notes"]

    wizard.next()
    assert wizard.currentId() == wiz.MAPPING_PAGE
    assert list(wizard.mapping_page.combos) == ["Desk notes"]
    assert "Call before 11" in wizard.mapping_page.grid.itemAtPosition(1, 1).widget().text()
    wizard.mapping_page.set_choice("Desk notes", "notes")
    wizard.next()
    assert wizard.currentId() == wiz.OPTIONS_PAGE
    wizard.options_page.skip_bad.setChecked(True)
    run(qtbot, wizard)

    report = wizard.report
    assert report is not None and not report.dry_run
    assert [(r.line, r.status) for r in report.rows] == [
        (2, "added"),
        (3, "added"),
        (4, "added"),
        (6, "skipped"),
    ]
    view = wizard.run_page.report_view
    assert view.isVisible() and view.visible_rows() == 4
    assert view.summary.text().startswith("media list.csv: 3 added")
    assert "the row has 7 fields" in view.model.index(3, 3).data()
    # the doubtful mobile is reported on its row, and the person kept
    assert "'07700 900321' is not a number in use" in view.model.index(0, 3).data()
    view.show_combo.setCurrentIndex(view.show_combo.findData("skipped"))
    assert view.visible_rows() == 1

    assert query.count_contacts(store) == 3
    zoe = service.find_contact(store, "zoe.ball@bbc.co.uk")
    assert zoe.notes == "Call before 11" and zoe.phones[0].label == "mobile"
    assert query.count_contacts(store, ContactFilter(text="zoe")) == 1


def test_a_bad_row_stops_the_import_until_the_user_skips_it(
    qtbot, store, ops, monkeypatch, csv_file
):
    wizard = open_wizard(qtbot, ops, monkeypatch, csv_file)
    run(qtbot, wizard)
    page = wizard.run_page
    assert page.title() == "Nothing was imported"
    assert "line 6" in page.report_view.summary.text()
    assert query.count_contacts(store) == 0 and wizard.report is None
    assert page.again_button.isVisible()
    page.again_button.click()
    qtbot.waitUntil(lambda: not page.running, timeout=10000)
    assert wizard.report is not None and wizard.report.count("added") == 3
    assert query.count_contacts(store) == 3


def test_a_dry_run_saves_nothing_and_offers_the_real_import(
    qtbot, store, ops, monkeypatch, csv_file
):
    wizard = open_wizard(qtbot, ops, monkeypatch, csv_file)
    wizard.next()
    wizard.next()
    wizard.options_page.dry_run.setChecked(True)
    wizard.options_page.skip_bad.setChecked(True)
    assert wizard.buttonText(QWizard.WizardButton.CommitButton) == "Dry run"
    run(qtbot, wizard)
    page = wizard.run_page
    assert page.title() == "Dry run finished"
    assert page.report_view.summary.text().startswith("Dry run of media list.csv: 3 would be added")
    assert query.count_contacts(store) == 0 and wizard.report is None
    page.again_button.click()
    qtbot.waitUntil(lambda: not page.running, timeout=10000)
    assert query.count_contacts(store) == 3


def test_cancelling_while_it_runs_stores_nothing(qtbot, store, ops, monkeypatch, tmp_path):
    path = write_csv(tmp_path / "big.csv", 3000)
    wizard = open_wizard(qtbot, ops, monkeypatch, path)
    wizard.next()
    wizard.next()
    assert wizard.run_page.running
    wizard.reject()  # Cancel while the worker reads the file
    assert wizard.isVisible()  # it waits for the core to stop
    qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=10000)
    assert query.count_contacts(store) == 0


def test_an_unreadable_file_is_explained_on_the_first_page(
    qtbot, store, ops, monkeypatch, tmp_path
):
    path = tmp_path / "empty.csv"
    path.write_bytes(b"   \n")
    choose(monkeypatch, path)
    wizard = ImportWizard(ops)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.choose()
    qtbot.waitUntil(lambda: "empty" in wizard.file_page.status.text(), timeout=5000)
    assert not wizard.file_page.isComplete()


def test_the_view_refreshes_after_an_import(qtbot, store, ops, monkeypatch, csv_file):
    view = ContactsView(ops)
    qtbot.addWidget(view)
    qtbot.waitUntil(view.wait_idle, timeout=3000)
    assert view.model.rowCount() == 0
    assert view.count_label.text().startswith("No contacts yet")

    def fake_exec(self: ImportWizard) -> int:
        self.show()
        self.file_page.choose()
        qtbot.waitUntil(self.file_page.isComplete, timeout=5000)
        self.next()
        self.mapping_page.set_choice("Desk notes", "notes")
        self.next()
        self.options_page.skip_bad.setChecked(True)
        run(qtbot, self)
        return 1

    choose(monkeypatch, csv_file)
    monkeypatch.setattr(ImportWizard, "exec", fake_exec)
    view.open_import()
    qtbot.waitUntil(view.wait_idle, timeout=3000)
    assert view.model.rowCount() == 3
    assert view.count_label.text() == "3 contacts"
    assert "3 added" in view.status_label.text()
