"""The releases list: search as you type, filter by status, open with a double-click or Enter."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.domain import STATUS_LABELS, ReleaseSummary
from ..operations import RELEASES, StoreOps
from ..style import PRIMARY_BUTTON
from .model import ReferenceRole, ReleaseFilterProxy, ReleaseTableModel

SEARCH_DELAY_MS = 150


class _Table(QTableView):
    """Enter and Return open the current release, like a double-click."""

    activated_row = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class ReleaseListPanel(QWidget):
    ops: StoreOps  # the window's, from ``attach`` on (the list is painted before the store opens)
    open_requested = Signal(str)  # a reference
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        """The panel, empty and saying it is loading, until ``attach`` gives it the store."""
        super().__init__(parent)
        self._attached = False
        self._stale = True

        title = QLabel("Press releases")
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.new_button = QPushButton("New release")
        self.new_button.setToolTip("Start a new draft release (Ctrl+N)")
        self.new_button.setDefault(True)
        self.new_button.setStyleSheet(PRIMARY_BUTTON)
        self.new_button.clicked.connect(self.new_requested)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search all release text: words, names, figures… (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.status_filter = QComboBox()
        self.status_filter.addItem("Every status", None)
        for key, label in STATUS_LABELS.items():
            self.status_filter.addItem(label, key)

        self.model = ReleaseTableModel(self)
        self.proxy = ReleaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = _Table()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # newest first, as listed
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # The headline takes the room; the other columns are as wide as what they hold
        # (fixed widths cut "Last changed" and left the headline 170 px at 900 wide).
        # Sized from the first 100 rows: measuring every one of 2,000 would slow the start.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setResizeContentsPrecision(100)
        self.table.doubleClicked.connect(self._open_index)
        self.table.activated_row.connect(self._open_index)

        self.count_label = QLabel("Loading releases…")
        self.count_label.setStyleSheet("color: #555;")
        hint = QLabel("Double-click a release (or select it and press Enter) to open it.")
        hint.setStyleSheet("color: #555;")

        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(QLabel("Status:"))
        filters.addWidget(self.status_filter)
        bottom = QHBoxLayout()
        bottom.addWidget(hint)
        bottom.addStretch(1)
        bottom.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.status_filter.currentIndexChanged.connect(self._status_changed)
        for control in (self.new_button, self.search, self.status_filter):
            control.setEnabled(False)  # until the store is open

    def attach(self, ops: StoreOps, rows: list[ReleaseSummary]) -> None:
        """From now on read the store through ``ops``; ``rows`` is the whole list, read at start."""
        self.ops = ops
        ops.store_changed.connect(self._store_changed)
        for control in (self.new_button, self.search, self.status_filter):
            control.setEnabled(True)
        self._search_timer.stop()
        self._stale = False
        self._attached = True
        self._show(rows, "")

    def _store_changed(self, kinds: frozenset[str]) -> None:
        if RELEASES in kinds:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self._attached:
            self.refresh()

    # -- loading ------------------------------------------------------------
    def refresh(self) -> None:
        """Reload from the store (full-text search when the box holds words), off the UI thread."""
        from ...core.releases.listing import list_releases

        self._search_timer.stop()
        self._stale = False
        query = self.search.text().strip()
        # The newest search wins: an older one answering late is dropped.
        self.ops.query(
            self,
            lambda store: list_releases(store, query=query or None),
            lambda rows: self._show(rows, query),
            key="list",
        )

    def _show(self, rows: list[ReleaseSummary], query: str) -> None:
        current = self.current_reference()
        self.model.set_rows(rows)
        if query:  # best match first until a column header is clicked
            self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
            self.proxy.sort(-1)
        self._update_count(query)
        if current:
            self.select(current)

    def _update_count(self, query: str) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if query and not total:
            text = f"No release contains “{query}”."
        elif shown == total:
            text = f"{total} release{'s' if total != 1 else ''}"
        else:
            text = f"{shown} of {total} releases shown"
        self.count_label.setText(text)

    def _status_changed(self) -> None:
        self.proxy.set_status(self.status_filter.currentData())
        self._update_count(self.search.text().strip())

    # -- selection ----------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        reference = index.data(ReferenceRole)
        if reference:
            self.open_requested.emit(reference)

    def current_reference(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ReferenceRole) if index.isValid() else None

    def select(self, reference: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ReferenceRole) == reference:
                self.table.setCurrentIndex(index)
                self.table.scrollTo(index)
                return

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # -- UI state -----------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("releases/columns", self.table.horizontalHeader().saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("releases/columns")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
