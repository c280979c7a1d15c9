"""The import wizard: file and preview -> column mapping -> options -> progress and report.

The import runs off the UI thread (``ui.operations``); the core's progress
callback is relayed to a progress bar through a queued signal, and answers
"stop" when the user cancels, so the core rolls everything back.
"""

from __future__ import annotations

import gc
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ceopdesk.core.contacts import importer
from ceopdesk.core.contacts.domain import ImportOptions, ImportReport
from ceopdesk.core.errors import UserError
from ceopdesk.core.store import Store
from ceopdesk.ui.operations import CONTACTS, LISTS, StoreOps

from .import_pages import FilePage, MappingPage, OptionsPage
from .import_report import ImportReportWidget, summary_sentence

FILE_PAGE, MAPPING_PAGE, OPTIONS_PAGE, RUN_PAGE = range(4)
Outcome = ImportReport | importer.ImportRejected | importer.ImportCancelled | UserError


class _ProgressRelay(QObject):
    """Lives on the UI thread; the worker emits, the bar hears it through a queued connection."""

    progress = Signal(int, int)


class RunPage(QWizardPage):
    """Runs the import with a progress bar, then shows the per-row report."""

    def __init__(self, ops: StoreOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        store = ops.store
        self._store = store
        self.ops = ops
        self.setTitle("Importing")
        self.running = False
        self._collector_paused = False
        self.outcome: Outcome | None = None
        self._cancel = threading.Event()
        self._options: ImportOptions | None = None
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.report_view = ImportReportWidget()
        self.report_view.hide()
        self.again_button = QPushButton()
        self.again_button.hide()
        self.again_button.clicked.connect(self._run_again)
        buttons = QHBoxLayout()
        buttons.addWidget(self.again_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.report_view, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, ImportWizard)
        self.start(wizard.path(), wizard.import_options())

    def start(self, path: str, options: ImportOptions) -> None:
        self._path, self._options = path, options
        self.running, self.outcome = True, None
        self._cancel.clear()
        self.setTitle("Dry run" if options.dry_run else "Importing")
        self.setSubTitle(f"Reading {Path(path).name}. Cancel stops the import and changes nothing.")
        self.bar.show()
        self.bar.setRange(0, 0)
        self.status.setStyleSheet("")
        self.status.setText("Reading the file…")
        self.report_view.hide()
        self.again_button.hide()
        self.completeChanged.emit()
        wizard = self.wizard()
        if wizard is not None:
            wizard.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
            wizard.button(QWizard.WizardButton.CancelButton).setEnabled(True)
        relay = _ProgressRelay(self)
        relay.progress.connect(self._progress)
        cancel = self._cancel

        def progress(done: int, total: int) -> bool | None:
            try:
                relay.progress.emit(done, total)
            except RuntimeError:  # the wizard has gone: stop
                return False
            return False if cancel.is_set() else None

        def work(store: Store) -> Outcome:
            try:
                return importer.import_file(store, Path(path), options, progress)
            except UserError as exc:  # rejected, cancelled or unreadable: shown on this page
                return exc

        # The import makes millions of objects that live until it ends, and CPython's cycle
        # collector would walk them again and again (twice the import's time at 100,000
        # rows). This call site, on the UI thread, pauses it for this import only.
        self._collector_paused = gc.isenabled()
        gc.disable()
        resume_anyway = gc.enable if self._collector_paused else (lambda: None)
        self.destroyed.connect(lambda *_: resume_anyway())  # the page went before the answer
        # A write like any other: in line with the others, and the views follow store_changed.
        kinds = set() if options.dry_run else {CONTACTS, LISTS}
        self.ops.mutate(self, work, kinds, self._finished, on_failure=self._failed)

    def _resume_collector(self) -> None:
        if self._collector_paused:
            self._collector_paused = False
            gc.enable()
            gc.collect()  # once, now, rather than at a later keystroke

    def _failed(self, _exc: BaseException) -> None:  # reported by ui.operations already
        self._resume_collector()
        self.running = False

    def cancel(self) -> None:
        self._cancel.set()
        self.status.setText("Cancelling… nothing will be saved.")

    def _progress(self, done: int, total: int) -> None:
        if total <= 0:
            return
        # The core counts each record twice (read and checked, then written).
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        verb = "Checking" if self._options is not None and self._options.dry_run else "Importing"
        if not self._cancel.is_set():
            self.status.setText(f"{verb} {total // 2:,} records…")

    def _finished(self, outcome: Outcome) -> None:
        self._resume_collector()
        self.running = False
        self.outcome = outcome
        self.bar.hide()
        wizard = self.wizard()
        if isinstance(outcome, ImportReport):
            self.setTitle("Dry run finished" if outcome.dry_run else "Import finished")
            self.setSubTitle("What happened to each record of the file, by line number.")
            self.status.setText("")
            self.report_view.show_report(outcome)
            self.report_view.show()
            if outcome.dry_run:
                self._offer("Import for real now", dry_run=False)
            elif isinstance(wizard, ImportWizard):
                wizard.report = outcome
        elif isinstance(outcome, importer.ImportRejected):
            self.setTitle("Nothing was imported")
            self.setSubTitle("Some rows have problems. Fix them in the file, or skip them.")
            self.report_view.show_report(outcome.report, headline=str(outcome))
            self.report_view.show()
            self.status.setText("")
            self._offer("Skip the bad rows and import the rest", skip_bad_rows=True)
        else:
            self.setTitle(
                "Import cancelled"
                if isinstance(outcome, importer.ImportCancelled)
                else "Nothing was imported"
            )
            self.setSubTitle("")
            self.status.setStyleSheet("color: #b00020;")
            self.status.setText(str(outcome))
        self.completeChanged.emit()
        if isinstance(wizard, ImportWizard):
            wizard.run_finished()

    def _offer(self, text: str, **change: bool) -> None:
        self._again = change
        self.again_button.setText(text)
        self.again_button.show()

    def _run_again(self) -> None:
        if self._options is None:
            return
        options = self._options
        for key, value in self._again.items():
            setattr(options, key, value)
        self.start(self._path, options)

    def isComplete(self) -> bool:
        return not self.running


class ImportWizard(QWizard):
    """After ``exec()``, ``report`` is the report of an import that changed the store (or None)."""

    def __init__(self, ops: StoreOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import contacts")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.resize(860, 620)
        self.report: ImportReport | None = None
        self._closing = False
        self.file_page = FilePage()
        self.mapping_page = MappingPage()
        self.options_page = OptionsPage()
        self.options_page.setCommitPage(True)
        self.run_page = RunPage(ops)
        self.run_page.setFinalPage(True)
        self.setPage(FILE_PAGE, self.file_page)
        self.setPage(MAPPING_PAGE, self.mapping_page)
        self.setPage(OPTIONS_PAGE, self.options_page)
        self.setPage(RUN_PAGE, self.run_page)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Import")
        self.setButtonText(QWizard.WizardButton.FinishButton, "Close")
        self.options_page.dry_run.toggled.connect(
            lambda on: self.setButtonText(
                QWizard.WizardButton.CommitButton, "Dry run" if on else "Import"
            )
        )
        self.currentIdChanged.connect(self._entered)

    def nextId(self) -> int:
        current = self.currentId()
        if current == FILE_PAGE:
            preview = self.file_page.preview
            return MAPPING_PAGE if preview and preview.unknown_headers else OPTIONS_PAGE
        return super().nextId()

    def _entered(self, page: int) -> None:
        preview = self.file_page.preview
        if page == MAPPING_PAGE and preview is not None:
            self.mapping_page.set_preview(preview)
        elif page == OPTIONS_PAGE and preview is not None:
            self.options_page.set_file(preview.path)

    def path(self) -> str:
        preview = self.file_page.preview
        return preview.path if preview is not None else self.file_page.path_edit.text()

    def import_options(self) -> ImportOptions:
        has_mapping = self.file_page.preview is not None and self.file_page.preview.unknown_headers
        mapping = self.mapping_page.mapping() if has_mapping else {}
        return self.options_page.options(mapping, self.file_page.chosen_encoding())

    def reject(self) -> None:
        """Cancel: while the import runs, ask the core to stop and close once it has."""
        if self.run_page.running:
            self._closing = True
            self.run_page.cancel()
            self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
            return
        super().reject()

    def run_finished(self) -> None:
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)  # Close is the way out
        if self._closing:
            self._closing = False
            super().reject()

    def summary(self) -> str:
        outcome = self.run_page.outcome
        return summary_sentence(outcome) if isinstance(outcome, ImportReport) else ""
