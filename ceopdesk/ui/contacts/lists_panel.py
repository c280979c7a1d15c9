"""Distribution lists: create, rename, delete, and put the selected people on or off a list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core.contacts import lists, query
from ceopdesk.core.contacts.domain import ContactFilter, ContactSummary, DistributionList
from ceopdesk.core.store import Store
from ceopdesk.ui import dialogs
from ceopdesk.ui.operations import CONTACTS, LISTS, StoreOps

MEMBERS_SHOWN = 500
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class ListsPanel(QWidget):
    """The lists on the left, the chosen list's members on the right, buttons under them."""

    def __init__(
        self,
        ops: StoreOps,
        selected_ids: Callable[[], list[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ops = ops
        self._select_next: str | None = None
        self._lists: list[DistributionList] = []  # as last read
        self.ops.store_changed.connect(self._store_changed)
        self._selected_ids = selected_ids
        self.lists = QListWidget()
        self.lists.currentItemChanged.connect(lambda *_: self._show_members())
        self.members = QListWidget()
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.members.itemSelectionChanged.connect(self._update_buttons)
        self.members_label = QLabel("Members")
        self.new_button = QPushButton("New list…")
        self.rename_button = QPushButton("Rename…")
        self.delete_button = QPushButton("Delete…")
        n = len(selected_ids())
        self.add_button = QPushButton(f"Add the {n:,} selected contact{'s' if n != 1 else ''}")
        self.add_button.setToolTip("Select people in the contacts table first, then add them here.")
        self.remove_button = QPushButton("Remove from list")
        self.remove_button.setToolTip(
            "Take the members selected above off this list (they stay in the contact list)."
        )
        self.new_button.clicked.connect(self.new_list)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.add_button.clicked.connect(self.add_selected)
        self.remove_button.clicked.connect(self.remove_chosen)
        grid = QGridLayout(self)
        grid.addWidget(QLabel("Distribution lists"), 0, 0)
        grid.addWidget(self.members_label, 0, 1)
        grid.addWidget(self.lists, 1, 0)
        grid.addWidget(self.members, 1, 1)
        left = QVBoxLayout()
        for b in (self.new_button, self.rename_button, self.delete_button):
            left.addWidget(b)
        right = QVBoxLayout()
        for b in (self.add_button, self.remove_button):
            right.addWidget(b)
        right.addStretch(1)
        grid.addLayout(left, 2, 0)
        grid.addLayout(right, 2, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        self._update_buttons()  # nothing chosen until the lists are read
        self.reload()

    # -- state ------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """Read the lists again (off the UI thread), keeping ``select`` or the one chosen."""
        current = select or self.current_name()
        self.ops.query(
            self, lists.all_lists, lambda read: self._show_lists(read, current), key="lists"
        )

    def _show_lists(self, read: list[DistributionList], current: str | None) -> None:
        self._lists = read
        self.lists.blockSignals(True)  # one read of the members, once the choice is made
        self.lists.clear()
        for item in read:
            row = QListWidgetItem(f"{item.name}  ({item.member_count:,})")
            row.setData(ID_ROLE, item.name)
            row.setToolTip(item.description or item.name)
            self.lists.addItem(row)
            if item.name == current:
                self.lists.setCurrentItem(row)
        if self.lists.currentItem() is None and self.lists.count():
            self.lists.setCurrentRow(0)
        self.lists.blockSignals(False)
        self._show_members()

    def current_name(self) -> str | None:
        item = self.lists.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def current_list(self) -> DistributionList | None:
        """The chosen list as last read (its member count is what the panel shows)."""
        name = self.current_name()
        return next((x for x in self._lists if x.name == name), None)

    def _show_members(self) -> None:
        """The chosen list's members, read off the UI thread (dropped if another list is
        chosen meanwhile)."""
        name = self.current_name()
        if name is None:
            self.members.clear()
            self.members_label.setText("Members (create a list first)")
            self._update_buttons()
            return
        flt = ContactFilter(list_name=name)

        def read(store: Store) -> tuple[int, list[ContactSummary]]:
            return query.count_contacts(store, flt), query.fetch_summaries(
                store, flt, limit=MEMBERS_SHOWN
            )

        self.ops.query(
            self,
            read,
            lambda found: self._fill_members(name, *found),
            key="members",
            shows=self.current_name,
        )

    def _fill_members(self, name: str, total: int, shown: list[ContactSummary]) -> None:
        self.members.clear()
        for s in shown:
            text = s.name or s.email or f"#{s.id}"
            if s.organisation:
                text += f" — {s.organisation}"
            row = QListWidgetItem(text + ("  (do not contact)" if s.do_not_contact else ""))
            row.setData(ID_ROLE, s.id)
            self.members.addItem(row)
        more = f", first {MEMBERS_SHOWN} shown" if total > MEMBERS_SHOWN else ""
        self.members_label.setText(f"Members of {name}: {total:,}{more}")
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.current_name() is not None
        for b in (self.rename_button, self.delete_button):
            b.setEnabled(has)
        self.add_button.setEnabled(has and bool(self._selected_ids()))
        self.remove_button.setEnabled(has and bool(self.members.selectedItems()))

    # -- actions ----------------------------------------------------------------------
    def _ask(self, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(self, title, label, text=text)
        return value.strip() if ok and value.strip() else None

    def _try(self, fn: Callable[[Store], object], select: str | None = None) -> None:
        """Queue the change; the panel follows store_changed, then showing ``select``."""

        def done(_result: object) -> None:
            self._select_next = select

        self.ops.mutate(self, fn, {LISTS}, done)

    def _store_changed(self, kinds: frozenset[str]) -> None:
        if kinds & {LISTS, CONTACTS}:
            select, self._select_next = self._select_next, None
            self.reload(select=select)

    def new_list(self) -> None:
        name = self._ask("New distribution list", "Name of the list:")
        if name:
            self._try(lambda store: lists.create_list(store, name), name)

    def rename(self) -> None:
        old = self.current_name()
        if old is None:
            return
        name = self._ask("Rename list", f"New name for “{old}”:", old)
        if name and name != old:
            self._try(lambda store: lists.rename_list(store, old, name), name)

    def delete(self) -> None:
        item = self.current_list()
        if item is None:
            return
        message = (
            f"Delete the list “{item.name}”? Its {item.member_count:,} members stay in "
            "the contact list; only the list goes."
        )
        if dialogs.confirm(self, "Delete list", message, "Delete list"):
            self._try(lambda store: lists.delete_list(store, item.name))

    def add_selected(self) -> None:
        name = self.current_name()
        ids = self._selected_ids()
        if name and ids:
            self._try(lambda store: lists.add_members(store, name, ids), name)

    def remove_chosen(self) -> None:
        name = self.current_name()
        ids = [item.data(ID_ROLE) for item in self.members.selectedItems()]
        if name and ids:
            self._try(lambda store: lists.remove_members(store, name, ids), name)


class ListsDialog(QDialog):
    def __init__(
        self,
        ops: StoreOps,
        selected_ids: Callable[[], list[int]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Distribution lists")
        self.resize(720, 460)
        self.panel = ListsPanel(ops, selected_ids, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel, 1)
        layout.addWidget(buttons)
