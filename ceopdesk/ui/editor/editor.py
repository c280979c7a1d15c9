"""The release editor: the form, a live preview, the workflow bar, autosave and undo.

There is no Save button. An edit is written through ``releases.update`` after
a short quiet spell, when focus leaves the form, and before anything else
happens to the release (switching, closing, a workflow move, an export).
Each saved edit is also an undo step: a pair of form snapshots.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core import audit
from ...core import settings as core_settings
from ...core.domain import Release
from ...core.errors import StoreBusy, UserError
from ...core.releases import service as releases
from ...core.releases import workflow
from ...core.store import Store
from ...documents.text import render_text
from .. import dialogs
from ..operations import report_failure, run_in_background
from ..style import banner
from .approval_dialog import ApprovalDialog
from .export import ask_export_path
from .form import ReleaseForm
from .preview import Preview
from .undo import FormSnapshot, same_form
from .workflow_bar import WorkflowBar

SAVE_DELAY_MS = 600
BANNERS = {
    "in_review": ("info", "In review. You can still correct it; export a new draft for the "
                  "approver if you do."),
    "approved": ("warning", "Approved. Any edit will void the approval and return the release "
                 "to draft, so it would need approving again."),
    "issued": ("info", "Issued: this release went out as it is, so it is read-only. It can only "
               "be withdrawn."),
    "withdrawn": ("info", "Withdrawn: read-only. Reopen it as a draft to edit it again."),
}  # fmt: skip


BUSY_RETRY_MS = 5000


class ReleaseEditor(QWidget):
    message = Signal(str)  # for the status bar
    changed = Signal()  # saved or moved: the list is out of date
    back_requested = Signal()
    undo_state_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._release: Release | None = None  # as the store last returned it
        self._saved: Release | None = None  # the form's state as last saved
        self._dirty = False
        self._settings = core_settings.load(store)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)

        self.bar = WorkflowBar()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.unsaved = QLabel()
        self.unsaved.setWordWrap(True)
        self.unsaved.setStyleSheet(banner("error"))
        self.unsaved.hide()
        self.form = ReleaseForm(store)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.form)
        self.scroll.setMinimumWidth(440)
        self.preview = Preview(lambda: self._settings)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([660, 480])  # until the person drags it (kept in QSettings)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.banner)
        layout.addWidget(self.unsaved)
        layout.addWidget(self.splitter, 1)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self.form.edited.connect(self._edited)
        self.form.notes.take_latest_requested.connect(self.take_latest)
        self.bar.move_requested.connect(self.request_move)
        self.bar.back_requested.connect(self.back_requested)
        self.bar.export_requested.connect(self.export_word)
        self.bar.copy_requested.connect(self.copy_email_text)
        self.undo_stack.canUndoChanged.connect(self.undo_state_changed)
        self.undo_stack.canRedoChanged.connect(self.undo_state_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- what is open -------------------------------------------------------
    @property
    def reference(self) -> str | None:
        return None if self._release is None else self._release.reference

    def release(self) -> Release | None:
        """The release as the form shows it now (saved or not)."""
        return None if self._release is None else self.form.read(self._release)

    def open(self, reference: str) -> bool:
        """Show a release; anything unsaved in the one shown before is saved first."""
        if self._release is not None and not self.flush():
            return False
        self._show(releases.get(self.store, reference))
        self.undo_stack.clear()
        self.form.sections.set_speakers(releases.speakers(self.store))
        return True

    def _show(self, release: Release) -> None:
        self._release = release
        self.form.contact.set_settings_block(self._settings.contact)
        self.form.set_release(release)
        self._saved = self.form.read(release)
        self._dirty = False
        self.unsaved.hide()
        self._refresh_workflow()
        self.preview.schedule(self._saved, at_once=True)
        self.undo_state_changed.emit()

    def reload_settings(self) -> None:
        self._settings = core_settings.load(self.store)
        self.form.contact.set_settings_block(self._settings.contact)
        if self._release is not None:
            self.preview.schedule(self.form.read(self._release), at_once=True)

    def _refresh_workflow(self, note: str | None = None) -> None:
        release = self._release
        assert release is not None
        self.bar.show_release(release, workflow.allowed_moves(self.store, release.reference))
        read_only = release.status in releases.READ_ONLY
        self.form.setEnabled(not read_only)
        kind, text = BANNERS.get(release.status, ("info", ""))
        if release.status == "withdrawn":
            reason = workflow.allowed_moves(self.store, release.reference).get("draft")
            text = f"Withdrawn: read-only. {reason}" if reason else text
        if note:
            kind, text = "warning", note
        self.banner.setText(text)
        self.banner.setStyleSheet(banner(kind))
        self.banner.setVisible(bool(text))

    # -- autosave -----------------------------------------------------------
    def _edited(self) -> None:
        self._dirty = True
        self._save_timer.start(SAVE_DELAY_MS)
        if self._release is not None:
            self.preview.schedule_from(lambda: self.form.read(self._release))  # type: ignore[arg-type]
        self.undo_state_changed.emit()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._dirty and old is not None and self.form.isAncestorOf(old):
            self.flush()

    def is_dirty(self) -> bool:
        return self._dirty

    def flush(self) -> bool:
        """Write what the form holds now; False (with the reason shown) if it cannot be saved."""
        self._save_timer.stop()
        if not self._dirty or self._release is None or self._saved is None:
            return True
        current = self.form.read(self._release)
        if same_form(current, self._saved):
            self._dirty = False
            return True
        try:
            stored = releases.update(self.store, current)
        except UserError as exc:
            self.unsaved.setText(f"Not saved yet: {exc}")
            self.unsaved.show()
            if isinstance(exc, StoreBusy):
                # Keep trying while the form holds the words; not at once, since each
                # try waits for the lock.
                self._save_timer.start(BUSY_RETRY_MS)
            return False
        self.undo_stack.push(FormSnapshot(self._restore, self._saved, current))
        self._saved = current
        self._dirty = False
        self._after_save(stored)
        return True

    def unsaved_reason(self) -> str:
        return self.unsaved.text() if self.unsaved.isVisible() else ""

    def _after_save(self, stored: Release) -> None:
        assert self._release is not None
        voided = self._release.status == "approved" and stored.status == "draft"
        approver = self._release.approved_by
        # The form keeps its text; the store decides status, approval and versions.
        self._release = stored
        self.unsaved.hide()
        note = (f"Your edit voided the approval by {approver}: the release is a draft again "
                "and needs approving again.") if voided else None  # fmt: skip
        self._refresh_workflow(note)
        self.message.emit("Saved" if not voided else "Saved — the approval is void")
        self.changed.emit()

    # -- undo ---------------------------------------------------------------
    def can_undo(self) -> bool:
        return self._release is not None and (self._dirty or self.undo_stack.canUndo())

    def can_redo(self) -> bool:
        return self._release is not None and not self._dirty and self.undo_stack.canRedo()

    def undo(self) -> None:
        if self._dirty and not self.flush():
            if self._saved is not None:  # cannot be saved: go back to what was
                self._restore(self._saved, save=False)
            return
        if self.undo_stack.canUndo():
            self.undo_stack.undo()

    def redo(self) -> None:
        if self.flush() and self.undo_stack.canRedo():
            self.undo_stack.redo()

    def _restore(self, snapshot: Release, save: bool = True) -> None:
        assert self._release is not None
        self.form.set_release(replace(snapshot, status=self._release.status))
        self._saved = self.form.read(self._release)
        self._dirty = False
        self.unsaved.hide()
        if save:
            try:
                self._after_save(releases.update(self.store, self._saved))
            except UserError as exc:
                report_failure(self, exc)
        self.preview.schedule(self._saved, at_once=True)
        self.undo_state_changed.emit()

    # -- notes from the library --------------------------------------------
    def take_latest(self, key: str) -> None:
        if self._release is None or not self.flush():
            return
        try:
            stored = releases.take_latest_boilerplate(self.store, self._release.reference, key)
        except UserError as exc:
            report_failure(self, exc)
            return
        self._release = stored
        self.form.notes.set_notes(stored.notes)
        self._saved = self.form.read(stored)
        self.preview.schedule(self._saved, at_once=True)
        self.message.emit(f"Took the new text of “{key}”")
        self.changed.emit()

    def refresh_notes(self) -> None:
        """The boilerplate library changed: show which notes are now out of date."""
        if self._release is None or not self.flush():
            return
        stored = releases.get(self.store, self._release.reference)
        self._release = stored
        self.form.notes.set_notes(stored.notes)
        self._saved = self.form.read(stored)
        self.preview.schedule(self._saved, at_once=True)

    # -- workflow -----------------------------------------------------------
    def request_move(self, target: str) -> None:
        release = self._release
        if release is None:
            return
        if not self.flush():
            dialogs.show_error(self, f"{self.unsaved_reason()} Fix that first.")
            return
        user, note = None, None
        if target == "approved":
            dialog = ApprovalDialog(release.reference, release.headline, self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            user, note = dialog.approver_name(), dialog.note_text()
        elif target == "withdrawn" and not dialogs.confirm(
            self, "Withdraw release",
            f"Withdraw {release.reference}? It will be read-only and marked as withdrawn.",
            "Withdraw",
        ):  # fmt: skip
            return
        try:
            moved = workflow.set_status(self.store, release.reference, target, user, note)
        except UserError as exc:
            report_failure(self, exc)
            return
        self._show(moved)
        self.undo_stack.clear()
        self.message.emit(f"{moved.reference} is now {workflow.LABELS[target].lower()}")
        self.changed.emit()

    # -- out ----------------------------------------------------------------
    def export_word(self) -> None:
        release = self._release
        if release is None:
            return
        if not self.flush():
            dialogs.show_error(self, f"{self.unsaved_reason()} Fix that first.")
            return
        path = ask_export_path(self, release.reference, self.form.headline.text())
        if path is None:
            return
        store, reference, user = self.store, release.reference, audit.current_user()

        def export() -> tuple[Path, int]:
            from ...documents.exporting import export_release  # python-docx loads on first use

            return export_release(store, reference, path, user)

        def done(result: tuple[Path, int]) -> None:
            written, version = result
            self.bar.export_button.setEnabled(True)
            self.message.emit(f"Exported {written.name} (version {version})")
            if self._release is not None and self._release.reference == reference:
                self._release = replace(self._release, version_count=version)
                self._refresh_workflow()
            self.changed.emit()

        self.bar.export_button.setEnabled(False)
        self.message.emit(f"Exporting {path.name}…")
        run_in_background(self, export, done,
                          on_failure=lambda _e: self.bar.export_button.setEnabled(True))  # fmt: skip

    def copy_email_text(self) -> None:
        current = self.release()
        if current is None:
            return
        QApplication.clipboard().setText(render_text(current, self._settings))
        self.message.emit(f"Copied {current.reference} to the clipboard as email text")

    # -- UI state -----------------------------------------------------------
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("editor/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("editor/splitter")
        if state is not None:
            self.splitter.restoreState(state)  # type: ignore[arg-type]
