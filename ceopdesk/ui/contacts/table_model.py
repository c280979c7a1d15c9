"""The contacts table model: 100,000 rows without holding 100,000 rows.

``rowCount`` is one ``count_contacts`` query.  Rows are read from the core in
pages of :data:`PAGE_SIZE` with ``fetch_summaries(offset, limit)`` the first
time the view paints them, and the last :data:`MAX_PAGES` pages are kept in a
small LRU cache, so memory stays flat however far the user scrolls.  Sorting is
done by the core (an indexed ``ORDER BY``), never by a proxy over every row.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap

from ceopdesk.core.contacts import query
from ceopdesk.core.contacts.domain import ContactFilter, ContactSummary, SortKey
from ceopdesk.core.store import Store

Index = QModelIndex | QPersistentModelIndex

ContactIdRole = Qt.ItemDataRole.UserRole + 1
DoNotContactRole = Qt.ItemDataRole.UserRole + 2
SummaryRole = Qt.ItemDataRole.UserRole + 3
TagsRole = Qt.ItemDataRole.UserRole + 4

PAGE_SIZE = 200
MAX_PAGES = 16  # 3,200 rows cached at most

# run fn off the UI thread, then call back with its result on the UI thread
Runner = Callable[[Callable[[], Any], Callable[[Any], None]], object]

# (key, header, sort key or None when the core cannot sort by it)
COLUMNS: tuple[tuple[str, str, SortKey | None], ...] = (
    ("name", "Name", "name"),
    ("organisation", "Organisation / outlet", "organisation"),
    ("job_title", "Job title", "job_title"),
    ("kind", "Kind", "kind"),
    ("email", "E-mail", None),
    ("phone", "Phone", None),
    ("tags", "Tags", None),
)
DNC_COLOUR = QColor("#8a8a8a")
DNC_TOOLTIP = "Do not contact: this person is left out of distribution exports."


def do_not_contact_icon(size: int = 16) -> QIcon:
    """A small red 'no entry' sign (drawn, so no icon file is needed)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#c62828"))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.setPen(QPen(QColor("white"), max(2, size // 6)))
    painter.drawLine(size // 4 + 1, size // 2, size - size // 4 - 1, size // 2)
    painter.end()
    return QIcon(pixmap)


class ContactsTableModel(QAbstractTableModel):
    """Contacts matching a :class:`ContactFilter`, in an order the core sorts.

    Without a ``runner`` every query runs where it is asked for (simple, used by
    tests and scripts).  With one (the view passes ``ui.operations``), a new
    filter or order is counted off the UI thread together with its first page,
    and applied when it arrives, so typing never waits for the store; answers
    overtaken by newer typing are dropped.  Later pages are read on the UI
    thread as they are painted: one page is ~20 ms at 100,000 contacts.
    """

    loadingChanged = Signal(bool)

    def __init__(
        self, store: Store, parent: QObject | None = None, runner: Runner | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self._filter = ContactFilter()
        self._sort: SortKey = "name"
        self._descending = False
        self._pages: OrderedDict[int, list[ContactSummary]] = OrderedDict()
        self._last: tuple[int, list[ContactSummary]] = (-1, [])  # the page read last
        self._asked = 0  # re-queries asked for / applied
        self._applied = 0
        self._requested_sort: tuple[SortKey, bool] = (self._sort, self._descending)
        self.pages_fetched = 0  # how many pages were read from the core (for tests, benchmarks)
        self._dnc_icon = do_not_contact_icon()
        self._dnc_font = QFont()
        self._dnc_font.setStrikeOut(True)
        self._dnc_brush = QBrush(DNC_COLOUR)
        self._count = query.count_contacts(store, self._filter)

    # -- what is shown ----------------------------------------------------------------
    @property
    def contact_filter(self) -> ContactFilter:
        return self._filter

    @property
    def sort_key(self) -> SortKey:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def loading(self) -> bool:
        """True while a new filter or order is being counted in the background."""
        return self._asked != self._applied

    def set_filter(self, flt: ContactFilter) -> None:
        if flt != self._filter or self.loading:
            self._requery(flt, self._sort, self._descending)

    def refresh(self) -> None:
        """Re-count and forget cached rows (after an edit, an import...)."""
        self._requery(self._filter, self._sort, self._descending)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][2]
        if key is None:  # e-mail, phone, tags: not an order the core keeps an index for
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._requery(self._filter, key, descending)

    @property
    def requested_sort(self) -> tuple[SortKey, bool]:
        """The order last asked for (the one shown once loading ends)."""
        return self._requested_sort

    def _requery(self, flt: ContactFilter, sort: SortKey, descending: bool) -> None:
        self._requested_sort = (sort, descending)
        self._asked += 1
        token = self._asked
        if self._runner is None:
            self._apply(
                token, flt, sort, descending, (query.count_contacts(self._store, flt), None)
            )
            return
        store = self._store
        self.loadingChanged.emit(True)

        def work() -> tuple[int, list[ContactSummary]]:
            page = query.fetch_summaries(store, flt, sort, descending, offset=0, limit=PAGE_SIZE)
            count = len(page) if len(page) < PAGE_SIZE else query.count_contacts(store, flt)
            return count, page

        self._runner(work, lambda result: self._apply(token, flt, sort, descending, result))

    def _apply(
        self,
        token: int,
        flt: ContactFilter,
        sort: SortKey,
        descending: bool,
        result: tuple[int, list[ContactSummary] | None],
    ) -> None:
        if token != self._asked:  # the user has typed on since: a newer answer is coming
            return
        count, first = result
        # A reset, not a layout change: the rows are different rows now, and no
        # index of the old order may survive to fetch pages for nothing.
        self.beginResetModel()
        self._filter, self._sort, self._descending = flt, sort, descending
        self._count = count
        self._pages.clear()
        self._last = (-1, [])
        if first is not None:
            self._pages[0] = first
            self.pages_fetched += 1
        self._applied = token
        self.endResetModel()
        self.loadingChanged.emit(False)

    @staticmethod
    def sortable(column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column][2] is not None

    @staticmethod
    def column_of(sort: SortKey) -> int:
        return next((i for i, c in enumerate(COLUMNS) if c[2] == sort), 0)

    # -- rows -------------------------------------------------------------------------
    def summary(self, row: int) -> ContactSummary | None:
        """The row's contact, fetching its page now if it is not cached (selection, tests)."""
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        page = self._cached(number)
        if page is None:
            page = query.fetch_summaries(
                self._store,
                self._filter,
                self._sort,
                self._descending,
                offset=number * PAGE_SIZE,
                limit=PAGE_SIZE,
            )
            self._keep(number, page)
        return page[offset] if offset < len(page) else None

    def _cached(self, number: int) -> list[ContactSummary] | None:
        if number == self._last[0]:  # painting asks ~1,000 times per screen for the same page
            return self._last[1]
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            self._last = (number, page)
        return page

    def _keep(self, number: int, page: list[ContactSummary]) -> None:
        self.pages_fetched += 1
        self._last = (number, page)
        self._pages[number] = page
        self._pages.move_to_end(number)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)

    def contact_id(self, row: int) -> int | None:
        item = self.summary(row)
        return item.id if item else None

    def row_of(self, contact_id: int) -> int:
        """The row of a contact among the cached pages, or -1 (nothing is fetched)."""
        for number, page in self._pages.items():
            for offset, item in enumerate(page):
                if item.id == contact_id:
                    return number * PAGE_SIZE + offset
        return -1

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    # -- QAbstractTableModel ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][2] is None:
            return f"{COLUMNS[section][1]}: the table cannot be sorted by this column"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self.summary(index.row())
        if item is None:
            return None
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(item, key)
        if role == ContactIdRole:
            return item.id
        if role == DoNotContactRole:
            return item.do_not_contact
        if role == SummaryRole:
            return item
        if role == TagsRole:
            return list(item.tags)
        if item.do_not_contact:
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._dnc_brush
            if role == Qt.ItemDataRole.FontRole:
                return self._dnc_font
            if role == Qt.ItemDataRole.DecorationRole and key == "name":
                return self._dnc_icon
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{item.name}\n{DNC_TOOLTIP}"
        if role == Qt.ItemDataRole.ToolTipRole and key == "tags" and item.tags:
            return "\n".join(item.tags)
        return None


def _display(item: ContactSummary, key: str) -> str:
    if key == "name":
        return item.name or item.email or item.phone or f"#{item.id}"
    if key == "organisation":
        return item.organisation
    if key == "job_title":
        return item.job_title
    if key == "kind":
        return item.kind.capitalize()
    if key == "email":
        return item.email or ""
    if key == "phone":
        return item.phone or ""
    if key == "tags":
        return ", ".join(item.tags)
    return ""
