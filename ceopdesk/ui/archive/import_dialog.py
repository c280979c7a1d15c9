"""File ▸ Import releases…: past releases from files or a folder, checked before they are saved.

Three steps in one window. Reading: every file is read off the UI thread, with
a progress bar and Cancel. Review: each release is shown as the editor's
preview shows it, with what the reader was unsure of, and can be corrected
(the standfirst chosen, a paragraph made a quote and its speaker picked) or
left out. Saving: each file is stored in its own unit of work, off the UI
thread, with progress and Cancel, so a failure never leaves half a release;
then a report says, file by file, what was imported, what was unsure and
what failed and why.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...core import settings as settings_service
from ...core.domain import Release
from ...core.releases import importing
from ...core.releases import service as releases
from ...core.store import Store
from ...documents.archive import SUFFIXES, reader_for
from ..editor.preview import Preview
from ..operations import RELEASES, StoreOps, run_in_background
from .parts_panel import PartsPanel
from .report import ReportTable

READING, REVIEW, SAVING = range(3)
FILE_FILTER = "Past releases (*.docx *.html *.htm *.txt *.md *.eml *.json);;All files (*)"


class _Relay(QObject):
    """Lives on the UI thread; the worker emits, the bar hears it through a queued connection."""

    progress = Signal(int, int)


class ArchiveImportDialog(QDialog):
    imported = Signal(list)  # the new references

    def __init__(self, store: Store, ops: StoreOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle("Import past releases")
        self.resize(1100, 720)
        self.store = store
        self._cancel = threading.Event()
        self.items: list[importing.ImportedRelease | importing.ReadFailure] = []
        self.included: list[bool] = []
        self.report: importing.ImportReport | None = None
        self.running = False

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.bar = QProgressBar()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._reading_page())
        self.pages.addWidget(self._review_page())
        self.report_table = ReportTable()
        self.pages.addWidget(self.report_table)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.bar)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._show_step(READING)

    # -- pages ----------------------------------------------------------------
    def _reading_page(self) -> QWidget:
        page = QWidget()
        choose_files = QPushButton("Choose files…")
        choose_folder = QPushButton("Choose a folder…")
        choose_files.clicked.connect(self._choose_files)
        choose_folder.clicked.connect(self._choose_folder)
        self.choosers = QWidget()
        row = QHBoxLayout(self.choosers)
        row.addWidget(choose_files)
        row.addWidget(choose_folder)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.choosers)
        layout.addStretch(1)
        return page

    def _review_page(self) -> QWidget:
        self.file_list = QListWidget()
        self.file_list.setMinimumWidth(260)
        self.file_list.currentRowChanged.connect(self._show_file)
        self.file_list.itemChanged.connect(self._include_changed)
        self.unsure = QLabel()
        self.unsure.setWordWrap(True)
        self.unsure.setStyleSheet("color: #7a4b00;")
        self.parts = PartsPanel(lambda: releases.speakers(self.store))
        self.parts.changed.connect(self._corrected)
        self.preview = Preview(lambda: settings_service.load(self.store))
        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(0, 0, 0, 0)
        mid.addWidget(self.unsure)
        mid.addWidget(self.parts, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.file_list)
        split.addWidget(middle)
        split.addWidget(self.preview)
        split.setSizes([300, 400, 420])
        return split

    def _show_step(self, step: int) -> None:
        self.pages.setCurrentIndex(step)
        reading, review, saving = step == READING, step == REVIEW, step == SAVING
        self.import_button.setVisible(review)
        self.cancel_button.setVisible(reading or review or (saving and self.report is None))
        self.close_button.setVisible(saving and self.report is not None)
        self.bar.setVisible(self.running)

    # -- step 1: reading --------------------------------------------------------
    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, "Import past releases", "", FILE_FILTER)
        if names:
            self.start([Path(n) for n in names])

    def _choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, "Import a folder of past releases")
        if name:
            self.start([Path(name)])

    def start(self, paths: list[Path]) -> None:
        """Read the files (folders: every importable file in them) off the UI thread."""
        self.title.setText("Reading past releases")
        self.choosers.hide()
        store, cancel = self.store, self._cancel

        files = importing.expand(paths, SUFFIXES) if paths else []
        self.subtitle.setText(
            f"Reading {len(files):,} file(s). Nothing is saved until you "
            "have checked them and chosen Import."
        )
        self._begin(len(files))
        relay = self._relay()

        def work() -> list[importing.ImportedRelease | importing.ReadFailure]:
            return importing.read_all(files, reader_for(store), relay.progress.emit, cancel.is_set)

        run_in_background(self, work, self._read, busy=False)

    def _relay(self) -> _Relay:
        relay = _Relay(self)
        relay.progress.connect(self._progress)
        return relay

    def _begin(self, total: int) -> None:
        self.running = True
        self._cancel.clear()
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(0)
        self.bar.show()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _read(self, items: list[importing.ImportedRelease | importing.ReadFailure]) -> None:
        self.running = False
        self.items = items
        self.included = [isinstance(i, importing.ImportedRelease) for i in items]
        self.file_list.blockSignals(True)
        self.file_list.clear()
        for item in items:
            self.file_list.addItem(self._file_item(item))
        self.file_list.blockSignals(False)
        good = sum(self.included)
        stopped = " (stopped: the rest were not read)" if self._cancel.is_set() else ""
        self.title.setText("Check the releases before they are saved")
        self.subtitle.setText(
            f"{good:,} of {len(items):,} file(s) read as releases{stopped}. Pick a file to see it "
            "as it will be saved; correct it on the left. Untick a file to leave it out."
        )
        self._show_step(REVIEW)
        self._update_import_button()
        if items:
            self.file_list.setCurrentRow(0)

    def _file_item(
        self, item: importing.ImportedRelease | importing.ReadFailure
    ) -> QListWidgetItem:
        if isinstance(item, importing.ReadFailure):
            entry = QListWidgetItem(f"✗ {item.source.name}")
            entry.setToolTip(item.error)
            entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            return entry
        mark = "⚠" if item.unsure else "✓"
        entry = QListWidgetItem(f"{mark} {item.source.name}\n    {item.release.headline}")
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        entry.setCheckState(Qt.CheckState.Checked)
        return entry

    # -- step 2: review and correct --------------------------------------------
    def current(self) -> importing.ImportedRelease | None:
        row = self.file_list.currentRow()
        if 0 <= row < len(self.items):
            item = self.items[row]
            return item if isinstance(item, importing.ImportedRelease) else None
        return None

    def _show_file(self, row: int) -> None:
        if not 0 <= row < len(self.items):
            return
        item = self.items[row]
        if isinstance(item, importing.ReadFailure):
            self.unsure.setText(f"This file cannot be imported: {item.error}")
            self.parts.show_release(None)
            self.preview.browser.clear()
            return
        lines = [f"Status: {item.release.status} ({item.status_reason})."]
        lines += [f"Unsure: {doubt}." for doubt in item.unsure]
        self.unsure.setText("\n".join(lines))
        self.parts.show_release(item.release)
        self.preview.schedule(item.release, at_once=True)

    def _corrected(self, release: Release) -> None:
        item = self.current()
        if item is None:
            return
        item.release = release
        self.preview.schedule(release, at_once=True)

    def _include_changed(self, entry: QListWidgetItem) -> None:
        row = self.file_list.row(entry)
        if 0 <= row < len(self.included):
            self.included[row] = entry.checkState() == Qt.CheckState.Checked
        self._update_import_button()

    def _update_import_button(self) -> None:
        n = sum(self.included)
        self.import_button.setText(f"Import {n:,} release{'s' if n != 1 else ''}")
        self.import_button.setEnabled(n > 0)

    # -- step 3: saving and the report -----------------------------------------
    def save(self) -> None:
        chosen = [i for i, keep in zip(self.items, self.included, strict=True) if keep]
        failed = [i for i in self.items if isinstance(i, importing.ReadFailure)]
        self.title.setText("Saving")
        self.subtitle.setText("Each file is saved on its own: Cancel stops before the next one.")
        self._begin(len(chosen))
        self._show_step(SAVING)
        cancel, relay = self._cancel, self._relay()

        def work(store: Store) -> importing.ImportReport:
            # On the store's one write thread, so the import and the editor's
            # autosave never race; each file is its own unit of work.
            report = importing.import_each(store, chosen, None, relay.progress.emit, cancel.is_set)
            report.files.extend(
                importing.FileReport(f.source, "failed", error=f.error) for f in failed
            )
            return report

        self.ops.mutate(self, work, {RELEASES}, self._saved)

    def _saved(self, report: importing.ImportReport) -> None:
        self.running = False
        self.report = report
        n, bad = len(report.imported), len(report.failed)
        self.title.setText("Import finished" if not report.cancelled else "Import stopped")
        self.subtitle.setText(
            f"{n:,} release(s) imported, {bad:,} file(s) failed"
            + (", the rest were not saved." if report.cancelled else ".")
        )
        self.report_table.show_report(report)
        self._show_step(SAVING)
        self.imported.emit([f.reference for f in report.imported])

    def cancel(self) -> None:
        if self.running:
            self._cancel.set()
            self.subtitle.setText("Stopping after the file in hand…")
            return
        self.reject()
