"""The releases table: a QAbstractTableModel over ReleaseSummary rows, plus its filter proxy."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from ...core.domain import STATUS_LABELS, ReleaseSummary
from ..rows_model import RowsTableModel
from ..style import STATUS_COLOURS
from ..uktime import embargo_text, moment_text

SummaryRole = Qt.ItemDataRole.UserRole + 1  # the ReleaseSummary
ReferenceRole = Qt.ItemDataRole.UserRole + 2  # the reference, whichever column
StatusRole = Qt.ItemDataRole.UserRole + 3  # the status key, e.g. "in_review"
SortRole = Qt.ItemDataRole.UserRole + 4  # a value that sorts as a person expects

COLUMNS = ("Reference", "Headline", "Status", "Embargo", "Last changed")
_Index = QModelIndex | QPersistentModelIndex
_NO_EMBARGO = datetime.min.replace(tzinfo=UTC)


class ReleaseTableModel(RowsTableModel[ReleaseSummary]):
    HEADERS = COLUMNS

    def summary(self, row: int) -> ReleaseSummary:
        return self.row_at(row)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.reference,
                r.headline,
                STATUS_LABELS.get(r.status, r.status),
                embargo_text(r.embargo),
                moment_text(r.updated),
            )[col]
        if role == SortRole:
            return (
                r.reference,
                r.headline.casefold(),
                list(STATUS_LABELS).index(r.status),
                (r.embargo or _NO_EMBARGO).timestamp(),
                r.updated.timestamp(),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return r.headline
        if role == Qt.ItemDataRole.ForegroundRole and col == 2:
            return QColor(STATUS_COLOURS.get(r.status, ("#000000", ""))[0])
        if role == SummaryRole:
            return r
        if role == ReferenceRole:
            return r.reference
        if role == StatusRole:
            return r.status
        return None


class ReleaseFilterProxy(QSortFilterProxyModel):
    """Sorts on SortRole and keeps only the chosen status (None = every status)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._status: str | None = None
        self.setSortRole(SortRole)

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self._status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self._status is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.data(StatusRole) == self._status
