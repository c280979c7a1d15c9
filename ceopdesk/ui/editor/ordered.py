"""An ordered list of parts (sections, notes) with a detail panel: add, remove, reorder
by the buttons or by dragging."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

T = TypeVar("T")
_KEY = Qt.ItemDataRole.UserRole


class ReorderList(QListWidget):
    """A list whose rows a person can drag into a new order."""

    reordered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.model().rowsMoved.connect(lambda *_: self.reordered.emit())

    def dropEvent(self, event: QDropEvent) -> None:
        super().dropEvent(event)
        self.reordered.emit()


class OrderedEditor(QGroupBox, Generic[T]):
    """Subclasses say how an item is labelled and shown in, and read back from, the detail."""

    edited = Signal()
    empty_text = "Nothing here yet."

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._items: dict[int, T] = {}
        self._next_key = 0
        self._loading = False
        self.list = ReorderList()
        self.list.setMaximumHeight(112)
        self.detail = QStackedWidget()
        empty = QLabel(self.empty_text)
        empty.setWordWrap(True)
        empty.setStyleSheet("color: #666;")
        self.detail.addWidget(empty)
        self.add_bar = QHBoxLayout()
        self.remove_button = QPushButton("Remove")
        self.up_button = QPushButton("Move up")
        self.down_button = QPushButton("Move down")
        # The order buttons stand beside the list, the add buttons under it: the
        # form stays narrow enough for a small laptop screen.
        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.remove_button):
            side.addWidget(button)
        side.addStretch(1)
        beside = QHBoxLayout()
        beside.addWidget(self.list, 1)
        beside.addLayout(side)
        hint = QLabel("Drag a row, or use Move up / Move down, to change the order.")
        hint.setStyleSheet("color: #666; font-size: 9pt;")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(beside)
        layout.addWidget(hint)
        layout.addLayout(self.add_bar)
        layout.addWidget(self.detail)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.reordered.connect(self._reordered)
        self.remove_button.clicked.connect(self.remove_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self._update_buttons()

    # -- for subclasses -----------------------------------------------------
    def label(self, item: T) -> str:
        raise NotImplementedError

    def show_detail(self, item: T) -> None:
        """Fill the detail panel from ``item`` and raise its page."""
        raise NotImplementedError

    def read_detail(self, item: T) -> None:
        """Copy what the detail panel holds back into ``item``."""
        raise NotImplementedError

    def detail_edited(self) -> None:
        """Connect the detail fields here."""
        if self._loading:
            return
        item = self.list.currentItem()
        if item is not None:
            self.read_detail(self._items[item.data(_KEY)])
            self._relabel(item)
        self.edited.emit()

    # -- contents -----------------------------------------------------------
    def set_items(self, items: list[T]) -> None:
        row = self.list.currentRow()
        self._loading = True
        try:
            self.list.clear()
            self._items.clear()
            for item in items:
                self._append(item)
        finally:
            self._loading = False
        if items:
            self.list.setCurrentRow(min(max(row, 0), len(items) - 1))
        else:
            self.detail.setCurrentIndex(0)
        self._update_buttons()

    def items(self) -> list[T]:
        current = self.list.currentItem()
        if current is not None:
            self.read_detail(self._items[current.data(_KEY)])
        return [self._items[self.list.item(i).data(_KEY)] for i in range(self.list.count())]

    def current(self) -> T | None:
        item = self.list.currentItem()
        return None if item is None else self._items[item.data(_KEY)]

    def _append(self, value: T, row: int | None = None) -> QListWidgetItem:
        key = self._next_key
        self._next_key += 1
        self._items[key] = value
        item = QListWidgetItem()
        item.setData(_KEY, key)
        if row is None:
            self.list.addItem(item)
        else:
            self.list.insertItem(row, item)
        self._relabel(item)
        return item

    def add(self, value: T) -> None:
        """Insert after the current row and select it."""
        row = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else self.list.count()
        self.list.setCurrentItem(self._append(value, row))
        self._relabel_all()
        self._update_buttons()
        self.edited.emit()

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self._loading = True
        try:
            item = self.list.takeItem(row)
            self._items.pop(item.data(_KEY))
        finally:
            self._loading = False
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
            self._show(self._items[self.list.currentItem().data(_KEY)])
        else:
            self.detail.setCurrentIndex(0)
        self._relabel_all()
        self._update_buttons()
        self.edited.emit()

    def move_current(self, delta: int) -> None:
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        current = self._items[self.list.item(row).data(_KEY)]
        self.read_detail(current)
        self._loading = True
        try:
            item = self.list.takeItem(row)
            self.list.insertItem(target, item)
            self.list.setCurrentRow(target)
        finally:
            self._loading = False
        self._show(current)
        self._reordered()

    def _reordered(self) -> None:
        self._relabel_all()
        self._update_buttons()
        self.edited.emit()

    # -- display ------------------------------------------------------------
    def _relabel(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        item.setText(f"{row + 1}.  {self.label(self._items[item.data(_KEY)])}")

    def _relabel_all(self) -> None:
        for i in range(self.list.count()):
            self._relabel(self.list.item(i))

    def _current_changed(
        self, current: QListWidgetItem | None, previous: QListWidgetItem | None
    ) -> None:
        if previous is not None and previous.data(_KEY) in self._items and not self._loading:
            self.read_detail(self._items[previous.data(_KEY)])
        if current is None:
            self.detail.setCurrentIndex(0)
        else:
            self._show(self._items[current.data(_KEY)])
        self._update_buttons()

    def _show(self, value: T) -> None:
        was_loading, self._loading = self._loading, True
        try:
            self.show_detail(value)
        finally:
            self._loading = was_loading

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
