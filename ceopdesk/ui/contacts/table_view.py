"""The contacts table widget: fixed row heights for 100,000 rows, columns that fit the width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .table_model import ContactsTableModel

# Share of the width for name, organisation, job title, kind, e-mail, phone (tags: the rest).
COLUMN_SHARES = (0.16, 0.15, 0.14, 0.1, 0.19, 0.13)
MIN_WIDTHS = (110, 100, 90, 90, 120, 100)


class ContactsTableView(QTableView):
    """Columns share the width until the user drags one; then they are left as set."""

    def __init__(self, model: ContactsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        vertical = self.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measures 100k rows
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.user_sized = False
        self._fitting = False
        header.sectionResized.connect(self._resized_by_user)
        self.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and isinstance(event, QResizeEvent):
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        if self.user_sized:
            return
        width = self.viewport().width()
        self._fitting = True
        try:
            for column, (share, least) in enumerate(zip(COLUMN_SHARES, MIN_WIDTHS, strict=True)):
                self.setColumnWidth(column, max(least, int(width * share)))
        finally:
            self._fitting = False

    def _resized_by_user(self, column: int, _old: int, _new: int) -> None:
        last = self.horizontalHeader().count() - 1
        if not self._fitting and column != last:  # the stretched last column follows the rest
            self.user_sized = True

    def selected_rows(self) -> list[int]:
        rows: list[int] = []
        selection = self.selectionModel().selection()
        for i in range(selection.count()):
            r = selection.at(i)
            rows.extend(range(r.top(), r.bottom() + 1))
        return sorted(set(rows))
