"""The per-row import report: a summary line and a table of line, outcome, name and reason."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ceopdesk.core.contacts.domain import ImportReport, ImportRow, ImportStatus

Index = QModelIndex | QPersistentModelIndex

OUTCOMES: dict[str, tuple[str, str]] = {  # status -> (shown as, colour)
    "added": ("Added", "#135c1f"),
    "merged": ("Merged", "#0b3f7a"),
    "unchanged": ("Already there", "#555555"),
    "skipped": ("Skipped", "#b00020"),
}
HEADERS = ("Line", "Outcome", "Name", "Details")


def row_details(row: ImportRow) -> str:
    parts = [row.reason] if row.reason else []
    parts += [f"{c.field}: kept “{c.kept}”, file had “{c.offered}”" for c in row.conflicts]
    parts += row.warnings
    return "; ".join(parts)


class ImportReportModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ImportRow] = []
        self._brushes = {k: QBrush(QColor(c)) for k, (_t, c) in OUTCOMES.items()}

    def set_rows(self, rows: list[ImportRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.line,
                OUTCOMES.get(row.status, (row.status, ""))[0],
                row.name,
                row_details(row),
            )[col]
        if role == Qt.ItemDataRole.UserRole:
            return row.status
        if role == Qt.ItemDataRole.ForegroundRole and col == 1:
            return self._brushes.get(row.status)
        if role == Qt.ItemDataRole.ToolTipRole and col == 3:
            return row_details(row) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class _OutcomeFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: str | None = None

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self.status is None:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return index.data(Qt.ItemDataRole.UserRole) == self.status


class ImportReportWidget(QWidget):
    """Shows one :class:`ImportReport` (or the bad rows of a refused import)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 14px; font-weight: bold;")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.model = ImportReportModel(self)
        self.proxy = _OutcomeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.show_combo = QComboBox()
        self.show_combo.addItem("Every row", None)
        for status, (text, _c) in OUTCOMES.items():
            self.show_combo.addItem(f"{text} only", status)
        self.show_combo.currentIndexChanged.connect(
            lambda: self.proxy.set_status(self.show_combo.currentData())
        )
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((60, 110, 200)):
            self.table.setColumnWidth(col, width)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show"))
        bar.addWidget(self.show_combo)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.note)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)

    def show_report(self, report: ImportReport, headline: str | None = None) -> None:
        self.summary.setText(headline or summary_sentence(report))
        notes = []
        if report.dry_run:
            notes.append("This was a dry run: nothing was saved.")
        elif report.count("skipped"):
            notes.append(
                "To bring in the skipped rows, correct them in the file and import it "
                "again: people already imported are recognised and not added twice."
            )
        if report.ignored_columns:
            notes.append("Columns not imported: " + ", ".join(report.ignored_columns) + ".")
        self.note.setText(" ".join(notes))
        self.note.setVisible(bool(notes))
        self.model.set_rows(report.rows)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        """The whole reason for the chosen row (the column shows only its start)."""
        if not current.isValid():
            self.detail.clear()
            return
        line = current.siblingAtColumn(0).data()
        name = current.siblingAtColumn(2).data()
        text = current.siblingAtColumn(3).data()
        self.detail.setText(f"Line {line}, {name}: {text}" if text else "")

    def visible_rows(self) -> int:
        return self.proxy.rowCount()


def summary_sentence(report: ImportReport) -> str:
    """ "contacts.csv: 12 added, 3 merged into people already here, 2 skipped." (zeros left out)."""
    name = Path(report.path).name
    words: dict[ImportStatus, str] = {
        "added": "would be added" if report.dry_run else "added",
        "merged": "merged into people already here",
        "unchanged": "already here, nothing new",
        "skipped": "skipped",
    }
    parts = [f"{report.count(k):,} {w}" for k, w in words.items() if report.count(k)]
    body = ", ".join(parts) if parts else "nothing to import"
    return f"Dry run of {name}: {body}." if report.dry_run else f"{name}: {body}."
