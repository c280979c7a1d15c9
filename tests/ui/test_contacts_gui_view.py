"""The contacts page: search as you type, filters, counts, selection and the side panel."""

from __future__ import annotations

import pytest
from test_contacts_gui_support import DO_NOT_CONTACT, PEOPLE, seed_many, seed_people
from ui_steps import wait_still

from ceopdesk.core.contacts import lists
from ceopdesk.ui.contacts.view import ContactsView


@pytest.fixture
def view(qtbot, store, ops):
    seed_people(store)
    v = ContactsView(ops)
    qtbot.addWidget(v)
    v.resize(1280, 760)
    v.show()
    qtbot.waitExposed(v)
    qtbot.waitUntil(v.wait_idle, timeout=3000)
    return v


def names(view: ContactsView) -> list[str]:
    rows = (view.model.summary(r) for r in range(view.model.rowCount()))
    return [s.name for s in rows if s is not None]


def settle(qtbot, view: ContactsView) -> None:
    qtbot.waitUntil(view.wait_idle, timeout=3000)


def search(qtbot, view: ContactsView, text: str) -> None:
    view.search.setText(text)
    settle(qtbot, view)
    assert view.model.contact_filter.text == text.strip()


def test_counts_and_search_narrow_the_table(qtbot, view):
    assert view.model.rowCount() == len(PEOPLE)
    assert view.count_label.text() == "50 contacts"
    view.search.setText("priya")
    assert view.model.rowCount() == 50  # debounced: nothing happens on the keystroke itself
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert names(view) == ["Priya Patel"]
    assert view.count_label.text() == "50 contacts · 1 shown"
    search(qtbot, view, "crime correspondent")
    assert names(view) == ["Zoë Ball"]
    search(qtbot, view, "")
    assert view.model.rowCount() == 50


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("zoe", "Zoë Ball"),
        ("siobhan", "Siobhán Ní Bhriain"),
        ("LEFEVRE", "François Lefèvre"),
        ("jaaskel", "Björn Jääskeläinen"),
        ("محمد", "محمد الأحمد"),
        ("王伟", "王伟"),
    ],
)
def test_search_ignores_accents_and_case_and_reads_every_script(qtbot, view, typed, found):
    search(qtbot, view, typed)
    assert found in names(view)


def test_filters_by_kind_tag_list_and_do_not_contact(qtbot, view, store):
    view.filters.set_kind("stakeholder")
    settle(qtbot, view)
    assert view.model.rowCount() == sum(1 for p in PEOPLE if p[3] == "stakeholder")
    view.filters.set_kind(None)
    view.filters.set_tag("crime")
    settle(qtbot, view)
    assert "Zoë Ball" in names(view) and "Mei Chen" not in names(view)
    assert view.count_label.text().endswith(f"· {view.model.rowCount()} shown")
    view.filters.set_tag(None)
    settle(qtbot, view)

    lists.create_list(store, "Crime desk")
    lists.add_members(store, "Crime desk", [view.model.contact_id(r) for r in range(3)])
    view.reload()
    settle(qtbot, view)  # the list choices are read off the UI thread
    view.filters.set_list("Crime desk")
    settle(qtbot, view)
    assert view.model.rowCount() == 3
    view.filters.clear()
    settle(qtbot, view)
    assert view.model.rowCount() == 50

    view.filters.hide_dnc.setChecked(True)
    settle(qtbot, view)
    assert view.model.rowCount() == 50 - len(DO_NOT_CONTACT)
    assert not set(names(view)) & DO_NOT_CONTACT


def test_search_and_filters_combine(qtbot, view):
    view.filters.set_kind("journalist")
    search(qtbot, view, "ceop")
    assert view.model.rowCount() == 0
    view.filters.set_kind("spokesperson")
    settle(qtbot, view)
    assert sorted(names(view)) == ["Fatima Begum", "Peter Davies"]


def test_selecting_a_row_shows_the_person_in_the_side_panel(qtbot, view):
    search(qtbot, view, "zoe")
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.detail.contact is not None)  # read off the UI thread
    assert view.detail.contact is not None and view.detail.contact.name == "Zoë Ball"
    text = view.detail.toPlainText()
    assert "zoe.ball@bbcnews.example.org" in text and "020 7946 0018" in text
    assert "Legitimate interests" in text and "press office address book" in text
    assert view.edit_action.isEnabled() and view.erase_action.isEnabled()

    search(qtbot, view, "jack taylor")
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: "Do not contact" in view.detail.toPlainText())
    view.table.clearSelection()
    assert view.detail.contact is None and not view.edit_action.isEnabled()


def test_sorting_by_header_click_requeries_and_keeps_unsortable_columns_inert(qtbot, view):
    header = view.table.horizontalHeader()
    header.setSortIndicator(1, header.sortIndicatorOrder())
    settle(qtbot, view)
    assert view.model.sort_key == "organisation"
    header.setSortIndicator(6, header.sortIndicatorOrder())  # tags: cannot sort
    assert view.model.sort_key == "organisation"
    assert header.sortIndicatorSection() == 1


def test_the_page_fetches_rows_a_page_at_a_time_as_it_scrolls(qtbot, store, ops, tmp_path):
    seed_many(store, tmp_path, 1000)
    view = ContactsView(ops)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    settle(qtbot, view)
    model = view.model
    assert model.rowCount() == 1000 and view.count_label.text() == "1,000 contacts"
    view.table.scrollToBottom()
    wait_still(qtbot, view.table)  # the bottom rows painted, their pages fetched
    assert model.index(999, 0).data().startswith("Person")
    assert model.pages_fetched <= 4 and model.cached_pages <= 4


def test_selected_ids_for_a_big_selection_come_from_one_query(qtbot, view):
    view.table.selectAll()
    ids = view.selected_ids()
    assert len(ids) == 50 and len(set(ids)) == 50


def test_columns_share_the_width_until_the_user_drags_one(qtbot, view):
    table = view.table
    widths = [table.columnWidth(c) for c in range(view.model.columnCount())]
    assert sum(widths) <= table.viewport().width() + 1
    assert not table.horizontalScrollBar().isVisible()
    table.horizontalHeader().resizeSection(0, 300)  # as a drag does
    assert table.user_sized
    view.resize(1000, 700)
    assert table.columnWidth(0) == 300
