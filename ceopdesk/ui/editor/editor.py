"""The release editor: the form, a live preview, the workflow bar, autosave and undo.

There is no Save button.  What the form holds is queued for the store (through
``StoreOps``, off the UI thread, in the order typed) after a short quiet spell,
at the latest ``MAX_UNSAVED_MS`` after the first unsaved keystroke, when focus
leaves the form, and before anything else happens to the release.  A draft is
saved as typed however incomplete; completeness is checked at submission.
The save line says "Saved" only once the store has confirmed the form as shown.
Each saved edit is also an undo step: a pair of form snapshots.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core import settings as core_settings
from ...core.domain import Release
from ...core.releases import service as releases
from ...core.releases import workflow
from .. import dialogs
from ..operations import (
    BOILERPLATE,
    RELEASES,
    SETTINGS,
    StoreOps,
    describe_failure,
    run_in_background,
)
from ..style import banner
from .actions import EditorActions
from .export import email_mime
from .findings import FindingsPanel
from .form import ReleaseForm
from .preview import Preview
from .undo import FormSnapshot, same_form
from .workflow_bar import WorkflowBar

SAVE_DELAY_MS = 300
MAX_UNSAVED_MS = 500  # with the write itself, a kill loses at most about a second of typing
FAILED_RETRY_MS = 5000
BANNERS = {
    "in_review": (
        "info",
        "In review. You can still correct it; export a new draft for the approver if you do.",
    ),
    "issued": (
        "info",
        "Issued: this release went out as it is, so it is read-only. It can only be withdrawn.",
    ),
    "withdrawn": ("info", "Withdrawn: read-only. Reopen it as a draft to edit it again."),
}
SAVED, SAVING, NOT_SAVED = "Saved", "Saving…", "NOT saved"


class ReleaseEditor(QWidget):
    message = Signal(str)  # for the status bar
    save_state = Signal(str)  # SAVED, SAVING or NOT_SAVED (with the reason): the save line
    saved = Signal(object)  # a Release: the form as the store has just confirmed it
    back_requested = Signal()
    undo_state_changed = Signal()

    def __init__(self, ops: StoreOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.store = ops.store
        self._release: Release | None = None  # as the store last returned it
        self._saved: Release | None = None  # the form's state as the store confirmed it
        self._sent: Release | None = None  # the form's state as last queued for the store
        self._dirty = False  # typed since the last queueing
        self._reread = 0  # the newest read of the stored release asked for after a change
        self._failure: str | None = None  # why the last write did not reach the store
        self._generation = 0  # saves answered after the release was shown again push no step
        self._note: str | None = None  # a warning the banner keeps until another release opens
        self._undo_when_saved = False
        self._settings = core_settings.load(self.store)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(200)

        self.bar = WorkflowBar()
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.make_changes_button = QPushButton()
        self.make_changes_button.setToolTip(
            "Unlock the form. The approval is void from then on, "
            "so the release needs approving again."
        )
        self.banner_row = QWidget()
        row = QHBoxLayout(self.banner_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.banner, 1)
        row.addWidget(self.make_changes_button)
        self.banner_row.hide()
        self.unsaved = QLabel()
        self.unsaved.setWordWrap(True)
        self.unsaved.setStyleSheet(banner("error"))
        self.unsaved.hide()
        self.form = ReleaseForm(self.store)
        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setWidget(self.form)
        self.form_scroll.setMinimumWidth(440)
        self.preview = Preview(lambda: self._settings, self.store)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.form_scroll)
        self.splitter.addWidget(self.preview)
        self.findings = FindingsPanel(ops, self.form, self.release)
        self.splitter.addWidget(self.findings)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([620, 420, 320])  # until the person drags it (kept in QSettings)
        layout = QVBoxLayout(self)
        layout.addWidget(self.bar)
        layout.addWidget(self.banner_row)
        layout.addWidget(self.unsaved)
        layout.addWidget(self.splitter, 1)
        self.workflow = EditorActions(self)

        self._save_timer = QTimer(self)  # a quiet spell after the last keystroke
        self._save_timer.setSingleShot(True)
        self._save_timer.timeout.connect(self.flush)
        self._deadline = QTimer(self)  # at the latest this long after the first one
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_UNSAVED_MS)
        self._deadline.timeout.connect(self.flush)
        self.form.edited.connect(self._edited)
        self.form.notes.take_latest_requested.connect(self.workflow.take_latest)
        self.make_changes_button.clicked.connect(self.workflow.make_changes)
        self.bar.move_requested.connect(self.workflow.request_move)
        self.bar.back_requested.connect(self.back_requested)
        self.bar.export_requested.connect(self.workflow.export_word)
        self.bar.copy_requested.connect(self.copy_email_text)
        self.undo_stack.canUndoChanged.connect(self.undo_state_changed)
        self.undo_stack.canRedoChanged.connect(self.undo_state_changed)
        ops.store_changed.connect(self._store_changed)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    # -- what is open -------------------------------------------------------
    @property
    def reference(self) -> str | None:
        return None if self._release is None else self._release.reference

    def stored_release(self) -> Release | None:
        """The release as the store last returned it (status, approval, versions)."""
        return self._release

    def release(self) -> Release | None:
        """The release as the form shows it now (saved or not)."""
        return None if self._release is None else self.form.read(self._release)

    def open(self, reference: str) -> bool:
        """Show a release; what was typed in the one shown before is queued for saving first."""
        self.flush()
        self.show_release(releases.get(self.store, reference))
        self.undo_stack.clear()
        self.form.sections.set_speakers(releases.speakers(self.store))
        self.form_scroll.verticalScrollBar().setValue(0)
        return True

    def show_release(self, release: Release, note: str | None = None) -> None:
        self._release = release
        self.form.contact.set_settings_block(self._settings.contact)
        self.form.set_smart_quotes(self._settings.smart_quotes)
        self.form.set_release(release)
        self._saved = self._sent = self.form.read(release)
        self._dirty = False
        self._failure = None
        self._generation += 1
        self._undo_when_saved = False
        self._note = note
        self._show_save_state()
        self.refresh_workflow()
        self.preview.schedule(self._saved, at_once=True)
        self.findings.schedule(at_once=True)
        self.undo_state_changed.emit()

    def refresh_workflow(self) -> None:
        release, note = self._release, self._note
        assert release is not None
        moves = workflow.allowed_moves(self.store, release.reference)
        self.bar.show_release(release, moves)
        locked = release.status in releases.READ_ONLY or release.status == "approved"
        self.form.setEnabled(not locked)
        kind, text = BANNERS.get(release.status, ("info", ""))
        if release.status == "withdrawn" and moves.get("draft"):
            text = f"Withdrawn: read-only. {moves['draft']}"
        approved = release.status == "approved"
        if approved:
            by = f" by {release.approved_by}" if release.approved_by else ""
            kind, text = (
                "warning",
                (
                    f"Approved{by}: locked, so no stray keystroke can void the approval. To change "
                    "it, choose “Make changes”; it will then need approving again."
                ),
            )
            self.make_changes_button.setText(f"&Make changes (voids the approval{by})")
        self.make_changes_button.setVisible(approved)
        if note:
            kind, text = "warning", note
        self.banner.setText(text)
        self.banner.setStyleSheet(banner(kind))
        self.banner_row.setVisible(bool(text) or approved)

    # -- views follow the store --------------------------------------------
    def _store_changed(self, kinds: frozenset[str]) -> None:
        if SETTINGS in kinds:
            self._settings = core_settings.load(self.store)
            self.form.contact.set_settings_block(self._settings.contact)
            self.form.set_smart_quotes(self._settings.smart_quotes)
        if self._release is None:
            return
        if kinds & {RELEASES, BOILERPLATE} and not self.is_dirty():
            # Read off the UI thread: after every autosave, and while another process
            # imports, this read took ~50 ms of the typist's time (ui_stall_bench --why).
            self._reread += 1
            asked, reference = self._reread, self._release.reference
            shown = self.form.read(self._release)
            run_in_background(
                self,
                lambda: releases.get(self.store, reference),
                lambda stored: self._stored_read(asked, shown, stored),
                on_failure=lambda _exc: None,  # deleted meanwhile: keep showing the form
                busy=False,
            )
            return
        if kinds & {RELEASES, BOILERPLATE, SETTINGS}:
            self.preview.schedule(self.form.read(self._release), at_once=True)

    def _stored_read(self, asked: int, shown: Release, stored: Release) -> None:
        """The release as the store holds it after a change, unless a newer read was asked
        for, another release is open now, or the form changed while it was read (typing,
        or text set by the program) — the form's own words always win."""
        current = self._release
        if asked != self._reread or current is None or current.reference != stored.reference:
            return
        if not self.is_dirty() and same_form(self.form.read(current), shown):
            self._release = current = stored
            shown = self.form.read(stored)
            if not same_form(shown, stored):  # changed elsewhere (e.g. library notes)
                self.form.notes.set_notes(stored.notes)
                if not same_form(self.form.read(stored), stored):
                    self.form.set_release(stored)
                self._saved = self._sent = self.form.read(stored)
            self.refresh_workflow()
        self.preview.schedule(self.form.read(current), at_once=True)

    # -- autosave -----------------------------------------------------------
    def _edited(self) -> None:
        self._dirty = True
        self._save_timer.start(SAVE_DELAY_MS)
        if not self._deadline.isActive():
            self._deadline.start()
        if (release := self._release) is not None:
            self.preview.schedule_from(lambda: self.form.read(release))
        self._show_save_state()
        self.undo_state_changed.emit()

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._dirty and old is not None and self.form.isAncestorOf(old):
            self.flush()

    def is_dirty(self) -> bool:
        """Whether the form holds anything the store has not confirmed yet."""
        return self._dirty or (self._sent is not self._saved)

    def flush(self) -> bool:
        """Queue what the form holds now for the store (in order, off the UI thread).

        True when nothing is left unqueued; whether it reached the store shows on the
        save line, and ``ops.wait_idle()`` waits for it.
        """
        self._save_timer.stop()
        self._deadline.stop()
        if not self._dirty or self._release is None or self._sent is None:
            return True
        if not self.form.isEnabled():
            return True  # locked: nothing typed can be in it
        self._dirty = False
        current = self.form.read(self._release)
        if same_form(current, self._sent):
            self._show_save_state()
            return True
        self._send(current)
        return True

    def _send(self, current: Release, push_undo: bool = True) -> None:
        reference, generation = current.reference, self._generation
        self._sent = current
        self._show_save_state()
        self.ops.mutate(
            self,
            lambda store: releases.update(store, self._based_on_newest(current)),
            {RELEASES},
            lambda stored: self._saved_ok(current, stored, push_undo, generation),
            on_failure=lambda exc: self._save_failed(current, exc),
            report=False,
            coalesce=("release", reference),
        )

    def _based_on_newest(self, sent: Release) -> Release:
        """``sent`` based on the version the editor last had from the store.

        Runs on the write thread when the write starts: writes are serial and the previous
        save's ``_saved_ok`` has run by then, so a save queued before it answered is based
        on the version it made, not the one the form had when the save was queued. Anything
        else that moved the release on makes the store refuse the save (a stale write).
        """
        base = self._release
        if base is None or base.reference != sent.reference:
            return sent
        return replace(sent, version=base.version)

    def _saved_ok(self, sent: Release, stored: Release, push_undo: bool, generation: int) -> None:
        if self._release is None or sent.reference != self._release.reference:
            return  # saved after the person moved on: nothing here shows it
        if (
            push_undo
            and generation == self._generation
            and self._saved is not None
            and not same_form(self._saved, sent)
        ):
            self.undo_stack.push(FormSnapshot(self._restore, self._saved, sent))
        self._saved = sent
        self.saved.emit(sent)
        if self._sent is sent:
            self._failure = None
        self._release = stored
        self._show_save_state()
        self.undo_state_changed.emit()
        if self._undo_when_saved and not self.is_dirty():
            self._undo_when_saved = False
            self.undo()

    def _save_failed(self, sent: Release, exc: BaseException) -> None:
        reason = describe_failure(exc)
        if self._release is None or sent.reference != self._release.reference:
            dialogs.show_error(
                self,
                f"Your last change to “{sent.headline}” ({sent.reference}) "
                f"was NOT saved: {reason}. Open it again to redo it.",
            )
            return
        self._failure = reason
        self._undo_when_saved = False
        if self._sent is sent:  # the form still holds it: queue it again after a while
            self._sent = self._saved
            self._dirty = True
            self._save_timer.start(FAILED_RETRY_MS)
        self._show_save_state()

    def _show_save_state(self) -> None:
        if self._failure is not None:
            text = (
                f"NOT saved: {self._failure}. What you typed is still in the form and "
                "will be tried again; do not close ceopdesk yet."
            )
            self.unsaved.setText(text)
            self.unsaved.show()
            self.save_state.emit(f"{NOT_SAVED}: {self._failure}")
            return
        self.unsaved.hide()
        self.save_state.emit(SAVING if self.is_dirty() else SAVED if self._release else "")

    def unsaved_reason(self) -> str:
        """Why the form is not in the store, or "" (still saving is not a failure)."""
        return "" if self._failure is None else f"NOT saved: {self._failure}"

    # -- undo ---------------------------------------------------------------
    def can_undo(self) -> bool:
        return self._release is not None and (self.is_dirty() or self.undo_stack.canUndo())

    def can_redo(self) -> bool:
        return self._release is not None and not self.is_dirty() and self.undo_stack.canRedo()

    def undo(self) -> None:
        if self.is_dirty():
            # Typing not confirmed yet: it becomes an undo step once the store has it, and
            # that step is undone then (so Redo can bring the typing back).
            self._undo_when_saved = True
            self.flush()
            return
        if self.undo_stack.canUndo():
            self.undo_stack.undo()

    def redo(self) -> None:
        if not self.is_dirty() and self.undo_stack.canRedo():
            self.undo_stack.redo()

    def _restore(self, snapshot: Release) -> None:
        assert self._release is not None
        self._save_timer.stop()
        self._deadline.stop()
        self.form.set_release(replace(snapshot, status=self._release.status))
        restored = self.form.read(self._release)
        self._dirty = False
        self._failure = None
        if not same_form(restored, self._sent or restored):
            self._send(restored, push_undo=False)
        self._show_save_state()
        self.preview.schedule(restored, at_once=True)
        self.undo_state_changed.emit()

    # -- out ----------------------------------------------------------------
    def export_word(self) -> None:
        self.workflow.export_word()

    def copy_email_text(self) -> None:
        current = self.release()
        if current is None:
            return
        QApplication.clipboard().setMimeData(email_mime(current, self._settings))
        self.message.emit(f"Copied {current.reference} to the clipboard as email text")

    # -- UI state -----------------------------------------------------------
    def save_state_to(self, settings: QSettings) -> None:
        settings.setValue("editor/splitter", self.splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("editor/splitter")
        if state is not None:
            self.splitter.restoreState(state)
