"""The Contacts page: toolbar, search and filters, the lazy table and the detail panel."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core.contacts import lists, query, service
from ceopdesk.core.contacts.domain import Contact, ContactFilter, DistributionList
from ceopdesk.core.errors import UserError
from ceopdesk.ui.operations import CONTACTS, LISTS, StoreOps, run_in_background

from .detail_panel import ContactDetailPanel
from .edit_dialog import ContactEditDialog
from .filter_bar import FilterBar
from .table_model import PAGE_SIZE, ContactsTableModel
from .table_view import ContactsTableView

SEARCH_DELAY_MS = 120


class ContactsView(QWidget):
    """Everything about the contact list on one page. ``statusMessage`` carries short news
    ("Saved Zoë Ball.") for a main window's status bar; the page shows it too."""

    statusMessage = Signal(str)

    def __init__(self, ops: StoreOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        store = ops.store
        self.store = store
        self.ops = ops
        self._keep_id: int | None = None  # the contact to keep selected after the next change
        self.model = ContactsTableModel(store, self, runner=self._run)
        self.model.modelReset.connect(self._rows_replaced)
        self.model.loadingChanged.connect(lambda _on: self._show_counts())
        self._total: int | None = None  # every contact in the store; None until counted
        self._lists_dialog: QWidget | None = None  # the open (non-modal) lists dialog
        self._reselect: int | None = None
        self._to_top = False
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self._build()
        self.reload()
        self.ops.store_changed.connect(self._store_changed)

    def _keep(self, contact: Contact | None) -> None:
        """Keep ``contact`` selected once the table has followed the change."""
        self._keep_id = contact.id if contact is not None else None

    def _store_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {CONTACTS, LISTS}:
            keep, self._keep_id = self._keep_id, None
            self.reload(keep)

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> object:
        """The model's background runner: the app's one way of working off the UI thread."""
        return run_in_background(self, fn, done, busy=False)

    # -- layout -----------------------------------------------------------------------
    def _build(self) -> None:
        self.toolbar = QToolBar("Contacts")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        def action(text: str, slot: Callable[[], object], tip: str) -> QAction:
            act = QAction(text, self)
            act.setToolTip(tip)
            act.triggered.connect(slot)
            self.toolbar.addAction(act)
            return act

        self.new_action = action("New contact", self.new_contact, "Add a person by hand")
        self.edit_action = action("Edit…", self.edit_selected, "Edit the selected contact")
        self.toolbar.addSeparator()
        self.import_action = action(
            "Import…",
            self.open_import,
            "Import an Outlook, Google, media-database CSV or vCard file",
        )
        self.export_action = action(
            "Export…", self.open_export, "Save contacts as CSV (for mail merge) or vCard"
        )
        self.toolbar.addSeparator()
        self.lists_action = action(
            "Lists…",
            self.open_lists,
            "Create distribution lists and add or remove the selected people",
        )
        self.duplicates_action = action(
            "Find duplicates…", self.open_duplicates, "Find people entered twice and merge them"
        )
        self.toolbar.addSeparator()
        self.subject_access_action = action(
            "Subject access export…",
            self.subject_access,
            "Save everything held on the selected person as JSON",
        )
        self.erase_action = action(
            "Erase person…",
            self.erase_selected,
            "Delete the selected person for good, with their history",
        )

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            "Search names, outlets, job titles, e-mails, phones, tags, notes (accents ignored)"
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.apply_filter)
        self.filters = FilterBar(self)
        self.filters.changed.connect(self.apply_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("contactCount")
        self.count_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_label = QLabel()
        self.status_label.setStyleSheet("color: #135c1f;")

        self.table = ContactsTableView(self.model)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.activated.connect(lambda _i: self.edit_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.detail = ContactDetailPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 280])

        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addStretch(1)
        counts.addWidget(self.status_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.search)
        layout.addWidget(self.filters)
        layout.addLayout(counts)
        layout.addWidget(self.splitter, 1)

    # -- filtering and counts ---------------------------------------------------------
    def current_filter(self) -> ContactFilter:
        return ContactFilter(
            text=self.search.text().strip(),
            tag=self.filters.tag(),
            list_name=self.filters.list_name(),
            kind=self.filters.kind(),
            include_do_not_contact=not self.filters.hide_do_not_contact(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        flt = self.current_filter()
        if flt != self.model.contact_filter or self.model.loading:
            self._to_top = True
            self.model.set_filter(flt)

    def reload(self, keep_id: int | None = None) -> None:
        """After anything changed the store: recount, refill the filters, refetch rows.

        The count over every contact and the filter choices are read off the UI thread
        (a count of 100k contacts is not a paint's work); the newest read wins."""
        self.ops.query(
            self,
            lambda store: (
                service.all_tags(store),
                lists.all_lists(store),
                query.count_contacts(store),
            ),
            self._show_totals,
            key="totals",
        )
        self._reselect = keep_id
        flt = self.current_filter()
        if flt != self.model.contact_filter:
            self._to_top = True
            self.model.set_filter(flt)
        else:
            self.model.refresh()
        self._show_counts()

    def _show_totals(self, read: tuple[list[tuple[str, int]], list[DistributionList], int]) -> None:
        tags, all_lists, self._total = read
        self.filters.reload(tags, all_lists)  # says so if a tag or list chosen has gone
        self._show_counts()

    def _rows_replaced(self) -> None:
        if self._to_top:
            self._to_top = False
            self.table.scrollToTop()
        if self._reselect is not None:
            keep, self._reselect = self._reselect, None
            self.select_contact(keep)
        self._show_counts()
        self._selection_changed()

    def wait_idle(self) -> bool:
        """True when no search or read is pending (tests and scripts poll this)."""
        return (
            not self._search_timer.isActive()
            and not self.model.loading
            and not self.ops.reads_running()
        )

    def _show_counts(self) -> None:
        shown = self.model.rowCount()
        if self._total is None:
            self.count_label.setText("Counting contacts…")
            return
        if self.model.loading:
            self.count_label.setText(f"{self._total:,} contacts · searching…")
            return
        if self._total == 0:
            text = (
                "No contacts yet. Import an address book or media-database export, or add a person."
            )
        elif self.model.contact_filter == ContactFilter():
            text = f"{self._total:,} contact{'s' if self._total != 1 else ''}"
        else:
            text = f"{self._total:,} contacts · {shown:,} shown"
        self.count_label.setText(text)

    def say(self, message: str) -> None:
        """A short confirmation under the search box ("Saved Zoë Ball.")."""
        self.status_label.setText(message)
        self.statusMessage.emit(message)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if not self.model.sortable(column):  # put the arrow back where the order really is
            key, descending = self.model.requested_sort
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.column_of(key),
                Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    # -- selection --------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        return self.table.selected_rows()

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows; a big selection reads ids in one query, not page by page."""
        rows = self.selected_rows()
        if len(rows) > 2 * PAGE_SIZE:
            ids = query.contact_ids(
                self.store, self.model.contact_filter, self.model.sort_key, self.model.descending
            )
            return [ids[r] for r in rows if r < len(ids)]
        return [cid for cid in (self.model.contact_id(r) for r in rows) if cid is not None]

    def selected_contact(self) -> Contact | None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        try:
            return service.get_contact(self.store, ids[0])
        except UserError:
            return None

    def select_contact(self, contact_id: int) -> bool:
        """Select a contact if it is among the rows fetched so far (visible rows first)."""
        top = max(0, self.table.rowAt(0))
        self.model.summary(top)
        row = self.model.row_of(contact_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, *_args: object) -> None:
        """The side panel shows the one contact selected, read off the UI thread (a read for
        a selection that has moved on since is dropped)."""
        rows = self.selected_rows()
        chosen = self.model.contact_id(rows[0]) if len(rows) == 1 else None
        if chosen is None:
            self._show_selected(None, len(rows))
            return
        self.ops.query(
            self,
            lambda store: service.get_contacts(store, [chosen]),
            lambda found: self._show_selected(found[0] if found else None, 1),
            key="detail",
            shows=self._selected_id,
        )

    def _selected_id(self) -> int | None:
        rows = self.selected_rows()
        return self.model.contact_id(rows[0]) if len(rows) == 1 else None

    def _show_selected(self, one: Contact | None, count: int) -> None:
        self.detail.show_contact(one, count)
        for act in (self.edit_action, self.erase_action, self.subject_access_action):
            act.setEnabled(one is not None)

    # -- actions ----------------------------------------------------------------------
    def new_contact(self) -> None:
        dialog = ContactEditDialog(self.ops, None, self)
        dialog.accepted.connect(lambda: self._keep(dialog.saved))
        if dialog.exec() and dialog.saved is not None:
            self.say(f"Added {dialog.saved.name or dialog.saved.primary_email}.")

    def edit_selected(self) -> None:
        contact = self.selected_contact()
        if contact is None:
            return
        dialog = ContactEditDialog(self.ops, contact, self)
        dialog.accepted.connect(lambda: self._keep(dialog.saved))
        if dialog.exec() and dialog.saved is not None:
            self.say(f"Saved {dialog.saved.name or dialog.saved.primary_email}.")

    def open_import(self) -> None:
        from .import_report import summary_sentence
        from .import_wizard import ImportWizard

        wizard = ImportWizard(self.ops, self)
        wizard.exec()
        if wizard.report is not None and not wizard.report.dry_run:
            self.say("Imported " + summary_sentence(wizard.report))

    def open_export(self) -> None:
        from .export_dialog import ExportDialog

        ExportDialog(
            self.ops, self.current_filter(), self.filters.tags(), self.filters.list_names(), self
        ).exec()

    def open_lists(self) -> None:
        from .lists_panel import ListsDialog

        # Not modal: people are picked in the table while the lists stay open.
        if self._lists_dialog is not None:
            self._lists_dialog.raise_()
            self._lists_dialog.activateWindow()
            return
        dialog = ListsDialog(self.ops, self.selected_ids, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._lists_closed)
        self._lists_dialog = dialog
        dialog.show()

    def _lists_closed(self) -> None:
        self._lists_dialog = None

    def open_duplicates(self) -> None:
        from .duplicates_dialog import DuplicatesDialog

        DuplicatesDialog(self.ops, self).exec()

    def erase_selected(self) -> None:
        from .privacy_actions import erase_contact

        contact = self.selected_contact()
        if contact is None:
            return
        name = contact.name or contact.primary_email or "the contact"

        erase_contact(self, self.ops, contact, lambda _report: self.say(f"Erased {name}."))

    def subject_access(self) -> None:
        from .privacy_actions import export_subject_access

        contact = self.selected_contact()
        if contact is not None:
            name = contact.name or "the contact"
            export_subject_access(
                self,
                self.ops,
                contact,
                lambda path: self.say(f"Saved what is held on {name} to {path.name}."),
            )

    def add_selected_to_list(self, name: str) -> None:
        ids = self.selected_ids()
        self.ops.mutate(
            self,
            lambda store: lists.add_members(store, name, ids),
            {LISTS},
            lambda added: self.say(
                f"Added {added:,} to {name}." if added else f"Already on {name}."
            ),
        )

    def remove_selected_from_list(self, name: str) -> None:
        ids = self.selected_ids()
        self.ops.mutate(
            self,
            lambda store: lists.remove_members(store, name, ids),
            {LISTS},
            lambda removed: self.say(f"Removed {removed:,} from {name}."),
        )

    def set_do_not_contact(self, value: bool) -> None:
        keep = self.selected_ids()

        def done(_result: object) -> None:
            self._keep_id = keep[0] if len(keep) == 1 else None

        self.ops.mutate(
            self, lambda store: service.set_do_not_contact(store, keep, value), {CONTACTS}, done
        )

    def _context_menu(self, pos: QPoint) -> None:
        if not self.selected_rows():
            return
        menu = QMenu(self)
        if self.edit_action.isEnabled():
            menu.addAction(self.edit_action)
        add = menu.addMenu("Add to list")
        for item in lists.all_lists(self.store):
            add.addAction(item.name, partial(self.add_selected_to_list, item.name))
        add.addSeparator()
        add.addAction("Manage lists…", self.open_lists)
        current = self.filters.list_name()
        if current:
            menu.addAction(
                f"Remove from “{current}”", lambda: self.remove_selected_from_list(current)
            )
        menu.addSeparator()
        menu.addAction("Mark do not contact", lambda: self.set_do_not_contact(True))
        menu.addAction("Clear do not contact", lambda: self.set_do_not_contact(False))
        if self.erase_action.isEnabled():
            menu.addSeparator()
            menu.addAction(self.subject_access_action)
            menu.addAction(self.erase_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
