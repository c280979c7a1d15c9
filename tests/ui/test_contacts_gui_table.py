"""The lazy contacts table model: counts, pages fetched, core-side sorting, roles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QTableView
from test_contacts_gui_support import DO_NOT_CONTACT, seed_many, seed_people
from ui_steps import wait_still

from ceopdesk.core.contacts.domain import ContactFilter
from ceopdesk.ui.contacts.table_model import (
    MAX_PAGES,
    PAGE_SIZE,
    ContactIdRole,
    ContactsTableModel,
    DoNotContactRole,
    SummaryRole,
)


def test_row_count_comes_from_the_core_and_rows_are_fetched_a_page_at_a_time(
    qtbot, store, tmp_path
):
    seed_many(store, tmp_path, 1000)
    model = ContactsTableModel(store)
    assert model.rowCount() == 1000
    assert model.pages_fetched == 0  # counting fetched no rows

    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(900, 500)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: model.pages_fetched >= 1)
    wait_still(qtbot, view)  # painted, and nothing more is being painted
    assert model.pages_fetched <= 2  # painting the top fetched the first page only
    assert model.index(0, 0).data().startswith("Person")

    view.scrollToBottom()
    qtbot.waitUntil(lambda: model.cached_pages >= 2 or model.pages_fetched >= 2)
    wait_still(qtbot, view)
    assert model.pages_fetched <= 4  # the bottom, not everything in between
    assert model.index(999, 0).data()

    for row in range(0, 1000, 7):  # read every page: the cache stays small
        model.index(row, 0).data()
    assert model.cached_pages <= MAX_PAGES
    assert model.pages_fetched <= 1000 // PAGE_SIZE + 4


def test_sorting_is_done_by_the_core(qtbot, store):
    seed_people(store)
    model = ContactsTableModel(store)
    model.sort(1, Qt.SortOrder.AscendingOrder)  # organisation
    orgs = [model.index(r, 1).data() for r in range(model.rowCount())]
    assert orgs[0] == "AFP" and orgs == sorted(orgs, key=str.casefold)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.index(0, 1).data() == "Yorkshire Post"
    before = model.pages_fetched
    model.sort(4, Qt.SortOrder.AscendingOrder)  # e-mail: not an order the core keeps
    assert model.sort_key == "organisation" and model.pages_fetched == before


def test_roles_and_the_do_not_contact_marking(qtbot, store):
    ids = seed_people(store)
    model = ContactsTableModel(store)
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    assert len(rows) == 50

    zoe = rows["Zoë Ball"]
    assert model.index(zoe, 0).data(ContactIdRole) == ids["Zoë Ball"]
    assert model.index(zoe, 5).data() == "020 7946 0018"  # national format
    assert model.index(zoe, 6).data() == "courts, crime"
    assert model.index(zoe, 3).data() == "Journalist"
    assert model.index(zoe, 0).data(DoNotContactRole) is False
    assert model.index(zoe, 0).data(Qt.ItemDataRole.FontRole) is None

    jack = rows["Jack Taylor"]
    assert "Jack Taylor" in DO_NOT_CONTACT
    assert model.index(jack, 0).data(DoNotContactRole) is True
    font = model.index(jack, 2).data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.strikeOut()
    assert isinstance(model.index(jack, 0).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert "Do not contact" in model.index(jack, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(jack, 0).data(SummaryRole).organisation == "The Sun"

    model.set_filter(ContactFilter(include_do_not_contact=False))
    assert model.rowCount() == 50 - len(DO_NOT_CONTACT)
