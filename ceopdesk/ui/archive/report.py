"""The per-file report of an archive import: imported, unsure, failed and why."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from ...core.releases.importing import FileReport, ImportReport

COLUMNS = ("File", "Outcome", "Reference", "Status", "Unsure or why it failed")
OUTCOMES = {"imported": "Imported", "failed": "Failed", "not read": "Not saved (stopped)"}


def detail(entry: FileReport) -> str:
    if entry.error:
        # The file is named in its own column; the sentence need not repeat the folder.
        return entry.error.replace(str(entry.source), entry.source.name)
    return "; ".join(entry.unsure)


class ReportTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(COLUMNS), parent)
        self.setHorizontalHeaderLabels(COLUMNS)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)

    def show_report(self, report: ImportReport) -> None:
        self.setRowCount(len(report.files))
        for row, entry in enumerate(report.files):
            status = entry.status or ""
            if entry.outcome == "imported" and entry.status_reason:
                status = f"{status} ({entry.status_reason})"
            values = (
                entry.source.name,
                OUTCOMES[entry.outcome],
                entry.reference or "",
                status,
                detail(entry),
            )
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(str(entry.source) if col == 0 else value)
                self.setItem(row, col, cell)
        self.resizeRowsToContents()
