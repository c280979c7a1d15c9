"""File ▸ Backups…: the store's backups with what each holds, a backup now, a restore.

A restore from here goes through the window's one write queue: what was typed is
saved first, then the backup's rows replace the store's in one locked
transaction (the file itself stays, so the window's store keeps working), and
``store_changed`` with every kind makes each view read the restored data.
Also here: the automatic backup every 30 minutes when something changed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import backup, paths
from ..core.backup import BackupInfo
from ..core.restore import RestoreReport, restore_open_store
from . import dialogs
from .operations import KINDS, StoreOps, run_in_background

AUTO_BACKUP_MS = 30 * 60 * 1000
REASONS = {
    "manual": "made by hand",
    "auto": "every 30 minutes",
    "closing": "on closing",
    "before-upgrade": "before an upgrade",
    "before-import": "before an import",
    "before-merge": "before a merge",
    "before-restore": "before a restore",
}


class AutoBackup(QObject):
    """Every 30 minutes, a verified backup if anything changed (on the write queue)."""

    def __init__(self, ops: StoreOps, interval_ms: int = AUTO_BACKUP_MS) -> None:
        super().__init__(ops)
        self.ops = ops
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run)
        self.timer.start()

    def run(self) -> None:
        self.ops.mutate(
            None, lambda store: backup.auto_backup(store.path, "auto"), (), report=False
        )


def holds(path: Path) -> str:
    """ "12 releases, 3,402 contacts": what a store file holds, read without changing it."""
    try:
        conn = sqlite3.connect(paths.read_only_uri(path), uri=True)
        try:
            releases = conn.execute("SELECT count(*) FROM release").fetchone()[0]
            contacts = conn.execute("SELECT count(*) FROM contact").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return "cannot be read"
    return (
        f"{releases:,} release{'s' * (releases != 1)}, {contacts:,} contact{'s' * (contacts != 1)}"
    )


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB" if n >= 1_048_576 else f"{max(1, n // 1024)} KB"


class BackupsDialog(QDialog):
    def __init__(
        self,
        ops: StoreOps,
        parent: QWidget | None = None,
        before_restore: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.ops = ops
        self._before_restore = before_restore or (lambda: None)
        self._backups: list[BackupInfo] = []
        self.now_label = QLabel()
        self.now_label.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(["Made", "Size", "Why", "Holds"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel(
            "Backups are checked before they are kept: everything from the last 48 hours, then "
            "one a day for 12 days, one a week for 10 weeks, one a month for 6 months. People "
            "erased since a backup was made are erased again when it is restored."
        )
        self.note.setWordWrap(True)
        self.backup_button = QPushButton("Back up now")
        self.restore_button = QPushButton("Restore this backup…")
        self.restore_button.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.now_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(row)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.selected() is not None)
        )
        self.resize(760, 420)
        self.refresh()

    # -- reading ---------------------------------------------------------------
    def refresh(self) -> None:
        path = self.ops.store.path
        self.now_label.setText(f"The store {path} — reading…")

        def read() -> tuple[str, list[tuple[BackupInfo, str]]]:
            return holds(path), [(b, holds(b.path)) for b in backup.list_backups(path)]

        run_in_background(self, read, self._show, busy=False)

    def _show(self, found: tuple[str, list[tuple[BackupInfo, str]]]) -> None:
        now, rows = found
        path = self.ops.store.path
        self.now_label.setText(f"The store {path} holds {now} now.")
        self._backups = [b for b, _ in rows]
        self.table.setRowCount(len(rows))
        for i, (b, held) in enumerate(rows):
            cells = [
                b.when.strftime("%a %d %b %Y %H:%M:%S"),
                _size(b.size),
                REASONS.get(b.reason, b.reason),
                held,
            ]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(b.path))
                if j == 1:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(i, j, item)
        if not rows:
            self.note.setText(
                "No backups yet. One is made every 30 minutes when something "
                "changed, on closing, and before imports and merges."
            )

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None

    # -- changing ----------------------------------------------------------------
    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)

        def done(_info: object) -> None:
            self.backup_button.setEnabled(True)
            self.refresh()

        self.ops.mutate(
            self,
            lambda store: backup.make_backup(store.path, "manual"),
            (),
            done,
            on_failure=lambda _exc: self.backup_button.setEnabled(True),
        )

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        question = (
            f"Restore the backup of {chosen.when_text}?\n\nEverything changed since then is "
            "replaced by what the backup holds. The store as it is now is kept as a backup "
            "first, so this can be undone from this window."
        )
        if not dialogs.confirm(self, "Restore a backup", question, "Restore"):
            return
        self._before_restore()  # what was typed is saved first, in order
        self.ops.mutate(
            self, lambda store: restore_open_store(store, chosen.path), KINDS, self._restored
        )

    def _restored(self, report: RestoreReport) -> None:
        dialogs.show_info(self, report.sentence(), "Backup restored")
        self.refresh()
