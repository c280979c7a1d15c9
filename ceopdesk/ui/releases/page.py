"""The Releases page: the list, and the editor opened from it (one at a time, full width)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QVBoxLayout, QWidget

from ...core.domain import Release, ReleaseSummary
from ...core.errors import UserError
from ..operations import RELEASES, StoreOps, report_failure
from .list_panel import ReleaseListPanel

if TYPE_CHECKING:
    from ..editor.editor import ReleaseEditor


class ReleasesPage(QWidget):
    ops: StoreOps  # the window's, from ``attach`` on (the page is painted before the store opens)
    message = Signal(str)
    editor_shown = Signal(bool)
    # The editor's own signals, passed on: the editor is only built when first needed.
    editor_save_state = Signal(str)
    editor_undo_state = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        """The page with an empty list saying it is loading, until ``attach``."""
        super().__init__(parent)
        self.list_panel = ReleaseListPanel()
        self._editor: ReleaseEditor | None = None
        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.list_panel.open_requested.connect(self.open_release)
        self.list_panel.new_requested.connect(self.new_release)

    def attach(self, ops: StoreOps, rows: list[ReleaseSummary]) -> None:
        """Work on the store through ``ops``; ``rows`` is the whole list, read at start."""
        self.ops = ops
        self.list_panel.attach(ops, rows)

    @property
    def editor(self) -> ReleaseEditor:
        """The release editor, built on first use.

        Its imports (versions, rich text, Markdown, the checks) and its findings pane
        cost more than the whole list on show, so a start that only lists does without.
        """
        if self._editor is None:
            from ..editor.editor import ReleaseEditor

            # Once per run, a noticeable wait (imports, the form, the checks): say so.
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
            try:
                editor = ReleaseEditor(self.ops)
            finally:
                QApplication.restoreOverrideCursor()
            editor.restore_state(QSettings())
            editor.back_requested.connect(self.show_list)
            editor.message.connect(self.message)
            editor.save_state.connect(self.editor_save_state)
            editor.undo_state_changed.connect(self.editor_undo_state)
            self.stack.addWidget(editor)
            self._editor = editor
        return self._editor

    def built_editor(self) -> ReleaseEditor | None:
        """The editor if a release has been opened since the start, else None."""
        return self._editor

    def editor_is_shown(self) -> bool:
        return self._editor is not None and self.stack.currentWidget() is self._editor

    def flush(self) -> None:
        """Queue what the editor holds for saving (nothing to do if it was never built)."""
        if self._editor is not None:
            self._editor.flush()  # if it cannot be saved, the editor says why

    def show_list(self) -> None:
        if self.editor_is_shown():
            self.flush()  # queued: it lands before anything asked for later
        reference = self._editor.reference if self._editor is not None else None
        self.stack.setCurrentWidget(self.list_panel)
        self.editor_shown.emit(False)
        if reference:
            self.list_panel.select(reference)
        self.list_panel.table.setFocus()

    def refresh(self) -> None:
        self.list_panel.refresh()

    def open_release(self, reference: str) -> None:
        try:
            opened = self.editor.open(reference)
        except UserError as exc:  # e.g. deleted from the command line meanwhile
            report_failure(self, exc)
            self.refresh()
            return
        if opened:
            self.stack.setCurrentWidget(self.editor)
            self.editor_shown.emit(True)

    def new_release(self) -> None:
        """A new draft, opened at the top of the form with the headline ready for typing."""
        from ...core.releases import service as releases

        self.flush()

        def opened(draft: Release) -> None:
            self.open_release(draft.reference)
            headline = self.editor.form.headline
            self.editor.form_scroll.ensureWidgetVisible(headline)
            self.editor.form_scroll.verticalScrollBar().setValue(0)
            headline.setFocus(Qt.FocusReason.ShortcutFocusReason)
            headline.selectAll()
            self.message.emit(f"New draft {draft.reference}: type the headline to begin")

        self.ops.mutate(self, releases.new_draft, {RELEASES}, opened)

    def save_state(self, settings: QSettings) -> None:
        self.list_panel.save_state(settings)
        if self._editor is not None:  # else the editor's state saved last time stays
            self._editor.save_state_to(settings)

    def restore_state(self, settings: QSettings) -> None:
        self.list_panel.restore_state(settings)
